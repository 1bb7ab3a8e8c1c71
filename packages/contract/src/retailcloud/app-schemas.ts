import { z } from 'zod';
import { AccountParams } from '../accounts';
import { IsoTime, Page } from '../common';

/**
 * Schemas of Retail Cloud's application-side families. Enumerations are the seed's own values (sent
 * upstream as they are); ids are the cloud's Long ids as decimal strings.
 */

const NumericId = z.string().regex(/^\d{1,19}$/, 'a numeric id');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const RcBizCode = z.enum(['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE']);
export type RcBizCode = z.infer<typeof RcBizCode>;
export const RcLanguage = z.enum(['Java', 'PHP', 'C#', 'Python']);
export const RcOperatingSystem = z.enum(['Linux', 'Windows']);
export const RcServiceType = z.enum(['GeneralApplication', 'StoreApplication', 'TaoHuDongApplication']);
/** 1 stateless (the default), 2 stateful, 3 DaemonSet, 5 CronJob. */
export const RcStateType = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(5)]);
export const RcRoleName = z.enum(['Owner', 'PE', 'Dev', 'Test']);
export const RcUserType = z.enum(['DING_TALK', 'TAOBAO']);

// ---- path params ----

export const RcAppParams = AccountParams.extend({ rcAppId: NumericId });
export const RcEnvParams = RcAppParams.extend({ envId: NumericId });
export const RcDeployConfigParams = RcAppParams.extend({ schemaId: NumericId });
export const RcGroupParams = AccountParams.extend({ bizCode: RcBizCode, groupName: text(128) });
export const RcGroupAppParams = RcGroupParams.extend({ rcAppId: NumericId });
/** A console application of Retail Cloud: `<AppId>-<EnvId>` (checked by the BFF). */
export const RcEnvOpsParams = AccountParams.extend({ appId: z.string().min(3).max(40) });
export const RcPvcParams = RcEnvOpsParams.extend({
  pvcName: z.string().regex(/^[a-z][a-z0-9.-]{0,252}$/, 'a lower-case letter, then a-z, 0-9, . and -'),
});
export const RcSlbApParams = RcEnvOpsParams.extend({ slbApId: NumericId });
export const RcServiceParams = RcEnvOpsParams.extend({ serviceId: NumericId });
export const RcJobLogParams = RcEnvOpsParams.extend({ podName: text(253) });

// ---- users ----

export const RcUser = z.object({ userId: z.string(), userType: z.string(), realName: z.string() });
export type RcUser = z.infer<typeof RcUser>;

export const RcUserRoleInput = z
  .object({ roleName: RcRoleName, userId: text(64), userType: RcUserType })
  .strict();
export type RcUserRoleInput = z.infer<typeof RcUserRoleInput>;
const UserRoles = z.array(RcUserRoleInput).min(1, 'give at least one user role').max(50);

// ---- apps ----

export const RcAppSummary = z.object({
  appId: z.string(),
  title: z.string(),
  bizTitle: z.string(),
  bizName: z.string(),
  description: z.string(),
  language: z.string(),
  operatingSystem: z.string(),
  serviceType: z.string(),
  deployType: z.string(),
  appStateType: z.string(),
});
export type RcAppSummary = z.infer<typeof RcAppSummary>;

export const RcAppDetail = RcAppSummary.extend({
  userRoles: z.array(
    z.object({ userId: z.string(), userType: z.string(), realName: z.string(), roleName: z.string() }),
  ),
});
export type RcAppDetail = z.infer<typeof RcAppDetail>;

const k8sNamespace = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lower-case letters, digits and -');

export const CreateRcAppBody = z
  .object({
    title: text(64),
    bizCode: RcBizCode,
    language: RcLanguage,
    operatingSystem: RcOperatingSystem,
    serviceType: RcServiceType,
    userRoles: UserRoles,
    bizTitle: z.string().max(64).optional(),
    description: z.string().max(255).optional(),
    stateType: RcStateType.optional(),
    namespace: k8sNamespace.optional(),
    groupName: z.string().max(128).optional(),
    middleWareIdList: z.array(NumericId).max(20).optional(),
  })
  .strict();
export type CreateRcAppBody = z.infer<typeof CreateRcAppBody>;

export const UpdateRcAppBody = z
  .object({
    userRoles: UserRoles,
    bizTitle: z.string().max(64).optional(),
    description: z.string().max(255).optional(),
    language: RcLanguage.optional(),
    operatingSystem: RcOperatingSystem.optional(),
    serviceType: RcServiceType.optional(),
  })
  .strict();
