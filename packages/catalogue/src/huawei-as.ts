/**
 * Huawei Cloud Auto Scaling (弹性伸缩 AS) REST API as documented by seed 004 ("API 参考", 文档版本 15,
 * 38 APIs). Data and types only: the BFF's typed client and the embedded cloud both read it, so it must not
 * import anything from Node.
 *
 * The seed is the authority, including its inconsistencies: the create-group table spells the desired count
 * `desired_instance_number` while the update table spells it `desire_instance_number` (both are kept as the
 * tables have them; the emulator accepts both and answers with both), the response tables say
 * `desired_instance_number` while every response sample says `desire_instance_number`.
 */

export const AS_PATH_PREFIX = '/autoscaling-api';

/** The nine API families of the seed (§5.1–§5.9), keyed in English. */
export type AsFamily =
  | 'group'
  | 'configuration'
  | 'instance'
  | 'policy'
  | 'activityLog'
  | 'quota'
  | 'notification'
  | 'lifecycleHook'
  | 'tag';

export const asFamilyTitles = {
  group: '弹性伸缩组',
  configuration: '弹性伸缩配置',
  instance: '弹性伸缩实例',
  policy: '弹性伸缩策略',
  activityLog: '伸缩活动日志',
  quota: '配额',
  notification: '通知',
  lifecycleHook: '生命周期挂钩',
  tag: '标签管理',
} as const satisfies Record<AsFamily, string>;

export type AsHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface AsParamSpec {
  /** Seed spelling. */
  readonly name: string;
  /** The seed's 参数类型 column (`String`, `Integer`, `Array of strings`, `scheduled_policy object`...). */
  readonly type: string;
  /** The seed's 是否必选 column, even where its prose contradicts it (see the API's comment). */
  readonly required: boolean;
}

export interface AsResponseField {
  /** Top-level key of the response body. */
  readonly name: string;
  readonly type: string;
}

export interface AsApi {
  /** The API's name (the official SDK's operation name where it has one). */
  readonly name: string;
  /** Seed section, e.g. `5.1.1`. */
  readonly section: string;
  /** Seed section title. */
  readonly title: string;
  readonly family: AsFamily;
  readonly method: AsHttpMethod;
  /** Full path template with `{placeholders}`, as the seed's URI line has it. */
  readonly path: string;
  /** The seed's 正常 status. */
  readonly status: 200 | 204;
  /** Query-string parameters (the URI table's rows that are not path placeholders). */
  readonly query: readonly AsParamSpec[];
  /** Top-level JSON body fields (the 请求参数 table). */
  readonly body: readonly AsParamSpec[];
  /** Top-level response fields (the 响应参数 table); empty for 204. */
  readonly response: readonly AsResponseField[];
}

