import {
  type HttpMethod,
  type SaeApiName,
  type SaeApiSpec,
  saeApis2019,
  saeRegions,
} from '@console/catalogue';
import type { SaeContext, SaeHandler, SaeHandlers } from './context';
import { type HandlerResult, newTraceId, SaeError } from './envelope';
import { Params, type ParamValue } from './params';
import { legacyFallbackHandlers } from './profile-2019-fallbacks';

/**
 * The `2019` profile: the legacy account answers as seed 001 (the 2019 reference) documents. It
 * routes by the seed-001 catalogue, wraps its success answers in the seed-001 envelope and reuses
 * the shared handlers, adapting parameters and trimming `Data` where seed 001 differs.
 */

/** Ids of the legacy account's world start from another PRNG seed, so the two accounts never share an id. */
export const LEGACY_ID_SEED = 0x5ae1909;

const routes = new Map<string, SaeApiSpec>();
for (const api of saeApis2019) routes.set(`${api.method} ${api.path}`, api);

export function findApi2019(method: string, path: string): SaeApiSpec | undefined {
  return routes.get(`${method.toUpperCase() as HttpMethod} ${path}`);
}

/** Seed 001 shows no TraceId for these two (neither in the field table nor in the example). */
const NO_TRACE_ID = new Set<string>(['ListApplications', 'RescaleApplication']);

/**
 * Seed 001's success envelope: every example carries `"ErrorCode":"success"` and a numeric
 * `"Code":200`, and paging stays inside `Data` (no top-level copy as in 2022's ListApplications).
 */
export function successBody2019(
  api: string,
  requestId: string,
  result: HandlerResult,
): Record<string, unknown> {
  if (result.body) return { RequestId: requestId, ...result.body };
  const body: Record<string, unknown> = {};
  if (result.data !== undefined) body.Data = result.data;
  body.Message = 'success';
  body.RequestId = requestId;
  if (!NO_TRACE_ID.has(api)) body.TraceId = newTraceId();
  body.Success = true;
  body.ErrorCode = 'success';
  body.Code = 200;
  return body;
}

type Row = Record<string, unknown>;

function pick(row: unknown, keys: readonly string[]): Row {
  const source = (row ?? {}) as Row;
  const out: Row = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  return out;
}

function withParams(params: Params, changes: Record<string, ParamValue | undefined>): Params {
  const values: Record<string, ParamValue> = { ...params.all() };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  return new Params(values);
}

const BATCH_TYPE_TEXT: Record<string, string> = { auto: '自动', manual: '手动' };
const batchTypeText = (value: unknown) => BATCH_TYPE_TEXT[String(value)] ?? value;
/** Seed 001 names batches `第1批变更`. */
const pipelineName = (value: unknown) => String(value).replace(/^Batch (\d+) Change$/, '第$1批变更');

/** DescribeApplicationConfig fields of seed 001 (its table plus the extra keys of its example). */
const CONFIG_FIELDS = [
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
  'Replicas',
  'VSwitchId',
  'VpcId',
  'RegionId',
  'WebContainer',
] as const;

const INSTANCE_FIELDS = [
  'CreateTimeStamp',
  'GroupId',
  'InstanceContainerIp',
  'InstanceContainerStatus',
  'InstanceId',
] as const;

const APP_LIST_FIELDS = [
  'AppDeletingStatus',
  'AppId',
  'AppName',
  'Instances',
  'RegionId',
  'RunningInstances',
] as const;

const ORDER_LIST_FIELDS = [
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
] as const;

const ORDER_FIELDS = [
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
] as const;

const PIPELINE_FIELDS = [
  'BatchType',
  'ParallelCount',
  'PipelineId',
  'PipelineName',
  'StartTime',
  'Status',
  'UpdateTime',
] as const;

const LOG_CONFIG_FIELDS = [
  'ConfigName',
  'CreateTime',
  'LogDir',
  'LogType',
  'RegionId',
  'SlsLogStore',
  'SlsProject',
  'StoreType',
] as const;

