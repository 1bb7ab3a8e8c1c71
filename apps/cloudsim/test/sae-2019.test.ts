import Core from '@alicloud/pop-core';
import { saeApis, saeApis2019 } from '@console/catalogue';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { claimedAccessKeyId } from '../src/sae/accounts';
import { SEED } from '../src/sae/seed';
import { expectSdkError, type Json, KEY, type RoaClient, sdk } from './helpers';

const LEGACY = { accessKeyId: 'LTAI4CloudSimLegacyTest01', accessKeySecret: 'cloudsim-legacy-test-secret' };

let sim: RunningCloudSim;
let legacy: RoaClient;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, aliyun: KEY, aliyunLegacy: LEGACY, timeScale: 0, tickMs: 0 });
  legacy = new Core.ROAClient({
    accessKeyId: LEGACY.accessKeyId,
    accessKeySecret: LEGACY.accessKeySecret,
    endpoint: sim.url,
    apiVersion: '2019-05-06',
  }) as RoaClient;
});
afterAll(() => sim.close());

/** A seed-001 call: parameters in a JSON body, as its request examples send them. */
function call(method: string, path: string, params: object = {}, client: RoaClient = legacy): Promise<Json> {
  return client.request(method, path, {}, JSON.stringify(params), { 'content-type': 'application/json' });
}

const pathOf = (name: string) => {
  const api = saeApis2019.find((a) => a.name === name);
  if (!api) throw new Error(`${name} is not in seed 001`);
  return api;
};

const NAMESPACE = ['NamespaceDescription', 'NamespaceId', 'NamespaceName', 'RegionId'];
const CHANGE_ORDER = ['ChangeOrderId'];
const SERVICE = ['AppId', 'Group2Ip', 'Groups', 'Ips', 'Name', 'Type', 'Version'];
const SLB_PORT = ['Port', 'Protocol', 'TargetPort'];

/** `Data` of a page: its own keys and the keys of the items of its lists. */
interface Page {
  keys: string[];
  lists: Record<string, string[]>;
}

/**
 * The `Data` fields seed 001 documents for each API (its tables, plus keys its examples add):
 * the keys of a `Data` object, of each item of a `Data` array, or of a page and its items; or a text.
 */
