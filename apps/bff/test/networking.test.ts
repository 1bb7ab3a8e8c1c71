import { SAE_NETWORK_SEED } from '@console/cloudsim';
import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  AppSlbs,
  ChangeOrderRef,
  Ingress,
  IngressSummary,
  Rollout,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let app: ApplicationDetail;
const base = '/api/accounts/sae-demo';

beforeAll(async () => {
  stack = await startStack();
  [operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  const page = await viewer.get<ApplicationPage>(`${base}/applications?status=running&pageSize=100`);
  for (const item of page.body.items) {
    const detail = await viewer.get<ApplicationDetail>(`${base}/applications/${item.id}`);
    const slbs = await viewer.get<AppSlbs>(`${base}/applications/${item.id}/slb`);
    if (!detail.body.native.lastChangeOrderRunning && slbs.body.internet === null) {
      app = detail.body;
      return;
    }
  }
  throw new Error('no idle running application without an internet load balancer');
});

afterAll(() => stack?.stop());

async function finish(id: string): Promise<Rollout> {
  for (let i = 0; i < 60; i++) {
    const rollout = (await viewer.get<Rollout>(`${base}/rollouts/${id}`)).body;
    if (!['preparing', 'running', 'waiting'].includes(rollout.status)) return rollout;
    await stack.advanceClock(30_000);
  }
  throw new Error(`change order ${id} did not finish`);
}

describe('load balancers and ingress rules through the console API', () => {
  it('binds an internet load balancer with two listeners, then unbinds it, each through a change order', async () => {
    const slb = `${base}/applications/${app.id}/slb`;
    const bound = await operator.post<ChangeOrderRef>(slb, {
      internet: [
        { port: 80, targetPort: 8080, protocol: 'TCP' },
        { port: 443, targetPort: 8080, protocol: 'HTTPS', httpsCertId: SAE_NETWORK_SEED.certs[0] },
      ],
    });
    expect(bound.status).toBe(200);
    const order = await finish(bound.body.changeOrderId);
    expect(order.type).toBe('CoBindSlb');
    expect(order.status).toBe('succeeded');
    const after = (await viewer.get<AppSlbs>(slb)).body;
    expect(after.internet?.ip).toBeTruthy();
    expect(after.internet?.listeners.map((l) => l.port).sort()).toEqual([443, 80].sort());

    const unbound = await operator.request<ChangeOrderRef>('DELETE', slb, { internet: true });
    expect(unbound.status).toBe(200);
    expect((await finish(unbound.body.changeOrderId)).type).toBe('CoUnbindSlb');
    expect((await viewer.get<AppSlbs>(slb)).body.internet).toBeNull();
  });

  it('refuses an HTTPS listener without a certificate and an empty unbind, naming the field', async () => {
    const slb = `${base}/applications/${app.id}/slb`;
    const https = await operator.post<ApiError>(slb, {
      internet: [{ port: 443, targetPort: 8080, protocol: 'HTTPS' }],
    });
    expect(https.status).toBe(400);
    expect(https.body.error.field).toBe('internet.0.httpsCertId');
    const nothing = await operator.request<ApiError>('DELETE', slb, {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.field).toBe('internet');
  });

  it('creates an ingress routing a domain to the application, edits and deletes it', async () => {
    const list = `${base}/namespaces/${encodeURIComponent(app.namespaceId)}/ingresses`;
    const created = await operator.post<{ id: string }>(list, {
      slbId: SAE_NETWORK_SEED.intranetSlbs[app.namespaceId.split(':')[1] as 'prod'],
      listenerPort: 8088,
      description: 'shop-routes',
      defaultRule: { appId: app.id, containerPort: 8080 },
      rules: [{ appId: app.id, containerPort: 8080, domain: 'shop.example.com', path: '/api' }],
    });
    expect(created.status).toBe(200);
    expect((await viewer.get<IngressSummary[]>(list)).body.map((i) => i.id)).toContain(created.body.id);
    const one = `${base}/ingresses/${created.body.id}`;
    const read = (await viewer.get<Ingress>(one)).body;
    expect(read.listenerPort).toBe(8088);
    expect(read.rules[0]).toMatchObject({
      appId: app.id,
      domain: 'shop.example.com',
      path: '/api',
      appName: app.name,
    });

    const updated = await operator.request('PUT', one, {
      rules: [{ appId: app.id, containerPort: 8080, domain: 'shop.example.com', path: '/v2' }],
    });
    expect(updated.status).toBe(200);
    expect((await viewer.get<Ingress>(one)).body.rules[0]?.path).toBe('/v2');

    expect((await operator.request('DELETE', one)).status).toBe(200);
    expect((await viewer.get<IngressSummary[]>(list)).body.map((i) => i.id)).not.toContain(created.body.id);
    expect((await viewer.get(one)).status).toBe(404);
  });
});
