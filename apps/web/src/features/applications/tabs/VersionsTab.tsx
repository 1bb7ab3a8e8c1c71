import type { ApplicationDetail, Role, Version } from '@console/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Spinner';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useVersions } from '../api';
import { lifecycleBlock } from '../lifecycle/LifecycleBar';
import { RollbackDialog } from '../lifecycle/RollbackDialog';

export function VersionsTab({
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
  const versions = useVersions(accountId, app.id);
  const [target, setTarget] = useState<Version | null>(null);
  if (versions.isPending) return <Loading />;
  if (versions.error) return <ErrorPanel error={versions.error} onRetry={() => void versions.refetch()} />;
  const blocked = lifecycleBlock('rollback', app, role, t);
  return (
    <>
      <Table
        testId="versions-table"
        head={[t('versions.id'), t('versions.type'), t('versions.artifact'), t('versions.created'), '']}
      >
        {versions.data.length === 0 ? (
          <EmptyRow colSpan={5}>{t('common.empty')}</EmptyRow>
        ) : (
          versions.data.map((v) => (
            <tr key={v.id} data-testid="version-row">
              <Td>
                <code className="text-xs">{v.id}</code>
                {v.current ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">
                    {t('versions.current')}
                  </span>
                ) : null}
              </Td>
              <Td>{v.type}</Td>
              <Td>
                <span className="break-all text-xs">{v.imageUrl ?? v.packageUrl ?? '—'}</span>
              </Td>
              <Td>{formatTime(v.createdAt)}</Td>
              <Td>
                {v.current ? null : (
                  <Button
                    disabledReason={blocked}
                    onClick={() => setTarget(v)}
                    data-testid="version-rollback"
                  >
                    {t('versions.rollback')}
                  </Button>
                )}
              </Td>
            </tr>
          ))
        )}
      </Table>
      {target ? (
        <RollbackDialog
          accountId={accountId}
          app={app}
          version={target}
          onClose={() => setTarget(null)}
          onDone={(ref) => navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`)}
        />
      ) : null}
    </>
  );
}
