import { z } from 'zod';
import { AccountParams } from '../accounts';
import { IsoTime, Page } from '../common';

/*
 * Console shapes of Huawei Cloud Auto Scaling's own families (seed 004 chapter 5). Field names are the
 * console's (camelCase); the BFF names the upstream field each one becomes. The enumerations are the
 * seed's exact values, repeated here because the contract depends on nothing but zod.
 */

export const asGroupStatuses = ['INSERVICE', 'PAUSED', 'ERROR', 'DELETING'] as const;
export const asLifeCycleStates = [
  'INSERVICE',
  'PENDING',
  'PENDING_WAIT',
  'REMOVING',
  'REMOVING_WAIT',
] as const;
export const asHealthStatuses = ['INITIALIZING', 'NORMAL', 'ERROR'] as const;
export const asBatchActions = ['ADD', 'REMOVE', 'PROTECT', 'UNPROTECT'] as const;
export const asPolicyTypes = ['ALARM', 'SCHEDULED', 'RECURRENCE'] as const;
export const asPolicyOperations = ['ADD', 'REMOVE', 'SET'] as const;
export const asRecurrenceTypes = ['Daily', 'Weekly', 'Monthly'] as const;
export const asActivityStatuses = ['SUCCESS', 'FAIL', 'DOING'] as const;
export const asActivityTypes = [
  'NORMAL',
  'MANUAL_REMOVE',
  'MANUAL_DELETE',
  'MANUAL_ADD',
  'ELB_CHECK_DELETE',
  'AUDIT_CHECK_DELETE',
  'DIFF',
  'MODIFY_ELB',
] as const;
export const asHookTypes = ['INSTANCE_LAUNCHING', 'INSTANCE_TERMINATING'] as const;
export const asHookDefaultResults = ['ABANDON', 'CONTINUE'] as const;
export const asTopicScenes = [
  'SCALING_UP',
  'SCALING_UP_FAIL',
  'SCALING_DOWN',
  'SCALING_DOWN_FAIL',
  'SCALING_GROUP_ABNORMAL',
] as const;
export const asHealthAuditMethods = ['ELB_AUDIT', 'NOVA_AUDIT'] as const;
/** Minutes; 0 means every 10 seconds. */
export const asHealthAuditTimes = [0, 1, 5, 15, 60, 180] as const;
export const asTerminatePolicies = [
  'OLD_CONFIG_OLD_INSTANCE',
  'OLD_CONFIG_NEW_INSTANCE',
  'OLD_INSTANCE',
  'NEW_INSTANCE',
] as const;
export const asMultiAzPolicies = ['EQUILIBRIUM_DISTRIBUTE', 'PICK_FIRST'] as const;
export const asVolumeTypes = ['SATA', 'SSD'] as const;
export const asDiskTypes = ['SYS', 'DATA'] as const;

/** Group, configuration and policy names: 1–64 of CJK, letters, digits, `_` and `-`. */
const resourceName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `give the ${what} a name`)
    .max(64, 'at most 64 characters')
    .regex(/^[\p{Script=Han}A-Za-z0-9_-]+$/u, 'Chinese characters, letters, digits, _ and - only');

/** AS ids are UUIDs; a little looser so that ids of other shapes still reach the cloud's own check. */
const AsId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, _ and - only');
const CloudId = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, _ and - only');
const int = (lo: number, hi: number) => z.number().int().min(lo).max(hi);

const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** An SMN topic URN, `urn:smn:<region>:<project>:<name>`. */
export const AS_TOPIC_URN = /^urn:smn:[A-Za-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$/;
const TopicUrn = z.string().regex(AS_TOPIC_URN, 'an SMN topic URN, urn:smn:<region>:<project>:<name>');

export const AsGroupParams = AccountParams.extend({ groupId: AsId });
export const AsConfigParams = AccountParams.extend({ configId: AsId });
export const AsPolicyParams = AccountParams.extend({ policyId: AsId });
export const AsInstanceParams = AsGroupParams.extend({ instanceId: AsId });
export const AsHookParams = AsGroupParams.extend({
  hookName: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'a hook name: 1–32 letters, digits, _ and -'),
});
export const AsTopicParams = AsGroupParams.extend({ topicUrn: TopicUrn });

