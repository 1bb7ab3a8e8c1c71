import type {
  AccountLive,
  ApplicationPage,
  CreatedDisplayLink,
  DisplayLink,
  Inbox,
  InboxActionsResult,
  Overview,
  RolloutEvent,
  Wall,
  WallApp,
} from '@console/contract';
import { ConsoleClient, EventStreamReader, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;

const until = async <T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

const inbox = async (client: ConsoleClient) => {
  const r = await client.get<Inbox>('/api/inbox');
  expect(r.status).toBe(200);
  return r.body;
};

beforeAll(async () => {
  stack = await startStack({
    extraAccounts: [
      { id: 'bad-key', name: 'Misconfigured account', accessKeySecret: 'not-the-right-secret' },
    ],
    live: {
      sweepWatchedMs: 500,
      sweepIdleMs: 2_000,
      trackWatchedMs: 250,
      trackIdleMs: 1_000,
      sampleMs: 1_000,
    },
  });
  [operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  // Every account looked at once.
  await until(
    () => operator.get<Overview>('/api/overview'),
    (r) => r.body.accounts.length === 6 && r.body.accounts.every((a) => a.state !== 'starting'),
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe('operations center', () => {
  it('lists what waits for a person on every account in one inbox, oldest first', async () => {
    const { items, unreachable } = await inbox(operator);
    // The account the cloud refuses is named, with the cloud's own code and RequestId; the rest still show.
    expect(unreachable.map((u) => u.accountId)).toEqual(['bad-key']);
    expect(unreachable[0]?.error?.upstream?.code).toBe('SignatureDoesNotMatch');
    expect(unreachable[0]?.error?.upstream?.requestId).toMatch(/\S/);
    const byApp = new Map(items.map((i) => [`${i.accountId}/${i.appName}`, i]));
    const sae = byApp.get('sae-demo/order-service');
    expect(sae).toMatchObject({ product: 'sae', kind: 'batch', batchCount: 3, nativeStatus: 8 });
    expect(sae?.batch.index).toBe(2);
    expect(byApp.get('sae-legacy/order-service')).toMatchObject({ kind: 'batch' });
    expect(byApp.get('retail-demo/trade-center-prod')).toMatchObject({
      product: 'retailcloud',
      kind: 'pause',
      batch: { id: 'partition-2', index: 2 },
      batchCount: 3,
    });
    const hooked = byApp.get('as-demo/as-group-hooked');
    expect(hooked).toMatchObject({ product: 'as', kind: 'hook' });
    // The hook's own deadline and what it does then.
    expect(hooked?.timeout?.action).toMatch(/^(CONTINUE|ABANDON)$/);
    expect(Date.parse(hooked?.timeout?.at ?? '')).toBeGreaterThan(Date.parse(hooked?.waitingSince ?? ''));
    expect(byApp.get('aos-demo/demo-nginx')).toMatchObject({ product: 'aos', kind: 'failed-execution' });
    expect(items).toHaveLength(5);
    const since = items.map((i) => i.waitingSince);
    expect(since).toEqual([...since].sort());
    for (const s of since) expect(Date.parse(s)).toBeLessThanOrEqual(Date.now());
    expect(sae?.actions.confirm.allowed).toBe(true);
  });

  it('shows a viewer the same items with every action refused for the role', async () => {
    const { items } = await inbox(viewer);
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.actions.confirm).toMatchObject({ allowed: false, code: 'role' });
      expect(item.actions.abort).toMatchObject({ allowed: false, code: 'role' });
    }
    const refused = await viewer.post('/api/inbox/actions', {
      actions: [
        {
          accountId: 'sae-demo',
          rolloutId: items[0]?.rolloutId,
          batchId: items[0]?.batch.id,
          action: 'confirm',
          idempotencyKey: 'viewer-try-0001',
        },
      ],
    });
    expect(refused.status).toBe(403);
  });

  it('counts applications by state exactly as the filtered lists it links to', async () => {
    const { body } = await operator.get<Overview>('/api/overview');
    expect(body.accounts.map((a) => a.accountId)).toEqual([
      'sae-demo',
      'bad-key',
      'sae-legacy',
      'retail-demo',
      'aos-demo',
      'as-demo',
    ]);
    const bad = body.accounts.find((a) => a.accountId === 'bad-key');
    expect(bad).toMatchObject({ state: 'unreachable', checkedAt: null, applications: { total: 0 } });
    for (const account of body.accounts.filter((a) => a.state === 'ok')) {
      const all = await operator.get<ApplicationPage>(
        `/api/accounts/${account.accountId}/applications?pageSize=100`,
      );
      expect(account.applications.total).toBe(all.body.total);
      for (const [status, count] of Object.entries(account.applications.byStatus)) {
        const list = all.body.items.filter((a) => a.status === status).length;
        expect({ account: account.accountId, status, count }).toEqual({
          account: account.accountId,
          status,
          count: list,
        });
      }
    }
    const sae = body.accounts.find((a) => a.accountId === 'sae-demo') as AccountLive;
    expect(sae.failures.map((f) => f.appName)).toContain('inventory-service');
  });

  it('streams changes: a batch confirmed elsewhere leaves the inbox, resumes after a gap, and tells a reset', async () => {
    const stream = await EventStreamReader.open(stack.bff.url, operator.sessionCookie);
    expect(stream.status).toBe(200);
    // Every account as it is now, first.
    await stream.waitFor(() => stream.named<AccountLive>('account').length >= 5);
    const held = (await inbox(operator)).items.find((i) => i.product === 'as');
    if (!held) throw new Error('no held instance');
    const resumeFrom = stream.lastId();
    const callbacksBefore = stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length;
    const answer = await operator.post(
      `/api/accounts/as-demo/rollouts/${encodeURIComponent(held.rolloutId)}/confirm`,
      {
        batchId: held.batch.id,
        idempotencyKey: 'live-test-continue-1',
      },
    );
    expect(answer.status).toBe(200);
    expect(stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length - callbacksBefore).toBe(1);
    // The account's next state says nothing waits there any more, and the rollout page's rollout moved on.
    await stream.waitFor(
      (e) =>
        e.event === 'account' &&
        (JSON.parse(e.data) as AccountLive).accountId === 'as-demo' &&
        JSON.parse(e.data).waiting.length === 0,
    );
    await stream.waitFor(
      (e) => e.event === 'rollout' && (JSON.parse(e.data) as RolloutEvent).rollout.id === held.rolloutId,
    );
    expect((await inbox(operator)).items.map((i) => i.key)).not.toContain(held.key);
    await stream.close();

    // Back after a short break: only what was missed, no snapshot and no reset.
    const resumed = await EventStreamReader.open(stack.bff.url, operator.sessionCookie, {
      lastEventId: resumeFrom,
    });
    await resumed.waitFor((e) => e.event === 'account' && JSON.parse(e.data).accountId === 'as-demo');
    expect(resumed.named('reset')).toEqual([]);
    const first = resumed.events[0];
    expect(first?.id && resumeFrom && first.id > resumeFrom).toBe(true);
    await resumed.close();

    // An id this server never gave (another instance, a restart): reset, then everything.
    const foreign = await EventStreamReader.open(stack.bff.url, operator.sessionCookie, {
      lastEventId: 'deadbeef.42',
    });
    await foreign.waitFor(() => foreign.named('account').length >= 5);
    expect(foreign.events[0]?.event).toBe('reset');
    await foreign.close();
  });

  it('acts on several items together: each on its own, a stale one refused without stopping the others', async () => {
    const { items } = await inbox(operator);
    const sae = items.find((i) => i.accountId === 'sae-demo');
    const retail = items.find((i) => i.accountId === 'retail-demo');
    if (!sae || !retail) throw new Error('seeded items missing');
    const confirmsBefore = await stack.upstreamCalls('ConfirmPipelineBatch');
    const resumesBefore = await stack.upstreamCalls('ResumeDeploy');
    const body = {
      actions: [
        {
          accountId: 'sae-demo',
          rolloutId: sae.rolloutId,
          batchId: sae.batch.id,
          action: 'confirm',
          idempotencyKey: 'bulk-sae-0001',
        },
        {
          accountId: 'retail-demo',
          rolloutId: retail.rolloutId,
          batchId: retail.batch.id,
          action: 'confirm',
          idempotencyKey: 'bulk-retail-01',
        },
        // Seen waiting at another batch than the one waiting now: refused, nothing sent.
        {
          accountId: 'sae-demo',
          rolloutId: sae.rolloutId,
          batchId: 'not-the-waiting-batch',
          action: 'confirm',
          idempotencyKey: 'bulk-stale-001',
        },
        {
          accountId: 'no-such-account',
          rolloutId: 'x',
          batchId: 'y',
          action: 'confirm',
          idempotencyKey: 'bulk-missing-1',
        },
      ],
    };
    const r = await operator.post<InboxActionsResult>('/api/inbox/actions', body);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => [x.accountId, x.status, x.outcome ?? x.error?.code])).toEqual([
      ['sae-demo', 200, 'confirmed'],
      ['retail-demo', 200, 'confirmed'],
      ['sae-demo', 409, 'StaleRollout'],
      ['no-such-account', 404, 'NotFound'],
    ]);
    expect(await stack.upstreamCalls('ConfirmPipelineBatch')).toBe(confirmsBefore + 1);
    expect(await stack.upstreamCalls('ResumeDeploy')).toBe(resumesBefore + 1);
    // Replayed with the same keys: the same answers, nothing sent again.
    const again = await operator.post<InboxActionsResult>('/api/inbox/actions', body);
    expect(again.body.results.map((x) => x.status)).toEqual([200, 200, 409, 404]);
    expect(await stack.upstreamCalls('ConfirmPipelineBatch')).toBe(confirmsBefore + 1);
    // Each one is its own audit record.
    const admin = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
    const audit = await admin.get<{ items: { action: string; outcome: string; accountId: string }[] }>(
      '/api/audit?action=confirm-batch&pageSize=50',
    );
    const mine = audit.body.items.filter((a) => a.accountId === 'sae-demo' || a.accountId === 'retail-demo');
    expect(mine.filter((a) => a.outcome === 'success').length).toBeGreaterThanOrEqual(2);
    expect(mine.some((a) => a.outcome === 'stale')).toBe(true);
    // Both leave the inbox (the next batch of each waits later, under another key).
    await until(
      () => inbox(operator),
      (b) => !b.items.some((i) => i.key === sae.key || i.key === retail.key),
    );
  });

  it('samples every running application steadily, so that charts are full even when nobody looked', async () => {
    const counts = async () => {
      const rows = await stack.bff.db.query<{ account_id: string; apps: number; samples: number }>(
        `SELECT account_id, count(DISTINCT app_id)::int AS apps, count(*)::int AS samples FROM (
           SELECT account_id, app_id FROM usage_samples UNION ALL SELECT account_id, app_id FROM capacity_samples
         ) s GROUP BY account_id`,
      );
      return Object.fromEntries(rows.map((r) => [r.account_id, r]));
    };
    // Nobody opened a usage chart in this test file: every sample is the watchers' own.
    const overview = await operator.get<Overview>('/api/overview');
    const runningOf = (id: string) => {
      const a = overview.body.accounts.find((x) => x.accountId === id);
      return (a?.applications.byStatus.running ?? 0) + (a?.applications.byStatus.waiting ?? 0);
    };
    const first = await until(
      counts,
      (c) => (c['sae-demo']?.apps ?? 0) >= runningOf('sae-demo') && (c['as-demo']?.apps ?? 0) >= 1,
    );
    // Two rounds later there are more of them, for the same applications.
    const later = await until(
      counts,
      (c) => (c['sae-demo']?.samples ?? 0) >= 2 * (first['sae-demo']?.samples ?? 0),
    );
    expect(later['sae-demo']?.apps).toBe(first['sae-demo']?.apps);
    // Products whose cloud keeps its own history are not sampled.
    expect(later['retail-demo']).toBeUndefined();
    expect(later['aos-demo']).toBeUndefined();
  });

  it('exports the live state on /metrics', async () => {
    const text = await (await fetch(`${stack.bff.url}/metrics`)).text();
    expect(text).toMatch(/console_live_waiting_items\{account="aos-demo",product="aos"\} 1/);
    expect(text).toMatch(/console_live_account_up\{account="sae-demo",product="sae"\} 1/);
    expect(text).toMatch(/console_live_account_up\{account="bad-key",product="sae"\} 0/);
    expect(text).toMatch(/console_live_oldest_waiting_seconds\{account="aos-demo",product="aos"\} \d/);
    expect(text).toMatch(/console_live_failures_24h\{account="sae-demo",product="sae"\} [1-9]/);
  });
});

describe('wallboard and display links', () => {
  const wall = (token: string, query = '') =>
    fetch(`${stack.bff.url}/api/wall${query}`, { headers: { authorization: `Display ${token}` } });

  it('lets an admin make a read-only link for chosen accounts that reads the wallboard and nothing else', async () => {
    const admin = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
    expect(
      (await operator.post('/api/admin/display-links', { name: 'x', accountIds: ['sae-demo'] })).status,
    ).toBe(403);
    const unknown = await admin.post<{ error: { field: string } }>('/api/admin/display-links', {
      name: 'NOC',
      accountIds: ['sae-demo', 'nope'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('accountIds');
    const created = await admin.post<CreatedDisplayLink>('/api/admin/display-links', {
      name: 'NOC wall',
      accountIds: ['sae-demo', 'as-demo'],
    });
    expect(created.status).toBe(200);
    const { token, link } = created.body;
    expect(link).toMatchObject({ name: 'NOC wall', state: 'active', expiresAt: null, lastUsedAt: null });

    const read = await wall(token);
    expect(read.status).toBe(200);
    const body = (await read.json()) as Wall;
    expect(body.display).toEqual({ name: 'NOC wall', expiresAt: null });
    expect(body.accounts.map((a) => a.accountId)).toEqual(['sae-demo', 'as-demo']);
    // Nothing a screen shows can act: every action is refused as for a viewer.
    for (const item of body.accounts.flatMap((a) => a.waiting))
      expect(item.actions.confirm.allowed).toBe(false);
    // Narrowed in the URL, never widened beyond the link.
    const narrowed = (await (await wall(token, '?accounts=as-demo,retail-demo')).json()) as Wall;
    expect(narrowed.accounts.map((a) => a.accountId)).toEqual(['as-demo']);
    // No other route takes it.
    for (const [method, path] of [
      ['GET', '/api/overview'],
      ['GET', '/api/inbox'],
      ['GET', '/api/accounts'],
      ['GET', '/api/audit'],
      ['GET', '/api/events'],
      ['GET', '/api/accounts/sae-demo/applications'],
      ['POST', '/api/inbox/actions'],
    ] as const) {
      const r = await fetch(`${stack.bff.url}${path}`, {
        method,
        headers: { authorization: `Display ${token}`, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect({ path, status: r.status }).toEqual({ path, status: 401 });
    }
    // Listed with its last use, never with its token.
    const listed = await admin.get<DisplayLink[]>('/api/admin/display-links');
    const mine = listed.body.find((l) => l.id === link.id);
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const rows = await stack.bff.db.query<Record<string, unknown>>('SELECT * FROM display_links');
    expect(JSON.stringify(rows)).not.toContain(token);

    // Tiles of chosen applications: charted from the samples the watchers keep, within the link's accounts.
    const apps = await operator.get<ApplicationPage>('/api/accounts/sae-demo/applications?status=running');
    const as = await operator.get<ApplicationPage>('/api/accounts/as-demo/applications');
    const retail = await operator.get<ApplicationPage>('/api/accounts/retail-demo/applications');
    const chosen = [
      `sae-demo/${apps.body.items[0]?.id}`,
      `as-demo/${as.body.items[0]?.id}`,
      `retail-demo/${retail.body.items[0]?.id}`,
    ].join(',');
    const tiles = await until(
      async () =>
        (await (
          await fetch(`${stack.bff.url}/api/wall/apps?apps=${encodeURIComponent(chosen)}&range=60`, {
            headers: { authorization: `Display ${token}` },
          })
        ).json()) as { apps: WallApp[] },
      (b) =>
        (b.apps[0]?.series[0]?.points.length ?? 0) >= 1 && (b.apps[1]?.series[0]?.points.length ?? 0) >= 1,
    );
    // retail-demo is not the link's: left out.
    expect(tiles.apps.map((a) => [a.accountId, a.product, a.series.map((s) => s.name)])).toEqual([
      ['sae-demo', 'sae', ['running', 'cpu']],
      ['as-demo', 'as', ['running', 'desired']],
    ]);
    expect(tiles.apps[0]?.appName).toBe(apps.body.items[0]?.name);
    const bad = await fetch(`${stack.bff.url}/api/wall/apps?apps=nonsense`, {
      headers: { authorization: `Display ${token}` },
    });
    expect(bad.status).toBe(400);
  });

  it('stops a screen within seconds of its revocation, and refuses an expired link', async () => {
    const admin = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
    const { token, link } = (
      await admin.post<CreatedDisplayLink>('/api/admin/display-links', {
        name: 'Lobby',
        accountIds: ['retail-demo'],
      })
    ).body;
    const screen = await EventStreamReader.open(stack.bff.url, '', {
      path: '/api/wall/events',
      headers: { authorization: `Display ${token}` },
    });
    expect(screen.status).toBe(200);
    await screen.waitFor((e) => e.event === 'account');
    expect(new Set(screen.named<AccountLive>('account').map((a) => a.accountId))).toEqual(
      new Set(['retail-demo']),
    );
    expect((await admin.request('DELETE', `/api/admin/display-links/${link.id}`)).status).toBe(200);
    const told = await screen.waitFor((e) => e.event === 'session', 15_000);
    expect(JSON.parse(told.data)).toMatchObject({ state: 'revoked' });
    await screen.ended();
    expect(screen.named('rollout')).toEqual([]);
    const after = await wall(token);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('DisplayLinkRevoked');

    const expiring = (
      await admin.post<CreatedDisplayLink>('/api/admin/display-links', {
        name: 'Night shift',
        accountIds: ['aos-demo'],
        expiresInHours: 8,
      })
    ).body;
    expect((await wall(expiring.token)).status).toBe(200);
    await stack.bff.db.query(
      `UPDATE display_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.link.id],
    );
    const expired = await wall(expiring.token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('DisplayLinkExpired');
    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?pageSize=100');
    const actions = audit.body.items.map((a) => a.action);
    expect(actions).toContain('display-link-create');
    expect(actions).toContain('display-link-revoke');
  });
});
