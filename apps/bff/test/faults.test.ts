import type { ApplicationDetail, ApplicationPage, AuditPage, AuditRecord } from '@console/contract';
import { type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { circuitFor } from '../src/upstream/circuit';
import { configureUpstream, type UpstreamPolicy, upstreamPolicy } from '../src/upstream/policy';
import { STALE_HEADER } from '../src/upstream/stale';

/**
 * The real BFF against the real simulator while the simulator injects faults at run time: reads are
 * retried within their bound, each account's circuit opens and recovers, GETs fall back to their
 * last good data marked stale, and a write whose answer was lost is sent once, re-read and audited.
 */

type FaultProduct = 'sae' | 'retailcloud' | 'AS' | 'AOS';
type Kind = 'error' | 'throttle' | 'reset' | 'timeout';

const ACCOUNTS: { id: string; product: FaultProduct; client: string }[] = [
  { id: 'sae-demo', product: 'sae', client: 'SAE' },
  { id: 'sae-legacy', product: 'sae', client: 'SAE' },
  { id: 'retail-demo', product: 'retailcloud', client: 'RetailCloud' },
  { id: 'as-demo', product: 'AS', client: 'AS' },
  { id: 'aos-demo', product: 'AOS', client: 'AOS' },
];
const KINDS: Kind[] = ['error', 'throttle', 'reset', 'timeout'];

/** The 5xx answers the console documents: the cloud unavailable, an open circuit, a lost answer. */
const DOCUMENTED_5XX = new Set(['502 UpstreamError', '503 UpstreamError', '504 UpstreamError']);
const DOCUMENTED_LOST = new Set(['502 UpstreamOutcomeUnknown', '504 UpstreamOutcomeUnknown']);

const POLICY: Partial<UpstreamPolicy> = {
  timeoutMs: 600,
  readAttempts: 3,
  backoffMs: 10,
  maxBackoffMs: 40,
  readBudgetMs: 2_500,
  circuitThreshold: 4,
  circuitCooldownMs: 400,
};

let stack: Stack;
let previousPolicy: UpstreamPolicy;
let unhandled = 0;
const onUnhandled = () => {
  unhandled++;
};
const tally = { injected: 0, survived: 0 };
const undocumented: string[] = [];

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  ms: number;
}

/** A signed-in operator (and an admin for the audit log) that sees response headers. */
class Browser {
  private cookie = '';
  private csrf = '';