export const AsCreated = z.object({ id: z.string(), requestId: z.string().optional() });
export type AsCreated = z.infer<typeof AsCreated>;

// ---------- scaling groups ----------

export const AsGroup = z.object({
  id: z.string(),
  name: z.string(),
  /** The native `scaling_group_status`. */
  status: z.string(),
  configId: z.string().optional(),
  configName: z.string().optional(),
  current: z.number(),
  /** Read from `desire_instance_number` or `desired_instance_number`, whichever the cloud sent. */
  desired: z.number(),
  min: z.number(),
  max: z.number(),
  coolDown: z.number(),
  isScaling: z.boolean(),
  vpcId: z.string().optional(),
  subnetIds: z.array(z.string()),
  securityGroupIds: z.array(z.string()),
  availableZones: z.array(z.string()),
  lbListenerIds: z.array(z.string()),
  healthAuditMethod: z.string().optional(),
  /** Minutes (0 = every 10 s). */
  healthAuditTime: z.number().optional(),
  healthAuditGracePeriod: z.number().optional(),
  terminatePolicy: z.string().optional(),
  multiAzPolicy: z.string().optional(),
  deletePublicip: z.boolean(),
  deleteVolume: z.boolean(),
  description: z.string().optional(),
  /** Why the last activity failed, when it did. */
  detail: z.string().optional(),
  activityType: z.string().optional(),
  createTime: IsoTime.optional(),
});
export type AsGroup = z.infer<typeof AsGroup>;
export const AsGroupPage = Page(AsGroup);
export type AsGroupPage = z.infer<typeof AsGroupPage>;

export const AsGroupListQuery = z.object({
  ...pageQuery,
  name: z.string().max(64).optional(),
  status: z.enum(asGroupStatuses).optional(),
  configId: AsId.optional(),
});

/** The settings create and edit share; all optional here. */
const groupSettings = {
  configId: AsId.optional(),
  min: int(0, 300).optional(),
  max: int(0, 300).optional(),
  desired: int(0, 300).optional(),
  coolDown: int(0, 86400).optional(),
  subnetIds: z
    .array(CloudId)
    .min(1, 'give at least one subnet')
    .max(5, 'at most 5 subnets')
    .refine((ids) => new Set(ids).size === ids.length, 'a subnet is listed twice')
    .optional(),
  /** The seed allows one security group per group. */
  securityGroupIds: z.array(CloudId).max(1, 'at most one security group').optional(),
  availableZones: z.array(z.string().trim().min(1).max(64)).max(10).optional(),
  lbListenerIds: z.array(CloudId).max(6, 'at most 6 listeners').optional(),
  healthAuditMethod: z.enum(asHealthAuditMethods).optional(),
  healthAuditTime: z
    .number()
    .int()
    .refine(
      (m) => (asHealthAuditTimes as readonly number[]).includes(m),
      'one of 0, 1, 5, 15, 60, 180 minutes',
    )
    .optional(),
  healthAuditGracePeriod: int(0, 86400).optional(),
  terminatePolicy: z.enum(asTerminatePolicies).optional(),
  multiAzPolicy: z.enum(asMultiAzPolicies).optional(),
  deletePublicip: z.boolean().optional(),
  deleteVolume: z.boolean().optional(),
  description: z.string().max(256, 'at most 256 characters').optional(),
};

interface Bounds {
  min?: number | undefined;
  max?: number | undefined;
  desired?: number | undefined;
}

/** min ≤ max and min ≤ desired ≤ max, among the bounds given (create fills in the seed's defaults). */
function checkBounds(b: Bounds, ctx: z.RefinementCtx): void {
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: 'the minimum cannot exceed the maximum' });
  }
  if (b.desired !== undefined) {
    if (b.min !== undefined && b.desired < b.min)
      ctx.addIssue({ code: 'custom', path: ['desired'], message: 'the desired count is below the minimum' });
    if (b.max !== undefined && b.desired > b.max)
      ctx.addIssue({ code: 'custom', path: ['desired'], message: 'the desired count exceeds the maximum' });
  }
}

