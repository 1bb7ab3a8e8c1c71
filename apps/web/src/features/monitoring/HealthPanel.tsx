import type { ApplicationDetail, HealthBreakdown, Product, RolloutSummary } from '@console/contract';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatTime } from '../../lib/format';
import { useAppRollouts, useRollout } from '../rollouts/api';
import { useCapacity, useHealthBreakdown } from './api';
import { RangeSelect, rangeFrom } from './RangeSelect';

const CapacityChart = lazy(() => import('./CapacityChart'));
const RANGES = [60, 360, 1440] as const;

const TONES: Record<string, string> = {
  INSERVICE: 'bg-emerald-500',
  NORMAL: 'bg-emerald-500',
  Succeeded: 'bg-emerald-500',
  succeeded: 'bg-emerald-500',
  unprotected: 'bg-slate-300',
  protected: 'bg-indigo-500',
  PENDING_WAIT: 'bg-amber-500',
  REMOVING_WAIT: 'bg-amber-500',
  waiting: 'bg-amber-500',
  PENDING: 'bg-blue-400',
  INITIALIZING: 'bg-blue-400',
  Processing: 'bg-blue-400',
  running: 'bg-blue-400',
  REMOVING: 'bg-orange-400',
  ERROR: 'bg-red-500',
  Failed: 'bg-red-500',
  failed: 'bg-red-500',
};
const PALETTE = [
  'bg-sky-500',
  'bg-violet-500',
  'bg-teal-500',
  'bg-fuchsia-500',
  'bg-lime-500',
  'bg-rose-400',
];
const toneOf = (key: string, i: number) => TONES[key] ?? (PALETTE[i % PALETTE.length] as string);

