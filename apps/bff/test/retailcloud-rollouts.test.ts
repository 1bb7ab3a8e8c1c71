import { RC_SEED } from '@console/cloudsim';
import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  AuditPage,
  ChangeOrderRef,
  MonitorMetricSeries,
  PodDeployLog,
  Rollout,
  RolloutActionResult,
  RolloutPage,
  StaleApplication,
  StaleRollout,
  Usage,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let admin: ConsoleClient;
const base = '/api/accounts/retail-demo';
let keyCounter = 0;
const key = () => `rc-test-key-${Date.now()}-${keyCounter++}`;

beforeAll(async () => {
  // The simulated clock stands still; the tests move it.
  stack = await startStack({ timeScale: 0 });
  [operator, viewer, admin] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

async function appId(envName: string): Promise<string> {
  const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
  expect(page.status).toBe(200);
  const found = page.body.items.find((a) => a.name === envName);
  if (!found) throw new Error(`no environment ${envName}`);
  return found.id;
}

async function rollout(id: string): Promise<Rollout> {
  const r = await operator.get<Rollout>(`${base}/rollouts/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

/** Moves the simulated clock a minute at a time until the rollout is where `until` wants it. */
async function waitFor(id: string, until: (r: Rollout) => boolean): Promise<Rollout> {
  for (let i = 0; i < 30; i++) {
    const r = await rollout(id);
    if (until(r)) return r;
    await stack.advanceClock(30_000);
  }
  throw new Error(`rollout ${id} never got there: ${JSON.stringify(await rollout(id))}`);
}

describe('Retail Cloud environments as console applications', () => {
  it('lists every app × environment with the app as its namespace and the native order status', async () => {
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    expect(page.status).toBe(200);
    const paused = page.body.items.find((a) => a.name === RC_SEED.pausedOrder.env);
    expect(paused).toMatchObject({ status: 'waiting', instances: RC_SEED.pausedOrder.replicas });
    expect(paused?.id).toMatch(/^\d+-\d+$/);
    expect(paused?.native.lastChangeOrderRunning).toBe(true);
    expect(paused?.native.lastChangeOrderStatus).toBe('暂停');

    const namespaces = await viewer.get<{ id: string; name: string }[]>(`${base}/namespaces`);
    const tradeCenter = namespaces.body.find((n) => n.name === RC_SEED.pausedOrder.app);
    expect(tradeCenter?.id).toBe(paused?.namespaceId);
    const filtered = await viewer.get<ApplicationPage>(
      `${base}/applications?namespaceId=${tradeCenter?.id}&pageSize=100`,
    );
    expect(filtered.body.items.map((a) => a.name).sort()).toEqual(
      [RC_SEED.pausedOrder.env, RC_SEED.closedEnv.env].sort(),
    );
    const waiting = await viewer.get<ApplicationPage>(`${base}/applications?status=waiting`);
    expect(waiting.body.items.every((a) => a.status === 'waiting')).toBe(true);
    expect(waiting.body.items.some((a) => a.name === RC_SEED.pausedOrder.env)).toBe(true);
  });

  it('shows an environment with its instances, events and the native ids', async () => {
    const id = await appId(RC_SEED.pausedOrder.env);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.config.replicas).toBe(RC_SEED.pausedOrder.replicas);
    expect(detail.body.description).toContain(RC_SEED.pausedOrder.app);
    expect(detail.body.environment).toMatchObject({ envType: 'prod', workload: 'Deployment' });
    // The deploy baseline's date-only CreateTime.
    expect(detail.body.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    const cron = await viewer.get<ApplicationDetail>(
      `${base}/applications/${await appId(RC_SEED.cronEnv.env)}`,
    );
    expect(cron.body.environment?.workload).toBe('CronJob');
    const instances = await viewer.get<{ id: string; status: string }[]>(
      `${base}/applications/${id}/instances`,
    );
    expect(instances.body.length).toBeGreaterThan(0);
    expect(instances.body.every((i) => /^jck-deployment-yacs-/.test(i.id))).toBe(true);
    const log = await viewer.get<{ log: string }>(
      `${base}/applications/${id}/instances/${instances.body[0]?.id}/log`,
    );
    expect(log.status).toBe(200);
    expect(log.body.log.length).toBeGreaterThan(0);
    const usage = await viewer.get<Usage>(`${base}/applications/${id}/usage`);
    expect(usage.status).toBe(200);
    // Requested resources of the running instances; the cloud keeps no month-to-date figures.
    expect(usage.body.now.cpuCores).toBeGreaterThan(0);
    expect(usage.body.monthToDate).toBeNull();
    const events = await viewer.get<{ objectName: string; reason: string }[]>(
      `${base}/applications/${id}/events`,
    );
    expect(events.status).toBe(200);
    expect(events.body.length).toBeGreaterThan(0);
    const missing = await viewer.get<ApiError>(`${base}/applications/${id}/instances/no-such-pod/log`);
    expect(missing.status).toBe(404);

    const malformed = await viewer.get<ApiError>(`${base}/applications/not-an-env`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('appId');
    const unknown = await viewer.get<ApiError>(`${base}/applications/999999-999999`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.upstream?.product).toBe('RetailCloud');
    expect(unknown.body.error.upstream?.requestId).toBeTruthy();
  });

  it('refuses what the product does not have with a 400 that says so', async () => {
    const id = await appId(RC_SEED.closedEnv.env);
    for (const action of ['start', 'stop']) {
      const r = await operator.post<ApiError>(`${base}/applications/${id}/${action}`, {});
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('UnsupportedByProduct');
    }
    const noPartitions = await operator.post<ApiError>(`${base}/applications/${id}/deploy`, {
      imageUrl: 'registry.example.com/demo/app:2',
    });
    expect(noPartitions.status).toBe(400);
    expect(noPartitions.body.error.field).toBe('partitions');
  });
});

describe('Retail Cloud deploy orders as rollouts', () => {
  it('confirms the paused seeded order through the safe confirm: one ResumeDeploy, replay answered the same', async () => {
    const id = await appId(RC_SEED.pausedOrder.env);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    const rolloutId = detail.body.native.lastChangeOrderId as string;
    expect(rolloutId).toMatch(new RegExp(`^${id}-\\d+$`));
    const before = await rollout(rolloutId);
    expect(before).toMatchObject({ status: 'waiting', batchCount: 3, batchType: 'each', nativeStatus: 2 });
    expect(before.waitingBatch).toMatchObject({ id: 'partition-2', index: 2 });
    expect(before.waitingBatch?.instanceCount).toBe(2);
    expect(before.batches.map((b) => b.status)).toEqual(['succeeded', 'pending', 'pending']);
    expect(before.actions.abortAndRollback).toMatchObject({ allowed: false, code: 'unsupported' });

    const denied = await viewer.post<ApiError>(`${base}/rollouts/${rolloutId}/confirm`, {
      batchId: 'partition-2',
      idempotencyKey: key(),
    });
    expect(denied.status).toBe(403);

    const resumesBefore = await stack.upstreamCalls('ResumeDeploy');
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        operator.post<RolloutActionResult | StaleRollout>(`${base}/rollouts/${rolloutId}/confirm`, {
          batchId: 'partition-2',
          idempotencyKey: i < 4 ? idempotencyKey : key(),
        }),
      ),
    );
    expect(await stack.upstreamCalls('ResumeDeploy')).toBe(resumesBefore + 1);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const first = results[0];
    expect(first?.status).toBe(200);
    expect((first?.body as RolloutActionResult | undefined)?.outcome).toBe('confirmed');
    for (const r of results.slice(1, 4)) expect(r).toEqual(first);

    const after = await rollout(rolloutId);
    expect(after.status).toBe('running');
    expect(after.waitingBatch).toBeNull();

    const stale = await operator.post<StaleRollout>(`${base}/rollouts/${rolloutId}/confirm`, {
      batchId: 'partition-2',
      idempotencyKey: key(),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('StaleRollout');

    const audit = await admin.get<AuditPage>('/api/audit?action=confirm-batch&pageSize=100');
    const mine = audit.body.items.filter((e) => e.resource === `rollout/${rolloutId}`);
    expect(
      mine.some((e) => e.outcome === 'success' && e.upstreamRequestId && e.batchId === 'partition-2'),
    ).toBe(true);

    // The second pause comes after partition 2, and its confirm releases the last partition.
    const paused = await waitFor(rolloutId, (r) => r.status === 'waiting');
    expect(paused.waitingBatch?.id).toBe('partition-3');
    const last = await operator.post<RolloutActionResult>(`${base}/rollouts/${rolloutId}/confirm`, {
      batchId: 'partition-3',
      idempotencyKey: key(),
    });
    expect(last.status).toBe(200);
    const done = await waitFor(rolloutId, (r) => r.status !== 'running');
    expect(done.status).toBe('succeeded');
    expect(done.batches.every((b) => b.status === 'succeeded')).toBe(true);
    const batch = await viewer.get<{ stages: { tasks: { id: string }[] }[] }>(
      `${base}/rollouts/${rolloutId}/batches/partition-3`,
    );
    expect(batch.status).toBe(200);
    expect(batch.body.stages.length).toBe(2);
    expect(batch.body.stages[0]?.tasks.some((t) => t.id === 'StartAppInstance')).toBe(true);

    const pod = batch.body.stages[0] as unknown as { id: string };
    const podLog = await viewer.get<PodDeployLog>(`${base}/rollouts/${rolloutId}/pods/${pod.id}/log`);
    expect(podLog.status).toBe(200);
    expect(podLog.body.steps.find((s) => s.code === 'StartAppInstance')).toMatchObject({ status: 'SUCCESS' });
    expect(podLog.body.steps.some((s) => s.log.length > 0)).toBe(true);
    expect(podLog.body.events.some((e) => e.reason === 'Scheduled')).toBe(true);
    const strangerPod = await viewer.get<ApiError>(
      `${base}/rollouts/${rolloutId}/pods/not-in-this-order/log`,
    );
    expect(strangerPod.status).toBe(404);
  });

  it('deploys with PauseType each over three partitions, refuses a second open order, and closes the paused one', async () => {
    const id = await appId(RC_SEED.closedEnv.env);
    const started = await operator.post<ChangeOrderRef>(`${base}/applications/${id}/deploy`, {
      name: 'release 2.0',
      imageUrl: 'registry.example.com/demo/trade-center:2.0',
      partitions: 3,
      pauseType: 'each',
      updateStrategyType: 'online_new_then_offline_old',
      description: 'from the console test',
    });
    expect(started.status).toBe(200);
    const rolloutId = started.body.changeOrderId;
    expect(rolloutId).toMatch(new RegExp(`^${id}-\\d+$`));
    expect(started.body.requestId).toBeTruthy();

    const second = await operator.post<StaleApplication>(`${base}/applications/${id}/deploy`, {
      imageUrl: 'registry.example.com/demo/trade-center:2.1',
      partitions: 2,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('StaleApplication');
    expect(second.body.error.upstream).toMatchObject({ product: 'RetailCloud', code: '4' });

    const paused = await waitFor(rolloutId, (r) => r.status === 'waiting');
    expect(paused.typeLabel).toBe('release 2.0');
    expect(paused.waitingBatch?.id).toBe('partition-2');

    const closesBefore = await stack.upstreamCalls('CloseDeployOrder');
    const closed = await operator.post<RolloutActionResult>(`${base}/rollouts/${rolloutId}/abort`, {
      idempotencyKey: key(),
    });
    expect(closed.status).toBe(200);
    expect(closed.body.outcome).toBe('aborted');
    expect(closed.body.rollout.status).toBe('aborted');
    expect(closed.body.rollout.nativeStatusName).toContain('人为置为失败');
    expect(await stack.upstreamCalls('CloseDeployOrder')).toBe(closesBefore + 1);

    const again = await operator.post<StaleRollout>(`${base}/rollouts/${rolloutId}/abort`, {
      idempotencyKey: key(),
    });
    expect(again.status).toBe(409);

    const list = await viewer.get<RolloutPage>(`${base}/applications/${id}/rollouts`);
    expect(list.body.items[0]).toMatchObject({ id: rolloutId, status: 'aborted', type: 'deploy' });
  });

  it('scales an environment through a scale order and shows the admission refusal with the cloud’s code', async () => {
    const id = await appId(RC_SEED.closedEnv.env);
    const scaled = await operator.post<ChangeOrderRef>(`${base}/applications/${id}/scale`, {
      replicas: 3,
      partitions: 1,
    });
    expect(scaled.status).toBe(200);
    const done = await waitFor(
      scaled.body.changeOrderId,
      (r) => r.status !== 'running' && r.status !== 'preparing',
    );
    expect(done).toMatchObject({ type: 'scale', status: 'succeeded', batchCount: 1 });
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.body.instances).toBe(3);

    const frozen = await appId(RC_SEED.frozenEnv.env);
    const refused = await operator.post<ApiError>(`${base}/applications/${frozen}/deploy`, {
      imageUrl: 'registry.example.com/demo/mini-shop:9',
      partitions: 2,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream).toMatchObject({
      product: 'RetailCloud',
      code: RC_SEED.frozenEnv.businessCode,
    });
    expect(refused.body.error.upstream?.requestId).toBeTruthy();
  });

  it('reads monitor metric series of the deployment group and of one instance', async () => {
    const id = await appId(RC_SEED.pausedOrder.env);
    const to = Date.now();
    const from = to - 30 * 60_000;
    const group = await viewer.get<MonitorMetricSeries>(
      `${base}/applications/${id}/monitor-metrics?metric=deployment.cpu.usage_rate&from=${from}&to=${to}`,
    );
    expect(group.status).toBe(200);
    expect(group.body.type).toBe('group');
    expect(group.body.points.length).toBeGreaterThanOrEqual(25);
    expect(group.body.points.every((p) => p.at >= from - 60_000 && p.at <= to)).toBe(true);
    expect(group.body.points.some((p) => p.value > 0)).toBe(true);

    const pods = await viewer.get<{ id: string }[]>(`${base}/applications/${id}/instances`);
    const pod = pods.body[0]?.id as string;
    const instance = await viewer.get<MonitorMetricSeries>(
      `${base}/applications/${id}/monitor-metrics?metric=pod.memory.utilization&from=${from}&to=${to}&podName=${pod}`,
    );
    expect(instance.status).toBe(200);
    expect(instance.body).toMatchObject({ type: 'instance', podName: pod });
    expect(instance.body.points.every((p) => p.value >= 0 && p.value <= 1)).toBe(true);

    const noPod = await viewer.get<ApiError>(
      `${base}/applications/${id}/monitor-metrics?metric=pod.cpu.usage_rate&from=${from}`,
    );
    expect(noPod.status).toBe(400);
    expect(noPod.body.error.field).toBe('podName');
    const badMetric = await viewer.get<ApiError>(
      `${base}/applications/${id}/monitor-metrics?metric=cpu&from=${from}`,
    );
    expect(badMetric.status).toBe(400);
    expect(badMetric.body.error.field).toBe('metric');
  });

  it('takes an environment offline (audited) and it reads as stopped', async () => {
    const id = await appId(RC_SEED.failedEnv.env);
    const denied = await viewer.post<ApiError>(`${base}/applications/${id}/offline`, {});
    expect(denied.status).toBe(403);
    const offline = await operator.post<ChangeOrderRef>(`${base}/applications/${id}/offline`, {});
    expect(offline.status).toBe(200);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${id}`);
    expect(detail.body.status).toBe('stopped');
    expect(detail.body.native.currentStatus).toBe('OFFLINE');
    const audit = await admin.get<AuditPage>('/api/audit?action=offline&pageSize=20');
    expect(audit.body.items.some((e) => e.resource === `app/${id}` && e.outcome === 'success')).toBe(true);
  });

  it('deletes an environment only once it is offline, and only with its name typed', async () => {
    const id = await appId(RC_SEED.runningOrder.env);
    const name = RC_SEED.runningOrder.env;
    const mistyped = await admin.request<ApiError>('DELETE', `${base}/applications/${id}`, {
      confirmName: 'nope',
    });
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.field).toBe('confirmName');
    // Force=false: the cloud refuses while the environment has instances or an open order.
    const refused = await admin.request<ApiError | StaleApplication>('DELETE', `${base}/applications/${id}`, {
      confirmName: name,
    });
    expect([409, 422]).toContain(refused.status);
    expect(refused.body.error.upstream).toMatchObject({ product: 'RetailCloud' });
    expect((await viewer.get(`${base}/applications/${id}`)).status).toBe(200);

    await waitFor(
      (await viewer.get<ApplicationDetail>(`${base}/applications/${id}`)).body.native
        .lastChangeOrderId as string,
      (r) => r.status !== 'running' && r.status !== 'preparing' && r.status !== 'waiting',
    );
    expect((await operator.post(`${base}/applications/${id}/offline`, {})).status).toBe(200);
    const deleted = await admin.request<ChangeOrderRef>('DELETE', `${base}/applications/${id}`, {
      confirmName: name,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.requestId).toBeTruthy();
    expect((await viewer.get(`${base}/applications/${id}`)).status).toBe(404);
    const audit = await admin.get<AuditPage>('/api/audit?action=delete&pageSize=20');
    expect(audit.body.items.filter((e) => e.resource === `app/${id}`).map((e) => e.outcome)).toEqual(
      expect.arrayContaining(['success']),
    );
  });
});