export const AsCreateGroupBody = z
  .object({
    name: resourceName('group'),
    vpcId: CloudId,
    ...groupSettings,
    subnetIds: groupSettings.subnetIds.unwrap(),
  })
  .strict()
  // The seed's defaults: min 0, max 1, desired = min.
  .superRefine((b, ctx) => checkBounds({ min: b.min ?? 0, max: b.max ?? 1, desired: b.desired }, ctx));
export type AsCreateGroupBody = z.infer<typeof AsCreateGroupBody>;

export const AsUpdateGroupBody = z
  .object({ name: resourceName('group').optional(), ...groupSettings })
  .strict()
  .superRefine((b, ctx) => {
    if (Object.keys(b).length === 0) ctx.addIssue({ code: 'custom', message: 'change at least one setting' });
    checkBounds(b, ctx);
  });
export type AsUpdateGroupBody = z.infer<typeof AsUpdateGroupBody>;

export const AsDesiredBody = z.object({ desired: int(0, 300) }).strict();
export type AsDesiredBody = z.infer<typeof AsDesiredBody>;

/** The group's name typed out (checked against the cloud's), and whether its instances go with it. */
export const AsDeleteGroupBody = z
  .object({ confirmName: z.string().min(1).max(64), force: z.boolean().default(false) })
  .strict();
export type AsDeleteGroupBody = z.input<typeof AsDeleteGroupBody>;

// ---------- scaling configurations ----------

export const AsDisk = z.object({
  size: z.number(),
  volumeType: z.string(),
  diskType: z.string(),
});
export type AsDisk = z.infer<typeof AsDisk>;

export const AsConfig = z.object({
  id: z.string(),
  name: z.string(),
  createTime: IsoTime.optional(),
  /** A group that uses it (the cloud names one). */
  groupId: z.string().optional(),
  instanceId: z.string().optional(),
  flavorRef: z.string().optional(),
  imageRef: z.string().optional(),
  disks: z.array(AsDisk),
  keyName: z.string().optional(),
  /** Login by password: the password itself never leaves the BFF. */
  hasAdminPass: z.boolean(),
  securityGroupIds: z.array(z.string()),
  /** The EIP's bandwidth in Mbit/s when instances get one. */
  eipBandwidth: z.number().optional(),
  hasUserData: z.boolean(),
  personalityFiles: z.number(),
  metadata: z.record(z.string(), z.string()),
  multiFlavorPriorityPolicy: z.string().optional(),
});
export type AsConfig = z.infer<typeof AsConfig>;
export const AsConfigPage = Page(AsConfig);
export type AsConfigPage = z.infer<typeof AsConfigPage>;

export const AsConfigListQuery = z.object({
  ...pageQuery,
  name: z.string().max(64).optional(),
  imageId: CloudId.optional(),
});

