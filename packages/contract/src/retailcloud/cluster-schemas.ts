import { z } from 'zod';
import { AccountParams } from '../accounts';
import { IsoTime, Page } from '../common';

/*
 * Console shapes of Retail Cloud's cluster-side families (seed 002 chapters 6 and 7). Field names are the
 * console's (camelCase); the upstream parameter each one becomes is named in the BFF.
 */

/** A cluster's instance id (`c` + hex in the embedded cloud; the real cloud's are alike). */
const ClusterInstanceId = z.string().regex(/^[A-Za-z0-9][-A-Za-z0-9]{0,63}$/, 'a cluster instance id');
/** An ECS instance id, `i-…`. */
const EcsInstanceId = z.string().regex(/^i-[A-Za-z0-9]{1,40}$/, 'an ECS instance id (i-…)');
/** An RDS instance id, e.g. `rm-…` (MySQL) or `pgm-…`. */
const RdsInstanceId = z.string().regex(/^[a-z]{2,4}-[a-z0-9]{4,40}$/, 'an RDS instance id (e.g. rm-…)');
const numericId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const RcBusinessCode = z.enum(['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE']);
/** Cluster environment type as the cluster APIs write it (ListCluster's EnvType, CreateCluster's ClusterEnvType). */
export const RcClusterEnvType = z.enum(['TEST', 'PRO']);
export const RcClusterType = z.enum(['Standard', 'Serverless', 'Windows']);

// ---------- clusters and nodes ----------

export const RcClusterParams = AccountParams.extend({ clusterId: ClusterInstanceId });

export const RcClusterListQuery = z.object({
  ...pageQuery,
  businessCode: RcBusinessCode.optional(),
  envType: RcClusterEnvType.optional(),
});

/** How one logs in to the cluster's nodes; the password itself never leaves the BFF. */
export const RcNodeLogin = z.enum(['password', 'keyPair', 'none']);

export const RcCluster = z.object({
  /** The instance id every cluster action takes (`ClusterInstanceId`). */
  instanceId: z.string(),
  /** The numeric `Id`. */
  id: z.number().optional(),
  title: z.string(),
  businessCode: z.string(),
  /** `PRO` or `TEST` (a numeric 1/0 from the cloud is read the way the environment APIs use it). */
  envType: z.string(),
  status: z.string(),
  createStatus: z.string().optional(),
  regionId: z.string(),
  regionName: z.string().optional(),
  vpcId: z.string(),
  vswitchIds: z.array(z.string()),
  ecsIds: z.array(z.string()),
  netPlug: z.string().optional(),
  podCidr: z.string().optional(),
  serviceCidr: z.string().optional(),
  keyPair: z.string().optional(),
  login: RcNodeLogin,
  /** Requested share of the cluster's CPU and memory, 0–1. */
  workLoadCpu: z.number(),
  workLoadMem: z.number(),
});
export type RcCluster = z.infer<typeof RcCluster>;

export const RcClusterPage = Page(RcCluster);
export type RcClusterPage = z.infer<typeof RcClusterPage>;

export const RcAllocatedPods = z.object({
  appId: z.number().optional(),
  appName: z.string(),
  envId: z.number().optional(),
  envName: z.string(),
  cpuRequest: z.string(),
  memRequest: z.string(),
  podCount: z.number(),
});

export const RcWorkLoad = z.object({
  nodeCount: z.number(),
  allPodCount: z.number(),
  appPodCount: z.number(),
  cpuCapacity: z.number(),
  cpuTotal: z.number(),
  cpuRequest: z.number(),
  cpuRequestPercent: z.number(),
  cpuUse: z.number(),
  cpuUsePercent: z.number(),
  cpuLevel: z.string().optional(),
  /** Bytes. */
  memCapacity: z.number(),
  memTotal: z.number(),
  memRequest: z.number(),
  memRequestPercent: z.number(),
  memUse: z.number(),
  memUsePercent: z.number(),
  memLevel: z.string().optional(),
});
export type RcWorkLoad = z.infer<typeof RcWorkLoad>;

