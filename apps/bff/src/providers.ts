import type {
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  AppServices,
  AppSlbs,
  BatchDetail,
  BatchStrategy,
  BindSlbBody,
  CapacityPoint,
  ChangeOrderRef,
  ConfigMap,
  CreateConfigMapBody,
  CreateIngressBody,
  CreateNamespaceBody,
  CreateScalingRuleBody,
  DeployBody,
  GreyRoute,
  GreyRouteBody,
  HealthBreakdown,
  Ingress,
  IngressSummary,
  Instance,
  InstanceSpecification,
  Job,
  LogConfig,
  MonitorMetricQuery,
  MonitorMetricSeries,
  Namespace,
  PodDeployLog,
  Rollout,
  RolloutPage,
  RunJobBody,
  ScalingRule,
  UnbindSlbBody,
  UpdateConfigMapBody,
  UpdateIngressBody,
  UpdateNamespaceBody,
  UpdateScalingRuleBody,
  Version,
  WriteResult,
} from '@console/contract';

export interface UsageSnapshot {
  /** Null where the cloud keeps no month-to-date figures. */
  monthToDate: { cpuCoreMinutes: number; memoryGiBMinutes: number } | null;
  now: { cpuCores: number; memoryGiB: number };
  runningInstances: number;
}

export type DeployRequest = DeployBody;

/** What the console needs from one product; each product's adapter maps its native API onto it. */
export interface ApplicationProvider {
  listNamespaces(): Promise<Namespace[]>;
  listInstanceSpecifications(): Promise<InstanceSpecification[]>;
  listApplications(query: ApplicationListQuery): Promise<ApplicationPage>;
  getApplication(appId: string): Promise<ApplicationDetail>;
  listInstances(appId: string): Promise<Instance[]>;
  listVersions(appId: string): Promise<Version[]>;
  listEvents(appId: string): Promise<AppEvent[]>;
  usage(appId: string): Promise<UsageSnapshot>;
  listRollouts(appId: string, page: number, pageSize: number): Promise<RolloutPage>;
  /** `fresh` bypasses the shared read cache: used right before acting on a rollout. */
  getRollout(rolloutId: string, options?: { fresh?: boolean }): Promise<Rollout>;
  getBatch(rolloutId: string, batchId: string): Promise<BatchDetail>;

  deploy(appId: string, request: DeployRequest): Promise<ChangeOrderRef>;
  start(appId: string): Promise<ChangeOrderRef>;
  stop(appId: string): Promise<ChangeOrderRef>;
  restart(appId: string, minReadyInstances?: number): Promise<ChangeOrderRef>;
  restartInstances(appId: string, instanceIds: string[]): Promise<ChangeOrderRef>;
  removeInstances(appId: string, instanceIds: string[]): Promise<ChangeOrderRef>;
  instanceLog(appId: string, instanceId: string): Promise<string>;
  /** `partitions`: batches of the scale order, where the product scales in batches (Retail Cloud). */
  scale(appId: string, replicas: number, partitions?: number): Promise<ChangeOrderRef>;
  resize(appId: string, cpu: number, memory: number): Promise<ChangeOrderRef>;
  rollback(
    appId: string,
    versionId: string,
    strategy?: BatchStrategy,
    minReadyInstances?: number,
  ): Promise<ChangeOrderRef>;
  delete(appId: string): Promise<ChangeOrderRef>;

  /** `followUpRolloutId`: where the confirm started another rollout (AOS: the retry is a new execution). */
  confirmBatch(
    rolloutId: string,
    batchId: string,
  ): Promise<{ requestId: string; followUpRolloutId?: string }>;
  /** `batchId`: the batch the operator saw, where stopping acts on one batch (AS ABANDON). */
  abort(rolloutId: string, batchId?: string): Promise<{ requestId: string }>;
  /** Holds the waiting batch longer, where the product can (AS lifecycle hook EXTEND). */
  extendBatch?(rolloutId: string, batchId: string): Promise<{ requestId: string }>;
  abortAndRollback(rolloutId: string): Promise<{ requestId: string; followUpRolloutId?: string }>;
}

