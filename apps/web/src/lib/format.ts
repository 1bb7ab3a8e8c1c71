/** Formats epoch milliseconds or a cloud time string in the operator's locale. */
export function formatTime(value: number | string | undefined, locale: string): string {
  if (value === undefined || value === '') return '—';
  // A cloud time string without a zone is in the region's own time: show it as the cloud gave it.
  if (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale, { hourCycle: 'h23' });
}

/** A time of day for chart axes; seconds only when the chart spans less than ten minutes. */
export function formatClock(value: number, locale: string, spanMs = Number.POSITIVE_INFINITY): string {
  return new Date(value).toLocaleTimeString(locale, {
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    ...(spanMs < 10 * 60_000 ? { second: '2-digit' } : {}),
  });
}

/** The tag of an image reference (`repo/name:tag` → `tag`), or the whole string without one. */
export function imageTag(imageUrl: string | undefined): string | undefined {
  if (!imageUrl) return undefined;
  const match = /:([^:/]+)$/.exec(imageUrl);
  return match?.[1] ?? imageUrl;
}

export function formatNumber(value: number, locale: string, digits = 2): string {
  return value.toLocaleString(locale, { maximumFractionDigits: digits });
}