export const RcClusterDetail = z.object({
  instanceId: z.string(),
  id: z.number().optional(),
  title: z.string(),
  businessCode: z.string(),
  envType: z.string(),
  regionId: z.string(),
  regionName: z.string().optional(),
  vpcId: z.string(),
  vswitchIds: z.array(z.string()),
  ecsIds: z.array(z.string()),
  armsInstalled: z.boolean(),
  logControllerInstalled: z.boolean(),
  mainUserId: z.string().optional(),
  userNick: z.string().optional(),
  net: z.object({ plugin: z.string(), podCidr: z.string(), serviceCidr: z.string() }),
  instances: z.object({
    podCount: z.number(),
    appCount: z.number(),
    allocated: z.array(RcAllocatedPods),
    /** "For reference only" (seed): how many more pods of a given request would fit. */
    available: z.array(z.object({ cpuRequest: z.string(), memRequest: z.string(), podCount: z.number() })),
  }),
  workLoad: RcWorkLoad,
});
export type RcClusterDetail = z.infer<typeof RcClusterDetail>;

export const RcClusterNode = z.object({
  instanceId: z.string(),
  name: z.string(),
  instanceType: z.string(),
  networkType: z.string().optional(),
  osName: z.string().optional(),
  osType: z.string().optional(),
  configuration: z.string().optional(),
  cpu: z.number(),
  /** MiB, as the cloud writes it. */
  memoryMb: z.number(),
  storageGb: z.number().optional(),
  privateIp: z.string().optional(),
  publicIp: z.string().optional(),
  eip: z.string().optional(),
  zone: z.string().optional(),
  expiredTime: IsoTime.optional(),
  regionId: z.string().optional(),
  vpcId: z.string().optional(),
  businessCode: z.string().optional(),
});
export type RcClusterNode = z.infer<typeof RcClusterNode>;

export const RcNodeIdsBody = z.object({
  instanceIds: z
    .array(EcsInstanceId)
    .min(1, 'choose at least one node')
    .max(20, 'at most 20 nodes at once')
    .refine((ids) => new Set(ids).size === ids.length, 'a node is listed twice'),
});
export type RcNodeIdsBody = z.infer<typeof RcNodeIdsBody>;

const cidr = z
  .string()
  .regex(
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/,
    'a CIDR block, e.g. 172.20.0.0/16',
  );

/** At least 8 characters with an upper-case and a lower-case letter, a digit and a special character (seed 6.4). */
export const rcClusterPasswordRule = (p: string): boolean =>
  p.length >= 8 && /[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p);

export const RcCreateClusterBody = z
  .object({
    title: z.string().trim().min(1).max(64),
    businessCode: RcBusinessCode,
    envType: RcClusterEnvType,
    clusterType: RcClusterType,
    vpcId: z.string().regex(/^vpc-[a-z0-9]{1,40}$/, 'a VPC id (vpc-…)'),
    vswitchIds: z
      .array(z.string().regex(/^vsw-[a-z0-9]{1,40}$/, 'a vSwitch id (vsw-…)'))
      .min(1, 'give at least one vSwitch')
      .max(10),
    podCidr: cidr.optional(),
    serviceCidr: cidr.optional(),
    keyPair: z.string().min(1).max(128).optional(),
    /** Write-only: sent to the cloud once, never stored, logged or returned. */
    password: z
      .string()
      .max(64)
      .refine(rcClusterPasswordRule, '8 or more characters with upper case, lower case, a digit and a symbol')
      .optional(),
    createWithLogIntegration: z.boolean().optional(),
    cloudMonitor: z.boolean().optional(),
    snatEntry: z.boolean().optional(),
    publicSlb: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.keyPair === undefined) === (b.password === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'give either a key pair or a password' });
    }
    if (b.clusterType !== 'Serverless') {
      if (!b.podCidr)
        ctx.addIssue({ code: 'custom', path: ['podCidr'], message: 'required for this cluster type' });
      if (!b.serviceCidr)
        ctx.addIssue({ code: 'custom', path: ['serviceCidr'], message: 'required for this cluster type' });
    }
  });
