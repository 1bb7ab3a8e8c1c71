import * as $OpenApi from '@alicloud/openapi-client';
import RetailCloud from '@alicloud/retailcloud20180313';
import * as $Util from '@alicloud/tea-util';
import {
  RETAILCLOUD_API_VERSION,
  type RetailCloudActionName,
  type RetailCloudParamSpec,
  retailCloudActionByName,
  retailCloudActions,
} from '@console/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { retailCloudHandlers } from '../src/retailcloud/handlers';
import { RC_SEED } from '../src/retailcloud/seed';
import { KEY } from './helpers';

/**
 * Every action of the Retail Cloud catalogue, called once through the official
 * `@alicloud/retailcloud20180313` client against the seeded world, in an order where each call can
 * succeed: reads of the seed first, then creates and changes, deletes of what this test made last.
 */

type Body = Record<string, unknown>;
type Params = Record<string, string | number | boolean>;

let sim: RunningCloudSim;
let rc: RetailCloud;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0 });
  rc = new RetailCloud(
    new $OpenApi.Config({
      accessKeyId: KEY.accessKeyId,
      accessKeySecret: KEY.accessKeySecret,
      endpoint: new URL(sim.url).host,
      protocol: 'http',
      regionId: RC_SEED.regionId,
    }),
  );
});
afterAll(() => sim.close());

