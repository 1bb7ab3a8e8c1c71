import { useI18n } from '../i18n/i18n';
import { formatTime } from '../lib/format';
import { staleSince } from '../lib/stale-data';

/**
 * Says that the data below is the last the console received, and when it was fetched, because the
 * cloud is not answering right now; renders nothing for fresh data.
 */
export function StaleMarker({ data }: { data: unknown }) {
  const { t } = useI18n();
  const fetchedAt = staleSince(data);
  if (!fetchedAt) return null;
  const time = formatTime(fetchedAt);
  return (
    <p
      role="status"
      data-testid="stale-marker"
      data-fetched-at={fetchedAt}
      title={t('stale.hint')}
      className="mb-2 inline-flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900"
    >
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-amber-500" />
      {t('stale.marker', { time })}
    </p>
  );
}
