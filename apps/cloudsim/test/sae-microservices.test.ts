import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
});
afterAll(() => sim.close());

const published = (q: object) => client.request('GET', '/pop/v1/sam/service/listPublishedServices', q);
const consumed = (q: object) => client.request('GET', '/pop/v1/sam/service/listConsumedServices', q);
const servicesPage = (q: object) => client.request('GET', '/pop/v1/sam/service/listAppServicesPage', q);
const serviceDetail = (q: object) => client.request('GET', '/pop/v1/sam/service/describeAppServiceDetail', q);

const appId = (ns: string, name: string): string => {
  const app = sim.sae.findApp(`cn-hangzhou:${ns}`, name);
  if (!app) throw new Error(`no seeded app ${ns}/${name}`);
  return app.AppId;
};

async function runningIps(id: string): Promise<string[]> {
  const groups = (await api.describeGroups({ AppId: id })).Data as Json[];
  const ips: string[] = [];
  for (const group of groups) {
    const data = (
      await api.describeInstances({ AppId: id, GroupId: group.GroupId, CurrentPage: 1, PageSize: 100 })
    ).Data;
    for (const i of data.Instances as Json[]) {
      if (i.InstanceContainerStatus === 'Running') ips.push(i.InstanceContainerIp);
    }
  }
  return ips.sort();
}

async function settle(changeOrderId: string): Promise<Json> {
  for (let i = 0; i < 400; i++) {
    const order = (await api.describeChangeOrder({ ChangeOrderId: changeOrderId })).Data;
    if ([2, 3, 6, 10].includes(order.Status)) return order;
    sim.clock.advance(5_000);
  }
  throw new Error('change order did not finish');
}

