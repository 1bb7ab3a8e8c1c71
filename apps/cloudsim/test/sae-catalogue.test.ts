/**
 * The catalogue test of issue 3: every API of seed 000, taken from the catalogue, is called through
 * the official `@alicloud/pop-core` ROA client with valid parameters and its answer is checked
 * against the documented envelope and `Data` fields of `saeResponses`.
 */
import {
  type SaeApiName,
  type SaeApiSpec,
  type SaeFieldsSpec,
  saeApis,
  saeEnvelopes,
  saeResponses,
} from '@console/catalogue';
import { readSeed } from '@console/testkit/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { type Json, KEY, type RoaClient, type SdkError, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
/** An account without the demo data, which has not opened SAE yet (the demo account has). */
let fresh: RunningCloudSim;

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  fresh = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0, seed: false });
});
afterAll(async () => {
  await sim.close();
  await fresh.close();
});

const apis = saeApis as readonly SaeApiSpec[];
const byName = new Map(apis.map((api) => [api.name, api]));

type Value = string | number | boolean;
type Query = Record<string, Value>;

/** Calls an API by name, placing each parameter where the catalogue says (query, form or JSON body). */
async function call(name: SaeApiName, params: Query, via: RoaClient = client): Promise<Json> {
  const api = byName.get(name);
  if (!api) throw new Error(`${name} is not in the catalogue`);
  const query: Record<string, string> = {};
  const form = new URLSearchParams();
  const json: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const spec = api.params.find((p) => p.name === key);
    if (!spec) throw new Error(`the sample of ${name} sends ${key}, which the catalogue does not list`);
    if (spec.in === 'query') query[key] = String(value);
    else if (spec.in === 'formData') form.set(key, String(value));
    else json[key] = String(value);
  }
  if (Object.keys(json).length > 0) {
    return via.request(api.method, api.path, query, JSON.stringify(json), {
      'content-type': 'application/json',
    });
  }
  if ([...form.keys()].length > 0) {
    return via.request(api.method, api.path, query, form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }
  return via.request(api.method, api.path, query, '');
}

/** Ids and objects the scenario creates and later calls use. */
interface World {
  ns: string;
  demoVpcId?: string;
  demoSecurityGroupId?: string;
  configMapId?: number;
  appId?: string;
  imageUrl: string;
  groupId?: string;
  firstVersionId?: string;
  waitingOrderId?: string;
  ruleName: string;
  slbId?: string;
  ingressId?: number;
  greyTagRouteId?: number;
  jobId?: string;
}

const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/catalogue';
const w: World = {
  ns: 'cn-hangzhou:catalogue',
  imageUrl: `${REGISTRY}/catalogue-app:1.0`,
  ruleName: 'catalogue-timer',
};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(`needs ${what}, which an earlier call did not yield`);
  return value;
}

const finished = (status: number) => [2, 3, 6, 10].includes(status);

async function orderStatus(id: string): Promise<number> {
  return (await call('DescribeChangeOrder', { ChangeOrderId: id })).Data.Status as number;
}

/** Steps the frozen clock until the change order satisfies `done` (at most 30 simulated minutes). */
async function untilOrder(id: string, done: (status: number) => boolean = finished): Promise<void> {
  for (let i = 0; i < 360; i++) {
    if (done(await orderStatus(id))) return;
    sim.clock.advance(5_000);
  }
  throw new Error(`change order ${id} never reached the expected state`);
}

/** Steps the clock until no change order of the scenario's app runs any more. */
async function settle(): Promise<void> {
  const appId = need(w.appId, 'the AppId from CreateApplication');
  for (let i = 0; i < 360; i++) {
    const status = (await call('DescribeApplicationStatus', { AppId: appId })).Data;
    if (!status.LastChangeOrderRunning) return;
    sim.clock.advance(5_000);
  }
  throw new Error(`the change orders of ${appId} never finished`);
}

async function instanceIds(): Promise<string[]> {
  const answer = await call('DescribeApplicationInstances', {
    AppId: need(w.appId, 'the AppId from CreateApplication'),
    GroupId: need(w.groupId, 'the GroupId from DescribeApplicationGroups'),
  });
  return (answer.Data.Instances as Json[]).map((i) => i.InstanceId as string);
}