/** The SDK's generic RPC call, so the raw body (every key the server wrote) can be checked. */
async function call(action: RetailCloudActionName, params: Params): Promise<{ status: number; body: Body }> {
  const specs: readonly RetailCloudParamSpec[] = retailCloudActionByName[action].params;
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const base = key.split('.')[0];
    const where = specs.find((p) => (p.flat ?? p.name) === key || p.list === base);
    (where?.in === 'body' ? body : query)[key] = String(value);
  }
  const res = await rc.callApi(
    new $OpenApi.Params({
      action,
      version: RETAILCLOUD_API_VERSION,
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new $OpenApi.OpenApiRequest({ query, body }),
    new $Util.RuntimeOptions({}),
  );
  return { status: res.statusCode as number, body: res.body as Body };
}

/**
 * Fields the seed documents as protocol- or type-specific (EstablishedTimeout TCP only, CookieTimeout
 * for sticky HTTP/HTTPS, SslCertId for HTTPS, NodePort for NodePort services): a row they do not apply
 * to may leave them out.
 */
const conditionalFields: Record<string, (owners: readonly Body[]) => boolean> = {
  EstablishedTimeout: (owners) => owners.some((o) => o.Protocol === 'TCP'),
  CookieTimeout: (owners) => owners.some((o) => o.StickySession === 1),
  SslCertId: (owners) => owners.some((o) => o.Protocol === 'HTTPS'),
  NodePort: (owners) => owners.some((o) => o.ServiceType === 'NodePort'),
};

/** Paths of the documented response fields missing from a body. */
function missingFields(body: Body, paths: readonly string[]): string[] {
  const missing: string[] = [];
  let reached = false;
  const walk = (value: unknown, segments: string[], path: string, owners: readonly Body[]): void => {
    if (segments.length === 0) {
      reached = true;
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const isList = head.endsWith('[]');
    const key = isList ? head.slice(0, -2) : head;
    const here = path ? `${path}.${key}` : key;
    if (value === null || typeof value !== 'object' || !(key in value)) {
      const applies = conditionalFields[key];
      if (rest.length === 0 && applies && !applies([...owners, value as Body])) {
        reached = true;
        return;
      }
      missing.push(here);
      return;
    }
    const mine = [...owners, value as Body];
    const child = (value as Body)[key];
    if (isList) {
      if (!Array.isArray(child)) {
        missing.push(`${here}[]`);
        return;
      }
      for (const item of child) walk(item, rest, `${here}[]`, mine);
    } else if (rest.length > 0 && (child === null || typeof child !== 'object')) {
      missing.push(`${here}.${rest.join('.')}`);
    } else {
      walk(child, rest, here, mine);
    }
  };
  for (const path of paths) {
    reached = false;
    const before = missing.length;
    walk(body, path.split('.'), '', []);
    // Empty lists would check nothing below them, so every field must be seen at least once.
    if (!reached && missing.length === before) {
      missing.push(`${path} (only empty lists)`);
    }
  }
  return [...new Set(missing)];
}

/** Ids handed from one step to the next. */
const ids: Record<string, string | number> = {};
const id = (name: string): string | number => {
  const value = ids[name];
  if (value === undefined) throw new Error(`no ${name} yet: a step that sets it failed or ran later`);
  return value;
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

interface Step {
  action: RetailCloudActionName;
  params: () => Params;
  /** Keeps ids from the answer for later steps. */
  keep?: (body: Body) => void;
}

function seedIds() {
  const world = sim.retailcloud;
  const env = (name: string) => {
    const found = world.findEnv(name);
    if (!found) throw new Error(`seed has no environment ${name}`);
    return found;
  };
  const cluster = (title: string) => {
    const found = [...world.store.clusters.values()].find((c) => c.ClusterTitle === title);
    if (!found) throw new Error(`seed has no cluster ${title}`);
    return found;
  };
  const tradeProd = env(RC_SEED.pausedOrder.env);
  const pausedOrder = world.store.envOrders(tradeProd.EnvId).find((o) => o.Status === 2);
  if (!pausedOrder) throw new Error('seed has no paused order');
  const pro = cluster('jst-prod-cluster');
  const slb = [...world.store.slbAPs.values()][0];
  const service = [...world.store.services.values()][0];
  const label = [...world.store.nodeLabels.values()][0];
  const binding = [...world.store.nodeLabelBindings.values()][0];
  const rdsId = [...world.store.rds.keys()][0];
  const user = world.store.users[0];
  if (!slb || !service || !label || !binding || !rdsId || !user) throw new Error('seed is missing demo data');
  return {
    tradeProd,
    tradeTest: env(RC_SEED.closedEnv.env),
    cron: env(RC_SEED.cronEnv.env),
    frozen: env(RC_SEED.frozenEnv.env),
    offline: env(RC_SEED.offlineEnv.env),
    pausedOrderId: pausedOrder.DeployOrderId as number,
    pro,
    slb,
    service,
    label,
    binding,
    rdsId,
    user,
  };
}

function plan(): Step[] {
  const s = seedIds();
  const trade = { AppId: s.tradeProd.AppId, EnvId: s.tradeProd.EnvId };
  const page = { PageNumber: 1, PageSize: 20 };
  const now = sim.clock.now();
  const roles = {
    'UserRoles.1.RoleName': 'Owner',
    'UserRoles.1.UserId': s.user.UserId,
    'UserRoles.1.UserType': s.user.UserType,
  };
  const app = () => ({ AppId: id('appId') });
  const newEnv = () => ({ AppId: id('appId'), EnvId: id('envId') });
  return [
    // Reads of the seeded world.
    { action: 'ListUsers', params: () => page },
    { action: 'ListApp', params: () => page },
    { action: 'DescribeAppDetail', params: () => ({ AppId: trade.AppId }) },
    { action: 'ListAppEnvironment', params: () => ({ AppId: trade.AppId, ...page }) },
    { action: 'DescribeAppEnvironmentDetail', params: () => trade },
    { action: 'DescribeAppEnvDeployBaseline', params: () => trade },
    { action: 'ListDeployConfig', params: () => ({ AppId: trade.AppId }) },
    {
      action: 'ListAppInstance',
      params: () => ({ ...trade, ...page }),
      keep: (b) => {
        ids.pod = (b.Data as Body[])[0]?.AppInstanceId as string;
      },
    },
    { action: 'ListPersistentVolumeClaim', params: () => ({ ...trade, ...page }) },
    { action: 'ListAppGroup', params: () => ({ BizCode: 'JST', ...page }) },
    { action: 'ListAppGroupMapping', params: () => ({ BizCode: 'JST', Name: 'trade-group', ...page }) },
    {
      action: 'ListJobHistories',
      params: () => ({ AppId: s.cron.AppId, EnvId: s.cron.EnvId, Status: 'ALL', ...page }),
      keep: (b) => {
        ids.jobPod = ((b.Data as Body[])[0]?.PodList as string[] | undefined)?.[0] as string;
      },
    },
    {
      action: 'DescribeJobLog',
      params: () => ({ AppId: s.cron.AppId, EnvId: s.cron.EnvId, PodName: id('jobPod') }),
    },
    {
      action: 'DescribePodContainerLogList',
      params: () => ({ ...trade, Line: 50, PodName: id('pod') }),
    },
    {
      action: 'DescribeEventMonitorList',
      params: () => ({ ...trade, StartTime: now - 7 * 86_400_000, EndTime: now, PageNum: 1, PageSize: 100 }),
    },
    {
      action: 'DescribeAppMonitorMetric',
      params: () => ({
        ...trade,
        StartTime: now - 10 * 60_000,
        EndTime: now,
        Metric: 'deployment.cpu.usage_rate',
        Type: 'group',
        DeployOrderId: String(s.pausedOrderId),
      }),
    },
    { action: 'ListDeployOrders', params: () => ({ AppId: trade.AppId, ...page }) },
    { action: 'DescribeDeployOrderDetail', params: () => ({ DeployOrderId: s.pausedOrderId }) },
    {
      action: 'ListPods',
      params: () => ({ DeployOrderId: s.pausedOrderId, ...page }),
      keep: (b) => {
        ids.orderPod = (b.Data as Body[])[0]?.AppInstanceId as string;
      },
    },
    {
      action: 'DescribePodLog',
      params: () => ({ AppInstId: id('orderPod'), DeployOrderId: s.pausedOrderId }),
    },
    {
      action: 'DescribePodEvents',
      params: () => ({ AppInstId: id('orderPod'), DeployOrderId: s.pausedOrderId }),
    },
    { action: 'ListPersistentVolume', params: () => ({ ClusterInstanceId: s.pro.InstanceId, ...page }) },
    { action: 'ListNodeLabels', params: () => ({ ClusterId: s.pro.InstanceId, ...page }) },
    {
      action: 'ListNodeLabelBindings',
      params: () => ({
        ClusterId: s.pro.InstanceId,
        InstanceId: s.binding.InstanceId,
        LabelKey: s.binding.LabelKey,
        LabelValue: s.binding.LabelValue,
        ...page,
      }),
    },
    { action: 'ListAppResourceAllocs', params: () => page },
    { action: 'DescribeAppResourceAlloc', params: () => ({ AppEnvId: trade.EnvId }) },
    { action: 'ListCluster', params: () => ({ PageNum: 1, PageSize: 20 }) },
    {
      action: 'ListClusterNode',
      params: () => ({ ClusterInstanceId: s.pro.InstanceId, PageNum: 1, PageSize: 20 }),
    },
    { action: 'QueryClusterDetail', params: () => ({ ClusterInstanceId: s.pro.InstanceId }) },
    { action: 'DescribeDatabases', params: () => ({ InstanceId: s.rdsId }) },
    { action: 'DescribeRdsAccounts', params: () => ({ DbInstanceId: s.rdsId }) },
    { action: 'GetRdsBackUp', params: () => ({ DbInstanceId: s.rdsId, PageNumber: 1, PageSize: 30 }) },

    // An application of this test's own, with a deploy config and an environment.
    {
      action: 'CreateApp',
      params: () => ({
        BizCode: 'JST',
        Language: 'Java',
        OperatingSystem: 'Linux',
        ServiceType: 'StoreApplication',
        Title: 'catalogue-walk',
        StateType: 1,
        ...roles,
      }),
      keep: (b) => {
        ids.appId = (b.Result as Body).AppId as number;
      },
    },
    { action: 'UpdateApp', params: () => ({ ...app(), ...roles, Description: '目录巡检' }) },
    {
      action: 'CreateDeployConfig',
      params: () => ({
        ...app(),
        EnvType: 'online',
        Name: 'catalogue-walk-online',
        CodePath: '/opt/app/app.jar',
        Deployment: b64('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: catalogue-walk\n'),
      }),
      keep: (b) => {
        ids.schemaId = (b.Result as Body).SchemaId as number;
      },
    },
    {
      action: 'UpdateDeployConfig',
      params: () => ({ ...app(), Id: id('schemaId'), CodePath: '/opt/app/app-v2.jar' }),
    },
    {
      action: 'CreateEnvironment',
      params: () => ({
        ...app(),
        AppSchemaId: id('schemaId'),
        EnvName: 'catalogue-walk-prod',
        EnvType: 1,
        Region: RC_SEED.regionId,
        Replicas: 1,
      }),
      keep: (b) => {
        ids.envId = (b.Result as Body).AppEnvId as number;
      },
    },
    { action: 'UpdateEnvironment', params: () => ({ ...app(), AppEnvId: id('envId'), Replicas: 2 }) },
    {
      action: 'DeployApp',
      params: () => ({
        EnvId: id('envId'),
        Name: 'catalogue-walk-1.0.0',
        TotalPartitions: 2,
        PauseType: 'first',
        'ContainerImageList.1': 'registry.cn-zhangjiakou.aliyuncs.com/jst/catalogue-walk:1.0.0',
      }),
      keep: (b) => {
        ids.orderId = (b.Result as Body).DeployOrderId as number;
      },
    },
    { action: 'CloseDeployOrder', params: () => ({ DeployOrderId: id('orderId') }) },
    { action: 'ResumeDeploy', params: () => ({ DeployOrderId: s.pausedOrderId }) },
    { action: 'ScaleApp', params: () => ({ EnvId: s.tradeTest.EnvId, Replicas: 2 }) },
    {
      action: 'RebuildAppInstance',
      params: () => {
        const pod = sim.retailcloud.store.envInstances(s.frozen.EnvId)[0];
        if (!pod) throw new Error('seed environment has no pod to rebuild');
        return { AppId: s.frozen.AppId, EnvId: s.frozen.EnvId, AppInstanceId: pod.AppInstanceId };
      },
    },

    // Storage, groups, traffic, labels, clusters, resource allocation and RDS.
    {
      action: 'CreatePersistentVolume',
      params: () => ({
        ClusterInstanceId: s.pro.InstanceId,
        Name: 'catalogue-pv',
        AccessModes: 'ReadWriteMany',
        Capacity: '20Gi',
        MountTargetDomain: 'cat123-xyz.cn-zhangjiakou.nas.aliyuncs.com',
        NFSVersion: '3',
        ReclaimPolicy: 'Retain',
        StorageClass: 'nas-catalogue',
      }),
    },
    {
      action: 'CreatePersistentVolumeClaim',
      params: () => ({
        ...trade,
        Name: 'catalogue-claim',
        AccessModes: 'ReadWriteMany',
        Capacity: '5Gi',
        StorageClass: 'nas-catalogue-claim',
      }),
    },
    {
      action: 'CreateAppGroup',
      params: () => ({ BizCode: 'JST', Name: 'catalogue-group' }),
      keep: (b) => {
        ids.groupId = (b.Result as Body).AppGroupId as number;
      },
    },
    { action: 'BindGroup', params: () => ({ ...app(), BizCode: 'JST', Name: 'catalogue-group' }) },
    { action: 'UnbindGroup', params: () => ({ ...app(), BizCode: 'JST', Name: 'catalogue-group' }) },
    {
      action: 'CreateSlbAP',
      params: () => ({
        EnvId: trade.EnvId,
        Name: 'catalogue-https',
        SlbId: s.slb.SlbId,
        ListenerPort: 8443,
        RealServerPort: 8080,
        Protocol: 'HTTPS',
        SslCertId: s.slb.SslCertId as string,
        StickySession: 1,
        CookieTimeout: 600,
      }),
      keep: (b) => {
        ids.slbAPId = (b.Result as Body).SlbAPId as number;
      },
    },
    { action: 'ModifySlbAP', params: () => ({ SlbAPId: id('slbAPId'), Name: 'catalogue-https-2' }) },
    { action: 'DescribeSlbAPDetail', params: () => ({ SlbAPId: id('slbAPId') }) },
    { action: 'ListSlbAPs', params: () => ({ AppId: trade.AppId, ...page }) },
    {
      action: 'CreateService',
      params: () => ({
        EnvId: trade.EnvId,
        Name: 'catalogue-svc',
        ServiceType: 'NodePort',
        K8sServiceId: 'catalogue-svc',
        'PortMappings.1.Protocol': 'TCP',
        'PortMappings.1.TargetPort': '8080',
        'PortMappings.1.Port': 81,
        'PortMappings.1.Name': 'http',
        'PortMappings.1.NodePort': 30081,
      }),
      keep: (b) => {
        ids.serviceId = (b.Result as Body).ServiceId as number;
      },
    },
    { action: 'ModifyService', params: () => ({ ServiceId: id('serviceId'), Name: 'catalogue-svc-2' }) },
    { action: 'DescribeServiceDetail', params: () => ({ ServiceId: id('serviceId') }) },
    { action: 'ListServices', params: () => ({ AppId: trade.AppId, ...page }) },
    {
      action: 'CreateNodeLabel',
      params: () => ({ ClusterId: s.pro.InstanceId, LabelKey: 'label.jst.com/catalogue', LabelValue: 'yes' }),
    },
    {
      action: 'BindNodeLabel',
      params: () => ({
        ClusterId: s.pro.InstanceId,
        InstanceId: s.binding.InstanceId,
        LabelKey: 'label.jst.com/catalogue',
        LabelValue: 'yes',
      }),
    },
    {
      action: 'UnbindNodeLabel',
      params: () => ({
        ClusterId: s.pro.InstanceId,
        InstanceId: s.binding.InstanceId,
        LabelKey: 'label.jst.com/catalogue',
        LabelValue: 'yes',
      }),
    },
    {
      action: 'DeleteNodeLabel',
      params: () => ({
        ClusterId: s.pro.InstanceId,
        LabelKey: 'label.jst.com/catalogue',
        LabelValue: 'yes',
        Force: false,
      }),
    },
    {
      action: 'CreateCluster',
      params: () => ({
        BusinessCode: 'JST',
        ClusterEnvType: 'TEST',
        ClusterTitle: 'catalogue-sandbox',
        ClusterType: 'Standard',
        RegionId: RC_SEED.regionId,
        VpcId: s.pro.VpcId,
        'Vswitchids.1': s.pro.VswitchIds[0] as string,
        Password: 'Sandbox#2024',
        PodCIDR: '172.24.0.0/16',
        ServiceCIDR: '172.22.0.0/20',
      }),
      keep: (b) => {
        ids.clusterId = (b.Result as Body).ClusterInstanceId as string;
      },
    },
    {
      action: 'ListAvailableClusterNode',
      params: () => ({ ClusterInstanceId: id('clusterId'), PageNum: 1, PageSize: 20 }),
      keep: (b) => {
        ids.freeNode = (b.Data as Body[])[0]?.InstanceId as string;
      },
    },
    {
      action: 'AddClusterNode',
      params: () => ({ ClusterInstanceId: id('clusterId'), 'EcsInstanceIdList.1': id('freeNode') }),
    },
    {
      action: 'RemoveClusterNode',
      params: () => ({ ClusterInstanceId: id('clusterId'), 'EcsInstanceIdList.1': id('freeNode') }),
    },
    { action: 'DeleteCluster', params: () => ({ ClusterInstanceId: id('clusterId') }) },
    // The offline seed environment is the one whose allocation can be released and placed again.
    { action: 'DeleteAppResourceAlloc', params: () => ({ AppEnvId: s.offline.EnvId }) },
    {
      action: 'CreateAppResourceAlloc',
      params: () => ({ AppEnvId: s.offline.EnvId, AppId: s.offline.AppId, ClusterId: s.pro.InstanceId }),
    },
    {
      action: 'CreateDb',
      params: () => ({ DbInstanceId: s.rdsId, DbName: 'catalogue', CharacterSetName: 'utf8mb4' }),
    },
    {
      action: 'CreateAccount',
      params: () => ({
        DbInstanceId: s.rdsId,
        AccountName: 'catalogue_rw',
        AccountPassword: 'Catalogue#2024',
      }),
    },
    {
      action: 'GrantDbToAccount',
      params: () => ({
        DbInstanceId: s.rdsId,
        AccountName: 'catalogue_rw',
        DbName: 'catalogue',
        AccountPrivilege: 'ReadWrite',
      }),
    },
    {
      action: 'ResetAccountPassword',
      params: () => ({
        DbInstanceId: s.rdsId,
        AccountName: 'catalogue_rw',
        AccountPassword: 'Catalogue#2025',
      }),
    },

    // Deletes, of what this test made.
    { action: 'DeleteRdsAccount', params: () => ({ DbInstanceId: s.rdsId, AccountName: 'catalogue_rw' }) },
    { action: 'DeleteDatabase', params: () => ({ DBInstanceId: s.rdsId, DBName: 'catalogue' }) },
    { action: 'DeleteService', params: () => ({ ServiceId: id('serviceId') }) },
    { action: 'DeleteSlbAP', params: () => ({ SlbAPId: id('slbAPId') }) },
    { action: 'DeleteAppGroup', params: () => ({ GroupId: id('groupId'), Force: true }) },
    {
      action: 'DeletePersistentVolumeClaim',
      params: () => ({ ...trade, PersistentVolumeClaimName: 'catalogue-claim' }),
    },
    {
      action: 'DeletePersistentVolume',
      params: () => ({ ClusterInstanceId: s.pro.InstanceId, PersistentVolumeName: 'catalogue-pv' }),
    },
    { action: 'OfflineAppEnvironment', params: () => newEnv() },
    { action: 'DeleteAppEnvironment', params: () => ({ ...newEnv(), Force: true }) },
    { action: 'DeleteDeployConfig', params: () => ({ SchemaId: id('schemaId') }) },
    { action: 'DeleteAppDetail', params: () => ({ ...app(), Force: true }) },
  ];
}

describe('Retail Cloud catalogue through the official SDK', () => {
  it('has a handler for every action of the catalogue', () => {
    const unserved = retailCloudActions.map((a) => a.name).filter((name) => !(name in retailCloudHandlers));
    expect(unserved).toEqual([]);
  });

  it('answers every action with HTTP 200, success and the documented response fields', async () => {
    const steps = plan();
    const planned = steps.map((s) => s.action);
    // The walk covers the catalogue exactly: an action added to it must be added here too.
    expect([...planned].sort()).toEqual(retailCloudActions.map((a) => a.name).sort());

    const failures: string[] = [];
    let answered = 0;
    for (const step of steps) {
      const spec = retailCloudActionByName[step.action];
      let outcome: { status: number; body: Body };
      try {
        outcome = await call(step.action, step.params());
      } catch (error) {
        failures.push(`${step.action}: ${(error as Error).message}`);
        continue;
      }
      const { status, body } = outcome;
      const problems: string[] = [];
      if (status !== 200) problems.push(`HTTP ${status}`);
      if (body.Code !== 0) problems.push(`Code ${String(body.Code)}`);
      if ((spec.envelope as readonly string[]).includes('Success') && body.Success !== true) {
        problems.push(`Success ${String(body.Success)}`);
      }
      const absent = missingFields(body, [...spec.envelope, ...spec.response.map((f) => f.path)]);
      if (absent.length > 0) problems.push(`missing ${absent.join(', ')}`);
      if (problems.length > 0) {
        failures.push(`${step.action}: ${problems.join('; ')} ${JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      step.keep?.(body);
      answered++;
    }
    console.log(
      `${answered} of ${retailCloudActions.length} seed-002 actions answered through the official SDK`,
    );
    expect(failures).toEqual([]);
    expect(answered).toBe(retailCloudActions.length);
  });
});
