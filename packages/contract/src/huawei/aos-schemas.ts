import { z } from 'zod';
import { AccountParams } from '../accounts';
import { ConsoleStatus } from '../applications';
import { IsoTime, Page } from '../common';

/*
 * Console shapes of Huawei Cloud AOS's own families (seed 003 chapter 4: templates and stacks). Field
 * names are the console's (camelCase); the BFF names the upstream field each one becomes. The seed's
 * enumerations are repeated here because the contract depends on nothing but zod.
 */

/** Stack `status` (table 4-51), `Unknow` spelt as the seed spells it. */
export const AOS_STACK_STATUSES = [
  'Running',
  'Stopped',
  'Abnormal',
  'Pending',
  'Processing',
  'PartialStopped',
  'Unknow',
] as const;
export const AOS_FAILURE_STRATEGIES = ['DoNothing', 'Rollback'] as const;
export const AOS_TEMPLATE_FORMATS = ['yaml', 'json'] as const;

/**
 * Largest template file the console uploads: the browser sends the file's text inside a JSON body, so
 * it stays under the BFF's JSON limit (the cloud itself takes up to 10 MB).
 */
export const AOS_TEMPLATE_MAX_BYTES = 200 * 1024;
/** Longest input value the cloud accepts (SVCSTG.AOS.4002011). */
export const AOS_INPUT_MAX_LENGTH = 4096;
/** What the cloud shows instead of a secret or password input's value. */
export const AOS_MASK = '*****';

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
const FORBIDDEN = /[<>()#%&/]/;

/** Template and stack names (tables 4-2, 4-36). */
export const AosName = z
  .string()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(
    /^[a-z]([a-z0-9-]{0,62}[a-z0-9])?$/,
    'lower-case letters, digits and -, starting with a letter and not ending with -',
  );
export const AosDescription = z
  .string()
  .refine((d) => utf8Bytes(d) <= 255, 'at most 255 bytes (a Chinese character counts as three)')
  .refine((d) => !FORBIDDEN.test(d), 'must not contain any of < > ( ) # % & /');
export const AosTemplateVersion = z
  .string()
  .min(1, 'a version is required')
  .max(24, 'at most 24 characters')
  .regex(/^[a-zA-Z0-9]+([-.][a-zA-Z0-9]+)*$/, 'letters and digits, separated by single - or . (e.g. 1.0.0)');
export const AosVendor = z
  .string()
  .refine((v) => [...v].length <= 64, 'at most 64 characters')
  .refine((v) => !FORBIDDEN.test(v), 'must not contain any of < > ( ) # % & /');

const TemplateId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a template id (1–64 letters, digits and -)');
const StackId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a stack id (1–64 letters, digits and -)');
const ElementId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'an element (node) id (1–64 letters, digits, _, . and -)');
const ActionId = z
  .string()
  .regex(
    /^[A-Za-z0-9]([-A-Za-z0-9.]{0,62}[A-Za-z0-9])?$/,
    'an execution id (the action_id, 1–64 characters)',
  );
/** Minutes a lifecycle may run, [1, 1440] (the error text of SVCSTG.AOS.4002506). */
const Timeout = z.number().int('whole minutes').min(1, 'at least 1 minute').max(1440, 'at most 1440 minutes');
const LABEL = /^[a-zA-Z0-9_]+[-.a-zA-Z0-9_]*$/;
const LabelPart = z
  .string()
  .min(1)
  .max(64)
  .regex(LABEL, 'letters, digits, _, - and ., starting with a letter, digit or _');

/** A value of a template input: the seed's types are strings, numbers and booleans. */
export const AosInputValue = z.union([
  z.string().max(AOS_INPUT_MAX_LENGTH, `at most ${AOS_INPUT_MAX_LENGTH} characters`),
  z.number(),
  z.boolean(),
]);
export type AosInputValue = z.infer<typeof AosInputValue>;
const InputValues = z
  .record(z.string().min(1).max(64), AosInputValue)
  .refine((r) => Object.keys(r).length <= 200, 'at most 200 inputs');

