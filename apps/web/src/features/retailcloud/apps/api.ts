import type {
  CreateRcAppBody,
  CreateRcDeployConfigBody,
  CreateRcEnvBody,
  CreateRcPvcBody,
  CreateRcServiceBody,
  CreateRcSlbApBody,
  RcAppDetail,
  RcAppGroup,
  RcAppSummary,
  RcBizCode,
  RcCreated,
  RcDeployBaseline,
  RcDeployConfig,
  RcEnvironment,
  RcJobLog,
  RcJobPage,
  RcPvc,
  RcService,
  RcSlbAp,
  RcUser,
  UpdateRcAppBody,
  UpdateRcDeployConfigBody,
  UpdateRcEnvBody,
  UpdateRcServiceBody,
  UpdateRcSlbApBody,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type JobStatus = 'SUCCESS' | 'FAILED' | 'ALL';

export const rcAppKeys = {
  all: (accountId: string) => ['accounts', accountId, 'retailcloud', 'apps'] as const,
  apps: (accountId: string) => [...rcAppKeys.all(accountId), 'list'] as const,
  app: (accountId: string, rcAppId: string) => [...rcAppKeys.all(accountId), 'app', rcAppId] as const,
  envs: (accountId: string, rcAppId: string) => [...rcAppKeys.app(accountId, rcAppId), 'envs'] as const,
  configs: (accountId: string, rcAppId: string) => [...rcAppKeys.app(accountId, rcAppId), 'configs'] as const,
  groups: (accountId: string, bizCode: string) => [...rcAppKeys.all(accountId), 'groups', bizCode] as const,
  users: (accountId: string) => [...rcAppKeys.all(accountId), 'users'] as const,
  env: (accountId: string, appId: string) => [...rcAppKeys.all(accountId), 'env', appId] as const,
  envPart: (accountId: string, appId: string, part: string) =>
    [...rcAppKeys.env(accountId, appId), part] as const,
  jobs: (accountId: string, appId: string, status: JobStatus, page: number) =>
    [...rcAppKeys.env(accountId, appId), 'jobs', status, page] as const,
  jobLog: (accountId: string, appId: string, podName: string) =>
    [...rcAppKeys.env(accountId, appId), 'job-log', podName] as const,
};

const enc = encodeURIComponent;
const base = (accountId: string) => `/api/accounts/${enc(accountId)}/retailcloud`;
const envBase = (accountId: string, appId: string) => `${base(accountId)}/applications/${enc(appId)}`;

const get =
  <T>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    api.get<T>(path, signal);

// ---- queries ----

export const rcAppsQuery = (accountId: string) =>
  queryOptions({
    queryKey: rcAppKeys.apps(accountId),
    queryFn: get<RcAppSummary[]>(`${base(accountId)}/apps`),
  });

export const rcAppQuery = (accountId: string, rcAppId: string) =>
  queryOptions({
    queryKey: rcAppKeys.app(accountId, rcAppId),
    queryFn: get<RcAppDetail>(`${base(accountId)}/apps/${enc(rcAppId)}`),
  });

export const rcEnvsQuery = (accountId: string, rcAppId: string) =>
  queryOptions({
    queryKey: rcAppKeys.envs(accountId, rcAppId),
    queryFn: get<RcEnvironment[]>(`${base(accountId)}/apps/${enc(rcAppId)}/environments`),
  });

export const rcConfigsQuery = (accountId: string, rcAppId: string) =>
  queryOptions({
    queryKey: rcAppKeys.configs(accountId, rcAppId),
    queryFn: get<RcDeployConfig[]>(`${base(accountId)}/apps/${enc(rcAppId)}/deploy-configs`),
  });

export const rcGroupsQuery = (accountId: string, bizCode: RcBizCode) =>
  queryOptions({
    queryKey: rcAppKeys.groups(accountId, bizCode),
    queryFn: get<RcAppGroup[]>(`${base(accountId)}/app-groups?bizCode=${enc(bizCode)}`),
  });

export const rcUsersQuery = (accountId: string) =>
  queryOptions({
    queryKey: rcAppKeys.users(accountId),
    queryFn: get<RcUser[]>(`${base(accountId)}/users`),
    staleTime: 60_000,
  });

const envPartQuery = <T>(accountId: string, appId: string, part: string) =>
  queryOptions({
    queryKey: rcAppKeys.envPart(accountId, appId, part),
    queryFn: get<T>(`${envBase(accountId, appId)}/${part}`),
  });

export const rcBaselineQuery = (accountId: string, appId: string) =>
  envPartQuery<RcDeployBaseline>(accountId, appId, 'baseline');
export const rcPvcsQuery = (accountId: string, appId: string) =>
  envPartQuery<RcPvc[]>(accountId, appId, 'pvcs');
export const rcSlbApsQuery = (accountId: string, appId: string) =>
  envPartQuery<RcSlbAp[]>(accountId, appId, 'slb-aps');
export const rcServicesQuery = (accountId: string, appId: string) =>
  envPartQuery<RcService[]>(accountId, appId, 'services');

export const rcJobsQuery = (accountId: string, appId: string, status: JobStatus, page: number) =>
  queryOptions({
    queryKey: rcAppKeys.jobs(accountId, appId, status, page),
    queryFn: get<RcJobPage>(`${envBase(accountId, appId)}/jobs?status=${status}&page=${page}&pageSize=10`),
  });

export const rcJobLogQuery = (accountId: string, appId: string, podName: string) =>
  queryOptions({
    queryKey: rcAppKeys.jobLog(accountId, appId, podName),
    queryFn: get<RcJobLog>(`${envBase(accountId, appId)}/jobs/pods/${enc(podName)}/log`),
  });

export const useRcApps = (accountId: string) => useQuery(rcAppsQuery(accountId));
export const useRcApp = (accountId: string, rcAppId: string) =>
  useQuery({ ...rcAppQuery(accountId, rcAppId), enabled: rcAppId !== '' });
export const useRcEnvs = (accountId: string, rcAppId: string) =>
  useQuery({ ...rcEnvsQuery(accountId, rcAppId), enabled: rcAppId !== '' });
export const useRcConfigs = (accountId: string, rcAppId: string) =>
  useQuery({ ...rcConfigsQuery(accountId, rcAppId), enabled: rcAppId !== '' });
export const useRcGroups = (accountId: string, bizCode: RcBizCode) =>
  useQuery(rcGroupsQuery(accountId, bizCode));
export const useRcUsers = (accountId: string) => useQuery(rcUsersQuery(accountId));
export const useRcBaseline = (accountId: string, appId: string) =>
  useQuery(rcBaselineQuery(accountId, appId));
export const useRcPvcs = (accountId: string, appId: string) => useQuery(rcPvcsQuery(accountId, appId));
export const useRcSlbAps = (accountId: string, appId: string) => useQuery(rcSlbApsQuery(accountId, appId));
export const useRcServices = (accountId: string, appId: string) =>
  useQuery(rcServicesQuery(accountId, appId));
export const useRcJobs = (accountId: string, appId: string, status: JobStatus, page: number) =>
  useQuery(rcJobsQuery(accountId, appId, status, page));
export const useRcJobLog = (accountId: string, appId: string, podName: string) =>
  useQuery(rcJobLogQuery(accountId, appId, podName));

// ---- changes ----

/** One state change: which route, and with what body. Built by `rcChange` so bodies stay typed. */
export interface RcChange {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

export const rcChange = {
  createApp: (body: CreateRcAppBody): RcChange => ({ method: 'POST', path: '/apps', body }),
  updateApp: (id: string, body: UpdateRcAppBody): RcChange => ({
    method: 'PUT',
    path: `/apps/${enc(id)}`,
    body,
  }),
  deleteApp: (id: string, confirmName: string, force: boolean): RcChange => ({
    method: 'DELETE',
    path: `/apps/${enc(id)}`,
    body: { confirmName, force },
  }),
  createEnv: (rcAppId: string, body: CreateRcEnvBody): RcChange => ({
    method: 'POST',
    path: `/apps/${enc(rcAppId)}/environments`,
    body,
  }),
  updateEnv: (rcAppId: string, envId: string, body: UpdateRcEnvBody): RcChange => ({
    method: 'PUT',
    path: `/apps/${enc(rcAppId)}/environments/${enc(envId)}`,
    body,
  }),
  deleteEnv: (rcAppId: string, envId: string, confirmName: string, force: boolean): RcChange => ({
    method: 'DELETE',
    path: `/apps/${enc(rcAppId)}/environments/${enc(envId)}`,
    body: { confirmName, force },
  }),
  createConfig: (rcAppId: string, body: CreateRcDeployConfigBody): RcChange => ({
    method: 'POST',
    path: `/apps/${enc(rcAppId)}/deploy-configs`,
    body,
  }),
  updateConfig: (rcAppId: string, schemaId: string, body: UpdateRcDeployConfigBody): RcChange => ({
    method: 'PUT',
    path: `/apps/${enc(rcAppId)}/deploy-configs/${enc(schemaId)}`,
    body,
  }),
  deleteConfig: (rcAppId: string, schemaId: string): RcChange => ({
    method: 'DELETE',
    path: `/apps/${enc(rcAppId)}/deploy-configs/${enc(schemaId)}`,
  }),
  createGroup: (bizCode: RcBizCode, name: string): RcChange => ({
    method: 'POST',
    path: '/app-groups',
    body: { bizCode, name },
  }),
  deleteGroup: (bizCode: string, name: string, force: boolean): RcChange => ({
    method: 'DELETE',
    path: `/app-groups/${enc(bizCode)}/${enc(name)}`,
    body: { force },
  }),
  bindGroup: (bizCode: string, name: string, appId: string): RcChange => ({
    method: 'POST',
    path: `/app-groups/${enc(bizCode)}/${enc(name)}/apps`,
    body: { appId },
  }),
  unbindGroup: (bizCode: string, name: string, appId: string): RcChange => ({
    method: 'DELETE',
    path: `/app-groups/${enc(bizCode)}/${enc(name)}/apps/${enc(appId)}`,
  }),
  createPvc: (appId: string, body: CreateRcPvcBody): RcChange => ({
    method: 'POST',
    path: `/applications/${enc(appId)}/pvcs`,
    body,
  }),
  deletePvc: (appId: string, name: string): RcChange => ({
    method: 'DELETE',
    path: `/applications/${enc(appId)}/pvcs/${enc(name)}`,
  }),
  createSlbAp: (appId: string, body: CreateRcSlbApBody): RcChange => ({
    method: 'POST',
    path: `/applications/${enc(appId)}/slb-aps`,
    body,
  }),
  updateSlbAp: (appId: string, id: string, body: UpdateRcSlbApBody): RcChange => ({
    method: 'PUT',
    path: `/applications/${enc(appId)}/slb-aps/${enc(id)}`,
    body,
  }),
  deleteSlbAp: (appId: string, id: string): RcChange => ({
    method: 'DELETE',
    path: `/applications/${enc(appId)}/slb-aps/${enc(id)}`,
  }),
  createService: (appId: string, body: CreateRcServiceBody): RcChange => ({
    method: 'POST',
    path: `/applications/${enc(appId)}/services`,
    body,
  }),
  updateService: (appId: string, id: string, body: UpdateRcServiceBody): RcChange => ({
    method: 'PUT',
    path: `/applications/${enc(appId)}/services/${enc(id)}`,
    body,
  }),
  deleteService: (appId: string, id: string): RcChange => ({
    method: 'DELETE',
    path: `/applications/${enc(appId)}/services/${enc(id)}`,
  }),
};

/**
 * Sends one change, then drops every Retail Cloud app query of the account, and the console's
 * application list, whose rows are this product's environments.
 */
export function useRcChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: RcChange): Promise<RcCreated> => {
      const path = `${base(accountId)}${change.path}`;
      if (change.method === 'POST') return api.post(path, change.body ?? {});
      if (change.method === 'PUT') return api.put(path, change.body ?? {});
      return api.delete(path, change.body);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: rcAppKeys.all(accountId) }),
        client.invalidateQueries({ queryKey: ['accounts', accountId, 'applications'] }),
      ]),
  });
}
