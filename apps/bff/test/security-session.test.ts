import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest, createServer as httpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBff } from '../src/app';
import { type Database, openEmbeddedDatabase } from '../src/db/database';
import {
  concretePath,
  errorOf,
  httpMethod,
  isStateChange,
  ROUTES,
  rawLogin,
  send,
  startBareBff,
} from './security-routes';

type Bare = Awaited<ReturnType<typeof startBareBff>>;
const running: { stop(): Promise<void> }[] = [];
async function bare(...args: Parameters<typeof startBareBff>): Promise<Bare> {
  const bff = await startBareBff(...args);
  running.push(bff);
  return bff;
}
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

/** One BFF behind a trusted proxy serves the cookie and rate-limit tests (distinct users and addresses). */
let shared: Promise<Bare> | undefined;
const trustedBff = () => {
  shared ??= bare({ trustProxy: true });
  return shared;
};

let shortTtl: Bare | undefined;

const cookieAttributes = (setCookie: string) =>
  setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe('session cookie flags', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and not Secure over plain HTTP', async () => {
    const bff = await trustedBff();
    const { setCookie } = await rawLogin(bff.url, 'viewer', 'viewer-demo-1');
    const attributes = cookieAttributes(setCookie);
    expect(setCookie.startsWith('console_session=')).toBe(true);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    expect(attributes).not.toContain('secure');
  });

  it('is Secure behind a trusted TLS proxy (X-Forwarded-Proto: https), not when the proxy is not trusted', async () => {
    const trusted = await trustedBff();
    const behindTls = await rawLogin(trusted.url, 'viewer', 'viewer-demo-1', {
      'x-forwarded-proto': 'https',
    });
    expect(cookieAttributes(behindTls.setCookie)).toContain('secure');
    const plain = await rawLogin(trusted.url, 'viewer', 'viewer-demo-1', { 'x-forwarded-proto': 'http' });
    expect(cookieAttributes(plain.setCookie)).not.toContain('secure');
    // Without trust proxy a client cannot claim TLS with a header.
    const untrusted = await bare({ trustProxy: false, sessionTtlMs: 1_000 });
    shortTtl = untrusted;
    const claimed = await rawLogin(untrusted.url, 'viewer', 'viewer-demo-1', {
      'x-forwarded-proto': 'https',
    });
    expect(cookieAttributes(claimed.setCookie)).not.toContain('secure');
    // The sign-out cookie that clears the session carries the same flags.
    const out = await send(trusted.url, 'DELETE', '/api/session', {
      session: behindTls,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(out.status).toBe(200);
    expect(cookieAttributes(out.headers.get('set-cookie') ?? '')).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'max-age=0']),
    );
  });

  it('is Secure when the server itself speaks TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const key = readFileSync(join(dir, 'key.pem'));
      const cert = readFileSync(join(dir, 'cert.pem'));
      const bff = await createBff({
        host: '127.0.0.1',
        port: 0,
        accounts: [],
        users: [{ username: 'viewer', password: 'viewer-demo-1', role: 'viewer' }],
        sessionTtlMs: 60_000,
        cookieSecure: 'auto',
        trustProxy: false,
        logLevel: 'silent',
        usageSampleSeconds: 3_600,
      });
      const server = httpsServer({ key, cert }, bff.app).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const setCookie = await new Promise<string>((resolve, reject) => {
          const req = httpsRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/api/session',
              method: 'POST',
              ca: cert,
              headers: { 'content-type': 'application/json' },
            },
            (res) => {
              res.resume();
              resolve(String(res.headers['set-cookie']?.[0] ?? ''));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ username: 'viewer', password: 'viewer-demo-1' }));
        });
        expect(cookieAttributes(setCookie)).toEqual(
          expect.arrayContaining(['secure', 'httponly', 'samesite=strict']),
        );
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await bff.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('session expiry and sign-out', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('refuses a session past its time to live (short TTL)', async () => {
    const bff = shortTtl ?? (await bare({ sessionTtlMs: 1_000 }));
    const session = await rawLogin(bff.url, 'viewer', 'viewer-demo-1');
    expect((await send(bff.url, 'GET', '/api/accounts', { session })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const refused = await send(bff.url, 'GET', '/api/accounts', { session });
    expect(refused.status).toBe(401);
    expect(errorOf(refused)?.code).toBe('Unauthenticated');
    expect((await send(bff.url, 'GET', '/api/session', { session })).json).toEqual({
      user: null,
      csrfToken: null,
    });
  });

  it('refuses a session whose stored expiry has passed, on reads and on writes', async () => {
    const session = await rawLogin(stack.bff.url, 'operator', 'operator-demo-1');
    expect((await send(stack.bff.url, 'GET', '/api/accounts', { session })).status).toBe(200);
    await stack.bff.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE username = 'operator'`,
    );
    expect((await send(stack.bff.url, 'GET', '/api/accounts', { session })).status).toBe(401);
    const write = await send(stack.bff.url, 'POST', '/api/accounts/sae-demo/applications/x/restart', {
      session,
      body: '{}',
    });
    expect(write.status).toBe(401);
  });

  it('ends the session on the server at sign-out: the old cookie and token work on no route', async () => {
    const session = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
    const out = await send(stack.bff.url, 'DELETE', '/api/session', { session });
    expect(out.status).toBe(200);
    const stored = await stack.bff.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE username = 'admin'`,
    );
    expect(stored[0]?.n).toBe(0);
    const wrong: string[] = [];
    let tried = 0;
    for (const [id, def] of ROUTES) {
      if (def.role === 'public') continue;
      const response = await send(stack.bff.url, httpMethod(def), concretePath(def), {
        session,
        body: isStateChange(def) ? '{}' : undefined,
      });
      tried++;
      if (response.status !== 401) wrong.push(`${id}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect(tried).toBe(ROUTES.filter(([, d]) => d.role !== 'public').length);
  });
});

describe('sign-in and sign-out are written whole or not at all', () => {
  it('leaves no session, failure count or half a record when the audit record cannot be written', async () => {
    const db = await openEmbeddedDatabase();
    // The database refuses audit records inside a transaction while `broken` is set.
    let broken = false;
    const failing: Database = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            exec: (sql) => tx.exec(sql),
            query: (sql, params) => {
              if (broken && sql.includes('INSERT INTO audit_log')) throw new Error('disk full');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    running.push({ stop: () => db.close() });
    const bff = await bare({}, { db: failing });
    const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]?.n;
    const login = (password: string) =>
      fetch(`${bff.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password }),
      });

    broken = true;
    const refused = await login('operator-demo-1');
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({
      error: { code: 'InternalError', message: 'An unexpected error occurred; it has been logged.' },
    });
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM sessions`)).toBe(0);
    const wrong = await login('not-the-password');
    expect(wrong.status).toBeGreaterThanOrEqual(500);
    expect(await count(`SELECT count(*)::int AS n FROM login_failures`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'login'`)).toBe(0);

    broken = false;
    const session = await rawLogin(bff.url, 'operator', 'operator-demo-1');
    expect(await count(`SELECT count(*)::int AS n FROM sessions`)).toBe(1);
    broken = true;
    const out = await send(bff.url, 'DELETE', '/api/session', { session });
    expect(out.status).toBeGreaterThanOrEqual(500);
    // The sign-out did not happen: the session still works and says so.
    expect((await send(bff.url, 'GET', '/api/accounts', { session })).status).toBe(200);
    broken = false;
    expect((await send(bff.url, 'DELETE', '/api/session', { session })).status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM sessions`)).toBe(0);
    expect(
      await db.query(`SELECT action, outcome FROM audit_log WHERE action IN ('login', 'logout') ORDER BY id`),
    ).toEqual([
      { action: 'login', outcome: 'success' },
      { action: 'logout', outcome: 'success' },
    ]);
  });
});

describe('sign-in rate limiting (counted in the database)', () => {
  const attempt = (url: string, username: string, password: string, address: string) =>
    send(url, 'POST', '/api/session', {
      body: JSON.stringify({ username, password }),
      headers: { 'x-forwarded-for': address },
    });

  it('refuses a user name after 5 failures with 429 and Retry-After, even with the right password', async () => {
    const bff = await trustedBff();
    for (let i = 0; i < 5; i++) {
      // Five different addresses: the count is per user name, wherever the guesses come from.
      expect((await attempt(bff.url, 'operator', `guess-${i}`, `10.0.0.${i + 1}`)).status).toBe(401);
    }
    const locked = await attempt(bff.url, 'operator', 'operator-demo-1', '10.0.1.1');
    expect(locked.status).toBe(429);
    expect(errorOf(locked)?.code).toBe('TooManyLoginAttempts');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(errorOf(locked)?.message).toMatch(/15 minutes/);
    // Other users are not affected.
    expect((await attempt(bff.url, 'viewer', 'viewer-demo-1', '10.0.1.1')).status).toBe(200);
    // The refusal is audited.
    const [audited] = await bff.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = 'operator' AND outcome = 'denied' AND detail = 'too many failed sign-ins'`,
    );
    expect(audited?.n).toBe(1);
    // When the window has passed, the right password works again.
    await bff.db.query(`UPDATE login_failures SET window_start = now() - interval '16 minutes'`);
    expect((await attempt(bff.url, 'operator', 'operator-demo-1', '10.0.1.1')).status).toBe(200);
  });

  it('resets the count of a user name on a successful sign-in', async () => {
    const bff = await trustedBff();
    for (let i = 0; i < 4; i++)
      expect((await attempt(bff.url, 'viewer', 'nope', '10.1.0.1')).status).toBe(401);
    expect((await attempt(bff.url, 'viewer', 'viewer-demo-1', '10.1.0.1')).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await attempt(bff.url, 'viewer', 'nope', '10.1.0.2')).status).toBe(401);
    expect((await attempt(bff.url, 'viewer', 'viewer-demo-1', '10.1.0.2')).status).toBe(200);
  });

  it('refuses an address after 20 failures over any user names', async () => {
    const bff = await trustedBff();
    for (let i = 0; i < 20; i++) {
      expect((await attempt(bff.url, `nobody-${i}`, 'nope', '192.0.2.7')).status).toBe(401);
    }
    const locked = await attempt(bff.url, 'admin', 'admin-demo-1', '192.0.2.7');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(bff.url, 'admin', 'admin-demo-1', '192.0.2.8')).status).toBe(200);
  });

  it('is shared by instances on one database', async () => {
    const first = await trustedBff();
    const second = await bare({ trustProxy: true }, { db: first.db });
    for (let i = 0; i < 5; i++) {
      const target = i % 2 === 0 ? first : second;
      expect((await attempt(target.url, 'admin', 'nope', `10.2.0.${i}`)).status).toBe(401);
    }
    expect((await attempt(second.url, 'admin', 'admin-demo-1', '10.2.1.1')).status).toBe(429);
    expect((await attempt(first.url, 'admin', 'admin-demo-1', '10.2.1.1')).status).toBe(429);
  });
});