// ---------- templates ----------

export const AosTemplateParams = AccountParams.extend({ templateId: TemplateId });

export const AosTemplateListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Exact template name (the API's `name` filter). */
  name: z.string().max(64).optional(),
});

export const AosTemplate = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  vendor: z.string(),
  description: z.string(),
  dslVersion: z.string(),
  scope: z.string(),
  mainFileName: z.string(),
  templateUrl: z.string().optional(),
  originTemplateUrl: z.string().optional(),
  createdAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
  /** Stacks were created from it: it can be neither updated nor deleted. */
  isUsed: z.boolean(),
  needCluster: z.boolean(),
  /** A solution template (it holds an `AOS.Stack` element). */
  includeStack: z.boolean(),
});
export type AosTemplate = z.infer<typeof AosTemplate>;

/** One page of templates: the cloud pages with offset/limit and says the total in `Content-Range`. */
export const AosTemplatePage = Page(AosTemplate).extend({ contentRange: z.string().optional() });
export type AosTemplatePage = z.infer<typeof AosTemplatePage>;

/** One entry of 查询模板输入 (table 4-32). */
export const AosTemplateInput = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  default: AosInputValue.optional(),
  /** Often bilingual, `中文##English`. */
  description: z.string().optional(),
  label: z.string().optional(),
  constraints: z.record(z.string(), z.unknown()).optional(),
  advanced: z.boolean(),
  immutable: z.boolean(),
});
export type AosTemplateInput = z.infer<typeof AosTemplateInput>;

export const AosTemplateContent = z.object({
  templateId: z.string(),
  fileName: z.string(),
  /** The file as text (a YAML or JSON blueprint); an archive is not shown. */
  content: z.string(),
  bytes: z.number().int(),
  /** False for a zip or tar.gz package, whose bytes are not text. */
  isText: z.boolean(),
});
export type AosTemplateContent = z.infer<typeof AosTemplateContent>;

const TemplateContent = z
  .string()
  .min(1, 'the template file is empty')
  .refine(
    (c) => utf8Bytes(c) <= AOS_TEMPLATE_MAX_BYTES,
    `the template file must be at most ${AOS_TEMPLATE_MAX_BYTES / 1024} KiB`,
  );
const FileName = z
  .string()
  .min(1)
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.(ya?ml|json)$/, 'a .yaml, .yml or .json file name');

/** 创建模板: the file's text and its metadata; the BFF sends the seed's multipart upload. */
export const AosCreateTemplateBody = z
  .object({
    name: AosName,
    version: AosTemplateVersion,
    description: AosDescription.optional(),
    vendor: AosVendor.optional(),
    format: z.enum(AOS_TEMPLATE_FORMATS).default('yaml'),
    content: TemplateContent,
    fileName: FileName.optional(),
  })
  .strict();
export type AosCreateTemplateBody = z.input<typeof AosCreateTemplateBody>;

/**
 * 更新模板: name, scope and main file are not updatable (4001008/9/13). The cloud needs the file with
 * every update; without new content the BFF sends the template's current file again.
 */