export type RcCreateClusterBody = z.infer<typeof RcCreateClusterBody>;

/** The cluster's title typed out; the BFF compares it with the cloud's before deleting. */
export const RcDeleteClusterBody = z.object({ confirmTitle: z.string().min(1).max(64) }).strict();
export type RcDeleteClusterBody = z.infer<typeof RcDeleteClusterBody>;

export const RcClusterCreated = z.object({ clusterId: z.string(), requestId: z.string().optional() });

// ---------- node labels and bindings ----------

const LABEL_PREFIX = 'label.jst.com/';
export const RcLabelKey = z
  .string()
  .max(253)
  .refine((k) => k.startsWith(LABEL_PREFIX) && k.length > LABEL_PREFIX.length, `starts with ${LABEL_PREFIX}`)
  .refine((k) => /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(k.slice(LABEL_PREFIX.length)), {
    message: `after ${LABEL_PREFIX}: letters, digits, -, _ and . (at most 63)`,
  });
export const RcLabelValue = z
  .string()
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, 'letters, digits, -, _ and . (at most 63)');

export const RcNodeLabel = z.object({
  id: z.number(),
  clusterId: z.string(),
  key: z.string(),
  value: z.string(),
});
export type RcNodeLabel = z.infer<typeof RcNodeLabel>;
export const RcNodeLabelPage = Page(RcNodeLabel);
export type RcNodeLabelPage = z.infer<typeof RcNodeLabelPage>;

export const RcNodeLabelQuery = z.object({
  ...pageQuery,
  clusterId: ClusterInstanceId,
  labelKey: z.string().max(253).optional(),
});

export const RcNodeLabelBody = z
  .object({ clusterId: ClusterInstanceId, key: RcLabelKey, value: RcLabelValue })
  .strict();
export type RcNodeLabelBody = z.infer<typeof RcNodeLabelBody>;

export const RcDeleteNodeLabelBody = RcNodeLabelBody.extend({
  /** Also remove every node binding of the label; without it the cloud refuses a bound label. */
  force: z.boolean().default(false),
}).strict();
export type RcDeleteNodeLabelBody = z.input<typeof RcDeleteNodeLabelBody>;

export const RcNodeLabelBinding = z.object({
  id: z.number(),
  instanceId: z.string(),
  instanceType: z.string(),
  key: z.string(),
  value: z.string(),
});
export type RcNodeLabelBinding = z.infer<typeof RcNodeLabelBinding>;
export const RcNodeLabelBindingPage = Page(RcNodeLabelBinding);
export type RcNodeLabelBindingPage = z.infer<typeof RcNodeLabelBindingPage>;

export const RcNodeLabelBindingQuery = z.object({
  ...pageQuery,
  clusterId: ClusterInstanceId.optional(),
  instanceId: EcsInstanceId.optional(),
  labelKey: z.string().max(253).optional(),
  labelValue: z.string().max(63).optional(),
});

export const RcBindingBody = RcNodeLabelBody.extend({ instanceId: EcsInstanceId }).strict();
export type RcBindingBody = z.infer<typeof RcBindingBody>;

// ---------- cluster resource allocation (environment → cluster) ----------

export const RcResourceAlloc = z.object({
  id: z.number(),
  appId: z.number(),
  envId: z.number(),
  clusterId: z.string(),
  resourceDef: z.string().optional(),
});
export type RcResourceAlloc = z.infer<typeof RcResourceAlloc>;
export const RcResourceAllocPage = Page(RcResourceAlloc);
export type RcResourceAllocPage = z.infer<typeof RcResourceAllocPage>;

export const RcResourceAllocQuery = z.object({
  ...pageQuery,
  appId: numericId.optional(),
  envId: numericId.optional(),
  clusterId: ClusterInstanceId.optional(),
});

export const RcResourceAllocParams = AccountParams.extend({ envId: numericId });