export const asApis = [
  {
    name: 'CreateScalingGroup',
    section: '5.1.1',
    title: '创建弹性伸缩组',
    family: 'group',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_group',
    status: 200,
    query: [],
    body: [
      { name: 'scaling_group_name', type: 'String', required: true },
      { name: 'scaling_configuration_id', type: 'String', required: true },
      { name: 'desired_instance_number', type: 'Integer', required: false },
      { name: 'min_instance_number', type: 'Integer', required: false },
      { name: 'max_instance_number', type: 'Integer', required: false },
      { name: 'cool_down_time', type: 'Integer', required: false },
      { name: 'lb_listener_id', type: 'String', required: false },
      { name: 'available_zones', type: 'Array of strings', required: false },
      { name: 'networks', type: 'Array of networks objects', required: true },
      { name: 'security_groups', type: 'Array of security_group objects', required: false },
      { name: 'vpc_id', type: 'String', required: true },
      { name: 'health_periodic_audit_method', type: 'String', required: false },
      { name: 'health_periodic_audit_time', type: 'Integer', required: false },
      { name: 'health_periodic_audit_grace_period', type: 'Integer', required: false },
      { name: 'instance_terminate_policy', type: 'String', required: false },
      { name: 'notifications', type: 'Array of strings', required: false },
      { name: 'delete_publicip', type: 'Boolean', required: false },
      { name: 'delete_volume', type: 'Boolean', required: false },
      { name: 'multi_az_priority_policy', type: 'String', required: false },
      { name: 'description', type: 'String', required: false },
    ],
    response: [{ name: 'scaling_group_id', type: 'String' }],
  },
  {
    name: 'ListScalingGroups',
    section: '5.1.2',
    title: '查询弹性伸缩组列表',
    family: 'group',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_group',
    status: 200,
    query: [
      { name: 'scaling_group_name', type: 'String', required: false },
      { name: 'scaling_configuration_id', type: 'String', required: false },
      { name: 'scaling_group_status', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_groups', type: 'Array of scaling_groups objects' },
    ],
  },
  {
    name: 'ShowScalingGroup',
    section: '5.1.3',
    title: '查询弹性伸缩组详情',
    family: 'group',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_group/{scaling_group_id}',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'scaling_group', type: 'scaling_groups object' }],
  },
  {
    name: 'UpdateScalingGroup',
    section: '5.1.4',
    title: '修改弹性伸缩组',
    family: 'group',
    method: 'PUT',
    path: '/autoscaling-api/v1/{project_id}/scaling_group/{scaling_group_id}',
    status: 200,
    query: [],
    body: [
      { name: 'scaling_group_name', type: 'String', required: false },
      { name: 'desire_instance_number', type: 'Integer', required: false },
      { name: 'min_instance_number', type: 'Integer', required: false },
      { name: 'max_instance_number', type: 'Integer', required: false },
      { name: 'cool_down_time', type: 'Integer', required: false },
      { name: 'available_zones', type: 'Array of strings', required: false },
      { name: 'networks', type: 'Array of networks objects', required: false },
      { name: 'security_groups', type: 'Array of security_group objects', required: false },
      { name: 'lb_listener_id', type: 'String', required: false },
      { name: 'health_periodic_audit_method', type: 'String', required: false },
      { name: 'health_periodic_audit_time', type: 'Integer', required: false },
      { name: 'instance_terminate_policy', type: 'String', required: false },
      { name: 'health_periodic_audit_grace_period', type: 'Integer', required: false },
      { name: 'scaling_configuration_id', type: 'String', required: false },
      { name: 'notifications', type: 'Array of strings', required: false },
      { name: 'delete_publicip', type: 'Boolean', required: false },
      { name: 'delete_volume', type: 'Boolean', required: false },
      { name: 'multi_az_priority_policy', type: 'String', required: false },
      { name: 'description', type: 'String', required: false },
    ],
    response: [{ name: 'scaling_group_id', type: 'String' }],
  },
  {
    name: 'DeleteScalingGroup',
    section: '5.1.5',
    title: '删除弹性伸缩组',
    family: 'group',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_group/{scaling_group_id}',
    status: 204,
    query: [{ name: 'force_delete', type: 'String', required: false }],
    body: [],
    response: [],
  },
  {
    name: 'EnableOrDisableScalingGroup',
    section: '5.1.6',
    title: '启用或停止弹性伸缩组',
    family: 'group',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_group/{scaling_group_id}/action',
    status: 204,
    query: [],
    body: [{ name: 'action', type: 'String', required: true }],
    response: [],
  },
  {
    name: 'CreateScalingConfig',
    section: '5.2.1',
    title: '创建弹性伸缩配置',
    family: 'configuration',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_configuration',
    status: 200,
    query: [],
    body: [
      { name: 'scaling_configuration_name', type: 'String', required: false },
      { name: 'instance_config', type: 'Object', required: false },
      { name: 'source_scaling_configuration_id', type: 'String', required: false },
    ],
    response: [{ name: 'scaling_configuration_id', type: 'String' }],
  },
  {
    name: 'ListScalingConfigs',
    section: '5.2.2',
    title: '查询弹性伸缩配置列表',
    family: 'configuration',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_configuration',
    status: 200,
    query: [
      { name: 'scaling_configuration_name', type: 'String', required: false },
      { name: 'image_id', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_configurations', type: 'Array of scaling_configurations objects' },
    ],
  },
  {
    name: 'ShowScalingConfig',
    section: '5.2.3',
    title: '查询弹性伸缩配置详情',
    family: 'configuration',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_configuration/{scaling_configuration_id}',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'scaling_configuration', type: 'scaling_configurations object' }],
  },
  {
    name: 'DeleteScalingConfig',
    section: '5.2.4',
    title: '删除弹性伸缩配置',
    family: 'configuration',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_configuration/{scaling_configuration_id}',
    status: 204,
    query: [],
    body: [],
    response: [],
  },
  {
    name: 'BatchDeleteScalingConfigs',
    section: '5.2.5',
    title: '批量删除弹性伸缩配置',
    family: 'configuration',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_configurations',
    status: 204,
    query: [],
    body: [{ name: 'scaling_configuration_id', type: 'Array of strings', required: true }],
    response: [],
  },
  {
    name: 'ListScalingInstances',
    section: '5.3.1',
    title: '查询弹性伸缩组中的实例列表',
    family: 'instance',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_group_instance/{scaling_group_id}/list',
    status: 200,
    query: [
      { name: 'life_cycle_state', type: 'String', required: false },
      { name: 'health_status', type: 'String', required: false },
      { name: 'protect_from_scaling_down', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_group_instances', type: 'Array of scaling_group_instances objects' },
    ],
  },
  {
    name: 'DeleteScalingInstance',
    section: '5.3.2',
    title: '移出弹性伸缩组实例',
    family: 'instance',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_group_instance/{instance_id}',
    status: 204,
    query: [{ name: 'instance_delete', type: 'String', required: false }],
    body: [],
    response: [],
  },
  {
    name: 'BatchOperateScalingInstances',
    section: '5.3.3',
    title: '批量操作实例',
    family: 'instance',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_group_instance/{scaling_group_id}/action',
    status: 204,
    query: [],
    body: [
      { name: 'instances_id', type: 'Array of strings', required: true },
      { name: 'instance_delete', type: 'String', required: false },
      { name: 'action', type: 'String', required: true },
    ],
    response: [],
  },
  {
    name: 'CreateScalingPolicy',
    section: '5.4.1',
    title: '创建弹性伸缩策略',
    family: 'policy',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy',
    status: 200,
    query: [],
    body: [
      { name: 'scaling_policy_name', type: 'String', required: true },
      { name: 'scaling_group_id', type: 'String', required: true },
      { name: 'scaling_policy_type', type: 'String', required: true },
      { name: 'alarm_id', type: 'String', required: false },
      { name: 'scheduled_policy', type: 'scheduled_policy object', required: false },
      { name: 'scaling_policy_action', type: 'scaling_policy_action object', required: false },
      { name: 'cool_down_time', type: 'Integer', required: false },
    ],
    response: [{ name: 'scaling_policy_id', type: 'String' }],
  },
  {
    name: 'UpdateScalingPolicy',
    section: '5.4.2',
    title: '修改弹性伸缩策略',
    family: 'policy',
    method: 'PUT',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy/{scaling_policy_id}',
    status: 200,
    query: [],
    body: [
      { name: 'scaling_policy_name', type: 'String', required: false },
      { name: 'scaling_policy_type', type: 'String', required: false },
      { name: 'alarm_id', type: 'String', required: false },
      { name: 'scheduled_policy', type: 'scheduled_policy object', required: false },
      { name: 'scaling_policy_action', type: 'scaling_policy_action object', required: false },
      { name: 'cool_down_time', type: 'Integer', required: false },
    ],
    response: [{ name: 'scaling_policy_id', type: 'String' }],
  },
  {
    name: 'ListScalingPolicies',
    section: '5.4.3',
    title: '查询伸缩组绑定的伸缩策略',
    family: 'policy',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy/{scaling_group_id}/list',
    status: 200,
    query: [
      { name: 'scaling_policy_name', type: 'String', required: false },
      { name: 'scaling_policy_type', type: 'String', required: false },
      { name: 'scaling_policy_id', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_policies', type: 'Array of scaling_policies objects' },
    ],
  },
  {
    name: 'ShowScalingPolicy',
    section: '5.4.4',
    title: '查询弹性伸缩策略详情',
    family: 'policy',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy/{scaling_policy_id}',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'scaling_policy', type: 'scaling_policy object' }],
  },
  {
    name: 'ExecuteOrEnableOrDisableScalingPolicy',
    section: '5.4.5',
    title: '执行或启用或停止弹性伸缩策略',
    family: 'policy',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy/{scaling_policy_id}/action',
    status: 204,
    query: [],
    body: [{ name: 'action', type: 'String', required: true }],
    response: [],
  },
  {
    name: 'DeleteScalingPolicy',
    section: '5.4.6',
    title: '删除弹性伸缩策略',
    family: 'policy',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_policy/{scaling_policy_id}',
    status: 204,
    query: [],
    body: [],
    response: [],
  },
  {
    name: 'ListScalingActivityLogs',
    section: '5.5.1',
    title: '查询伸缩活动日志',
    family: 'activityLog',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_activity_log/{scaling_group_id}',
    status: 200,
    query: [
      { name: 'start_time', type: 'String', required: false },
      { name: 'end_time', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_activity_log', type: 'Array of scaling_activity_log objects' },
    ],
  },
  {
    name: 'ListScalingActivityV2Logs',
    section: '5.5.2',
    title: '查询伸缩活动日志（V2 版本）',
    family: 'activityLog',
    method: 'GET',
    path: '/autoscaling-api/v2/{project_id}/scaling_activity_log/{scaling_group_id}',
    status: 200,
    query: [
      { name: 'log_id', type: 'String', required: false },
      { name: 'start_time', type: 'String', required: false },
      { name: 'end_time', type: 'String', required: false },
      { name: 'start_number', type: 'Integer', required: false },
      { name: 'limit', type: 'Integer', required: false },
      { name: 'type', type: 'String', required: false },
      { name: 'status', type: 'String', required: false },
    ],
    body: [],
    response: [
      { name: 'total_number', type: 'Integer' },
      { name: 'start_number', type: 'Integer' },
      { name: 'limit', type: 'Integer' },
      { name: 'scaling_activity_log', type: 'Array of scaling_activity_log objects' },
    ],
  },
  {
    name: 'ShowResourceQuota',
    section: '5.6.1',
    title: '查询配额',
    family: 'quota',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/quotas',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'quotas', type: 'quotas object' }],
  },
  {
    name: 'ShowPolicyAndInstanceQuota',
    section: '5.6.2',
    title: '查询弹性伸缩策略和伸缩实例配额',
    family: 'quota',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/quotas/{scaling_group_id}',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'quotas', type: 'quotas object' }],
  },
  {
    name: 'CreateScalingNotification',
    section: '5.7.1',
    title: '配置伸缩组通知',
    family: 'notification',
    method: 'PUT',
    path: '/autoscaling-api/v1/{project_id}/scaling_notification/{scaling_group_id}',
    status: 200,
    query: [],
    body: [
      { name: 'topic_urn', type: 'String', required: true },
      { name: 'topic_scene', type: 'Array of strings', required: true },
    ],
    response: [
      { name: 'topic_urn', type: 'String' },
      { name: 'topic_scene', type: 'Array of strings' },
      { name: 'topic_name', type: 'String' },
    ],
  },
  {
    name: 'ListScalingNotifications',
    section: '5.7.2',
    title: '查询伸缩组通知列表',
    family: 'notification',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_notification/{scaling_group_id}',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'topics', type: 'Array of topics objects' }],
  },
  {
    name: 'DeleteScalingNotification',
    section: '5.7.3',
    title: '删除伸缩组通知',
    family: 'notification',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_notification/{scaling_group_id}/{topic_urn}',
    status: 204,
    query: [],
    body: [],
    response: [],
  },
  {
    name: 'CreateLifecycleHook',
    section: '5.8.1',
    title: '创建生命周期挂钩',
    family: 'lifecycleHook',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}',
    status: 200,
    query: [],
    body: [
      { name: 'lifecycle_hook_name', type: 'String', required: true },
      { name: 'lifecycle_hook_type', type: 'String', required: true },
      { name: 'default_result', type: 'String', required: false },
      { name: 'default_timeout', type: 'Integer', required: false },
      { name: 'notification_topic_urn', type: 'String', required: true },
      { name: 'notification_metadata', type: 'String', required: false },
    ],
    response: [
      { name: 'lifecycle_hook_name', type: 'String' },
      { name: 'lifecycle_hook_type', type: 'String' },
      { name: 'default_result', type: 'String' },
      { name: 'default_timeout', type: 'Integer' },
      { name: 'notification_topic_urn', type: 'String' },
      { name: 'notification_topic_name', type: 'String' },
      { name: 'notification_metadata', type: 'String' },
      { name: 'create_time', type: 'String' },
    ],
  },
  {
    name: 'ListLifecycleHooks',
    section: '5.8.2',
    title: '查询生命周期挂钩列表',
    family: 'lifecycleHook',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}/list',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'lifecycle_hooks', type: 'Array of lifecycle_hooks objects' }],
  },
  {
    name: 'ShowLifecycleHook',
    section: '5.8.3',
    title: '查询生命周期挂钩详情',
    family: 'lifecycleHook',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}/{lifecycle_hook_name}',
    status: 200,
    query: [],
    body: [],
    response: [
      { name: 'lifecycle_hook_name', type: 'String' },
      { name: 'lifecycle_hook_type', type: 'String' },
      { name: 'default_result', type: 'String' },
      { name: 'default_timeout', type: 'Integer' },
      { name: 'notification_topic_urn', type: 'String' },
      { name: 'notification_topic_name', type: 'String' },
      { name: 'notification_metadata', type: 'String' },
      { name: 'create_time', type: 'String' },
    ],
  },
  {
    name: 'UpdateLifecycleHook',
    section: '5.8.4',
    title: '修改生命周期挂钩',
    family: 'lifecycleHook',
    method: 'PUT',
    path: '/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}/{lifecycle_hook_name}',
    status: 200,
    query: [],
    body: [
      { name: 'lifecycle_hook_type', type: 'String', required: false },
      { name: 'default_result', type: 'String', required: false },
      { name: 'default_timeout', type: 'Integer', required: false },
      { name: 'notification_topic_urn', type: 'String', required: false },
      { name: 'notification_metadata', type: 'String', required: false },
    ],
    response: [
      { name: 'lifecycle_hook_name', type: 'String' },
      { name: 'lifecycle_hook_type', type: 'String' },
      { name: 'default_result', type: 'String' },
      { name: 'default_timeout', type: 'Integer' },
      { name: 'notification_topic_urn', type: 'String' },
      { name: 'notification_topic_name', type: 'String' },
      { name: 'notification_metadata', type: 'String' },
      { name: 'create_time', type: 'String' },
    ],
  },
  {
    name: 'CompleteLifecycleAction',
    section: '5.8.5',
    title: '伸缩实例生命周期回调',
    family: 'lifecycleHook',
    method: 'PUT',
    path: '/autoscaling-api/v1/{project_id}/scaling_instance_hook/{scaling_group_id}/callback',
    status: 204,
    query: [],
    body: [
      { name: 'lifecycle_action_key', type: 'String', required: false },
      { name: 'instance_id', type: 'String', required: false },
      { name: 'lifecycle_hook_name', type: 'String', required: false },
      { name: 'lifecycle_action_result', type: 'String', required: true },
    ],
    response: [],
  },
  {
    name: 'ListHookInstances',
    section: '5.8.6',
    title: '查询伸缩实例挂起信息',
    family: 'lifecycleHook',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/scaling_instance_hook/{scaling_group_id}/list',
    status: 200,
    query: [{ name: 'instance_id', type: 'String', required: false }],
    body: [],
    response: [{ name: 'instance_hanging_info', type: 'Array of instance_hanging_info objects' }],
  },
  {
    name: 'DeleteLifecycleHook',
    section: '5.8.7',
    title: '删除生命周期挂钩',
    family: 'lifecycleHook',
    method: 'DELETE',
    path: '/autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}/{lifecycle_hook_name}',
    status: 204,
    query: [],
    body: [],
    response: [],
  },
  {
    name: 'ListScalingTagInfosByTenantId',
    section: '5.9.1',
    title: '查询标签',
    family: 'tag',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/{resource_type}/tags',
    status: 200,
    query: [],
    body: [],
    response: [{ name: 'tags', type: 'Array of tags objects' }],
  },
  {
    name: 'ListScalingTagInfosByResourceId',
    section: '5.9.2',
    title: '查询资源标签',
    family: 'tag',
    method: 'GET',
    path: '/autoscaling-api/v1/{project_id}/{resource_type}/{resource_id}/tags',
    status: 200,
    query: [],
    body: [],
    response: [
      { name: 'tags', type: 'Array of ResourceTag objects' },
      { name: 'sys_tags', type: 'Array of ResourceTag objects' },
    ],
  },
  {
    name: 'CreateOrDeleteScalingTags',
    section: '5.9.3',
    title: '创建或删除标签',
    family: 'tag',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/{resource_type}/{resource_id}/tags/action',
    status: 204,
    query: [],
    body: [
      { name: 'tags', type: 'Array of ResourceTag objects', required: true },
      { name: 'action', type: 'String', required: true },
    ],
    response: [],
  },
  {
    name: 'ListResourceInstances',
    section: '5.9.4',
    title: '查询资源实例',
    family: 'tag',
    method: 'POST',
    path: '/autoscaling-api/v1/{project_id}/{resource_type}/resource_instances/action',
    status: 200,
    query: [],
    body: [
      { name: 'tags', type: 'Array of Tag objects', required: false },
      { name: 'tags_any', type: 'Array of Tag objects', required: false },
      { name: 'not_tags', type: 'Array of Tag objects', required: false },
      { name: 'not_tags_any', type: 'Array of Tag objects', required: false },
      { name: 'limit', type: 'String', required: false },
      { name: 'marker', type: 'String', required: false },
      { name: 'action', type: 'String', required: true },
      { name: 'offset', type: 'String', required: false },
      { name: 'matches', type: 'Array of match objects', required: false },
    ],
    response: [
      { name: 'resources', type: 'Array of Resource objects' },
      { name: 'total_count', type: 'Integer' },
      { name: 'marker', type: 'String' },
    ],
  },
] as const satisfies readonly AsApi[];

export type AsApiName = (typeof asApis)[number]['name'];

export const asApiByName: Readonly<Record<AsApiName, AsApi>> = Object.fromEntries(
  asApis.map((a) => [a.name, a]),
) as unknown as Record<AsApiName, AsApi>;

/** The desired-count field: the create table's spelling and the update table's (and samples') spelling. */
export const AS_DESIRED_FIELDS = ['desired_instance_number', 'desire_instance_number'] as const;

/** Enumerations exactly as the seed lists them. */
export const asScalingGroupStatuses = ['INSERVICE', 'PAUSED', 'ERROR', 'DELETING'] as const;
export const asScalingGroupActions = ['resume', 'pause'] as const;
export const asLifeCycleStates = [
  'INSERVICE',
  'PENDING',
  'PENDING_WAIT',
  'REMOVING',
  'REMOVING_WAIT',
] as const;
export const asInstanceHealthStatuses = ['INITIALIZING', 'NORMAL', 'ERROR'] as const;
export const asInstanceBatchActions = ['ADD', 'REMOVE', 'PROTECT', 'UNPROTECT'] as const;
export const asYesNo = ['no', 'yes'] as const;
export const asScalingPolicyTypes = ['ALARM', 'SCHEDULED', 'RECURRENCE'] as const;
export const asPolicyStatuses = ['INSERVICE', 'PAUSED', 'EXECUTING'] as const;
export const asPolicyActions = ['execute', 'resume', 'pause'] as const;
/** `REDUCE` is accepted on input as a synonym of `REMOVE`; responses only say `REMOVE`. */
export const asPolicyOperations = ['ADD', 'REMOVE', 'REDUCE', 'SET'] as const;
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
export const asLifecycleHookTypes = ['INSTANCE_LAUNCHING', 'INSTANCE_TERMINATING'] as const;
export const asLifecycleHookDefaultResults = ['ABANDON', 'CONTINUE'] as const;
export const asLifecycleActionResults = ['ABANDON', 'CONTINUE', 'EXTEND'] as const;
export const asLifecycleHookStatuses = ['HANGING', 'CONTINUE', 'ABANDON'] as const;
export const asTopicScenes = [
  'SCALING_UP',
  'SCALING_UP_FAIL',
  'SCALING_DOWN',
  'SCALING_DOWN_FAIL',
  'SCALING_GROUP_ABNORMAL',
] as const;
export const asHealthAuditMethods = ['ELB_AUDIT', 'NOVA_AUDIT'] as const;
/** Minutes; 0 means 10-second checks. */
export const asHealthAuditTimes = [0, 1, 5, 15, 60, 180] as const;
export const asInstanceTerminatePolicies = [
  'OLD_CONFIG_OLD_INSTANCE',
  'OLD_CONFIG_NEW_INSTANCE',
  'OLD_INSTANCE',
  'NEW_INSTANCE',
] as const;
export const asMultiAzPriorityPolicies = ['EQUILIBRIUM_DISTRIBUTE', 'PICK_FIRST'] as const;
export const asDiskVolumeTypes = ['SATA', 'SSD'] as const;
export const asDiskTypes = ['SYS', 'DATA'] as const;
export const asQuotaTypes = [
  'scaling_Group',
  'scaling_Config',
  'scaling_Policy',
  'scaling_Instance',
  'bandwidth_scaling_policy',
] as const;
export const asTagResourceTypes = ['scaling_group_tag'] as const;
export const asTagActions = ['create', 'delete'] as const;
export const asResourceInstanceActions = ['filter', 'count'] as const;

/** The seed's sample `change_reason` values in activity descriptions (no official enumeration; `MANNUAL` sic). */
export const asActivityChangeReasons = ['RECURRENT', 'DIFF', 'MANNUAL'] as const;

export type AsScalingGroupStatus = (typeof asScalingGroupStatuses)[number];
export type AsLifeCycleState = (typeof asLifeCycleStates)[number];
export type AsInstanceHealthStatus = (typeof asInstanceHealthStatuses)[number];
export type AsScalingPolicyType = (typeof asScalingPolicyTypes)[number];
export type AsPolicyStatus = (typeof asPolicyStatuses)[number];
export type AsActivityStatus = (typeof asActivityStatuses)[number];
export type AsActivityType = (typeof asActivityTypes)[number];
export type AsLifecycleHookType = (typeof asLifecycleHookTypes)[number];
export type AsLifecycleHookStatus = (typeof asLifecycleHookStatuses)[number];
export type AsTopicScene = (typeof asTopicScenes)[number];
export type AsInstanceTerminatePolicy = (typeof asInstanceTerminatePolicies)[number];

/** Error body: `{"error": {"code": "AS.0001", "message": "System error."}}` (appendix A.2). */
export interface AsErrorBody {
  error: { code: string; message: string };
}

/**
 * Every appendix A.2 code (232): HTTP status and the seed's English message (`%s` is filled
 * in where the seed has it). "Does not exist" is 400 for groups, configurations, policies and instances.
 */
export const asErrors = {
  'AS.0049': { status: 500, message: 'Call IAM failed.' },
  'AS.0002': { status: 400, message: 'Request body is null.' },
  'AS.0005': { status: 401, message: 'The token of the header in the request is null.' },
  'AS.0006': { status: 401, message: 'The token of the header in the request is incorrect.' },
  'AS.0007': { status: 404, message: 'The requested resource [%s] could not be found.' },
  'AS.0008': { status: 400, message: 'Incorrect ProjectID.' },
  'AS.00011': { status: 403, message: 'You do not have the rights to perform the operation.' },
  'AS.0022': { status: 400, message: 'request body error' },
  'AS.0026': { status: 400, message: 'Scaling action is not allowed in the cooling duration.' },
  'AS.0031': { status: 400, message: "Policy doesn't allow [%s] to be performed." },
  'AS.0033': { status: 404, message: 'The api version is illegal, only v1,v2.' },
  'AS.0034': {
    status: 400,
    message: 'Failed to execute the policy because the AS group is in active state.',
  },
  'AS.1001': { status: 400, message: 'The value of parameter Start number is invalid.' },
  'AS.1002': { status: 400, message: 'The value of parameter Limit is invalid.' },
  'AS.1003': { status: 400, message: 'The AS configuration ID is null.' },
  'AS.1004': { status: 400, message: 'The AS configuration does not exist.' },
  'AS.1006': { status: 400, message: 'The AS configuration is in use.' },
  'AS.1007': { status: 400, message: 'The AS configuration name is null.' },
  'AS.1008': { status: 400, message: 'The AS configuration name is too long.' },
  'AS.1009': { status: 400, message: 'The AS group ID is null.' },
  'AS.1011': { status: 400, message: 'The instance configuration information is null.' },
  'AS.1014': { status: 400, message: 'The image ID in the AS configuration is null.' },
  'AS.1015': { status: 400, message: 'The image in the AS configuration does not exist.' },
  'AS.1016': { status: 400, message: 'The specification ID in the AS configuration cannot be null.' },
  'AS.1017': { status: 400, message: 'The specification [%s] in the AS configuration does not exist.' },
  'AS.1018': { status: 400, message: 'The specification [%s] and image is not match.' },
  'AS.1019': { status: 400, message: 'The disk of this type is not applicable to the ECS.' },
  'AS.1021': { status: 400, message: 'The image in the AS configuration is not active.' },
  'AS.1022': { status: 400, message: 'The image in the AS configuration is not available.' },
  'AS.1023': { status: 400, message: 'Invalid AS configuration name.' },
  'AS.1024': { status: 400, message: 'The number of AS configurations exceeds the upper limit.' },
  'AS.1025': { status: 400, message: 'The user login mode in the AS configuration is not unique.' },
  'AS.1026': { status: 400, message: 'The user login mode in the AS configuration is null.' },
  'AS.1027': { status: 400, message: 'The scaling config personality is invalid.' },
  'AS.1028': { status: 400, message: 'The disk in the AS configuration is null.' },
  'AS.1029': { status: 400, message: 'The number of system disk in the AS configuration is invalid.' },
  'AS.1030': {
    status: 400,
    message: 'The size of the system disk in the AS configuration is less than the specification required.',
  },
  'AS.1031': { status: 400, message: 'The size of the disk in the AS configuration is not correct.' },
  'AS.1032': { status: 400, message: 'The ECS type [%s] in the AS configuration do not support 24 disks.' },
  'AS.1033': { status: 400, message: 'Parameter volumeType in the AS configuration is invalid.' },
  'AS.1034': { status: 400, message: 'Parameter diskType in the AS configuration is invalid.' },
  'AS.1035': { status: 400, message: 'Parameter adminPass in the AS configuration is invalid.' },
  'AS.1036': {
    status: 400,
    message: '32-bit operating system (OS) does not support the specification [%s] with 4G memory.',
  },
  'AS.1038': { status: 400, message: 'batch deleting scaling config failed' },
  'AS.1039': { status: 400, message: 'the number of scaling config is beyond the max limit' },
  'AS.1040': { status: 400, message: 'The list of AS config to be deleted is null.' },
  'AS.1041': { status: 400, message: 'The eip info of scaling config is null.' },
  'AS.1042': { status: 400, message: 'The bandwidth size of eip is invalid.' },
  'AS.1043': { status: 400, message: 'The eip type of scaling config is invalid.' },
  'AS.1044': { status: 400, message: 'The bandwidth charging mode of eip is invalid.' },
  'AS.1045': { status: 400, message: 'The bandwidth type of eip is invalid.' },
  'AS.1046': { status: 400, message: 'The bandwidth size of eip is null.' },
  'AS.1049': { status: 400, message: 'Parameter userdata in the AS configuration is invalid.' },
  'AS.1050': { status: 400, message: 'The user login mode in the AS configuration is illegal.' },
  'AS.1052': { status: 400, message: 'Parameter metadata in the AS configuration is invalid.' },
  'AS.1053': { status: 400, message: 'The data image is not available.' },
  'AS.1054': {
    status: 400,
    message: 'The size of the data disk in the AS configuration is less than the data image required.',
  },
  'AS.1055': { status: 400, message: 'The system disk is not support to data image.' },
  'AS.1056': { status: 400, message: 'The data image in the AS configuration does not exist.' },
  'AS.1057': { status: 400, message: 'The DSS of the disk in the AS configuration is not available.' },
  'AS.1058': { status: 400, message: 'The type of dss in the AS configuration is incorrect.' },
  'AS.1059': { status: 400, message: 'The capacity of dss in the AS configuration is not enough.' },
  'AS.1060': { status: 400, message: 'dss and evs is used together in the AS configuration.' },
  'AS.1061': { status: 400, message: 'the dss is not belong to the same az in the AS configuration.' },
  'AS.1062': {
    status: 400,
    message:
      'The number of EVS disks with snapshot IDs in the AS configuration is different from that of EVS disks specified in the full-ECS image.',
  },
  'AS.1063': {
    status: 400,
    message: 'The disk data backup in a full-ECS image cannot be used to restore the disk in DSS.',
  },
  'AS.1064': {
    status: 400,
    message:
      'The data disk you have selected will be restored using the disk data backup in the full-ECS image. Then, data mirroring will be unavailable.',
  },
  'AS.1065': {
    status: 400,
    message: 'ECS resources specified in the AS configuration belong to different AZs.',
  },
  'AS.1066': { status: 400, message: 'The AS configuration contains EVS disks with invalid snapshot IDs.' },
  'AS.1067': { status: 400, message: 'The value of parameter Offset number is invalid.' },
  'AS.1074': { status: 400, message: 'The value of parameter Marker is invalid.' },
  'AS.1075': { status: 400, message: 'The image ID is invalid.' },
  'AS.1085': { status: 400, message: 'Invalid multi flavor priority policy.' },
  'AS.1086': { status: 400, message: 'AS configuration is not available for AS group' },
  'AS.1087': { status: 400, message: 'The number of flavors in the AS config exceeds the upper limit.' },
  'AS.1088': {
    status: 400,
    message: 'The image in the AS configuration you selected is unavailable for the AZ [%s] in AS group',
  },
  'AS.1090': {
    status: 400,
    message: 'The specification [%s] in the AS configuration cannot match image architecture',
  },
  'AS.2002': { status: 400, message: 'The name of the AS group is null.' },
  'AS.2003': { status: 400, message: 'The AS group name is too long.' },
  'AS.2004': { status: 400, message: 'Invalid min or max number of instances in the AS group.' },
  'AS.2005': {
    status: 400,
    message:
      'The expected number cannot be less than the minimum number of instances or greater than the maximum number of instances.',
  },
  'AS.2006': { status: 400, message: 'Invalid cooling duration of the AS group.' },
  'AS.2007': { status: 400, message: 'The AS group does not exist.' },
  'AS.2008': { status: 400, message: 'Invalid execution action of the AS group.' },
  'AS.2009': { status: 400, message: 'The AS group ID is null.' },
  'AS.2010': {
    status: 400,
    message:
      'The expected number of instances in the AS group can not be smaller than the number of instances which set instance protection.',
  },
  'AS.2011': { status: 400, message: 'Invalid AZ in AS group.' },
  'AS.2012': { status: 400, message: 'The VPC of the AS group does not exist.' },
  'AS.2013': { status: 400, message: 'Parameter networks in the AS group is invalid.' },
  'AS.2014': { status: 400, message: 'The security group of the AS group does not exist.' },
  'AS.2015': { status: 400, message: 'Parameter listenerId in the AS group is invalid.' },
  'AS.2016': { status: 400, message: 'The listener of the AS group does not belong to the vpc.' },
  'AS.2017': { status: 400, message: 'The ID of the VPC in the AS group is null.' },
  'AS.2018': { status: 400, message: 'No AS configuration is in the AS group.' },
  'AS.2019': {
    status: 400,
    message: 'The value of the parameter that specifies whether to forcibly delete the group is invalid.',
  },
  'AS.2020': { status: 400, message: 'The scaling group status is illegal.' },
  'AS.2021': { status: 400, message: 'The current number of instances in the AS group is not 0.' },
  'AS.2022': { status: 400, message: 'The AS group name contains invalid characters.' },
  'AS.2023': { status: 400, message: 'The number of AS groups exceeds the upper limit.' },
  'AS.2024': { status: 400, message: 'The number of subnets in the AS group exceeds the upper limit.' },
  'AS.2025': {
    status: 400,
    message: 'The number of security groups in the AS group exceeds the upper limit.',
  },
  'AS.2027': { status: 400, message: 'The subnet of the AS group does not belong to the vpc.' },
  'AS.2028': {
    status: 400,
    message: 'The modified expected number of instances is the same as the original number.',
  },
  'AS.2029': { status: 400, message: 'Invalid health check method of the AS group.' },
  'AS.2030': {
    status: 400,
    message:
      'You are not allowed to modify the lb, AZ, subnet, and security information when the number of instances in the AS group is not 0, the AS group is scaling, or the AS group is in Inservice status.',
  },
  'AS.2031': { status: 400, message: 'Invalid health check period of the AS group.' },
  'AS.2032': { status: 400, message: 'Invalid instance removal policy.' },
  'AS.2033': {
    status: 400,
    message: 'You are not allowed to perform the operation when the AS group is in current [%s] status.',
  },
  'AS.2034': { status: 400, message: 'Invalid notification method of the AS group.' },
  'AS.2035': {
    status: 400,
    message:
      'The number of instances manually added to the AS group exceeds the maximum number of the instances required in the AS group.',
  },
  'AS.2036': {
    status: 400,
    message:
      'The number of instances manually deleted is less than the minimum number of the instances required in the AS group.',
  },
  'AS.2037': { status: 400, message: 'The number of listeners in the AS group exceeds the upper limit.' },
  'AS.2038': { status: 400, message: 'The type [%s] of ECS in the AZ you selected has been sold out.' },
  'AS.2039': { status: 400, message: 'Parameter protocolPort in the AS group is invalid.' },
  'AS.2040': { status: 400, message: 'Parameter weight in the AS group is invalid.' },
  'AS.2042': { status: 400, message: 'Parameter pool of lbaas in the AS group is invalid.' },
  'AS.2043': { status: 400, message: 'There is not avalid volume in the AZ [%s] you selected.' },
  'AS.2044': { status: 400, message: 'The AZ in the AS group is not available.' },
  'AS.2045': {
    status: 400,
    message: 'The min or max number of instances in the AS group exceeds the upper limit.',
  },
  'AS.2046': { status: 400, message: 'Invalid health check grace period of the AS group.' },
  'AS.2047': { status: 400, message: 'The AS group is in active status.' },
  'AS.2053': { status: 400, message: 'Invalid multi az priority policy.' },
  'AS.2054': { status: 400, message: 'The AS group is in active status.' },
  'AS.3002': { status: 400, message: 'Invalid AS policy type.' },
  'AS.3003': { status: 400, message: 'The information about the AS policy is null.' },
  'AS.3004': { status: 400, message: 'Invalid recurrence type in the AS policy.' },
  'AS.3005': { status: 400, message: 'The end time of the scaling action triggered periodically is null.' },
  'AS.3006': {
    status: 400,
    message: 'The format of the end time of the scaling action triggered periodically is incorrect.',
  },
  'AS.3007': {
    status: 400,
    message: 'The end time of the scaling action triggered periodically must be later than the current time.',
  },
  'AS.3008': { status: 400, message: 'Parameter lanchTime in the AS policy is null.' },
  'AS.3009': { status: 400, message: 'The format of parameter lanchTime is incorrect.' },
  'AS.3010': {
    status: 400,
    message: 'The triggering time of the scheduled policy must be later than the current time.',
  },
  'AS.3011': { status: 400, message: 'The AS policy type is null.' },
  'AS.3012': { status: 400, message: 'Invalid cooling duration in the AS policy.' },
  'AS.3013': { status: 400, message: 'The AS policy name is null.' },
  'AS.3014': { status: 400, message: 'The length of the AS policy name is invalid.' },
  'AS.3015': { status: 400, message: 'The action in the AS policy is null.' },
  'AS.3016': { status: 400, message: 'The operation to perform the action in the AS policy is null.' },
  'AS.3017': {
    status: 400,
    message: 'The operation to perform the action in the AS policy action is invalid.',
  },
  'AS.3018': {
    status: 400,
    message: 'The number of instances which action in the AS policy operates on is invalid.',
  },
  'AS.3019': { status: 400, message: 'The AS group ID in the AS policy cannot be null.' },
  'AS.3020': { status: 400, message: 'The AS policy does not exist.' },
  'AS.3021': { status: 400, message: 'The AS policy ID cannot be null.' },
  'AS.3022': { status: 400, message: 'The action of the AS policy request body is invalid.' },
  'AS.3023': { status: 400, message: 'The period type of the AS policy is null.' },
  'AS.3024': { status: 400, message: 'The value of the period type of the AS policy is null.' },
  'AS.3025': { status: 400, message: 'The value of period type of the AS policy is invalid.' },
  'AS.3026': { status: 400, message: 'The alarm ID in the AS policy is null.' },
  'AS.3027': {
    status: 400,
    message: 'The AS policy must be in the inservice status when the AS policy is performed.',
  },
  'AS.3028': {
    status: 400,
    message: 'The format of the start time for the scaling action triggered periodically is incorrect.',
  },
  'AS.3029': {
    status: 400,
    message: 'The start time of the scaling action triggered periodically must be earlier than the end time.',
  },
  'AS.3030': { status: 400, message: 'The alarm in the AS policy does not exist.' },
  'AS.3031': { status: 400, message: 'Invalid AS policy name.' },
  'AS.3032': { status: 400, message: 'The number of AS policies exceeds the upper limit.' },
  'AS.3033': {
    status: 400,
    message:
      'The triggering time of the periodic policy is not included in the effective time of the policy.',
  },
  'AS.3034': { status: 400, message: 'The alarm ID in the AS policy is being used by another AS group.' },
  'AS.3035': {
    status: 400,
    message: 'The percentage of instances which action in the AS policy operates on is invalid.',
  },
  'AS.3036': { status: 400, message: 'The action in the AS policy operates is not unique.' },
  'AS.3050': { status: 400, message: 'The alarm ID in the AS policy is illegal.' },
  'AS.3054': { status: 400, message: 'The scaling resource type in the AS policy is null.' },
  'AS.3056': {
    status: 400,
    message:
      'The value of the parameter that specifies whether to delete the alarm in the AS policy is invalid.',
  },
  'AS.3057': { status: 400, message: 'The value of parameter sort_by in the request is invalid.' },
  'AS.3058': { status: 400, message: 'The value of parameter order in the request is invalid.' },
  'AS.4000': {
    status: 400,
    message: 'The value of parameter start_number in the request for the instance is invalid.',
  },
  'AS.4001': {
    status: 400,
    message: 'The value of parameter limit in the request for the instance is invalid.',
  },
  'AS.4003': {
    status: 400,
    message: 'The value of parameter life_cycle_state in the instance request is invalid.',
  },
  'AS.4004': {
    status: 400,
    message: 'The value of parameter health_status in the request for the instance is invalid.',
  },
  'AS.4005': {
    status: 400,
    message: 'Parameter scaling_group_id in the request for the instance does not exist.',
  },
  'AS.4006': { status: 400, message: 'The instance does not exist.' },
  'AS.4007': {
    status: 400,
    message: 'The value of the parameter that specifies whether to delete the instance is invalid.',
  },
  'AS.4008': {
    status: 400,
    message: 'The start time format of the log about the expected number of the instances is incorrect.',
  },
  'AS.4009': {
    status: 400,
    message: 'The the end time format of the log about expected number of the instances is incorrect.',
  },
  'AS.4010': {
    status: 400,
    message:
      'Parameter start_number in the request for the log about the expected number of instances is invalid.',
  },
  'AS.4011': {
    status: 400,
    message:
      'The value of parameter limit in the request for the log about the expected number of instances is invalid.',
  },
  'AS.4012': {
    status: 400,
    message:
      'The value of parameter logId in the request for the log about the expected number of instances is invalid.',
  },
  'AS.4013': { status: 400, message: 'The list of instances to be deleted is null.' },
  'AS.4014': { status: 400, message: 'The instances do not belong to the same AS group.' },
  'AS.4015': { status: 400, message: 'The instance is not in the inservice status.' },
  'AS.4017': { status: 400, message: 'The requested instance is null.' },
  'AS.4018': {
    status: 400,
    message: 'The action of the body in the request to operate the instance is invalid.',
  },
  'AS.4019': { status: 400, message: 'The list of instances to be added to the AS group is null.' },
  'AS.4020': {
    status: 400,
    message: 'The AZ to which the instance belongs is not within the AZ in the AS group.',
  },
  'AS.4021': {
    status: 400,
    message: 'The VPC to which the instance belongs is different from the VPC in the AS group.',
  },
  'AS.4022': {
    status: 400,
    message: 'The number of instances added to the AS group exceeds the upper limit.',
  },
  'AS.4023': { status: 400, message: 'The added instance has already existed.' },
  'AS.4024': { status: 400, message: 'The instance is not in the active status.' },
  'AS.4026': { status: 400, message: 'The number of instances deleted exceeds the upper limit.' },
  'AS.4027': { status: 400, message: 'The added instance has already existed in other AS group.' },
  'AS.4028': { status: 400, message: 'The AS instance ID cannot be null.' },
  'AS.4029': { status: 400, message: 'Failed to add instances in a batch.' },
  'AS.4030': { status: 400, message: 'Failed to delete instances in a batch.' },
  'AS.4032': { status: 400, message: 'The list of instances is null.' },
  'AS.4033': { status: 400, message: 'Failed to set instance protection in a batch.' },
  'AS.4043': { status: 400, message: 'The number of instances exceeds the upper limit.' },
  'AS.7012': { status: 400, message: 'lblistener doesnot exist.' },
  'AS.7019': { status: 400, message: 'The number of private IP addresses in the subnet is insufficient.' },
  'AS.7022': { status: 400, message: 'Keypair doesnot exist.' },
  'AS.7025': { status: 400, message: 'The topic urn is not valid.' },
  'AS.7026': { status: 400, message: 'The topic scene is not valid.' },
  'AS.7027': { status: 400, message: 'The topic of notification is null.' },
  'AS.7028': { status: 400, message: 'The number of topics in the AS group exceeds the upper limit.' },
  'AS.7029': { status: 400, message: 'The topic of notification is duplicate.' },
  'AS.7030': { status: 400, message: 'Invalid lifecycle hook default timeout.' },
  'AS.7031': { status: 400, message: 'Invalid lifecycle hook name.' },
  'AS.7032': { status: 400, message: 'The name of the lifecycle hook is empty.' },
  'AS.7033': { status: 400, message: 'Invalid lifecycle hook type.' },
  'AS.7034': { status: 400, message: 'Invalid lifecycle hook callback action result.' },
  'AS.7035': { status: 400, message: 'The metadata of the lifecycle hook is too long.' },
  'AS.7036': { status: 400, message: 'The lifecycle hook is null.' },
  'AS.7037': { status: 400, message: 'The type of the lifecycle hook is empty.' },
  'AS.7038': { status: 400, message: 'The number of hooks in the AS group exceeds the upper limit.' },
  'AS.7039': { status: 400, message: 'The lifecycle hook callback action result is empty.' },
  'AS.7040': { status: 400, message: 'The lifecycle hook callback object is empty.' },
  'AS.7041': { status: 400, message: 'The lifecycle hook callback object is empty.' },
  'AS.7042': { status: 400, message: 'The lifecycle hook callback object does not exist.' },
  'AS.7043': { status: 400, message: 'The lifecycle hook topic urn does not exist.' },
  'AS.7046': { status: 400, message: 'The tags in the resource is invalid.' },
  'AS.7052': { status: 400, message: 'The matches in the resource is invalid.' },
  'AS.7054': { status: 400, message: 'The value of tag cannot be duplicate.' },
  'AS.7055': { status: 400, message: 'The metadata of the lifecycle hook has special character.' },
  'AS.7111': { status: 400, message: 'Insufficient instance quota.' },
  'AS.7112': { status: 400, message: 'Insufficient volume quota.' },
  'AS.7113': { status: 400, message: 'Insufficient elastic ip quota.' },
  'AS.7114': { status: 400, message: 'Insufficient ram quota.' },
  'AS.7115': { status: 400, message: 'Insufficient cpu quota.' },
  'AS.9001': {
    status: 400,
    message: 'The format of the start time of the scaling activity log is incorrect.',
  },
  'AS.9002': { status: 400, message: 'The format of the end time of the scaling activity log is incorrect.' },
  'AS.9003': {
    status: 400,
    message: 'The value of parameter start_number in the request for the scaling activity log is invalid.',
  },
  'AS.9004': {
    status: 400,
    message: 'The value of parameter limit in the request for the scaling activity log is invalid.',
  },
  'AS.9005': {
    status: 400,
    message: 'The value of parameter log_id in the request for the scaling log is invalid.',
  },
  'AS.9012': {
    status: 400,
    message: 'The value of parameter type in the request for the scaling activity log is invalid.',
  },
  'AS.9013': {
    status: 400,
    message: 'The value of parameter status in the request for the scaling activity log is invalid.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type AsErrorCode = keyof typeof asErrors;

/** Default limits stated in the seed (quota sample and prose). */
export const asLimits = {
  groupsPerTenant: 25,
  configsPerTenant: 100,
  policiesPerGroup: 50,
  instancesPerGroup: 200,
  batchInstances: 10,
  batchDeleteConfigs: 50,
  topicsPerGroup: 5,
  hooksPerGroup: 5,
  tagsPerGroup: 10,
  listLimitDefault: 20,
  listLimitMax: 100,
  tagQueryLimitDefault: 1000,
  hookTimeoutDefaultSeconds: 3600,
  hookTimeoutMinSeconds: 60,
  hookTimeoutMaxSeconds: 86400,
  /** EXTEND adds one hour to a hanging instance's timeout. */
  hookExtendSeconds: 3600,
} as const;
