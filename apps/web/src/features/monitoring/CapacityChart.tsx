import type { CapacityPoint } from '@console/contract';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/i18n';
import { formatClock, formatTime } from '../../lib/format';

const SERIES = [
  { key: 'current', color: '#2563eb', dash: undefined },
  { key: 'desired', color: '#059669', dash: '6 3' },
  { key: 'min', color: '#94a3b8', dash: '2 3' },
  { key: 'max', color: '#64748b', dash: '2 3' },
] as const;

/** A group's counts as steps: each holds until the next activity or sample. Loaded with Recharts only. */
export default function CapacityChart({ points }: { points: CapacityPoint[] }) {
  const { t } = useI18n();
  const span = (points.at(-1)?.at ?? 0) - (points[0]?.at ?? 0);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => formatClock(v, span)}
          fontSize={11}
        />
        <YAxis fontSize={11} width={32} allowDecimals={false} />
        <Tooltip labelFormatter={(v) => formatTime(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {SERIES.map((s) => (
          <Line
            key={s.key}
            type="stepAfter"
            dataKey={s.key}
            name={t(`health.capacity.${s.key}`)}
            stroke={s.color}
            strokeDasharray={s.dash}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
