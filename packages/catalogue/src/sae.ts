/**
 * The Alibaba Cloud SAE (Serverless App Engine) OpenAPI, version 2019-05-06, as documented by the
 * 2022 API reference (seed 000, 79 APIs). Data and types only: the BFF's typed client and the
 * embedded cloud both read it, so it must not import anything from Node.
 */

export const SAE_API_VERSION = '2019-05-06';

export type SaeFamily =
  | 'service'
  | 'namespace'
  | 'appInfo'
  | 'scaling'
  | 'lifecycle'
  | 'job'
  | 'changeOrder'
  | 'slb'
  | 'microservice'
  | 'tag'
  | 'configMap'
  | 'greyTagRoute';

/** Seed family titles, for documentation and UI grouping. */
export const saeFamilyTitles = {
  service: '服务开通',
  namespace: '命名空间和VPC',
  appInfo: '应用信息',
  scaling: '弹性伸缩',
  lifecycle: '应用生命周期',
  job: '任务',
  changeOrder: '发布单',
  slb: 'SLB',
  microservice: '微服务列表',
  tag: '标签管理',
  configMap: '配置项管理',
  greyTagRoute: '灰度规则',
} as const satisfies Record<SaeFamily, string>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Where the seed places a parameter (its 位置 column). */
export type ParamLocation = 'query' | 'formData' | 'body';
/**
 * Wire type. `json` marks a String parameter whose value is a JSON document (Envs, UpdateStrategy,
 * Liveness, ...); `long` is an Integer too wide for 32 bits (ids).
 */
export type ParamType = 'string' | 'integer' | 'long' | 'boolean' | 'float' | 'json';

export interface SaeParamSpec {
  readonly name: string;
  readonly in: ParamLocation;
  readonly type: ParamType;
  readonly required: boolean;
}

/** Change-order types (DescribeChangeOrder / ListChangeOrders `CoTypeCode`); `CoDeployHistroy` is spelled as documented. */
export const coTypeCodes = [
  'CoBindSlb',
  'CoUnbindSlb',
  'CoCreateApp',
  'CoDeleteApp',
  'CoDeploy',
  'CoRestartApplication',
  'CoRollback',
  'CoScaleIn',
  'CoScaleOut',
  'CoStart',
  'CoStop',
  'CoRescaleApplicationVertically',
  'CoDeployHistroy',
  'CoBindNas',
  'CoUnbindNas',
  'CoBatchStartApplication',
  'CoBatchStopApplication',
  'CoRestartInstances',
  'CoDeleteInstances',
  'CoScaleInAppWithInstances',
] as const;
export type CoTypeCode = (typeof coTypeCodes)[number];

/** Localized `CoType` text for each code, as the seed lists them. */
export const coTypeNames = {
  CoBindSlb: '绑定SLB',
  CoUnbindSlb: '解绑SLB',
  CoCreateApp: '创建应用',
  CoDeleteApp: '删除应用',
  CoDeploy: '部署应用',
  CoRestartApplication: '重启应用',
  CoRollback: '回滚应用',
  CoScaleIn: '应用缩容',
  CoScaleOut: '应用扩容',
  CoStart: '启动应用',
  CoStop: '停止应用',
  CoRescaleApplicationVertically: '修改实例规格',
  CoDeployHistroy: '回退历史版本',
  CoBindNas: '绑定NAS',
  CoUnbindNas: '解绑NAS',
  CoBatchStartApplication: '批量启动应用',
  CoBatchStopApplication: '批量停止应用',
  CoRestartInstances: '重启实例',
  CoDeleteInstances: '删除实例',
  CoScaleInAppWithInstances: '指定实例缩容',
} as const satisfies Record<CoTypeCode, string>;

export interface SaeApiSpec {
  readonly name: string;
  readonly family: SaeFamily;
  readonly method: HttpMethod;
  /** Other methods the same path accepts (OpenSaeService is `POST|GET`). */
  readonly altMethods?: readonly HttpMethod[];
  readonly path: string;
  readonly params: readonly SaeParamSpec[];
  /**
   * The change order this API creates. RescaleApplication lists two: CoScaleOut when Replicas
   * grows, CoScaleIn when it shrinks.
   */
  readonly coType?: CoTypeCode | readonly CoTypeCode[];
  /** A GET that changes state: never retry it blindly. */
  readonly mutatingGet?: boolean;
}

