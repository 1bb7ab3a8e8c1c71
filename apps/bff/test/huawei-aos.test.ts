import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  HealthBreakdown,
  Instance,
  Rollout,
  RolloutActionResult,
  RolloutPage,
  StaleRollout,
} from '@console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appIdNamed, type HuaweiStack, startHuaweiStack } from './huawei-stack';

let h: HuaweiStack;
let sim: HuaweiStack['sim'];
let operator: HuaweiStack['operator'];
let viewer: HuaweiStack['viewer'];
const base = '/api/accounts/aos-demo';
let n = 0;
const key = () => `aos-test-key-${Date.now()}-${n++}`;

beforeAll(async () => {
  h = await startHuaweiStack('aos');
  ({ sim, operator, viewer } = h);
});

afterAll(() => h?.stop());

const stack = (name: string) => appIdNamed(viewer, 'aos-demo', name);

describe('Huawei AOS stacks as console applications', () => {
  it('lists the stacks with their native status and phase, by token and by AK/SK', async () => {
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    expect(page.status).toBe(200);
    const byName = new Map(page.body.items.map((a) => [a.name, a]));
    expect(byName.get('demo-ecs')).toMatchObject({ status: 'running', native: { currentStatus: 'Running' } });
    expect(byName.get('demo-nginx')).toMatchObject({
      status: 'failed',
      native: { subStatus: 'UpgradeFailed' },
    });
    expect(byName.get('demo-pending')?.status).toBe('stopped');
    const aksk = await viewer.get<ApplicationPage>('/api/accounts/aos-aksk/applications');
    expect(aksk.body.total).toBe(page.body.total);
    const refused = await viewer.get<ApiError>('/api/accounts/aos-wrong/applications');
    expect(refused.status).toBe(502);
    expect(JSON.stringify(refused.body)).not.toContain('not-the-password');
  });

  it('shows a stack with its elements and executions; a missing one is 404 with the cloud’s code', async () => {
    const id = await stack('demo-ecs');
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.config.envs.some((e) => e.name === 'vm-name')).toBe(true);
    const elements = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    expect(elements.body.length).toBeGreaterThan(0);
    const rollouts = await viewer.get<RolloutPage>(`${base}/applications/${id}/rollouts`);
    expect(rollouts.body.items[0]).toMatchObject({ status: 'succeeded', type: 'create' });
    const unknown = await viewer.get<ApiError>(`${base}/applications/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.upstream?.code).toMatch(/^SVCSTG\.AOS\.404/);
  });

  it('retries a failed upgrade through the safe confirm, bound to the failed element: one lifecycle call', async () => {
    const id = await stack('demo-nginx');
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    const rolloutId = detail.body.native.lastChangeOrderId as string;
    const failed = await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    expect(failed.body.status).toBe('waiting');
    const batchId = failed.body.waitingBatch?.id as string;
    expect(failed.body.batches.find((b) => b.id === batchId)?.status).toBe('failed');
    expect(failed.body.actions.abort.allowed).toBe(false);
    const element = await viewer.get<{ stages: { tasks: { errorMessage?: string }[] }[] }>(
      `${base}/rollouts/${rolloutId}/batches/${batchId}`,
    );
    expect(element.body.stages[0]?.tasks[0]?.errorMessage).toBeTruthy();

    const wrongBatch = await operator.post<StaleRollout>(`${base}/rollouts/${rolloutId}/confirm`, {
      batchId: 'not-the-failed-element',
      idempotencyKey: key(),
    });
    expect(wrongBatch.status).toBe(409);

    const before = sim.calls.list({ api: 'ExecuteStackLifecycle' }).length;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        operator.post<RolloutActionResult | StaleRollout>(`${base}/rollouts/${rolloutId}/confirm`, {
          batchId,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(sim.calls.list({ api: 'ExecuteStackLifecycle' }).length - before).toBe(1);
    expect(answers.filter((a) => a.status === 200).length).toBe(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);

    // The retry is a new execution, which the answer names; the failed one stays failed.
    const retried = answers.find((a) => a.status === 200)?.body as RolloutActionResult;
    expect(retried.followUpRolloutId).toMatch(new RegExp(`^${id}\\.`));
    expect(retried.followUpRolloutId).not.toBe(rolloutId);
    const followUp = await viewer.get<Rollout>(`${base}/rollouts/${retried.followUpRolloutId}`);
    expect(followUp.body.type).toBe('retry');
    expect((await viewer.get<Rollout>(`${base}/rollouts/${rolloutId}`)).body.status).toBe('failed');
  });

  it('installs a stack created without installing, and refuses what AOS does not have', async () => {
    const id = await stack('demo-pending');
    const started = await operator.post<{ changeOrderId: string }>(`${base}/applications/${id}/start`, {});
    expect(started.status).toBe(200);
    expect(started.body.changeOrderId).toMatch(new RegExp(`^${id}\\.`));
    sim.clock.advance(10 * 60_000);
    const rollout = await viewer.get<Rollout>(`${base}/rollouts/${started.body.changeOrderId}`);
    expect(rollout.body).toMatchObject({ type: 'create', status: 'succeeded' });
    const scale = await operator.post<ApiError>(`${base}/applications/${id}/scale`, { replicas: 2 });
    expect(scale.status).toBe(400);
    expect(scale.body.error.code).toBe('UnsupportedByProduct');
  });
  it('counts a stack’s elements by status and type; AOS keeps no instance counts over time', async () => {
    const id = await stack('demo-ecs');
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    const health = await viewer.get<HealthBreakdown>(`${base}/applications/${id}/health`);
    expect(health.status).toBe(200);
    expect(health.body.total).toBe(instances.body.length);
    expect(health.body.total).toBeGreaterThan(0);
    const byStatus = health.body.dimensions.find((d) => d.dimension === 'elementStatus')?.counts ?? [];
    const byType = health.body.dimensions.find((d) => d.dimension === 'elementType')?.counts ?? [];
    expect(byStatus.reduce((sum, c) => sum + c.count, 0)).toBe(instances.body.length);
    expect(byType.map((c) => c.key).sort()).toEqual(
      [...new Set(instances.body.map((i) => i.groupId))].sort(),
    );
    const capacity = await viewer.get<ApiError>(`${base}/applications/${id}/capacity`);
    expect(capacity.status).toBe(404);
  });
});
