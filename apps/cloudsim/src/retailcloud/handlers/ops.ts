import { page, type RcParams, type RetailCloudHandlers } from '../context';
import {
  type BizCode,
  minuteZ,
  type RcJob,
  type RcPortMapping,
  type RcService,
  type RcSlbAP,
  rcError,
  spaced,
} from '../model';
import type { RetailCloudStore } from '../store';

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

const BIZ_CODES = new Set(['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE']);
const bizCode = (params: RcParams): BizCode => {
  const biz = params.str('BizCode', true);
  check(BIZ_CODES.has(biz), 'BizCode');
  return biz as BizCode;
};

function findGroup(store: RetailCloudStore, biz: string, name: string) {
  const group = [...store.groups.values()].find((g) => g.BizCode === biz && g.Name === name);
  if (!group) throw rcError('notFound', `分组 ${name} 不存在`);
  return group;
}

// ---- SLB access points ----

const SLB_PROTOCOLS = new Set(['TCP', 'UDP', 'HTTP', 'HTTPS']);
const isPort = (n: number) => n >= 1 && n <= 65_535;

/** The protocol-specific extras: each one only where the seed allows it, within its range. */
function slbExtras(params: RcParams, protocol: string, ap: Partial<RcSlbAP>): void {
  const http = protocol === 'HTTP' || protocol === 'HTTPS';
  const timeout = params.int('EstablishedTimeout');
  if (timeout !== undefined) {
    check(protocol === 'TCP' && timeout >= 10 && timeout <= 900, 'EstablishedTimeout');
    ap.EstablishedTimeout = timeout;
  }
  const sticky = params.int('StickySession');
  if (sticky !== undefined) {
    check(http && (sticky === 0 || sticky === 1), 'StickySession');
    ap.StickySession = sticky;
  }
  const cookie = params.int('CookieTimeout');
  if (cookie !== undefined) {
    check(http && cookie >= 1 && cookie <= 86_400, 'CookieTimeout');
    ap.CookieTimeout = cookie;
  }
  const cert = params.str('SslCertId');
  if (cert !== undefined) {
    check(protocol === 'HTTPS' && cert !== '', 'SslCertId');
    ap.SslCertId = cert;
  }
}

const slbView = (ap: RcSlbAP) => ({
  AppId: ap.AppId,
  EnvId: ap.EnvId,
  SlbAPId: ap.SlbAPId,
  SlbId: ap.SlbId,
  SlbIp: ap.SlbIp,
  Name: ap.Name,
  NetworkMode: ap.NetworkMode,
  Protocol: ap.Protocol,
  ListenerPort: ap.ListenerPort,
  RealServerPort: ap.RealServerPort,
  EstablishedTimeout: ap.EstablishedTimeout,
  StickySession: ap.StickySession,
  CookieTimeout: ap.CookieTimeout,
  SslCertId: ap.SslCertId,
});

function slbAP(store: RetailCloudStore, id: number): RcSlbAP {
  const ap = store.slbAPs.get(id);
  if (!ap) throw rcError('notFound', `SLB接入 ${id} 不存在`);
  return ap;
}

// ---- Services ----

const K8S_DNS = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

function portMappings(params: RcParams, serviceType: string): RcPortMapping[] | undefined {
  const items = params.objects('PortMappings');
  if (!items) return undefined;
  return items.map((item, i) => {
    const at = `PortMappings.${i + 1}`;
    for (const field of ['Name', 'Port', 'TargetPort', 'Protocol']) {
      check(item[field] !== undefined && item[field] !== '', `${at}.${field}`);
    }
    const port = Number(item.Port);
    check(Number.isInteger(port) && isPort(port), `${at}.Port`);
    check(item.Protocol === 'TCP' || item.Protocol === 'UDP', `${at}.Protocol`);
    const mapping: RcPortMapping = {
      Name: item.Name as string,
      Port: port,
      TargetPort: item.TargetPort as string,
      Protocol: item.Protocol as 'TCP' | 'UDP',
    };
    if (item.NodePort !== undefined && item.NodePort !== '') {
      const nodePort = Number(item.NodePort);
      check(serviceType === 'NodePort', `${at}.NodePort 仅NodePort类型可用`);
      check(Number.isInteger(nodePort) && nodePort >= 30_000 && nodePort <= 32_767, `${at}.NodePort`);
      mapping.NodePort = nodePort;
    }
    return mapping;
  });
}

