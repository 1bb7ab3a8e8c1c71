/**
 * Huawei Cloud Application Orchestration Service (应用编排服务, AOS), REST, as documented by seed 003
 * (API 参考, 2020-11-05, 18 APIs). Data and types only: the BFF's typed client and the embedded cloud
 * both read it, so it must not import anything from Node.
 *
 * The seed is the authority, including its spellings (`need_clutser`, `Unknow`, `DarkLaunchPaused`) and
 * the HTTP status "40" of SVCSTG.AOS.4002501 (kept as `seedStatus`, served as 400).
 */

export type AosHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Where a parameter travels: the path, the query string, a multipart form part or the JSON body. */
export type AosParamIn = 'path' | 'query' | 'form' | 'body';

export interface AosParamSpec {
  /** Seed spelling; a nested body field is dotted (`action_parameters.auto_create`, `nodes[].name`). */
  readonly name: string;
  readonly in: AosParamIn;
  /** The seed's 参数类型 column where it has one (path/query tables often do not). */
  readonly type: string;
  /** The seed's 是否必选 column. */
  readonly required: boolean;
}

export interface AosResponseField {
  /** Dotted path; `[]` is an element of the bare JSON array the API answers with. */
  readonly path: string;
  readonly type: string;
}

export interface AosApiSpec {
  /** English operation name (the call log's `api`). */
  readonly name: string;
  /** Seed section number and title (`4.1 创建模板`). */
  readonly section: string;
  readonly title: string;
  readonly method: AosHttpMethod;
  /** Path template with `{param}` segments, without query string. */
  readonly path: string;
  /** The URI line exactly as the seed prints it after the method. */
  readonly seedUri: string;
  readonly contentType: 'application/json' | 'multipart/form-data';
  readonly successStatus: 200 | 201 | 204;
  /** The seed's 异常 status table of the API. */
  readonly errorStatuses: readonly number[];
  readonly params: readonly AosParamSpec[];
  readonly response: readonly AosResponseField[];
  /** Response headers the seed documents for the API. */
  readonly responseHeaders?: readonly string[];
}

const p = (name: string, where: AosParamIn, type: string, required = false): AosParamSpec => ({
  name,
  in: where,
  type,
  required,
});

const f = (path: string, type: string): AosResponseField => ({ path, type });

/** Table 4-2 UploadResource, the JSON of the `resource` form part. */
const uploadResource: readonly AosParamSpec[] = [
  p('resource', 'form', 'String', true),
  p('archive_content', 'form', 'String or Binary'),
  p('resource.name', 'form', 'String', true),
  p('resource.description', 'form', 'String'),
  p('resource.origin_template_url', 'form', 'String'),
  p('resource.scope', 'form', 'String'),
  p('resource.vendor', 'form', 'String'),
  p('resource.version', 'form', 'String', true),
  p('resource.main_file_name', 'form', 'String'),
  p('resource.project_id', 'form', 'String'),
  p('resource.filename', 'form', 'String'),
  p('resource.dsl_version', 'form', 'String'),
  p('resource.content_type', 'form', 'String'),
];

/** Tables 4-10 / 4-27. `need_clutser` is the tables' spelling; the samples say `need_cluster`. */
const templateFields = (prefix: string): AosResponseField[] =>
  [
    ['id', 'String'],
    ['name', 'String'],
    ['version', 'String'],
    ['vendor', 'String'],
    ['description', 'String'],
    ['project_id', 'String'],
    ['template_url', 'String'],
    ['origin_template_url', 'String'],
    ['converge_url', 'String'],
    ['create_at', 'String'],
    ['update_at', 'String'],
    ['scope', 'String'],
    ['domain', 'String'],
    ['main_file_name', 'String'],
    ['need_clutser', 'Boolean'],
    ['dsl_version', 'String'],
    ['is_used', 'Boolean'],
    ['is_new_template', 'Boolean'],
    ['include_stack', 'Boolean'],
  ].map(([name, type]) => f(`${prefix}${name}`, type as string));

