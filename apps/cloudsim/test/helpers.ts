import Core from '@alicloud/pop-core';
import { type RunningCloudSim, startCloudSim } from '../src/index';

export const KEY = { accessKeyId: 'LTAI5tCloudSimTest0001', accessKeySecret: 'cloudsim-test-secret' };

export interface SdkError extends Error {
  code: string;
  statusCode: number;
  result: Record<string, unknown>;
}

export type Json = Record<string, any>;

export interface RoaClient {
  request(method: string, path: string, query?: object, body?: string, headers?: object): Promise<Json>;
}

/** The official SDK's ROA client pointed at the simulator. */
export function sdk(sim: RunningCloudSim, secret = KEY.accessKeySecret): RoaClient {
  return new Core.ROAClient({
    accessKeyId: KEY.accessKeyId,
    accessKeySecret: secret,
    endpoint: sim.url,
    apiVersion: '2019-05-06',
  }) as RoaClient;
}

/** A frozen clock (timeScale 0) and no background tick: tests step time explicitly. */
export function startFrozen(): Promise<RunningCloudSim> {
  return startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0 });
}

export async function expectSdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}

/** SAE calls by name, with the paths of the catalogue. */
export function sae(client: RoaClient) {
  const get =
    (path: string) =>
    (query: object = {}) =>
      client.request('GET', path, query);
  const put =
    (path: string) =>
    (query: object = {}) =>
      client.request('PUT', path, query, '');
  const post =
    (path: string) =>
    (query: object = {}) =>
      client.request('POST', path, query, '');
  return {
    createApplication: post('/pop/v1/sam/app/createApplication'),
    deployApplication: post('/pop/v1/sam/app/deployApplication'),
    describeChangeOrder: get('/pop/v1/sam/changeorder/DescribeChangeOrder'),
    describePipeline: get('/pop/v1/sam/changeorder/DescribePipeline'),
    confirmPipelineBatch: get('/pop/v1/sam/changeorder/ConfirmPipelineBatch'),
    abortChangeOrder: put('/pop/v1/sam/changeorder/AbortChangeOrder'),
    abortAndRollback: put('/pop/v1/sam/changeorder/AbortAndRollbackChangeOrder'),
    listChangeOrders: get('/pop/v1/sam/changeorder/ListChangeOrders'),
    describeStatus: get('/pop/v1/sam/app/describeApplicationStatus'),
    describeConfig: get('/pop/v1/sam/app/describeApplicationConfig'),
    describeGroups: get('/pop/v1/sam/app/describeApplicationGroups'),
    describeInstances: get('/pop/v1/sam/app/describeApplicationInstances'),
    listAppVersions: get('/pop/v1/sam/app/listAppVersions'),
    listAppEvents: get('/pop/v1/sam/app/listAppEvents'),
    listApplications: get('/pop/v1/sam/app/listApplications'),
    rollbackApplication: put('/pop/v1/sam/app/rollbackApplication'),
    stopApplication: put('/pop/v1/sam/app/stopApplication'),
    restartApplication: put('/pop/v1/sam/app/restartApplication'),
    startApplication: put('/pop/v1/sam/app/startApplication'),
    rescaleApplication: put('/pop/v1/sam/app/rescaleApplication'),
    rescaleVertically: post('/pop/v1/sam/app/rescaleApplicationVertically'),
    deleteApplication: (query: object) =>
      client.request('DELETE', '/pop/v1/sam/app/deleteApplication', query),
    queryResourceStatics: get('/pop/v1/paas/quota/queryResourceStatics'),
    describeInstanceLog: get('/pop/v1/sam/instance/describeInstanceLog'),
  };
}
