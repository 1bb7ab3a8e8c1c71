import type { WallApp } from '@console/contract';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

const COLOURS: Record<string, string> = { running: '#34d399', desired: '#94a3b8', cpu: '#38bdf8' };

/** A series as an SVG polyline scaled into the tile; no chart library on a screen that only looks. */
function Spark({
  points,
  max,
  from,
  to,
  colour,
}: {
  points: { at: number; value: number }[];
  max: number;
  from: number;
  to: number;
  colour: string;
}) {
  if (points.length === 0) return null;
  const span = Math.max(1, to - from);
  const d = points
    .map(
      (p) =>
        `${(((p.at - from) / span) * 100).toFixed(2)},${(40 - (p.value / Math.max(max, 1e-9)) * 36).toFixed(2)}`,
    )
    .join(' ');
  const [x, y] = d.split(' ').at(-1)?.split(',') ?? ['0', '0'];
  return (
    <>
      <polyline points={d} fill="none" stroke={colour} strokeWidth={1.2} vectorEffect="non-scaling-stroke" />
      {/* The latest sample, visible even while it is the only one. */}
      <circle cx={x} cy={y} r={0.8} fill={colour} />
    </>
  );
}

/** One tile per application chosen in the URL: its instances (and CPU or desired count) over the range. */
export function AppTiles({
  apps,
  rangeMinutes,
  now,
}: {
  apps: WallApp[];
  rangeMinutes: number;
  now: number;
}) {
  const { t } = useI18n();
  const from = now - rangeMinutes * 60_000;
  return (
    <section
      className="grid h-full min-h-0 auto-rows-fr gap-[1em]"
      style={{ gridTemplateColumns: `repeat(${Math.min(3, Math.max(1, apps.length))}, minmax(0, 1fr))` }}
      data-testid="wall-apps"
    >
      {apps.map((app) => {
        const latest = (name: string) => app.series.find((s) => s.name === name)?.points.at(-1)?.value;
        return (
          <div
            key={`${app.accountId}/${app.appId}`}
            className="flex min-h-0 flex-col rounded-xl border border-slate-700 bg-slate-900 p-[1em]"
            data-testid="wall-app"
            data-points={app.series[0]?.points.length ?? 0}
          >
            <h2 className="truncate text-[1.2em] font-semibold">{app.appName}</h2>
            <p className="text-[0.8em] text-slate-400">
              {app.product ? t(`product.short.${app.product}` as MessageKey) : app.accountId}
              {app.series.map((s) =>
                latest(s.name) === undefined ? null : (
                  <span key={s.name} className="ml-[0.8em]" style={{ color: COLOURS[s.name] }}>
                    {t(`wall.series.${s.name}` as MessageKey)} {latest(s.name)}
                  </span>
                ),
              )}
            </p>
            {app.series.length === 0 ? (
              <p className="mt-[0.5em] text-[0.85em] text-slate-500">{t('wall.noSeries')}</p>
            ) : (
              <svg
                viewBox="0 0 100 40"
                preserveAspectRatio="none"
                className="mt-[0.5em] min-h-0 w-full flex-1"
                aria-hidden
              >
                {app.series.map((s) => {
                  const max = Math.max(
                    ...app.series
                      .filter((x) => x.name !== 'cpu')
                      .flatMap((x) => x.points.map((p) => p.value)),
                    1,
                  );
                  const ownMax = s.name === 'cpu' ? Math.max(...s.points.map((p) => p.value), 0.01) : max;
                  return (
                    <Spark
                      key={s.name}
                      points={s.points}
                      max={ownMax}
                      from={from}
                      to={now}
                      colour={COLOURS[s.name] ?? '#fff'}
                    />
                  );
                })}
              </svg>
            )}
          </div>
        );
      })}
    </section>
  );
}
