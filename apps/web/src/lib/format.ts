/** Formats epoch milliseconds or a cloud time string in the operator's locale. */
export function formatTime(value: number | string | undefined, locale: string): string {
  if (value === undefined || value === '') return '—';
  const date = typeof value === 'number' ? new Date(value) : new Date(value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale, { hour12: false });
}

export function formatClock(value: number, locale: string): string {
  return new Date(value).toLocaleTimeString(locale, { hour12: false, hour: '2-digit', minute: '2-digit' });
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
