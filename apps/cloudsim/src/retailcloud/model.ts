/**
 * Retail Cloud (retailcloud 2018-03-13) state. Field names follow the seed's response keys where a
 * record is returned as is; lower-case fields are simulator bookkeeping and never leave the handlers.
 */

import { reported, simulated } from '../reported-time';

/**
 * A business failure: answered with HTTP 200, `Code` ≠ 0 and the message under the action's error key.
 * The seed defines only Code 0 (success) and 3 (权限错误); the other codes are ours (see RC_ERRORS).
 */
export class RetailCloudError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Codes the simulator answers with; 3 is the seed's, the rest are chosen here and kept stable. */
export const RC_ERRORS = {
  invalidParameter: { code: 1, message: '参数错误' },
  notFound: { code: 2, message: '资源不存在' },
  permission: { code: 3, message: '权限错误' },
  /** CloseDeployOrder's text: an unfinished order blocks any new deploy of the environment. */
  orderInProgress: { code: 4, message: '存在未完成的发布单，请先完成或关闭该发布单' },
  orderState: { code: 5, message: '发布单当前状态不允许该操作' },
  conflict: { code: 6, message: '资源已存在' },
  inUse: { code: 7, message: '资源正在使用中，无法删除' },
} as const;

export type RcErrorKind = keyof typeof RC_ERRORS;

export function rcError(kind: RcErrorKind, detail?: string): RetailCloudError {
  const spec = RC_ERRORS[kind];
  return new RetailCloudError(spec.code, detail ? `${spec.message}: ${detail}` : spec.message);
}

export type BizCode = 'JST' | 'NEW_RETAIL' | 'MINI_APP' | 'SUPPLY' | 'MESSAGE';
export type UserType = 'DING_TALK' | 'TAOBAO';
export type RoleName = 'Owner' | 'PE' | 'Dev' | 'Test';
/** CreateApp StateType: 1 stateless, 2 stateful, 3 DaemonSet, 5 CronJob. */
export type StateType = 1 | 2 | 3 | 5;
/** Environment APIs: 0 test (测试), 1 production (正式). */
export type EnvTypeCode = 0 | 1;
/** Deploy-config and deploy-order spelling of the same two types. */
export type EnvTypeName = 'test' | 'online';

export const envTypeName = (t: EnvTypeCode): EnvTypeName => (t === 1 ? 'online' : 'test');
export const envTypeCode = (t: EnvTypeName): EnvTypeCode => (t === 'online' ? 1 : 0);
export const envTypeLabel = (t: EnvTypeCode): string => (t === 1 ? '正式' : '测试');

export interface RcUser {
  UserId: string;
  UserType: UserType;
  RealName: string;
}

export interface RcUserRole {
  UserId: string;
  UserType: UserType;
  RoleName: RoleName;
}

export interface RcApp {
  AppId: number;
  Title: string;
  BizTitle: string;
  BizCode: BizCode;
  Description: string;
  Language: string;
  OperatingSystem: string;
  ServiceType: string;
  StateType: StateType;
  DeployType: 'ContainerDeployment' | 'VMDeployment';
  /** Kubernetes namespace; `jck-namespace-<AppId>` unless CreateApp named one. */
  Namespace: string;
  UserRoles: RcUserRole[];
  MiddleWareIdList: number[];
  createdAt: number;
}

/** What the last successful order installed (DescribeAppEnvDeployBaseline). */
export interface DeployBaseline {
  SchemaId: number;
  PacketId?: number;
  /** Package URL, or the first container image for image-only deploys. */
  PacketUrl: string;
  PacketComment: string;
  createdAt: number;
  version: string;
  images: string[];
  initImages: string[];
}

export interface RcEnvironment {
  EnvId: number;
  AppId: number;
  EnvName: string;
  EnvType: EnvTypeCode;
  Region: string;
  Replicas: number;
  AppSchemaId: number;
  /** Cluster instance id (c…33 chars) the pods run on. */
  clusterInstanceId?: string;
  /** Container limits/requests used for ListAppInstance and metrics. */
  cpuLimit: number;
  memLimitGb: number;
  /** After OfflineAppEnvironment: the record stays, the pods are gone. */
  offline: boolean;
  baseline?: DeployBaseline;
  /** Deploy admission: BusinessCode 102000/102001 refuse DeployApp/ScaleApp with Admitted=false. */
  admissionCode?: '102000' | '102001';
  createdAt: number;
  /** When the cron-job generator last ran (StateType 5 apps). */
  jobsUntil?: number;
}