const SERVICE_FIELDS = ['AppId', 'Group2Ip', 'Groups', 'Ips', 'Name', 'Type', 'Version'] as const;
const SLB_PORT_FIELDS = ['Port', 'Protocol', 'TargetPort'] as const;
const NAMESPACE_FIELDS = ['NamespaceDescription', 'NamespaceId', 'NamespaceName', 'RegionId'] as const;
const NAMESPACE_LIST_FIELDS = [
  'AgentInstall',
  'Current',
  'Custom',
  'HybridCloudEnable',
  'NamespaceId',
  'NamespaceName',
  'RegionId',
  'VSwitchId',
  'VpcId',
] as const;
const STATUS_FIELDS = [
  'AppId',
  'ArmsAdvancedEnabled',
  'ArmsApmInfo',
  'CreateTime',
  'CurrentStatus',
  'LastChangeOrderId',
  'LastChangeOrderRunning',
  'LastChangeOrderStatus',
  'RunningInstances',
] as const;
const GROUP_FIELDS = [
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
] as const;
const IMAGE_FIELDS = [
  'CrUrl',
  'Logo',
  'RegionId',
  'RepoName',
  'RepoNamespace',
  'RepoOriginType',
  'RepoTag',
  'RepoType',
] as const;
const COMPONENT_FIELDS = ['ComponentDescription', 'ComponentKey', 'Expired', 'Type'] as const;
const SPEC_FIELDS = ['Cpu', 'Enable', 'Id', 'Memory', 'SpecInfo', 'Version'] as const;

const object = (keys: readonly string[]) => (data: unknown) => pick(data, keys);
const list = (keys: readonly string[]) => (data: unknown) =>
  ((data ?? []) as Row[]).map((row) => pick(row, keys));
const changeOrderOnly: Adapter = { data: object(['ChangeOrderId']) };

interface Adapter {
  /** Rewrites the validated seed-001 parameters into what the shared handler reads. */
  params?: (params: Params) => Params;
  /** Reshapes the shared handler's `Data` into the seed-001 shape. */
  data?: (data: unknown) => unknown;
}

/** One BindSlb listener as seed 001 documents it: a single JSON object, TCP only. */
function slbListener(params: Params, name: 'Internet' | 'Intranet'): string | undefined {
  const value = params.json<unknown>(name);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SaeError('InvalidParameter.Obviously', name);
  }
  const listener = value as Row;
  const protocol = String(listener.protocol ?? 'TCP').toUpperCase();
  if (protocol !== 'TCP') throw new SaeError('InvalidParameter.ProtocolNotSupport');
  return JSON.stringify([{ ...listener, protocol }]);
}

