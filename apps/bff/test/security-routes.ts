import { type RouteDef, type RouteId, routes } from '@console/contract';
import type { ConsoleConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { demoUsers } from '../src/demo';
import { startBff } from '../src/server';

export const ROUTES = Object.entries(routes) as [RouteId, RouteDef][];

/** The demo account a route's family lives on, so that an allowed call reaches a real handler. */
export function accountFor(path: string): string {
  if (path.includes('/as/')) return 'as-demo';
  if (path.includes('/aos/')) return 'aos-demo';
  if (path.includes('/retailcloud/')) return 'retail-demo';
  return 'sae-demo';
}

/** The route's path with every parameter filled: the account by family, other ids with `id`. */
export function concretePath(def: RouteDef, id = 'no-such-id'): string {
  return def.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(name === 'accountId' ? accountFor(def.path) : id),
  );
}

export const httpMethod = (def: RouteDef) => def.method.toUpperCase();
export const isStateChange = (def: RouteDef) => def.method !== 'get';

export interface RawSession {
  cookie: string;
  csrf: string;
  setCookie: string;
}

/** Signs in with fetch and keeps the cookie and CSRF token as they came, for hand-made requests. */
export async function rawLogin(
  baseUrl: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<RawSession> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken, setCookie };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body when it is JSON. */
  json: unknown;
}

/** One request as a browser would send it; the answer is kept whatever its type. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    session?: RawSession;
    csrf?: string | null;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (options.session) headers.cookie = options.session.cookie;
  const csrf = options.csrf === undefined ? options.session?.csrf : options.csrf;
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    // An event stream never ends by itself: its status and headers are the answer.
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, text: '', json: undefined };
  }
  const text = await response.text();
  let json: unknown;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json };
}

export const errorOf = (r: RawResponse) =>
  (r.json as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;

/** A BFF with no cloud account and the demo users, for what happens before any upstream call. */
export async function startBareBff(overrides: Partial<ConsoleConfig> = {}, options: { db?: Database } = {}) {
  return startBff(
    {
      host: '127.0.0.1',
      port: 0,
      accounts: [],
      users: demoUsers,
      sessionTtlMs: 3_600_000,
      cookieSecure: 'auto',
      trustProxy: false,
      logLevel: 'silent',
      usageSampleSeconds: 3_600,
      ...overrides,
    },
    options,
  );
}