export type UpdateRcAppBody = z.infer<typeof UpdateRcAppBody>;

export const DeleteRcAppBody = z
  .object({
    /** The app's title, typed by the operator to confirm. */
    confirmName: z.string().min(1).max(64),
    /** Also delete every environment, instance, config and mapping under the app. */
    force: z.boolean().default(false),
  })
  .strict();
export type DeleteRcAppBody = z.infer<typeof DeleteRcAppBody>;

// ---- environments ----

/** EnvType of the environment APIs: 0 test, 1 production. */
export const RcEnvType = z.union([z.literal(0), z.literal(1)]);

export const RcEnvironment = z.object({
  /** The console application id, `<AppId>-<EnvId>`. */
  id: z.string(),
  appId: z.string(),
  envId: z.string(),
  envName: z.string(),
  envType: z.number().int(),
  envTypeName: z.string(),
  region: z.string(),
  appSchemaId: z.string(),
  /** Only the detail carries it. */
  replicas: z.number().int().optional(),
});
export type RcEnvironment = z.infer<typeof RcEnvironment>;

export const CreateRcEnvBody = z
  .object({
    envName: text(64),
    envType: RcEnvType,
    appSchemaId: NumericId,
    replicas: z.number().int().min(0).max(1000),
    /** The account's region when absent. */
    region: z.string().max(64).optional(),
    clusterId: z.string().max(64).optional(),
  })
  .strict();
export type CreateRcEnvBody = z.infer<typeof CreateRcEnvBody>;

export const UpdateRcEnvBody = z
  .object({
    replicas: z.number().int().min(0).max(1000).optional(),
    appSchemaId: NumericId.optional(),
  })
  .strict()
  .refine((b) => b.replicas !== undefined || b.appSchemaId !== undefined, {
    message: 'give replicas or appSchemaId',
    path: ['replicas'],
  });
export type UpdateRcEnvBody = z.infer<typeof UpdateRcEnvBody>;

export const DeleteRcEnvBody = z
  .object({
    /** The environment's name, typed by the operator to confirm. */
    confirmName: z.string().min(1).max(64),
    /** Also delete its instances, traffic access points and services; otherwise the cloud checks first. */
    force: z.boolean().default(false),
  })
  .strict();
export type DeleteRcEnvBody = z.infer<typeof DeleteRcEnvBody>;

export const RcDeployBaseline = z.object({
  /** Null until the environment's first deploy. */
  baseline: z
    .object({
      schemaId: z.string(),
      createTime: IsoTime,
      packetId: z.string(),
      packetUrl: z.string(),
      packetComment: z.string(),
    })
    .nullable(),
});
export type RcDeployBaseline = z.infer<typeof RcDeployBaseline>;

// ---- deploy configs ----

/** EnvType of the deploy-config APIs. */
export const RcConfigEnvType = z.enum(['test', 'online']);

export const RcDeployConfig = z.object({
  id: z.string(),
  appId: z.string(),
  name: z.string(),
  envType: z.string(),
  codePath: z.string(),
  deployment: z.string(),
  statefulSet: z.string(),
  cronJob: z.string(),
  configMapList: z.array(z.string()),
  /** Secrets stay in the cloud: only how many there are. */
  secretCount: z.number().int(),
});
export type RcDeployConfig = z.infer<typeof RcDeployConfig>;

