/**
 * The 2019 reference of the same product under its older name (轻量级分布式应用服务, seed 001,
 * 文档版本 20190905): 37 APIs, all of them also in the 2022 reference by name. Seed 001 has no
 * location column and its request examples send the parameters as a JSON body, so every parameter
 * is `body` here; the embedded cloud also accepts them in the query.
 */
import type { HttpMethod, SaeApiName, SaeApiSpec, SaeFamily, SaeParamSpec } from './sae';

/** Seed 001 has five families; the change-order APIs sit inside 应用生命周期. */
export type Sae2019Family = Extract<
  SaeFamily,
  'namespace' | 'appInfo' | 'lifecycle' | 'slb' | 'microservice'
>;

export interface Sae2019ApiSpec extends SaeApiSpec {
  readonly name: SaeApiName;
  readonly family: Sae2019Family;
}

type Type = SaeParamSpec['type'];
const req = (name: string, type: Type = 'string'): SaeParamSpec => ({
  name,
  in: 'body',
  type,
  required: true,
});
const opt = (name: string, type: Type = 'string'): SaeParamSpec => ({
  name,
  in: 'body',
  type,
  required: false,
});

function api(
  name: SaeApiName,
  family: Sae2019Family,
  method: HttpMethod,
  path: string,
  params: SaeParamSpec[] = [],
  extra: Pick<SaeApiSpec, 'coType' | 'mutatingGet'> = {},
): Sae2019ApiSpec {
  return { name, family, method, path, params, ...extra };
}