export interface RcDeployConfig {
  Id: number;
  AppId: number;
  Name: string;
  EnvType: EnvTypeName;
  CodePath: string;
  /** Decoded YAML texts (CreateDeployConfig sends them Base64). */
  Deployment: string;
  StatefulSet: string;
  CronJob: string;
  ConfigMap: string;
  ConfigMapList: string[];
  SecretList: string[];
  createdAt: number;
}

/** ListAppInstance Status. */
export type InstanceStatus =
  | 'Normal'
  | 'Starting'
  | 'ToBeSchedule'
  | 'Pending'
  | 'Offlining'
  | 'Failed'
  | 'Unknown'
  | 'Stopped';

export interface RcInstance {
  AppInstanceId: string;
  AppId: number;
  EnvId: number;
  PodIp: string;
  HostIp: string;
  HostName: string;
  Status: InstanceStatus;
  Health: 'RUNNING' | 'ABNORMAL';
  RestartCount: number;
  Version: string;
  createdAt: number;
  /** When it turned Normal (metrics start here); unset while starting or failed. */
  readyAt?: number;
  /** When it was removed (kept in `store.retired` for metrics history). */
  removedAt?: number;
  failed?: boolean;
  /** The order that created it. */
  deployOrderId?: number;
}

export interface RcPvc {
  Id: number;
  AppId: number;
  EnvId: number;
  Name: string;
  Capacity: string;
  AccessModes: string;
  StorageClass: string;
  Status: string;
  VolumeName: string;
  createdAt: number;
}

export interface RcPv {
  Id: number;
  ClusterInstanceId: string;
  Name: string;
  Capacity: string;
  AccessModes: string;
  ReclaimPolicy: string;
  Status: 'Available' | 'Bound' | 'Released' | 'Failed';
  PvcName: string;
  MountDir: string;
  MountTargetDomain: string;
  NFSVersion: string;
  StorageClass: string;
  Reason: string;
  createdAt: number;
}

export interface RcAppGroup {
  Id: number;
  Name: string;
  BizCode: BizCode;
}

export interface RcGroupMapping {
  Id: number;
  AppId: number;
  GroupId: number;
  Name: string;
}

export interface RcSlbAP {
  SlbAPId: number;
  AppId: number;
  EnvId: number;
  Name: string;
  SlbId: string;
  SlbIp: string;
  NetworkMode: 'internet' | 'intranet';
  Protocol: 'TCP' | 'UDP' | 'HTTP' | 'HTTPS';
  ListenerPort: number;
  RealServerPort: number;
  EstablishedTimeout?: number;
  StickySession?: number;
  CookieTimeout?: number;
  SslCertId?: string;
}

export interface RcPortMapping {
  Name: string;
  Port: number;
  TargetPort: string;
  NodePort?: number;
  Protocol: 'TCP' | 'UDP';
}

export interface RcService {
  ServiceId: number;
  AppId: number;
  EnvId: number;
  Name: string;
  K8sServiceId: string;
  ServiceType: 'ClusterIP' | 'NodePort';
  Headless: boolean;
  PortMappings: RcPortMapping[];
}

export interface RcJobEvent {
  Action: string;
  Count: number;
  at: number;
  Mesage: string;
  Reason: string;
  Type: 'Normal' | 'Warning';
}

/** One k8s Job run of a CronJob-type app (ListJobHistories / DescribeJobLog). */
export interface RcJob {
  AppId: number;
  EnvId: number;
  Name: string;
  startedAt: number;
  completedAt?: number;
  ActiveDeadlineSeconds: number;
  BackoffLimit: number;
  Completions: number;
  Parallelism: number;
  Succeeded: number;
  Failed: number;
  Message: string;
  PodList: string[];
  logs: Record<string, string>;
  events: Record<string, RcJobEvent[]>;
}

export interface RcNodeLabel {
  Id: number;
  ClusterId: string;
  LabelKey: string;
  LabelValue: string;
}

export interface RcNodeLabelBinding {
  Id: number;
  ClusterId: string;
  InstanceId: string;
  InstanceType: 'ecs';
  LabelKey: string;
  LabelValue: string;
}

export interface RcResourceAlloc {
  Id: number;
  AppEnvId: number;
  AppId: number;
  ClusterId: string;
  ResourceDef: string;
}

export interface RcCluster {
  Id: number;
  InstanceId: string;
  ClusterTitle: string;
  BusinessCode: BizCode;
  EnvType: 'TEST' | 'PRO';
  ClusterType: 'Windows' | 'Serverless' | 'Standard';
  CreateStatus: string;
  Status: string;
  RegionId: string;
  RegionName: string;
  VpcId: string;
  VswitchIds: string[];
  NetPlug: string;
  PodCIDR: string;
  ServiceCIDR: string;
  KeyPair: string;
  /** A password was set at creation; the value itself is never kept (ListCluster masks it). */
  hasPassword: boolean;
  HasInstallArmsPilot: boolean;
  HasInstallLogController: boolean;
  createdAt: number;
}

