import type {
  ChangeOrderStatusCode,
  CoTypeCode,
  InstanceContainerStatus,
  InstanceHealthStatus,
} from '@console/catalogue';

export interface SaeNamespace {
  NamespaceId: string;
  NamespaceName: string;
  NamespaceDescription: string;
  RegionId: string;
  VpcId: string;
  VSwitchId: string;
  SecurityGroupId: string;
  TenantId: string;
  createdAt: number;
}

/**
 * The deployable description of an application: what DescribeApplicationConfig returns. JSON-ish
 * fields are kept as the strings the caller sent. `extra` holds the pass-through parameters the
 * simulator stores but does not interpret (SLS, NAS, OSS, Kafka, PHP, ...).
 */
export interface AppConfig {
  PackageType: string;
  PackageUrl: string;
  PackageVersion: string;
  ImageUrl: string;
  Jdk: string;
  WebContainer: string;
  EdasContainerVersion: string;
  Cpu: number;
  Memory: number;
  Replicas: number;
  Command: string;
  CommandArgs: string;
  Envs: string;
  CustomHostAlias: string;
  JarStartOptions: string;
  JarStartArgs: string;
  WarStartOptions: string;
  Liveness: string;
  Readiness: string;
  PreStop: string;
  PostStart: string;
  TerminationGracePeriodSeconds: number;
  Timezone: string;
  UpdateStrategy: string;
  MinReadyInstances: number;
  MinReadyInstanceRatio: number;
  BatchWaitTime: number;
  extra: Record<string, string>;
}

/** Desired state an order drives the app towards (and the state a rollback returns to). */
export interface AppSpec {
  config: AppConfig;
  /** Instances whose revision differs from this are replaced. */
  revision: string;
  running: boolean;
}

export interface SaeApp {
  AppId: string;
  AppName: string;
  AppDescription: string;
  NamespaceId: string;
  RegionId: string;
  VpcId: string;
  VSwitchId: string;
  SecurityGroupId: string;
  GroupId: string;
  Tags: { Key: string; Value: string }[];
  createdAt: number;
  spec: AppSpec;
  /** Has a deploy ever succeeded (StartApplication answers Application.NotDeployYet otherwise). */
  deployed: boolean;
  deleting: boolean;
  deleted: boolean;
  /** Newest first. */
  versionIds: string[];
  currentVersionId?: string;
  lastChangeOrderId?: string;
  ipSeq: number;
}

export type FailMode = 'fail' | 'stuck';

export interface SaeInstance {
  InstanceId: string;
  AppId: string;
  GroupId: string;
  VSwitchId: string;
  ip: string;
  ImageUrl: string;
  PackageVersion: string;
  revision: string;
  cpu: number;
  memory: number;
  createdAt: number;
  finishedAt?: number;
  status: InstanceContainerStatus;
  health: InstanceHealthStatus;
  restarts: number;
  failMode?: FailMode;
  /** The order that created it (its log names the batch). */
  orderId?: string;
  /** Set while an order replaces or removes it. */
  leaving?: boolean;
}

export interface SaeVersion {
  Id: string;
  AppId: string;
  Type: 'image' | 'url' | 'upload';
  createdAt: number;
  config: AppConfig;
}

export interface SaeEvent {
  seq: number;
  AppId: string;
  NamespaceId: string;
  ObjectKind: 'Deployment' | 'Pod' | 'Service' | 'HorizontalPodAutoscaler' | 'CloneSet';
  ObjectName: string;
  EventType: 'Normal' | 'Warning';
  Reason: string;
  Message: string;
  first: number;
  last: number;
}

export type PipelineStatus = 0 | 1 | 2 | 3 | 6;

export interface Pipeline {
  PipelineId: string;
  PipelineName: string;
  Status: PipelineStatus;
  /** How many instances this batch replaces; undefined = whatever remains. */
  size?: number;
  startTime?: number;
  updateTime: number;
  /** Instances stop/start at midAt, the batch ends at endAt. */
  midAt?: number;
  endAt?: number;
  stageId: string;
  taskIds: string[];
  /** Instances this batch created / removed. */
  created: string[];
  removed: string[];
  errorCode?: string;
  errorMessage?: string;
}

export type OrderPhase = 'pending' | 'batchStart' | 'batchMid' | 'waitManual' | 'waitAuto' | 'stuck' | 'done';

export interface ChangeOrder {
  ChangeOrderId: string;
  AppId: string;
  AppName: string;
  NamespaceId: string;
  CoTypeCode: CoTypeCode;
  Status: ChangeOrderStatusCode;
  SubStatus: 0 | 1;
  ErrorMessage: string;
  Description: string;
  createdAt: number;
  finishedAt?: number;
  batchType: 'auto' | 'manual';
  /** Wait between batches when batchType is auto. */
  batchWaitMs: number;
  pipelines: Pipeline[];
  /** Index of the running pipeline, or of the last finished one while waiting. */
  current: number;
  phase: OrderPhase;
  nextAt?: number;
  target: AppSpec;
  previous: AppSpec;
  /** RestartInstances / ReduceApplicationCapacityByInstanceIds act on these only. */
  instanceIds?: string[];
  /** The deploy whose failure or abort created this rollback order, and vice versa. */
  rollbackOf?: string;
  rollbackOrderId?: string;
  /** Version to record when the order succeeds. */
  recordsVersion: boolean;
  userId: string;
}
