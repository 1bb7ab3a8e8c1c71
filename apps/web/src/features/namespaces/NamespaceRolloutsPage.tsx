import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Pager } from '../../components/Pager';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useNamespaceRollouts } from './api';

/** Every change order of a namespace's applications, newest first, refreshed while open. */
export function NamespaceRolloutsPage() {
  const { accountId = '', namespaceId = '' } = useParams();
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const rollouts = useNamespaceRollouts(accountId, namespaceId, page);
  return (
    <section>
      <Link to={`/accounts/${accountId}/namespaces`} className="text-sm text-blue-700 hover:underline">
        ← {t('namespaces.title')}
      </Link>
      <h1 className="mt-1 mb-4 text-2xl font-semibold">
        {t('namespaces.rolloutsTitle', { id: namespaceId })}
      </h1>
      {rollouts.error ? <ErrorPanel error={rollouts.error} onRetry={() => void rollouts.refetch()} /> : null}
      {rollouts.isPending ? (
        <Loading />
      ) : rollouts.data ? (
        <>
          <Table
            testId="namespace-rollouts-table"
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
      ) : null}
    </section>
  );
}