/** At least 8 and at most 26 characters with three of: upper case, lower case, a digit, a symbol. */
export const asAdminPassOk = (p: string): boolean =>
  p.length >= 8 &&
  p.length <= 26 &&
  [/[A-Z]/, /[a-z]/, /\d/, /[!@$%^\-_=+[\]{}:,./?~#*]/].filter((r) => r.test(p)).length >= 3;

export const AsCreateConfigBody = z
  .object({
    name: resourceName('configuration'),
    /** An existing ECS as the template: flavor, image and disks then come from it. */
    instanceId: CloudId.optional(),
    flavorRef: z
      .string()
      .trim()
      .min(1, 'choose a flavor')
      .max(255)
      .refine((f) => f.split(',').length <= 10, 'at most 10 flavors')
      .optional(),
    imageRef: CloudId.optional(),
    disks: z
      .array(
        z
          .object({
            size: z.number().int(),
            volumeType: z.enum(asVolumeTypes),
            diskType: z.enum(asDiskTypes),
          })
          .strict()
          .superRefine((d, ctx) => {
            const [lo, hi] = d.diskType === 'SYS' ? [1, 1024] : [10, 32768];
            if (d.size < lo || d.size > hi)
              ctx.addIssue({
                code: 'custom',
                path: ['size'],
                message: `${d.diskType} disks are ${lo}–${hi} GB`,
              });
          }),
      )
      .max(24)
      .optional(),
    keyName: z.string().trim().min(1).max(64).optional(),
    /** Write-only: sent to the cloud once, never stored, logged or returned. */
    adminPass: z
      .string()
      .refine(asAdminPassOk, '8–26 characters with three of upper case, lower case, digits and symbols')
      .optional(),
    securityGroupIds: z.array(CloudId).max(1, 'at most one security group').optional(),
    /** Mbit/s of a 5_bgp EIP per instance, charged by traffic; absent = no EIP. */
    eipBandwidth: int(1, 1000).optional(),
    /** Base64, at most 32 KB before encoding. */
    userData: z
      .string()
      .max(44_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
      .optional(),
    metadata: z
      .record(z.string().min(1).max(255), z.string().max(255))
      .refine((m) => !('admin_pass' in m), 'give the password as adminPass')
      .optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.instanceId) {
      if (!b.flavorRef) ctx.addIssue({ code: 'custom', path: ['flavorRef'], message: 'choose a flavor' });
      if (!b.imageRef) ctx.addIssue({ code: 'custom', path: ['imageRef'], message: 'choose an image' });
      const sys = (b.disks ?? []).filter((d) => d.diskType === 'SYS').length;
      if (sys !== 1) ctx.addIssue({ code: 'custom', path: ['disks'], message: 'exactly one system disk' });
    }
    if (b.keyName && b.adminPass) {
      ctx.addIssue({ code: 'custom', path: ['adminPass'], message: 'a key pair or a password, not both' });
    }
    if (!b.keyName && !b.adminPass && !b.instanceId) {
      ctx.addIssue({ code: 'custom', path: ['keyName'], message: 'give a key pair or a password' });
    }
  });
export type AsCreateConfigBody = z.infer<typeof AsCreateConfigBody>;

export const AsConfigIdsBody = z
  .object({
    configIds: z
      .array(AsId)
      .min(1, 'choose at least one configuration')
      .max(50, 'at most 50 at once')
      .refine((ids) => new Set(ids).size === ids.length, 'a configuration is listed twice'),
  })
  .strict();
export type AsConfigIdsBody = z.infer<typeof AsConfigIdsBody>;

// ---------- instances ----------

export const AsInstance = z.object({
  id: z.string(),
  name: z.string(),
  groupId: z.string(),
  lifeCycleState: z.string(),
  healthStatus: z.string(),
  configId: z.string().optional(),
  configName: z.string().optional(),
  /** Added by hand (no configuration): only ever removed, never deleted with its group's removal. */
  manual: z.boolean(),
  protected: z.boolean(),
  createTime: IsoTime.optional(),
});
export type AsInstance = z.infer<typeof AsInstance>;
export const AsInstancePage = Page(AsInstance);
export type AsInstancePage = z.infer<typeof AsInstancePage>;

export const AsInstanceListQuery = z.object({
  ...pageQuery,
  lifeCycleState: z.enum(asLifeCycleStates).optional(),
  healthStatus: z.enum(asHealthStatuses).optional(),
  protected: z.enum(['true', 'false']).optional(),
});

export const AsRemoveInstanceQuery = z.object({
  /** Also delete the ECS (only for instances the group created). */
  deleteInstance: z.enum(['true', 'false']).default('false'),
});

export const AsInstanceBatchBody = z
  .object({
    action: z.enum(asBatchActions),
    instanceIds: z
      .array(AsId)
      .min(1, 'choose at least one instance')
      .max(10, 'at most 10 instances at once')
      .refine((ids) => new Set(ids).size === ids.length, 'an instance is listed twice'),
    /** REMOVE only: also delete the ECS. */
    deleteInstance: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.deleteInstance !== undefined && b.action !== 'REMOVE') {
      ctx.addIssue({ code: 'custom', path: ['deleteInstance'], message: 'only with REMOVE' });
    }
  });
export type AsInstanceBatchBody = z.infer<typeof AsInstanceBatchBody>;

// ---------- policies ----------

export const AsScheduled = z.object({
  /** SCHEDULED: `YYYY-MM-DDThh:mmZ` (UTC); RECURRENCE: `hh:mm` (UTC). */
  launchTime: z.string(),
  recurrenceType: z.string().optional(),
  /** Weekly: 1–7 (1 = Sunday), Monthly: 1–31, comma-separated. */
  recurrenceValue: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
});
export type AsScheduled = z.infer<typeof AsScheduled>;

export const AsPolicyAction = z.object({
  operation: z.string(),
  instanceNumber: z.number().optional(),
  instancePercentage: z.number().optional(),
});

export const AsPolicy = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  type: z.string(),
  /** INSERVICE, PAUSED or EXECUTING. */
  status: z.string(),
  alarmId: z.string().optional(),
  scheduled: AsScheduled.optional(),
  action: AsPolicyAction,
  coolDown: z.number(),
  createTime: IsoTime.optional(),
});
export type AsPolicy = z.infer<typeof AsPolicy>;
export const AsPolicyPage = Page(AsPolicy);
export type AsPolicyPage = z.infer<typeof AsPolicyPage>;