describe('password rules for new users', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  const create = async (body: unknown) => {
    const admin = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
    return send(stack.bff.url, 'POST', '/api/users', { session: admin, body: JSON.stringify(body) });
  };

  it('refuses weak passwords with a 400 that names the rule', async () => {
    for (const [password, rule] of [
      ['short-pw-1', /at least 12 characters/],
      ['Release.Manager', /must not be the user name/],
      ['Password1234', /common passwords/],
      ['qwertyuiop123', /common passwords/],
    ] as const) {
      const response = await create({ username: 'release.manager', password, role: 'operator' });
      expect(response.status, password).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: 'WeakPassword', field: 'password' });
      expect(errorOf(response)?.message).toMatch(rule);
    }
    const badName = await create({ username: 'no spaces', password: 'a-long-enough-one', role: 'viewer' });
    expect(badName.status).toBe(400);
    expect(errorOf(badName)?.field).toBe('username');
    const badRole = await create({ username: 'someone', password: 'a-long-enough-one', role: 'root' });
    expect(errorOf(badRole)?.field).toBe('role');
  });

  it('creates a user with a good password, once, audited, and the user can sign in', async () => {
    const created = await create({
      username: 'release.manager',
      password: 'tea-kettle-garden-7',
      role: 'operator',
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ username: 'release.manager', role: 'operator' });
    expect(created.text).not.toContain('tea-kettle-garden-7');
    const again = await create({
      username: 'release.manager',
      password: 'tea-kettle-garden-8',
      role: 'admin',
    });
    expect(again.status).toBe(409);
    expect(errorOf(again)?.code).toBe('UserExists');
    const session = await rawLogin(stack.bff.url, 'release.manager', 'tea-kettle-garden-7');
    expect((await send(stack.bff.url, 'GET', '/api/session', { session })).json).toMatchObject({
      user: { username: 'release.manager', role: 'operator' },
    });
    const admin = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
    const list = await send(stack.bff.url, 'GET', '/api/users', { session: admin });
    expect(list.json).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'release.manager', role: 'operator' })]),
    );
    expect(list.text).not.toMatch(/scrypt|password/i);
    const audit = await send(stack.bff.url, 'GET', '/api/audit?action=user-create', { session: admin });
    expect(
      (audit.json as { items: { resource: string; outcome: string }[] }).items.map((i) => i.outcome),
    ).toContain('success');
  });

  it("changes one's own password with the same rules and ends the user's other sessions", async () => {
    const here = await rawLogin(stack.bff.url, 'viewer', 'viewer-demo-1');
    const elsewhere = await rawLogin(stack.bff.url, 'viewer', 'viewer-demo-1');
    const change = (currentPassword: string, newPassword: string) =>
      send(stack.bff.url, 'PUT', '/api/session/password', {
        session: here,
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    const wrongCurrent = await change('not-my-password', 'brand-new-password-9');
    expect(wrongCurrent.status).toBe(400);
    expect(errorOf(wrongCurrent)?.field).toBe('currentPassword');
    const weak = await change('viewer-demo-1', 'short');
    expect(weak.status).toBe(400);
    expect(errorOf(weak)).toMatchObject({ code: 'WeakPassword', field: 'newPassword' });
    expect(errorOf(weak)?.message).toMatch(/at least 12 characters/);
    const same = await change('viewer-demo-1', 'viewer-demo-1');
    expect(errorOf(same)?.field).toBe('newPassword');
    const done = await change('viewer-demo-1', 'brand-new-password-9');
    expect(done.status).toBe(200);
    expect((await send(stack.bff.url, 'GET', '/api/accounts', { session: here })).status).toBe(200);
    expect((await send(stack.bff.url, 'GET', '/api/accounts', { session: elsewhere })).status).toBe(401);
    const old = await send(stack.bff.url, 'POST', '/api/session', {
      body: JSON.stringify({ username: 'viewer', password: 'viewer-demo-1' }),
    });
    expect(old.status).toBe(401);
    await rawLogin(stack.bff.url, 'viewer', 'brand-new-password-9');
  });

  it('refuses to start with a configured user whose password breaks the rules', async () => {
    await expect(
      startBareBff({ users: [{ username: 'root', password: 'root', role: 'admin' }] }),
    ).rejects.toThrow(/"root" must be at least 12 characters long/);
  });
});
