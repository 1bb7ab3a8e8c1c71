import type {
  ApiError,
  AppEvent,
  ApplicationDetail,
  ApplicationPage,
  AuditPage,
  ChangeOrderRef,
  Instance,
  Rollout,
  RolloutPage,
  StaleApplication,
  Usage,
  Version,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let admin: ConsoleClient;
const base = '/api/accounts/sae-demo';

beforeAll(async () => {
  stack = await startStack();
  [operator, admin] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

/** Steps the simulated clock until the change order has finished. */
async function finish(changeOrderId: string): Promise<Rollout> {
  let rollout = (await operator.get<Rollout>(`${base}/rollouts/${changeOrderId}`)).body;
  for (let i = 0; i < 40 && !['succeeded', 'failed', 'aborted'].includes(rollout.status); i++) {
    await stack.advanceClock(15_000);
    rollout = (await operator.get<Rollout>(`${base}/rollouts/${changeOrderId}`)).body;
  }
  return rollout;
}

const appDetail = async (id: string) =>
  (await operator.get<ApplicationDetail>(`${base}/applications/${id}`)).body;

async function runningApps(): Promise<ApplicationPage['items']> {
  const page = await operator.get<ApplicationPage>(`${base}/applications?status=running&pageSize=100`);
  return page.body.items.filter((a) => a.instances >= 2);
}

describe('application lifecycle through the console API', () => {
  it('stops and starts an application', async () => {
    const [app] = await runningApps();
    if (!app) throw new Error('no running app');
    // No body at all is as good as an empty JSON object.
    const stop = await operator.request<ChangeOrderRef>('POST', `${base}/applications/${app.id}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.body.requestId).toBeTruthy();
    const busy = await operator.post<StaleApplication>(`${base}/applications/${app.id}/restart`);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'StaleApplication',
      upstream: { code: 'Application.ChangerOrderRunning', requestId: expect.any(String) },
    });
    expect(busy.body.application?.native).toMatchObject({
      lastChangeOrderId: stop.body.changeOrderId,
      lastChangeOrderRunning: true,
    });
    expect((await finish(stop.body.changeOrderId)).status).toBe('succeeded');
    const stopped = await appDetail(app.id);
    expect(stopped.status).toBe('stopped');
    expect(stopped.runningInstances).toBe(0);
    const again = await operator.post<StaleApplication>(`${base}/applications/${app.id}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.error.upstream?.code).toBe('Application.InvalidStatus');
    expect(again.body.application?.status).toBe('stopped');
    const start = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/start`);
    expect((await finish(start.body.changeOrderId)).status).toBe('succeeded');
    const started = await appDetail(app.id);
    expect(started.status).toBe('running');
    expect(started.runningInstances).toBe(app.instances);
  });

  it('scales out and lists the new instances', async () => {
    const [, app] = await runningApps();
    if (!app) throw new Error('no running app');
    const scale = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/scale`, {
      replicas: app.instances + 2,
    });
    const rollout = await finish(scale.body.changeOrderId);
    expect(rollout.type).toBe('CoScaleOut');
    expect(rollout.status).toBe('succeeded');
    const instances = await operator.get<Instance[]>(`${base}/applications/${app.id}/instances`);
    expect(instances.body).toHaveLength(app.instances + 2);
    expect(instances.body.every((i) => i.status === 'Running')).toBe(true);
  });

  it('rolls back to an earlier version', async () => {
    const apps = await runningApps();
    for (const app of apps) {
      const versions = (await operator.get<Version[]>(`${base}/applications/${app.id}/versions`)).body;
      const older = versions.find((v) => !v.current);
      if (!older || !versions.some((v) => v.current)) continue;
      const rollback = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/rollback`, {
        versionId: older.id,
      });
      expect(rollback.status).toBe(200);
      const rollout = await finish(rollback.body.changeOrderId);
      expect(rollout.status).toBe('succeeded');
      expect(rollout.type).toBe('CoDeployHistroy');
      const after = (await operator.get<Version[]>(`${base}/applications/${app.id}/versions`)).body;
      const current = after.find((v) => v.current);
      expect(current?.imageUrl ?? current?.packageUrl).toBe(older.imageUrl ?? older.packageUrl);
      return;
    }
    throw new Error('no running application has an earlier version to roll back to');
  });

  it('changes the instance spec and refuses one the cloud does not offer', async () => {
    const [, , app] = await runningApps();
    if (!app) throw new Error('no running app');
    const bad = await operator.post<ApiError>(`${base}/applications/${app.id}/resize`, {
      cpu: 3000,
      memory: 1024,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.upstream?.code).toBe('InvalidInstanceSpecification.Unsupported');
    expect(bad.body.error.upstream?.requestId).toBeTruthy();
    const ok = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/resize`, {
      cpu: 2000,
      memory: 4096,
    });
    expect((await finish(ok.body.changeOrderId)).status).toBe('succeeded');
    const detail = await appDetail(app.id);
    expect([detail.config.cpu, detail.config.memory]).toEqual([2000, 4096]);
  });

  it('deletes only with the exact name typed, and only as admin', async () => {
    const page = await admin.get<ApplicationPage>(`${base}/applications?status=stopped&pageSize=100`);
    const app = page.body.items[0];
    if (!app) throw new Error('no stopped app');
    expect(
      (await operator.request('DELETE', `${base}/applications/${app.id}`, { confirmName: app.name })).status,
    ).toBe(403);
    const wrong = await admin.request<ApiError>('DELETE', `${base}/applications/${app.id}`, {
      confirmName: `${app.name}x`,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('confirmName');
    const ok = await admin.request<ChangeOrderRef>('DELETE', `${base}/applications/${app.id}`, {
      confirmName: app.name,
    });
    expect(ok.status).toBe(200);
    await finish(ok.body.changeOrderId).catch(() => undefined);
    for (let i = 0; i < 10 && (await admin.get(`${base}/applications/${app.id}`)).status !== 404; i++) {
      await stack.advanceClock(15_000);
    }
    expect((await admin.get(`${base}/applications/${app.id}`)).status).toBe(404);
  });

  it('reads change orders, events and usage, and audits every action with its RequestId', async () => {
    const [app] = await runningApps();
    if (!app) throw new Error('no running app');
    const rollouts = await operator.get<RolloutPage>(`${base}/applications/${app.id}/rollouts`);
    expect(rollouts.body.items.length).toBeGreaterThan(0);
    expect(rollouts.body.items[0]?.nativeStatusName).toMatch(/^[A-Z_]+$/);
    const events = await operator.get<AppEvent[]>(`${base}/applications/${app.id}/events`);
    expect(events.body.length).toBeGreaterThan(0);
    const usage = await operator.get<Usage>(`${base}/applications/${app.id}/usage?range=60`);
    expect(usage.body.now.cpuCores).toBeGreaterThan(0);
    expect(usage.body.monthToDate?.cpuCoreMinutes).toBeGreaterThan(0);
    expect(usage.body.samples.length).toBeGreaterThan(0);
    const audit = await admin.get<AuditPage>('/api/audit?username=operator&pageSize=200');
    const actions = new Set(audit.body.items.filter((a) => a.outcome === 'success').map((a) => a.action));
    for (const action of ['stop', 'start', 'scale', 'rollback', 'resize']) expect(actions).toContain(action);
    expect(audit.body.items.filter((a) => a.action === 'scale').every((a) => a.upstreamRequestId)).toBe(true);
    const refused = audit.body.items.find((a) => a.action === 'resize' && a.outcome === 'failure');
    expect(refused?.detail).toContain('InvalidInstanceSpecification.Unsupported');
    const stale = audit.body.items.find((a) => a.action === 'restart' && a.outcome === 'stale');
    expect(stale?.detail).toContain('Application.ChangerOrderRunning');
    expect(stale?.upstreamRequestId).toBeTruthy();
  });
});
