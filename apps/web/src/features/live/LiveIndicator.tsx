import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useLiveStatus } from '../../lib/live-status';

const dot: Record<string, string> = {
  live: 'bg-emerald-400',
  connecting: 'bg-amber-300',
  reconnecting: 'bg-amber-400 animate-pulse',
  paused: 'bg-slate-400',
  off: 'bg-slate-500',
};

/** Live, reconnecting or paused, and when the last change or heartbeat arrived. */
export function LiveIndicator({ className }: { className?: string }) {
  const { t, locale } = useI18n();
  const status = useLiveStatus();
  const last = status.lastSeenAt
    ? t('live.lastSeen', { time: formatTime(status.lastSeenAt, locale) })
    : undefined;
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap text-sm ${className ?? ''}`}
      data-testid="live-indicator"
      data-state={status.state}
      title={last}
    >
      <span className={`size-2 rounded-full ${dot[status.state] ?? dot.off}`} aria-hidden />
      {t(`live.state.${status.state}`)}
    </span>
  );
}
