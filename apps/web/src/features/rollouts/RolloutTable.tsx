import type { RolloutPage } from '@console/contract';
import { Link } from 'react-router';
import { Pager } from '../../components/Pager';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';

/** A page of change orders, newest first, each linking to its own page. */
export function RolloutTable({
  accountId,
  page,
  onPage,
  testId,
}: {
  accountId: string;
  page: RolloutPage;
  onPage: (page: number) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Table
        testId={testId}
        head={[
          t('rollouts.id'),
          t('rollouts.type'),
          t('rollouts.status'),
          t('rollouts.batches'),
          t('rollouts.created'),
          t('rollouts.finished'),
        ]}
      >
        {page.items.length === 0 ? (
          <EmptyRow colSpan={6}>{t('common.empty')}</EmptyRow>
        ) : (
          page.items.map((r) => (
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
              <Td>{formatTime(r.createTime)}</Td>
              <Td>{formatTime(r.finishTime)}</Td>
            </tr>
          ))
        )}
      </Table>
      <Pager page={page.page} pageSize={page.pageSize} total={page.total} onPage={onPage} />
    </>
  );
}
