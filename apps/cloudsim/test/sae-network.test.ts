import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { NETWORK_SEED } from '../src/sae/network';
import { expectSdkError, type Json, KEY, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;
let appSeq = 0;

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
});
afterAll(() => sim.close());

const PROD = 'cn-hangzhou:prod';
const DEV = 'cn-hangzhou:dev';
const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/test';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const ingressPath = '/pop/v1/sam/ingress/Ingress';
const slbPath = '/pop/v1/sam/app/slb';

function createIngress(query: object, rules: unknown[]) {
  const body = `Rules=${encodeURIComponent(JSON.stringify(rules))}`;
  return client.request('POST', ingressPath, query, body, FORM);
}
function updateIngress(query: object, rules?: unknown[]) {
  const body = rules ? `Rules=${encodeURIComponent(JSON.stringify(rules))}` : '';
  return client.request('PUT', ingressPath, query, body, FORM);
}
const describeIngress = (id: number) => client.request('GET', ingressPath, { IngressId: id });
const deleteIngress = (id: number) => client.request('DELETE', ingressPath, { IngressId: id });
const listIngresses = (query: object) => client.request('GET', '/pop/v1/sam/ingress/IngressList', query);
const bindSlb = (query: object) => client.request('POST', slbPath, query, '');
const unbindSlb = (query: object) => client.request('DELETE', slbPath, query);
const describeSlbs = (appId: string) => client.request('GET', slbPath, { AppId: appId });

async function orderDone(id: string): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const o = (await api.describeChangeOrder({ ChangeOrderId: id })).Data;
    if ([2, 3, 6, 10].includes(o.Status)) return o;
    sim.clock.advance(5_000);
  }
  throw new Error(`change order ${id} never finished`);
}

async function appId(namespaceId: string, name: string): Promise<string> {
  const list = await api.listApplications({ NamespaceId: namespaceId, AppName: name, PageSize: 50 });
  const app = (list.Data.Applications as Json[]).find((a) => a.AppName === name);
  if (!app) throw new Error(`no app ${name}`);
  return app.AppId;
}

async function newApp(namespaceId = DEV): Promise<string> {
  const name = `net-${++appSeq}`;
  const created = await api.createApplication({
    AppName: name,
    NamespaceId: namespaceId,
    PackageType: 'Image',
    ImageUrl: `${REGISTRY}/${name}:1.0`,
    Replicas: 1,
    Cpu: 500,
    Memory: 1024,
  });
  await orderDone(created.Data.ChangeOrderId);
  return created.Data.AppId;
}

describe('OpenSaeService', () => {
  it('answers ORDER.OPEND on the seeded account, and opens a fresh account once', async () => {
    const err = await expectSdkError(client.request('POST', '/service/open', {}, ''));
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('ORDER.OPEND');

    const fresh = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0, seed: false });
    try {
      const c = sdk(fresh);
      const opened = await c.request('GET', '/service/open', {});
      expect(Object.keys(opened).sort()).toEqual(['OrderId', 'RequestId']);
      expect(opened.OrderId).toMatch(/^\d{15}$/);
      const again = await expectSdkError(c.request('POST', '/service/open', {}, ''));
      expect(again.code).toBe('ORDER.OPEND');
    } finally {
      await fresh.close();
    }
  });
});

describe('UpdateNamespaceVpc', () => {
  it('is refused while the namespace has ingresses or apps, and moves an empty namespace', async () => {
    const hasIngress = await expectSdkError(
      client.request('POST', '/pop/v1/sam/namespace/updateNamespaceVpc', {
        NamespaceId: PROD,
        VpcId: 'vpc-bp1newvpc0000001',
      }),
    );
    expect(hasIngress.code).toBe('DeleteFail.NamespaceHasIngress');

    const hasApps = await expectSdkError(
      client.request('POST', '/pop/v1/sam/namespace/updateNamespaceVpc', {
        NamespaceId: 'cn-hangzhou:staging',
        VpcId: 'vpc-bp1newvpc0000001',
      }),
    );
    expect(hasApps.statusCode).toBe(400);
    expect(hasApps.code).toBe('Namespace.AppExists');

    await client.request('POST', '/pop/v1/paas/namespace', {
      NamespaceId: 'cn-hangzhou:vpcmove',
      NamespaceName: 'vpc move',
    });
    const moved = await client.request('POST', '/pop/v1/sam/namespace/updateNamespaceVpc', {
      NamespaceId: 'cn-hangzhou:vpcmove',
      VpcId: 'vpc-bp1newvpc0000001',
    });
    expect(moved.Success).toBe(true);
    expect(moved.Data).toBeUndefined();
    const list = await client.request('GET', '/pop/v1/sam/namespace/describeNamespaceList', {});
    const ns = (list.Data as Json[]).find((n) => n.NamespaceId === 'cn-hangzhou:vpcmove');
    expect(ns?.VpcId).toBe('vpc-bp1newvpc0000001');

    const missing = await expectSdkError(
      client.request('POST', '/pop/v1/sam/namespace/updateNamespaceVpc', {
        NamespaceId: 'cn-hangzhou:nope',
        VpcId: 'vpc-bp1newvpc0000001',
      }),
    );
    expect(missing.code).toBe('InvalidNamespaceId.NotFound');
  });
});