export const RcCreateResourceAllocBody = z
  .object({ appId: numericId, envId: numericId, clusterId: ClusterInstanceId })
  .strict();
export type RcCreateResourceAllocBody = z.infer<typeof RcCreateResourceAllocBody>;

// ---------- persistent volumes (NAS) ----------

const K8S_NAME = /^[a-z][a-z0-9.-]{0,62}$/;
export const RcPvStatus = z.enum(['Available', 'Bound', 'Released', 'Failed']);

export const RcPv = z.object({
  name: z.string(),
  capacity: z.string(),
  accessModes: z.string(),
  reclaimPolicy: z.string(),
  /** Available, Bound, Released or Failed. */
  status: z.string(),
  pvcName: z.string().optional(),
  mountDir: z.string().optional(),
  storageClass: z.string(),
  /** Why creation failed, when it did. */
  reason: z.string().optional(),
  createTime: IsoTime.optional(),
});
export type RcPv = z.infer<typeof RcPv>;
export const RcPvPage = Page(RcPv);
export type RcPvPage = z.infer<typeof RcPvPage>;

export const RcPvQuery = z.object({ ...pageQuery, clusterId: ClusterInstanceId });

export const RcPvParams = AccountParams.extend({
  clusterId: ClusterInstanceId,
  pvName: z.string().regex(K8S_NAME, 'a volume name'),
});

export const RcCreatePvBody = z
  .object({
    clusterId: ClusterInstanceId,
    name: z.string().regex(K8S_NAME, 'starts with a lower-case letter; a-z, 0-9, . and - only'),
    capacity: z.string().regex(/^\d+(\.\d+)?([EPTGMK]i?)?$/, 'a quantity such as 20Gi, 500M or 1000'),
    accessModes: z.enum(['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany']),
    mountTargetDomain: z
      .string()
      .regex(/^[a-z0-9.-]+\.nas\.aliyuncs\.com$/, 'a NAS mount target (….nas.aliyuncs.com)'),
    mountDir: z
      .string()
      .regex(/^\/[-_./A-Za-z0-9]*$/, 'an absolute NAS directory')
      .optional(),
    nfsVersion: z.enum(['3', '4.0']),
    reclaimPolicy: z.enum(['Retain', 'Delete']),
    storageClass: z.string().regex(K8S_NAME, 'starts with a lower-case letter; a-z, 0-9, . and - only'),
  })
  .strict();
export type RcCreatePvBody = z.infer<typeof RcCreatePvBody>;

export const RcPvCreated = z.object({ id: z.string(), requestId: z.string().optional() });

// ---------- RDS ----------

export const RcRdsParams = AccountParams.extend({ rdsId: RdsInstanceId });
const DB_NAME = /^[a-z][a-z0-9_-]{0,62}[a-z0-9]$/;
const ACCOUNT_NAME = /^[a-z][a-z0-9_]{0,14}[a-z0-9]$/;
export const RcRdsDatabaseParams = RcRdsParams.extend({
  dbName: z.string().regex(DB_NAME, 'a database name'),
});
export const RcRdsAccountParams = RcRdsParams.extend({
  accountName: z.string().regex(ACCOUNT_NAME, 'an account name'),
});

export const RcRdsPrivilege = z.enum(['ReadWrite', 'ReadOnly', 'DDLOnly', 'DMLOnly', 'DBOwner']);
export const RcCharacterSet = z.enum([
  'utf8',
  'gbk',
  'latin1',
  'utf8mb4',
  'Chinese_PRC_CI_AS',
  'Chinese_PRC_CS_AS',
  'SQL_Latin1_General_CP1_CI_AS',
  'SQL_Latin1_General_CP1_CS_AS',
  'Chinese_PRC_BIN',
]);

export const RcRdsDatabase = z.object({
  name: z.string(),
  /** Creating, Running or Deleting. */
  status: z.string(),
  description: z.string().optional(),
  engine: z.string().optional(),
  characterSet: z.string().optional(),
  instanceId: z.string(),
  accounts: z.array(
    z.object({ account: z.string(), privilege: z.string(), privilegeDetail: z.string().optional() }),
  ),
});
export type RcRdsDatabase = z.infer<typeof RcRdsDatabase>;

