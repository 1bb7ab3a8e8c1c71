import type { UsageSample } from '@console/contract';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/i18n';
import { formatClock, formatNumber, formatTime } from '../../lib/format';

function Chart({
  title,
  samples,
  field,
  color,
  testId,
}: {
  title: string;
  samples: UsageSample[];
  field: 'cpuCores' | 'memoryGiB' | 'runningInstances';
  color: string;
  testId: string;
}) {
  const { locale } = useI18n();
  const span = (samples.at(-1)?.at ?? 0) - (samples[0]?.at ?? 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{title}</figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={samples} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(v: number) => formatClock(v, span)}
              fontSize={11}
            />
            <YAxis fontSize={11} allowDecimals={field !== 'runningInstances'} />
            <Tooltip
              labelFormatter={(v) => formatTime(Number(v))}
              formatter={(v) => formatNumber(Number(v), locale)}
            />
            <Line
              type="monotone"
              dataKey={field}
              stroke={color}
              dot={false}
              isAnimationActive={false}
              name={title}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Recharts lives only in this chunk, loaded when the usage tab opens. */
export default function UsageCharts({ samples }: { samples: UsageSample[] }) {
  const { t } = useI18n();
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Chart title={t('usage.cpu')} samples={samples} field="cpuCores" color="#2563eb" testId="chart-cpu" />
      <Chart
        title={t('usage.memory')}
        samples={samples}
        field="memoryGiB"
        color="#7c3aed"
        testId="chart-memory"
      />
      <Chart
        title={t('usage.instances')}
        samples={samples}
        field="runningInstances"
        color="#059669"
        testId="chart-instances"
      />
    </div>
  );
}
