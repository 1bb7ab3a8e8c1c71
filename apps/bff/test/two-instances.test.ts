import type {
  ApplicationPage,
  AuditPage,
  Rollout,
  RolloutActionResult,
  StaleRollout,
} from '@console/contract';
import { TEST_ALIYUN_KEY } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Cluster, type Instance, startCluster } from './bff-process';

let cluster: Cluster | undefined;
let instances: Instance[] = [];

interface Login {
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Login> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: body.csrfToken };
}

async function call<T>(url: string, who: Login, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  cluster = await startCluster('two_instances', [
    { id: 'sae-demo', product: 'sae', regionId: 'cn-hangzhou' },
  ]);
  instances = cluster.instances;
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('two BFF processes on one PostgreSQL', () => {
  it('shares sessions, confirms a batch exactly once for 50 callers on both, and stops gracefully', async () => {
    const [a, b] = instances as [Instance, Instance];
    expect(a.url).not.toBe(b.url);

    // A session made on one instance is valid on the other, CSRF token included.
    const session = await login(a.url);
    const seen = await call<{ user: { username: string } | null; csrfToken: string }>(
      b.url,
      session,
      'GET',
      '/api/session',
    );
    expect(seen.body.user?.username).toBe(ADMIN.username);
    expect(seen.body.csrfToken).toBe(session.csrf);

    const page = await call<ApplicationPage>(
      b.url,
      session,
      'GET',
      '/api/accounts/sae-demo/applications?status=waiting',
    );
    const rolloutId = page.body.items[0]?.native.lastChangeOrderId as string;
    expect(rolloutId).toBeTruthy();
    const rollout = await call<Rollout>(
      a.url,
      session,
      'GET',
      `/api/accounts/sae-demo/rollouts/${rolloutId}`,
    );
    const batchId = rollout.body.waitingBatch?.id as string;
    expect(batchId).toBeTruthy();
    const { sim, pg } = cluster as Cluster;
    const confirmsBefore = sim.calls.list({ api: 'ConfirmPipelineBatch' }).length;

    // 25 keys, each sent once to each instance: 50 callers at the same moment.
    const sent = Array.from({ length: 50 }, (_, i) => ({
      instance: i % 2 === 0 ? a : b,
      key: `two-instances-confirm-${i % 25}`,
    }));
    const answers = await Promise.all(
      sent.map(({ instance, key }) =>
        call<RolloutActionResult | StaleRollout>(
          instance.url,
          session,
          'POST',
          `/api/accounts/sae-demo/rollouts/${rolloutId}/confirm`,
          { batchId, idempotencyKey: key },
        ),
      ),
    );

    expect(sim.calls.list({ api: 'ConfirmPipelineBatch' }).length - confirmsBefore).toBe(1);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(48);
    // Both callers of a key got the very same answer, whichever instance they reached.
    for (let k = 0; k < 25; k++) expect(answers[k + 25]).toEqual(answers[k]);
    const winner = answers.find((r) => r.status === 200)?.body as RolloutActionResult;
    expect(winner.outcome).toBe('confirmed');
    expect(winner.requestId).toBeTruthy();
    for (const answer of answers.filter((r) => r.status === 409)) {
      const stale = answer.body as StaleRollout;
      expect(stale.error.code).toBe('StaleRollout');
      expect(stale.rollout.waitingBatch?.id).not.toBe(batchId);
    }

    const audit = await call<AuditPage>(
      b.url,
      session,
      'GET',
      '/api/audit?action=confirm-batch&pageSize=100',
    );
    const forBatch = audit.body.items.filter((r) => r.batchId === batchId);
    expect(forBatch.filter((r) => r.outcome === 'success')).toEqual([
      expect.objectContaining({ upstreamRequestId: winner.requestId, username: ADMIN.username }),
    ]);
    expect(forBatch.filter((r) => r.outcome === 'stale')).toHaveLength(24);

    // Signing out on one instance ends the session on the other.
    expect((await call(b.url, session, 'DELETE', '/api/session')).status).toBe(200);
    expect((await call<{ user: unknown }>(a.url, session, 'GET', '/api/session')).body.user).toBeNull();

    for (const instance of instances) instance.child.kill('SIGTERM');
    expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0]);
    const logs = instances.map((i) => i.output()).join('\n');
    expect(logs).toContain('"storage":"postgresql"');
    expect(logs).toContain('shutting down');
    expect(logs).not.toContain(pg.password);
    expect(logs).not.toContain(TEST_ALIYUN_KEY.accessKeySecret);
  }, 120_000);
});
