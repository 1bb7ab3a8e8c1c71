import type { RolloutPage } from '@console/contract';
import { Link } from 'react-router';
import { NativeValue } from '../../components/NativeValue';
import { Pager } from '../../components/Pager';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useAccount } from '../accounts/api';
import { RolloutType } from './RolloutType';
import { rolloutVocabulary } from './vocabulary';

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
  const words = rolloutVocabulary(useAccount(accountId)?.product);
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
                {r.description ? (
                  <p className="text-xs text-slate-500">
                    <NativeValue value={r.description} kinds={words.descriptionKinds} />
                  </p>
                ) : null}
              </Td>
              <Td>
                <RolloutType rollout={r} />
              </Td>
              <Td>
                <StatusBadge status={r.status} native={r.nativeStatusName} nativeCode={r.nativeStatus} />
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