/** Table 4-38 (create answer); table 4-56 adds `health` and `object` and makes `labels` a map. */
const stackFields = (prefix: string, full: boolean): AosResponseField[] => [
  ...[
    ['name', 'String'],
    ['guid', 'String'],
    ['description', 'String'],
    ['project_id', 'String'],
    ['domain_id', 'String'],
    ['template_id', 'String'],
    ['template_name', 'String'],
    ['inputs_json', 'String'],
    ['status', 'String'],
    ['create_at', 'String'],
    ['update_at', 'String'],
    ['force', 'Boolean'],
    ['labels', full ? 'Map<String,String>' : 'String'],
    ['cluster_id', 'String'],
    ['cluster_name', 'String'],
    ['namespace', 'String'],
    ['template_version', 'String'],
    ['dsl_version', 'String'],
  ].map(([name, type]) => f(`${prefix}${name}`, type as string)),
  ...(full
    ? [
        f(`${prefix}health`, 'Object'),
        f(`${prefix}health.healthy`, 'Boolean'),
        f(`${prefix}health.message`, 'String'),
        f(`${prefix}object`, 'Object'),
        f(`${prefix}object.apiVersion`, 'String'),
        f(`${prefix}object.kind`, 'String'),
        f(`${prefix}object.metadata`, 'Object'),
        f(`${prefix}object.spec`, 'Object'),
        f(`${prefix}object.status`, 'Object'),
        f(`${prefix}object.status.phase`, 'String'),
        f(`${prefix}object.status.elementStatuses`, 'Map<String,Object>'),
        f(`${prefix}object.status.healthyStatus`, 'object'),
        f(`${prefix}object.status.lastExecutionStatus`, 'object'),
      ]
    : []),
];

/** Tables 4-77 / 4-83. */
const elementFields = (prefix: string): AosResponseField[] =>
  [
    ['id', 'String'],
    ['description', 'String'],
    ['properties', 'Object'],
    ['runtime_properties', 'Object'],
    ['relationships', 'Object'],
    ['stack_id', 'String'],
    ['type', 'String'],
    ['create_at', 'String'],
    ['update_at', 'String'],
    ['type_hierarchy', 'String'],
    ['action_status', 'Object'],
    ['action_status.subActionName', 'String'],
    ['action_status.phase', 'String'],
    ['action_status.createAt', 'String'],
    ['action_status.updateAt', 'String'],
  ].map(([name, type]) => f(`${prefix}${name}`, type as string));

/** Tables 4-97 … 4-104. */
const executionFields = (prefix: string): AosResponseField[] =>
  [
    ['kind', 'String'],
    ['apiVersion', 'String'],
    ['metadata', 'Object'],
    ['metadata.name', 'String'],
    ['metadata.labels', 'String'],
    ['metadata.namespace', 'String'],
    ['metadata.annotations', 'Map<String,String>'],
    ['metadata.resourceVersion', 'String'],
    ['metadata.selfLink', 'String'],
    ['metadata.uid', 'String'],
    ['spec', 'Object'],
    ['spec.actionName', 'String'],
    ['spec.changedObjectData', 'String'],
    ['spec.disableStrategy', 'String'],
    ['spec.location', 'String'],
    ['spec.metadata', 'Object'],
    ['spec.objectData', 'String'],
    ['spec.objectReference', 'Object'],
    ['spec.onFailureStrategy', 'String'],
    ['spec.source', 'String'],
    ['spec.subObjectNames', 'String'],
    ['spec.timeoutInMinutes', 'Integer'],
    ['status', 'Object'],
    ['status.actionName', 'String'],
    ['status.progress', 'Integer'],
    ['status.objectStatus', 'Object'],
    ['status.objectStatus.phase', 'String'],
    ['status.objectStatus.message', 'String'],
    ['status.objectStatus.reason', 'String'],
    ['status.objectStatus.updateAt', 'String'],
    ['status.subObjectStatuses', 'Object'],
  ].map(([name, type]) => f(`${prefix}${name}`, type as string));

const templateId = p('template_id', 'path', 'String', true);
const stackId = p('stack_id', 'path', 'String', true);