/** One dimension as a stacked bar with its legend: how many of the parts are in each state. */
function Breakdown({
  total,
  dimension,
}: {
  total: number;
  dimension: HealthBreakdown['dimensions'][number];
}) {
  const { t } = useI18n();
  return (
    <figure
      className="rounded-lg border border-slate-200 bg-white p-3"
      data-testid={`health-${dimension.dimension}`}
    >
      <figcaption className="mb-2 text-sm font-medium text-slate-700">
        {t(`health.dimension.${dimension.dimension}` as MessageKey)}
      </figcaption>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100">
        {dimension.counts.map((c, i) => (
          <div
            key={c.key}
            className={toneOf(c.key, i)}
            style={{ width: `${total ? (c.count / total) * 100 : 0}%` }}
            title={`${c.key}: ${c.count}`}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {dimension.counts.map((c, i) => (
          <li
            key={c.key}
            className="inline-flex items-center gap-1"
            data-testid={`health-count-${c.key}`}
            data-count={c.count}
          >
            <span className={`inline-block h-2 w-2 rounded-full ${toneOf(c.key, i)}`} />
            <span className="font-mono">{c.key}</span> {c.count}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const timeOf = (v: string | undefined) => (v ? Date.parse(v) : Number.NaN);

/**
 * The latest change orders as bars on one time axis, from start to end (or now), coloured by status:
 * the window ends with the newest of them and reaches back `windowMs` (older ones are left out).
 */
function Timeline({
  accountId,
  rollouts,
  windowMs,
}: {
  accountId: string;
  rollouts: RolloutSummary[];
  windowMs: number;
}) {
  const { t } = useI18n();
  const now = Date.now();
  const all = rollouts
    .map((r) => {
      const start = timeOf(r.createTime);
      const end = timeOf(r.finishTime);
      return { r, start, end: Number.isFinite(end) ? end : Math.max(now, start) };
    })
    .filter((s) => Number.isFinite(s.start));
  const to = Math.max(...all.map((s) => s.end));
  const spans = all
    .filter((s) => s.end >= to - windowMs)
    .map((s) => ({ ...s, start: Math.max(s.start, to - windowMs) }))
    .sort((a, b) => a.start - b.start);
  if (spans.length === 0) return <p className="text-sm text-slate-500">{t('health.timeline.empty')}</p>;
  const from = Math.min(spans[0]?.start ?? to, to - 60_000);
  const pct = (v: number) => ((v - from) / (to - from)) * 100;
  const clock = (v: number) => formatTime(v);
  return (
    <div className="space-y-1" data-testid="health-timeline">
      {spans.map(({ r, start, end }) => (
        <div key={r.id} className="flex items-center gap-2 text-xs">
          <Link
            to={`/accounts/${accountId}/rollouts/${encodeURIComponent(r.id)}`}
            className="w-48 shrink-0 truncate text-blue-700 hover:underline"
            title={r.description ?? r.typeLabel}
          >
            {r.description ?? r.typeLabel}
          </Link>
          <div className="relative h-3 flex-1 rounded bg-slate-100">
            <div
              className={`absolute inset-y-0 min-w-1 rounded ${toneOf(r.status, 0)}`}
              style={{ left: `${pct(start)}%`, width: `${Math.max(pct(end) - pct(start), 0.5)}%` }}
              title={`${r.nativeStatusName}: ${clock(start)} → ${clock(end)}`}
              data-testid="timeline-bar"
              data-status={r.status}
            />
          </div>
          <span className="w-20 shrink-0 text-slate-600">{t(`status.${r.status}` as MessageKey)}</span>
        </div>
      ))}
      <div className="flex justify-between pl-50 text-[11px] text-slate-400">
        <span>{clock(from)}</span>
        <span>{clock(to)}</span>
      </div>
    </div>
  );
}

/** How far the stack's newest execution is: its elements done out of all. */
function ExecutionProgress({ accountId, rolloutId }: { accountId: string; rolloutId: string }) {
  const { t } = useI18n();
  const rollout = useRollout(accountId, rolloutId);
  if (rollout.isPending) return <Loading />;
  if (rollout.error) return <ErrorPanel error={rollout.error} onRetry={() => void rollout.refetch()} />;
  const r = rollout.data;
  const done = r.batches.filter((b) => b.status === 'succeeded').length;
  const failed = r.batches.filter((b) => b.status === 'failed').length;
  const total = r.batches.length;
  return (
    <figure
      className="rounded-lg border border-slate-200 bg-white p-3"
      data-testid="execution-progress"
      data-done={done}
      data-total={total}
    >
      <figcaption className="mb-2 flex justify-between text-sm">
        <Link
          to={`/accounts/${accountId}/rollouts/${encodeURIComponent(r.id)}`}
          className="font-medium text-blue-700 hover:underline"
        >
          {r.description ?? r.typeLabel}
        </Link>
        <span className="text-slate-600">{t('health.progress.count', { done, total, failed })}</span>
      </figcaption>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100">
        <div className="bg-emerald-500" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
        <div className="bg-red-500" style={{ width: `${total ? (failed / total) * 100 : 0}%` }} />
      </div>
    </figure>
  );
}

/** A group's size over the range (URL `?range=`), with its activities and the console's samples. */
function CapacityFigure({ accountId, appId }: { accountId: string; appId: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const range = rangeFrom(params, RANGES, 360);
  const capacity = useCapacity(accountId, appId, range, true);
  const now = capacity.data?.now;
  const setRange = (r: number) => {
    const next = new URLSearchParams(params);
    next.set('range', String(r));
    setParams(next, { replace: true });
  };
  return (
    <figure
      className="rounded-lg border border-slate-200 bg-white p-3"
      data-testid="capacity-chart"
      data-points={capacity.data?.points.length ?? 0}
    >
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="font-medium text-slate-700">{t('health.capacity')}</span>
        {now ? (
          <span
            className="font-mono text-xs text-slate-600"
            data-testid="capacity-now"
            data-current={now.current}
            data-desired={now.desired}
          >
            {t('health.capacity.now', now)}
          </span>
        ) : null}
        <RangeSelect ranges={RANGES} value={range} onChange={setRange} testId="capacity-range" />
      </figcaption>
      {capacity.error ? <ErrorPanel error={capacity.error} onRetry={() => void capacity.refetch()} /> : null}
      <div className="h-56">
        {capacity.isPending ? (
          <Loading />
        ) : capacity.data && capacity.data.points.length > 0 ? (
          <Suspense fallback={<Loading />}>
            <CapacityChart points={capacity.data.points} />
          </Suspense>
        ) : (
          <p className="pt-16 text-center text-sm text-slate-500">{t('monitor.noData')}</p>
        )}
      </div>
      <p className="mt-1 text-[11px] text-slate-400">
        {t('health.capacity.sources')}
        {capacity.dataUpdatedAt
          ? ` · ${t('common.updatedAt', { time: formatTime(capacity.dataUpdatedAt) })}`
          : ''}
      </p>
    </figure>
  );
}

/**
 * Capacity and health of an AS group or an AOS stack: its size over time (AS), its parts counted by
 * state, the latest change orders on one time axis, and how far the newest execution is (AOS).
 */
export function HealthPanel({
  accountId,
  app,
  product,
  hasCapacity,
}: {
  accountId: string;
  app: ApplicationDetail;
  product: Product | undefined;
  hasCapacity: boolean;
}) {
  const { t } = useI18n();
  const health = useHealthBreakdown(accountId, app.id);
  const rollouts = useAppRollouts(accountId, app.id, 1);
  const latest = app.native.lastChangeOrderId;
  const [params] = useSearchParams();
  // The timeline spans the capacity chart's range, where there is one, else a day.
  const windowMinutes = hasCapacity ? rangeFrom(params, RANGES, 360) : 1440;
  return (
    <div className="space-y-4" data-testid="health-panel">
      {hasCapacity ? <CapacityFigure accountId={accountId} appId={app.id} /> : null}
      {product === 'aos' && latest ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t('health.progress')}</h2>
          <ExecutionProgress accountId={accountId} rolloutId={latest} />
        </section>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">
          {t(product === 'aos' ? 'health.parts.elements' : 'health.parts.instances', {
            total: health.data?.total ?? 0,
          })}
        </h2>
        {health.isPending ? <Loading /> : null}
        {health.error ? <ErrorPanel error={health.error} onRetry={() => void health.refetch()} /> : null}
        {health.data ? (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {health.data.dimensions.map((d) => (
              <Breakdown key={d.dimension} total={health.data.total} dimension={d} />
            ))}
          </div>
        ) : null}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">
          {t(product === 'aos' ? 'health.timeline.executions' : 'health.timeline.activities')}
        </h2>
        {rollouts.isPending ? <Loading /> : null}
        {rollouts.error ? (
          <ErrorPanel error={rollouts.error} onRetry={() => void rollouts.refetch()} />
        ) : null}
        {rollouts.data ? (
          <Timeline accountId={accountId} rollouts={rollouts.data.items} windowMs={windowMinutes * 60_000} />
        ) : null}
      </section>
    </div>
  );
}