export const RcCreateDatabaseBody = z
  .object({
    name: z
      .string()
      .regex(DB_NAME, '2–64 of a-z, 0-9, _ and -; starts with a letter, ends with a letter or digit'),
    characterSet: RcCharacterSet,
    description: z.string().min(2).max(256).optional(),
  })
  .strict();
export type RcCreateDatabaseBody = z.infer<typeof RcCreateDatabaseBody>;

export const RcRdsAccount = z.object({
  name: z.string(),
  /** Available or Unavailable. */
  status: z.string(),
  /** Normal or Super. */
  type: z.string(),
  description: z.string().optional(),
  privExceeded: z.boolean(),
  instanceId: z.string(),
  privileges: z.array(
    z.object({ dbName: z.string(), privilege: z.string(), privilegeDetail: z.string().optional() }),
  ),
});
export type RcRdsAccount = z.infer<typeof RcRdsAccount>;

export const RcRdsAccountQuery = z.object({
  accountName: z.string().regex(ACCOUNT_NAME, 'an account name').optional(),
});

/** 8–32 characters of letters, digits and `!@#$&%^*()_+-=`, with at least three of the four kinds (seed 7). */
export const rcRdsPasswordRule = (p: string): boolean => {
  if (p.length < 8 || p.length > 32 || !/^[A-Za-z0-9!@#$&%^*()_+\-=]+$/.test(p)) return false;
  return [/[A-Z]/, /[a-z]/, /\d/, /[!@#$&%^*()_+\-=]/].filter((r) => r.test(p)).length >= 3;
};
const RdsPassword = z
  .string()
  .max(32)
  .refine(
    rcRdsPasswordRule,
    '8–32 characters, at least three of upper case, lower case, digits and !@#$&%^*()_+-=',
  );

export const RcCreateRdsAccountBody = z
  .object({
    name: z.string().regex(ACCOUNT_NAME, '2–16 of a-z, 0-9 and _; starts with a letter'),
    /** Write-only: sent to the cloud once, never stored, logged or returned. */
    password: RdsPassword,
    type: z.enum(['Normal', 'Super']).default('Normal'),
  })
  .strict();
export type RcCreateRdsAccountBody = z.input<typeof RcCreateRdsAccountBody>;

export const RcResetRdsPasswordBody = z.object({ password: RdsPassword }).strict();
export type RcResetRdsPasswordBody = z.infer<typeof RcResetRdsPasswordBody>;

export const RcGrantBody = z
  .object({ dbName: z.string().regex(DB_NAME, 'a database name'), privilege: RcRdsPrivilege })
  .strict();
export type RcGrantBody = z.infer<typeof RcGrantBody>;

export const RcRdsBackupQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  /** The cloud takes 30, 50 or 100 only. */
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => n === 30 || n === 50 || n === 100, '30, 50 or 100')
    .default(30),
  backupType: z.enum(['FullBackup', 'IncrementalBackup']).optional(),
  backupId: z
    .string()
    .regex(/^\d{1,20}$/, 'a numeric backup id')
    .optional(),
});

export const RcRdsBackup = z.object({
  id: z.string(),
  instanceId: z.string(),
  /** Only a `Success` backup can be restored. */
  status: z.string(),
  startTime: IsoTime.optional(),
  endTime: IsoTime.optional(),
  type: z.string(),
  mode: z.string().optional(),
  method: z.string().optional(),
  scale: z.string().optional(),
  dbNames: z.string().optional(),
  /** Bytes. */
  size: z.number(),
  hostInstanceId: z.string().optional(),
  storeStatus: z.string().optional(),
  metaStatus: z.string().optional(),
});
export type RcRdsBackup = z.infer<typeof RcRdsBackup>;

export const RcRdsBackupPage = Page(RcRdsBackup).extend({ totalSize: z.number() });
export type RcRdsBackupPage = z.infer<typeof RcRdsBackupPage>;