export const aosApis = [
  {
    name: 'CreateTemplate',
    section: '4.1',
    title: '创建模板',
    method: 'POST',
    path: '/v2/templates',
    seedUri: '/v2/templates',
    contentType: 'multipart/form-data',
    successStatus: 201,
    errorStatuses: [400, 409, 500],
    params: uploadResource,
    response: [f('id', 'String')],
  },
  {
    name: 'ListTemplates',
    section: '4.2',
    title: '查询模板列表',
    method: 'GET',
    path: '/v2/templates',
    seedUri: '/v2/templates',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [500],
    params: [
      p('name', 'query', 'String'),
      p('offset', 'query', 'Integer'),
      p('limit', 'query', 'Integer'),
      p('dsl_version', 'query', 'String'),
      p('check_used', 'query', 'Boolean'),
      p('include_stack', 'query', 'Boolean'),
    ],
    response: templateFields('[].'),
    responseHeaders: ['Content-Range'],
  },
  {
    name: 'UpdateTemplate',
    section: '4.3',
    title: '更新模板',
    method: 'PUT',
    path: '/v2/templates/{template_id}',
    seedUri: '/v2/templates/{template_id}',
    contentType: 'multipart/form-data',
    successStatus: 200,
    errorStatuses: [400, 404, 409, 500],
    params: [templateId, ...uploadResource],
    response: [f('id', 'String')],
  },
  {
    name: 'DeleteTemplate',
    section: '4.4',
    title: '删除模板',
    method: 'DELETE',
    path: '/v2/templates/{template_id}',
    seedUri: '/v2/templates/{template_id}',
    contentType: 'application/json',
    successStatus: 204,
    errorStatuses: [400, 404, 409, 500],
    params: [templateId],
    response: [],
  },
  {
    name: 'DownloadTemplate',
    section: '4.5',
    title: '下载模板',
    method: 'GET',
    path: '/v2/templates/{template_id}/archive',
    seedUri: '/v2/templates/{template_id}/archive',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404, 409, 500],
    params: [templateId],
    response: [],
    responseHeaders: ['Content-Type'],
  },
  {
    name: 'ShowTemplate',
    section: '4.6',
    title: '查询模板',
    method: 'GET',
    path: '/v2/templates/{template_id}',
    seedUri: '/v2/templates/{template_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404],
    params: [templateId],
    response: templateFields(''),
  },
  {
    name: 'ShowTemplateInputs',
    section: '4.7',
    title: '查询模板输入',
    method: 'GET',
    path: '/v2/templates/{template_id}/inputs',
    seedUri: '/v2/templates/{template_id}/inputs',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404, 500],
    params: [templateId],
    response: [
      f('{key}', 'Map<String,Object>'),
      f('{key}.required', 'Boolean'),
      f('{key}.default', 'Integer or String or Float or Boolean'),
      f('{key}.description', 'String'),
      f('{key}.type', 'String'),
      f('{key}.constraints', 'Object'),
      f('{key}.label', 'String'),
      f('{key}.advanced', 'Boolean'),
      f('{key}.immutable', 'Boolean'),
    ],
  },
  {
    name: 'CreateStack',
    section: '4.8',
    title: '创建堆栈',
    method: 'POST',
    path: '/v2/stacks',
    seedUri: '/v2/stacks',
    contentType: 'application/json',
    successStatus: 201,
    errorStatuses: [400, 404, 500],
    params: [
      p('name', 'body', 'String', true),
      p('project_id', 'body', 'String', true),
      p('description', 'body', 'String'),
      p('template_id', 'body', 'String', true),
      p('inputs_json', 'body', 'Object'),
      p('force', 'body', 'Boolean'),
      p('labels', 'body', 'Object'),
      p('namespace', 'body', 'String'),
      p('cluster_id', 'body', 'String'),
      p('action_parameters', 'body', 'Object'),
      p('action_parameters.failure_strategy', 'body', 'String'),
      p('action_parameters.auto_create', 'body', 'Boolean', true),
      p('action_parameters.timeout', 'body', 'Integer'),
    ],
    response: stackFields('', false),
  },
  {
    name: 'DeleteStack',
    section: '4.9',
    title: '删除堆栈',
    method: 'DELETE',
    path: '/v2/stacks/{stack_id}',
    seedUri: '/v2/stacks/{stack_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId, p('force', 'query', 'Boolean')],
    response: [],
  },
  {
    name: 'ExecuteStackLifecycle',
    section: '4.10',
    title: '执行堆栈生命周期',
    method: 'PUT',
    path: '/v2/stacks/{stack_id}/actions',
    seedUri: '/v2/stacks/{stack_id}/actions',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404, 500],
    params: [
      stackId,
      p('failure_strategy', 'body', 'String'),
      p('nodes', 'body', 'Array of objects'),
      p('nodes[].name', 'body', 'String', true),
      p('nodes[].parameters', 'body', 'Object'),
      p('nodes[].parameters.instances', 'body', 'Integer', true),
      p('timeout', 'body', 'Integer'),
      p('lifecycle', 'body', 'String', true),
      p('inputs', 'body', 'String'),
      p('template_id', 'body', 'String'),
    ],
    response: [f('action_id', 'String'), f('last_action_id', 'String')],
  },
  {
    name: 'ListStacks',
    section: '4.11',
    title: '查询堆栈列表',
    method: 'GET',
    path: '/v2/stacks',
    seedUri: '/v2/stacks?project_id={project_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [500],
    params: [
      p('project_id', 'query', 'String', true),
      p('labels', 'query', 'String'),
      p('dsl_version', 'query', 'String'),
      p('template_id', 'query', 'String'),
      p('template_name', 'query', 'String'),
      p('template_version', 'query', 'String'),
      p('include_stack', 'query', 'Boolean'),
      p('name', 'query', 'String'),
      p('status', 'query', 'String'),
    ],
    response: stackFields('[].', true),
  },
  {
    name: 'ShowStack',
    section: '4.12',
    title: '查询堆栈',
    method: 'GET',
    path: '/v2/stacks/{stack_id}',
    seedUri: '/v2/stacks/{stack_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId],
    response: stackFields('', true),
  },
  {
    name: 'ListStackElements',
    section: '4.13',
    title: '查询堆栈元素列表',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/elements',
    seedUri: '/v2/stacks/{stack_id}/elements',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId, p('element_type', 'query', 'String')],
    response: elementFields('[].'),
  },
  {
    name: 'ShowStackElement',
    section: '4.14',
    title: '查询堆栈元素',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/elements/{node_id}',
    seedUri: '/v2/stacks/{stack_id}/elements/{node_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId, p('node_id', 'path', 'String', true)],
    response: [
      f('instances', 'Array of objects'),
      f('instances.items', 'Array<Map<String,Map<String,String>>>'),
      ...elementFields(''),
    ],
  },
  {
    name: 'ShowStackOutputs',
    section: '4.15',
    title: '查询堆栈输出',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/outputs',
    seedUri: '/v2/stacks/{stack_id}/outputs',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId],
    response: [
      f('outputs', 'Object'),
      f('outputs.{key}.value', 'String'),
      f('outputs.{key}.description', 'String'),
    ],
  },
  {
    name: 'ShowStackInputs',
    section: '4.16',
    title: '查询堆栈输入',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/inputs',
    seedUri: '/v2/stacks/{stack_id}/inputs',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [404, 500],
    params: [stackId],
    response: [f('inputs', 'Object')],
  },
  {
    name: 'ShowStackExecution',
    section: '4.17',
    title: '查询堆栈执行记录',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/actions/{action_id}',
    seedUri: '/v2/stacks/{stack_id}/actions/{action_id}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404, 500],
    params: [stackId, p('action_id', 'path', 'String', true)],
    response: executionFields(''),
  },
  {
    name: 'ListStackExecutions',
    section: '4.18',
    title: '查询堆栈执行记录列表',
    method: 'GET',
    path: '/v2/stacks/{stack_id}/actions',
    seedUri: '/v2/stacks/{stack_id}/actions{?last}',
    contentType: 'application/json',
    successStatus: 200,
    errorStatuses: [400, 404, 500],
    params: [stackId, p('last', 'query', 'Boolean')],
    response: executionFields('[].'),
  },
] as const satisfies readonly AosApiSpec[];

