import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  ChangeOrderRef,
  Instance,
  InstanceLog,
  Rollout,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
const base = '/api/accounts/sae-demo';

beforeAll(async () => {
  stack = await startStack();
  [operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

/** Running idle applications with at least `min` running instances, in a stable order. */
async function idleApps(min: number): Promise<ApplicationDetail[]> {
  const page = await viewer.get<ApplicationPage>(`${base}/applications?status=running&pageSize=100`);
  const found: ApplicationDetail[] = [];
  for (const app of page.body.items) {
    if (app.runningInstances < min) continue;
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${app.id}`);
    if (!detail.body.native.lastChangeOrderRunning) found.push(detail.body);
  }
  return found;
}

async function finish(rolloutId: string): Promise<Rollout> {
  for (let i = 0; i < 60; i++) {
    const rollout = await viewer.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    if (!['preparing', 'running', 'waiting'].includes(rollout.body.status)) return rollout.body;
    await stack.advanceClock(30_000);
  }
  throw new Error(`change order ${rolloutId} did not finish`);
}

const instancesOf = async (appId: string) =>
  (await viewer.get<Instance[]>(`${base}/applications/${appId}/instances`)).body;

describe('instances through the console API', () => {
  it('removes the chosen instances and keeps the others', async () => {
    const [app] = await idleApps(3);
    if (!app) throw new Error('no idle application with three instances in the demo data');
    const before = await instancesOf(app.id);
    const chosen = [before[0]?.id as string];
    const ref = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/instances/remove`, {
      instanceIds: chosen,
    });
    expect(ref.status).toBe(200);
    expect((await finish(ref.body.changeOrderId)).status).toBe('succeeded');
    const after = await instancesOf(app.id);
    expect(after.map((i) => i.id)).not.toContain(chosen[0]);
    expect(after.length).toBe(before.length - 1);
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${app.id}`);
    expect(detail.body.config.replicas).toBe(app.config.replicas - 1);
  });

  it('restarts the chosen instances through a change order of that type', async () => {
    const apps = await idleApps(2);
    const app = apps.at(-1);
    if (!app) throw new Error('no idle application with two instances in the demo data');
    const before = await instancesOf(app.id);
    const ref = await operator.post<ChangeOrderRef>(`${base}/applications/${app.id}/instances/restart`, {
      instanceIds: before.slice(0, 2).map((i) => i.id),
    });
    expect(ref.status).toBe(200);
    const rollout = await finish(ref.body.changeOrderId);
    expect(rollout.type).toBe('CoRestartInstances');
    expect(rollout.status).toBe('succeeded');
    expect((await instancesOf(app.id)).length).toBe(before.length);
  });

  it('reads the log of an instance and refuses instances of other applications', async () => {
    const [first, second] = await idleApps(1);
    if (!first || !second) throw new Error('need two idle applications');
    const instance = (await instancesOf(first.id))[0] as Instance;
    const log = await viewer.get<InstanceLog>(
      `${base}/applications/${first.id}/instances/${instance.id}/log`,
    );
    expect(log.status).toBe(200);
    expect(log.body.log.length).toBeGreaterThan(0);
    const foreign = await viewer.get<ApiError>(
      `${base}/applications/${second.id}/instances/${instance.id}/log`,
    );
    expect(foreign.status).toBe(404);
  });

  it('refuses an empty or repeated choice with a 400 naming the field, and viewers with a 403', async () => {
    const [app] = await idleApps(1);
    if (!app) throw new Error('no idle application');
    const empty = await operator.post<ApiError>(`${base}/applications/${app.id}/instances/restart`, {
      instanceIds: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('instanceIds');
    const repeated = await operator.post<ApiError>(`${base}/applications/${app.id}/instances/remove`, {
      instanceIds: ['a', 'a'],
    });
    expect(repeated.status).toBe(400);
    const denied = await viewer.post(`${base}/applications/${app.id}/instances/restart`, {
      instanceIds: ['x'],
    });
    expect(denied.status).toBe(403);
  });
});
