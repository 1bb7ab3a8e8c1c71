import { currentTimeZone, type TimeZoneChoice } from './time-zone';

/** A time as the contract carries it: epoch milliseconds or ISO 8601 with its zone. */
export type TimeValue = number | string | Date | null | undefined;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The instant a value names; text without a zone names none (its zone would be a guess). */
function instantOf(value: TimeValue): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string' && !ZONED.test(value.trim())) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `zoneOrLocale` is 'local' or 'utc'; anything else (a locale older callers pass) means the operator's choice. */
const zoneOf = (zoneOrLocale: string | undefined): TimeZoneChoice =>
  zoneOrLocale === 'utc' || zoneOrLocale === 'local' ? zoneOrLocale : currentTimeZone();

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

function partsOf(date: Date, zone: TimeZoneChoice): Parts {
  if (zone === 'utc') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      offset: 0,
    };
  }
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    offset: -date.getTimezoneOffset(),
  };
}

function offsetLabel(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The zone times are shown in: `UTC`, or the browser's offset at that instant (`UTC+08:00`; it moves
 * with summer time).
 */
export function zoneLabel(zone: TimeZoneChoice = currentTimeZone(), at: number = Date.now()): string {
  return zone === 'utc' ? 'UTC' : offsetLabel(-new Date(at).getTimezoneOffset());
}

/**
 * The console's one way to show a date and time: `2026-12-07 20:31:05 UTC+08:00` in the browser's
 * zone or `2026-12-07 12:31:05 UTC`, on the 0–23 clock, the same in every language. The zone is the
 * operator's local / UTC choice unless `zone` says 'local' or 'utc' (older callers pass a locale here,
 * which is ignored). Text without a zone is shown as it came: its zone would be a guess, and the BFF
 * sends none.
 */
export function formatTime(value: TimeValue, zone?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = instantOf(value);
  if (!date) return String(value);
  const choice = zoneOf(zone);
  const p = partsOf(date, choice);
  const label = choice === 'utc' ? 'UTC' : offsetLabel(p.offset);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${label}`;
}

/**
 * A chart axis tick in the operator's zone (the tooltip names the zone): the time of day, with seconds
 * when the chart spans less than ten minutes and with the date when it spans a day or more.
 */
export function formatClock(value: number, spanMs = Number.POSITIVE_INFINITY): string {
  const p = partsOf(new Date(value), currentTimeZone());
  const clock = `${pad(p.hour)}:${pad(p.minute)}${spanMs < 10 * 60_000 ? `:${pad(p.second)}` : ''}`;
  return spanMs >= 86_400_000 && Number.isFinite(spanMs) ? `${pad(p.month)}-${pad(p.day)} ${clock}` : clock;
}

/** An instant as the value of an `<input type="datetime-local">`, in the shown zone; '' for none. */
export function toDateTimeInput(value: TimeValue, zone: TimeZoneChoice = currentTimeZone()): string {
  const date = instantOf(value);
  if (!date) return '';
  const p = partsOf(date, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A `datetime-local` value read in the shown zone, as epoch milliseconds; undefined when empty or invalid. */
export function fromDateTimeInput(
  local: string,
  zone: TimeZoneChoice = currentTimeZone(),
): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const ms =
    zone === 'utc'
      ? Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6))
      : new Date(n(1), n(2) - 1, n(3), n(4), n(5), n(6)).getTime();
  return Number.isFinite(ms) ? ms : undefined;
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