export const AsPolicyListQuery = z.object({
  ...pageQuery,
  name: z.string().max(64).optional(),
  type: z.enum(asPolicyTypes).optional(),
});

const MINUTE_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\dZ$/;
const minuteUtc = z.string().regex(MINUTE_UTC, 'a UTC time, YYYY-MM-DDThh:mmZ');

const policyFields = {
  name: resourceName('policy'),
  type: z.enum(asPolicyTypes),
  alarmId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a Cloud Eye alarm id')
    .optional(),
  scheduled: z
    .object({
      launchTime: z.string().min(1, 'give the launch time'),
      recurrenceType: z.enum(asRecurrenceTypes).optional(),
      recurrenceValue: z.string().max(100).optional(),
      startTime: minuteUtc.optional(),
      endTime: minuteUtc.optional(),
    })
    .strict()
    .optional(),
  action: z
    .object({
      operation: z.enum(asPolicyOperations),
      instanceNumber: int(0, 200).optional(),
      instancePercentage: int(0, 20000).optional(),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.instanceNumber !== undefined && a.instancePercentage !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['instancePercentage'], message: 'a number or a percentage' });
      }
      if (a.operation !== 'SET' && (a.instanceNumber === 0 || a.instancePercentage === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['instanceNumber'],
          message: 'adding or removing needs 1 or more',
        });
      }
    }),
  coolDown: int(0, 86400).optional(),
};

type PolicyShape = {
  type?: (typeof asPolicyTypes)[number] | undefined;
  alarmId?: string | undefined;
  scheduled?:
    | {
        launchTime: string;
        recurrenceType?: string | undefined;
        recurrenceValue?: string | undefined;
        startTime?: string | undefined;
        endTime?: string | undefined;
      }
    | undefined;
};

/** Table 5-69/5-70: what each policy type needs. */
function checkPolicy(b: PolicyShape, ctx: z.RefinementCtx): void {
  if (b.type === 'ALARM' && !b.alarmId) {
    ctx.addIssue({ code: 'custom', path: ['alarmId'], message: 'an alarm policy needs its alarm id' });
  }
  if (b.type === 'SCHEDULED' || b.type === 'RECURRENCE') {
    const s = b.scheduled;
    if (!s) {
      ctx.addIssue({ code: 'custom', path: ['scheduled'], message: 'give the schedule' });
      return;
    }
    if (b.type === 'SCHEDULED' && !MINUTE_UTC.test(s.launchTime)) {
      ctx.addIssue({
        code: 'custom',
        path: ['scheduled', 'launchTime'],
        message: 'a UTC time, YYYY-MM-DDThh:mmZ',
      });
    }
    if (b.type === 'RECURRENCE') {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.launchTime)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', 'launchTime'],
          message: 'a time of day, hh:mm (UTC)',
        });
      }
      if (!s.recurrenceType) {
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', 'recurrenceType'],
          message: 'Daily, Weekly or Monthly',
        });
      } else if (s.recurrenceType !== 'Daily') {
        const [lo, hi] = s.recurrenceType === 'Weekly' ? [1, 7] : [1, 31];
        const parts = (s.recurrenceValue ?? '').split(',');
        const ok =
          parts.every((x) => /^\d+$/.test(x) && +x >= lo && +x <= hi) && new Set(parts).size === parts.length;
        if (!ok)
          ctx.addIssue({
            code: 'custom',
            path: ['scheduled', 'recurrenceValue'],
            message: `days ${lo}–${hi}, comma-separated, each once`,
          });
      }
      if (!s.endTime) {
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', 'endTime'],
          message: 'a recurring policy needs an end',
        });
      } else if (s.startTime && s.startTime >= s.endTime) {
        ctx.addIssue({
          code: 'custom',
          path: ['scheduled', 'endTime'],
          message: 'the end must follow the start',
        });
      }
    }
  }
}

