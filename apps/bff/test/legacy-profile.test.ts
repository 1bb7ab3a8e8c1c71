import type {
  Account,
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  AppServices,
  AppSlbs,
  ChangeOrderRef,
  Rollout,
  RolloutActionResult,
  RolloutPage,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
const base = '/api/accounts/sae-legacy';

beforeAll(async () => {
  stack = await startStack();
  operator = await ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1');
});

afterAll(() => stack?.stop());

async function settle(rolloutId: string, until: (r: Rollout) => boolean): Promise<Rollout> {
  for (let i = 0; i < 80; i++) {
    const rollout = (await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`)).body;
    if (until(rollout)) return rollout;
    await stack.advanceClock(15_000);
  }
  throw new Error(`change order ${rolloutId} never reached the expected state`);
}

async function idleImageApp(): Promise<ApplicationDetail> {
  const page = await operator.get<ApplicationPage>(`${base}/applications?pageSize=100`);
  expect(page.status).toBe(200);
  for (const app of page.body.items) {
    if (app.status !== 'running' || app.instances < 2) continue;
    const detail = await operator.get<ApplicationDetail>(`${base}/applications/${app.id}`);
    if (detail.body.config.imageUrl && !detail.body.native.lastChangeOrderRunning) return detail.body;
  }
  throw new Error('no idle image application on the legacy account');
}

describe('an account on the 2019 SAE API (seed 001)', () => {
  it('is listed with the features its API has', async () => {
    const accounts = (await operator.get<Account[]>('/api/accounts')).body;
    const legacy = accounts.find((a) => a.id === 'sae-legacy');
    const current = accounts.find((a) => a.id === 'sae-demo');
    expect(legacy?.profile).toBe('2019');
    expect(legacy?.features).not.toContain('scalingRules');
    expect(legacy?.features).not.toContain('versions');
    expect(current?.features).toContain('scalingRules');
  });

  it('lists and shows applications, and their change orders', async () => {
    const app = await idleImageApp();
    expect(app.config.replicas).toBeGreaterThan(0);
    const rollouts = await operator.get<RolloutPage>(`${base}/applications/${app.id}/rollouts`);
    expect(rollouts.status).toBe(200);
  });

  it('deploys in manual batches, confirms one, then aborts and rolls back through the legacy path', async () => {
    const app = await idleImageApp();
    const previous = app.config.imageUrl ?? '';
    const image = `${previous.replace(/:[^:/]*$/, '')}:legacy-e2e`;
    const ref = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/deploy`, {
      imageUrl: image,
      strategy: { type: 'BatchUpdate', batches: 3, releaseType: 'manual', batchWaitMinutes: 0 },
    });
    expect(ref.status).toBe(200);
    const waiting = await settle(ref.body.changeOrderId, (r) => r.status === 'waiting');
    const confirmed = await operator.post<RolloutActionResult>(`${base}/rollouts/${waiting.id}/confirm`, {
      batchId: waiting.waitingBatch?.id,
      idempotencyKey: 'legacy-confirm-0001',
    });
    expect(confirmed.status).toBe(200);
    const again = await settle(
      waiting.id,
      (r) => r.status === 'waiting' && r.waitingBatch?.id !== waiting.waitingBatch?.id,
    );
    const aborted = await operator.post<RolloutActionResult>(
      `${base}/rollouts/${again.id}/abort-and-rollback`,
      {
        idempotencyKey: 'legacy-abort-0001',
      },
    );
    expect(aborted.status).toBe(200);
    expect(await stack.upstreamCalls('AbortAndRollbackChangeOrder')).toBeGreaterThan(0);
    for (let i = 0; i < 80; i++) {
      const detail = (await operator.get<ApplicationDetail>(`${base}/applications/${app.id}`)).body;
      if (!detail.native.lastChangeOrderRunning && detail.config.imageUrl === previous) return;
      await stack.advanceClock(15_000);
    }
    throw new Error('the application did not return to its previous image');
  });

  it('answers 400 naming the API for a feature the 2019 API lacks', async () => {
    const app = await idleImageApp();
    const versions = await operator.get<ApiError>(`${base}/applications/${app.id}/versions`);
    expect(versions.status).toBe(400);
    expect(versions.body.error.code).toBe('NotInApiProfile');
    expect(versions.body.error.message).toContain('ListAppVersions');
  });

  it('binds one load balancer listener the 2019 way and lists services', async () => {
    const page = await operator.get<ApplicationPage>(`${base}/applications?status=running&pageSize=100`);
    let target: string | undefined;
    for (const app of page.body.items) {
      const detail = (await operator.get<ApplicationDetail>(`${base}/applications/${app.id}`)).body;
      const slbs = (await operator.get<AppSlbs>(`${base}/applications/${app.id}/slb`)).body;
      if (!detail.native.lastChangeOrderRunning && slbs.internet === null) {
        target = app.id;
        break;
      }
    }
    if (!target) throw new Error('no idle legacy application without an internet load balancer');
    const slb = `${base}/applications/${target}/slb`;
    const two = await operator.post<ApiError>(slb, {
      internet: [
        { port: 80, targetPort: 8080, protocol: 'TCP' },
        { port: 81, targetPort: 8080, protocol: 'TCP' },
      ],
    });
    expect(two.status).toBe(400);
    expect(two.body.error.field).toBe('internet');
    const bound = await operator.post<ChangeOrderRef>(slb, {
      internet: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    });
    expect(bound.status).toBe(200);
    await settle(bound.body.changeOrderId, (r) => r.status === 'succeeded' || r.status === 'failed');
    const after = (await operator.get<AppSlbs>(slb)).body;
    expect(after.internet?.listeners.map((l) => l.port)).toEqual([80]);
    const services = await operator.get<AppServices>(`${base}/applications/${target}/services`);
    expect(services.status).toBe(200);
  });
});
