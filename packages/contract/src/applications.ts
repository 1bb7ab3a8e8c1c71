import { z } from 'zod';
import { EpochMs, IsoTime, Page, PageQuery } from './common';

/** One status vocabulary over every product; the native status always travels with it. */
export const ConsoleStatus = z.enum(['running', 'stopped', 'deploying', 'waiting', 'failed', 'unknown']);
export type ConsoleStatus = z.infer<typeof ConsoleStatus>;

export const Namespace = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  regionId: z.string(),
  vpcId: z.string().optional(),
});
export type Namespace = z.infer<typeof Namespace>;

export const NativeAppStatus = z.object({
  currentStatus: z.string(),
  lastChangeOrderId: z.string().optional(),
  lastChangeOrderStatus: z.string().optional(),
  lastChangeOrderRunning: z.boolean(),
  subStatus: z.string().optional(),
});
export type NativeAppStatus = z.infer<typeof NativeAppStatus>;

export const ApplicationSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  namespaceId: z.string(),
  regionId: z.string(),
  instances: z.number().int(),
  runningInstances: z.number().int(),
  status: ConsoleStatus,
  native: NativeAppStatus,
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationListQuery = PageQuery.extend({
  namespaceId: z.string().max(64).optional(),
  q: z.string().max(64).optional(),
  status: ConsoleStatus.optional(),
  /** `key` or `key=value`: only applications carrying that tag. */
  tag: z
    .string()
    .max(257)
    .regex(/^[^=]{1,128}(=.{0,128})?$/, 'must be key or key=value')
    .optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const ApplicationPage = Page(ApplicationSummary);
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const ApplicationConfig = z.object({
  packageType: z.string(),
  imageUrl: z.string().optional(),
  packageUrl: z.string().optional(),
  packageVersion: z.string().optional(),
  jdk: z.string().optional(),
  webContainer: z.string().optional(),
  cpu: z.number().int(),
  memory: z.number().int(),
  replicas: z.number().int(),
  vpcId: z.string().optional(),
  vSwitchId: z.string().optional(),
  securityGroupId: z.string().optional(),
  envs: z.array(z.object({ name: z.string(), value: z.string() })),
  command: z.string().optional(),
  timezone: z.string().optional(),
  updateStrategy: z.string().optional(),
  minReadyInstances: z.number().int().optional(),
  /** Every field of DescribeApplicationConfig as the cloud returned it. */
  raw: z.record(z.string(), z.unknown()),
});
export type ApplicationConfig = z.infer<typeof ApplicationConfig>;

/** Where a Retail Cloud environment belongs: its app, type, region and deploy config. */
export const EnvironmentInfo = z.object({
  appId: z.string(),
  appTitle: z.string(),
  envId: z.string(),
  /** One spelling over the cloud's 0/1, test/online and TEST/PRO. */
  envType: z.enum(['test', 'prod']),
  envTypeName: z.string(),
  region: z.string(),
  deployConfigId: z.string().optional(),
  bizCode: z.string().optional(),
  serviceType: z.string().optional(),
  language: z.string().optional(),
  operatingSystem: z.string().optional(),
  stateType: z.string().optional(),
  deployType: z.string().optional(),
  /** The workload kind of the environment's deploy config; only a CronJob runs jobs. */
  workload: z.enum(['Deployment', 'StatefulSet', 'CronJob']).optional(),
});
export type EnvironmentInfo = z.infer<typeof EnvironmentInfo>;

export const ApplicationDetail = ApplicationSummary.extend({
  config: ApplicationConfig,
  /** Present where the application is an app × environment (Retail Cloud). */
  environment: EnvironmentInfo.optional(),
  createTime: IsoTime.optional(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      replicas: z.number().int(),
      runningInstances: z.number().int(),
    }),
  ),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const AppParams = z.object({
  accountId: z.string().min(1).max(64),
  appId: z.string().min(1).max(128),
});

export const Instance = z.object({
  id: z.string(),
  groupId: z.string(),
  ip: z.string().optional(),
  status: z.string(),
  health: z.string().optional(),
  restarts: z.number().int(),
  version: z.string().optional(),
  imageUrl: z.string().optional(),
  createdAt: EpochMs.optional(),
});
export type Instance = z.infer<typeof Instance>;

export const Version = z.object({
  id: z.string(),
  type: z.string(),
  createdAt: EpochMs,
  packageUrl: z.string().optional(),
  imageUrl: z.string().optional(),
  current: z.boolean(),
});
export type Version = z.infer<typeof Version>;

export const AppEvent = z.object({
  kind: z.string(),
  objectName: z.string(),
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  /** '' when the cloud gave none. */
  firstTimestamp: IsoTime,
  lastTimestamp: IsoTime,
});
export type AppEvent = z.infer<typeof AppEvent>;

export const UsageSample = z.object({
  at: z.number(),
  cpuCores: z.number(),
  memoryGiB: z.number(),
  runningInstances: z.number().int(),
});
export type UsageSample = z.infer<typeof UsageSample>;

export const Usage = z.object({
  /** Null where the cloud keeps no month-to-date figures (Retail Cloud). */
  monthToDate: z.object({ cpuCoreMinutes: z.number(), memoryGiBMinutes: z.number() }).nullable(),
  now: z.object({ cpuCores: z.number(), memoryGiB: z.number() }),
  samples: z.array(UsageSample),
});
export type Usage = z.infer<typeof Usage>;

export const UsageQuery = z.object({
  /** Look-back window in minutes. */
  range: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
});

export const InstanceSpecification = z.object({
  id: z.number().int(),
  name: z.string(),
  cpu: z.number().int(),
  memory: z.number().int(),
  enabled: z.boolean(),
});
export type InstanceSpecification = z.infer<typeof InstanceSpecification>;

export const InstanceParams = AppParams.extend({ instanceId: z.string().min(1).max(128) });

export const InstanceLog = z.object({ instanceId: z.string(), log: z.string() });
export type InstanceLog = z.infer<typeof InstanceLog>;

/** Retail Cloud's monitor metrics (DescribeAppMonitorMetric), by their wire names. */
export const GroupMetric = z.enum([
  'deployment.cpu.usage_rate',
  'deployment.memory.working_set',
  'deployment.network.rx_rate',
  'deployment.network.rx_errors_rate',
  'deployment.network.tx_rate',
  'deployment.network.tx_errors_rate',
]);
export const InstanceMetric = z.enum([
  'pod.cpu.usage_rate',
  'pod.cpu.utilization',
  'pod.memory.working_set',
  'pod.memory.utilization',
  'pod.network.rx_rate',
  'pod.network.rx_errors_rate',
  'pod.network.tx_rate',
  'pod.network.tx_errors_rate',
]);
export const MonitorMetricName = z.union([GroupMetric, InstanceMetric]);
export type MonitorMetricName = z.infer<typeof MonitorMetricName>;

export const MonitorMetricQuery = z
  .object({
    metric: MonitorMetricName,
    /** Milliseconds since the epoch; `to` defaults to now. */
    from: z.coerce.number().int().min(0),
    to: z.coerce.number().int().min(0).optional(),
    /** Needed for instance metrics: the pod. */
    podName: z.string().min(1).max(253).optional(),
  })
  .refine((q) => !q.metric.startsWith('pod.') || q.podName !== undefined, {
    message: 'podName is required for an instance (pod.*) metric',
    path: ['podName'],
  })
  .refine((q) => q.to === undefined || q.to >= q.from, { message: 'must not be before from', path: ['to'] })
  .refine((q) => (q.to ?? Date.now()) - q.from <= 7 * 24 * 3_600_000, {
    message: 'the range is at most 7 days',
    path: ['from'],
  });
export type MonitorMetricQuery = z.infer<typeof MonitorMetricQuery>;

export const MonitorMetricSeries = z.object({
  metric: MonitorMetricName,
  /** The cloud's display name of the metric. */
  name: z.string(),
  type: z.enum(['group', 'instance']),
  podName: z.string().optional(),
  points: z.array(z.object({ at: z.number(), value: z.number() })),
});
export type MonitorMetricSeries = z.infer<typeof MonitorMetricSeries>;