/** An ECS machine: in a cluster (`clusterInstanceId`) or available to be added. Fields are strings as in ListClusterNode. */
export interface RcNode {
  InstanceId: string;
  InstanceName: string;
  InstanceType: string;
  InstanceNetworkType: string;
  OSName: string;
  EcsOsType: string;
  EcsConfiguration: string;
  EcsCpu: string;
  EcsMemory: string;
  EcsLocalStorageCapacity: string;
  EcsPrivateIp: string;
  EcsPublicIp: string;
  EcsEip: string;
  EcsZone: string;
  EcsExpiredTime: string;
  InternetMaxBandwidthIn: string;
  InternetMaxBandwidthOut: string;
  RegionId: string;
  VpcId: string;
  BusinessCode: string;
  clusterInstanceId?: string;
}

export interface RcDatabase {
  DBName: string;
  DBStatus: 'Creating' | 'Running' | 'Deleting';
  DBDescription: string;
  CharacterSetName: string;
  createdAt: number;
}

export interface RcDbPrivilege {
  DBName: string;
  AccountPrivilege: string;
  AccountPrivilegeDetail: string;
}

export interface RcRdsAccount {
  AccountName: string;
  AccountStatus: 'Unavailable' | 'Available';
  AccountType: 'Normal' | 'Super';
  AccountDescription: string;
  /** sha256 of the password: the password is write-only and never returned. */
  passwordDigest: string;
  privileges: RcDbPrivilege[];
}

export interface RcBackup {
  BackupId: string;
  BackupStatus: 'Success' | 'Failed';
  startedAt: number;
  endedAt: number;
  BackupType: 'FullBackup' | 'IncrementalBackup';
  BackupMode: 'Automated' | 'Manual';
  BackupMethod: 'Logical' | 'Physical';
  BackupSize: number;
  BackupDBNames: string;
  HostInstanceID: string;
}

export interface RcRdsInstance {
  DBInstanceId: string;
  Engine: 'MySQL' | 'SQLServer';
  EngineVersion: string;
  Status: 'Running' | 'Stopped';
  databases: RcDatabase[];
  accounts: RcRdsAccount[];
  backups: RcBackup[];
}

/** DescribeEventMonitorList entries (the SLS event centre of an environment). */
export interface RcMonitorEvent {
  seq: number;
  AppId: number;
  EnvId: number;
  Kind: 'Pod' | 'Node';
  Level: 'Normal' | 'Warning' | 'Error';
  /** POD_FAILED, READINESS_FAILED, … when the event is one of the filterable types. */
  EventType?: string;
  HostName: string;
  NameSpace: string;
  PodName: string;
  Reason: string;
  Message: string;
  Count: number;
  first: number;
  last: number;
}

// ---- deploy orders ----

export type PauseType = 'first' | 'each' | 'none';
export type UpdateStrategyType = 'offline_old_then_online_new' | 'online_new_then_offline_old';
export type DeployCategory = 'deploy' | 'scale';
/** 0 等待部署, 1 部署中, 2 暂停, 3 已完成. */
export type OrderStatus = 0 | 1 | 2 | 3;
/** 0 部署中/待确认, 1 成功, 2 失败, 4 人为置为失败. */
export type OrderResult = 0 | 1 | 2 | 4;
export type StepCode = 'StartAppInstance' | 'StopAppInstance' | 'DeleteAppInstance';
export type StepStatus = 'PROCESSING' | 'SUCCESS' | 'FAIL';

export const STEP_NAMES: Record<StepCode, string> = {
  StartAppInstance: '启动应用',
  StopAppInstance: '停止应用',
  DeleteAppInstance: '删除应用',
};

export interface RcDeployStep {
  StepCode: StepCode;
  Status: StepStatus;
  /** DescribePodLog StepLog lines. */
  log: string[];
}

export interface RcPodEvent {
  Action: string;
  Count: number;
  first: number;
  last: number;
  Message: string;
  Reason: string;
  Type: 'Normal' | 'Warning';
}

/**
 * One row of ListPods: a slot the order works on. `AppInstanceId` is the new pod (start, optionally
 * after stopping `oldInstanceId`), or the old pod when the slot only removes one (scale in).
 */
