import type { SaeApiRef } from './client';

const api = (
  name: string,
  method: SaeApiRef['method'],
  path: string,
  extra: Pick<SaeApiRef, 'formParams' | 'mutatingGet'> = {},
): SaeApiRef => ({ name, method, path, ...extra });

/** The SAE APIs the console calls, with the paths of the 2022 reference (seed 000). */
export const saeApis = {
  DescribeNamespaceList: api('DescribeNamespaceList', 'GET', '/pop/v1/sam/namespace/describeNamespaceList'),
  ListApplications: api('ListApplications', 'GET', '/pop/v1/sam/app/listApplications'),
  DescribeApplicationConfig: api(
    'DescribeApplicationConfig',
    'GET',
    '/pop/v1/sam/app/describeApplicationConfig',
  ),
  DescribeApplicationStatus: api(
    'DescribeApplicationStatus',
    'GET',
    '/pop/v1/sam/app/describeApplicationStatus',
  ),
  DescribeApplicationGroups: api(
    'DescribeApplicationGroups',
    'GET',
    '/pop/v1/sam/app/describeApplicationGroups',
  ),
  DescribeApplicationInstances: api(
    'DescribeApplicationInstances',
    'GET',
    '/pop/v1/sam/app/describeApplicationInstances',
  ),
  ListAppVersions: api('ListAppVersions', 'GET', '/pop/v1/sam/app/listAppVersions'),
  ListAppEvents: api('ListAppEvents', 'GET', '/pop/v1/sam/app/listAppEvents'),
  QueryResourceStatics: api('QueryResourceStatics', 'GET', '/pop/v1/paas/quota/queryResourceStatics'),
  DescribeInstanceSpecifications: api(
    'DescribeInstanceSpecifications',
    'GET',
    '/pop/v1/paas/quota/instanceSpecifications',
  ),
  DeployApplication: api('DeployApplication', 'POST', '/pop/v1/sam/app/deployApplication'),
  StartApplication: api('StartApplication', 'PUT', '/pop/v1/sam/app/startApplication'),
  StopApplication: api('StopApplication', 'PUT', '/pop/v1/sam/app/stopApplication'),
  RestartApplication: api('RestartApplication', 'PUT', '/pop/v1/sam/app/restartApplication'),
  RescaleApplication: api('RescaleApplication', 'PUT', '/pop/v1/sam/app/rescaleApplication'),
  RescaleApplicationVertically: api(
    'RescaleApplicationVertically',
    'POST',
    '/pop/v1/sam/app/rescaleApplicationVertically',
  ),
  RollbackApplication: api('RollbackApplication', 'PUT', '/pop/v1/sam/app/rollbackApplication'),
  DeleteApplication: api('DeleteApplication', 'DELETE', '/pop/v1/sam/app/deleteApplication'),
  ListChangeOrders: api('ListChangeOrders', 'GET', '/pop/v1/sam/changeorder/ListChangeOrders'),
  DescribeChangeOrder: api('DescribeChangeOrder', 'GET', '/pop/v1/sam/changeorder/DescribeChangeOrder'),
  DescribePipeline: api('DescribePipeline', 'GET', '/pop/v1/sam/changeorder/DescribePipeline'),
  ConfirmPipelineBatch: api('ConfirmPipelineBatch', 'GET', '/pop/v1/sam/changeorder/ConfirmPipelineBatch', {
    mutatingGet: true,
  }),
  AbortChangeOrder: api('AbortChangeOrder', 'PUT', '/pop/v1/sam/changeorder/AbortChangeOrder'),
  AbortAndRollbackChangeOrder: api(
    'AbortAndRollbackChangeOrder',
    'PUT',
    '/pop/v1/sam/changeorder/AbortAndRollbackChangeOrder',
  ),
} as const;