/** A deploy in two manually confirmed batches, left waiting for confirmation (Status 8). */
const manualTwoBatches = JSON.stringify({
  type: 'BatchUpdate',
  batchUpdate: { batch: 2, releaseType: 'manual' },
});

async function waitingDeploy(tag: string): Promise<string> {
  const answer = await call('DeployApplication', {
    AppId: need(w.appId, 'the AppId from CreateApplication'),
    ImageUrl: `${REGISTRY}/catalogue-app:${tag}`,
    UpdateStrategy: manualTwoBatches,
    MinReadyInstances: 1,
  });
  const id = answer.Data.ChangeOrderId as string;
  await untilOrder(id, (s) => s === 8 || finished(s));
  return id;
}

const TIMER = (replicas: number) =>
  JSON.stringify({
    beginDate: null,
    endDate: null,
    period: '* * *',
    schedules: [{ atTime: '08:00', targetReplicas: replicas }],
  });
const SC_RULES = JSON.stringify([
  {
    condition: 'OR',
    path: '/catalogue',
    items: [{ cond: '==', name: 'grey', operator: 'rawvalue', type: 'header', value: 'true' }],
  },
]);
const TAGS = { RegionId: 'cn-hangzhou', ResourceType: 'application' };

interface Sample {
  /** When the call runs: reads and creates first, then changes, deletes last (ties keep catalogue order). */
  step: number;
  params: () => Query | Promise<Query>;
  /** Keeps what later calls need and waits for the change order the call started. */
  after?: (answer: Json) => void | Promise<void>;
  /** Sent by the account without demo data rather than the demo account. */
  freshAccount?: boolean;
  /** Lists of `Data` this scenario leaves empty on purpose, with the reason. */
  mayBeEmpty?: Readonly<Record<string, string>>;
}