  static async login(username: string, password: string): Promise<Browser> {
    const b = new Browser();
    const res = await b.call('POST', '/api/session', { username, password });
    expect(res.status).toBe(200);
    return b;
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = Date.now();
    const res = await fetch(`${stack.bff.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T & { csrfToken?: string };
    const cookie = res.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    if (parsed && typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    if (res.status >= 500) {
      const code = (parsed as { error?: { code?: string } })?.error?.code;
      const upstream = (parsed as { error?: { upstream?: { code?: string } } })?.error?.upstream?.code;
      const key = `${res.status} ${code}`;
      if ((!DOCUMENTED_5XX.has(key) && !DOCUMENTED_LOST.has(key)) || !upstream)
        undocumented.push(`${method} ${path}: ${key}`);
    }
    return { status: res.status, headers: res.headers, body: parsed, ms: Date.now() - started };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body: unknown = {}) {
    return this.call<T>('POST', path, body);
  }
}

let operator: Browser;
let admin: Browser;

const injectedSoFar = () => stack.sim.faults.injected().reduce((sum, i) => sum + i.count, 0);

/**
 * One faulted scenario: the faults it injected count as survived when its assertions held and the
 * BFF still answers afterwards.
 */
async function scenario(run: () => Promise<void>): Promise<void> {
  const before = injectedSoFar();
  try {
    await run();
  } finally {
    stack.sim.faults.clear();
    const injected = injectedSoFar() - before;
    tally.injected += injected;
    const alive = await fetch(`${stack.bff.url}/healthz`).then((r) => r.ok);
    if (alive) tally.survived += injected;
  }
}

const appsPath = (account: string) => `/api/accounts/${account}/applications?page=1&pageSize=50`;
const ids = (page: ApplicationPage) => page.items.map((a) => a.id).sort();

/** Every account's circuit closed again: faults cleared, the cooldown over, one good call each. */
async function allHealthy(): Promise<void> {
  stack.sim.faults.clear();
  await new Promise((resolve) => setTimeout(resolve, upstreamPolicy().circuitCooldownMs + 50));
  for (const a of ACCOUNTS) {
    await operator.get(`/api/accounts/${a.id}/applications?page=1&pageSize=1`);
    expect(circuitFor(a.id, a.client)?.snapshot(), a.id).toMatchObject({ state: 'closed' });
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  previousPolicy = configureUpstream(POLICY);
  stack = await startStack();
  operator = await Browser.login('operator', 'operator-demo-1');
  admin = await Browser.login('admin', 'admin-demo-1');
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  configureUpstream(previousPolicy);
  console.info(`faults injected: ${tally.injected}, survived: ${tally.survived}`);
  await stack?.stop();
});

beforeEach(() => {
  stack.sim.faults.clear();
});

describe('reads under faults', () => {
  it('retries every kind of fault on every account within the bound, then answers fresh data', {
    timeout: 120_000,
  }, async () => {
    for (const account of ACCOUNTS) {
      for (const kind of [...KINDS, 'latency' as const]) {
        // The demo data moves on its own (a stack being deleted goes away), so the faulted answer is
        // judged between an unfaulted read just before it and one just after it.
        const before = await operator.get<ApplicationPage>(appsPath(account.id));
        expect(before.status).toBe(200);
        await scenario(async () => {
          stack.sim.faults.add(
            kind === 'latency'
              ? { product: account.product, kind, latencyMs: 150, count: 1 }
              : { product: account.product, kind, count: 2 },
          );
          const answer = await operator.get<ApplicationPage>(appsPath(account.id));
          expect(answer.status, `${account.id} ${kind}`).toBe(200);
          expect(answer.headers.get(STALE_HEADER), `${account.id} ${kind}`).toBeNull();
          // Both faults were spent on retries of reads, and nothing is left over.
          expect(stack.sim.faults.rules()).toEqual([]);
          expect(answer.ms).toBeLessThan(POLICY.readBudgetMs as number);
          const after = await operator.get<ApplicationPage>(appsPath(account.id));
          expect(after.status).toBe(200);
          const seen = ids(answer.body);
          expect(ids(before.body), `${account.id} ${kind}`).toEqual(expect.arrayContaining(seen));
          expect(seen, `${account.id} ${kind}`).toEqual(expect.arrayContaining(ids(after.body)));
          expect(seen.length, `${account.id} ${kind}`).toBeGreaterThan(0);
        });
      }
    }
    expect(circuitFor('sae-demo', 'SAE')?.snapshot().state).toBe('closed');
  });

  it('gives a read up after its attempts, with the cloud’s own code and RequestId', async () => {
    await scenario(async () => {
      stack.sim.calls.clear();
      stack.sim.faults.add({ product: 'sae', action: 'DescribeNamespaceList', kind: 'error', status: 503 });
      const failed = await operator.get<{ error: { code: string; upstream: Record<string, unknown> } }>(
        '/api/accounts/sae-demo/namespaces',
      );
      expect(failed.status).toBe(502);
      expect(failed.body.error.upstream).toMatchObject({ product: 'SAE', code: 'ServiceUnavailable' });
      expect(failed.body.error.upstream.requestId).toBe(
        stack.sim.calls.list({ api: 'DescribeNamespaceList' }).at(-1)?.requestId,
      );
      expect(stack.sim.calls.list({ api: 'DescribeNamespaceList' })).toHaveLength(3);
    });
    await scenario(async () => {
      stack.sim.calls.clear();
      stack.sim.faults.add({ product: 'AS', action: 'ListScalingGroups', kind: 'throttle' });
      // A name never asked for: no last good answer to fall back on.
      const throttled = await operator.get<{ error: { upstream: Record<string, unknown> } }>(
        '/api/accounts/as-demo/applications?page=1&pageSize=5&q=never-listed',
      );
      expect(throttled.status).toBe(503);
      expect(throttled.body.error.upstream).toMatchObject({ product: 'AS', code: 'APIGW.0308' });
      expect(stack.sim.calls.list({ api: 'ListScalingGroups' })).toHaveLength(3);
    });
    await allHealthy();
  });

  it('keeps a timed-out read within its time budget', async () => {
    await scenario(async () => {
      stack.sim.calls.clear();
      stack.sim.faults.add({ product: 'sae', action: 'DescribeNamespaceList', kind: 'timeout' });
      const slow = await operator.get<{ error: { upstream: { code: string } } }>(
        '/api/accounts/sae-legacy/namespaces',
      );
      expect(slow.status).toBe(504);
      expect(slow.body.error.upstream.code).toBe('UpstreamTimeout');
      expect(slow.ms).toBeLessThan((POLICY.readBudgetMs as number) + 500);
      expect(stack.sim.calls.list({ api: 'DescribeNamespaceList' }).length).toBeLessThanOrEqual(3);
    });
    await allHealthy();
  });
});

describe('the circuit of an account and product', () => {
  it('opens after the threshold, answers at once naming the account, probes and recovers', async () => {
    await scenario(async () => {
      const path = '/api/accounts/sae-legacy/namespaces';
      stack.sim.faults.add({ product: 'sae', action: 'DescribeNamespaceList', kind: 'error', status: 500 });
      const circuit = () => circuitFor('sae-legacy', 'SAE')?.snapshot();
      for (let i = 1; i <= (POLICY.circuitThreshold as number); i++) {
        expect((await operator.get(path)).status).toBe(502);
      }
      expect(circuit()).toMatchObject({
        state: 'open',
        consecutiveFailures: 4,
        lastFailure: 'InternalError',
      });
      // The other account of the same product keeps its own circuit.
      expect(circuitFor('sae-demo', 'SAE')?.snapshot().state).toBe('closed');

      const sent = stack.sim.calls.list({ api: 'DescribeNamespaceList' }).length;
      const fast = await operator.get<{
        error: { code: string; message: string; upstream: { code: string } };
      }>(path);
      expect(fast.status).toBe(503);
      expect(fast.body.error.upstream.code).toBe('UpstreamCircuitOpen');
      expect(fast.body.error.message).toMatch(/Upstream circuit open for SAE account sae-legacy/);
      expect(fast.body.error.message).toMatch(/tries again at \d{4}-\d\d-\d\dT/);
      expect(fast.ms).toBeLessThan(200);
      expect(stack.sim.calls.list({ api: 'DescribeNamespaceList' })).toHaveLength(sent);

      // Still failing after the cooldown: one probe goes through, and the circuit opens again.
      await new Promise((resolve) => setTimeout(resolve, (POLICY.circuitCooldownMs as number) + 50));
      expect((await operator.get(path)).status).toBe(502);
      expect(stack.sim.calls.list({ api: 'DescribeNamespaceList' })).toHaveLength(sent + 1);
      expect(circuit()?.state).toBe('open');

      // The cloud is back: the next probe closes it.
      stack.sim.faults.clear();
      await new Promise((resolve) => setTimeout(resolve, (POLICY.circuitCooldownMs as number) + 50));
      expect((await operator.get(path)).status).toBe(200);
      expect(circuit()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    });
  });

  it('opens per account for every product and recovers for each', async () => {
    for (const account of ACCOUNTS.filter((a) => a.id !== 'sae-legacy')) {
      await scenario(async () => {
        stack.sim.faults.add({ product: account.product, kind: 'error', status: 503 });
        for (let i = 0; i < 6 && circuitFor(account.id, account.client)?.snapshot().state !== 'open'; i++) {
          await operator.get(`/api/accounts/${account.id}/applications?page=2&pageSize=7`);
        }
        expect(circuitFor(account.id, account.client)?.snapshot().state, account.id).toBe('open');
      });
      await allHealthy();
    }
  });
});

describe('stale data', () => {
  for (const account of ACCOUNTS) {
    it(`answers ${account.id}'s GETs with the last good data, marked with its fetch time, whatever the fault`, {
      timeout: 90_000,
    }, async () => {
      for (const kind of KINDS) {
        await scenario(async () => {
          const requested = Date.now();
          const fresh = await operator.get<ApplicationPage>(appsPath(account.id));
          const received = Date.now();
          expect(fresh.status).toBe(200);
          expect(fresh.headers.get(STALE_HEADER)).toBeNull();

          stack.sim.faults.add({ product: account.product, kind });
          const stale = await operator.get<ApplicationPage>(appsPath(account.id));
          expect(stale.status, `${account.id} ${kind}`).toBe(200);
          const fetchedAt = Date.parse(stale.headers.get(STALE_HEADER) ?? '');
          expect(fetchedAt, `${account.id} ${kind}`).toBeGreaterThanOrEqual(requested);
          expect(fetchedAt).toBeLessThanOrEqual(received);
          expect(stale.body).toEqual(fresh.body);
        });
        await allHealthy();
        const after = await operator.get(appsPath(account.id));
        expect(after.headers.get(STALE_HEADER)).toBeNull();
      }
    });
  }

  it('never answers a refusal of the request with stale data, and never gives a state change stale data', async () => {
    const missing = await operator.get('/api/accounts/sae-demo/applications/no-such-app');
    expect(missing.status).toBe(404);
    expect(missing.headers.get(STALE_HEADER)).toBeNull();
    await scenario(async () => {
      const page = await operator.get<ApplicationPage>(appsPath('sae-demo'));
      const app = page.body.items.find((a) => a.status === 'running');
      expect(app).toBeDefined();
      stack.sim.faults.add({ product: 'sae', kind: 'error', status: 503 });
      const stop = await operator.post(`/api/accounts/sae-demo/applications/${app?.id}/stop`);
      expect([502, 503]).toContain(stop.status);
      expect(stop.headers.get(STALE_HEADER)).toBeNull();
      // The application's state could not be read before the stop, and the stop was sent once.
      expect(stack.sim.calls.list({ api: 'StopApplication' })).toMatchObject([{ fault: 'error' }]);
    });
    await allHealthy();
  });
});