const adapters: Partial<Record<SaeApiName, Adapter>> = {
  CreateNamespace: { data: object(NAMESPACE_FIELDS) },
  DescribeNamespace: { data: object(NAMESPACE_FIELDS) },
  UpdateNamespace: { data: object(NAMESPACE_FIELDS) },
  DescribeNamespaces: {
    data: (data) => {
      const page = data as Row;
      return {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Namespaces: list([...NAMESPACE_FIELDS, 'AccessKey', 'SecretKey', 'TenantId'])(page.Namespaces),
      };
    },
  },
  DescribeNamespaceList: { data: list(NAMESPACE_LIST_FIELDS) },
  DescribeComponents: { data: list(COMPONENT_FIELDS) },
  DescribeEdasContainers: { data: list(['Disabled', 'EdasContainerVersion']) },
  DescribeApplicationImage: { data: object(IMAGE_FIELDS) },
  DescribeApplicationGroups: { data: list(GROUP_FIELDS) },
  DescribeInstanceSpecifications: { data: list(SPEC_FIELDS) },
  DeleteApplication: changeOrderOnly,
  StopApplication: changeOrderOnly,
  StartApplication: changeOrderOnly,
  RestartApplication: changeOrderOnly,
  RescaleApplication: changeOrderOnly,
  RescaleApplicationVertically: changeOrderOnly,
  UnbindSlb: changeOrderOnly,
  AbortChangeOrder: changeOrderOnly,
  AbortAndRollbackChangeOrder: changeOrderOnly,
  ConfirmPipelineBatch: { data: object(['PipelineId']) },
  DescribeApplicationConfig: {
    data: (data) => {
      const config = pick(data, CONFIG_FIELDS);
      // The world keeps minutes (2022); seed 001 reports seconds.
      config.BatchWaitTime = Math.round(Number(config.BatchWaitTime ?? 0) * 60);
      return config;
    },
  },
  DescribeApplicationInstances: {
    data: (data) => {
      const page = data as Row;
      return {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Instances: list(INSTANCE_FIELDS)(page.Instances),
      };
    },
  },
  ListApplications: {
    data: (data) => {
      const page = data as Row;
      return {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Applications: ((page.Applications ?? []) as Row[]).map((a) => pick(a, APP_LIST_FIELDS)),
      };
    },
  },
  QueryResourceStatics: {
    // Integer in seed 001 (Float in 2022).
    data: (data) => {
      const usage = data as Record<string, Row>;
      const whole = (part: Row | undefined) => ({
        Cpu: Math.round(Number(part?.Cpu ?? 0)),
        Memory: Math.round(Number(part?.Memory ?? 0)),
      });
      return { RealTimeRes: whole(usage.RealTimeRes), Summary: whole(usage.Summary) };
    },
  },
  ListLogConfigs: {
    data: (data) => {
      const page = data as Row;
      return {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        LogConfigs: ((page.LogConfigs ?? []) as Row[]).map((c) => pick(c, LOG_CONFIG_FIELDS)),
      };
    },
  },
  DescribeApplicationStatus: { data: object(STATUS_FIELDS) },
  DeployApplication: {
    // Seed 001 counts BatchWaitTime in seconds; the shared handler reads minutes.
    params: (params) => {
      const seconds = params.int('BatchWaitTime');
      return withParams(params, { BatchWaitTime: seconds === undefined ? undefined : seconds / 60 });
    },
    data: (data) => pick(data, ['AppId', 'ChangeOrderId']),
  },
  CreateApplication: {
    // Seed 001: "是否立即部署生效。默认为否。"
    params: (params) => withParams(params, { Deploy: params.bool('Deploy') ?? false }),
    data: (data) => pick(data, ['AppId', 'ChangeOrderId']),
  },
  ListChangeOrders: {
    data: (data) => {
      const page = data as Row;
      return {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        ChangeOrderList: ((page.ChangeOrderList ?? []) as Row[]).map((o) => {
          const item = pick(o, ORDER_LIST_FIELDS);
          item.BatchType = batchTypeText(item.BatchType);
          return item;
        }),
      };
    },
  },
  DescribeChangeOrder: {
    data: (data) => {
      const order = pick(data, ORDER_FIELDS);
      order.BatchType = batchTypeText(order.BatchType);
      order.Pipelines = ((order.Pipelines ?? []) as Row[]).map((p) => {
        const pipeline = pick(p, PIPELINE_FIELDS);
        pipeline.PipelineName = pipelineName(pipeline.PipelineName);
        return pipeline;
      });
      return order;
    },
  },
  BindSlb: {
    params: (params) =>
      withParams(params, {
        Internet: slbListener(params, 'Internet'),
        Intranet: slbListener(params, 'Intranet'),
      }),
    data: (data) => pick(data, ['ChangeOrderId']),
  },
  DescribeApplicationSlbs: {
    data: (data) => {
      const slbs = data as Row;
      const ports = (list: unknown) => ((list ?? []) as Row[]).map((p) => pick(p, SLB_PORT_FIELDS));
      return {
        Internet: ports(slbs.Internet),
        InternetIp: slbs.InternetIp ?? '',
        Intranet: ports(slbs.Intranet),
        IntranetIp: slbs.IntranetIp ?? '',
      };
    },
  },
  ListConsumedServices: { data: list(SERVICE_FIELDS) },
  ListPublishedServices: { data: list(SERVICE_FIELDS) },
};

/** Answers of seed 001 that the shared handlers do not give in this shape. */
const own: Partial<Record<SaeApiName, SaeHandler>> = {
  // Seed 001 wraps the list as Regions.Region and shows no RecommendZones, Success or ErrorCode.
  DescribeRegions: () => ({
    body: {
      Message: 'success',
      Regions: {
        Region: saeRegions.map((r) => ({
          RegionId: r.RegionId,
          RegionEndpoint: `sae.${r.RegionId}.aliyuncs.com`,
          LocalName: r.LocalName,
        })),
      },
      Code: 200,
    },
  }),
};

function adapt(handler: SaeHandler, adapter: Adapter | undefined): SaeHandler {
  if (!adapter) return handler;
  return (ctx: SaeContext) => {
    const params = adapter.params ? adapter.params(ctx.params) : ctx.params;
    const result = handler({ ...ctx, params });
    if (!adapter.data || result.data === undefined || result.body) return result;
    return { data: adapter.data(result.data) };
  };
}

/**
 * The 37 handlers of the 2019 profile. `shared` is read on every call, so a family that another
 * module registers later is picked up; the legacy fallbacks answer only where no shared handler
 * exists yet.
 */
export function saeHandlers2019(shared: SaeHandlers): SaeHandlers {
  const handlers: SaeHandlers = {};
  for (const api of saeApis2019) {
    const name = api.name;
    const ownHandler = own[name];
    if (ownHandler) {
      handlers[name] = ownHandler;
      continue;
    }
    handlers[name] = (ctx) => {
      const base = shared[name] ?? legacyFallbackHandlers[name];
      if (!base) throw new SaeError('InvalidApi.NotImplemented', name);
      return adapt(base, adapters[name])(ctx);
    };
  }
  return handlers;
}
