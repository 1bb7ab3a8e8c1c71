import type { AccountLive, ConsoleStatus, Product } from '@console/contract';
import { Link } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatTime } from '../../lib/format';
import { LivePageHeader, useOverview } from '../live';

const PRODUCTS: Product[] = ['sae', 'retailcloud', 'aos', 'as'];
const STATUSES: ConsoleStatus[] = ['waiting', 'deploying', 'failed', 'running', 'stopped', 'unknown'];

const rolloutLink = (accountId: string, rolloutId: string) =>
  `/accounts/${encodeURIComponent(accountId)}/rollouts/${encodeURIComponent(rolloutId)}`;
const listLink = (accountId: string, status?: ConsoleStatus) =>
  `/accounts/${encodeURIComponent(accountId)}/applications${status ? `?status=${status}` : ''}`;

function Figure({
  label,
  value,
  to,
  testId,
  tone,
}: {
  label: string;
  value: number;
  to?: string;
  testId: string;
  tone: string;
}) {
  const body = (
    <>
      <span className={`block text-3xl font-semibold tabular-nums ${value > 0 ? tone : 'text-slate-400'}`}>
        {value}
      </span>
      <span className="block text-sm text-slate-600">{label}</span>
    </>
  );
  const frame = 'block rounded-lg border border-slate-200 bg-white px-4 py-3';
  return to ? (
    <Link to={to} className={`${frame} hover:border-blue-400`} data-testid={testId} data-value={value}>
      {body}
    </Link>
  ) : (
    <div className={frame} data-testid={testId} data-value={value}>
      {body}
    </div>
  );
}

