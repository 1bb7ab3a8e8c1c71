import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, formatTime } from '../../lib/format';
import { useTimeZone } from '../../lib/time-zone';

/** Recharts lives only in this chunk, loaded when the metrics tab opens. */
export default function MetricLine({
  points,
  format,
  tick,
  color,
  name,
}: {
  points: { at: number; value: number }[];
  format: (value: number) => string;
  tick: (value: number) => string;
  color: string;
  name: string;
}) {
  // Ticks and tooltips follow the local / UTC switch.
  useTimeZone();
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
        <YAxis fontSize={11} width={44} tickFormatter={(v: number) => tick(v)} />
        <Tooltip labelFormatter={(v) => formatTime(Number(v))} formatter={(v) => format(Number(v))} />
        <Line
          type="monotone"
          dataKey="value"
          stroke={color}
          dot={false}
          isAnimationActive={false}
          name={name}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
