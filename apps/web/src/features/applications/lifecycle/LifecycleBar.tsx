import type { ApplicationDetail, ChangeOrderRef, Role } from '@console/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/Button';
import { useI18n } from '../../../i18n/i18n';
import { hasRole } from '../../../lib/roles';
import { useAccount, useAccountFeatures } from '../../accounts/api';
import { DeleteDialog } from './DeleteDialog';
import { DeployDialog } from './DeployDialog';
import { OfflineDialog } from './OfflineDialog';
import { PartitionDeployDialog } from './PartitionDeployDialog';
import { ResizeDialog } from './ResizeDialog';
import { ScaleDialog } from './ScaleDialog';
import { SimpleActionDialog } from './SimpleActionDialog';

type Kind = 'deploy' | 'start' | 'stop' | 'restart' | 'scale' | 'resize' | 'offline' | 'delete';

/**
 * Why an action cannot be taken now, or undefined when it can. The role comes first: a viewer learns they
 * lack the role before learning the application is busy.
 */
export function lifecycleBlock(
  kind: Kind | 'rollback',
  app: ApplicationDetail,
  role: Role,
  t: ReturnType<typeof useI18n>['t'],
): string | undefined {
  const needed = kind === 'delete' ? 'admin' : 'operator';
  if (!hasRole(role, needed)) return t('common.requiresRole', { role: needed });
  if (app.native.lastChangeOrderRunning) return t('lifecycle.reason.running');
  const stopped = app.status === 'stopped';
  if (kind === 'start' && !stopped) return t('lifecycle.reason.alreadyRunning');
  if ((kind === 'stop' || kind === 'restart') && stopped) return t('lifecycle.reason.alreadyStopped');
  if (kind === 'offline' && stopped) return t('lifecycle.reason.alreadyOffline');
  return undefined;
}

export function LifecycleBar({
  accountId,
  app,
  role,
}: {
  accountId: string;
  app: ApplicationDetail;
  role: Role;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Kind | null>(null);
  const has = useAccountFeatures(accountId);
  const partitioned = useAccount(accountId)?.product === 'retailcloud';
  const close = () => setOpen(null);
  // Some products change state without a rollout to follow (an AS group paused, an environment offline).
  const toRollout = (ref: ChangeOrderRef) => {
    setOpen(null);
    if (ref.changeOrderId) navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`);
  };
  const button = (kind: Kind, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <Button
      key={kind}
      variant={variant}
      disabledReason={lifecycleBlock(kind, app, role, t)}
      onClick={() => setOpen(kind)}
      data-testid={`lifecycle-${kind}`}
    >
      {t(`lifecycle.${kind}`)}
    </Button>
  );
  return (
    <div className="flex flex-wrap gap-2" data-testid="lifecycle-bar">
      {has('deploy') ? button('deploy', 'primary') : null}
      {has('startStop') ? [button('start'), button('stop')] : null}
      {has('startStop') && has('deploy') ? button('restart') : null}
      {has('scale') ? button('scale') : null}
      {has('resize') ? button('resize') : null}
      {has('offline') ? button('offline') : null}
      {button('delete', 'danger')}
      {open === 'deploy' && partitioned ? (
        <PartitionDeployDialog accountId={accountId} app={app} onClose={close} onDone={toRollout} />
      ) : null}
      {open === 'deploy' && !partitioned ? (
        <DeployDialog accountId={accountId} app={app} onClose={close} onDone={toRollout} />
      ) : null}
      {open === 'offline' ? (
        <OfflineDialog accountId={accountId} app={app} onClose={close} onDone={close} />
      ) : null}
      {open === 'start' || open === 'stop' || open === 'restart' ? (
        <SimpleActionDialog
          accountId={accountId}
          appId={app.id}
          appName={app.name}
          kind={open}
          onClose={close}
          onDone={toRollout}
        />
      ) : null}
      {open === 'scale' ? (
        <ScaleDialog
          accountId={accountId}
          app={app}
          partitioned={partitioned}
          onClose={close}
          onDone={toRollout}
        />
      ) : null}
      {open === 'resize' ? (
        <ResizeDialog accountId={accountId} app={app} onClose={close} onDone={toRollout} />
      ) : null}
      {open === 'delete' ? (
        <DeleteDialog
          accountId={accountId}
          app={app}
          onClose={close}
          onDone={() => {
            setOpen(null);
            navigate(`/accounts/${accountId}/applications`);
          }}
        />
      ) : null}
    </div>
  );
}