describe('Ingress', () => {
  it('lists the seeded ingress per namespace and describes its rules with app names', async () => {
    const prod = await listIngresses({ NamespaceId: PROD });
    const list = prod.Data.IngressList as Json[];
    expect(list.map((i) => i.Id)).toContain(NETWORK_SEED.ingressId);
    const seeded = list.find((i) => i.Id === NETWORK_SEED.ingressId) as Json;
    expect(seeded).toMatchObject({ ListenerPort: '80', SlbType: 'internet', LoadBalanceType: 'clb' });
    expect((await listIngresses({ NamespaceId: DEV })).Data.IngressList).toEqual([]);

    const detail = (await describeIngress(NETWORK_SEED.ingressId)).Data;
    expect(detail.ListenerPort).toBe(80);
    expect(detail.DefaultRule.AppName).toBe('web-frontend');
    expect(detail.Rules.map((r: Json) => r.AppName)).toEqual(['api-gateway', 'cart-service']);

    const cart = await appId(PROD, 'cart-service');
    const byApp = (await listIngresses({ NamespaceId: PROD, AppId: cart })).Data.IngressList as Json[];
    expect(byApp.map((i) => i.Id)).toEqual([NETWORK_SEED.ingressId]);
  });

  it('creates, updates and deletes a rule set bound to an SLB port', async () => {
    const a = await newApp();
    const b = await newApp();
    const slb = NETWORK_SEED.internetSlbs[1];
    const created = await createIngress(
      {
        NamespaceId: DEV,
        SlbId: slb,
        ListenerPort: 8080,
        Description: 'dev-entry',
        DefaultRule: JSON.stringify({ appId: a, containerPort: 8080 }),
      },
      [{ appId: b, containerPort: 9000, domain: 'dev.example.com', path: '/b' }],
    );
    const id = created.Data.IngressId as number;
    expect(typeof id).toBe('number');

    const taken = await expectSdkError(
      createIngress(
        {
          NamespaceId: DEV,
          SlbId: slb,
          ListenerPort: 8080,
          DefaultRule: JSON.stringify({ appId: a, containerPort: 80 }),
        },
        [],
      ),
    );
    expect(taken.code).toBe('SlbListenerPort.NotAvailable');
    expect(taken.message).toContain(`slbId [${slb}], port [8080]`);

    await updateIngress(
      { IngressId: id, ListenerPort: '8443', ListenerProtocol: 'HTTPS', CertId: NETWORK_SEED.certs[1] },
      [{ appId: a, containerPort: 8080, domain: 'dev.example.com', path: '/a' }],
    );
    const detail = (await describeIngress(id)).Data;
    expect(detail).toMatchObject({ ListenerPort: 8443, ListenerProtocol: 'HTTPS', Name: 'dev-entry' });
    expect(detail.Rules).toHaveLength(1);
    expect(detail.Rules[0].Path).toBe('/a');

    // Port 8080 is free again after the update moved the listener.
    const reused = await createIngress(
      {
        NamespaceId: DEV,
        SlbId: slb,
        ListenerPort: 8080,
        DefaultRule: JSON.stringify({ appId: b, containerPort: 80 }),
      },
      [],
    );
    expect((await deleteIngress(id)).Data.IngressId).toBe(id);
    await deleteIngress(reused.Data.IngressId);
    const gone = await expectSdkError(describeIngress(id));
    expect(gone.code).toBe('InvalidParameter.WithMessage');
  });

  it('validates SLB, apps of the namespace, certificates and the 40-rule limit', async () => {
    const a = await newApp();
    const def = JSON.stringify({ appId: a, containerPort: 8080 });
    const base = { NamespaceId: DEV, ListenerPort: 81, DefaultRule: def };
    const cases: [object, unknown[], string][] = [
      [{ ...base, SlbId: 'lb-bp1doesnotexist000' }, [], 'Slb.NotFound'],
      [{ ...base, SlbId: NETWORK_SEED.sshSlb, ListenerPort: 22 }, [], 'SlbListenerPort.NotAvailable'],
      [
        { ...base, SlbId: NETWORK_SEED.internetSlbs[1], ListenerProtocol: 'HTTPS', CertId: 'nope' },
        [],
        'SSLCert.NotFound',
      ],
      [
        { ...base, SlbId: NETWORK_SEED.internetSlbs[1], ListenerProtocol: 'HTTPS' },
        [],
        'InvalidParameter.NotEmpty',
      ],
      [
        { ...base, SlbId: NETWORK_SEED.internetSlbs[1] },
        Array.from({ length: 41 }, (_, i) => ({
          appId: a,
          containerPort: 80,
          domain: 'x.example.com',
          path: `/${i}`,
        })),
        'Exceed.IngressRule',
      ],
    ];
    for (const [query, rules, code] of cases) {
      const err = await expectSdkError(createIngress(query, rules));
      expect(err.code, code).toBe(code);
      expect(err.statusCode).toBe(400);
    }
    // An app of another namespace cannot be a target.
    const prodApp = await appId(PROD, 'web-frontend');
    const cross = await expectSdkError(
      createIngress(
        {
          ...base,
          SlbId: NETWORK_SEED.internetSlbs[1],
          DefaultRule: JSON.stringify({ appId: prodApp, containerPort: 80 }),
        },
        [],
      ),
    );
    expect(cross.code).toBe('InvalidParameter.WithMessage');
    expect(cross.message).toContain(DEV);
    const noRules = await expectSdkError(
      client.request('POST', ingressPath, { ...base, SlbId: NETWORK_SEED.internetSlbs[1] }, ''),
    );
    expect(noRules.code).toBe('InvalidParameter.NotEmpty');
  });

  it('deleting an app drops its rules (and an ingress whose default app it was), with an event', async () => {
    const a = await newApp();
    const b = await newApp();
    const id = (
      await createIngress(
        {
          NamespaceId: DEV,
          SlbId: NETWORK_SEED.internetSlbs[1],
          ListenerPort: 7001,
          DefaultRule: JSON.stringify({ appId: a, containerPort: 80 }),
        },
        [{ appId: b, containerPort: 80, domain: 'b.example.com', path: '/' }],
      )
    ).Data.IngressId as number;
    await orderDone((await api.deleteApplication({ AppId: b })).Data.ChangeOrderId);
    expect((await describeIngress(id)).Data.Rules).toEqual([]);
    const events = await api.listAppEvents({ Namespace: 'cn-hangzhou', AppId: a, PageSize: 100 });
    expect(JSON.stringify(events.Data)).toContain('IngressRuleRemoved');

    await orderDone((await api.deleteApplication({ AppId: a })).Data.ChangeOrderId);
    const list = (await listIngresses({ NamespaceId: DEV })).Data.IngressList as Json[];
    expect(list.map((i) => i.Id)).not.toContain(id);
  });
});

