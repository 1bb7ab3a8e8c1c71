import type {
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  BatchStrategy,
  ChangeOrderRef,
  DeployBody,
  Instance,
  InstanceLog,
  InstanceSpecification,
  LogConfig,
  Namespace,
  Version,
} from '@console/contract';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export type ListFilters = Partial<Pick<ApplicationListQuery, 'namespaceId' | 'q' | 'status' | 'tag'>> & {
  page: number;
  pageSize: number;
};

export const applicationKeys = {
  all: (accountId: string) => ['accounts', accountId, 'applications'] as const,
  list: (accountId: string, filters: ListFilters) =>
    [...applicationKeys.all(accountId), 'list', filters] as const,
  detail: (accountId: string, appId: string) => [...applicationKeys.all(accountId), 'detail', appId] as const,
  sub: (accountId: string, appId: string, what: string) =>
    [...applicationKeys.detail(accountId, appId), what] as const,
  namespaces: (accountId: string) => ['accounts', accountId, 'namespaces'] as const,
  specs: (accountId: string) => ['accounts', accountId, 'instance-specifications'] as const,
};

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;
const appPath = (accountId: string, appId: string) =>
  `${base(accountId)}/applications/${encodeURIComponent(appId)}`;

export const applicationListQuery = (accountId: string, filters: ListFilters) =>
  queryOptions({
    queryKey: applicationKeys.list(accountId, filters),
    queryFn: ({ signal }) =>
      api.get<ApplicationPage>(`${base(accountId)}/applications${queryString(filters)}`, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

/** Polls faster while a change order runs, so the page follows it without a reload. */
export const applicationQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: applicationKeys.detail(accountId, appId),
    queryFn: ({ signal }) => api.get<ApplicationDetail>(appPath(accountId, appId), signal),
    refetchInterval: (query) => (query.state.data?.native.lastChangeOrderRunning ? 3_000 : 15_000),
  });

export const instancesQuery = (accountId: string, appId: string, live: boolean) =>
  queryOptions({
    queryKey: applicationKeys.sub(accountId, appId, 'instances'),
    queryFn: ({ signal }) => api.get<Instance[]>(`${appPath(accountId, appId)}/instances`, signal),
    refetchInterval: live ? 3_000 : 15_000,
  });

export const instanceLogQuery = (accountId: string, appId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...applicationKeys.sub(accountId, appId, 'instances'), instanceId, 'log'] as const,
    queryFn: ({ signal }) =>
      api.get<InstanceLog>(
        `${appPath(accountId, appId)}/instances/${encodeURIComponent(instanceId)}/log`,
        signal,
      ),
    refetchInterval: 5_000,
  });

export const versionsQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: applicationKeys.sub(accountId, appId, 'versions'),
    queryFn: ({ signal }) => api.get<Version[]>(`${appPath(accountId, appId)}/versions`, signal),
  });

export const eventsQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: applicationKeys.sub(accountId, appId, 'events'),
    queryFn: ({ signal }) => api.get<AppEvent[]>(`${appPath(accountId, appId)}/events`, signal),
    refetchInterval: 15_000,
  });

export const namespacesQuery = (accountId: string) =>
  queryOptions({
    queryKey: applicationKeys.namespaces(accountId),
    queryFn: ({ signal }) => api.get<Namespace[]>(`${base(accountId)}/namespaces`, signal),
    staleTime: 5 * 60_000,
  });

export const specificationsQuery = (accountId: string) =>
  queryOptions({
    queryKey: applicationKeys.specs(accountId),
    queryFn: ({ signal }) =>
      api.get<InstanceSpecification[]>(`${base(accountId)}/instance-specifications`, signal),
    staleTime: 30 * 60_000,
  });

export const useApplications = (accountId: string, filters: ListFilters) =>
  useQuery(applicationListQuery(accountId, filters));
export const useApplication = (accountId: string, appId: string) =>
  useQuery(applicationQuery(accountId, appId));
export const useInstances = (accountId: string, appId: string, live: boolean) =>
  useQuery(instancesQuery(accountId, appId, live));
export const useInstanceLog = (accountId: string, appId: string, instanceId: string) =>
  useQuery(instanceLogQuery(accountId, appId, instanceId));
export const useVersions = (accountId: string, appId: string) => useQuery(versionsQuery(accountId, appId));
export const useEvents = (accountId: string, appId: string) => useQuery(eventsQuery(accountId, appId));
export const useNamespaces = (accountId: string) => useQuery(namespacesQuery(accountId));
export const useSpecifications = (accountId: string) => useQuery(specificationsQuery(accountId));

export type LifecycleAction =
  | { kind: 'deploy'; body: DeployInput }
  | { kind: 'start' }
  | { kind: 'stop' }
  | { kind: 'restart'; body?: { minReadyInstances?: number } }
  | { kind: 'scale'; body: { replicas: number; partitions?: number } }
  | { kind: 'offline'; body: { deletePvc?: boolean } }
  | { kind: 'resize'; body: { cpu: number; memory: number } }
  | {
      kind: 'rollback';
      body: { versionId: string; strategy?: BatchStrategy; minReadyInstances?: number };
    }
  | { kind: 'delete'; body: { confirmName: string } }
  | { kind: 'instances/restart' | 'instances/remove'; body: { instanceIds: string[] } };

/** Whatever the product takes: SAE an image or package with a strategy, Retail Cloud partitions. */
export type DeployInput = DeployBody;

/** Runs one lifecycle action; every one answers with the change order it started. */
export function useLifecycleAction(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: LifecycleAction): Promise<ChangeOrderRef> => {
      const path = appPath(accountId, appId);
      if (action.kind === 'delete') return api.delete<ChangeOrderRef>(path, action.body);
      const body = 'body' in action ? (action.body ?? {}) : {};
      return api.post<ChangeOrderRef>(`${path}/${action.kind}`, body);
    },
    onSettled: () => client.invalidateQueries({ queryKey: applicationKeys.all(accountId) }),
  });
}

export const logConfigsQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: applicationKeys.sub(accountId, appId, 'log-configs'),
    queryFn: ({ signal }) => api.get<LogConfig[]>(`${appPath(accountId, appId)}/log-configs`, signal),
    staleTime: 60_000,
  });
export const useLogConfigs = (accountId: string, appId: string, enabled: boolean) =>
  useQuery({ ...logConfigsQuery(accountId, appId), enabled });

export function useSetTags(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tags: { key: string; value: string }[]) =>
      api.put(`${appPath(accountId, appId)}/tags`, { tags }),
    onSettled: () => client.invalidateQueries({ queryKey: applicationKeys.all(accountId) }),
  });
}