const samples: Record<SaeApiName, Sample> = {
  OpenSaeService: { step: 0, params: () => ({}), freshAccount: true },
  DescribeRegions: { step: 0, params: () => ({}) },
  DescribeInstanceSpecifications: { step: 0, params: () => ({}) },
  DescribeEdasContainers: { step: 0, params: () => ({}) },
  DescribeComponents: { step: 0, params: () => ({ Type: 'JDK' }) },
  DescribeNamespaceList: {
    step: 0,
    params: () => ({ ContainCustom: true }),
    after: (a) => {
      const dev = (a.Data as Json[]).find((n) => n.NamespaceId === 'cn-hangzhou:dev');
      w.demoVpcId = dev?.VpcId;
      w.demoSecurityGroupId = dev?.SecurityGroupId;
    },
  },
  CreateNamespace: {
    step: 1,
    params: () => ({ NamespaceId: w.ns, NamespaceName: 'catalogue', NamespaceDescription: 'catalogue-test' }),
  },
  UpdateNamespace: {
    step: 2,
    params: () => ({ NamespaceId: w.ns, NamespaceName: 'catalogue test', NamespaceDescription: 'updated' }),
  },
  DescribeNamespace: { step: 2, params: () => ({ NamespaceId: w.ns }) },
  DescribeNamespaces: { step: 2, params: () => ({ CurrentPage: 1, PageSize: 100 }) },
  DescribeNamespaceResources: { step: 2, params: () => ({ NamespaceId: w.ns }) },
  // Before the first application: a namespace with applications keeps its VPC.
  UpdateNamespaceVpc: {
    step: 2,
    params: () => ({ NamespaceId: w.ns, VpcId: need(w.demoVpcId, 'a VpcId from DescribeNamespaceList') }),
  },
  CreateConfigMap: {
    step: 2,
    params: () => ({
      NamespaceId: w.ns,
      Name: 'catalogue_config',
      Description: 'catalogue-test',
      Data: JSON.stringify({ 'app.properties': 'mode=catalogue', level: 'info' }),
    }),
    after: (a) => {
      w.configMapId = a.Data.ConfigMapId;
    },
  },
  CreateApplication: {
    step: 3,
    params: () => ({
      AppName: 'catalogue-app',
      AppDescription: 'catalogue-test',
      NamespaceId: w.ns,
      PackageType: 'Image',
      ImageUrl: w.imageUrl,
      Replicas: 2,
      Cpu: 500,
      Memory: 1024,
      // A Spring Cloud app publishing one service and consuming the demo user-center.
      Envs: JSON.stringify([
        { name: 'SPRING_APPLICATION_NAME', value: 'catalogue-service' },
        { name: 'MICROSERVICE_CONSUMES', value: 'user-center' },
      ]),
      SlsConfigs: JSON.stringify([{ logDir: '/opt/app/logs/app.log' }]),
      NasId: 'nas-catalogue',
      MountHost: 'catalogue.cn-hangzhou.nas.aliyuncs.com',
      MountDesc: JSON.stringify([{ mountPath: '/mnt/nas', nasPath: '/' }]),
      OssAkId: 'catalogue-ak',
      OssAkSecret: 'catalogue-secret',
      OssMountDescs: JSON.stringify([
        { bucketName: 'catalogue-bucket', bucketPath: 'data/', mountPath: '/mnt/oss', readOnly: true },
      ]),
      ...(w.configMapId === undefined
        ? {}
        : {
            ConfigMapMountDesc: JSON.stringify([
              { configMapId: w.configMapId, key: 'sae-sys-configmap-all', mountPath: '/etc/catalogue' },
            ]),
          }),
    }),
    after: async (a) => {
      w.appId = a.Data.AppId;
      await settle();
    },
  },
  DescribeApplicationGroups: {
    step: 4,
    params: () => ({ AppId: need(w.appId, 'the AppId from CreateApplication') }),
    after: (a) => {
      w.groupId = (a.Data as Json[])[0]?.GroupId;
    },
  },
  DescribeApplicationStatus: { step: 4, params: () => ({ AppId: need(w.appId, 'the AppId') }) },
  DescribeApplicationImage: {
    step: 4,
    params: () => ({ AppId: need(w.appId, 'the AppId'), ImageUrl: w.imageUrl }),
  },
  ListApplications: { step: 4, params: () => ({ NamespaceId: w.ns, CurrentPage: 1, PageSize: 10 }) },
  ListLogConfigs: {
    step: 4,
    params: () => ({ AppId: need(w.appId, 'the AppId'), CurrentPage: 1, PageSize: 10 }),
  },
  ListAppEvents: {
    step: 4,
    params: () => ({ Namespace: w.ns, AppId: need(w.appId, 'the AppId'), CurrentPage: 1, PageSize: 10 }),
  },
  ListAppVersions: {
    step: 4,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
    after: (a) => {
      const versions = a.Data as Json[];
      w.firstVersionId = versions[versions.length - 1]?.Id;
    },
  },
  QueryResourceStatics: { step: 4, params: () => ({ AppId: need(w.appId, 'the AppId') }) },
  ListChangeOrders: {
    step: 4,
    params: () => ({ AppId: need(w.appId, 'the AppId'), CurrentPage: 1, PageSize: 10 }),
  },
  UpdateConfigMap: {
    step: 4,
    params: () => ({
      ConfigMapId: need(w.configMapId, 'the ConfigMapId from CreateConfigMap'),
      Description: 'updated',
      Data: JSON.stringify({ 'app.properties': 'mode=catalogue', level: 'debug' }),
    }),
  },
  DescribeConfigMap: {
    step: 4,
    params: () => ({ ConfigMapId: need(w.configMapId, 'the ConfigMapId from CreateConfigMap') }),
  },
  ListNamespacedConfigMaps: { step: 4, params: () => ({ NamespaceId: w.ns }) },
  DescribeApplicationInstances: {
    step: 5,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      GroupId: need(w.groupId, 'the GroupId from DescribeApplicationGroups'),
      CurrentPage: 1,
      PageSize: 10,
    }),
  },
  TagResources: {
    step: 5,
    params: () => ({
      ...TAGS,
      Tags: JSON.stringify([{ key: 'catalogue', value: 'yes' }]),
      ResourceIds: JSON.stringify([need(w.appId, 'the AppId')]),
    }),
  },
  DescribeInstanceLog: {
    step: 6,
    params: async () => ({ InstanceId: need((await instanceIds())[0], 'an instance of the application') }),
  },
  ListTagResources: {
    step: 6,
    params: () => ({ ...TAGS, ResourceIds: JSON.stringify([need(w.appId, 'the AppId')]) }),
  },
  // After TagResources, so that Tags is not empty.
  DescribeApplicationConfig: { step: 6, params: () => ({ AppId: need(w.appId, 'the AppId') }) },
  CreateApplicationScalingRule: {
    step: 7,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      ScalingRuleName: w.ruleName,
      ScalingRuleType: 'timing',
      ScalingRuleTimer: TIMER(2),
      ScalingRuleEnable: false,
    }),
  },
  UpdateApplicationScalingRule: {
    step: 8,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      ScalingRuleName: w.ruleName,
      ScalingRuleTimer: TIMER(3),
    }),
  },
  DescribeApplicationScalingRule: {
    step: 8,
    params: () => ({ AppId: need(w.appId, 'the AppId'), ScalingRuleName: w.ruleName }),
  },
  DescribeApplicationScalingRules: { step: 8, params: () => ({ AppId: need(w.appId, 'the AppId') }) },
  EnableApplicationScalingRule: {
    step: 8,
    params: () => ({ AppId: need(w.appId, 'the AppId'), ScalingRuleName: w.ruleName }),
  },
  // Switched off again before the lifecycle calls below, which must not meet an enabled rule.
  DisableApplicationScalingRule: {
    step: 9,
    params: () => ({ AppId: need(w.appId, 'the AppId'), ScalingRuleName: w.ruleName }),
  },
  BindSlb: {
    step: 10,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      Internet: JSON.stringify([{ port: 80, targetPort: 8080, protocol: 'TCP' }]),
      Intranet: JSON.stringify([{ port: 80, targetPort: 8080, protocol: 'TCP' }]),
    }),
    after: () => settle(),
  },
  DescribeApplicationSlbs: {
    step: 11,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
    after: (a) => {
      w.slbId = a.Data.IntranetSlbId || undefined;
    },
  },
  CreateIngress: {
    step: 12,
    params: () => {
      const appId = need(w.appId, 'the AppId');
      return {
        NamespaceId: w.ns,
        SlbId: need(w.slbId, 'an SLB id from DescribeApplicationSlbs'),
        ListenerPort: 8081,
        Description: 'catalogue',
        LoadBalanceType: 'clb',
        ListenerProtocol: 'HTTP',
        DefaultRule: JSON.stringify({ appId, containerPort: 8080 }),
        Rules: JSON.stringify([
          { appId, containerPort: 8080, domain: 'catalogue.example.com', path: '/api' },
        ]),
      };
    },
    after: (a) => {
      w.ingressId = a.Data.IngressId;
    },
  },
  DescribeIngress: {
    step: 13,
    params: () => ({ IngressId: need(w.ingressId, 'the IngressId from CreateIngress') }),
  },
  ListIngresses: { step: 13, params: () => ({ NamespaceId: w.ns }) },
  UpdateIngress: {
    step: 13,
    params: () => ({
      IngressId: need(w.ingressId, 'the IngressId from CreateIngress'),
      Description: 'catalogue-updated',
    }),
  },
  CreateGreyTagRoute: {
    step: 14,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      Name: 'catalogue-route',
      Description: 'catalogue',
      ScRules: SC_RULES,
    }),
    after: (a) => {
      w.greyTagRouteId = a.Data.GreyTagRouteId;
    },
  },
  DescribeGreyTagRoute: {
    step: 15,
    params: () => ({ GreyTagRouteId: need(w.greyTagRouteId, 'the GreyTagRouteId from CreateGreyTagRoute') }),
    mayBeEmpty: { DubboRules: 'a Spring Cloud route has no Dubbo rules' },
  },
  ListGreyTagRoute: { step: 15, params: () => ({ AppId: need(w.appId, 'the AppId') }) },
  UpdateGreyTagRoute: {
    step: 15,
    params: () => ({
      GreyTagRouteId: need(w.greyTagRouteId, 'the GreyTagRouteId from CreateGreyTagRoute'),
      Description: 'updated',
      ScRules: SC_RULES,
    }),
  },
  ExecJob: {
    step: 16,
    params: () => ({ AppId: need(w.appId, 'the AppId'), EventId: 'catalogue-event-1' }),
    after: async (a) => {
      w.jobId = a.Data.Data;
      // DescribeJobStatus below reads the job once it has ended, as in the seed's example (State 1).
      for (let i = 0; i < 360; i++) {
        const job = await call('DescribeJobStatus', {
          AppId: need(w.appId, 'the AppId'),
          JobId: a.Data.Data,
        });
        if (job.Data.State === '1' || job.Data.State === '2') return;
        sim.clock.advance(5_000);
      }
      throw new Error(`job ${a.Data.Data} never ended`);
    },
  },
  DescribeJobStatus: {
    step: 17,
    params: () => ({ AppId: need(w.appId, 'the AppId'), JobId: need(w.jobId, 'the job id from ExecJob') }),
  },
  ListPublishedServices: {
    step: 18,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
  },
  ListConsumedServices: {
    step: 18,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
  },
  ListAppServicesPage: {
    step: 18,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      ServiceType: 'springCloud',
      PageNumber: 1,
      PageSize: 10,
    }),
  },
  // On the demo user-center, whose service the simulator documents method by method.
  DescribeAppServiceDetail: {
    step: 19,
    params: async () => {
      const apps = await call('ListApplications', {
        NamespaceId: 'cn-hangzhou:prod',
        AppName: 'user-center',
      });
      const appId = need((apps.Data.Applications as Json[])[0]?.AppId, 'the demo application user-center');
      const page = await call('ListAppServicesPage', { AppId: appId, ServiceType: 'springCloud' });
      const service = need(
        ((page.Data as Json[])[0]?.Result as Json[] | undefined)?.[0],
        'a service of user-center',
      );
      return {
        AppId: appId,
        ServiceType: 'springCloud',
        ServiceName: service.ServiceName,
        ServiceGroup: service.Group,
        ServiceVersion: service.Version,
      };
    },
  },
  RescaleApplication: {
    step: 20,
    params: () => ({ AppId: need(w.appId, 'the AppId'), Replicas: 3, MinReadyInstances: 1 }),
    after: () => settle(),
  },
  RescaleApplicationVertically: {
    step: 21,
    params: () => ({ AppId: need(w.appId, 'the AppId'), Cpu: '1000', Memory: '2048' }),
    after: () => settle(),
  },
  RestartApplication: {
    step: 22,
    params: () => ({ AppId: need(w.appId, 'the AppId'), MinReadyInstances: 1 }),
    after: () => settle(),
  },
  RestartInstances: {
    step: 23,
    params: async () => ({
      AppId: need(w.appId, 'the AppId'),
      InstanceIds: need((await instanceIds())[0], 'an instance of the application'),
    }),
    after: () => settle(),
  },
  ReduceApplicationCapacityByInstanceIds: {
    step: 24,
    params: async () => ({
      AppId: need(w.appId, 'the AppId'),
      InstanceIds: need((await instanceIds())[0], 'an instance of the application'),
    }),
    after: () => settle(),
  },
  DeployApplication: {
    step: 25,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      ImageUrl: `${REGISTRY}/catalogue-app:2.0`,
      UpdateStrategy: manualTwoBatches,
      MinReadyInstances: 1,
      ChangeOrderDesc: 'catalogue',
    }),
    after: async (a) => {
      w.waitingOrderId = a.Data.ChangeOrderId;
      await untilOrder(a.Data.ChangeOrderId, (s) => s === 8 || finished(s));
    },
  },
  DescribeChangeOrder: {
    step: 26,
    params: () => ({ ChangeOrderId: need(w.waitingOrderId, 'the ChangeOrderId from DeployApplication') }),
  },
  DescribePipeline: {
    step: 26,
    params: async () => {
      const order = await call('DescribeChangeOrder', {
        ChangeOrderId: need(w.waitingOrderId, 'the ChangeOrderId from DeployApplication'),
      });
      return { PipelineId: need((order.Data.Pipelines as Json[])[0]?.PipelineId, 'a pipeline of the order') };
    },
  },
  ConfirmPipelineBatch: {
    step: 27,
    params: async () => {
      // Seed §5: the batch to confirm is the pipeline after the one equal to CurrentPipelineId.
      const order = (
        await call('DescribeChangeOrder', {
          ChangeOrderId: need(w.waitingOrderId, 'the ChangeOrderId from DeployApplication'),
        })
      ).Data;
      const pipelines = order.Pipelines as Json[];
      const current = pipelines.findIndex((p) => p.PipelineId === order.CurrentPipelineId);
      return {
        PipelineId: need(pipelines[current + 1]?.PipelineId, 'a next batch of the waiting order'),
        Confirm: true,
      };
    },
    after: () => settle(),
  },
  // Left waiting in manual batches, so that AbortChangeOrder has a running order to stop.
  RollbackApplication: {
    step: 28,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      VersionId: need(w.firstVersionId, 'a VersionId from ListAppVersions'),
      UpdateStrategy: manualTwoBatches,
      MinReadyInstances: 1,
    }),
    after: async (a) => {
      w.waitingOrderId = a.Data.ChangeOrderId;
      await untilOrder(a.Data.ChangeOrderId, (s) => s === 8 || finished(s));
    },
  },
  AbortChangeOrder: {
    step: 29,
    params: () => ({ ChangeOrderId: need(w.waitingOrderId, 'the ChangeOrderId from RollbackApplication') }),
    after: () => settle(),
  },
  AbortAndRollbackChangeOrder: {
    step: 30,
    params: async () => ({ ChangeOrderId: await waitingDeploy('3.0') }),
    after: () => settle(),
  },
  StopApplication: {
    step: 31,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
    after: () => settle(),
  },
  StartApplication: {
    step: 32,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
    after: () => settle(),
  },
  BatchStopApplications: {
    step: 33,
    params: () => ({ NamespaceId: w.ns, AppIds: need(w.appId, 'the AppId') }),
    after: () => settle(),
  },
  BatchStartApplications: {
    step: 34,
    params: () => ({ NamespaceId: w.ns, AppIds: need(w.appId, 'the AppId') }),
    after: () => settle(),
  },
  ListNamespaceChangeOrders: {
    step: 35,
    params: () => ({ NamespaceId: w.ns, CurrentPage: 1, PageSize: 10 }),
  },
  UpdateAppSecurityGroup: {
    step: 36,
    params: () => ({
      AppId: need(w.appId, 'the AppId'),
      SecurityGroupId: need(w.demoSecurityGroupId, 'a SecurityGroupId from DescribeNamespaceList'),
    }),
  },
  UntagResources: {
    step: 40,
    params: () => ({
      ...TAGS,
      ResourceIds: JSON.stringify([need(w.appId, 'the AppId')]),
      TagKeys: JSON.stringify(['catalogue']),
    }),
  },
  DeleteGreyTagRoute: {
    step: 40,
    params: () => ({ GreyTagRouteId: need(w.greyTagRouteId, 'the GreyTagRouteId from CreateGreyTagRoute') }),
  },
  DeleteIngress: {
    step: 40,
    params: () => ({ IngressId: need(w.ingressId, 'the IngressId from CreateIngress') }),
  },
  DeleteApplicationScalingRule: {
    step: 40,
    params: () => ({ AppId: need(w.appId, 'the AppId'), ScalingRuleName: w.ruleName }),
  },
  UnbindSlb: {
    step: 41,
    params: () => ({ AppId: need(w.appId, 'the AppId'), Internet: true, Intranet: true }),
    after: () => settle(),
  },
  DeleteApplication: {
    step: 42,
    params: () => ({ AppId: need(w.appId, 'the AppId') }),
    after: (a) => untilOrder(a.Data.ChangeOrderId),
  },
  DeleteConfigMap: {
    step: 43,
    params: () => ({ ConfigMapId: need(w.configMapId, 'the ConfigMapId from CreateConfigMap') }),
  },
  DeleteNamespace: { step: 44, params: () => ({ NamespaceId: w.ns }) },
};

