import type { AsApi, AsApiName, AsErrorCode } from '@console/catalogue';
import type { HuaweiRequest } from '../types';
import type { AsEngine } from './engine';
import { AsError, type AsGroup, check, type Json } from './model';
import type { AsProject } from './store';

/** What a handler works on: the project's state at the request's simulated instant. */
export interface AsCtx {
  api: AsApi;
  req: HuaweiRequest;
  p: AsProject;
  engine: AsEngine;
  now: number;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface AsResult {
  status: number;
  body?: unknown;
}

export type AsHandler = (ctx: AsCtx) => AsResult;
export type AsHandlers = Partial<Record<AsApiName, AsHandler>>;

export const NO_CONTENT: AsResult = { status: 204 };
export const ok = (body: unknown): AsResult => ({ status: 200, body });

/**
 * The JSON body: AS.0002 when absent, AS.0022 when it is not a JSON object or carries a field the API does not
 * take (`extra` lists accepted fields the table leaves out, e.g. the other desired-count spelling).
 */
export function readBody(ctx: AsCtx, extra: readonly string[] = []): Json {
  const text = ctx.req.body.toString('utf8').trim();
  check(text.length, 'AS.0002');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AsError('AS.0022');
  }
  check(body && typeof body === 'object' && !Array.isArray(body), 'AS.0022');
  const allowed = new Set([...ctx.api.body.map((f) => f.name), ...extra]);
  for (const k of Object.keys(body)) check(allowed.has(k), 'AS.0022', `Unsupported field [${k}].`);
  return body as Json;
}

/** `start_number` (default 0, ≥ 0) and `limit` (default 20, 0–100), with the family's codes. */
export function paging(
  query: URLSearchParams,
  startCode: AsErrorCode = 'AS.1001',
  limitCode: AsErrorCode = 'AS.1002',
): { start: number; limit: number } {
  const s = query.get('start_number');
  const l = query.get('limit');
  const start = s === null || s === '' ? 0 : Number(s);
  const limit = l === null || l === '' ? 20 : Number(l);
  check(Number.isInteger(start) && start >= 0, startCode);
  check(Number.isInteger(limit) && limit >= 0 && limit <= 100, limitCode);
  return { start, limit };
}

export function page<T>(items: T[], start: number, limit: number): T[] {
  return items.slice(start, start + limit);
}

export function findGroup(ctx: AsCtx, id: string | undefined, code: AsErrorCode = 'AS.2007'): AsGroup {
  const g = id ? ctx.p.groups.get(id) : undefined;
  check(g, code);
  return g;
}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';

/** Newest first, as the seed's list samples are ordered. */
export function newestFirst<T extends { createdAt: number; id?: string; name?: string }>(list: T[]): T[] {
  return list.sort(
    (a, b) => b.createdAt - a.createdAt || String(b.id ?? b.name).localeCompare(String(a.id ?? a.name)),
  );
}