const Yaml = z.string().max(262_144);
const workloads = (
  b: { deployment?: string | undefined; statefulSet?: string | undefined; cronJob?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  const given = (['deployment', 'statefulSet', 'cronJob'] as const).filter((k) => b[k]);
  if (given.length > 1) {
    ctx.addIssue({
      code: 'custom',
      message: 'give only one of deployment, statefulSet and cronJob',
      path: [given[1] as string],
    });
  }
};

export const CreateRcDeployConfigBody = z
  .object({
    name: text(64),
    envType: RcConfigEnvType,
    /** Empty: the deploy needs no code package. */
    codePath: z.string().max(255).optional(),
    deployment: Yaml.optional(),
    statefulSet: Yaml.optional(),
    cronJob: Yaml.optional(),
    configMapList: z.array(Yaml.min(1, 'must not be empty')).max(20).optional(),
  })
  .strict()
  .superRefine(workloads);
export type CreateRcDeployConfigBody = z.infer<typeof CreateRcDeployConfigBody>;

export const UpdateRcDeployConfigBody = z
  .object({
    /** Absent: kept as it is. */
    codePath: z.string().max(255).optional(),
    deployment: Yaml.optional(),
    statefulSet: Yaml.optional(),
    cronJob: Yaml.optional(),
    /** Replaces the whole list when given. */
    configMapList: z.array(Yaml.min(1, 'must not be empty')).max(20).optional(),
  })
  .strict()
  .superRefine(workloads);
export type UpdateRcDeployConfigBody = z.infer<typeof UpdateRcDeployConfigBody>;

// ---- app groups ----

export const RcAppGroup = z.object({
  id: z.string(),
  name: z.string(),
  bizName: z.string(),
  apps: z.array(z.object({ mappingId: z.string(), appId: z.string() })),
});
export type RcAppGroup = z.infer<typeof RcAppGroup>;

export const RcGroupQuery = z.object({ bizCode: RcBizCode.default('JST') });

export const CreateRcGroupBody = z.object({ bizCode: RcBizCode, name: text(128) }).strict();
export type CreateRcGroupBody = z.infer<typeof CreateRcGroupBody>;

export const DeleteRcGroupBody = z
  .object({
    /** Also remove the group's app mappings; otherwise the cloud refuses while it has apps. */
    force: z.boolean().default(false),
  })
  .strict();

export const BindRcGroupBody = z.object({ appId: NumericId }).strict();

// ---- PVCs ----

const k8sName = z
  .string()
  .max(253)
  .regex(/^[a-z][a-z0-9.-]*$/, 'a lower-case letter, then a-z, 0-9, . and -');

export const RcPvc = z.object({
  name: z.string(),
  capacity: z.string(),
  accessModes: z.string(),
  status: z.string(),
  storageClass: z.string(),
  volumeName: z.string(),
  createTime: IsoTime,
});
export type RcPvc = z.infer<typeof RcPvc>;

export const CreateRcPvcBody = z
  .object({
    name: k8sName,
    accessModes: z.enum(['ReadWriteMany', 'ReadWriteOnce']),
    capacity: z
      .string()
      .regex(/^\d+(\.\d+)?([EPTGMK]i?)?$/, 'a number with an optional E/P/T/G/M/K or Ei…Ki suffix'),
    storageClass: k8sName,
  })
  .strict();
export type CreateRcPvcBody = z.infer<typeof CreateRcPvcBody>;

// ---- SLB access points ----

export const RcSlbProtocol = z.enum(['TCP', 'UDP', 'HTTP', 'HTTPS']);
const Port = z.number().int().min(1).max(65_535);

export const RcSlbAp = z.object({
  slbApId: z.string(),
  appId: z.string(),
  envId: z.string(),
  name: z.string(),
  slbId: z.string(),
  slbIp: z.string(),
  networkMode: z.string(),
  protocol: z.string(),
  listenerPort: z.number().int(),
  realServerPort: z.number().int(),
  establishedTimeout: z.number().int().optional(),
  stickySession: z.number().int().optional(),
  cookieTimeout: z.number().int().optional(),
  sslCertId: z.string().optional(),
});
export type RcSlbAp = z.infer<typeof RcSlbAp>;

const slbExtras = {
  /** TCP only, 10–900 s. */
  establishedTimeout: z.number().int().min(10).max(900).optional(),
  /** HTTP/HTTPS only: 0 off, 1 on. */
  stickySession: z.union([z.literal(0), z.literal(1)]).optional(),
  /** HTTP/HTTPS only, 1–86400 s. */
  cookieTimeout: z.number().int().min(1).max(86_400).optional(),
  /** HTTPS only (and required there). */
  sslCertId: z.string().min(1).max(128).optional(),
};
export type RcSlbExtras = { [K in keyof typeof slbExtras]?: z.infer<(typeof slbExtras)[K]> };

/** Which protocol-specific extra a protocol does not take, if any is given. */
export function slbExtraMismatch(protocol: string, b: RcSlbExtras): string | undefined {
  const http = protocol === 'HTTP' || protocol === 'HTTPS';
  if (b.establishedTimeout !== undefined && protocol !== 'TCP') return 'establishedTimeout';
  if (b.stickySession !== undefined && !http) return 'stickySession';
  if (b.cookieTimeout !== undefined && !http) return 'cookieTimeout';
  if (b.sslCertId !== undefined && protocol !== 'HTTPS') return 'sslCertId';
  return undefined;
}

export const CreateRcSlbApBody = z
  .object({
    name: text(64),
    slbId: z.string().regex(/^lb-[a-z0-9]{1,40}$/, 'an SLB id such as lb-8vb…'),
    listenerPort: Port,
    realServerPort: Port,
    protocol: RcSlbProtocol,
    ...slbExtras,
  })
  .strict()
  .superRefine((b, ctx) => {
    const field = slbExtraMismatch(b.protocol, b);
    if (field) ctx.addIssue({ code: 'custom', message: `not allowed with ${b.protocol}`, path: [field] });
    if (b.protocol === 'HTTPS' && !b.sslCertId)
      ctx.addIssue({ code: 'custom', message: 'HTTPS needs an SSL certificate id', path: ['sslCertId'] });
  });
export type CreateRcSlbApBody = z.infer<typeof CreateRcSlbApBody>;

export const UpdateRcSlbApBody = z
  .object({ name: text(64).optional(), realServerPort: Port.optional(), ...slbExtras })
  .strict();
export type UpdateRcSlbApBody = z.infer<typeof UpdateRcSlbApBody>;

// ---- services ----

export const RcPortMapping = z
  .object({
    name: z
      .string()
      .max(15)
      .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'lower-case letters, digits and -'),
    port: Port,
    targetPort: z.string().regex(/^([1-9]\d{0,4}|[a-z]([-a-z0-9]{0,13}[a-z0-9])?)$/, 'a port or a port name'),
    protocol: z.enum(['TCP', 'UDP']),
    /** NodePort services only, 30000–32767. */
    nodePort: z.number().int().min(30_000).max(32_767).optional(),
  })
  .strict();