describe('microservice lists', () => {
  it('answers the documented envelope with the services an app publishes, at its running addresses', async () => {
    const id = appId('prod', 'risk-engine');
    const res = await published({ AppId: id });
    expect(res).toMatchObject({ Code: '200', Success: true, Message: 'success' });
    expect(res.TraceId).toBeTypeOf('string');
    expect(res.Data).toEqual([
      {
        Type: 'RPC',
        Groups: ['DUBBO'],
        Version: '1.0.0',
        AppId: id,
        Group2Ip: '{}',
        Ips: expect.any(Array),
        Name: 'com.example.risk.RiskScoringService',
      },
    ]);
    expect([...res.Data[0].Ips].sort()).toEqual(await runningIps(id));
    expect(res.Data[0].Ips.length).toBe(2);
  });

  it('seeds a consistent graph: every consumed service is published in the same namespace', async () => {
    const apps = sim.sae.store.liveApps();
    const publishedBy = new Map<string, string[]>();
    let consumers = 0;
    for (const app of apps) {
      for (const s of (await published({ AppId: app.AppId })).Data as Json[]) {
        const key = `${app.NamespaceId}|${s.Name}|${s.Version}|${s.Groups[0]}`;
        publishedBy.set(key, [...(publishedBy.get(key) ?? []), app.AppName]);
      }
    }
    for (const app of apps) {
      for (const s of (await consumed({ AppId: app.AppId })).Data as Json[]) {
        consumers++;
        expect(s.AppId).toBe(app.AppId);
        expect(publishedBy.get(`${app.NamespaceId}|${s.Name}|${s.Version}|${s.Groups[0]}`)).toBeDefined();
      }
    }
    expect(consumers).toBeGreaterThanOrEqual(6);
    const orders = (await consumed({ AppId: appId('prod', 'order-service') })).Data as Json[];
    expect(orders.map((s) => s.Name).sort()).toEqual(['cart-service', 'user-center']);
    expect(orders[0]).toMatchObject({ Type: 'springCloud', Groups: ['springCloud'], Version: '1.0.0' });
    // A plain app (nginx edge proxy) neither publishes nor consumes.
    expect((await published({ AppId: appId('prod', 'api-gateway') })).Data).toEqual([]);
    expect((await consumed({ AppId: appId('prod', 'api-gateway') })).Data).toEqual([]);
  });

  it('follows the app: scaling out adds addresses, stopping removes them', async () => {
    const id = appId('prod', 'user-center');
    expect((await published({ AppId: id })).Data[0].Ips).toHaveLength(3);
    const scaled = await api.rescaleApplication({ AppId: id, Replicas: 5 });
    expect((await settle(scaled.Data.ChangeOrderId)).Status).toBe(2);
    const ips = (await published({ AppId: id })).Data[0].Ips as string[];
    expect(ips).toHaveLength(5);
    expect([...ips].sort()).toEqual(await runningIps(id));
    const page = (await servicesPage({ AppId: id })).Data[0];
    expect(page.Result[0].InstanceNum).toBe(5);
    const stopped = await api.stopApplication({ AppId: id });
    expect((await settle(stopped.Data.ChangeOrderId)).Status).toBe(2);
    expect((await published({ AppId: id })).Data[0].Ips).toEqual([]);
    expect((await servicesPage({ AppId: id })).Data[0].Result[0].InstanceNum).toBe(0);
  });

  it('reads the services of a new app from its environment variables', async () => {
    const envs = JSON.stringify([
      { name: 'SPRING_APPLICATION_NAME', value: 'coupon-service' },
      { name: 'MICROSERVICE_CONSUMES', value: 'user-center' },
    ]);
    const created = await api.createApplication({
      AppName: 'coupon-service',
      NamespaceId: 'cn-hangzhou:prod',
      PackageType: 'Image',
      ImageUrl: 'registry-vpc.cn-hangzhou.aliyuncs.com/test/coupon-service:1.0',
      Replicas: 2,
      Cpu: 500,
      Memory: 1024,
      Envs: envs,
    });
    await settle(created.Data.ChangeOrderId);
    const id = created.Data.AppId;
    const pub = (await published({ AppId: id })).Data as Json[];
    expect(pub.map((s) => s.Name)).toEqual(['coupon-service']);
    expect(pub[0]?.Ips).toHaveLength(2);
    expect(((await consumed({ AppId: id })).Data as Json[]).map((s) => s.Name)).toEqual(['user-center']);
  });

  it('refuses a missing or unknown AppId', async () => {
    const missing = await expectSdkError(published({}));
    expect(missing.statusCode).toBe(400);
    expect(missing.code).toBe('InvalidParameter.NotEmpty');
    const unknown = await expectSdkError(consumed({ AppId: '00000000-0000-0000-0000-000000000000' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.code).toBe('InvalidAppId.NotFound');
  });
});

describe('ListAppServicesPage', () => {
  it('pages every published service as an array of page objects with String paging fields', async () => {
    const all = await servicesPage({});
    expect(all).toMatchObject({ Code: '200', Success: true });
    expect(Array.isArray(all.Data)).toBe(true);
    const page = all.Data[0];
    expect(page).toMatchObject({ CurrentPage: '1', PageNumber: '1', PageSize: '9999' });
    const total = Number(page.TotalSize);
    expect(total).toBe(page.Result.length);
    expect(total).toBeGreaterThanOrEqual(10);
    const risk = (page.Result as Json[]).find((r) => r.ServiceName === 'com.example.risk.RiskScoringService');
    expect(risk).toEqual({
      EdasAppName: 'cn-hangzhou-prod-risk-engine',
      Version: '1.0.0',
      InstanceNum: 2,
      EdasAppId: expect.stringMatching(/^[0-9a-f]{10}@[0-9a-f]{15}$/),
      ServiceName: 'com.example.risk.RiskScoringService',
      Group: 'DUBBO',
    });

    const dubbo = (await servicesPage({ ServiceType: 'dubbo' })).Data[0].Result as Json[];
    expect(dubbo.length).toBeGreaterThan(0);
    expect(dubbo.every((r) => r.Group === 'DUBBO')).toBe(true);
    const spring = (await servicesPage({ ServiceType: 'springCloud' })).Data[0].Result as Json[];
    expect(spring.length + dubbo.length).toBe(total);

    const second = (await servicesPage({ PageNumber: 2, PageSize: 3 })).Data[0];
    expect(second).toMatchObject({ CurrentPage: '2', PageSize: '3', TotalSize: String(total) });
    expect(second.Result).toEqual(page.Result.slice(3, 6));
  });

  it('validates ServiceType, PageSize and AppId with the documented codes', async () => {
    const type = await expectSdkError(servicesPage({ ServiceType: 'hsf' }));
    expect([type.statusCode, type.code]).toEqual([400, 'InvalidParameter.Obviously']);
    const size = await expectSdkError(servicesPage({ PageSize: 10000 }));
    expect([size.statusCode, size.code]).toEqual([400, 'InvalidParameter.Obviously']);
    const app = await expectSdkError(servicesPage({ AppId: '00000000-0000-0000-0000-000000000000' }));
    expect([app.statusCode, app.code]).toEqual([400, 'Micro.Service.NotFound']);
  });
});

describe('DescribeAppServiceDetail', () => {
  it('describes a Dubbo service with its methods and registration metadata', async () => {
    const res = await serviceDetail({
      AppId: appId('prod', 'payment-gateway'),
      ServiceType: 'dubbo',
      ServiceName: 'com.example.pay.PaymentService',
      ServiceGroup: 'DUBBO',
      ServiceVersion: '1.0.0',
    });
    expect(res).toMatchObject({ Code: '200', Success: true });
    expect(res.Data).toMatchObject({
      ServiceName: 'com.example.pay.PaymentService',
      ServiceType: 'dubbo',
      Group: 'DUBBO',
      Version: '1.0.0',
      EdasAppName: 'cn-hangzhou-prod-payment-gateway',
      DubboApplicationName: 'payment-gateway',
      Metadata: { side: 'provider', port: '20880', preserved: { register: { source: 'DUBBO' } } },
    });
    expect((res.Data.Methods as Json[]).map((m) => m.Name)).toEqual(['pay', 'refund']);
    expect(res.Data.Methods[1]).toMatchObject({
      ParameterTypes: ['java.lang.String', 'java.math.BigDecimal'],
      ParameterDefinitions: [
        { Name: 'paymentId', Type: 'java.lang.String', Description: 'paymentId' },
        { Name: 'amount', Type: 'java.math.BigDecimal', Description: 'amount' },
      ],
    });
  });

  it('describes a Spring Cloud service with its REST paths', async () => {
    const res = await serviceDetail({ AppId: appId('prod', 'user-center'), ServiceName: 'user-center' });
    expect(res.Data).toMatchObject({
      ServiceType: 'springCloud',
      Group: 'springCloud',
      SpringApplicationName: 'user-center',
      Metadata: { port: '8080', preserved: { register: { source: 'SPRING_CLOUD' } } },
    });
    expect(res.Data.Methods[0]).toMatchObject({
      MethodController: 'com.example.user.web.UserController',
      Paths: ['/users/{userId}'],
      RequestMethods: ['GET'],
    });
  });

  it('answers Micro.Service.MetaData.NotFound for a service the app does not publish', async () => {
    const consumedOnly = await expectSdkError(
      serviceDetail({ AppId: appId('prod', 'order-service'), ServiceName: 'user-center' }),
    );
    expect([consumedOnly.statusCode, consumedOnly.code]).toEqual([400, 'Micro.Service.MetaData.NotFound']);
    const wrongVersion = await expectSdkError(
      serviceDetail({ ServiceName: 'com.example.pay.PaymentService', ServiceVersion: '9.9.9' }),
    );
    expect(wrongVersion.code).toBe('Micro.Service.MetaData.NotFound');
  });
});