/** All 79 APIs, in the order of the seed. */
export const saeApis = [
  {
    name: 'OpenSaeService',
    family: 'service',
    method: 'POST',
    altMethods: ['GET'],
    path: '/service/open',
    params: [],
  },
  {
    name: 'CreateNamespace',
    family: 'namespace',
    method: 'POST',
    path: '/pop/v1/paas/namespace',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'NamespaceName', in: 'query', type: 'string', required: true },
      { name: 'NamespaceDescription', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DeleteNamespace',
    family: 'namespace',
    method: 'DELETE',
    path: '/pop/v1/paas/namespace',
    params: [{ name: 'NamespaceId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'UpdateNamespace',
    family: 'namespace',
    method: 'PUT',
    path: '/pop/v1/paas/namespace',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'NamespaceName', in: 'query', type: 'string', required: true },
      { name: 'NamespaceDescription', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'UpdateNamespaceVpc',
    family: 'namespace',
    method: 'POST',
    path: '/pop/v1/sam/namespace/updateNamespaceVpc',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'VpcId', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'DescribeNamespace',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/paas/namespace',
    params: [{ name: 'NamespaceId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'DescribeNamespaces',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/paas/namespaces',
    params: [
      { name: 'CurrentPage', in: 'query', type: 'integer', required: true },
      { name: 'PageSize', in: 'query', type: 'integer', required: true },
    ],
  },
  {
    name: 'DescribeNamespaceList',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/sam/namespace/describeNamespaceList',
    params: [
      { name: 'ContainCustom', in: 'query', type: 'boolean', required: false },
      { name: 'HybridCloudExclude', in: 'query', type: 'boolean', required: false },
    ],
  },
  {
    name: 'DescribeNamespaceResources',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/sam/namespace/describeNamespaceResources',
    params: [{ name: 'NamespaceId', in: 'query', type: 'string', required: false }],
  },
  {
    name: 'CreateIngress',
    family: 'namespace',
    method: 'POST',
    path: '/pop/v1/sam/ingress/Ingress',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'Description', in: 'query', type: 'string', required: false },
      { name: 'SlbId', in: 'query', type: 'string', required: true },
      { name: 'ListenerPort', in: 'query', type: 'integer', required: true },
      { name: 'CertId', in: 'query', type: 'string', required: false },
      { name: 'DefaultRule', in: 'query', type: 'json', required: true },
      { name: 'Rules', in: 'formData', type: 'json', required: true },
      { name: 'LoadBalanceType', in: 'query', type: 'string', required: false },
      { name: 'ListenerProtocol', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DeleteIngress',
    family: 'namespace',
    method: 'DELETE',
    path: '/pop/v1/sam/ingress/Ingress',
    params: [{ name: 'IngressId', in: 'query', type: 'long', required: true }],
  },
  {
    name: 'UpdateIngress',
    family: 'namespace',
    method: 'PUT',
    path: '/pop/v1/sam/ingress/Ingress',
    params: [
      { name: 'IngressId', in: 'query', type: 'long', required: true },
      { name: 'CertId', in: 'query', type: 'string', required: false },
      { name: 'Description', in: 'query', type: 'string', required: false },
      { name: 'ListenerPort', in: 'query', type: 'string', required: false },
      { name: 'DefaultRule', in: 'query', type: 'json', required: false },
      { name: 'Rules', in: 'formData', type: 'json', required: false },
      { name: 'LoadBalanceType', in: 'query', type: 'string', required: false },
      { name: 'ListenerProtocol', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DescribeIngress',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/sam/ingress/Ingress',
    params: [{ name: 'IngressId', in: 'query', type: 'long', required: true }],
  },
  {
    name: 'ListIngresses',
    family: 'namespace',
    method: 'GET',
    path: '/pop/v1/sam/ingress/IngressList',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'AppId', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DescribeApplicationConfig',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/describeApplicationConfig',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'VersionId', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DescribeRegions',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/paas/regionConfig',
    params: [],
  },
  {
    name: 'DescribeInstanceLog',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/instance/describeInstanceLog',
    params: [{ name: 'InstanceId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'DescribeComponents',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/resource/components',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: false },
      { name: 'Type', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'DescribeEdasContainers',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/resource/edasContainers',
    params: [],
  },
  {
    name: 'DescribeApplicationImage',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/container/describeApplicationImage',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ImageUrl', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'DescribeApplicationInstances',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/describeApplicationInstances',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'GroupId', in: 'query', type: 'string', required: true },
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
      { name: 'Reverse', in: 'query', type: 'boolean', required: false },
    ],
  },
  {
    name: 'DescribeApplicationGroups',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/describeApplicationGroups',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
    ],
  },
  {
    name: 'ListApplications',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/listApplications',
    params: [
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
      { name: 'AppName', in: 'query', type: 'string', required: false },
      { name: 'NamespaceId', in: 'query', type: 'string', required: false },
      { name: 'Tags', in: 'query', type: 'json', required: false },
      { name: 'OrderBy', in: 'query', type: 'string', required: false },
      { name: 'Reverse', in: 'query', type: 'boolean', required: false },
      { name: 'FieldType', in: 'query', type: 'string', required: false },
      { name: 'FieldValue', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'ListLogConfigs',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/log/listLogConfigs',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'PageSize', in: 'query', type: 'integer', required: true },
      { name: 'CurrentPage', in: 'query', type: 'integer', required: true },
    ],
  },
  {
    name: 'ListAppEvents',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/listAppEvents',
    params: [
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
      { name: 'AppId', in: 'query', type: 'string', required: false },
      { name: 'ObjectKind', in: 'query', type: 'string', required: false },
      { name: 'ObjectName', in: 'query', type: 'string', required: false },
      { name: 'EventType', in: 'query', type: 'string', required: false },
      { name: 'Reason', in: 'query', type: 'string', required: false },
      { name: 'Namespace', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'ListAppVersions',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/sam/app/listAppVersions',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: false }],
  },
  {
    name: 'QueryResourceStatics',
    family: 'appInfo',
    method: 'GET',
    path: '/pop/v1/paas/quota/queryResourceStatics',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'CreateApplicationScalingRule',
    family: 'scaling',
    method: 'POST',
    path: '/pop/v1/sam/scale/applicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleType', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleTimer', in: 'query', type: 'json', required: false },
      { name: 'ScalingRuleMetric', in: 'query', type: 'json', required: false },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
      { name: 'ScalingRuleEnable', in: 'query', type: 'boolean', required: false },
    ],
  },
  {
    name: 'DeleteApplicationScalingRule',
    family: 'scaling',
    method: 'DELETE',
    path: '/pop/v1/sam/scale/applicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'EnableApplicationScalingRule',
    family: 'scaling',
    method: 'PUT',
    path: '/pop/v1/sam/scale/enableApplicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'DisableApplicationScalingRule',
    family: 'scaling',
    method: 'PUT',
    path: '/pop/v1/sam/scale/disableApplicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'UpdateApplicationScalingRule',
    family: 'scaling',
    method: 'PUT',
    path: '/pop/v1/sam/scale/applicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleTimer', in: 'query', type: 'json', required: false },
      { name: 'ScalingRuleMetric', in: 'query', type: 'json', required: false },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
    ],
  },
  {
    name: 'DescribeApplicationScalingRule',
    family: 'scaling',
    method: 'GET',
    path: '/pop/v1/sam/scale/applicationScalingRule',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'ScalingRuleName', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'DescribeApplicationScalingRules',
    family: 'scaling',
    method: 'GET',
    path: '/pop/v1/sam/scale/applicationScalingRules',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'CreateApplication',
    family: 'lifecycle',
    method: 'POST',
    path: '/pop/v1/sam/app/createApplication',
    params: [
      { name: 'AppName', in: 'query', type: 'string', required: true },
      { name: 'NamespaceId', in: 'query', type: 'string', required: false },
      { name: 'AppDescription', in: 'query', type: 'string', required: false },
      { name: 'VpcId', in: 'query', type: 'string', required: false },
      { name: 'VSwitchId', in: 'query', type: 'string', required: false },
      { name: 'PackageType', in: 'query', type: 'string', required: true },
      { name: 'PackageVersion', in: 'query', type: 'string', required: false },
      { name: 'PackageUrl', in: 'query', type: 'string', required: false },
      { name: 'ImageUrl', in: 'query', type: 'string', required: false },
      { name: 'Jdk', in: 'query', type: 'string', required: false },
      { name: 'WebContainer', in: 'query', type: 'string', required: false },
      { name: 'Cpu', in: 'query', type: 'integer', required: false },
      { name: 'Memory', in: 'query', type: 'integer', required: false },
      { name: 'Replicas', in: 'query', type: 'integer', required: true },
      { name: 'Command', in: 'query', type: 'string', required: false },
      { name: 'CommandArgs', in: 'query', type: 'string', required: false },
      { name: 'Envs', in: 'query', type: 'json', required: false },
      { name: 'CustomHostAlias', in: 'query', type: 'json', required: false },
      { name: 'JarStartOptions', in: 'query', type: 'string', required: false },
      { name: 'JarStartArgs', in: 'query', type: 'string', required: false },
      { name: 'Liveness', in: 'query', type: 'json', required: false },
      { name: 'Readiness', in: 'query', type: 'json', required: false },
      { name: 'Deploy', in: 'query', type: 'boolean', required: false },
      { name: 'EdasContainerVersion', in: 'query', type: 'string', required: false },
      { name: 'Timezone', in: 'query', type: 'string', required: false },
      { name: 'SlsConfigs', in: 'query', type: 'json', required: false },
      { name: 'NasId', in: 'query', type: 'string', required: false },
      { name: 'MountHost', in: 'query', type: 'string', required: false },
      { name: 'MountDesc', in: 'query', type: 'json', required: false },
      { name: 'PreStop', in: 'query', type: 'json', required: false },
      { name: 'PostStart', in: 'query', type: 'json', required: false },
      { name: 'WarStartOptions', in: 'query', type: 'string', required: false },
      { name: 'ConfigMapMountDesc', in: 'formData', type: 'json', required: false },
      { name: 'SecurityGroupId', in: 'query', type: 'string', required: false },
      { name: 'AutoConfig', in: 'query', type: 'boolean', required: false },
      { name: 'TerminationGracePeriodSeconds', in: 'query', type: 'integer', required: false },
      { name: 'PhpArmsConfigLocation', in: 'query', type: 'string', required: false },
      { name: 'PhpConfigLocation', in: 'query', type: 'string', required: false },
      { name: 'PhpConfig', in: 'formData', type: 'string', required: false },
      { name: 'TomcatConfig', in: 'query', type: 'json', required: false },
      { name: 'OssMountDescs', in: 'formData', type: 'json', required: false },
      { name: 'OssAkId', in: 'formData', type: 'string', required: false },
      { name: 'OssAkSecret', in: 'formData', type: 'string', required: false },
      { name: 'AcrInstanceId', in: 'formData', type: 'string', required: false },
      { name: 'AcrAssumeRoleArn', in: 'query', type: 'string', required: false },
      { name: 'AssociateEip', in: 'formData', type: 'boolean', required: false },
      { name: 'OpenCollectToKafka', in: 'query', type: 'boolean', required: false },
      { name: 'KafkaEndpoint', in: 'query', type: 'string', required: false },
      { name: 'KafkaLogfileConfig', in: 'query', type: 'json', required: false },
      { name: 'KafkaInstanceId', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoCreateApp',
  },
  {
    name: 'DeleteApplication',
    family: 'lifecycle',
    method: 'DELETE',
    path: '/pop/v1/sam/app/deleteApplication',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
    coType: 'CoDeleteApp',
  },
  {
    name: 'DeployApplication',
    family: 'lifecycle',
    method: 'POST',
    path: '/pop/v1/sam/app/deployApplication',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Jdk', in: 'query', type: 'string', required: false },
      { name: 'WebContainer', in: 'query', type: 'string', required: false },
      { name: 'PackageVersion', in: 'query', type: 'string', required: false },
      { name: 'PackageUrl', in: 'query', type: 'string', required: false },
      { name: 'ImageUrl', in: 'query', type: 'string', required: false },
      { name: 'Command', in: 'query', type: 'string', required: false },
      { name: 'CommandArgs', in: 'query', type: 'string', required: false },
      { name: 'Envs', in: 'query', type: 'json', required: false },
      { name: 'CustomHostAlias', in: 'query', type: 'json', required: false },
      { name: 'JarStartOptions', in: 'query', type: 'string', required: false },
      { name: 'JarStartArgs', in: 'query', type: 'string', required: false },
      { name: 'Liveness', in: 'query', type: 'json', required: false },
      { name: 'Readiness', in: 'query', type: 'json', required: false },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
      { name: 'BatchWaitTime', in: 'query', type: 'integer', required: false },
      { name: 'EdasContainerVersion', in: 'query', type: 'string', required: false },
      { name: 'UpdateStrategy', in: 'query', type: 'json', required: false },
      { name: 'SlsConfigs', in: 'query', type: 'json', required: false },
      { name: 'Timezone', in: 'query', type: 'string', required: false },
      { name: 'NasId', in: 'query', type: 'string', required: false },
      { name: 'MountHost', in: 'query', type: 'string', required: false },
      { name: 'MountDesc', in: 'query', type: 'json', required: false },
      { name: 'PostStart', in: 'query', type: 'json', required: false },
      { name: 'PreStop', in: 'query', type: 'json', required: false },
      { name: 'ChangeOrderDesc', in: 'query', type: 'string', required: false },
      { name: 'WarStartOptions', in: 'query', type: 'string', required: false },
      { name: 'AutoEnableApplicationScalingRule', in: 'query', type: 'boolean', required: false },
      { name: 'ConfigMapMountDesc', in: 'formData', type: 'json', required: false },
      { name: 'TerminationGracePeriodSeconds', in: 'query', type: 'integer', required: false },
      { name: 'EnableAhas', in: 'query', type: 'string', required: false },
      { name: 'PhpArmsConfigLocation', in: 'query', type: 'string', required: false },
      { name: 'PhpConfigLocation', in: 'query', type: 'string', required: false },
      { name: 'PhpConfig', in: 'formData', type: 'string', required: false },
      { name: 'TomcatConfig', in: 'query', type: 'json', required: false },
      { name: 'OssMountDescs', in: 'formData', type: 'json', required: false },
      { name: 'OssAkId', in: 'formData', type: 'string', required: false },
      { name: 'OssAkSecret', in: 'formData', type: 'string', required: false },
      { name: 'EnableGreyTagRoute', in: 'query', type: 'boolean', required: false },
      { name: 'AcrInstanceId', in: 'formData', type: 'string', required: false },
      { name: 'AcrAssumeRoleArn', in: 'query', type: 'string', required: false },
      { name: 'AssociateEip', in: 'formData', type: 'boolean', required: false },
      { name: 'OpenCollectToKafka', in: 'query', type: 'boolean', required: false },
      { name: 'KafkaEndpoint', in: 'query', type: 'string', required: false },
      { name: 'KafkaLogfileConfig', in: 'query', type: 'json', required: false },
      { name: 'KafkaInstanceId', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoDeploy',
  },
  {
    name: 'DescribeApplicationStatus',
    family: 'lifecycle',
    method: 'GET',
    path: '/pop/v1/sam/app/describeApplicationStatus',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'DescribeInstanceSpecifications',
    family: 'lifecycle',
    method: 'GET',
    path: '/pop/v1/paas/quota/instanceSpecifications',
    params: [],
  },
  {
    name: 'StartApplication',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/startApplication',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
    coType: 'CoStart',
  },
  {
    name: 'BatchStartApplications',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/batchStartApplications',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'AppIds', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoBatchStartApplication',
  },
  {
    name: 'StopApplication',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/stopApplication',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
    coType: 'CoStop',
  },
  {
    name: 'BatchStopApplications',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/batchStopApplications',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'AppIds', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoBatchStopApplication',
  },
  {
    name: 'RestartApplication',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/restartApplication',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
    ],
    coType: 'CoRestartApplication',
  },
  {
    name: 'RestartInstances',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/restartInstances',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'InstanceIds', in: 'query', type: 'string', required: true },
    ],
    coType: 'CoRestartInstances',
  },
  {
    name: 'RollbackApplication',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/rollbackApplication',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'VersionId', in: 'query', type: 'string', required: true },
      { name: 'BatchWaitTime', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
      { name: 'UpdateStrategy', in: 'query', type: 'json', required: false },
      { name: 'AutoEnableApplicationScalingRule', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoDeployHistroy',
  },
  {
    name: 'RescaleApplication',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/rescaleApplication',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Replicas', in: 'query', type: 'integer', required: true },
      { name: 'MinReadyInstances', in: 'query', type: 'integer', required: false },
      { name: 'MinReadyInstanceRatio', in: 'query', type: 'integer', required: false },
      { name: 'AutoEnableApplicationScalingRule', in: 'query', type: 'boolean', required: false },
    ],
    coType: ['CoScaleOut', 'CoScaleIn'],
  },
  {
    name: 'RescaleApplicationVertically',
    family: 'lifecycle',
    method: 'POST',
    path: '/pop/v1/sam/app/rescaleApplicationVertically',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Cpu', in: 'query', type: 'string', required: true },
      { name: 'Memory', in: 'query', type: 'string', required: true },
    ],
    coType: 'CoRescaleApplicationVertically',
  },
  {
    name: 'ReduceApplicationCapacityByInstanceIds',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/ScaleInApplicationWithInstanceIds',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'InstanceIds', in: 'query', type: 'string', required: true },
    ],
    coType: 'CoScaleInAppWithInstances',
  },
  {
    name: 'UpdateAppSecurityGroup',
    family: 'lifecycle',
    method: 'PUT',
    path: '/pop/v1/sam/app/updateAppSecurityGroup',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'SecurityGroupId', in: 'query', type: 'string', required: true },
    ],
  },
  {
    name: 'ExecJob',
    family: 'job',
    method: 'GET',
    path: '/pop/v1/sam/job/execJob',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'EventId', in: 'query', type: 'string', required: false },
      { name: 'Command', in: 'query', type: 'string', required: false },
      { name: 'CommandArgs', in: 'query', type: 'string', required: false },
      { name: 'Envs', in: 'query', type: 'json', required: false },
      { name: 'JarStartOptions', in: 'query', type: 'string', required: false },
      { name: 'JarStartArgs', in: 'query', type: 'string', required: false },
      { name: 'WarStartOptions', in: 'query', type: 'string', required: false },
    ],
    mutatingGet: true,
  },
  {
    name: 'DescribeJobStatus',
    family: 'job',
    method: 'GET',
    path: '/pop/v1/sam/job/describeJobStatus',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'JobId', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'ListNamespaceChangeOrders',
    family: 'changeOrder',
    method: 'GET',
    path: '/pop/v1/sam/changeorder/listNamespaceChangeOrders',
    params: [
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'CoStatus', in: 'query', type: 'string', required: false },
      { name: 'CoType', in: 'query', type: 'string', required: false },
      { name: 'Key', in: 'query', type: 'string', required: false },
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
    ],
  },
  {
    name: 'ListChangeOrders',
    family: 'changeOrder',
    method: 'GET',
    path: '/pop/v1/sam/changeorder/ListChangeOrders',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'CurrentPage', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
      { name: 'Key', in: 'query', type: 'string', required: false },
      { name: 'CoType', in: 'query', type: 'string', required: false },
      { name: 'CoStatus', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DescribeChangeOrder',
    family: 'changeOrder',
    method: 'GET',
    path: '/pop/v1/sam/changeorder/DescribeChangeOrder',
    params: [{ name: 'ChangeOrderId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'AbortChangeOrder',
    family: 'changeOrder',
    method: 'PUT',
    path: '/pop/v1/sam/changeorder/AbortChangeOrder',
    params: [{ name: 'ChangeOrderId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'AbortAndRollbackChangeOrder',
    family: 'changeOrder',
    method: 'PUT',
    path: '/pop/v1/sam/changeorder/AbortAndRollbackChangeOrder',
    params: [{ name: 'ChangeOrderId', in: 'query', type: 'string', required: true }],
    coType: 'CoRollback',
  },
  {
    name: 'DescribePipeline',
    family: 'changeOrder',
    method: 'GET',
    path: '/pop/v1/sam/changeorder/DescribePipeline',
    params: [{ name: 'PipelineId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'ConfirmPipelineBatch',
    family: 'changeOrder',
    method: 'GET',
    path: '/pop/v1/sam/changeorder/ConfirmPipelineBatch',
    params: [
      { name: 'PipelineId', in: 'query', type: 'string', required: true },
      { name: 'Confirm', in: 'query', type: 'boolean', required: true },
    ],
    mutatingGet: true,
  },
  {
    name: 'BindSlb',
    family: 'slb',
    method: 'POST',
    path: '/pop/v1/sam/app/slb',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Internet', in: 'query', type: 'json', required: false },
      { name: 'Intranet', in: 'query', type: 'json', required: false },
      { name: 'InternetSlbId', in: 'query', type: 'string', required: false },
      { name: 'IntranetSlbId', in: 'query', type: 'string', required: false },
    ],
    coType: 'CoBindSlb',
  },
  {
    name: 'UnbindSlb',
    family: 'slb',
    method: 'DELETE',
    path: '/pop/v1/sam/app/slb',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Internet', in: 'query', type: 'boolean', required: false },
      { name: 'Intranet', in: 'query', type: 'boolean', required: false },
    ],
    coType: 'CoUnbindSlb',
  },
  {
    name: 'DescribeApplicationSlbs',
    family: 'slb',
    method: 'GET',
    path: '/pop/v1/sam/app/slb',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'ListConsumedServices',
    family: 'microservice',
    method: 'GET',
    path: '/pop/v1/sam/service/listConsumedServices',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'ListPublishedServices',
    family: 'microservice',
    method: 'GET',
    path: '/pop/v1/sam/service/listPublishedServices',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'ListAppServicesPage',
    family: 'microservice',
    method: 'GET',
    path: '/pop/v1/sam/service/listAppServicesPage',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: false },
      { name: 'ServiceType', in: 'query', type: 'string', required: false },
      { name: 'PageNumber', in: 'query', type: 'integer', required: false },
      { name: 'PageSize', in: 'query', type: 'integer', required: false },
    ],
  },
  {
    name: 'DescribeAppServiceDetail',
    family: 'microservice',
    method: 'GET',
    path: '/pop/v1/sam/service/describeAppServiceDetail',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: false },
      { name: 'ServiceType', in: 'query', type: 'string', required: false },
      { name: 'ServiceGroup', in: 'query', type: 'string', required: false },
      { name: 'ServiceVersion', in: 'query', type: 'string', required: false },
      { name: 'ServiceName', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'TagResources',
    family: 'tag',
    method: 'POST',
    path: '/tags',
    params: [
      { name: 'RegionId', in: 'formData', type: 'string', required: false },
      { name: 'ResourceType', in: 'formData', type: 'string', required: false },
      { name: 'Tags', in: 'formData', type: 'json', required: false },
      { name: 'ResourceIds', in: 'formData', type: 'json', required: false },
    ],
  },
  {
    name: 'UntagResources',
    family: 'tag',
    method: 'DELETE',
    path: '/tags',
    params: [
      { name: 'RegionId', in: 'query', type: 'string', required: true },
      { name: 'ResourceType', in: 'query', type: 'string', required: true },
      { name: 'ResourceIds', in: 'query', type: 'json', required: true },
      { name: 'TagKeys', in: 'query', type: 'json', required: false },
      { name: 'DeleteAll', in: 'query', type: 'boolean', required: false },
    ],
  },
  {
    name: 'ListTagResources',
    family: 'tag',
    method: 'GET',
    path: '/tags',
    params: [
      { name: 'RegionId', in: 'query', type: 'string', required: true },
      { name: 'ResourceType', in: 'query', type: 'string', required: true },
      { name: 'NextToken', in: 'query', type: 'string', required: false },
      { name: 'ResourceIds', in: 'query', type: 'json', required: false },
      { name: 'Tags', in: 'query', type: 'json', required: false },
    ],
  },
  {
    name: 'CreateConfigMap',
    family: 'configMap',
    method: 'POST',
    path: '/pop/v1/sam/configmap/configMap',
    params: [
      { name: 'Name', in: 'query', type: 'string', required: true },
      { name: 'NamespaceId', in: 'query', type: 'string', required: true },
      { name: 'Data', in: 'body', type: 'json', required: true },
      { name: 'Description', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DeleteConfigMap',
    family: 'configMap',
    method: 'DELETE',
    path: '/pop/v1/sam/configmap/configMap',
    params: [{ name: 'ConfigMapId', in: 'query', type: 'long', required: true }],
  },
  {
    name: 'UpdateConfigMap',
    family: 'configMap',
    method: 'PUT',
    path: '/pop/v1/sam/configmap/configMap',
    params: [
      { name: 'ConfigMapId', in: 'query', type: 'long', required: true },
      { name: 'Data', in: 'body', type: 'json', required: true },
      { name: 'Description', in: 'query', type: 'string', required: false },
    ],
  },
  {
    name: 'DescribeConfigMap',
    family: 'configMap',
    method: 'GET',
    path: '/pop/v1/sam/configmap/configMap',
    params: [{ name: 'ConfigMapId', in: 'query', type: 'long', required: true }],
  },
  {
    name: 'ListNamespacedConfigMaps',
    family: 'configMap',
    method: 'GET',
    path: '/pop/v1/sam/configmap/listNamespacedConfigMaps',
    params: [{ name: 'NamespaceId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'CreateGreyTagRoute',
    family: 'greyTagRoute',
    method: 'POST',
    path: '/pop/v1/sam/tagroute/greyTagRoute',
    params: [
      { name: 'AppId', in: 'query', type: 'string', required: true },
      { name: 'Name', in: 'query', type: 'string', required: true },
      { name: 'Description', in: 'query', type: 'string', required: false },
      { name: 'ScRules', in: 'query', type: 'json', required: false },
      { name: 'DubboRules', in: 'query', type: 'json', required: false },
    ],
  },
  {
    name: 'DeleteGreyTagRoute',
    family: 'greyTagRoute',
    method: 'DELETE',
    path: '/pop/v1/sam/tagroute/greyTagRoute',
    params: [{ name: 'GreyTagRouteId', in: 'query', type: 'long', required: true }],
  },
  {
    name: 'UpdateGreyTagRoute',
    family: 'greyTagRoute',
    method: 'PUT',
    path: '/pop/v1/sam/tagroute/greyTagRoute',
    params: [
      { name: 'Description', in: 'query', type: 'string', required: false },
      { name: 'ScRules', in: 'query', type: 'json', required: false },
      { name: 'DubboRules', in: 'query', type: 'json', required: false },
      { name: 'GreyTagRouteId', in: 'query', type: 'long', required: true },
    ],
  },
  {
    name: 'ListGreyTagRoute',
    family: 'greyTagRoute',
    method: 'GET',
    path: '/pop/v1/sam/tagroute/greyTagRouteList',
    params: [{ name: 'AppId', in: 'query', type: 'string', required: true }],
  },
  {
    name: 'DescribeGreyTagRoute',
    family: 'greyTagRoute',
    method: 'GET',
    path: '/pop/v1/sam/tagroute/greyTagRoute',
    params: [{ name: 'GreyTagRouteId', in: 'query', type: 'long', required: true }],
  },
] as const satisfies readonly SaeApiSpec[];

export type SaeApi = (typeof saeApis)[number];
export type SaeApiName = SaeApi['name'];
export type SaeApiByName<N extends SaeApiName> = Extract<SaeApi, { name: N }>;
export type SaeParamName<N extends SaeApiName> = SaeApiByName<N>['params'][number]['name'];

interface ParamValueTypes {
  string: string;
  json: string;
  integer: number;
  long: number;
  float: number;
  boolean: boolean;
}
type ParamValue<P> = P extends { type: infer T extends ParamType } ? ParamValueTypes[T] : never;
type RequiredParams<N extends SaeApiName> = Extract<SaeApiByName<N>['params'][number], { required: true }>;
type OptionalParams<N extends SaeApiName> = Extract<SaeApiByName<N>['params'][number], { required: false }>;

/** The request parameters of an API, derived from the catalogue (required ones are required). */
export type SaeParams<N extends SaeApiName> = { [P in RequiredParams<N> as P['name']]: ParamValue<P> } & {
  [P in OptionalParams<N> as P['name']]?: ParamValue<P>;
};

export const saeApiByName: { readonly [N in SaeApiName]: SaeApiByName<N> } = Object.fromEntries(
  saeApis.map((api) => [api.name, api]),
) as { readonly [N in SaeApiName]: SaeApiByName<N> };

// ---------------------------------------------------------------------------------------------
// Enumerations

/** Change-order `Status` codes with the matching `LastChangeOrderStatus` strings (4, 5, 7 are undefined). */
export const changeOrderStatuses = {
  0: { name: 'READY', text: '准备中' },
  1: { name: 'RUNNING', text: '执行中' },
  2: { name: 'SUCCESS', text: '执行成功' },
  3: { name: 'FAIL', text: '执行失败' },
  6: { name: 'ABORT', text: '终止' },
  8: { name: 'WAIT_BATCH_CONFIRM', text: '等待手工确认分批' },
  9: { name: 'AUTO_BATCH_WAIT', text: '等待自动确认分批' },
  10: { name: 'SYSTEM_FAIL', text: '系统异常执行失败' },
  11: { name: 'WAIT_APPROVAL', text: '等待审批' },
  12: { name: 'APPROVED', text: '审批通过，等待执行' },
} as const;
export type ChangeOrderStatusCode = keyof typeof changeOrderStatuses;
export type LastChangeOrderStatus = (typeof changeOrderStatuses)[ChangeOrderStatusCode]['name'];
export const changeOrderStatusCodes = [
  0, 1, 2, 3, 6, 8, 9, 10, 11, 12,
] as const satisfies readonly ChangeOrderStatusCode[];
/** Statuses after which an order never moves again. */
export const finishedChangeOrderStatuses = [2, 3, 6, 10] as const satisfies readonly ChangeOrderStatusCode[];

/** DescribeChangeOrder `SubStatus` (Integer) and DescribeApplicationStatus `SubStatus` (String). */
export const changeOrderSubStatuses = { 0: 'NORMAL', 1: 'RUNNING_BUT_HAS_ERROR' } as const;

/** DescribePipeline `PipelineStatus` / stage `Status` / task `Status` (task adds 5 = waiting to retry). */
export const pipelineStatuses = {
  0: '准备就绪',
  1: '执行中',
  2: '执行成功',
  3: '执行失败',
  5: '等待重试',
  6: '中止',
  10: '系统异常执行失败',
} as const;

/** DescribeApplicationStatus `CurrentStatus`. */
export const applicationCurrentStatuses = ['RUNNING', 'STOPPED', 'UNKNOWN'] as const;
export type ApplicationCurrentStatus = (typeof applicationCurrentStatuses)[number];

/** In the documented ascending sort order of DescribeApplicationInstances. */
export const instanceContainerStatuses = [
  'Error',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'Pending',
  'Unknown',
  'Terminating',
  'NotFound',
  'PodInitializing',
  'Init:0/1',
  'Running',
] as const;
export type InstanceContainerStatus = (typeof instanceContainerStatuses)[number];

export const instanceHealthStatuses = [
  'WithoutHealthCheckConfig',
  'WithoutLivenessConfig',
  'WithoutReadinessConfig',
  'NotCheckedYet',
  'LivenessUnhealthy',
  'ReadinessUnhealthy',
  'Unhealthy',
  'Healthy',
] as const;
export type InstanceHealthStatus = (typeof instanceHealthStatuses)[number];

export const packageTypes = [
  'FatJar',
  'War',
  'Image',
  'PhpZip',
  'IMAGE_PHP_5_4',
  'IMAGE_PHP_5_4_ALPINE',
  'IMAGE_PHP_5_5',
  'IMAGE_PHP_5_5_ALPINE',
  'IMAGE_PHP_5_6',
  'IMAGE_PHP_5_6_ALPINE',
  'IMAGE_PHP_7_0',
  'IMAGE_PHP_7_0_ALPINE',
  'IMAGE_PHP_7_1',
  'IMAGE_PHP_7_1_ALPINE',
  'IMAGE_PHP_7_2',
  'IMAGE_PHP_7_2_ALPINE',
  'IMAGE_PHP_7_3',
  'IMAGE_PHP_7_3_ALPINE',
] as const;
export type PackageType = (typeof packageTypes)[number];

export const jdkVersions = [
  'Open JDK 8',
  'Open JDK 7',
  'Dragonwell 11',
  'Dragonwell 8',
  'openjdk-8u191-jdk-alpine3.9',
  'openjdk-7u201-jdk-alpine3.9',
] as const;
export const webContainers = ['apache-tomcat-7.0.91', 'apache-tomcat-8.5.42'] as const;

/** Valid instance sizes: Memory (MB) → the Cpu values (millicores) it may be combined with. */
export const cpuMemoryCombos = {
  1024: [500, 1000],
  2048: [500, 1000, 2000],
  4096: [1000, 2000, 4000],
  8192: [2000, 4000, 8000],
  12288: [12000],
  16384: [4000, 8000, 16000],
  24576: [12000],
  32768: [16000],
  65536: [8000, 16000, 32000],
  131072: [32000],
} as const satisfies Record<number, readonly number[]>;
export const cpuValues = [500, 1000, 2000, 4000, 8000, 12000, 16000, 32000] as const;

export function isValidCpuMemory(cpu: number, memory: number): boolean {
  const cpus = (cpuMemoryCombos as Record<number, readonly number[] | undefined>)[memory];
  return cpus?.includes(cpu) ?? false;
}

/** UpdateStrategy JSON (DeployApplication / RollbackApplication / DescribeApplicationConfig). */
export interface UpdateStrategy {
  type: 'GrayBatchUpdate' | 'BatchUpdate';
  batchUpdate?: { batch: number; releaseType: 'auto' | 'manual'; batchWaitTime?: number };
  grayUpdate?: { gray: number };
}

/** DescribeRegions (seed 000 §3). */
export const saeRegions = [
  { RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）' },
  { RegionId: 'cn-shanghai', LocalName: '华东2（上海）' },
  { RegionId: 'cn-beijing', LocalName: '华北2（北京）' },
  { RegionId: 'cn-zhangjiakou', LocalName: '华北3（张家口）' },
  { RegionId: 'cn-shenzhen', LocalName: '华南1（深圳）' },
  { RegionId: 'cn-guangzhou', LocalName: '华南3（广州）' },
  { RegionId: 'cn-hongkong', LocalName: '中国（香港）' },
  { RegionId: 'ap-southeast-1', LocalName: '新加坡' },
  { RegionId: 'us-west-1', LocalName: '美国（硅谷）' },
] as const;

// ---------------------------------------------------------------------------------------------
// Errors

export interface SaeErrorSpec {
  readonly status: number;
  /** English message; `%s` placeholders are filled in order. */
  readonly message: string;
}

/**
 * Error codes of the seed (common table §20 plus every per-API table), with their HTTP status and
 * English message, and the gateway codes the embedded cloud also answers (signature, throttling,
 * routing). Spellings such as `ChangerOrder`, `Resouce`, `Mamespace` and `Volumn` are the documented ones.
 */
export const saeErrors = {
  'App.Package.Version.Exists': {
    status: 400,
    message: 'The package version of application already exists.',
  },
  'Application.ChangerOrder.Not.Running': {
    status: 400,
    message: 'The change order is not running and cannot be terminated.',
  },
  'Application.ChangerOrderRunning': {
    status: 400,
    message: 'An application change process is in progress. Please try again later.',
  },
  'Application.InvalidStatus': {
    status: 400,
    message: 'The application status is abnormal. Please try again later.',
  },
  'Application.MissingJdk': {
    status: 400,
    message: 'Your application must at least contain a JDK component.',
  },
  'Application.NoInstanceAvailable': {
    status: 400,
    message: 'No instance is available for the application. Please scale out and try again.',
  },
  'Application.NotDeployYet': {
    status: 400,
    message: 'The application has not been deployed. Please deploy it and try again.',
  },
  'Associate.Eip.Not.Enough': { status: 404, message: 'No sufficient EIPs are available.' },
  'DeleteFail.ConfigMapReferenced': {
    status: 400,
    message: 'Failed to delete the ConfigMap. It has been used by other applications.',
  },
  'DeleteFail.NamespaceHasIngress': { status: 400, message: 'Ingress detected when deleting the namespace.' },
  'Duplicate.TagKey': { status: 400, message: 'The TagKey contains duplicate keys.' },
  'Exceed.ConfigMap': {
    status: 400,
    message: 'Too many ConfigMap objects have been created in the namespace.',
  },
  'Exceed.IngressRule': {
    status: 400,
    message: 'The number of Ingress related rules must be less than or equal to 40.',
  },
  'Exceed.Namespace': { status: 400, message: 'Too many namespaces have been created.' },
  'InstanceExist.NamespaceId': { status: 400, message: 'The specified namespace ID already exists.' },
  'InstanceExist.ScalingRuleName': { status: 400, message: 'The specified ScalingRuleName already exists.' },
  'Invalid.App.List.Not.Same.Namespace': {
    status: 400,
    message: 'The selected applications do not belong to the same namespace.',
  },
  'Invalid.Param.Tag.Scope': { status: 400, message: 'The specified parameter is invalid: tag scope.' },
  'InvalidAcrInstanceId.NotFound': { status: 404, message: 'The specified AcrInstanceId does not exist.' },
  'InvalidAppId.NotFound': { status: 404, message: 'The specified AppId does not exist.' },
  'InvalidApplication.NotFound': { status: 400, message: 'The current application does not exist.' },
  'InvalidChangeOrder.NotFound': { status: 400, message: 'The current change order does not exist.' },
  'InvalidComponent.NotFound': {
    status: 400,
    message: 'The current component (such as JDK, Tomcat, or EDASWebContainer) does not exist.',
  },
  'InvalidComponentType.NotFound': { status: 400, message: 'The specified Type does not exist.' },
  'InvalidHostnameIp.Invalid': {
    status: 400,
    message: 'The hostname and/or IP is invalid: Hostname [%s], IP [%s].',
  },
  'InvalidImageUrl.AcrInstanceId.Domain.NotMatch': {
    status: 400,
    message: 'The specified domain of ImageUrl does not match AcrInstanceId domains.',
  },
  'InvalidInstanceSpecification.Unsupported': {
    status: 400,
    message: 'The instance specification is not supported: CPU [%s], memory [%s].',
  },
  'InvalidNamespace.WithUppercase': {
    status: 400,
    message: 'This namespace does not support creating SAE apps because it contains uppercase letters.',
  },
  'InvalidNamespaceId.Format': { status: 400, message: 'The specified NamespaceId is invalid.' },
  'InvalidNamespaceId.NotFound': { status: 404, message: 'The specified NamespaceId does not exist.' },
  'InvalidNamespaceIdSuffix.Format': {
    status: 400,
    message:
      'The specified NamespaceId is invalid. NamespaceId can only contain alphabetical letters or numbers.',
  },
  'InvalidNamespaceName.Format': {
    status: 400,
    message:
      'The specified NamespaceName is invalid. The name of the namespace cannot exceed 63 characters in length.',
  },
  'InvalidOperation.NamespaceClusterNotDeleted': {
    status: 400,
    message: 'The specified NamespaceId contains clusters.',
  },
  'InvalidPackageType.NotFound': { status: 400, message: 'The package type must be War, FatJar, or Image.' },
  'InvalidParam.ProtocolNotSupport': { status: 400, message: 'Only TCP protocol is supported.' },
  'InvalidParameter.FileName': {
    status: 400,
    message:
      'The application deployment package name is invalid. This name can contain only alphanumeric characters, hyphens (-), and underscores (_). For deploying java package, you can upload JAR files only if the selected deployment version supports JAR file. Otherwise, upload WAR files only. For deploying php package, you can upload ZIP files only if the selected deployment version supports ZIP file.',
  },
  'InvalidParameter.NoPermission': { status: 400, message: 'Resource no permission' },
  'InvalidParameter.NotEmpty': { status: 400, message: 'You must specify the parameter %s.' },
  'InvalidParameter.Obviously': { status: 400, message: 'The specified parameter is invalid {%s}.' },
  'InvalidParameter.TagKey': { status: 400, message: 'The specified TagKey is invalid.' },
  'InvalidParameter.TagValue': { status: 400, message: 'The specified TagValue is invalid.' },
  'InvalidParameter.WithMessage': { status: 400, message: 'The parameter is invalid {%s}: %s' },
  'InvalidResourceType.NotFound': { status: 400, message: 'The specified resource type is not supported.' },
  'InvalidResponse.Api': { status: 404, message: 'The response of API %s is empty.' },
  'InvalidScalingRuleDate.BeginAfterEnd': {
    status: 400,
    message: 'The specified beginning time is later than the ending time.',
  },
  'InvalidScalingRuleDate.Format': { status: 400, message: 'The specified date is invalid.' },
  'InvalidScalingRuleName.NotFound': {
    status: 400,
    message: 'The specified ScalingRuleName does not exist.',
  },
  'InvalidServerlessRegion.Unsupported': { status: 400, message: 'The current region is not supported: %s' },
  'InvalidVpcId.NotFound': { status: 404, message: 'The specified VpcId does not exist.' },
  'JarApplication.MissingJdk': { status: 400, message: 'A FatJar application must contain JDK.' },
  JobForbidPolicy: { status: 400, message: 'You cannot execute new jobs because ongoing jobs exist.' },
  JobSuspend: { status: 400, message: 'The job is suspended.' },
  'LogService.ConfigQuotaExceed': {
    status: 400,
    message: 'The maximum number of Log Service configs is exceeded.',
  },
  'LogService.InternalError': {
    status: 400,
    message: 'An exception occurred while calling Log Service. Please submit a ticket to solve the problem.',
  },
  'LogService.LogDirInvalid': { status: 400, message: 'The log collection path is invalid.' },
  'LogService.NotAvailable': {
    status: 400,
    message: 'Log Service is unavailable. Please activate Log Service first.',
  },
  'LogService.ProjectNumQuotaExceed': {
    status: 400,
    message: 'The maximum number of Log Service projects is exceeded.',
  },
  'Mamespace.Have.No.Applications': { status: 400, message: 'There are no applications in this namespace.' },
  'Measuredata.Query.Error': {
    status: 500,
    message: 'An error occurred while querying measurement information.',
  },
  'Micro.Service.MetaData.NotFound': { status: 400, message: 'The micro service metadata not found {%s}.' },
  'Micro.Service.NotFound': { status: 400, message: 'The micro service not found {%s}.' },
  'MinReadyInstanceRatio.Invalid': {
    status: 400,
    message: 'The ratio of minimum available instances must be between 0 and 100.',
  },
  'MinReadyInstances.Not.Smaller.Replicas': {
    status: 400,
    message:
      'The minimum number of available instances must be less than the number of application instances.',
  },
  'Missing.TagKey': { status: 400, message: 'You must specify TagKey.' },
  'MountConflict.ConfigMap': { status: 400, message: 'Conflict detected for ConfigMap path %s.' },
  'Namespace.AppExists': { status: 400, message: 'Please delete the application first.' },
  'No.Permission': { status: 400, message: 'The account has no permission.' },
  'NoAvailableCluster.NotFound': {
    status: 400,
    message: 'No clusters are available for the current region.',
  },
  'NotFound.ConfigMap': { status: 400, message: 'The ConfigMap object (ID: %s) does not exist.' },
  'NotFound.ConfigMapKey': {
    status: 400,
    message: 'The key %s of ConfigMap object (ID: %s) does not exist.',
  },
  'NumberExceed.ResourceIds': { status: 400, message: 'The number of resource IDs cannot exceed 50.' },
  'NumberExceed.Tags': { status: 400, message: 'The maximum number of tags is exceeded.' },
  'ORDER.OPEND': { status: 400, message: 'order opend.' },
  'OperationDenied.SDKNotSupported': { status: 400, message: 'Metrics is not supported in SDK' },
  'OperationFailed.DauthHttpRequest': { status: 500, message: 'request dauth failed.' },
  'OperationFailed.RPCError': { status: 500, message: 'Internal RPC request processing error.' },
  'Package.Version.Too.Long': { status: 400, message: 'The maximum length of package version is exceeded.' },
  'PandoraApplication.MissingJdk': {
    status: 400,
    message: 'The Pandora application is missing a JDK component.',
  },
  'PandoraApplication.OnlyJdk': {
    status: 400,
    message: 'A Pandora application only requires JDK component.',
  },
  'Pay.Insufficient.Balance': { status: 400, message: 'pay insufficient balance' },
  'PhpApplication.MissingPhpRuntime': { status: 400, message: 'A PHP application must contain PHP Runtime.' },
  'Pipeline.Can.Not.Start.Next.Batch': {
    status: 400,
    message: 'You cannot start the next batch under the current status.',
  },
  'QuotaExceeded.ScalingRule': {
    status: 400,
    message: 'The maximum number of application scaling rules is exceeded.',
  },
  'Resouce.no.permission': {
    status: 400,
    message: 'You are not authorized to operate on the specified resources.',
  },
  'SLBInstanceQuota.OverQuota': {
    status: 400,
    message:
      'The total number of SLB instances exceeds the quota. Please reduce the instances and try again.',
  },
  'SSLCert.NotFound': { status: 400, message: 'The specified SSL certificate cannot be found.' },
  'Sae.Errorcode.Ahas.Create.Error.Message': { status: 400, message: 'Failed to create AHAS.' },
  'Slb.NotFound': { status: 400, message: 'The SLB instance does not exist: slbId [%s]' },
  'Slb.Occupied': { status: 400, message: 'The SLB instance is occupied.' },
  'Slb.Tag.Not.Qualified': {
    status: 400,
    message: 'The current SLB instance cannot be reused because it may have been occupied by %s.',
  },
  'SlbAppVSwitch.NotMatch': {
    status: 400,
    message: 'The SLB instance does not match the vSwitch of the current application.',
  },
  'SlbHttpsCert.NotConsistent': {
    status: 400,
    message: 'The HTTPS listening certificate for each listener must match.',
  },
  'SlbHttpsCert.NotFound': {
    status: 400,
    message: 'You must configure the certificate before you configure HTTPS listening for the SLB instance.',
  },
  'SlbListenerPort.NotAvailable': {
    status: 400,
    message: 'The SLB listening port is unavailable: slbId [%s], port [%s]',
  },
  'SlbListenerType.Invalid': {
    status: 400,
    message: 'An SLB listener type error occurred. Only HTTPS and TCP are supported.',
  },
  'SlbSpec.NotSupport': { status: 400, message: 'Shared performance SLB instances are not supported.' },
  'SlbType.Invalid': { status: 400, message: 'An SLB network type error occurred.' },
  'Sls.Config.Mixed.Multi.Project': {
    status: 400,
    message: 'The specified Config contains multiple projects.',
  },
  'Sls.Config.User.Defined.Missing.Logstore.Info': {
    status: 400,
    message: 'The specified Config is invalid. Both Project and Logstore must be specified.',
  },
  'Sls.Config.User.Defined.Missing.Project.Info': {
    status: 400,
    message: 'The specified Config is invalid. Both Project and Logstore must be specified.',
  },
  'Sls.Logstore.Name.Invalid': {
    status: 400,
    message:
      'The specified name of Logstore is invalid. The Logstore name must not contain the prefix "sae-".',
  },
  'Sls.Logstore.User.Defined.Not.Exist': {
    status: 400,
    message: 'The user defined Logstore does not exist.',
  },
  'Sls.Logtail.Name.Invalid': {
    status: 400,
    message: 'The specified name of Logtail is invalid. The Logtail name must not contain the prefix sae-.',
  },
  'Sls.Project.Name.Invalid': {
    status: 400,
    message: 'The specified project name is invalid. The project name must not contain the prefix "sae-".',
  },
  'Sls.Project.User.Defined.Not.Exist': { status: 400, message: 'The user defined project does not exist.' },
  'System.Upgrading': { status: 400, message: 'The system is being upgraded. Please try again later.' },
  'TooMany.Configmap': {
    status: 400,
    message: 'The maximum number of keys or the maximum length of Configmap is exceeded.',
  },
  'VolumnPath.Conflict': {
    status: 400,
    message: 'Conflict between log collection directory and persistent storage directory.',
  },
  'WarApplication.MissingJdkWebcontainer': {
    status: 400,
    message: 'A War application must contain JDK and Tomcat.',
  },
  'get.event.error': { status: 400, message: 'Failed to obtain event information.' },
  'rollback.error': { status: 400, message: 'Failed to roll back.' },
  'unsupported.workload': {
    status: 400,
    message: 'The specified instances to scale in application does not support the workload',
  },
  'user.indebt': { status: 400, message: 'The user has an outstanding payment.' },
  'vswitch.not.exist': { status: 400, message: 'The specified vSwitch does not exist.' },
  'BatchWaitTime.Not.Smaller.Zero': { status: 400, message: 'BatchWaitTime must not be smaller than zero.' },
  'InvalidScalingRuleTime.Conflict': {
    status: 400,
    message:
      'The specified scaling rule time is invalid. Another schedule has been set for the specified time range. Please set a different time.',
  },
  'InvalidScalingRuleTime.Format': { status: 400, message: 'The specified time is invalid.' },
  'QuotaExceeded.ScalingRuleTime': {
    status: 400,
    message: 'The maximum number of scaling policy trigger time is exceeded.',
  },
  'NoComputeResourceQuota.Exceed': {
    status: 400,
    message: 'Your compute resource quota is exceeded. Please submit a ticket to raise the quota.',
  },
  'NoComputeResourceQuota.App.Exceed': {
    status: 400,
    message: 'You can create %s instances for each application. Please submit a ticket to raise the quota.',
  },
  'NoComputeResourceQuota.User.Exceed': {
    status: 400,
    message: 'You can create %s instances in total. Please submit a ticket to raise the quota.',
  },
  'InvalidParameter.ProtocolNotSupport': { status: 400, message: 'Only TCP protocol is supported.' },
  // Gateway-level codes (the standard Alibaba Cloud POP answers; not in the SAE tables).
  MissingAuthorization: { status: 400, message: 'The Authorization header is required.' },
  IncompleteSignature: {
    status: 400,
    message: 'The request signature does not conform to Aliyun standards.',
  },
  SignatureDoesNotMatch: { status: 400, message: 'Specified signature is not matched with our calculation.' },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  ServiceUnavailable: {
    status: 503,
    message: 'The request has failed due to a temporary failure of the server.',
  },
  InternalError: { status: 500, message: 'The request processing has failed due to some unknown error.' },
  'InvalidApi.NotFound': {
    status: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  'InvalidApi.NotImplemented': { status: 501, message: 'The API %s is not implemented by this endpoint.' },
} as const satisfies Record<string, SaeErrorSpec>;
export type SaeErrorCode = keyof typeof saeErrors;

/** Fills the `%s` placeholders of a message template in order. */
export function formatSaeMessage(template: string, args: readonly (string | number)[]): string {
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++] ?? ''));
}
