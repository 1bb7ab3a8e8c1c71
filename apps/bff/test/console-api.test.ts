import type {
  ApiError,
  ApplicationPage,
  Rollout,
  RolloutActionResult,
  StaleRollout,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let admin: ConsoleClient;
let operator: ConsoleClient;
let viewer: ConsoleClient;
const base = '/api/accounts/sae-demo';

beforeAll(async () => {
  stack = await startStack({
    extraAccounts: [{ id: 'bad-key', name: 'Wrong secret', accessKeySecret: 'wrong-secret' }],
  });
  [admin, operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

async function waitingRollout(client: ConsoleClient): Promise<Rollout> {
  const page = await client.get<ApplicationPage>(`${base}/applications?status=waiting`);
  expect(page.status).toBe(200);
  const app = page.body.items[0];
  if (!app?.native.lastChangeOrderId)
    throw new Error('the demo data has no rollout waiting for confirmation');
  const rollout = await client.get<Rollout>(`${base}/rollouts/${app.native.lastChangeOrderId}`);
  expect(rollout.status).toBe(200);
  return rollout.body;
}

describe('sessions and roles', () => {
  it('refuses anonymous calls and wrong passwords', async () => {
    const anonymous = new ConsoleClient(stack.bff.url);
    expect((await anonymous.get(`${base}/applications`)).status).toBe(401);
    const wrong = await anonymous.request<ApiError>('POST', '/api/session', {
      username: 'admin',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('InvalidCredentials');
  });

  it('sets an HttpOnly SameSite cookie and never returns a password', async () => {
    const response = await fetch(`${stack.bff.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'viewer', password: 'viewer-demo-1' }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(await response.text()).not.toContain('viewer-demo-1');
  });

  it('checks the role on the server and the CSRF token on every change', async () => {
    const rollout = await waitingRollout(viewer);
    expect(rollout.actions.confirm).toEqual({
      allowed: false,
      reason: 'Requires the operator role.',
      code: 'role',
    });
    const denied = await viewer.post<ApiError>(`${base}/rollouts/${rollout.id}/confirm`, {
      batchId: rollout.waitingBatch?.id ?? 'x',
      idempotencyKey: 'viewer-key-0001',
    });
    expect(denied.status).toBe(403);
    const app = rollout.appId;
    const noCsrf = await operator.request<ApiError>(
      'POST',
      `${base}/applications/${app}/restart`,
      {},
      { csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CsrfTokenInvalid');
    expect((await operator.request('GET', '/api/audit')).status).toBe(403);
  });

  it('ends the session on logout', async () => {
    const client = await ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1');
    expect((await client.request('DELETE', '/api/session')).status).toBe(200);
    expect((await client.get(`${base}/applications`)).status).toBe(401);
  });
});

describe('validation and errors', () => {
  it('answers 400 naming the field', async () => {
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=500`);
    expect(page.status).toBe(400);
    expect((page.body as unknown as ApiError).error.field).toBe('pageSize');
    const apps = await operator.get<ApplicationPage>(`${base}/applications`);
    const scale = await operator.post<ApiError>(`${base}/applications/${apps.body.items[0]?.id}/scale`, {
      replicas: 'many',
    });
    expect(scale.status).toBe(400);
    expect(scale.body.error.field).toBe('replicas');
  });

  it('answers 404 for unknown accounts, applications and routes', async () => {
    expect((await viewer.get('/api/accounts/nope/applications')).status).toBe(404);
    const missing = await viewer.get<ApiError>(`${base}/applications/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.upstream?.code).toMatch(/NotFound/);
    expect((await viewer.get('/api/nothing-here')).status).toBe(404);
  });

  it("shows the cloud's code and RequestId when the upstream refuses", async () => {
    const response = await viewer.get<ApiError>('/api/accounts/bad-key/applications');
    expect(response.status).toBe(502);
    expect(response.body.error.upstream).toMatchObject({ product: 'SAE', code: 'SignatureDoesNotMatch' });
    expect(response.body.error.upstream?.requestId).toBeTruthy();
    expect(JSON.stringify(response.body)).not.toContain('wrong-secret');
  });

  it('serves an OpenAPI document covering every route', async () => {
    const doc = await viewer.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const confirm = doc.body.paths['/api/accounts/{accountId}/rollouts/{rolloutId}/confirm']?.post as {
      responses: Record<string, { content: { 'application/json': { schema: { properties: object } } } }>;
    };
    expect(
      Object.keys(confirm.responses['409']?.content['application/json'].schema.properties ?? {}),
    ).toEqual(['error', 'rollout']);
    const stop = doc.body.paths['/api/accounts/{accountId}/applications/{appId}/stop']
      ?.post as typeof confirm;
    expect(stop.responses['409']?.content['application/json'].schema.properties).toHaveProperty(
      'application',
    );
    expect(Object.keys(doc.body.paths).length).toBeGreaterThanOrEqual(15);
  });
});

describe('applications', () => {
  it('filters and pages on the server', async () => {
    const all = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    expect(all.body.total).toBeGreaterThanOrEqual(15);
    const page2 = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=5&page=2`);
    expect(page2.body.items.map((a) => a.id)).toEqual(all.body.items.slice(5, 10).map((a) => a.id));
    const namespaceId = all.body.items[0]?.namespaceId as string;
    const inNamespace = await viewer.get<ApplicationPage>(
      `${base}/applications?pageSize=100&namespaceId=${encodeURIComponent(namespaceId)}`,
    );
    expect(inNamespace.body.items.length).toBeGreaterThan(0);
    expect(inNamespace.body.items.every((a) => a.namespaceId === namespaceId)).toBe(true);
    const stopped = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100&status=stopped`);
    expect(stopped.body.items.every((a) => a.status === 'stopped')).toBe(true);
  });
});

describe('confirming a batch', () => {
  it('releases the waiting batch exactly once for 20 concurrent confirms', async () => {
    const rollout = await waitingRollout(operator);
    const batch = rollout.waitingBatch;
    expect(batch).not.toBeNull();
    const before = await stack.upstreamCalls('ConfirmPipelineBatch');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        operator.post<RolloutActionResult | StaleRollout>(`${base}/rollouts/${rollout.id}/confirm`, {
          batchId: batch?.id,
          idempotencyKey: `concurrent-confirm-${i}`,
        }),
      ),
    );
    expect((await stack.upstreamCalls('ConfirmPipelineBatch')) - before).toBe(1);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200) as { body: RolloutActionResult };
    expect(winner.body.outcome).toBe('confirmed');
    expect(winner.body.requestId).toBeTruthy();
    expect(winner.body.rollout.waitingBatch?.id).not.toBe(batch?.id);

    const index = results.indexOf(winner as (typeof results)[number]);
    const replay = await operator.post<RolloutActionResult>(`${base}/rollouts/${rollout.id}/confirm`, {
      batchId: batch?.id,
      idempotencyKey: `concurrent-confirm-${index}`,
    });
    expect(replay).toEqual(winner);
    expect((await stack.upstreamCalls('ConfirmPipelineBatch')) - before).toBe(1);

    const audit = await admin.get<{
      items: { action: string; outcome: string; batchId?: string; upstreamRequestId?: string }[];
    }>('/api/audit?action=confirm-batch&outcome=success');
    expect(
      audit.body.items.some((a) => a.batchId === batch?.id && a.upstreamRequestId === winner.body.requestId),
    ).toBe(true);
  });

  it('refuses a key reused for another action, and answers 409 for a batch that is not waiting', async () => {
    const apps = await operator.get<ApplicationPage>(`${base}/applications?status=running&pageSize=100`);
    const app = apps.body.items.find((a) => a.instances >= 2) as ApplicationPage['items'][number];
    const detail = await operator.get<{ config: { imageUrl?: string } }>(`${base}/applications/${app.id}`);
    const deploy = await operator.post<{ changeOrderId: string }>(`${base}/applications/${app.id}/deploy`, {
      imageUrl: `${detail.body.config.imageUrl?.replace(/:[^:/]*$/, '')}:key-reuse`,
      strategy: { type: 'BatchUpdate', batches: 2, releaseType: 'manual' },
    });
    expect(deploy.status).toBe(200);
    const rolloutPath = `${base}/rollouts/${deploy.body.changeOrderId}`;
    let rollout = (await operator.get<Rollout>(rolloutPath)).body;
    for (let i = 0; i < 20 && rollout.status !== 'waiting'; i++) {
      await stack.advanceClock(30_000);
      rollout = (await operator.get<Rollout>(rolloutPath)).body;
    }
    expect(rollout.status).toBe('waiting');
    expect(rollout.batches[0]?.status).toBe('succeeded');
    expect(rollout.waitingBatch?.id).toBe(rollout.batches[1]?.id);

    const wrongBatch = await operator.post<StaleRollout>(`${rolloutPath}/confirm`, {
      batchId: rollout.batches[0]?.id,
      idempotencyKey: 'reuse-key-0001',
    });
    expect(wrongBatch.status).toBe(409);
    expect(wrongBatch.body.error.code).toBe('StaleRollout');
    expect(wrongBatch.body.rollout.waitingBatch?.id).toBe(rollout.waitingBatch?.id);
    const reused = await operator.post<ApiError>(`${rolloutPath}/confirm`, {
      batchId: rollout.waitingBatch?.id,
      idempotencyKey: 'reuse-key-0001',
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.field).toBe('idempotencyKey');
    const abort = await operator.post<RolloutActionResult>(`${rolloutPath}/abort`, {
      idempotencyKey: 'abort-key-0001',
    });
    expect(abort.status).toBe(200);
    expect(abort.body.rollout.status).toBe('aborted');
    expect(abort.body.rollout.actions.abort.allowed).toBe(false);
  });
});
