import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Pager } from '../../components/Pager';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useAppRollouts } from './api';

/** The change orders of one application, newest first, each linking to its page. */
export function AppRollouts({ accountId, appId }: { accountId: string; appId: string }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const rollouts = useAppRollouts(accountId, appId, page);
  if (rollouts.isPending) return <Loading />;
  if (rollouts.error) return <ErrorPanel error={rollouts.error} onRetry={() => void rollouts.refetch()} />;
  return (
    <>
      <Table
        testId="rollouts-table"
        head={[
          t('rollouts.id'),
          t('rollouts.type'),
          t('rollouts.status'),
          t('rollouts.batches'),
          t('rollouts.created'),
          t('rollouts.finished'),
        ]}
      >
        {rollouts.data.items.length === 0 ? (
          <EmptyRow colSpan={6}>{t('common.empty')}</EmptyRow>
        ) : (
          rollouts.data.items.map((r) => (
            <tr key={r.id} data-testid="rollout-row">
              <Td>
                <Link
                  to={`/accounts/${accountId}/rollouts/${r.id}`}
                  className="font-mono text-xs text-blue-700 hover:underline"
                >
                  {r.id}
                </Link>
                {r.description ? <p className="text-xs text-slate-500">{r.description}</p> : null}
              </Td>
              <Td>
                {r.typeLabel} <code className="text-xs text-slate-500">{r.type}</code>
              </Td>
              <Td>
                <StatusBadge status={r.status} native={`${r.nativeStatusName} (${r.nativeStatus})`} />
              </Td>
              <Td>
                {r.batchCount} · {r.batchType}
              </Td>
              <Td>{formatTime(r.createTime, locale)}</Td>
              <Td>{formatTime(r.finishTime, locale)}</Td>
            </tr>
          ))
        )}
      </Table>
      <Pager
        page={rollouts.data.page}
        pageSize={rollouts.data.pageSize}
        total={rollouts.data.total}
        onPage={setPage}
      />
    </>
  );
}
