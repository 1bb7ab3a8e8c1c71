import type { MonitorMetricName } from '@console/contract';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputBase } from '../../components/Field';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatNumber, formatTime } from '../../lib/format';
import { useInstances } from '../applications/api';
import { useMetric } from './api';
import { RangeSelect, rangeFrom } from './RangeSelect';

const MetricLine = lazy(() => import('./MetricLine'));
const RANGES = [30, 60, 360, 1440] as const;

type Unit = 'cores' | 'fraction' | 'bytes' | 'bytesPerSecond' | 'perSecond';

const GROUP: { metric: MonitorMetricName; unit: Unit }[] = [
  { metric: 'deployment.cpu.usage_rate', unit: 'cores' },
  { metric: 'deployment.memory.working_set', unit: 'bytes' },
  { metric: 'deployment.network.rx_rate', unit: 'bytesPerSecond' },
  { metric: 'deployment.network.tx_rate', unit: 'bytesPerSecond' },
  { metric: 'deployment.network.rx_errors_rate', unit: 'perSecond' },
  { metric: 'deployment.network.tx_errors_rate', unit: 'perSecond' },
];
const INSTANCE: { metric: MonitorMetricName; unit: Unit }[] = [
  { metric: 'pod.cpu.utilization', unit: 'fraction' },
  { metric: 'pod.memory.utilization', unit: 'fraction' },
  { metric: 'pod.cpu.usage_rate', unit: 'cores' },
  { metric: 'pod.memory.working_set', unit: 'bytes' },
  { metric: 'pod.network.rx_rate', unit: 'bytesPerSecond' },
  { metric: 'pod.network.tx_rate', unit: 'bytesPerSecond' },
  { metric: 'pod.network.rx_errors_rate', unit: 'perSecond' },
  { metric: 'pod.network.tx_errors_rate', unit: 'perSecond' },
];
const COLORS = ['#2563eb', '#7c3aed', '#059669', '#d97706', '#dc2626', '#0891b2', '#4f46e5', '#be185d'];

const SCALE: Record<Unit, number> = {
  fraction: 100,
  cores: 1,
  bytes: 1024 ** -2,
  bytesPerSecond: 1 / 1024,
  perSecond: 1,
};
const UNIT_KEY = {
  fraction: 'monitor.unit.percent',
  cores: 'monitor.unit.cores',
  bytes: 'monitor.unit.mib',
  bytesPerSecond: 'monitor.unit.kibPerSecond',
  perSecond: 'monitor.unit.perSecond',
} as const satisfies Record<Unit, MessageKey>;

/** A value with its unit (`1.2 cores`), and the bare number for axis ticks (the unit is in the caption). */
function useFormat(unit: Unit): { full: (value: number) => string; tick: (value: number) => string } {
  const { t, locale } = useI18n();
  const digits = unit === 'cores' ? 3 : unit === 'perSecond' ? 2 : 1;
  return {
    full: (value) => t(UNIT_KEY[unit], { value: formatNumber(value * SCALE[unit], locale, digits) }),
    tick: (value) =>
      (value * SCALE[unit]).toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 2 }),
  };
}

/** One metric over the range: its name as the cloud gives it, the latest value, and a line. */
function MetricChart({
  accountId,
  appId,
  metric,
  unit,
  range,
  podName,
  color,
}: {
  accountId: string;
  appId: string;
  metric: MonitorMetricName;
  unit: Unit;
  range: number;
  podName?: string;
  color: string;
}) {
  const { t } = useI18n();
  const series = useMetric(accountId, appId, metric, range, podName);
  const format = useFormat(unit);
  const latest = series.data?.points.at(-1);
  return (
    <figure
      className="rounded-lg border border-slate-200 bg-white p-3"
      data-testid={`metric-${metric}`}
      data-points={series.data?.points.length ?? 0}
    >
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-700">
          {t(`monitor.metric.${metric}` as MessageKey)}{' '}
          <span className="text-xs font-normal text-slate-500">{series.data?.name}</span>
        </span>
        <span className="font-mono text-xs text-slate-600" data-testid="metric-latest">
          {latest ? format.full(latest.value) : '—'}
        </span>
      </figcaption>
      <code className="text-[10px] text-slate-400">{metric}</code>
      {series.error ? <ErrorPanel error={series.error} onRetry={() => void series.refetch()} /> : null}
      <div className="h-40">
        {series.isPending ? (
          <Loading />
        ) : series.data && series.data.points.length > 0 ? (
          <Suspense fallback={<Loading />}>
            <MetricLine
              points={series.data.points}
              format={format.full}
              tick={format.tick}
              color={color}
              name={metric}
            />
          </Suspense>
        ) : (
          <p className="pt-10 text-center text-sm text-slate-500">{t('monitor.noData')}</p>
        )}
      </div>
      {series.dataUpdatedAt ? (
        <p className="mt-1 text-[11px] text-slate-400">
          {t('common.updatedAt', { time: formatTime(series.dataUpdatedAt) })}
        </p>
      ) : null}
    </figure>
  );
}

/**
 * The cloud's monitor metrics of an environment: its deployment group, and one instance picked from the
 * list. Range and instance live in the URL (`?range=` minutes, `?pod=`); charts refresh every 30 s while
 * the tab is visible.
 */
export function MonitorPanel({ accountId, appId }: { accountId: string; appId: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const range = rangeFrom(params, RANGES, 60);
  const instances = useInstances(accountId, appId, false);
  const pods = instances.data?.map((i) => i.id) ?? [];
  const chosen = params.get('pod') ?? '';
  const pod = pods.includes(chosen) ? chosen : pods[0];

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="space-y-4" data-testid="monitor-panel">
      <div className="flex flex-wrap items-center gap-4">
        <RangeSelect
          ranges={RANGES}
          value={range}
          onChange={(r) => set('range', String(r))}
          testId="monitor-range"
        />
        <span className="text-xs text-slate-500">{t('common.liveRefresh')}</span>
      </div>
      <h2 className="text-lg font-semibold">{t('monitor.group')}</h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {GROUP.map((g, i) => (
          <MetricChart
            key={g.metric}
            accountId={accountId}
            appId={appId}
            metric={g.metric}
            unit={g.unit}
            range={range}
            color={COLORS[i % COLORS.length] as string}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{t('monitor.instance')}</h2>
        {pods.length > 0 ? (
          <select
            className={`${inputBase} w-auto font-mono text-xs`}
            value={pod}
            onChange={(e) => set('pod', e.target.value)}
            data-testid="monitor-pod"
            aria-label={t('monitor.instance')}
          >
            {pods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {instances.error ? (
        <ErrorPanel error={instances.error} onRetry={() => void instances.refetch()} />
      ) : null}
      {pod ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          {INSTANCE.map((m, i) => (
            <MetricChart
              key={`${pod}/${m.metric}`}
              accountId={accountId}
              appId={appId}
              metric={m.metric}
              unit={m.unit}
              range={range}
              podName={pod}
              color={COLORS[i % COLORS.length] as string}
            />
          ))}
        </div>
      ) : instances.isPending ? (
        <Loading />
      ) : (
        <p className="text-sm text-slate-500">{t('monitor.noInstances')}</p>
      )}
    </div>
  );
}