/** Checks one documented object; `primary` lists (the collections an API returns) must not be empty. */
function checkFields(
  value: unknown,
  spec: SaeFieldsSpec,
  path: string,
  problems: string[],
  primary: boolean,
  mayBeEmpty: Readonly<Record<string, string>>,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path} is ${JSON.stringify(value)}, documented an object`);
    return;
  }
  const record = value as Json;
  for (const field of spec.fields) {
    if (record[field] === undefined && !spec.optional?.includes(field))
      problems.push(`${path}.${field} is missing`);
  }
  for (const [name, item] of Object.entries(spec.lists ?? {})) {
    if (record[name] === undefined) continue;
    const list = record[name];
    if (!Array.isArray(list)) {
      problems.push(`${path}.${name} is ${JSON.stringify(list)}, documented a list`);
      continue;
    }
    if (list.length === 0 && primary && !mayBeEmpty[name]) {
      problems.push(`${path}.${name} is empty, so the documented fields of its items went unchecked`);
    }
    list.forEach((entry, i) => {
      checkFields(entry, item, `${path}.${name}[${i}]`, problems, false, mayBeEmpty);
    });
  }
  for (const [name, object] of Object.entries(spec.objects ?? {})) {
    // A documented object may be null where it does not apply (a timing rule's Metric).
    if (record[name] !== null && record[name] !== undefined) {
      checkFields(record[name], object, `${path}.${name}`, problems, false, mayBeEmpty);
    }
  }
}

/** Every difference between an answer and the documented success answer of the API. */
function checkAnswer(
  name: SaeApiName,
  answer: Json,
  mayBeEmpty: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  const spec = saeResponses[name];
  const envelope = saeEnvelopes[spec.envelope];
  const expected = new Set<string>([...envelope.fields, ...(spec.data.type === 'none' ? [] : ['Data'])]);
  for (const field of expected)
    if (answer[field] === undefined) problems.push(`top-level ${field} is missing`);
  for (const field of Object.keys(answer)) {
    if (!expected.has(field))
      problems.push(`top-level ${field} is not documented for a ${spec.envelope} envelope`);
  }
  for (const [field, value] of Object.entries(envelope.values)) {
    if (field in answer && answer[field] !== value) {
      problems.push(`${field} is ${JSON.stringify(answer[field])}, documented ${JSON.stringify(value)}`);
    }
  }
  if ('top' in spec) checkFields(answer, { fields: [], lists: spec.top }, '', problems, true, mayBeEmpty);
  const data = answer.Data;
  switch (spec.data.type) {
    case 'none':
      break;
    case 'string':
    case 'boolean':
      if (typeof data !== spec.data.type)
        problems.push(`Data is ${JSON.stringify(data)}, documented a ${spec.data.type}`);
      break;
    case 'object':
      checkFields(data, spec.data, 'Data', problems, true, mayBeEmpty);
      break;
    case 'array':
      checkFields(
        { Data: data },
        { fields: ['Data'], lists: { Data: spec.data.items } },
        '',
        problems,
        true,
        mayBeEmpty,
      );
      break;
  }
  return problems;
}

/** API names of the seed: its section headings (`12.15. ReduceApplicationCapacityByInstanceIds`) and overview links. */
function seedApiNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\d+\.\d+\.\s*\n?([A-Z][A-Za-z]+)\s*$/gm)) names.add(m[1] as string);
  for (const m of text.matchAll(/doc-api-sae-([A-Za-z]+)/g)) names.add(m[1] as string);
  return names;
}

describe('the SAE catalogue', () => {
  it('holds the 79 APIs of seed 000, each name and each method + path once', () => {
    expect(apis).toHaveLength(79);
    expect(new Set(apis.map((a) => a.name)).size).toBe(79);
    const routes = apis.flatMap((a) => [a.method, ...(a.altMethods ?? [])].map((m) => `${m} ${a.path}`));
    expect(new Set(routes).size).toBe(routes.length);
    expect(Object.keys(saeResponses).sort()).toEqual(apis.map((a) => a.name).sort());
  });

  it('names every API the seed documents', () => {
    const seedNames = seedApiNames(readSeed('000'));
    const missing = [...seedNames].filter((n) => !byName.has(n));
    expect(missing, 'seed APIs missing from the catalogue').toEqual([]);
    expect(seedNames.size).toBe(79);
  });

  it('flags an answer that differs from the documented one', () => {
    const answer = (data: unknown, extra: Json = {}) => ({
      RequestId: 'R',
      Message: 'success',
      TraceId: 'T',
      ...(data === undefined ? {} : { Data: data }),
      Code: '200',
      Success: true,
      ...extra,
    });
    const namespace = {
      NamespaceId: 'cn-hangzhou:a',
      NamespaceName: 'a',
      NamespaceDescription: '',
      RegionId: 'cn-hangzhou',
    };
    expect(checkAnswer('DescribeNamespace', answer(namespace))).toEqual([]);
    expect(checkAnswer('DescribeNamespace', answer({ ...namespace, RegionId: undefined }))).toEqual([
      'Data.RegionId is missing',
    ]);
    expect(checkAnswer('DescribeNamespace', answer(namespace, { ErrorCode: 'success' }))).toEqual([
      'top-level ErrorCode is not documented for a standard envelope',
    ]);
    expect(checkAnswer('DescribeNamespace', answer(namespace, { Code: 200 }))).toEqual([
      'Code is 200, documented "200"',
    ]);
    expect(checkAnswer('DeleteNamespace', answer(undefined))).toEqual([]);
    const page = { CurrentPage: 1, PageSize: 10, TotalSize: 1 };
    expect(checkAnswer('DescribeNamespaces', answer({ ...page, Namespaces: [] }))).toEqual([
      'Data.Namespaces is empty, so the documented fields of its items went unchecked',
    ]);
    expect(checkAnswer('DescribeNamespaces', answer({ ...page, Namespaces: [namespace] }))).toEqual([
      'Data.Namespaces[0].AccessKey is missing',
      'Data.Namespaces[0].SecretKey is missing',
      'Data.Namespaces[0].TenantId is missing',
    ]);
  });

  it('has a sample call for every API', () => {
    expect(apis.filter((a) => !samples[a.name as SaeApiName]).map((a) => a.name)).toEqual([]);
  });
});

/** The outcome of each API, for the summary. */
const outcomes = new Map<string, string>();
const ordered = apis
  .map((api, index) => ({ api, index, sample: samples[api.name as SaeApiName] }))
  .sort((a, b) => a.sample.step - b.sample.step || a.index - b.index);

describe('every SAE API through the official client', () => {
  for (const { api, sample } of ordered) {
    const name = api.name as SaeApiName;
    it(`${name} answers as documented`, async () => {
      outcomes.set(name, 'not run to the end');
      let params: Query;
      try {
        params = await sample.params();
      } catch (error) {
        outcomes.set(name, `sample not built: ${(error as Error).message}`);
        throw error;
      }
      const missing = api.params.filter((p) => p.required && params[p.name] === undefined).map((p) => p.name);
      expect(missing, `required parameters the sample of ${name} leaves out`).toEqual([]);
      let answer: Json;
      try {
        answer = await call(name, params, sample.freshAccount ? sdk(fresh) : client);
      } catch (error) {
        const e = error as SdkError;
        const code = e.code ?? e.result?.Code;
        outcomes.set(name, `HTTP ${e.statusCode ?? '?'} ${code ?? e.message}`);
        throw new Error(`${name} failed: HTTP ${e.statusCode} ${code}: ${e.result?.Message ?? e.message}`);
      }
      const problems = checkAnswer(name, answer, sample.mayBeEmpty);
      await sample.after?.(answer);
      outcomes.set(name, problems.length === 0 ? 'ok' : problems.join('; '));
      expect(problems, `${name} differs from its documented answer`).toEqual([]);
    });
  }

  it('answers all 79 seed-000 APIs as documented', () => {
    const ok = apis.filter((a) => outcomes.get(a.name) === 'ok');
    const failures = apis
      .filter((a) => outcomes.get(a.name) !== 'ok')
      .map((a) => `${a.name}: ${outcomes.get(a.name) ?? 'not run'}`);
    console.log(`${ok.length} of ${apis.length} seed-000 APIs answered as documented`);
    if (failures.length > 0) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
  });
});
