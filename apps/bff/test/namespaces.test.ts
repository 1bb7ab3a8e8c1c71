import type {
  ApiError,
  ApplicationPage,
  AuditPage,
  ChangeOrderRef,
  Namespace,
  Rollout,
  RolloutPage,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let admin: ConsoleClient;
let operator: ConsoleClient;
let viewer: ConsoleClient;
const base = '/api/accounts/sae-demo/namespaces';

beforeAll(async () => {
  stack = await startStack();
  [admin, operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

const list = async () => (await viewer.get<Namespace[]>(base)).body;

describe('namespaces through the console API', () => {
  it('an admin creates, an operator renames, an admin deletes after typing the id; each step is audited', async () => {
    const created = await admin.post<Namespace & { requestId?: string }>(base, {
      namespaceId: 'cn-hangzhou:canary',
      name: 'Canary',
      description: 'early adopters',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 'cn-hangzhou:canary', name: 'Canary', regionId: 'cn-hangzhou' });
    expect(created.body.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect((await list()).map((n) => n.id)).toContain('cn-hangzhou:canary');

    const renamed = await operator.request<Namespace>('PUT', `${base}/cn-hangzhou:canary`, {
      name: 'Canary 2',
    });
    expect(renamed.status).toBe(200);
    expect((await list()).find((n) => n.id === 'cn-hangzhou:canary')?.name).toBe('Canary 2');

    const mistyped = await admin.request<ApiError>('DELETE', `${base}/cn-hangzhou:canary`, {
      confirmId: 'cn-hangzhou:canry',
    });
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.field).toBe('confirmId');
    expect((await list()).map((n) => n.id)).toContain('cn-hangzhou:canary');

    const deleted = await admin.request('DELETE', `${base}/cn-hangzhou:canary`, {
      confirmId: 'cn-hangzhou:canary',
    });
    expect(deleted.status).toBe(200);
    expect((await list()).map((n) => n.id)).not.toContain('cn-hangzhou:canary');

    const gone = await operator.request<ApiError>('PUT', `${base}/cn-hangzhou:canary`, { name: 'again' });
    expect(gone.status).toBe(404);
    expect(gone.body.error.upstream?.code).toBe('InvalidNamespaceId.NotFound');

    const audit = await admin.get<AuditPage>('/api/audit?pageSize=200');
    const actions = audit.body.items.filter((r) => r.resource === 'namespace/cn-hangzhou:canary');
    expect(actions.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining([
        'namespace-create:success',
        'namespace-update:success',
        'namespace-delete:success',
        'namespace-update:failure',
      ]),
    );
  });

  it('refuses bad input with a 400 naming the field, and the cloud’s own refusals with its code', async () => {
    const badId = await admin.post<ApiError>(base, { namespaceId: 'cn-hangzhou:Has_Upper', name: 'x' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('namespaceId');

    const otherRegion = await admin.post<ApiError>(base, { namespaceId: 'cn-beijing:prod', name: 'x' });
    expect(otherRegion.status).toBe(400);
    expect(otherRegion.body.error.message).toContain('cn-hangzhou');

    const duplicate = await admin.post<ApiError>(base, { namespaceId: 'cn-hangzhou:prod', name: 'again' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error.upstream?.code).toBe('InstanceExist.NamespaceId');
    expect(duplicate.body.error.upstream?.requestId).toBeTruthy();

    const notEmpty = await admin.request<ApiError>('DELETE', `${base}/cn-hangzhou:prod`, {
      confirmId: 'cn-hangzhou:prod',
    });
    expect(notEmpty.status).toBe(422);
    expect(notEmpty.body.error.upstream?.code).toBe('Namespace.AppExists');
    expect((await list()).map((n) => n.id)).toContain('cn-hangzhou:prod');
  });

  it('lets only the roles the route names change namespaces', async () => {
    expect((await operator.post(base, { namespaceId: 'cn-hangzhou:nope', name: 'n' })).status).toBe(403);
    expect((await viewer.request('PUT', `${base}/cn-hangzhou:prod`, { name: 'n' })).status).toBe(403);
    expect(
      (await operator.request('DELETE', `${base}/cn-hangzhou:prod`, { confirmId: 'cn-hangzhou:prod' }))
        .status,
    ).toBe(403);
    expect((await list()).find((n) => n.id === 'cn-hangzhou:prod')?.name).not.toBe('n');
  });

  it('lists the change orders of every application in a namespace, each with its application', async () => {
    const page = await viewer.get<RolloutPage>(`${base}/cn-hangzhou:prod/rollouts?pageSize=50`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(0);
    expect(page.body.items.some((r) => r.status === 'waiting')).toBe(true);
    // The namespace's list does not name the application; each order's own record does.
    const apps = (
      await viewer.get<ApplicationPage>(
        '/api/accounts/sae-demo/applications?namespaceId=cn-hangzhou:prod&pageSize=100',
      )
    ).body.items;
    const waiting = apps.find((a) => a.status === 'waiting');
    const order = page.body.items.find((r) => r.id === waiting?.native.lastChangeOrderId);
    expect(order?.appId).toBe(waiting?.id);
    const ids = new Set(apps.map((a) => a.id));
    expect(page.body.items.every((r) => ids.has(r.appId))).toBe(true);
    const described = await stack.upstreamCalls('DescribeChangeOrder');
    await viewer.get<RolloutPage>(`${base}/cn-hangzhou:prod/rollouts?pageSize=50`);
    expect(await stack.upstreamCalls('DescribeChangeOrder')).toBe(described);
  });

  it('stops and starts several applications of a namespace with one change order each', async () => {
    const apps = '/api/accounts/sae-demo/applications';
    const running = (await viewer.get<ApplicationPage>(`${apps}?status=running&pageSize=100`)).body.items;
    const byNamespace = new Map<string, string[]>();
    for (const app of running)
      byNamespace.set(app.namespaceId, [...(byNamespace.get(app.namespaceId) ?? []), app.id]);
    const [namespaceId, ids] = [...byNamespace].find(([, list]) => list.length >= 2) ?? [];
    if (!namespaceId || !ids) throw new Error('no namespace with two running applications');
    const chosen = ids.slice(0, 2);
    const status = async () =>
      (
        await viewer.get<ApplicationPage>(
          `${apps}?namespaceId=${encodeURIComponent(namespaceId)}&pageSize=100`,
        )
      ).body.items
        .filter((a) => chosen.includes(a.id))
        .map((a) => a.status);
    const finish = async (id: string) => {
      for (let i = 0; i < 60; i++) {
        const rollout = (await viewer.get<Rollout>(`/api/accounts/sae-demo/rollouts/${id}`)).body;
        if (!['preparing', 'running', 'waiting'].includes(rollout.status)) return rollout;
        await stack.advanceClock(30_000);
      }
      throw new Error(`change order ${id} did not finish`);
    };

    const stop = await operator.post<ChangeOrderRef>(`${base}/${namespaceId}/batch-stop`, { appIds: chosen });
    expect(stop.status).toBe(200);
    expect((await finish(stop.body.changeOrderId)).status).toBe('succeeded');
    expect(await status()).toEqual(['stopped', 'stopped']);

    const start = await operator.post<ChangeOrderRef>(`${base}/${namespaceId}/batch-start`, {
      appIds: chosen,
    });
    expect(start.status).toBe(200);
    expect((await finish(start.body.changeOrderId)).status).toBe('succeeded');
    expect(await status()).toEqual(['running', 'running']);

    const orders = await viewer.get<RolloutPage>(`${base}/${namespaceId}/rollouts?pageSize=50`);
    expect(orders.body.items.map((r) => r.id)).toEqual(
      expect.arrayContaining([stop.body.changeOrderId, start.body.changeOrderId]),
    );
    const empty = await operator.post<ApiError>(`${base}/${namespaceId}/batch-stop`, { appIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('appIds');
    expect((await viewer.post(`${base}/${namespaceId}/batch-stop`, { appIds: chosen })).status).toBe(403);
  });

  it('moves an empty namespace to another VPC, and refuses while applications live in it', async () => {
    expect((await admin.post(base, { namespaceId: 'cn-hangzhou:vpcmove', name: 'VPC move' })).status).toBe(
      200,
    );
    const moved = await admin.request('PUT', `${base}/cn-hangzhou:vpcmove/vpc`, {
      vpcId: 'vpc-bp1movetarget0001',
    });
    expect(moved.status).toBe(200);
    expect((await list()).find((n) => n.id === 'cn-hangzhou:vpcmove')?.vpcId).toBe('vpc-bp1movetarget0001');
    const busy = await admin.request<ApiError>('PUT', `${base}/cn-hangzhou:prod/vpc`, {
      vpcId: 'vpc-bp1movetarget0001',
    });
    expect(busy.status).toBe(422);
    expect(busy.body.error.upstream?.code).toBe('DeleteFail.NamespaceHasIngress');
    const bad = await admin.request<ApiError>('PUT', `${base}/cn-hangzhou:vpcmove/vpc`, { vpcId: 'nope' });
    expect(bad.body.error.field).toBe('vpcId');
    expect(
      (await operator.request('PUT', `${base}/cn-hangzhou:vpcmove/vpc`, { vpcId: 'vpc-bp1x00000000' }))
        .status,
    ).toBe(403);
  });
});