export type RcPortMapping = z.infer<typeof RcPortMapping>;

export const RcService = z.object({
  serviceId: z.string(),
  appId: z.string(),
  envId: z.string(),
  name: z.string(),
  k8sServiceId: z.string(),
  serviceType: z.string(),
  headless: z.boolean(),
  portMappings: z.array(
    z.object({
      name: z.string(),
      port: z.number().int(),
      targetPort: z.string(),
      protocol: z.string(),
      nodePort: z.number().int().optional(),
    }),
  ),
});
export type RcService = z.infer<typeof RcService>;

const PortMappings = z.array(RcPortMapping).min(1, 'give at least one port mapping').max(20);

function nodePortsFit(serviceType: string, mappings: RcPortMapping[] | undefined, ctx: z.RefinementCtx) {
  mappings?.forEach((m, i) => {
    if (m.nodePort !== undefined && serviceType !== 'NodePort') {
      ctx.addIssue({
        code: 'custom',
        message: 'only NodePort services take a nodePort',
        path: ['portMappings', i, 'nodePort'],
      });
    }
  });
}

export const CreateRcServiceBody = z
  .object({
    name: text(64),
    serviceType: z.enum(['ClusterIP', 'NodePort']),
    k8sServiceId: z
      .string()
      .regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS label: lower-case letters, digits and -'),
    /** ClusterIP only. */
    headless: z.boolean().optional(),
    portMappings: PortMappings,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.headless && b.serviceType !== 'ClusterIP')
      ctx.addIssue({
        code: 'custom',
        message: 'only ClusterIP services can be headless',
        path: ['headless'],
      });
    nodePortsFit(b.serviceType, b.portMappings, ctx);
  });
export type CreateRcServiceBody = z.infer<typeof CreateRcServiceBody>;

export const UpdateRcServiceBody = z
  .object({ name: text(64).optional(), portMappings: PortMappings.optional() })
  .strict();
export type UpdateRcServiceBody = z.infer<typeof UpdateRcServiceBody>;

// ---- jobs ----

export const RcJobQuery = z.object({
  status: z.enum(['SUCCESS', 'FAILED', 'ALL']).default('ALL'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const RcJob = z.object({
  name: z.string(),
  startTime: IsoTime,
  completionTime: IsoTime,
  activeDeadlineSeconds: z.number().int(),
  backoffLimit: z.number().int(),
  completions: z.number().int(),
  parallelism: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  message: z.string(),
  podList: z.array(z.string()),
});
export type RcJob = z.infer<typeof RcJob>;
export const RcJobPage = Page(RcJob);
export type RcJobPage = z.infer<typeof RcJobPage>;

export const RcJobLog = z.object({
  podName: z.string(),
  jobLog: z.string(),
  events: z.array(
    z.object({
      action: z.string(),
      count: z.number().int(),
      eventTime: IsoTime,
      firstTimestamp: IsoTime,
      lastTimestamp: IsoTime,
      message: z.string(),
      reason: z.string(),
      type: z.string(),
    }),
  ),
});
export type RcJobLog = z.infer<typeof RcJobLog>;

export const RcCreated = z.object({ id: z.string(), requestId: z.string().optional() });
export type RcCreated = z.infer<typeof RcCreated>;
