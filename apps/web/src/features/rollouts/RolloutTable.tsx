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

/**
 * A page of change orders, newest first, each linking to its own page. `appNames` (where the orders are of
 * several applications, e.g. a namespace's) adds the application of each, by name where it is known.
 */
export function RolloutTable({
  accountId,
  page,
  onPage,
  testId,
  appNames,
}: {
  accountId: string;
  page: RolloutPage;
  onPage: (page: number) => void;
  testId: string;
  appNames?: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const words = rolloutVocabulary(useAccount(accountId)?.product);
  return (
    <>
      <Table
        testId={testId}
        head={[
          t('rollouts.id'),
          ...(appNames ? [t('rollouts.application')] : []),
          t('rollouts.type'),
          t('rollouts.status'),
          t('rollouts.batches'),
          t('rollouts.created'),
          t('rollouts.finished'),
        ]}
      >
        {page.items.length === 0 ? (
          <EmptyRow colSpan={appNames ? 7 : 6}>{t('common.empty')}</EmptyRow>
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
              {appNames ? (
                <Td>
                  {r.appId ? (
                    <Link
                      to={`/accounts/${accountId}/applications/${r.appId}`}
                      className="text-blue-700 hover:underline"
                      data-testid="rollout-app"
                    >
                      {appNames.get(r.appId) ?? r.appId}
                    </Link>
                  ) : (
                    // A namespace-wide order (start or stop of several) belongs to no one application.
                    '—'
                  )}
                </Td>
              ) : null}
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