export type AosApiName = (typeof aosApis)[number]['name'];

export const aosApiByName = Object.fromEntries(aosApis.map((a) => [a.name, a])) as {
  readonly [N in AosApiName]: Extract<(typeof aosApis)[number], { name: N }>;
};

/** Stack `status` (table 4-51), with the seed's spelling `Unknow`. */
export const aosStackStatuses = {
  Running: '运行中',
  Stopped: '全部资源停止',
  Abnormal: '异常',
  Pending: '初始化',
  Processing: '处理中',
  PartialStopped: '部分资源停止',
  Unknow: '未知状态',
} as const;
export type AosStackStatus = keyof typeof aosStackStatuses;

/** `object.status.phase` (table 4-64, 45 values in the seed's order); also element `action_status.phase`. */
export const aosStackPhases = {
  Running: '运行中',
  Pending: '初始化',
  Terminating: '删除中',
  CreateFailed: '创建失败',
  DeleteSucceeded: '删除成功',
  DarklaunchSucceeded: '灰度发布成功',
  UpgradeFailed: '变更失败',
  DarklaunchFailed: '灰度发布失败',
  RollbackFailed: '恢复堆栈失败',
  DeleteFailed: '删除失败',
  UpdateFailed: '更新失败',
  ForceCancelled: '已强制取消',
  CreateSucceeded: '创建成功',
  RollbackSucceeded: '恢复堆栈成功',
  UpgradeSucceeded: '变更成功',
  UpdateSucceeded: '更新成功',
  ReconfigFailed: '编辑失败',
  ReconfigSucceeded: '编辑成功',
  Creating: '创建中',
  Deleting: '删除中',
  Upgrading: '变更中',
  Darklaunching: '灰度发布中',
  Rollbacking: '恢复堆栈中',
  Updating: '更新中',
  Reconfiging: '编辑中',
  CreatePaused: '创建已中止',
  DeletePaused: '删除已中止',
  UpgradePaused: '变更已中止',
  DarkLaunchPaused: '灰度发布已中止',
  RollbackPaused: '恢复堆栈已中止',
  UpdatePaused: '更新已中止',
  ReconfigPaused: '编辑已中止',
  CreateCancelling: '创建取消中',
  DeleteCancelling: '删除取消中',
  UpgradeCancelling: '变更取消中',
  DarklaunchCancelling: '灰度发布取消中',
  RollbackCancelling: '恢复堆栈取消中',
  UpdateCancelling: '更新取消中',
  ReconfigCancelling: '编辑取消中',
  CreateCancelled: '创建已取消',
  DeleteCancelled: '删除已取消',
  UpgradeCancelled: '变更已取消',
  RollbackCancelled: '恢复堆栈已取消',
  ReconfigCancelled: '编辑已取消',
  CancelFailed: '取消失败',
} as const;
export type AosStackPhase = keyof typeof aosStackPhases;