export const AosUpdateTemplateBody = z
  .object({
    version: AosTemplateVersion.optional(),
    description: AosDescription.optional(),
    vendor: AosVendor.optional(),
    format: z.enum(AOS_TEMPLATE_FORMATS).optional(),
    content: TemplateContent.optional(),
    fileName: FileName.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'change at least one field')
  .refine((b) => b.format === undefined || b.content !== undefined, {
    message: 'a format goes with new content',
    path: ['format'],
  });
export type AosUpdateTemplateBody = z.input<typeof AosUpdateTemplateBody>;

export const AosTemplateWritten = z.object({ id: z.string(), requestId: z.string().optional() });
export type AosTemplateWritten = z.infer<typeof AosTemplateWritten>;

// ---------- stacks ----------

export const AosStackParams = AccountParams.extend({ stackId: StackId });
export const AosElementParams = AosStackParams.extend({ elementId: ElementId });
export const AosExecutionParams = AosStackParams.extend({ actionId: ActionId });

export const AosStackListQuery = z.object({
  status: z.enum(AOS_STACK_STATUSES).optional(),
  /** Exact stack name. */
  name: z.string().max(64).optional(),
  templateId: TemplateId.optional(),
});

export const AosLastExecution = z.object({
  actionName: z.string(),
  progress: z.number(),
  phase: z.string(),
  message: z.string().optional(),
});

export const AosStack = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The console's status beside the native `status` and `phase`. */
  consoleStatus: ConsoleStatus,
  status: z.string(),
  phase: z.string().optional(),
  healthy: z.boolean(),
  healthMessage: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.string(),
  createdAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
  labels: z.record(z.string(), z.string()),
  clusterId: z.string(),
  clusterName: z.string(),
  namespace: z.string(),
  lastExecution: AosLastExecution.optional(),
});
export type AosStack = z.infer<typeof AosStack>;

export const AosStackDetail = AosStack.extend({
  projectId: z.string(),
  dslVersion: z.string(),
  force: z.boolean(),
  inputs: z.record(z.string(), z.unknown()),
  previousTemplateId: z.string(),
  previousInputs: z.record(z.string(), z.unknown()).optional(),
  /** An execution is running: no lifecycle may start. */
  busy: z.boolean(),
  /** The stack was upgraded and has a previous state to return to. */
  rollbackable: z.boolean(),
  /** The newest execution failed: retry re-runs it. */
  retryable: z.boolean(),
  /** Resources were created (an install succeeded at some point). */
  installed: z.boolean(),
  /** A delete failed: only a forced delete removes the stack now. */
  deleteFailed: z.boolean(),
});
export type AosStackDetail = z.infer<typeof AosStackDetail>;

export const AosElementListQuery = z.object({
  /** E.g. Application, Service, Volume, or a full type such as Cloud.VPC.Subnet. */
  type: z.string().min(1).max(64).optional(),
});

export const AosElement = z.object({
  id: z.string(),
  type: z.string(),
  description: z.string(),
  /** `action_status.phase` of the element's last sub-action (Pending before any). */
  phase: z.string(),
  subActionName: z.string(),
  actionUpdatedAt: IsoTime.optional(),
  createdAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
  typeHierarchy: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()),
  runtimeProperties: z.record(z.string(), z.unknown()),
  relationships: z.array(z.object({ name: z.string(), type: z.string(), targetId: z.string() })),
});
export type AosElement = z.infer<typeof AosElement>;

export const AosElementInstance = z.object({
  name: z.string(),
  namespace: z.string().optional(),
  phase: z.string().optional(),
  podIp: z.string().optional(),
  hostIp: z.string().optional(),
});

export const AosElementDetail = AosElement.extend({ instances: z.array(AosElementInstance) });
export type AosElementDetail = z.infer<typeof AosElementDetail>;

export const AosStackOutput = z.object({
  name: z.string(),
  value: z.union([z.string(), z.array(z.string())]),
  description: z.string(),
});
export type AosStackOutput = z.infer<typeof AosStackOutput>;

export const AosStackInput = z.object({
  name: z.string(),
  value: z.unknown(),
  /** A secret or password: the cloud shows `*****`. */
  masked: z.boolean(),
});
export type AosStackInput = z.infer<typeof AosStackInput>;

export const AosExecutionListQuery = z.object({
  /** Only the newest execution (`last=true`); otherwise the newest ten. */
  last: z.enum(['true', 'false']).default('false'),
});

