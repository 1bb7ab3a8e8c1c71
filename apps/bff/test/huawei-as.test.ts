import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  BatchDetail,
  CapacityHistory,
  HealthBreakdown,
  Instance,
  Rollout,
  RolloutActionResult,
  RolloutPage,
  StaleRollout,
  Usage,
} from '@console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appIdNamed, type HuaweiStack, startHuaweiStack } from './huawei-stack';

let h: HuaweiStack;
let sim: HuaweiStack['sim'];
let operator: HuaweiStack['operator'];
let viewer: HuaweiStack['viewer'];
const base = '/api/accounts/as-demo';
let n = 0;
const key = () => `as-test-key-${Date.now()}-${n++}`;

beforeAll(async () => {
  h = await startHuaweiStack('as');
  ({ sim, operator, viewer } = h);
});

afterAll(() => h?.stop());

const group = (name: string) => appIdNamed(viewer, 'as-demo', name);

describe('Huawei Auto Scaling groups as console applications', () => {
  it('lists the scaling groups with their native status, by token and by AK/SK', async () => {
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    expect(page.status).toBe(200);
    const byName = new Map(page.body.items.map((a) => [a.name, a]));
    expect(byName.get('as-group-web')).toMatchObject({
      status: 'running',
      native: { currentStatus: 'INSERVICE' },
    });
    expect(byName.get('as-group-batch')).toMatchObject({
      status: 'stopped',
      native: { currentStatus: 'PAUSED' },
    });
    expect(byName.get('as-group-hooked')?.status).toBe('waiting');
    const aksk = await viewer.get<ApplicationPage>('/api/accounts/as-aksk/applications');
    expect(aksk.status).toBe(200);
    expect(aksk.body.total).toBe(page.body.total);
    const accounts = await viewer.get<{ id: string; product: string; features: string[] }[]>('/api/accounts');
    expect(accounts.body.find((a) => a.id === 'as-demo')).toMatchObject({ product: 'as' });
  });

  it('shows each group’s tags and filters the list by one, through the cloud’s tag query', async () => {
    const all = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    const web = all.body.items.find((a) => a.name === 'as-group-web');
    expect(web?.tags).toEqual(
      expect.arrayContaining([
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'web' },
      ]),
    );
    const names = async (tag: string) => {
      sim.calls.clear();
      const page = await viewer.get<ApplicationPage>(
        `${base}/applications?pageSize=100&tag=${encodeURIComponent(tag)}`,
      );
      expect(page.status, tag).toBe(200);
      // One query by tag decides, not a filter over what the console happened to read.
      expect(sim.calls.list({ api: 'ListResourceInstances' }).length, tag).toBeGreaterThan(0);
      return page.body.items.map((a) => a.name).sort();
    };
    expect(await names('team=web')).toEqual(['as-group-hooked', 'as-group-web']);
    expect(await names('env=dev')).toEqual(['as-group-batch']);
    expect(await names('team')).toEqual(
      expect.arrayContaining(['as-group-batch', 'as-group-hooked', 'as-group-web']),
    );
    expect(await names('env=nowhere')).toEqual([]);
    const detail = await viewer.get<ApplicationDetail>(
      `${base}/applications/${encodeURIComponent(web?.id ?? '')}`,
    );
    expect(detail.body.tags).toEqual(expect.arrayContaining([{ key: 'env', value: 'prod' }]));
    const features = (await viewer.get<{ id: string; features: string[] }[]>('/api/accounts')).body.find(
      (a) => a.id === 'as-demo',
    )?.features;
    expect(features).toContain('appTags');
    expect(features).not.toContain('tags');
  });

  it('reports a refused IAM password as the console’s configuration problem, without the password', async () => {
    const refused = await viewer.get<ApiError>('/api/accounts/as-wrong/applications');
    expect(refused.status).toBe(502);
    expect(refused.body.error.upstream?.product).toBe('IAM');
    expect(JSON.stringify(refused.body)).not.toContain('not-the-password');
  });

  it('shows a group with its instances and activities', async () => {
    const id = await group('as-group-web');
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.config.replicas).toBe(3);
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    expect(instances.body.length).toBe(3);
    expect(instances.body.every((i) => i.status === 'INSERVICE')).toBe(true);
    const rollouts = await viewer.get<RolloutPage>(`${base}/applications/${id}/rollouts`);
    expect(rollouts.body.items.length).toBeGreaterThan(0);
    expect(rollouts.body.items[0]?.id).toMatch(new RegExp(`^${id}\\.`));
    // The activity's JSON description is said as the cloud's reasons: `DIFF 0 → 3`.
    expect(rollouts.body.items.every((r) => !r.description?.startsWith('{'))).toBe(true);
    expect(rollouts.body.items.some((r) => /\w+ \d+ → \d+/.test(r.description ?? ''))).toBe(true);
    const unknown = await viewer.get<ApiError>(`${base}/applications/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.upstream?.code).toMatch(/^AS\./);
  });

  it('counts as running only the instances in service, in the list and the detail', async () => {
    // as-group-hooked: one instance in service, one held by its launch hook (PENDING_WAIT).
    const id = await group('as-group-hooked');
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    const inService = instances.body.filter((i) => i.status === 'INSERVICE').length;
    expect(instances.body.length).toBeGreaterThan(inService);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.body.runningInstances).toBe(inService);
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    expect(page.body.items.find((a) => a.id === id)?.runningInstances).toBe(inService);
    const usage = await viewer.get<Usage>(`${base}/applications/${id}/usage`);
    expect(usage.body.samples.at(-1)?.runningInstances).toBe(inService);
  });

  it('continues an instance held by a launch hook through the safe confirm: one callback', async () => {
    const id = await group('as-group-hooked');
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    const rolloutId = detail.body.native.lastChangeOrderId as string;
    const rollout = await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    expect(rollout.body.status).toBe('waiting');
    const batchId = rollout.body.waitingBatch?.id as string;
    expect(batchId).toMatch(/^install-agent:/);

    const denied = await viewer.post<ApiError>(`${base}/rollouts/${rolloutId}/confirm`, {
      batchId,
      idempotencyKey: key(),
    });
    expect(denied.status).toBe(403);

    const before = sim.calls.list({ api: 'CompleteLifecycleAction' }).length;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        operator.post<RolloutActionResult | StaleRollout>(`${base}/rollouts/${rolloutId}/confirm`, {
          batchId,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(sim.calls.list({ api: 'CompleteLifecycleAction' }).length - before).toBe(1);
    expect(answers.filter((a) => a.status === 200).length).toBe(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);

    sim.clock.advance(10 * 60_000);
    const after = await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    expect(after.body.waitingBatch).toBeNull();
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    expect(instances.body.some((i) => i.status === 'PENDING_WAIT')).toBe(false);
  });

  it('holds a newly launched instance one more hour (EXTEND), then abandons it, each bound to the instance', async () => {
    const id = await group('as-group-hooked');
    const before = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    const scaled = await operator.post(`${base}/applications/${id}/scale`, {
      replicas: before.body.instances + 1,
    });
    expect(scaled.status).toBe(200);
    sim.clock.advance(2 * 60_000);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    const rolloutId = detail.body.native.lastChangeOrderId as string;
    const rollout = await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    expect(rollout.body.status).toBe('waiting');
    expect(rollout.body.actions.extend).toEqual({ allowed: true });
    const batchId = rollout.body.waitingBatch?.id as string;
    const holdUntil = async () => {
      const batch = await viewer.get<BatchDetail>(`${base}/rollouts/${rolloutId}/batches/${batchId}`);
      const match = /HANGING until (\S+),/.exec(batch.body.stages[0]?.tasks[0]?.name ?? '');
      return Date.parse(match?.[1] ?? '');
    };
    const until = await holdUntil();
    expect(Number.isFinite(until)).toBe(true);

    const viewerRollout = await viewer.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    expect(viewerRollout.body.actions.extend?.allowed).toBe(false);
    const denied = await viewer.post(`${base}/rollouts/${rolloutId}/extend`, {
      batchId,
      idempotencyKey: key(),
    });
    expect(denied.status).toBe(403);
    const wrongBatch = await operator.post<StaleRollout>(`${base}/rollouts/${rolloutId}/extend`, {
      batchId: 'install-agent:i-not-held',
      idempotencyKey: key(),
    });
    expect(wrongBatch.status).toBe(409);
    expect(wrongBatch.body.error.code).toBe('StaleRollout');

    const calls = () => sim.calls.list({ api: 'CompleteLifecycleAction' }).length;
    const callsBefore = calls();
    const extendKey = key();
    const first = await operator.post<RolloutActionResult>(`${base}/rollouts/${rolloutId}/extend`, {
      batchId,
      idempotencyKey: extendKey,
    });
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('extended');
    const replay = await operator.post<RolloutActionResult>(`${base}/rollouts/${rolloutId}/extend`, {
      batchId,
      idempotencyKey: extendKey,
    });
    expect(replay.body).toEqual(first.body);
    expect(calls() - callsBefore).toBe(1);
    expect((await holdUntil()) - until).toBe(60 * 60_000);
    expect(first.body.rollout.waitingBatch?.id).toBe(batchId);

    const staleAbandon = await operator.post<StaleRollout>(`${base}/rollouts/${rolloutId}/abort`, {
      batchId: 'install-agent:i-not-held',
      idempotencyKey: key(),
    });
    expect(staleAbandon.status).toBe(409);
    const abandoned = await operator.post<RolloutActionResult>(`${base}/rollouts/${rolloutId}/abort`, {
      batchId,
      idempotencyKey: key(),
    });
    expect(abandoned.status).toBe(200);
    expect(abandoned.body.outcome).toBe('aborted');
    expect(calls() - callsBefore).toBe(2);
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    expect(instances.body.some((i) => batchId.endsWith(`:${i.id}`) && i.status === 'PENDING_WAIT')).toBe(
      false,
    );
  });

  it('scales a group toward a desired count, and pauses and resumes it', async () => {
    const id = await group('as-group-web');
    const scaled = await operator.post<{ changeOrderId: string }>(`${base}/applications/${id}/scale`, {
      replicas: 4,
    });
    expect(scaled.status).toBe(200);
    sim.clock.advance(10 * 60_000);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.body.instances).toBe(4);
    expect((await viewer.get<Instance[]>(`${base}/applications/${id}/instances`)).body.length).toBe(4);

    expect((await operator.post(`${base}/applications/${id}/stop`, {})).status).toBe(200);
    expect((await viewer.get<ApplicationDetail>(`${base}/applications/${id}`)).body.status).toBe('stopped');
    expect((await operator.post(`${base}/applications/${id}/start`, {})).status).toBe(200);
    expect(
      (await viewer.get<ApplicationDetail>(`${base}/applications/${id}`)).body.native.currentStatus,
    ).toBe('INSERVICE');
    const deploy = await operator.post<ApiError>(`${base}/applications/${id}/deploy`, { imageUrl: 'x:1' });
    expect(deploy.status).toBe(400);
    expect(deploy.body.error.code).toBe('UnsupportedByProduct');
  });
  it('draws a group’s size over time from its scaling activities and the console’s samples', async () => {
    const id = await group('as-group-batch');
    const first = await viewer.get<CapacityHistory>(`${base}/applications/${id}/capacity?range=60`);
    expect(first.status).toBe(200);
    const bounds = { min: first.body.now.min, max: first.body.now.max };
    expect(first.body.points.some((p) => p.source === 'sample')).toBe(true);

    // Resume the paused group and ask for one more instance: one activity starts and, once done, reaches it.
    expect((await operator.post(`${base}/applications/${id}/start`, {})).status).toBe(200);
    const target = Math.min(first.body.now.desired + 1, bounds.max);
    expect((await operator.post(`${base}/applications/${id}/scale`, { replicas: target })).status).toBe(200);
    sim.clock.advance(10 * 60_000);
    const after = await viewer.get<CapacityHistory>(`${base}/applications/${id}/capacity?range=60`);
    expect(after.body.now).toMatchObject({ current: target, desired: target, ...bounds });
    const fromActivities = after.body.points.filter((p) => p.source === 'activity');
    expect(fromActivities.some((p) => p.desired === target && p.current === target)).toBe(true);
    expect(after.body.points.filter((p) => p.source === 'sample').length).toBeGreaterThanOrEqual(2);
    const times = after.body.points.map((p) => p.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    expect((await viewer.get(`${base}/applications/${id}/capacity?range=2`)).status).toBe(400);
  });

  it('counts a group’s instances by lifecycle state, health and protection', async () => {
    const id = await group('as-group-web');
    const instances = await viewer.get<Instance[]>(`${base}/applications/${id}/instances`);
    const health = await viewer.get<HealthBreakdown>(`${base}/applications/${id}/health`);
    expect(health.status).toBe(200);
    expect(health.body.total).toBe(instances.body.length);
    const dimension = (name: string) =>
      health.body.dimensions.find((d) => d.dimension === name)?.counts ?? [];
    for (const name of ['lifecycle', 'health', 'protection']) {
      expect(dimension(name).reduce((sum, c) => sum + c.count, 0)).toBe(instances.body.length);
    }
    const inService = instances.body.filter((i) => i.status === 'INSERVICE').length;
    expect(dimension('lifecycle').find((c) => c.key === 'INSERVICE')?.count).toBe(inService);
  });
});