/** How an application's size and parts are doing, for products that report it (AS, AOS). */
export interface InsightsProvider {
  /** The group's size now (on the cloud's clock), and what its recent scaling activities say it was. */
  /** `withActivities: false` reads only the group (the console's timed samples need no more). */
  capacity?(
    appId: string,
    withActivities?: boolean,
  ): Promise<{ now: CapacityNow; activities: CapacityPoint[] }>;
  healthBreakdown(appId: string): Promise<HealthBreakdown>;
}
export type CapacityNow = Omit<CapacityPoint, 'source'>;

/** Namespace administration, for products that group applications in namespaces (SAE). */
export interface NamespaceProvider {
  createNamespace(body: CreateNamespaceBody): Promise<Namespace & WriteResult>;
  updateNamespace(namespaceId: string, body: UpdateNamespaceBody): Promise<Namespace & WriteResult>;
  deleteNamespace(namespaceId: string): Promise<WriteResult>;
  updateNamespaceVpc(namespaceId: string, vpcId: string): Promise<WriteResult>;
  listNamespaceRollouts(namespaceId: string, page: number, pageSize: number): Promise<RolloutPage>;
  batchStart(namespaceId: string, appIds: string[]): Promise<ChangeOrderRef>;
  batchStop(namespaceId: string, appIds: string[]): Promise<ChangeOrderRef>;
}

/** Scaling rules that change an application's replica count on a schedule or by load (SAE). */
export interface ScalingProvider {
  listScalingRules(appId: string): Promise<ScalingRule[]>;
  createScalingRule(appId: string, body: CreateScalingRuleBody): Promise<ScalingRule & WriteResult>;
  updateScalingRule(
    appId: string,
    name: string,
    body: UpdateScalingRuleBody,
  ): Promise<ScalingRule & WriteResult>;
  setScalingRuleEnabled(appId: string, name: string, enabled: boolean): Promise<WriteResult>;
  deleteScalingRule(appId: string, name: string): Promise<WriteResult>;
}

/** Namespace-scoped key/value config maps that applications mount (SAE). */
export interface ConfigMapProvider {
  listConfigMaps(namespaceId: string): Promise<ConfigMap[]>;
  getConfigMap(configMapId: string): Promise<ConfigMap>;
  createConfigMap(
    namespaceId: string,
    body: CreateConfigMapBody,
  ): Promise<{ id: string; requestId?: string }>;
  updateConfigMap(configMapId: string, body: UpdateConfigMapBody): Promise<WriteResult>;
  deleteConfigMap(configMapId: string): Promise<WriteResult>;
}

/** Load balancers of applications and namespace ingress rules (SAE). */
export interface NetworkingProvider {
  appSlbs(appId: string): Promise<AppSlbs>;
  bindSlb(appId: string, body: BindSlbBody): Promise<ChangeOrderRef>;
  unbindSlb(appId: string, body: UnbindSlbBody): Promise<ChangeOrderRef>;
  listIngresses(namespaceId: string): Promise<IngressSummary[]>;
  getIngress(ingressId: string): Promise<Ingress>;
  createIngress(namespaceId: string, body: CreateIngressBody): Promise<{ id: string; requestId?: string }>;
  updateIngress(ingressId: string, body: UpdateIngressBody): Promise<WriteResult>;
  deleteIngress(ingressId: string): Promise<WriteResult>;
}

/** Tags, log shipping and jobs of an application (SAE). */
export interface AppExtrasProvider {
  setTags(appId: string, tags: { key: string; value: string }[]): Promise<WriteResult>;
  logConfigs(appId: string): Promise<LogConfig[]>;
  runJob(appId: string, body: RunJobBody): Promise<{ jobId: string; requestId?: string }>;
  job(appId: string, jobId: string): Promise<Job>;
}

/** Published and consumed microservices and the grey tag route of an application (SAE). */
export interface MicroserviceProvider {
  services(appId: string): Promise<AppServices>;
  greyRoute(appId: string): Promise<GreyRoute | null>;
  putGreyRoute(appId: string, body: GreyRouteBody): Promise<{ id: string; requestId?: string }>;
  deleteGreyRoute(appId: string): Promise<WriteResult>;
}

/** Environments taken offline and monitor metric series (Retail Cloud). */
export interface EnvironmentOpsProvider {
  offline(appId: string, deletePvc: boolean): Promise<ChangeOrderRef>;
  monitorMetric(appId: string, query: MonitorMetricQuery): Promise<MonitorMetricSeries>;
  podDeployLog(rolloutId: string, podName: string): Promise<PodDeployLog>;
}
