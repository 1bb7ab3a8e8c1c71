import type { ApplicationDetail, ChangeOrderRef, Role } from '@console/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Spinner';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime, imageTag } from '../../../lib/format';
import { useAccount, useAccountFeatures } from '../../accounts/api';
import { useInstanceLog, useInstances } from '../api';
import { lifecycleBlock } from '../lifecycle/LifecycleBar';
import { LifecycleDialog } from '../lifecycle/LifecycleDialog';

function InstanceLogDialog({
  accountId,
  appId,
  instanceId,
  onClose,
}: {
  accountId: string;
  appId: string;
  instanceId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const log = useInstanceLog(accountId, appId, instanceId);
  return (
    <Dialog
      title={t('instances.logTitle', { id: instanceId })}
      onClose={onClose}
      testId="instance-log-dialog"
    >
      {log.error ? <ErrorPanel error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.isPending ? (
        <Loading />
      ) : (
        <pre
          className="max-h-[60vh] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100"
          data-testid="instance-log"
        >
          {log.data?.log || t('instances.logEmpty')}
        </pre>
      )}
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Instances of the application; operators restart or remove the ones they tick. */
export function InstancesTab({
  accountId,
  app,
  role,
  live,
}: {
  accountId: string;
  app: ApplicationDetail;
  role: Role;
  live: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const instances = useInstances(accountId, app.id, live);
  const has = useAccountFeatures(accountId);
  // Retail Cloud rebuilds chosen instances one by one (RebuildAppInstance) and cannot remove them.
  const rebuilds = useAccount(accountId)?.product === 'retailcloud';
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<'restart' | 'remove' | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  if (instances.isPending) return <Loading />;
  if (instances.error) return <ErrorPanel error={instances.error} onRetry={() => void instances.refetch()} />;
  const present = instances.data.filter((i) => selected.has(i.id)).map((i) => i.id);
  const blocked =
    lifecycleBlock('scale', app, role, t) ?? (present.length === 0 ? t('instances.chooseFirst') : undefined);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const done = (ref: ChangeOrderRef) => {
    setAction(null);
    setSelected(new Set());
    if (ref.changeOrderId) navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`);
  };

  return (
    <div className="space-y-3">
      <div className={`flex flex-wrap items-center gap-2 ${has('instanceActions') ? '' : 'hidden'}`}>
        <span className="text-sm text-slate-600">{t('instances.selected', { count: present.length })}</span>
        <Button disabledReason={blocked} onClick={() => setAction('restart')} data-testid="instances-restart">
          {t(rebuilds ? 'instances.rebuildSelected' : 'instances.restartSelected')}
        </Button>
        {rebuilds ? null : (
          <Button
            variant="danger"
            disabledReason={blocked}
            onClick={() => setAction('remove')}
            data-testid="instances-remove"
          >
            {t('instances.removeSelected')}
          </Button>
        )}
      </div>
      <Table
        testId="instances-table"
        head={[
          '',
          t('instances.id'),
          t('instances.group'),
          t('instances.ip'),
          t('instances.status'),
          t('instances.health'),
          t('instances.restarts'),
          t('instances.version'),
          t('instances.created'),
          t('instances.log'),
        ]}
      >
        {instances.data.length === 0 ? (
          <EmptyRow colSpan={10}>{t('instances.none')}</EmptyRow>
        ) : (
          instances.data.map((i) => (
            <tr key={i.id} data-testid="instance-row">
              <Td>
                <input
                  type="checkbox"
                  checked={selected.has(i.id)}
                  onChange={() => toggle(i.id)}
                  aria-label={i.id}
                  data-testid="instance-select"
                />
              </Td>
              <Td>
                <code className="text-xs">{i.id}</code>
              </Td>
              <Td>
                <code className="text-xs">{i.groupId}</code>
              </Td>
              <Td>{i.ip ?? '—'}</Td>
              <Td>
                <code className="text-xs">{i.status}</code>
              </Td>
              <Td>{i.health ?? '—'}</Td>
              <Td>{i.restarts}</Td>
              <Td>
                <span title={i.imageUrl}>{imageTag(i.imageUrl) ?? i.version ?? '—'}</span>
              </Td>
              <Td>{formatTime(i.createdAt)}</Td>
              <Td>
                {has('instanceLog') ? (
                  <Button variant="ghost" onClick={() => setLogOf(i.id)} data-testid="instance-log-open">
                    {t('instances.log')}
                  </Button>
                ) : null}
              </Td>
            </tr>
          ))
        )}
      </Table>
      {action ? (
        <LifecycleDialog
          accountId={accountId}
          appId={app.id}
          title={t(
            action === 'remove'
              ? 'instances.removeTitle'
              : rebuilds
                ? 'instances.rebuildTitle'
                : 'instances.restartTitle',
            { count: present.length },
          )}
          submitLabel={t(
            action === 'remove'
              ? 'instances.removeSelected'
              : rebuilds
                ? 'instances.rebuildSelected'
                : 'instances.restartSelected',
          )}
          danger={action === 'remove'}
          testId={`instances-${action}-dialog`}
          onClose={() => setAction(null)}
          onDone={done}
          action={() => ({ kind: `instances/${action}`, body: { instanceIds: present } })}
        >
          <ul className="font-mono text-xs">
            {present.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
          {action === 'remove' ? <p className="text-red-800">{t('instances.removeWarning')}</p> : null}
        </LifecycleDialog>
      ) : null}
      {logOf ? (
        <InstanceLogDialog
          accountId={accountId}
          appId={app.id}
          instanceId={logOf}
          onClose={() => setLogOf(null)}
        />
      ) : null}
    </div>
  );
}