function AccountCard({ account }: { account: AccountLive }) {
  const { t, locale } = useI18n();
  const id = account.accountId;
  const unreachable = account.state === 'unreachable';
  return (
    <section
      className={`rounded-lg border bg-white p-4 ${unreachable ? 'border-red-300' : 'border-slate-200'}`}
      data-testid={`overview-account-${id}`}
      aria-label={account.accountName}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900">
          <Link to={listLink(id)} className="hover:underline">
            {account.accountName}
          </Link>
        </h3>
        <span className="text-xs text-slate-500">
          {account.regionId}
          {account.checkedAt
            ? ` · ${t('overview.checkedAt', { time: formatTime(account.checkedAt, locale) })}`
            : ''}
        </span>
      </header>
      {account.state === 'starting' ? (
        <p className="mt-2 text-sm text-slate-500">{t('overview.starting')}</p>
      ) : null}
      {unreachable && account.error ? (
        <div
          className="mt-2 rounded-md bg-red-50 p-2 text-sm text-red-900"
          role="alert"
          data-testid={`overview-error-${id}`}
        >
          <p className="font-medium">
            {t('overview.unreachable')}: <code>{account.error.upstream?.code ?? account.error.code}</code>
          </p>
          <p>{account.error.upstream?.message ?? account.error.message}</p>
          {account.error.upstream?.requestId ? (
            <p>
              {t('error.requestId')}: <code className="select-all">{account.error.upstream.requestId}</code>
            </p>
          ) : null}
          {account.checkedAt ? (
            <p>{t('overview.staleSince', { time: formatTime(account.checkedAt, locale) })}</p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-3">
        <Link
          to={listLink(id)}
          className="text-sm text-slate-700 hover:underline"
          data-testid={`overview-${id}-total`}
          data-value={account.applications.total}
        >
          {t('overview.appsTotal', { count: account.applications.total })}
        </Link>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {STATUSES.filter((s) => account.applications.byStatus[s] > 0).map((status) => (
            <li key={status}>
              <Link
                to={listLink(id, status)}
                className="inline-flex items-center gap-1 text-sm hover:underline"
                data-testid={`overview-${id}-status-${status}`}
                data-value={account.applications.byStatus[status]}
              >
                <span className="font-semibold tabular-nums">{account.applications.byStatus[status]}</span>
                <StatusBadge status={status} />
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <ItemList
        title={t('overview.waiting')}
        testId={`overview-${id}-waiting`}
        count={account.waiting.length}
        to={`/inbox?account=${encodeURIComponent(id)}`}
        rows={account.waiting.map((w) => ({
          key: w.key,
          to: rolloutLink(id, w.rolloutId),
          name: w.appName,
          detail: t('overview.batchOf', { index: w.batch.index, count: w.batchCount }),
        }))}
      />
      <ItemList
        title={t('overview.running')}
        testId={`overview-${id}-running`}
        count={account.running.length}
        rows={account.running.map((r) => ({
          key: r.rolloutId,
          to: rolloutLink(id, r.rolloutId),
          name: r.appName,
          detail: `${r.typeLabel} · ${r.batchesDone}/${r.batchCount}`,
        }))}
      />
      <ItemList
        title={t('overview.failures')}
        testId={`overview-${id}-failures`}
        count={account.failures.length}
        rows={account.failures.map((f) => ({
          key: f.rolloutId ?? f.appId,
          to: f.rolloutId
            ? rolloutLink(id, f.rolloutId)
            : `/accounts/${encodeURIComponent(id)}/applications/${encodeURIComponent(f.appId)}`,
          name: f.appName,
          detail: `${formatTime(f.at, locale)} · ${f.message}`,
        }))}
      />
    </section>
  );
}

function ItemList({
  title,
  count,
  rows,
  to,
  testId,
}: {
  title: string;
  count: number;
  rows: { key: string; to: string; name: string; detail: string }[];
  to?: string;
  testId: string;
}) {
  const { t } = useI18n();
  const heading = (
    <>
      {title} <span className="font-semibold tabular-nums">{count}</span>
    </>
  );
  return (
    <div className="mt-3" data-testid={testId} data-value={count}>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {to && count > 0 ? (
          <Link to={to} className="hover:underline">
            {heading}
          </Link>
        ) : (
          heading
        )}
      </h4>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-400">{t('overview.none')}</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {rows.map((row) => (
            <li key={row.key} className="truncate text-sm">
              <Link to={row.to} className="font-medium text-blue-700 hover:underline">
                {row.name}
              </Link>{' '}
              <span className="text-slate-500" title={row.detail}>
                {row.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** `/`: every account the user may see, grouped by product, each figure a link to what it counts. */
export function OverviewPage() {
  const { t } = useI18n();
  const overview = useOverview();
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />;
  const { accounts } = overview.data;
  const sum = (f: (a: AccountLive) => number) => accounts.reduce((n, a) => n + f(a), 0);
  return (
    <div className="space-y-6">
      <LivePageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure
          label={t('overview.waitingTotal')}
          value={sum((a) => a.waiting.length)}
          to="/inbox"
          testId="overview-waiting-total"
          tone="text-amber-600"
        />
        <Figure
          label={t('overview.runningTotal')}
          value={sum((a) => a.running.length)}
          testId="overview-running-total"
          tone="text-blue-700"
        />
        <Figure
          label={t('overview.failuresTotal')}
          value={sum((a) => a.failures.length)}
          testId="overview-failures-total"
          tone="text-red-700"
        />
        <Figure
          label={t('overview.unreachableTotal')}
          value={accounts.filter((a) => a.state === 'unreachable').length}
          testId="overview-unreachable-total"
          tone="text-red-700"
        />
      </div>
      {accounts.length === 0 ? <p className="text-slate-600">{t('overview.empty')}</p> : null}
      {PRODUCTS.map((product) => {
        const group = accounts.filter((a) => a.product === product);
        if (group.length === 0) return null;
        return (
          <section key={product} aria-label={t(`product.${product}` as MessageKey)}>
            <h2 className="mb-2 text-lg font-semibold text-slate-800">
              {t(`product.${product}` as MessageKey)}
            </h2>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {group.map((account) => (
                <AccountCard key={account.accountId} account={account} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
