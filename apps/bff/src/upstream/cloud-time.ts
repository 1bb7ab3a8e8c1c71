/**
 * The clouds' times read with their zone, and written for the console in one unambiguous form.
 *
 * Each cloud writes times its own way: SAE its change-order and log-config times as text in China
 * Standard Time (UTC+8, `2026-12-08 04:25:35`) and its other times as epoch milliseconds; Retail Cloud
 * text without a zone (`2020-01-01 00:00:00`, `2019-12-31T10:01:05`, `2020-01-05T17:03Z`), read as UTC;
 * Huawei ISO 8601 with `Z`. The console contract carries ISO 8601 in UTC (`2026-12-07T20:25:35.000Z`)
 * or epoch milliseconds, so the SPA never guesses a zone.
 */

/** Minutes east of UTC of the text a cloud writes without a zone. */
export const ZONE = { utc: 0, chinaStandardTime: 8 * 60 } as const;

const TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch milliseconds of a cloud time: a number or digit string is epoch milliseconds, text with a zone
 * is read in that zone, text without one in `zoneMinutes`. Undefined when absent, zero or unreadable.
 */
export function readCloudTime(value: unknown, zoneMinutes: number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) > 0 ? Number(text) : undefined;
  const m = TEXT.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  if (n(2) < 1 || n(2) > 12 || n(3) < 1 || n(3) > 31 || n(4) > 23 || n(5) > 59 || n(6) > 59) return undefined;
  const fraction = Number(`0.${m[7] ?? '0'}`) * 1000;
  const local = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6)) + Math.floor(fraction);
  const zone = m[8];
  let offset = zoneMinutes;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!z) return undefined;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  } else if (zone) {
    offset = 0;
  }
  const ms = local - offset * 60_000;
  return Number.isFinite(ms) ? ms : undefined;
}

/** ISO 8601 in UTC of epoch milliseconds; undefined stays undefined. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** A cloud time (see readCloudTime) as ISO 8601 in UTC. */
export function cloudIso(value: unknown, zoneMinutes: number): string | undefined {
  return isoTime(readCloudTime(value, zoneMinutes));
}