export const AsCreatePolicyBody = z
  .object({ ...policyFields, action: policyFields.action.optional() })
  .strict()
  .superRefine(checkPolicy);
export type AsCreatePolicyBody = z.infer<typeof AsCreatePolicyBody>;

export const AsUpdatePolicyBody = z
  .object({
    name: policyFields.name.optional(),
    type: policyFields.type.optional(),
    alarmId: policyFields.alarmId,
    scheduled: policyFields.scheduled,
    action: policyFields.action.optional(),
    coolDown: policyFields.coolDown,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (Object.keys(b).length === 0) ctx.addIssue({ code: 'custom', message: 'change at least one setting' });
    checkPolicy(b, ctx);
  });
export type AsUpdatePolicyBody = z.infer<typeof AsUpdatePolicyBody>;

// ---------- activity logs ----------

export const AsActivityInstance = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  reason: z.string().optional(),
  details: z.string().optional(),
});

export const AsChangeReason = z.object({
  /** The cloud's own words: `MANNUAL`, `DIFF`, `RECURRENT`… */
  changeReason: z.string(),
  oldValue: z.number().optional(),
  newValue: z.number().optional(),
  changeTime: IsoTime.optional(),
  policyName: z.string().optional(),
  policyId: z.string().optional(),
});

export const AsActivity = z.object({
  id: z.string(),
  status: z.string(),
  type: z.string().optional(),
  startTime: IsoTime.optional(),
  endTime: IsoTime.optional(),
  scalingValue: z.number(),
  instanceValue: z.number(),
  desireValue: z.number(),
  reasons: z.array(AsChangeReason),
  /** The description as the cloud wrote it, when it is not the JSON of reasons. */
  description: z.string().optional(),
  added: z.array(AsActivityInstance),
  removed: z.array(AsActivityInstance),
  deleted: z.array(AsActivityInstance),
  failed: z.array(AsActivityInstance),
  /** The console's rollout of this activity, `<groupId>.<activityId>`. */
  rolloutId: z.string(),
});
export type AsActivity = z.infer<typeof AsActivity>;
export const AsActivityPage = Page(AsActivity);
export type AsActivityPage = z.infer<typeof AsActivityPage>;

export const AsActivityQuery = z.object({
  ...pageQuery,
  /** ISO times; sent as `yyyy-MM-ddThh:mm:ssZ`. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(asActivityStatuses).optional(),
  /** Comma-separated activity types. */
  types: z
    .string()
    .refine(
      (s) => s.split(',').every((t) => (asActivityTypes as readonly string[]).includes(t)),
      `activity types among ${asActivityTypes.join(', ')}`,
    )
    .optional(),
  logId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'an activity id')
    .optional(),
});

// ---------- lifecycle hooks ----------

export const AsHook = z.object({
  name: z.string(),
  type: z.string(),
  defaultResult: z.string(),
  /** Seconds. */
  defaultTimeout: z.number(),
  topicUrn: z.string(),
  topicName: z.string().optional(),
  metadata: z.string().optional(),
  createTime: IsoTime.optional(),
});
export type AsHook = z.infer<typeof AsHook>;