const DOCUMENTED: Record<string, string[] | Page | 'text'> = {
  CreateNamespace: NAMESPACE,
  DescribeNamespace: NAMESPACE,
  UpdateNamespace: NAMESPACE,
  DescribeNamespaces: {
    keys: ['CurrentPage', 'Namespaces', 'PageSize', 'TotalSize'],
    lists: { Namespaces: [...NAMESPACE, 'AccessKey', 'SecretKey', 'TenantId'] },
  },
  DescribeNamespaceList: [
    'AgentInstall',
    'Current',
    'Custom',
    'HybridCloudEnable',
    'NamespaceId',
    'NamespaceName',
    'RegionId',
    'VSwitchId',
    'VpcId',
  ],
  DescribeApplicationConfig: [
    'AppDescription',
    'AppId',
    'AppName',
    'BatchWaitTime',
    'Command',
    'CommandArgs',
    'Cpu',
    'CustomHostAlias',
    'EdasContainerVersion',
    'Envs',
    'ImageUrl',
    'JarStartArgs',
    'JarStartOptions',
    'Jdk',
    'Liveness',
    'Memory',
    'MinReadyInstances',
    'NamespaceId',
    'PackageType',
    'PackageUrl',
    'PackageVersion',
    'Readiness',
    'RegionId',
    'Replicas',
    'VSwitchId',
    'VpcId',
    'WebContainer',
  ],
  DescribeInstanceLog: 'text',
  DescribeComponents: ['ComponentDescription', 'ComponentKey', 'Expired', 'Type'],
  DescribeEdasContainers: ['Disabled', 'EdasContainerVersion'],
  DescribeApplicationImage: [
    'CrUrl',
    'Logo',
    'RegionId',
    'RepoName',
    'RepoNamespace',
    'RepoOriginType',
    'RepoTag',
    'RepoType',
  ],
  DescribeApplicationInstances: {
    keys: ['CurrentPage', 'Instances', 'PageSize', 'TotalSize'],
    lists: {
      Instances: [
        'CreateTimeStamp',
        'GroupId',
        'InstanceContainerIp',
        'InstanceContainerStatus',
        'InstanceId',
      ],
    },
  },
  DescribeApplicationGroups: [
    'EdasContainerVersion',
    'GroupId',
    'GroupName',
    'GroupType',
    'ImageUrl',
    'Jdk',
    'PackageType',
    'PackageUrl',
    'PackageVersion',
    'Replicas',
    'RunningInstances',
    'WebContainer',
  ],
  ListApplications: {
    keys: ['Applications', 'CurrentPage', 'PageSize', 'TotalSize'],
    lists: {
      Applications: ['AppDeletingStatus', 'AppId', 'AppName', 'Instances', 'RegionId', 'RunningInstances'],
    },
  },
  QueryResourceStatics: ['RealTimeRes', 'Summary'],
  ListLogConfigs: {
    keys: ['CurrentPage', 'LogConfigs', 'PageSize', 'TotalSize'],
    lists: {
      LogConfigs: [
        'ConfigName',
        'CreateTime',
        'LogDir',
        'LogType',
        'RegionId',
        'SlsLogStore',
        'SlsProject',
        'StoreType',
      ],
    },
  },
  DescribeApplicationStatus: [
    'AppId',
    'ArmsAdvancedEnabled',
    'ArmsApmInfo',
    'CreateTime',
    'CurrentStatus',
    'LastChangeOrderId',
    'LastChangeOrderRunning',
    'LastChangeOrderStatus',
    'RunningInstances',
  ],
  DeployApplication: ['AppId', 'ChangeOrderId'],
  CreateApplication: ['AppId', 'ChangeOrderId'],
  DeleteApplication: CHANGE_ORDER,
  StopApplication: CHANGE_ORDER,
  RescaleApplicationVertically: CHANGE_ORDER,
  StartApplication: CHANGE_ORDER,
  ConfirmPipelineBatch: ['PipelineId'],
  ListChangeOrders: {
    keys: ['ChangeOrderList', 'CurrentPage', 'PageSize', 'TotalSize'],
    lists: {
      ChangeOrderList: [
        'AppId',
        'BatchCount',
        'BatchType',
        'ChangeOrderId',
        'CoType',
        'CoTypeCode',
        'CreateTime',
        'Description',
        'FinishTime',
        'GroupId',
        'Source',
        'Status',
      ],
    },
  },
  AbortAndRollbackChangeOrder: CHANGE_ORDER,
  DescribeChangeOrder: {
    keys: [
      'AppName',
      'Auto',
      'BatchCount',
      'BatchType',
      'BatchWaitTime',
      'ChangeOrderId',
      'CoType',
      'CoTypeCode',
      'CreateTime',
      'CurrentPipelineId',
      'Description',
      'ErrorMessage',
      'Pipelines',
      'Status',
      'SupportRollback',
    ],
    lists: {
      Pipelines: [
        'BatchType',
        'ParallelCount',
        'PipelineId',
        'PipelineName',
        'StartTime',
        'Status',
        'UpdateTime',
      ],
    },
  },
  DescribeInstanceSpecifications: ['Cpu', 'Enable', 'Id', 'Memory', 'SpecInfo', 'Version'],
  RescaleApplication: CHANGE_ORDER,
  RestartApplication: CHANGE_ORDER,
  AbortChangeOrder: CHANGE_ORDER,
  BindSlb: CHANGE_ORDER,
  UnbindSlb: CHANGE_ORDER,
  DescribeApplicationSlbs: {
    keys: ['Internet', 'InternetIp', 'Intranet', 'IntranetIp'],
    lists: { Internet: SLB_PORT, Intranet: SLB_PORT },
  },
  ListConsumedServices: SERVICE,
  ListPublishedServices: SERVICE,
};