/** All 37 APIs of seed 001, in its order (§6–§10). */
export const saeApis2019: readonly Sae2019ApiSpec[] = [
  // 6 命名空间和VPC
  api('CreateNamespace', 'namespace', 'POST', '/pop/v1/paas/namespace', [
    req('NamespaceId'),
    req('NamespaceName'),
    opt('NamespaceDescription'),
  ]),
  api('DeleteNamespace', 'namespace', 'DELETE', '/pop/v1/paas/namespace', [req('NamespaceId')]),
  api('DescribeNamespace', 'namespace', 'GET', '/pop/v1/paas/namespace', [req('NamespaceId')]),
  api('DescribeNamespaces', 'namespace', 'GET', '/pop/v1/paas/namespaces', [
    req('CurrentPage', 'integer'),
    req('PageSize', 'integer'),
  ]),
  api('UpdateNamespace', 'namespace', 'PUT', '/pop/v1/paas/namespace', [
    req('NamespaceId'),
    req('NamespaceName'),
    opt('NamespaceDescription'),
  ]),
  api('DescribeNamespaceList', 'namespace', 'GET', '/pop/v1/sam/namespace/describeNamespaceList', [
    req('ContainCustom', 'boolean'),
    opt('HybridCloudExclude', 'boolean'),
  ]),
  // 7 应用信息
  api('DescribeApplicationConfig', 'appInfo', 'GET', '/pop/v1/sam/app/describeApplicationConfig', [
    opt('AppId'),
  ]),
  api('DescribeRegions', 'appInfo', 'GET', '/pop/v1/paas/regionConfig'),
  api('DescribeInstanceLog', 'appInfo', 'GET', '/pop/v1/sam/instance/describeInstanceLog', [
    req('InstanceId'),
  ]),
  api('DescribeComponents', 'appInfo', 'GET', '/pop/v1/sam/resource/components', [req('AppId'), req('Type')]),
  api('DescribeEdasContainers', 'appInfo', 'GET', '/pop/v1/sam/resource/edasContainers'),
  api('DescribeApplicationImage', 'appInfo', 'GET', '/pop/v1/sam/container/describeApplicationImage', [
    req('AppId'),
    req('ImageUrl'),
  ]),
  api('DescribeApplicationInstances', 'appInfo', 'GET', '/pop/v1/sam/app/describeApplicationInstances', [
    req('AppId'),
    req('GroupId'),
    opt('CurrentPage', 'integer'),
    opt('PageSize', 'integer'),
  ]),
  api('DescribeApplicationGroups', 'appInfo', 'GET', '/pop/v1/sam/app/describeApplicationGroups', [
    req('AppId'),
    opt('CurrentPage', 'integer'),
    opt('PageSize', 'integer'),
  ]),
  // Seed 001 gives no request syntax for ListApplications and QueryResourceStatics: the 2022 paths.
  api('ListApplications', 'appInfo', 'GET', '/pop/v1/sam/app/listApplications', [
    req('CurrentPage', 'integer'),
    opt('AppName'),
    opt('PageSize', 'integer'),
  ]),
  api('QueryResourceStatics', 'appInfo', 'GET', '/pop/v1/paas/quota/queryResourceStatics', [req('AppId')]),
  api('ListLogConfigs', 'appInfo', 'GET', '/pop/v1/sam/log/listLogConfigs', [
    req('AppId'),
    req('CurrentPage', 'integer'),
    req('PageSize', 'integer'),
  ]),
  // 8 应用生命周期
  api('DescribeApplicationStatus', 'lifecycle', 'GET', '/pop/v1/sam/app/describeApplicationStatus', [
    req('AppId'),
  ]),
  api(
    'DeployApplication',
    'lifecycle',
    'POST',
    '/pop/v1/sam/app/deployApplication',
    [
      // Marked optional by seed 001 although every deploy needs it.
      opt('AppId'),
      // Seconds in seed 001 (minutes in 2022).
      opt('BatchWaitTime', 'integer'),
      opt('Command'),
      opt('CommandArgs'),
      opt('CustomHostAlias', 'json'),
      opt('EdasContainerVersion'),
      opt('Envs', 'json'),
      opt('ImageUrl'),
      opt('JarStartArgs'),
      opt('JarStartOptions'),
      opt('Jdk'),
      opt('Liveness', 'json'),
      opt('MinReadyInstances', 'integer'),
      opt('PackageUrl'),
      opt('PackageVersion'),
      opt('Readiness', 'json'),
      opt('UpdateStrategy', 'json'),
      opt('WebContainer'),
    ],
    { coType: 'CoDeploy' },
  ),
  api(
    'CreateApplication',
    'lifecycle',
    'POST',
    '/pop/v1/sam/app/createApplication',
    [
      req('AppName'),
      req('NamespaceId'),
      req('PackageType'),
      req('Replicas', 'integer'),
      opt('AppDescription'),
      opt('Command'),
      opt('CommandArgs'),
      opt('Cpu', 'integer'),
      opt('CustomHostAlias', 'json'),
      // Defaults to false in seed 001 (true in 2022).
      opt('Deploy', 'boolean'),
      opt('EdasContainerVersion'),
      opt('Envs', 'json'),
      opt('ImageUrl'),
      opt('JarStartArgs'),
      opt('JarStartOptions'),
      opt('Jdk'),
      opt('Liveness', 'json'),
      opt('Memory', 'integer'),
      opt('PackageUrl'),
      opt('PackageVersion'),
      opt('Readiness', 'json'),
      opt('VSwitchId'),
      opt('VpcId'),
      opt('WebContainer'),
    ],
    { coType: 'CoCreateApp' },
  ),
  api('DeleteApplication', 'lifecycle', 'DELETE', '/pop/v1/sam/app/deleteApplication', [req('AppId')], {
    coType: 'CoDeleteApp',
  }),
  api('StopApplication', 'lifecycle', 'PUT', '/pop/v1/sam/app/stopApplication', [req('AppId')], {
    coType: 'CoStop',
  }),
  api(
    'RescaleApplicationVertically',
    'lifecycle',
    'POST',
    '/pop/v1/sam/app/rescaleApplicationVertically',
    [req('AppId'), req('Cpu'), req('Memory')],
    { coType: 'CoRescaleApplicationVertically' },
  ),
  api('StartApplication', 'lifecycle', 'PUT', '/pop/v1/sam/app/startApplication', [req('AppId')], {
    coType: 'CoStart',
  }),
  api(
    'ConfirmPipelineBatch',
    'lifecycle',
    'GET',
    '/pop/v1/sam/changeorder/ConfirmPipelineBatch',
    [req('Confirm', 'boolean'), req('PipelineId')],
    { mutatingGet: true },
  ),
  api('ListChangeOrders', 'lifecycle', 'GET', '/pop/v1/sam/changeorder/ListChangeOrders', [
    req('AppId'),
    opt('CoStatus'),
    opt('CoType'),
    opt('CurrentPage', 'integer'),
    opt('Key'),
    opt('PageSize', 'integer'),
  ]),
  // The one path that differs from 2022 (/pop/v1/sam/changeorder/AbortAndRollbackChangeOrder).
  api(
    'AbortAndRollbackChangeOrder',
    'lifecycle',
    'PUT',
    '/pop/v5/changeorder/ChangeOrderAbortAndRollback',
    [req('ChangeOrderId')],
    { coType: 'CoRollback' },
  ),
  api('DescribeChangeOrder', 'lifecycle', 'GET', '/pop/v1/sam/changeorder/DescribeChangeOrder', [
    req('ChangeOrderId'),
  ]),
  api('DescribeInstanceSpecifications', 'lifecycle', 'GET', '/pop/v1/paas/quota/instanceSpecifications'),
  api(
    'RescaleApplication',
    'lifecycle',
    'PUT',
    '/pop/v1/sam/app/rescaleApplication',
    [req('AppId'), req('Replicas', 'integer')],
    { coType: ['CoScaleOut', 'CoScaleIn'] },
  ),
  api(
    'RestartApplication',
    'lifecycle',
    'PUT',
    '/pop/v1/sam/app/restartApplication',
    [req('AppId'), opt('MinReadyInstances', 'integer')],
    { coType: 'CoRestartApplication' },
  ),
  api('AbortChangeOrder', 'lifecycle', 'PUT', '/pop/v1/sam/changeorder/AbortChangeOrder', [
    req('ChangeOrderId'),
  ]),
  // 9 SLB
  api(
    'BindSlb',
    'slb',
    'POST',
    '/pop/v1/sam/app/slb',
    // One JSON object each, e.g. {"port":80,"targetPort":8080,"protocol":"TCP"} (2022: an array).
    [req('AppId'), opt('Internet', 'json'), opt('Intranet', 'json')],
    { coType: 'CoBindSlb' },
  ),
  api(
    'UnbindSlb',
    'slb',
    'DELETE',
    '/pop/v1/sam/app/slb',
    [req('AppId'), req('Internet', 'boolean'), req('Intranet', 'boolean')],
    { coType: 'CoUnbindSlb' },
  ),
  api('DescribeApplicationSlbs', 'slb', 'GET', '/pop/v1/sam/app/slb', [req('AppId')]),
  // 10 微服务列表
  api('ListConsumedServices', 'microservice', 'GET', '/pop/v1/sam/service/listConsumedServices', [
    req('AppId'),
  ]),
  api('ListPublishedServices', 'microservice', 'GET', '/pop/v1/sam/service/listPublishedServices', [
    req('AppId'),
  ]),
];
