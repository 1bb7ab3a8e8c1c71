import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputBase } from '../../components/Field';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatNumber } from '../../lib/format';
import { useUsage } from './api';

const UsageCharts = lazy(() => import('./UsageCharts'));
const RANGES = [30, 60, 360, 1440] as const;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-lg font-semibold">{value}</p>
    </div>
  );
}

/** Resource usage now, this month, and over a time range kept in the URL (`?range=` minutes). */
export function UsagePanel({ accountId, appId }: { accountId: string; appId: string }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('range'));
  const range = (RANGES as readonly number[]).includes(requested) ? requested : 60;
  const usage = useUsage(accountId, appId, range);

  const setRange = (value: number) => {
    const next = new URLSearchParams(params);
    next.set('range', String(value));
    setParams(next, { replace: true });
  };

  if (usage.isPending) return <Loading />;
  if (usage.error) return <ErrorPanel error={usage.error} onRetry={() => void usage.refetch()} />;
  const u = usage.data;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t('usage.nowCpu')}
          value={t('app.cpuValue', { cores: formatNumber(u.now.cpuCores, locale) })}
        />
        <Stat
          label={t('usage.nowMemory')}
          value={t('app.memoryValue', { gib: formatNumber(u.now.memoryGiB, locale) })}
        />
        {u.monthToDate ? (
          <>
            <Stat
              label={t('usage.monthCpu')}
              value={t('usage.coreMinutes', { value: formatNumber(u.monthToDate.cpuCoreMinutes, locale, 0) })}
            />
            <Stat
              label={t('usage.monthMemory')}
              value={t('usage.gibMinutes', {
                value: formatNumber(u.monthToDate.memoryGiBMinutes, locale, 0),
              })}
            />
          </>
        ) : null}
      </div>
      <label className="inline-flex items-center gap-2 text-sm">
        {t('usage.range')}
        <select
          className={`${inputBase} w-auto`}
          value={range}
          onChange={(e) => setRange(Number(e.target.value))}
          data-testid="usage-range"
        >
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t(`usage.range.${r}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {u.samples.length === 0 ? (
        <p className="text-sm text-slate-500">{t('usage.noSamples')}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <UsageCharts samples={u.samples} />
        </Suspense>
      )}
    </div>
  );
}