export interface RcPodRecord {
  AppInstanceId: string;
  oldInstanceId?: string;
  /** The slot only removes `AppInstanceId` (scale in, or more pods than Replicas). */
  removal: boolean;
  DeployPartitionNum: number;
  GroupName: string;
  Status: OrderStatus;
  Result: OrderResult;
  startedAt?: number;
  updatedAt: number;
  steps: RcDeployStep[];
  events: RcPodEvent[];
  /** Filled when the pod is scheduled. */
  HostIp: string;
  HostName: string;
  PodIp: string;
}

export interface RcDeployTarget {
  version: string;
  images: string[];
  initImages: string[];
  packetUrl: string;
  packetId?: number;
  armsFlag: boolean;
  replicas: number;
}

export interface RcPartition {
  num: number;
  /** Indexes into `pods`. */
  pods: number[];
  startedAt?: number;
  /** Milestones of the running partition (ms epoch): see engine.ts. */
  marks: number[];
  phase: number;
}

export interface RcDeployOrder {
  DeployOrderId: number;
  Name: string;
  Description: string;
  AppId: number;
  EnvId: number;
  EnvType: EnvTypeName;
  SchemaId: number;
  category: DeployCategory;
  pauseType: PauseType;
  updateStrategy: UpdateStrategyType;
  TotalPartitions: number;
  CurrentPartitionNum: number;
  Status: OrderStatus;
  Result: OrderResult;
  createdAt: number;
  endedAt?: number;
  UserId: string;
  UserNick: string;
  target: RcDeployTarget;
  partitions: RcPartition[];
  pods: RcPodRecord[];
  /** Times the order paused, for the console and tests. */
  pauses: number;
  nextAt?: number;
}

export const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  0: '等待部署',
  1: '部署中',
  2: '暂停',
  3: '已完成',
};

export const PAUSE_TYPE_NAMES: Record<PauseType, string> = {
  first: '第一批暂停',
  each: '每批暂停',
  none: '不暂停',
};

/** ResultName: the detail calls 0 待确认 while the list filters call it 部署中; the detail's word is used. */
export function resultName(result: number): string {
  if (result === 0) return '待确认';
  if (result === 1) return '成功';
  if (result === 4) return '人为置为失败';
  return '失败';
}

/** The §3.3 record shared by ListDeployOrders.Data[] and DescribeDeployOrderDetail.Result (26 fields). */
export interface DeployOrderRecord {
  DeployOrderId: number;
  Name: string;
  Description: string;
  EnvId: number;
  EnvType: EnvTypeName;
  SchemaId: number;
  AppInstanceType: 'k8s_pod';
  DeployType: 'partition_parallel';
  DeployTypeName: string;
  DeployPauseType: PauseType;
  DeployPauseTypeName: string;
  PartitionType: 'group_even';
  PartitionTypeName: string;
  TotalPartitions: number;
  CurrentPartitionNum: number;
  TotalAppInstanceCt: number;
  FinishAppInstanceCt: number;
  FailureRate: string;
  Status: OrderStatus;
  StatusName: string;
  Result: OrderResult;
  ResultName: string;
  StartTime: string;
  EndTime: string;
  ElapsedTime: number;
  UserId: string;
  UserNick: string;
}

/** A ListPods row. */
export interface PodRecordView {
  AppInstanceId: string;
  DeployOrderId: number;
  DeployPartitionNum: number;
  GroupName: string;
  HostIp: string;
  HostName: string;
  PodIp: string;
  Region: string;
  Result: OrderResult;
  ResultName: string;
  Status: OrderStatus;
  StatusName: string;
  StartTime: string;
  UpdateTime: string;
  DeploySteps: { Status: StepStatus; StepCode: StepCode; StepName: string }[];
}

// ---- time formats used by the seed's examples ----
// Each takes simulated milliseconds and writes them in reported time (see reported-time.ts).

const pad = (n: number) => String(n).padStart(2, '0');

/** `2020-01-05T17:03Z` (deploy orders, pod events, event monitor). */
export function minuteZ(ms: number): string {
  const d = new Date(reported(ms));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
}

/** `2019-12-31T10:01:05` (instances, ListPods). */
export function isoSeconds(ms: number): string {
  return new Date(reported(ms)).toISOString().slice(0, 19);
}

/** `2020-01-01 00:00:00` (tables, filters, jobs, PVCs). */
export function spaced(ms: number): string {
  return isoSeconds(ms).replace('T', ' ');
}

/** `2020-01-01 00:00:00` of a time that is already reported time (metric categories). */
export function spacedReported(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2022-05-08` (the deploy baseline's CreateTime). */
export function dateOnly(ms: number): string {
  return new Date(reported(ms)).toISOString().slice(0, 10);
}

/** Parses the filters' `yyyy-MM-dd HH:mm:ss` (UTC, reported time) into simulated time; undefined when malformed. */
export function parseSpaced(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return simulated(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6)));
}