interface LostAnswer {
  error: { code: string; message: string; upstream: { code: string } };
  outcome: 'applied' | 'not-applied' | 'unknown';
  state?: ApplicationDetail;
}

async function lastAudit(action: string, accountId: string): Promise<AuditRecord | undefined> {
  const page = await admin.get<AuditPage>(`/api/audit?action=${action}&accountId=${accountId}&pageSize=5`);
  expect(page.status).toBe(200);
  return page.body.items[0];
}

async function firstApp(account: string, where: (a: ApplicationPage['items'][number]) => boolean) {
  const page = await operator.get<ApplicationPage>(appsPath(account));
  const app = page.body.items.find(where);
  if (!app) throw new Error(`no suitable application on ${account}`);
  return app;
}

describe('a write whose answer was lost', () => {
  const cases: {
    account: string;
    product: FaultProduct;
    api: string;
    /** The console action for that application (AS pauses and resumes with the same API). */
    action: string | ((a: ApplicationPage['items'][number]) => string);
    pick: (a: ApplicationPage['items'][number]) => boolean;
    body?: unknown;
  }[] = [
    {
      account: 'sae-demo',
      product: 'sae',
      api: 'StopApplication',
      action: 'stop',
      pick: (a) => a.status === 'running' && !a.native.lastChangeOrderRunning,
    },
    {
      account: 'sae-legacy',
      product: 'sae',
      api: 'StopApplication',
      action: 'stop',
      pick: (a) => a.status === 'running' && !a.native.lastChangeOrderRunning,
    },
    {
      account: 'retail-demo',
      product: 'retailcloud',
      api: 'ScaleApp',
      action: 'scale',
      pick: (a) => a.status === 'running' && !a.native.lastChangeOrderRunning,
      body: { replicas: 3 },
    },
    {
      account: 'as-demo',
      product: 'AS',
      api: 'EnableOrDisableScalingGroup',
      action: (a) => (a.status === 'stopped' ? 'start' : 'stop'),
      pick: (a) => !a.native.lastChangeOrderRunning,
    },
  ];

  for (const c of cases) {
    it(`is sent once on ${c.account}, re-read and audited: applied (reset after sending)`, async () => {
      await scenario(async () => {
        const app = await firstApp(c.account, c.pick);
        const action = typeof c.action === 'string' ? c.action : c.action(app);
        stack.sim.calls.clear();
        stack.sim.faults.add({ product: c.product, action: c.api, kind: 'reset', phase: 'after', count: 1 });
        const lost = await operator.post<LostAnswer>(
          `/api/accounts/${c.account}/applications/${encodeURIComponent(app.id)}/${action}`,
          c.body ?? {},
        );
        expect(lost.status, JSON.stringify(lost.body)).toBe(502);
        expect(lost.body.error.code).toBe('UpstreamOutcomeUnknown');
        expect(lost.body.error.upstream.code).toBe('UpstreamUnreachable');
        expect(lost.body.outcome).toBe('applied');
        expect(lost.body.error.message).toMatch(/not sent again.*the change was applied/);
        expect(lost.body.state?.id).toBe(app.id);
        expect(stack.sim.calls.list({ api: c.api })).toMatchObject([{ status: 0, fault: 'reset-after' }]);
        const audit = await lastAudit(action, c.account);
        expect(audit).toMatchObject({ outcome: 'unknown', resource: `app/${app.id}`, username: 'operator' });
        expect(audit?.detail).toMatch(/UpstreamUnreachable; re-read: applied/);
      });
    });
  }

  it('is sent once, re-read and audited: not applied (no answer before the cloud saw it)', {
    timeout: 60_000,
  }, async () => {
    for (const c of cases.filter((x) => x.account !== 'sae-legacy')) {
      await allHealthy();
      await scenario(async () => {
        const app = await firstApp(c.account, c.pick);
        const action = typeof c.action === 'string' ? c.action : c.action(app);
        stack.sim.calls.clear();
        stack.sim.faults.add({ product: c.product, action: c.api, kind: 'timeout', count: 1, holdMs: 5_000 });
        const lost = await operator.post<LostAnswer>(
          `/api/accounts/${c.account}/applications/${encodeURIComponent(app.id)}/${action}`,
          c.body ?? {},
        );
        expect(lost.status, JSON.stringify(lost.body)).toBe(504);
        expect(lost.body.error.code).toBe('UpstreamOutcomeUnknown');
        expect(lost.body.error.upstream.code).toBe('UpstreamTimeout');
        expect(lost.body.outcome, c.account).toBe('not-applied');
        expect(lost.body.error.message).toMatch(/safe to try again/);
        await expect.poll(() => stack.sim.calls.list({ api: c.api })).toMatchObject([{ code: 'NoAnswer' }]);
        expect((await lastAudit(action, c.account))?.detail).toMatch(/UpstreamTimeout; re-read: not-applied/);
      });
    }
  });

  it('is never retried when the cloud refuses or is unavailable, and is audited as a failure', {
    timeout: 60_000,
  }, async () => {
    for (const c of cases) {
      for (const kind of ['error', 'throttle'] as const) {
        await allHealthy();
        await scenario(async () => {
          const app = await firstApp(c.account, c.pick);
          const action = typeof c.action === 'string' ? c.action : c.action(app);
          stack.sim.calls.clear();
          stack.sim.faults.add({ product: c.product, action: c.api, kind });
          const refused = await operator.post<{ error: { upstream: { code: string; requestId?: string } } }>(
            `/api/accounts/${c.account}/applications/${encodeURIComponent(app.id)}/${action}`,
            c.body ?? {},
          );
          expect([502, 503], `${c.account} ${kind}`).toContain(refused.status);
          const calls = stack.sim.calls.list({ api: c.api });
          expect(calls).toHaveLength(1);
          expect(refused.body.error.upstream.requestId).toBe(calls[0]?.requestId);
          const audit = await lastAudit(action, c.account);
          expect(audit).toMatchObject({ outcome: 'failure', upstreamRequestId: calls[0]?.requestId });
        });
      }
    }
  });
});