const serviceView = (s: RcService) => ({
  AppId: s.AppId,
  EnvId: s.EnvId,
  ServiceId: s.ServiceId,
  Name: s.Name,
  K8sServiceId: s.K8sServiceId,
  ServiceType: s.ServiceType,
  Headless: s.Headless,
  PortMappings: s.PortMappings.map((p) => ({ ...p })),
});

function service(store: RetailCloudStore, id: number): RcService {
  const s = store.services.get(id);
  if (!s) throw rcError('notFound', `Service ${id} 不存在`);
  return s;
}

// ---- Jobs ----

const jobSucceeded = (job: RcJob) => job.completedAt !== undefined && job.Succeeded > 0;
const jobFailed = (job: RcJob) => job.completedAt !== undefined && job.Succeeded === 0 && job.Failed > 0;

/** 应用分组, 用户管理, SLB接入, Service管理 and 任务管理 (seed 1.6, 2, 3.1–3.3). */
export const opsHandlers: RetailCloudHandlers = {
  CreateAppGroup: ({ params, store }) => {
    const biz = bizCode(params);
    const name = params.str('Name', true);
    check(name.trim() !== '', 'Name');
    if ([...store.groups.values()].some((g) => g.BizCode === biz && g.Name === name))
      throw rcError('conflict', `分组 ${name}`);
    const id = store.nextId('group');
    store.groups.set(id, { Id: id, Name: name, BizCode: biz });
    return { Result: { AppGroupId: id } };
  },

  ListAppGroup: ({ params, store }) => {
    const biz = bizCode(params);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const items = [...store.groups.values()].filter((g) => g.BizCode === biz).sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map((g) => ({ BizName: g.BizCode, Id: g.Id, Name: g.Name })) };
  },

  BindGroup: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const group = findGroup(store, bizCode(params), params.str('Name', true));
    const app = store.app(appId);
    if (app.BizCode !== group.BizCode) throw rcError('invalidParameter', '应用与分组的业务线不一致');
    if ([...store.groupMappings.values()].some((m) => m.AppId === appId && m.GroupId === group.Id))
      throw rcError('conflict', `应用 ${appId} 已在分组 ${group.Name} 中`);
    const id = store.nextId('mapping');
    store.groupMappings.set(id, { Id: id, AppId: appId, GroupId: group.Id, Name: group.Name });
    return { Result: { Success: true } };
  },

  UnbindGroup: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const group = findGroup(store, bizCode(params), params.str('Name', true));
    const mapping = [...store.groupMappings.values()].find(
      (m) => m.AppId === appId && m.GroupId === group.Id,
    );
    if (!mapping) throw rcError('notFound', `应用 ${appId} 不在分组 ${group.Name} 中`);
    store.groupMappings.delete(mapping.Id);
    return { Result: { Success: true } };
  },

  ListAppGroupMapping: ({ params, store }) => {
    const group = findGroup(store, bizCode(params), params.str('Name', true));
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const items = [...store.groupMappings.values()]
      .filter((m) => m.GroupId === group.Id)
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return {
      ...result,
      Data: result.Data.map((m) => ({ AppId: m.AppId, GroupId: m.GroupId, Id: m.Id, Name: m.Name })),
    };
  },

  DeleteAppGroup: ({ params, store }) => {
    const force = params.bool('Force', true);
    const groupId = params.int('GroupId', true);
    const group = store.groups.get(groupId);
    if (!group) throw rcError('notFound', `分组 ${groupId} 不存在`);
    const mappings = [...store.groupMappings.values()].filter((m) => m.GroupId === groupId);
    if (mappings.length > 0 && !force)
      throw rcError('inUse', `分组 ${group.Name} 下仍有 ${mappings.length} 个应用`);
    for (const m of mappings) store.groupMappings.delete(m.Id);
    store.groups.delete(groupId);
    return { Result: { Success: true } };
  },

  ListUsers: ({ params, store }) => {
    const result = page(store.users, params.int('PageNumber', true), params.int('PageSize', true), 10);
    return {
      ...result,
      Data: result.Data.map((u) => ({ UserId: u.UserId, UserType: u.UserType, RealName: u.RealName })),
    };
  },

  CreateSlbAP: ({ params, store }) => {
    const envId = params.int('EnvId', true);
    const name = params.str('Name', true);
    const slbId = params.str('SlbId', true);
    const listenerPort = params.int('ListenerPort', true);
    const realServerPort = params.int('RealServerPort', true);
    const protocol = params.str('Protocol', true);
    const env = store.env(envId);
    check(name.trim() !== '', 'Name');
    check(/^lb-[a-z0-9]+$/.test(slbId), 'SlbId');
    check(isPort(listenerPort), 'ListenerPort');
    check(isPort(realServerPort), 'RealServerPort');
    check(SLB_PROTOCOLS.has(protocol), 'Protocol');
    const onSlb = [...store.slbAPs.values()].filter((ap) => ap.SlbId === slbId);
    if (onSlb.some((ap) => ap.ListenerPort === listenerPort))
      throw rcError('conflict', `SLB ${slbId} 的监听端口 ${listenerPort} 已被使用`);
    const ap: RcSlbAP = {
      SlbAPId: store.nextId('slb'),
      AppId: env.AppId,
      EnvId: envId,
      Name: name,
      SlbId: slbId,
      // One SLB has one address; a new SLB gets a public one.
      SlbIp: onSlb[0]?.SlbIp ?? `47.92.${store.ids.int(1, 254)}.${store.ids.int(1, 254)}`,
      NetworkMode: onSlb[0]?.NetworkMode ?? 'internet',
      Protocol: protocol as RcSlbAP['Protocol'],
      ListenerPort: listenerPort,
      RealServerPort: realServerPort,
    };
    slbExtras(params, protocol, ap);
    if (protocol === 'HTTPS' && !ap.SslCertId) throw rcError('invalidParameter', 'HTTPS 需要 SslCertId');
    store.slbAPs.set(ap.SlbAPId, ap);
    return { Result: { SlbAPId: ap.SlbAPId } };
  },

  ModifySlbAP: ({ params, store }) => {
    const ap = slbAP(store, params.int('SlbAPId', true));
    const next: RcSlbAP = { ...ap };
    const name = params.str('Name');
    if (name !== undefined) {
      check(name.trim() !== '', 'Name');
      next.Name = name;
    }
    const realServerPort = params.int('RealServerPort');
    if (realServerPort !== undefined) {
      check(isPort(realServerPort), 'RealServerPort');
      next.RealServerPort = realServerPort;
    }
    slbExtras(params, ap.Protocol, next);
    store.slbAPs.set(ap.SlbAPId, next);
    return {};
  },

  DeleteSlbAP: ({ params, store }) => {
    const ap = slbAP(store, params.int('SlbAPId', true));
    store.slbAPs.delete(ap.SlbAPId);
    return {};
  },

  DescribeSlbAPDetail: ({ params, store }) => ({
    Result: slbView(slbAP(store, params.int('SlbAPId', true))),
  }),

  ListSlbAPs: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.app(appId);
    const envId = params.int('EnvId');
    const name = params.str('Name');
    const mode = params.str('NetworkMode');
    const slbId = params.str('SlbId');
    const protocols = params.list('ProtocolList');
    const items = [...store.slbAPs.values()]
      .filter(
        (ap) =>
          ap.AppId === appId &&
          (envId === undefined || ap.EnvId === envId) &&
          (!name || ap.Name.includes(name)) &&
          (!mode || ap.NetworkMode === mode) &&
          (!slbId || ap.SlbId === slbId) &&
          (!protocols || protocols.includes(ap.Protocol)),
      )
      .sort((a, b) => a.SlbAPId - b.SlbAPId);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(slbView) };
  },

  CreateService: ({ params, store }) => {
    const envId = params.int('EnvId', true);
    const name = params.str('Name', true);
    const serviceType = params.str('ServiceType', true);
    const k8sName = params.str('K8sServiceId', true);
    const env = store.env(envId);
    check(name.trim() !== '', 'Name');
    check(serviceType === 'ClusterIP' || serviceType === 'NodePort', 'ServiceType');
    check(K8S_DNS.test(k8sName), 'K8sServiceId');
    const mappings = portMappings(params, serviceType);
    if (!mappings) throw rcError('invalidParameter', 'PortMappings');
    const headless = params.bool('Headless') ?? false;
    check(!headless || serviceType === 'ClusterIP', 'Headless 仅ClusterIP类型可用');
    if ([...store.services.values()].some((s) => s.EnvId === envId && s.K8sServiceId === k8sName))
      throw rcError('conflict', `Service ${k8sName}`);
    const svc: RcService = {
      ServiceId: store.nextId('service'),
      AppId: env.AppId,
      EnvId: envId,
      Name: name,
      K8sServiceId: k8sName,
      ServiceType: serviceType as RcService['ServiceType'],
      Headless: headless,
      PortMappings: mappings,
    };
    store.services.set(svc.ServiceId, svc);
    return { Result: { ServiceId: svc.ServiceId } };
  },

  ModifyService: ({ params, store }) => {
    const svc = service(store, params.int('ServiceId', true));
    const name = params.str('Name');
    if (name !== undefined) check(name.trim() !== '', 'Name');
    const mappings = portMappings(params, svc.ServiceType);
    if (name !== undefined) svc.Name = name;
    if (mappings) svc.PortMappings = mappings;
    return {};
  },

  DeleteService: ({ params, store }) => {
    const svc = service(store, params.int('ServiceId', true));
    store.services.delete(svc.ServiceId);
    return {};
  },

  DescribeServiceDetail: ({ params, store }) => ({
    Result: serviceView(service(store, params.int('ServiceId', true))),
  }),

  ListServices: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.app(appId);
    const envId = params.int('EnvId');
    const name = params.str('Name');
    const type = params.str('ServiceType');
    const items = [...store.services.values()]
      .filter(
        (s) =>
          s.AppId === appId &&
          (envId === undefined || s.EnvId === envId) &&
          (!name || s.Name.includes(name)) &&
          (!type || s.ServiceType === type),
      )
      .sort((a, b) => a.ServiceId - b.ServiceId);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(serviceView) };
  },

  ListJobHistories: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const status = params.str('Status', true);
    check(status === 'SUCCESS' || status === 'FAILED' || status === 'ALL', 'Status');
    store.appEnv(appId, envId);
    const items = store.jobs
      .filter(
        (j) =>
          j.EnvId === envId && (status === 'ALL' || (status === 'SUCCESS' ? jobSucceeded(j) : jobFailed(j))),
      )
      .sort((a, b) => b.startedAt - a.startedAt);
    const result = page(items, pageNumber, pageSize, 10);
    return {
      ...result,
      Data: result.Data.map((j) => ({
        Name: j.Name,
        StartTime: spaced(j.startedAt),
        CompletionTime: j.completedAt === undefined ? '' : spaced(j.completedAt),
        ActiveDeadlineSeconds: j.ActiveDeadlineSeconds,
        BackoffLimit: j.BackoffLimit,
        Completions: j.Completions,
        Parallelism: j.Parallelism,
        Succeeded: j.Succeeded,
        Failed: j.Failed,
        Message: j.Message,
        PodList: [...j.PodList],
      })),
    };
  },

  DescribeJobLog: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const podName = params.str('PodName', true);
    store.appEnv(appId, envId);
    const job = store.jobs.find((j) => j.EnvId === envId && j.PodList.includes(podName));
    if (!job) throw rcError('notFound', `实例 ${podName} 不存在`);
    return {
      Result: {
        AppId: appId,
        EnvId: envId,
        PodName: podName,
        JobLog: job.logs[podName] ?? '',
        Events: (job.events[podName] ?? []).map((e) => ({
          Action: e.Action,
          Count: e.Count,
          EventTime: minuteZ(e.at),
          FirstTimestamp: minuteZ(e.at),
          LastTimestamp: minuteZ(e.at),
          // The seed's spelling.
          Mesage: e.Mesage,
          Reason: e.Reason,
          Type: e.Type,
        })),
      },
    };
  },
};
