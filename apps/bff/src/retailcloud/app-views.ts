import type {
  RcAppDetail,
  RcAppSummary,
  RcDeployConfig,
  RcEnvironment,
  RcJob,
  RcJobLog,
  RcPvc,
  RcService,
  RcSlbAp,
  RcUser,
} from '@console/contract';
import { type Raw, rcArr, rcIso, rcNum, rcObj, rcStr } from './gateway';
import { appEnvId } from './ids';

/** The cloud's answers mapped onto the console's shapes: ids as decimal strings, absent text as ''. */

const s = (v: unknown): string => rcStr(v) ?? '';
/** A cloud time as ISO 8601 in UTC; absent as ''. */
const time = (v: unknown): string => rcIso(v) ?? '';
const optNum = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : rcNum(v);

export const appSummaryView = (r: Raw): RcAppSummary => ({
  appId: s(r.AppId),
  title: s(r.Title),
  bizTitle: s(r.BizTitle),
  bizName: s(r.BizName),
  description: s(r.Description),
  language: s(r.Language),
  operatingSystem: s(r.OperatingSystem),
  serviceType: s(r.ServiceType),
  deployType: s(r.DeployType),
  appStateType: s(r.AppStateType),
});

export const appDetailView = (r: Raw): RcAppDetail => ({
  ...appSummaryView(r),
  userRoles: rcArr(r.UserRoles).map((u) => ({
    userId: s(u.UserId),
    userType: s(u.UserType),
    realName: s(u.RealName),
    roleName: s(u.RoleName),
  })),
});

export const envView = (r: Raw): RcEnvironment => ({
  id: appEnvId({ appId: rcNum(r.AppId), envId: rcNum(r.EnvId) }),
  appId: s(r.AppId),
  envId: s(r.EnvId),
  envName: s(r.EnvName),
  envType: rcNum(r.EnvType),
  envTypeName: s(r.EnvTypeName),
  region: s(r.Region),
  appSchemaId: s(r.AppSchemaId),
  ...(r.Replicas === undefined ? {} : { replicas: rcNum(r.Replicas) }),
});

export const deployConfigView = (r: Raw): RcDeployConfig => {
  const yaml = rcObj(r.ContainerYamlConf);
  return {
    id: s(r.Id),
    appId: s(r.AppId),
    name: s(r.Name),
    envType: s(r.EnvType),
    codePath: s(rcObj(r.ContainerCodePath).CodePath),
    deployment: s(yaml.Deployment),
    statefulSet: s(yaml.StatefulSet),
    cronJob: s(yaml.CronJob),
    configMapList: (Array.isArray(yaml.ConfigMapList) ? yaml.ConfigMapList : []).map(s),
    secretCount: Array.isArray(yaml.SecretList) ? yaml.SecretList.length : 0,
  };
};

export const userView = (r: Raw): RcUser => ({
  userId: s(r.UserId),
  userType: s(r.UserType),
  realName: s(r.RealName),
});

export const pvcView = (r: Raw): RcPvc => ({
  name: s(r.Name),
  capacity: s(r.Capacity),
  accessModes: s(r.AccessModes),
  status: s(r.Status),
  storageClass: s(r.StorageClass),
  volumeName: s(r.VolumeName),
  createTime: time(r.CreateTime),
});

export const slbApView = (r: Raw): RcSlbAp => {
  const extras = {
    establishedTimeout: optNum(r.EstablishedTimeout),
    stickySession: optNum(r.StickySession),
    cookieTimeout: optNum(r.CookieTimeout),
    sslCertId: rcStr(r.SslCertId),
  };
  return {
    slbApId: s(r.SlbAPId),
    appId: s(r.AppId),
    envId: s(r.EnvId),
    name: s(r.Name),
    slbId: s(r.SlbId),
    slbIp: s(r.SlbIp),
    networkMode: s(r.NetworkMode),
    protocol: s(r.Protocol),
    listenerPort: rcNum(r.ListenerPort),
    realServerPort: rcNum(r.RealServerPort),
    ...Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined)),
  };
};

export const serviceView = (r: Raw): RcService => ({
  serviceId: s(r.ServiceId),
  appId: s(r.AppId),
  envId: s(r.EnvId),
  name: s(r.Name),
  k8sServiceId: s(r.K8sServiceId),
  serviceType: s(r.ServiceType),
  headless: r.Headless === true || r.Headless === 'true',
  portMappings: rcArr(r.PortMappings).map((p) => {
    const nodePort = optNum(p.NodePort);
    return {
      name: s(p.Name),
      port: rcNum(p.Port),
      targetPort: s(p.TargetPort),
      protocol: s(p.Protocol),
      ...(nodePort ? { nodePort } : {}),
    };
  }),
});

/** The seed's example shows PodList as a string "[a, b]" although it is typed List; both are read. */
function podList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(s).filter(Boolean);
  const text = s(v).replace(/^\[|\]$/g, '');
  return text ? text.split(',').map((p) => p.trim()) : [];
}

export const jobView = (r: Raw): RcJob => ({
  name: s(r.Name),
  startTime: time(r.StartTime),
  completionTime: time(r.CompletionTime),
  activeDeadlineSeconds: rcNum(r.ActiveDeadlineSeconds),
  backoffLimit: rcNum(r.BackoffLimit),
  completions: rcNum(r.Completions),
  parallelism: rcNum(r.Parallelism),
  succeeded: rcNum(r.Succeeded),
  failed: rcNum(r.Failed),
  message: s(r.Message),
  podList: podList(r.PodList),
});

export const jobLogView = (r: Raw): RcJobLog => ({
  podName: s(r.PodName),
  jobLog: s(r.JobLog),
  events: rcArr(r.Events).map((e) => ({
    action: s(e.Action),
    count: rcNum(e.Count),
    eventTime: time(e.EventTime),
    firstTimestamp: time(e.FirstTimestamp),
    lastTimestamp: time(e.LastTimestamp),
    // The seed spells it `Mesage`; a corrected cloud would say `Message`.
    message: s(e.Mesage ?? e.Message),
    reason: s(e.Reason),
    type: s(e.Type),
  })),
});