describe('SLB bindings', () => {
  it('shows the seeded bindings', async () => {
    const web = (await describeSlbs(await appId(PROD, 'web-frontend'))).Data;
    expect(web.InternetSlbId).toMatch(/^lb-/);
    expect(web.InternetIp).toMatch(/^47\./);
    expect(web.Internet).toContainEqual({
      Port: 443,
      TargetPort: 8080,
      Protocol: 'HTTPS',
      HttpsCertId: NETWORK_SEED.certs[0],
    });
    expect(web.Intranet).toEqual([]);
    const gw = (await describeSlbs(await appId(PROD, 'api-gateway'))).Data;
    expect(gw.IntranetSlbId).toBe(NETWORK_SEED.intranetSlbs.prod);

    // ListApplications finds an app by the address of a bound SLB.
    const found = await api.listApplications({ FieldType: 'slbIps', FieldValue: web.InternetIp });
    expect((found.Data.Applications as Json[]).map((a) => a.AppName)).toEqual(['web-frontend']);
  });

  it('binds through a CoBindSlb change order and shows the binding once it succeeds', async () => {
    const id = await newApp();
    const bound = await bindSlb({
      AppId: id,
      Internet: JSON.stringify([{ port: 80, targetPort: 8080, protocol: 'TCP' }]),
    });
    const orderId = bound.Data.ChangeOrderId as string;
    const running = (await api.describeChangeOrder({ ChangeOrderId: orderId })).Data;
    expect(running.CoTypeCode).toBe('CoBindSlb');
    expect((await describeSlbs(id)).Data.InternetSlbId).toBe('');
    const busy = await expectSdkError(
      bindSlb({ AppId: id, Intranet: JSON.stringify([{ port: 80, targetPort: 8080 }]) }),
    );
    expect(busy.code).toBe('Application.ChangerOrderRunning');

    expect((await orderDone(orderId)).Status).toBe(2);
    const after = (await describeSlbs(id)).Data;
    expect(after.InternetSlbId).toMatch(/^lb-bp1/);
    expect(after.Internet).toEqual([{ Port: 80, TargetPort: 8080, Protocol: 'TCP', HttpsCertId: '' }]);
    const slbId = after.InternetSlbId as string;

    // Another app cannot take the same port on that SLB.
    const other = await newApp();
    const clash = await expectSdkError(
      bindSlb({
        AppId: other,
        InternetSlbId: slbId,
        Internet: JSON.stringify([{ port: 80, targetPort: 80, protocol: 'TCP' }]),
      }),
    );
    expect(clash.code).toBe('SlbListenerPort.NotAvailable');

    const unbound = await unbindSlb({ AppId: id, Internet: true });
    const unbindOrder = (await api.describeChangeOrder({ ChangeOrderId: unbound.Data.ChangeOrderId })).Data;
    expect(unbindOrder.CoTypeCode).toBe('CoUnbindSlb');
    await orderDone(unbound.Data.ChangeOrderId);
    expect((await describeSlbs(id)).Data).toMatchObject({ InternetSlbId: '', Internet: [] });

    // The SLB SAE bought was released with the binding.
    const released = await expectSdkError(
      bindSlb({
        AppId: other,
        InternetSlbId: slbId,
        Internet: JSON.stringify([{ port: 80, targetPort: 80 }]),
      }),
    );
    expect(released.code).toBe('Slb.NotFound');
    const nothing = await expectSdkError(unbindSlb({ AppId: id, Intranet: true }));
    expect(nothing.code).toBe('InvalidParameter.WithMessage');
  });

  it('refuses unusable SLBs, listeners and app states with the documented codes', async () => {
    const id = await newApp();
    const l = (x: object[]) => JSON.stringify(x);
    const cases: [object, string][] = [
      [
        { InternetSlbId: 'lb-bp1doesnotexist000', Internet: l([{ port: 80, targetPort: 80 }]) },
        'Slb.NotFound',
      ],
      [
        { InternetSlbId: NETWORK_SEED.sharedSlb, Internet: l([{ port: 80, targetPort: 80 }]) },
        'SlbSpec.NotSupport',
      ],
      [
        { InternetSlbId: NETWORK_SEED.ackSlb, Internet: l([{ port: 80, targetPort: 80 }]) },
        'Slb.Tag.Not.Qualified',
      ],
      [
        { IntranetSlbId: NETWORK_SEED.internetSlbs[1], Intranet: l([{ port: 80, targetPort: 80 }]) },
        'SlbType.Invalid',
      ],
      [
        { IntranetSlbId: NETWORK_SEED.intranetSlbs.prod, Intranet: l([{ port: 80, targetPort: 80 }]) },
        'SlbAppVSwitch.NotMatch',
      ],
      [
        { InternetSlbId: NETWORK_SEED.sshSlb, Internet: l([{ port: 22, targetPort: 22 }]) },
        'SlbListenerPort.NotAvailable',
      ],
      [{ Internet: l([{ port: 443, targetPort: 80, protocol: 'HTTPS' }]) }, 'SlbHttpsCert.NotFound'],
      [
        { Internet: l([{ port: 443, targetPort: 80, protocol: 'HTTPS', httpsCertId: 'x' }]) },
        'SSLCert.NotFound',
      ],
      [
        {
          Internet: l([
            { port: 443, targetPort: 80, protocol: 'HTTPS', httpsCertId: NETWORK_SEED.certs[0] },
            { port: 8443, targetPort: 80, protocol: 'HTTPS', httpsCertId: NETWORK_SEED.certs[1] },
          ]),
        },
        'SlbHttpsCert.NotConsistent',
      ],
      [{ Internet: l([{ port: 80, targetPort: 80, protocol: 'UDP' }]) }, 'SlbListenerType.Invalid'],
      [{ Internet: 'not json' }, 'InvalidParameter.Obviously'],
    ];
    for (const [query, code] of cases) {
      const err = await expectSdkError(bindSlb({ AppId: id, ...query }));
      expect(err.code, code).toBe(code);
      expect(err.statusCode).toBe(400);
    }

    const unknown = await expectSdkError(
      bindSlb({ AppId: '00000000-0000-4000-8000-000000000000', Internet: l([{ port: 1, targetPort: 1 }]) }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.code).toBe('InvalidAppId.NotFound');
    const notFound = await expectSdkError(describeSlbs('00000000-0000-4000-8000-000000000000'));
    expect(notFound.code).toBe('InvalidAppId.NotFound');

    const neverDeployed = await appId(DEV, 'search-indexer');
    const notDeployed = await expectSdkError(
      bindSlb({ AppId: neverDeployed, Internet: l([{ port: 80, targetPort: 80 }]) }),
    );
    expect(notDeployed.code).toBe('Application.NotDeployYet');

    await orderDone((await api.stopApplication({ AppId: id })).Data.ChangeOrderId);
    const stopped = await expectSdkError(bindSlb({ AppId: id, Internet: l([{ port: 80, targetPort: 80 }]) }));
    expect(stopped.code).toBe('Application.NoInstanceAvailable');
  });

  it('a deleted app leaves no binding behind and frees its ports', async () => {
    const id = await newApp();
    const slb = NETWORK_SEED.internetSlbs[1];
    await orderDone(
      (
        await bindSlb({
          AppId: id,
          InternetSlbId: slb,
          Internet: JSON.stringify([{ port: 9100, targetPort: 80 }]),
        })
      ).Data.ChangeOrderId,
    );
    await orderDone((await api.deleteApplication({ AppId: id })).Data.ChangeOrderId);
    const gone = await expectSdkError(describeSlbs(id));
    expect(gone.code).toBe('InvalidApplication.NotFound');
    expect(gone.statusCode).toBe(400);
    const other = await newApp();
    const ok = await bindSlb({
      AppId: other,
      InternetSlbId: slb,
      Internet: JSON.stringify([{ port: 9100, targetPort: 80 }]),
    });
    expect((await orderDone(ok.Data.ChangeOrderId)).Status).toBe(2);
  });
});

describe('UpdateAppSecurityGroup', () => {
  it('changes the security group shown in the app config, without a change order', async () => {
    const id = await newApp();
    const before = (await api.listChangeOrders({ AppId: id })).Data.TotalSize;
    const res = await client.request('PUT', '/pop/v1/sam/app/updateAppSecurityGroup', {
      AppId: id,
      SecurityGroupId: 'sg-bp1newgroup000001',
    });
    expect(res.Success).toBe(true);
    expect(res.Data).toBeUndefined();
    expect((await api.describeConfig({ AppId: id })).Data.SecurityGroupId).toBe('sg-bp1newgroup000001');
    expect((await api.listChangeOrders({ AppId: id })).Data.TotalSize).toBe(before);

    const bad = await expectSdkError(
      client.request('PUT', '/pop/v1/sam/app/updateAppSecurityGroup', { AppId: id, SecurityGroupId: 'nope' }),
    );
    expect(bad.code).toBe('InvalidParameter.WithMessage');
    const missing = await expectSdkError(
      client.request('PUT', '/pop/v1/sam/app/updateAppSecurityGroup', {
        AppId: '00000000-0000-4000-8000-000000000000',
        SecurityGroupId: 'sg-bp1newgroup000001',
      }),
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('InvalidAppId.NotFound');
  });
});