/** The `lifecycle` values of 执行堆栈生命周期 (table 4-45): exactly these five. */
export const aosLifecycles = {
  create: '创建',
  delete: '删除',
  upgrade: '变更',
  rollback: '回滚',
  retry: '重试',
} as const;
export type AosLifecycle = keyof typeof aosLifecycles;

/** Execution `actionName` (table 4-102); the list sample also shows `scale`. */
export const aosExecutionActions = ['create', 'delete', 'upgrade', 'rollback', 'reconfig', 'retry'] as const;
export const aosFailureStrategies = ['DoNothing', 'Rollback'] as const;
export const aosExecutionSources = ['System', 'User'] as const;
export const aosTemplateScopes = ['project', 'domain', 'public'] as const;
/** Input `type` values (table 4-32). */
export const aosInputTypes = [
  'string',
  'integer',
  'boolean',
  'enum',
  'float',
  'secret',
  'password',
  'ip',
] as const;
/** Input `constraints` keys (table 4-33). */
export const aosInputConstraints = [
  'in_range',
  'regex',
  'valid_values',
  'equal',
  'greater_or_equal',
  'greater_than',
  'less_or_equal',
  'less_than',
] as const;
export const AOS_DSL_VERSION = 'cloud_tosca_version_1_0';
export const AOS_DEFAULT_MAIN_FILE = 'blueprint.yaml';