const hookFields = {
  type: z.enum(asHookTypes),
  defaultResult: z.enum(asHookDefaultResults).optional(),
  defaultTimeout: int(60, 86400).optional(),
  topicUrn: TopicUrn,
  metadata: z
    .string()
    .max(256, 'at most 256 characters')
    .regex(/^[^<>&'()]*$/, "no < > & ' ( or )")
    .optional(),
};

export const AsCreateHookBody = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '1–32 letters, digits, _ and -'),
    ...hookFields,
  })
  .strict();
export type AsCreateHookBody = z.infer<typeof AsCreateHookBody>;

export const AsUpdateHookBody = z
  .object({
    type: hookFields.type.optional(),
    defaultResult: hookFields.defaultResult,
    defaultTimeout: hookFields.defaultTimeout,
    topicUrn: hookFields.topicUrn.optional(),
    metadata: hookFields.metadata,
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'change at least one setting');
export type AsUpdateHookBody = z.infer<typeof AsUpdateHookBody>;

export const AsHanging = z.object({
  instanceId: z.string(),
  instanceName: z.string().optional(),
  hookName: z.string(),
  /** HANGING, CONTINUE or ABANDON. */
  status: z.string(),
  /** When the hook's default result is applied. */
  timeout: IsoTime.optional(),
  defaultResult: z.string().optional(),
  /** The console rollout that holds it (`<groupId>.<activityId>`), when the activity is found. */
  rolloutId: z.string().optional(),
});
export type AsHanging = z.infer<typeof AsHanging>;

// ---------- notifications ----------

export const AsNotification = z.object({
  topicUrn: z.string(),
  topicName: z.string().optional(),
  scenes: z.array(z.string()),
});
export type AsNotification = z.infer<typeof AsNotification>;

export const AsNotificationBody = z
  .object({
    topicUrn: TopicUrn,
    scenes: z
      .array(z.enum(asTopicScenes))
      .min(1, 'choose at least one scene')
      .refine((s) => new Set(s).size === s.length, 'a scene is listed twice'),
  })
  .strict();
export type AsNotificationBody = z.infer<typeof AsNotificationBody>;

// ---------- tags ----------

const TagKey = z
  .string()
  .trim()
  .min(1, 'give the key')
  .max(36, 'at most 36 characters')
  .regex(/^[^=*<>\\,|/]+$/, 'no = * < > \\ , | or /');

export const AsTag = z.object({ key: z.string(), value: z.string() });
export type AsTag = z.infer<typeof AsTag>;

export const AsGroupTags = z.object({ tags: z.array(AsTag), sysTags: z.array(AsTag) });
export type AsGroupTags = z.infer<typeof AsGroupTags>;

export const AsProjectTag = z.object({ key: z.string(), values: z.array(z.string()) });
export type AsProjectTag = z.infer<typeof AsProjectTag>;

export const AsTagsBody = z
  .object({
    tags: z
      .array(
        z
          .object({
            key: TagKey,
            value: z
              .string()
              .max(43, 'at most 43 characters')
              .regex(/^[^=*<>\\,|/]*$/, 'no = * < > \\ , | or /'),
          })
          .strict(),
      )
      .min(1, 'give at least one tag')
      .max(10, 'a group has at most 10 tags')
      .refine((t) => new Set(t.map((x) => x.key)).size === t.length, 'a key is listed twice'),
  })
  .strict();
export type AsTagsBody = z.infer<typeof AsTagsBody>;

export const AsTagKeysBody = z
  .object({
    keys: z
      .array(TagKey)
      .min(1, 'choose at least one tag')
      .max(10)
      .refine((k) => new Set(k).size === k.length, 'a key is listed twice'),
  })
  .strict();
export type AsTagKeysBody = z.infer<typeof AsTagKeysBody>;

// ---------- quotas ----------

export const AsQuota = z.object({
  /** `scaling_Group`, `scaling_Config`, `scaling_Policy`, `scaling_Instance`… */
  type: z.string(),
  /** -1 where the cloud counts per group (policies and instances at tenant level). */
  used: z.number(),
  quota: z.number(),
  max: z.number(),
  min: z.number(),
});
export type AsQuota = z.infer<typeof AsQuota>;