describe('a confirm whose answer was lost', () => {
  it('releases the batch once, says so from the re-read rollout, and a replay cannot release another', async () => {
    await allHealthy();
    await scenario(async () => {
      const sim = (await (await fetch(`${stack.sim.url}/__sim/sae`)).json()) as {
        waitingOrder: { ChangeOrderId: string } | null;
      };
      const rolloutId = sim.waitingOrder?.ChangeOrderId;
      expect(rolloutId).toBeDefined();
      const path = `/api/accounts/sae-demo/rollouts/${rolloutId}`;
      const rollout = await operator.get<{ waitingBatch: { id: string } | null }>(path);
      const batchId = rollout.body.waitingBatch?.id;
      expect(batchId).toBeDefined();
      stack.sim.calls.clear();
      stack.sim.faults.add({ product: 'sae', action: 'ConfirmPipelineBatch', kind: 'reset', phase: 'after' });
      const body = { batchId, idempotencyKey: '5a4c1f0e-9d1b-4c55-8a40-1f2e3d4c5b6a' };
      const lost = await operator.post<{
        error: { code: string; message: string };
        outcome: string;
        rollout?: { waitingBatch: { id: string } | null };
      }>(`${path}/confirm`, body);
      expect(lost.status, JSON.stringify(lost.body)).toBe(502);
      expect(lost.body.error.code).toBe('UpstreamOutcomeUnknown');
      expect(lost.body.outcome).toBe('applied');
      expect(lost.body.rollout?.waitingBatch?.id).not.toBe(batchId);
      const audit = await lastAudit('confirm-batch', 'sae-demo');
      expect(audit).toMatchObject({ outcome: 'unknown', batchId, resource: `rollout/${rolloutId}` });
      // The operator's retry with the same key: read afresh, the batch has moved on, nothing is sent.
      const replay = await operator.post<{ error: { code: string } }>(`${path}/confirm`, body);
      expect(replay.status).toBe(409);
      expect(replay.body.error.code).toBe('StaleRollout');
      expect(stack.sim.calls.list({ api: 'ConfirmPipelineBatch' })).toHaveLength(1);
    });
  });
});

describe('under all of it', () => {
  it('answered no 5xx but the documented upstream ones, and no promise went unhandled', async () => {
    await allHealthy();
    expect(undocumented).toEqual([]);
    expect(unhandled).toBe(0);
    expect(tally.injected).toBeGreaterThan(100);
    expect(tally.survived).toBe(tally.injected);
  });
});