const keysOf = (row: unknown) => Object.keys(row as object).sort();

/** `Data` carries exactly the fields seed 001 documents for the API. */
function expectDocumentedData(name: string, data: unknown): void {
  const shape = DOCUMENTED[name];
  if (!shape) {
    expect(data, `${name} documents no Data`).toBeUndefined();
    return;
  }
  if (shape === 'text') {
    expect(data, name).toEqual(expect.any(String));
    return;
  }
  if (Array.isArray(shape)) {
    const rows = Array.isArray(data) ? data : [data];
    for (const row of rows) expect(keysOf(row), name).toEqual([...shape].sort());
    return;
  }
  expect(keysOf(data), name).toEqual([...shape.keys].sort());
  for (const [list, keys] of Object.entries(shape.lists)) {
    for (const row of (data as Json)[list] as unknown[])
      expect(keysOf(row), `${name}.${list}`).toEqual([...keys].sort());
  }
}

/** Calls an API of the 2019 catalogue by name and checks seed 001's success envelope. */
async function api2019(name: string, params: object = {}): Promise<Json> {
  const spec = pathOf(name);
  const body = await call(spec.method, spec.path, params);
  if (name === 'DescribeRegions') return body;
  expect(body).toMatchObject({ Message: 'success', Success: true, ErrorCode: 'success', Code: 200 });
  expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  if (name === 'ListApplications' || name === 'RescaleApplication')
    expect(body).not.toHaveProperty('TraceId');
  else expect(body.TraceId).toEqual(expect.any(String));
  expectDocumentedData(name, body.Data);
  return body;
}

const legacyApp = (ns: string, name: string) => {
  const app = sim.saeLegacy.findApp(`cn-hangzhou:${ns}`, name);
  if (!app) throw new Error(`no seeded app ${ns}/${name}`);
  return app.AppId;
};

/** Lets every running change order of the legacy world finish. */
function settle(): void {
  sim.clock.advance(10 * 60_000);
  sim.saeLegacy.advance();
}

