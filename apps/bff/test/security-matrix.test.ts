import { hasRole, type Role, type RouteDef, type RouteId } from '@console/contract';
import { type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concretePath,
  errorOf,
  httpMethod,
  isStateChange,
  type RawSession,
  ROUTES,
  rawLogin,
  send,
} from './security-routes';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'viewer', 'operator', 'admin'];
const PASSWORDS: Record<Role, string> = {
  viewer: 'viewer-demo-1',
  operator: 'operator-demo-1',
  admin: 'admin-demo-1',
};

let stack: Stack;
const login = (role: Role) => rawLogin(stack.bff.url, role, PASSWORDS[role]);
const count = async (sql: string) => (await stack.bff.db.query<{ n: number }>(sql))[0]?.n;
const simCalls = async () =>
  (
    (await (await fetch(`${stack.sim.url}/__sim/calls`)).json()) as {
      calls: { api: string; method: string }[];
    }
  ).calls;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(() => stack?.stop());

function expected(def: RouteDef, caller: Caller): 'allow' | 'deny' {
  if (def.role === 'public') return 'allow';
  // Without a display link a wallboard route is a viewer's.
  if (def.role === 'display') return caller === 'anonymous' ? 'deny' : 'allow';
  if (caller === 'anonymous') return 'deny';
  return hasRole(caller, def.role) ? 'allow' : 'deny';
}

// CSRF first: the matrix looks at applications, which the usage sampler then reads in the background.
describe('CSRF on every state change, generated from the routes table', () => {
  const changes = ROUTES.filter(([, def]) => isStateChange(def));

  it('refuses every non-GET route without the token or with a wrong one, and nothing happens', async () => {
    const admin = await login('admin');
    const auditBefore = await count('SELECT count(*)::int AS n FROM audit_log');
    const callsBefore = await simCalls();
    const wrong: string[] = [];
    let checked = 0;
    for (const [id, def] of changes) {
      for (const csrf of [null, `${admin.csrf.slice(0, -2)}xx`]) {
        const response = await send(stack.bff.url, httpMethod(def), concretePath(def), {
          session: admin,
          csrf,
          body: '{}',
        });
        checked++;
        const error = errorOf(response);
        if (
          response.status !== 403 ||
          error?.code !== 'CsrfTokenInvalid' ||
          !/CSRF/.test(error.message ?? '')
        ) {
          wrong.push(`${id} ${csrf ? 'wrong' : 'missing'} token: ${response.status} ${response.text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(changes.length * 2);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
    expect((await simCalls()).slice(callsBefore.length)).toEqual([]);
    // The same session with its token still works: the refusals were about the token only.
    expect((await send(stack.bff.url, 'GET', '/api/accounts', { session: admin })).status).toBe(200);
    console.log(`CSRF: ${checked} refusals over ${changes.length} state-changing routes`);
  });

  it('takes no form posts: a state change must be JSON, which a cross-site form cannot send', async () => {
    const admin = await login('admin');
    const response = await send(stack.bff.url, 'POST', '/api/users', {
      session: admin,
      body: 'username=mallory&password=long-enough-password&role=admin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(errorOf(response)?.code).toBe('UnsupportedMediaType');
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE username = 'mallory'`)).toBe(0);
  });
});

describe('route × role matrix, generated from the routes table', () => {
  it('allows exactly the roles each route declares, for every route and every caller', async () => {
    const cells: { id: RouteId; caller: Caller; status: number }[] = [];
    const wrong: string[] = [];
    // One lane per caller; within a lane cells run in order, so that a route which ends the session
    // (sign-out) is followed by a fresh sign-in before the next cell.
    const lane = async (caller: Caller) => {
      let session: RawSession | undefined = caller === 'anonymous' ? undefined : await login(caller);
      for (const [id, def] of ROUTES) {
        const response = await send(stack.bff.url, httpMethod(def), concretePath(def), {
          session,
          body: isStateChange(def) ? '{}' : undefined,
        });
        cells.push({ id, caller, status: response.status });
        const code = errorOf(response)?.code;
        const denied = response.status === 401 || response.status === 403;
        if (expected(def, caller) === 'allow') {
          if (denied) wrong.push(`${id} as ${caller}: expected allow, got ${response.status} ${code}`);
        } else {
          const [status, wantCode] = caller === 'anonymous' ? [401, 'Unauthenticated'] : [403, 'Forbidden'];
          if (response.status !== status || code !== wantCode) {
            wrong.push(`${id} as ${caller}: expected ${status} ${wantCode}, got ${response.status} ${code}`);
          }
        }
        if (session && caller !== 'anonymous' && isStateChange(def)) {
          const still = await send(stack.bff.url, 'GET', '/api/session', { session });
          if (!(still.json as { user: unknown }).user) session = await login(caller);
        }
      }
    };
    const lanes = await Promise.allSettled(CALLERS.map(lane));
    expect(lanes.filter((l) => l.status === 'rejected')).toEqual([]);
    expect(wrong).toEqual([]);
    expect(cells).toHaveLength(ROUTES.length * CALLERS.length);
    expect(new Set(cells.map((c) => c.id)).size).toBe(ROUTES.length);
    for (const caller of CALLERS) {
      expect(cells.filter((c) => c.caller === caller)).toHaveLength(ROUTES.length);
    }
    const denied = cells.filter((c) => c.status === 401 || c.status === 403).length;
    console.log(
      `route × role matrix: ${cells.length} cells (${ROUTES.length} routes × ${CALLERS.length} callers), ${denied} denied, ${cells.length - denied} allowed`,
    );
  });
});