export const AosExecution = z.object({
  /** The `action_id` (metadata.name), `{stack}-{hash}`. */
  id: z.string(),
  /** The console's rollout of it, `<stackId>.<actionId>`. */
  rolloutId: z.string(),
  actionName: z.string(),
  phase: z.string(),
  progress: z.number(),
  message: z.string().optional(),
  reason: z.string().optional(),
  source: z.string().optional(),
  timeoutInMinutes: z.number().optional(),
  onFailureStrategy: z.string().optional(),
  createdAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
  templateId: z.string().optional(),
  templateName: z.string().optional(),
  templateVersion: z.string().optional(),
  /** Nodes the execution was limited to; empty means all. */
  subObjectNames: z.string().optional(),
});
export type AosExecution = z.infer<typeof AosExecution>;

export const AosExecutionStep = z.object({
  node: z.string(),
  subActionName: z.string(),
  phase: z.string(),
  message: z.string().optional(),
  reason: z.string().optional(),
  startedAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
});

export const AosExecutionDetail = AosExecution.extend({
  steps: z.array(AosExecutionStep),
  /** The inputs the execution changed (`changedObjectData`, decoded), secrets masked by the cloud. */
  changedInputs: z.record(z.string(), z.unknown()).optional(),
});
export type AosExecutionDetail = z.infer<typeof AosExecutionDetail>;

/** 创建堆栈, with the install lifecycle run at once unless `autoCreate` is false. */
export const AosCreateStackBody = z
  .object({
    name: AosName,
    templateId: TemplateId,
    description: AosDescription.optional(),
    inputs: InputValues.default({}),
    autoCreate: z.boolean().default(true),
    failureStrategy: z.enum(AOS_FAILURE_STRATEGIES).default('DoNothing'),
    timeout: Timeout.default(60),
    labels: z
      .record(LabelPart, LabelPart)
      .refine((r) => Object.keys(r).length <= 20, 'at most 20 labels')
      .optional(),
    clusterId: z.string().min(1).max(64).optional(),
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a CCE namespace name')
      .optional(),
  })
  .strict();
export type AosCreateStackBody = z.input<typeof AosCreateStackBody>;

export const AosStackCreated = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  requestId: z.string().optional(),
});
export type AosStackCreated = z.infer<typeof AosStackCreated>;

/** Lifecycle `create` for a stack made without `auto_create` (or whose install failed). */
export const AosInstallBody = z
  .object({
    failureStrategy: z.enum(AOS_FAILURE_STRATEGIES).default('DoNothing'),
    timeout: Timeout.default(60),
  })
  .strict();
export type AosInstallBody = z.input<typeof AosInstallBody>;

/**
 * Lifecycle `upgrade`: new inputs and/or another template. Only the inputs that change are sent; a
 * masked value (`*****`) means "unchanged", never the new secret.
 */
export const AosUpgradeBody = z
  .object({
    templateId: TemplateId.optional(),
    inputs: InputValues.default({}),
    timeout: Timeout.default(60),
  })
  .strict();
export type AosUpgradeBody = z.input<typeof AosUpgradeBody>;

/** Lifecycle `rollback` / `retry`. */
export const AosLifecycleBody = z.object({ timeout: Timeout.default(60) }).strict();
export type AosLifecycleBody = z.input<typeof AosLifecycleBody>;

/** Lifecycle `delete`: the stack's name typed out. */
export const AosLifecycleDeleteBody = z
  .object({ confirmName: z.string().min(1).max(64), timeout: Timeout.default(60) })
  .strict();
export type AosLifecycleDeleteBody = z.input<typeof AosLifecycleDeleteBody>;

/** 删除堆栈, the stack's name typed out; `force` only after a delete was attempted (seed 4.9). */
export const AosDeleteStackBody = z
  .object({ confirmName: z.string().min(1).max(64), force: z.boolean().default(false) })
  .strict();
export type AosDeleteStackBody = z.input<typeof AosDeleteStackBody>;

/** A lifecycle started: its execution and the console's rollout of it. */
export const AosLifecycleStarted = z.object({
  actionId: z.string(),
  lastActionId: z.string().optional(),
  rolloutId: z.string(),
  requestId: z.string().optional(),
});
export type AosLifecycleStarted = z.infer<typeof AosLifecycleStarted>;