export interface AosErrorSpec {
  readonly status: number;
  /** The status as the seed's table prints it, where it is a typo. */
  readonly seedStatus?: string;
  readonly code: string;
  /** The English default description (`message` of the error body). */
  readonly message: string;
  /** The seed table's Chinese description. */
  readonly description: string;
}

const e = (status: number, code: string, description: string, message: string): AosErrorSpec => ({
  status,
  code: `SVCSTG.AOS.${code}`,
  description,
  message,
});

/** The error codes the simulator answers with (appendix 5.2), keyed by what went wrong. */
export const aosErrors = {
  bothTemplateSources: e(
    400,
    '4001000',
    '请求错误，创建模板时，模板文件同时在origin_template_url和archive_content中指定',
    'Bad request, template given in both origin_template_url and archive_content.',
  ),
  noTemplateSource: e(
    400,
    '4001001',
    '请求错误，创建模板时，未指定模板源文件',
    'Bad request, no template source file given.',
  ),
  invalidTemplateFile: e(400, '4001004', '请求错误，输入模板文件非法', 'Bad request, invalid template file.'),
  templateTooLarge: e(400, '4001005', '模板文件超过了最大限制', 'The template file exceeds the size limit.'),
  emptyTemplateFile: e(400, '4001007', '请求错误，模板文件为空', 'Bad request, the template file is empty.'),
  nameNotUpdatable: e(
    400,
    '4001008',
    '请求错误，模板名字不允许更新',
    'Bad request, the template name cannot be updated.',
  ),
  scopeNotUpdatable: e(
    400,
    '4001009',
    '请求错误，模板scope不允许更新',
    'Bad request, the template scope cannot be updated.',
  ),
  templateInUse: e(
    409,
    '4091010',
    '请求错误，模板已创建堆栈',
    'Bad request, stacks have been created from the template.',
  ),
  mainFileNotUpdatable: e(
    400,
    '4001013',
    '请求错误, 模板主文件不允许更新',
    'Bad request, the main file of the template cannot be updated.',
  ),
  archiveContentInvalid: e(
    400,
    '4001100',
    '请求错误, 请求中archive_content参数错误',
    'Bad request, invalid archive_content.',
  ),
  resourceMissing: e(400, '4001102', '请求错误, 请求中resource参数错误', 'Bad request, invalid resource.'),
  resourceInvalid: e(
    400,
    '4001103',
    '请求错误, 请求体中的resource参数不合法',
    'Bad request, the resource in the request body is invalid.',
  ),
  templateNameInvalid: e(400, '4001104', '请求错误, 模板名称不合法', 'Bad request, invalid template name.'),
  templateDescriptionInvalid: e(
    400,
    '4001105',
    '请求错误, 模板描述不合法',
    'Bad request, invalid template description.',
  ),
  templateVersionInvalid: e(400, '4001106', '请求错误, version字段不合法', 'Bad request, invalid version.'),
  templateVendorInvalid: e(400, '4001107', '请求错误, vendor字段不合法', 'Bad request, invalid vendor.'),
  templateScopeInvalid: e(
    400,
    '4001108',
    '请求错误, 模板的scope非法',
    'Bad request, invalid template scope.',
  ),
  templateNameUsed: e(
    400,
    '4001110',
    '请求错误, 模板名称已被使用',
    'Bad request, name of template is already used.',
  ),
  templateUrlSuffix: e(
    400,
    '4001111',
    '请求错误, 模板url中的模板文件必须以zip.tar.gz或者tgz结尾',
    'Bad request, the template file in the URL must end with zip, tar.gz or tgz.',
  ),
  mainFileInvalid: e(400, '4001115', '请求错误, 模板主文件不合法', 'Bad request, invalid main file name.'),
  templateQuota: e(
    403,
    '4031116',
    '无权限操作, 模板数量超过最大值',
    'Forbidden, the number of templates exceeds the quota.',
  ),
  dslVersionUnsupported: e(
    400,
    '4001117',
    '请求错误, 模板版本号不支持',
    'Bad request, the template DSL version is not supported.',
  ),
  contentTypeInvalid: e(
    400,
    '4001118',
    '请求错误, 模板文件类型非法',
    'Bad request, invalid template file type.',
  ),
  templateValidation: e(
    400,
    '4001119',
    '模板校验失败, 模板不合法, 请检查',
    'Template validation failed, the template is invalid.',
  ),
  templateProjectInvalid: e(400, '4001120', '请求错误, 项目ID不合法', 'Bad request, invalid project ID.'),
  templateEncoding: e(
    400,
    '4001122',
    '请求错误, 模板文件编码格式错误',
    'Bad request, the template file encoding is wrong.',
  ),
  templateIdInvalid: e(400, '4001500', '请求错误, 模板ID不合法', 'Bad request, invalid template ID.'),
  requestBodyInvalid: e(400, '4001800', '请求错误, 请求体无效', 'Bad request, invalid request body.'),
  internal: e(500, '5000105', '服务器内部错误', 'Internal server error.'),
  pathNotFound: e(400, '4000007', '请求错误, 请求路径未找到', 'Bad request, path not found.'),
  invalidParameter: e(
    400,
    '4000010',
    '请求错误, 请求参数错误, 请检查',
    'Bad request, invalid request parameters.',
  ),
  invalidParameters: e(
    400,
    '4000011',
    '请求错误, 请求参数错误, 请检查',
    'Bad request, invalid request parameters.',
  ),
  templateNotFound: e(404, '4040012', '模板不存在', 'The template does not exist.'),
  stackNotFound: e(404, '4040013', '堆栈不存在', 'The stack does not exist.'),
  templateUrlInvalid: e(400, '4000102', '模板文件url不合法', 'The template file URL is invalid.'),
  templatePathNotFound: e(
    400,
    '4000133',
    '请求错误，模板文件路径未发现',
    'Bad request, the template file path was not found.',
  ),
  filenameInvalid: e(
    400,
    '4000601',
    '请求错误, 模板文件名不合法',
    'Bad request, invalid template file name.',
  ),
  executionConflict: e(409, '4090329', '请求错误, k8s请求已存在', 'Bad request, the request already exists.'),
  stackParamsInvalid: e(400, '4002000', '请求参数出错, 请检查', 'Invalid request parameters.'),
  stackNameInvalid: e(400, '4002001', '请求错误, 堆栈名称不合法', 'Bad request, invalid stack name.'),
  stackDescriptionInvalid: e(
    400,
    '4002002',
    '请求错误, 堆栈描述不合法',
    'Bad request, invalid stack description.',
  ),
  stackProjectInvalid: e(400, '4002003', '请求错误，项目ID不合法', 'Bad request, invalid project ID.'),
  stackTemplateIdInvalid: e(400, '4002004', '请求错误，模板id不合法', 'Bad request, invalid template ID.'),
  stackNameUsed: e(
    409,
    '4092006',
    '请求错误，堆栈名称已被使用，请修改名称',
    'Bad request, the stack name is already used.',
  ),
  inputsInvalid: e(400, '4002008', '请求错误，输入参数不合法', 'Bad request, invalid inputs.'),
  inputMissing: e(400, '4002009', '请求错误，输入参数不合法，请检查', 'Bad request, invalid inputs.'),
  inputUnknown: e(
    400,
    '4002010',
    '请求错误，模板中的input参数不合法',
    'Bad request, invalid input of the template.',
  ),
  inputTooLong: e(
    400,
    '4002011',
    '请求错误，输入参数超过了最大长度',
    'Bad request, an input exceeds the maximum length.',
  ),
  inputValueInvalid: e(
    400,
    '4002013',
    '请求错误，输入参数不合法，请检查',
    'Bad request, invalid input value.',
  ),
  stackLabelsInvalid: e(400, '4002024', '请求错误，堆栈标签不合法', 'Bad request, invalid stack labels.'),
  stackQuota: e(
    403,
    '4032025',
    '无操作权限，堆栈数量达到限定值',
    'Forbidden, the number of stacks reached the quota.',
  ),
  scaleInBoth: e(
    400,
    '4002027',
    '请求错误，不支持input和node中同时定义scale参数',
    'Bad request, scale parameters cannot be defined in both inputs and nodes.',
  ),
  scaleInputUndefined: e(
    400,
    '4002028',
    '请求错误，请在inputs中定义变更参数',
    'Bad request, define the scale parameter in the inputs.',
  ),
  stackIdInvalid: e(400, '4002100', '请求错误, 堆栈ID不合法', 'Bad request, invalid stack ID.'),
  stackNotExist: e(404, '4042101', '访问堆栈不存在', 'The stack does not exist.'),
  deleteParamsInvalid: e(
    400,
    '4002103',
    '请求错误, 请求参数不合法',
    'Bad request, invalid request parameters.',
  ),
  listProjectInvalid: e(400, '4002200', '请求错误, 项目ID不合法', 'Bad request, invalid project ID.'),
  lifecycleBodyInvalid: e(400, '4002500', '请求错误, 请求体非法', 'Bad request, invalid request body.'),
  lifecycleInvalid: {
    ...e(400, '4002501', '请求错误, 生命周期参数不合法', 'Bad request, invalid lifecycle.'),
    seedStatus: '40',
  },
  scaleCountMissing: e(
    400,
    '4002502',
    '请求错误, 请输入变更实例个数',
    'Bad request, enter the number of instances.',
  ),
  scaleCountRange: e(
    400,
    '4002505',
    '请求错误, 变更的实例个数必须在0-100之间',
    'Bad request, the number of instances must be between 0 and 100.',
  ),
  timeoutRange: e(
    400,
    '4002506',
    '请求错误, 超时时间必须在1-1440分钟之间',
    'Bad request, the timeout must be between 1 and 1440 minutes.',
  ),
  failureStrategyInvalid: e(
    400,
    '4002507',
    '请求错误, 堆栈创建失败后回退策略不合法',
    'Bad request, invalid failure strategy.',
  ),
  failureStrategyUnsupported: e(
    400,
    '4002508',
    '请求错误, 为生命周期指定的策略不支持',
    'Bad request, the strategy is not supported for this lifecycle.',
  ),
  nodeNotInStack: e(
    400,
    '4002513',
    '请求错误, 需升级的node不在原始堆栈中',
    'Bad request, the node to upgrade is not in the stack.',
  ),
  neverUpgraded: e(
    400,
    '4002515',
    '请求错误, 该堆栈没有进行过升级操作, 不能进行回退',
    'Bad request, the stack has never been upgraded and cannot be rolled back.',
  ),
  upgradeUnsupported: e(
    400,
    '4002525',
    '请求错误, 应用不支持升级回退变更',
    'Bad request, the application does not support upgrade, rollback or scaling.',
  ),
  noExecutionToRetry: e(
    400,
    '4002548',
    '请求错误, 未发现堆栈执行记录, 无法执行重试',
    'Bad request, no execution record of the stack, cannot retry.',
  ),
  nodeNameInvalid: e(400, '4002562', '请求错误 node名称不合法', 'Bad request, invalid node name.'),
  inputsUnchanged: e(
    400,
    '4002576',
    '请求错误, 堆栈参数未发生变更, 不允许升级',
    'Bad request, the stack parameters did not change, upgrade not allowed.',
  ),
  elementTypeMissing: e(
    400,
    '4002600',
    '请求错误, 请求的node_type未指定',
    'Bad request, node_type not specified.',
  ),
  nodeIdInvalid: e(400, '4002700', '请求错误, node ID 不合法', 'Bad request, invalid node ID.'),
  actionIdInvalid: e(400, '4003000', '请求错误, action ID不合法', 'Bad request, invalid action ID.'),
  immutableInput: e(
    400,
    '4003915',
    '请求错误，不可变输入参数不可被升级',
    'Bad request, an immutable input cannot be upgraded.',
  ),
} as const satisfies Record<string, AosErrorSpec>;
export type AosErrorKey = keyof typeof aosErrors;

/**
 * The other error shape (table 4-5, "used by all later AOS APIs unless noted"): 8-digit codes and no
 * `showdetail`. The simulator answers with it only where the seed's own sample does.
 */
export const aosLegacyErrors = {
  nameEmpty: {
    status: 400,
    code: '02000005',
    message: 'Parameters validate err, The name should not be empty.',
  },
} as const;
