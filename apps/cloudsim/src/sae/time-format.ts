import { reported } from '../reported-time';

/** SAE prints order times in China Standard Time (UTC+8), e.g. "2019-07-11 15:54:49". */
const CST_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** A simulated time as SAE's UTC+8 text, in reported time. */
export function formatCst(ms: number): string {
  const d = new Date(reported(ms) + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Events use ISO-8601 UTC without milliseconds: "2020-02-19T05:01:28Z" (in reported time). */
export function formatIsoSeconds(ms: number): string {
  return `${new Date(reported(ms)).toISOString().slice(0, 19)}Z`;
}

/** SAE's epoch-millisecond fields (pipelines, config maps, rules, instances), in reported time. */
export function epochMs(ms: number): number {
  return reported(ms);
}

/** Start of the calendar month (in UTC+8, where billing months are counted) containing ms (simulated). */
export function monthStartCst(ms: number): number {
  const d = new Date(ms + CST_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - CST_OFFSET_MS;
}