describe('2019 profile: protocol', () => {
  it('answers seed 001 envelopes: numeric Code and ErrorCode "success"', async () => {
    const list = await api2019('DescribeNamespaceList', { ContainCustom: true });
    expect(list.Data.map((n: Json) => n.NamespaceId)).toEqual(SEED.namespaces);
    expect(list.Data[0]).not.toHaveProperty('SecurityGroupId');
    expect(list.Data[0]).toMatchObject({ Custom: true, VpcId: expect.stringMatching(/^vpc-/) });
  });

  it('keeps the 2022 profile for the 2022 key', async () => {
    const list = await sdk(sim).request('GET', '/pop/v1/sam/namespace/describeNamespaceList', {});
    expect(list).toMatchObject({ Code: '200', Success: true });
    expect(list).not.toHaveProperty('ErrorCode');
    expect(list.Data[0]).toHaveProperty('SecurityGroupId');
    const apps = await sdk(sim).request('GET', '/pop/v1/sam/app/listApplications', { PageSize: 5 });
    expect(apps).toMatchObject({ CurrentPage: 1, PageSize: 5, TotalSize: 20 });
  });

  it('requires what seed 001 requires (ContainCustom, ListApplications.CurrentPage)', async () => {
    const missing = await expectSdkError(call('GET', '/pop/v1/sam/namespace/describeNamespaceList'));
    expect(missing.statusCode).toBe(400);
    expect(missing.code).toBe('InvalidParameter.NotEmpty');
    expect(missing.result).toMatchObject({ Success: false, ErrorCode: 'InvalidParameter.NotEmpty' });
    expect(missing.message).toContain('ContainCustom');
    const page = await expectSdkError(call('GET', '/pop/v1/sam/app/listApplications', { PageSize: 5 }));
    expect(page.code).toBe('InvalidParameter.NotEmpty');
    expect(page.message).toContain('CurrentPage');
  });

  it('does not know the 2022-only APIs, nor the 2022 path of AbortAndRollbackChangeOrder', async () => {
    const appId = legacyApp('prod', 'user-center');
    const versions = await expectSdkError(call('GET', '/pop/v1/sam/app/listAppVersions', { AppId: appId }));
    expect(versions.statusCode).toBe(404);
    expect(versions.code).toBe('InvalidApi.NotFound');
    const open = await expectSdkError(call('POST', '/service/open'));
    expect(open.code).toBe('InvalidApi.NotFound');
    const v1 = await expectSdkError(
      call('PUT', '/pop/v1/sam/changeorder/AbortAndRollbackChangeOrder', { ChangeOrderId: 'x' }),
    );
    expect(v1.code).toBe('InvalidApi.NotFound');
    // And the legacy path is unknown to the 2022 account.
    const v5 = await expectSdkError(
      sdk(sim).request('PUT', '/pop/v5/changeorder/ChangeOrderAbortAndRollback', { ChangeOrderId: 'x' }, ''),
    );
    expect(v5.statusCode).toBe(404);
    expect(v5.code).toBe('InvalidApi.NotFound');
  });

  it('finds the account in ROA and V3 Authorization headers', () => {
    const named = (authorization: string) => claimedAccessKeyId({ headers: { authorization } } as Request);
    expect(named('acs LTAI4Legacy:c2lnbmF0dXJl')).toBe('LTAI4Legacy');
    expect(
      named('ACS3-HMAC-SHA256 Credential=LTAI4Legacy,SignedHeaders=host;x-acs-date,Signature=abcdef'),
    ).toBe('LTAI4Legacy');
    expect(named('')).toBeUndefined();
  });

  it('has the 37 APIs of seed 001 on the 2022 paths but one', () => {
    expect(saeApis2019).toHaveLength(37);
    const moved = saeApis2019.filter((legacyApi) => {
      const modern = saeApis.find((m) => m.name === legacyApi.name);
      expect(modern, legacyApi.name).toBeDefined();
      return modern?.method !== legacyApi.method || modern?.path !== legacyApi.path;
    });
    expect(moved.map((m) => `${m.name} ${m.method} ${m.path}`)).toEqual([
      'AbortAndRollbackChangeOrder PUT /pop/v5/changeorder/ChangeOrderAbortAndRollback',
    ]);
  });

  it('answers 404 InvalidApi.NotFound for every one of the 42 APIs seed 001 does not have', async () => {
    const known = new Set(saeApis2019.map((a) => a.name));
    const modernOnly = saeApis.filter((a) => !known.has(a.name));
    expect(modernOnly).toHaveLength(42);
    for (const modern of modernOnly) {
      const error = await expectSdkError(call(modern.method, modern.path));
      expect([modern.name, error.statusCode, error.code]).toEqual([modern.name, 404, 'InvalidApi.NotFound']);
    }
  });

  it('verifies the legacy signature with the legacy secret', async () => {
    const forged = new Core.ROAClient({
      accessKeyId: LEGACY.accessKeyId,
      accessKeySecret: KEY.accessKeySecret,
      endpoint: sim.url,
      apiVersion: '2019-05-06',
    }) as RoaClient;
    const error = await expectSdkError(call('GET', '/pop/v1/paas/regionConfig', {}, forged));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('keeps the two accounts apart: own ids, own apps', async () => {
    const legacyId = legacyApp('prod', 'order-service');
    const modernId = sim.sae.findApp('cn-hangzhou:prod', 'order-service')?.AppId;
    expect(modernId).toBeDefined();
    expect(legacyId).not.toBe(modernId);
    const unknown = await expectSdkError(
      sdk(sim).request('GET', '/pop/v1/sam/app/describeApplicationStatus', { AppId: legacyId }),
    );
    expect(unknown.code).toBe('InvalidAppId.NotFound');

    const created = await api2019('CreateApplication', {
      AppName: 'legacy-only',
      NamespaceId: 'cn-hangzhou:dev',
      PackageType: 'Image',
      ImageUrl: 'registry-vpc.cn-hangzhou.aliyuncs.com/sae-demo/nginx:1.14.2',
      Replicas: '1',
    });
    // Deploy defaults to false in seed 001: no change order.
    expect(created.Data).toEqual({ AppId: expect.any(String), ChangeOrderId: '' });
    const mine = await api2019('ListApplications', { CurrentPage: 1, PageSize: 100, AppName: 'legacy-only' });
    expect(mine.Data.Applications.map((a: Json) => a.AppId)).toEqual([created.Data.AppId]);
    const theirs = await sdk(sim).request('GET', '/pop/v1/sam/app/listApplications', {
      AppName: 'legacy-only',
    });
    expect(theirs.Data.Applications).toEqual([]);
  });

  it('shows the legacy world on the control API', async () => {
    const legacyView = (await (await fetch(`${sim.url}/__sim/sae?account=legacy`)).json()) as Json;
    const modernView = (await (await fetch(`${sim.url}/__sim/sae`)).json()) as Json;
    expect(legacyView.waitingApp.AppId).toBe(legacyApp('prod', 'order-service'));
    expect(legacyView.waitingOrder.ChangeOrderId).toBe(sim.saeLegacy.waitingOrder()?.ChangeOrderId);
    expect(modernView.waitingApp.AppId).toBe(sim.sae.findApp('cn-hangzhou:prod', 'order-service')?.AppId);
    expect(modernView.waitingApp.AppId).not.toBe(legacyView.waitingApp.AppId);
  });

  it('answers DescribeRegions with Regions.Region, as seed 001 shows', async () => {
    const regions = await api2019('DescribeRegions');
    expect(regions).toMatchObject({ Message: 'success', Code: 200 });
    expect(regions).not.toHaveProperty('Success');
    expect(regions.Regions.Region).toContainEqual({
      RegionId: 'cn-hangzhou',
      RegionEndpoint: 'sae.cn-hangzhou.aliyuncs.com',
      LocalName: '华东1（杭州）',
    });
  });

  it('takes BindSlb listeners as one JSON object each, TCP only', async () => {
    const appId = legacyApp('prod', 'user-center');
    settle();
    const http = await expectSdkError(
      call('POST', '/pop/v1/sam/app/slb', {
        AppId: appId,
        Internet: { port: 80, targetPort: 8080, protocol: 'HTTP' },
      }),
    );
    expect(http.code).toBe('InvalidParameter.ProtocolNotSupport');
    const list = await expectSdkError(
      call('POST', '/pop/v1/sam/app/slb', {
        AppId: appId,
        Internet: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      }),
    );
    expect(list.code).toBe('InvalidParameter.Obviously');
  });
});

describe('2019 profile: all 37 APIs of seed 001 through the official client', () => {
  it('answers each documented API with its seed-001 fields', async () => {
    sim.calls.clear();
    const appId = legacyApp('prod', 'user-center');
    settle();

    // 命名空间和VPC
    const ns = await api2019('CreateNamespace', {
      NamespaceId: 'cn-hangzhou:legacy',
      NamespaceName: 'legacy',
    });
    expect(ns.Data).toEqual({
      NamespaceId: 'cn-hangzhou:legacy',
      NamespaceName: 'legacy',
      NamespaceDescription: '',
      RegionId: 'cn-hangzhou',
    });
    const updated = await api2019('UpdateNamespace', {
      NamespaceId: 'cn-hangzhou:legacy',
      NamespaceName: 'legacy-2',
      NamespaceDescription: 'old SDK',
    });
    expect(updated.Data).toMatchObject({ NamespaceName: 'legacy-2', NamespaceDescription: 'old SDK' });
    expect(
      (await api2019('DescribeNamespace', { NamespaceId: 'cn-hangzhou:legacy' })).Data.NamespaceName,
    ).toBe('legacy-2');
    const nsPage = await api2019('DescribeNamespaces', { CurrentPage: 1, PageSize: 10 });
    expect(nsPage.Data).toMatchObject({ CurrentPage: 1, PageSize: 10, TotalSize: 4 });
    expect(nsPage.Data.Namespaces[0]).toHaveProperty('TenantId');
    expect((await api2019('DescribeNamespaceList', { ContainCustom: true })).Data).toHaveLength(4);

    // 应用信息
    const config = (await api2019('DescribeApplicationConfig', { AppId: appId })).Data;
    expect(config).toMatchObject({
      AppId: appId,
      AppName: 'user-center',
      PackageType: 'FatJar',
      Replicas: 3,
    });
    expect(config).not.toHaveProperty('SecurityGroupId');
    expect(config).not.toHaveProperty('UpdateStrategy');
    expect((await api2019('DescribeRegions')).Regions.Region.length).toBeGreaterThan(0);
    const groups = (await api2019('DescribeApplicationGroups', { AppId: appId })).Data;
    expect(groups[0]).toMatchObject({
      GroupName: '_DEFAULT_GROUP',
      GroupType: 0,
      Replicas: 3,
      RunningInstances: 3,
    });
    const instances = (
      await api2019('DescribeApplicationInstances', { AppId: appId, GroupId: groups[0].GroupId })
    ).Data;
    expect(instances).toMatchObject({ CurrentPage: 1, TotalSize: 3 });
    expect(Object.keys(instances.Instances[0]).sort()).toEqual([
      'CreateTimeStamp',
      'GroupId',
      'InstanceContainerIp',
      'InstanceContainerStatus',
      'InstanceId',
    ]);
    const log = await api2019('DescribeInstanceLog', { InstanceId: instances.Instances[0].InstanceId });
    expect(log.Data).toContain('Started user-center');
    const jdks = (await api2019('DescribeComponents', { AppId: appId, Type: 'JDK' })).Data;
    expect(jdks).toContainEqual({
      ComponentKey: 'Open JDK 8',
      Type: 'JDK',
      ComponentDescription: 'Open JDK 8',
      Expired: false,
    });
    const containers = (await api2019('DescribeEdasContainers')).Data;
    expect(containers[0]).toEqual({ Disabled: false, EdasContainerVersion: expect.any(String) });
    const image = await api2019('DescribeApplicationImage', {
      AppId: appId,
      ImageUrl: 'registry-vpc.cn-hangzhou.aliyuncs.com/demo/nginx:latest',
    });
    expect(image.Data).toMatchObject({
      RegionId: 'cn-hangzhou',
      RepoNamespace: 'demo',
      RepoName: 'nginx',
      RepoTag: 'latest',
      RepoOriginType: 'ALI_HUB',
    });
    const apps = await api2019('ListApplications', { CurrentPage: 1, PageSize: 5 });
    expect(apps).not.toHaveProperty('CurrentPage');
    expect(apps.Data).toMatchObject({ CurrentPage: 1, PageSize: 5 });
    expect(apps.Data.Applications).toHaveLength(5);
    expect(Object.keys(apps.Data.Applications[0]).sort()).toEqual([
      'AppDeletingStatus',
      'AppId',
      'AppName',
      'Instances',
      'RegionId',
      'RunningInstances',
    ]);
    const usage = (await api2019('QueryResourceStatics', { AppId: appId })).Data;
    expect(Number.isInteger(usage.Summary.Cpu) && Number.isInteger(usage.Summary.Memory)).toBe(true);
    expect(usage.RealTimeRes).toEqual({ Cpu: 3, Memory: 6 });
    const logs = (await api2019('ListLogConfigs', { AppId: appId, CurrentPage: 1, PageSize: 10 })).Data;
    expect(logs).toMatchObject({ CurrentPage: 1, PageSize: 10, LogConfigs: expect.any(Array) });

    // 应用生命周期: reads
    const status = (await api2019('DescribeApplicationStatus', { AppId: appId })).Data;
    expect(status).toMatchObject({ AppId: appId, CurrentStatus: 'RUNNING', RunningInstances: 3 });
    expect(status).not.toHaveProperty('SubStatus');
    const specs = (await api2019('DescribeInstanceSpecifications')).Data;
    expect(specs).toContainEqual(expect.objectContaining({ Cpu: 1000, Memory: 2048, Enable: true }));
    const orders = (await api2019('ListChangeOrders', { AppId: appId })).Data;
    expect(orders.TotalSize).toBeGreaterThan(0);
    expect(orders.ChangeOrderList[0]).not.toHaveProperty('UserId');
    expect(orders.ChangeOrderList[0].BatchType).toBe('自动');

    // The seeded rollout waiting for its second batch.
    const waiting = sim.saeLegacy.waitingOrder();
    expect(waiting).toBeDefined();
    const before = (await api2019('DescribeChangeOrder', { ChangeOrderId: waiting?.ChangeOrderId })).Data;
    expect(before).toMatchObject({ Status: 8, BatchType: '手动', Auto: false, BatchCount: 3 });
    expect(before.Pipelines.map((p: Json) => p.PipelineName)).toEqual([
      '第1批变更',
      '第2批变更',
      '第3批变更',
    ]);
    expect(before).not.toHaveProperty('SubStatus');
    const next = before.Pipelines[1].PipelineId;
    const confirmed = await api2019('ConfirmPipelineBatch', { PipelineId: next, Confirm: true });
    expect(confirmed.Data).toEqual({ PipelineId: next });

    // 应用生命周期: every operation makes a change order.
    const orderOf = async (name: string, params: object) => {
      const body = await api2019(name, params);
      expect(body.Data.ChangeOrderId).toMatch(/^[0-9a-f-]{36}$/);
      return body.Data.ChangeOrderId as string;
    };
    const described = async (id: string) =>
      (await api2019('DescribeChangeOrder', { ChangeOrderId: id })).Data;
    const restart = await orderOf('RestartApplication', { AppId: appId, MinReadyInstances: 1 });
    expect((await described(restart)).CoTypeCode).toBe('CoRestartApplication');
    settle();
    await orderOf('RescaleApplication', { AppId: appId, Replicas: 4 });
    settle();
    expect((await api2019('DescribeApplicationStatus', { AppId: appId })).Data.RunningInstances).toBe(4);
    await orderOf('RescaleApplicationVertically', { AppId: appId, Cpu: '2000', Memory: '4096' });
    settle();
    expect((await api2019('DescribeApplicationConfig', { AppId: appId })).Data).toMatchObject({
      Cpu: 2000,
      Memory: 4096,
    });
    await orderOf('StopApplication', { AppId: appId });
    settle();
    expect((await api2019('DescribeApplicationStatus', { AppId: appId })).Data.CurrentStatus).toBe('STOPPED');
    await orderOf('StartApplication', { AppId: appId });
    settle();

    const deploy = await api2019('DeployApplication', {
      AppId: appId,
      PackageUrl: 'https://sae-demo-packages.oss-cn-hangzhou.aliyuncs.com/user-center-2.2.0.jar',
      PackageVersion: '2.2.0',
      BatchWaitTime: 30,
    });
    expect(Object.keys(deploy.Data).sort()).toEqual(['AppId', 'ChangeOrderId']);
    // Seed 001 counts BatchWaitTime in seconds and reports it back the same way.
    expect((await api2019('DescribeApplicationConfig', { AppId: appId })).Data.BatchWaitTime).toBe(30);
    const aborted = await api2019('AbortChangeOrder', { ChangeOrderId: deploy.Data.ChangeOrderId });
    expect(aborted.Data).toEqual({ ChangeOrderId: deploy.Data.ChangeOrderId });
    expect((await described(deploy.Data.ChangeOrderId)).Status).toBe(6);
    settle();

    const second = await orderOf('DeployApplication', { AppId: appId, PackageVersion: '2.3.0' });
    const rollback = await api2019('AbortAndRollbackChangeOrder', { ChangeOrderId: second });
    const rollbackOrder = await described(rollback.Data.ChangeOrderId);
    expect(rollbackOrder.CoTypeCode).toBe('CoRollback');
    settle();

    // SLB
    const bind = await orderOf('BindSlb', {
      AppId: appId,
      Internet: { port: 80, targetPort: 8080, protocol: 'TCP' },
      Intranet: { port: 8080, targetPort: 8080, protocol: 'TCP' },
    });
    expect((await described(bind)).CoTypeCode).toBe('CoBindSlb');
    settle();
    const slbs = (await api2019('DescribeApplicationSlbs', { AppId: appId })).Data;
    expect(slbs).toMatchObject({
      Internet: [{ Port: 80, TargetPort: 8080, Protocol: 'TCP' }],
      Intranet: [{ Port: 8080, TargetPort: 8080, Protocol: 'TCP' }],
      InternetIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      IntranetIp: expect.stringMatching(/^192\.168\./),
    });
    await orderOf('UnbindSlb', { AppId: appId, Internet: true, Intranet: false });
    settle();
    const after = (await api2019('DescribeApplicationSlbs', { AppId: appId })).Data;
    expect(after).toMatchObject({ Internet: [], InternetIp: '', Intranet: [{ Port: 8080 }] });

    // 微服务列表: items carry seed 001's fields only (whichever handler serves the family).
    const serviceKeys = ['AppId', 'Group2Ip', 'Groups', 'Ips', 'Name', 'Type', 'Version'];
    const consumed = (await api2019('ListConsumedServices', { AppId: legacyApp('prod', 'payment-gateway') }))
      .Data as Json[];
    const published = (await api2019('ListPublishedServices', { AppId: appId })).Data as Json[];
    for (const service of [...consumed, ...published]) {
      expect(serviceKeys).toEqual(expect.arrayContaining(Object.keys(service)));
      expect(service).toMatchObject({ Name: expect.any(String), Groups: expect.any(Array) });
    }
    expect(published.every((s) => s.AppId === appId)).toBe(true);

    // Create with Deploy=true, then delete, then the namespace can go.
    const created = await api2019('CreateApplication', {
      AppName: 'legacy-demo',
      NamespaceId: 'cn-hangzhou:legacy',
      PackageType: 'Image',
      ImageUrl: 'registry-vpc.cn-hangzhou.aliyuncs.com/sae-demo/nginx:1.14.2',
      Replicas: '1',
      Cpu: 500,
      Memory: 1024,
      Deploy: true,
    });
    expect((await described(created.Data.ChangeOrderId)).CoTypeCode).toBe('CoCreateApp');
    settle();
    await orderOf('DeleteApplication', { AppId: created.Data.AppId });
    settle();
    const gone = await expectSdkError(
      call('GET', pathOf('DescribeApplicationStatus').path, { AppId: created.Data.AppId }),
    );
    expect(gone.code).toBe('InvalidAppId.NotFound');
    expect((await api2019('DeleteNamespace', { NamespaceId: 'cn-hangzhou:legacy' })).Data).toBeUndefined();

    const answered = new Set(
      sim.calls
        .list({ product: 'sae' })
        .filter((c) => c.status === 200)
        .map((c) => c.api),
    );
    const missing = saeApis2019.map((a) => a.name).filter((name) => !answered.has(name));
    expect(missing).toEqual([]);
    expect(saeApis2019).toHaveLength(37);
    console.log(`${saeApis2019.length - missing.length} of 37 seed-001 APIs answered as documented`);
  });
});
