import type {
  AsActivityPage,
  AsConfig,
  AsConfigPage,
  AsCreateConfigBody,
  AsCreated,
  AsCreateGroupBody,
  AsCreateHookBody,
  AsCreatePolicyBody,
  AsGroup,
  AsGroupPage,
  AsGroupTags,
  AsHanging,
  AsHook,
  AsInstanceBatchBody,
  AsInstancePage,
  AsNotification,
  AsNotificationBody,
  AsPolicyPage,
  AsProjectTag,
  AsQuota,
  AsTag,
  AsUpdateGroupBody,
  AsUpdateHookBody,
  AsUpdatePolicyBody,
  WriteResult,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';

/** Query keys of the Auto Scaling views; every change invalidates the account's AS family. */
export const asKeys = {
  all: (accountId: string) => ['accounts', accountId, 'as'] as const,
  groups: (accountId: string, page: number, name: string, status: string) =>
    [...asKeys.all(accountId), 'groups', page, name, status] as const,
  group: (accountId: string, groupId: string) => [...asKeys.all(accountId), 'group', groupId] as const,
  groupPart: (accountId: string, groupId: string, part: string, ...rest: (string | number)[]) =>
    [...asKeys.group(accountId, groupId), part, ...rest] as const,
  configs: (accountId: string, page: number, name: string) =>
    [...asKeys.all(accountId), 'configs', page, name] as const,
  config: (accountId: string, configId: string) => [...asKeys.all(accountId), 'config', configId] as const,
  projectTags: (accountId: string) => [...asKeys.all(accountId), 'tags'] as const,
  quotas: (accountId: string) => [...asKeys.all(accountId), 'quotas'] as const,
};

const enc = encodeURIComponent;
const base = (accountId: string) => `/api/accounts/${enc(accountId)}/as`;
const groupPath = (accountId: string, groupId: string) => `${base(accountId)}/groups/${enc(groupId)}`;

/** While a group is moving (an activity running, or fewer instances than wanted), its views refresh. */
export const LIVE_MS = 2_000;
export const isMoving = (g: AsGroup | undefined) =>
  g !== undefined && (g.isScaling || g.current !== g.desired || g.status === 'DELETING');

// ---------- groups ----------

export const groupsQuery = (accountId: string, page: number, name = '', status = '', pageSize = 20) =>
  queryOptions({
    queryKey: [...asKeys.groups(accountId, page, name, status), pageSize],
    queryFn: ({ signal }) =>
      api.get<AsGroupPage>(
        `${base(accountId)}/groups${queryString({ page, pageSize, name, status })}`,
        signal,
      ),
  });
export const useGroups = (accountId: string, page: number, name = '', status = '') =>
  useQuery({
    ...groupsQuery(accountId, page, name, status),
    refetchInterval: (q) => (q.state.data?.items.some(isMoving) ? LIVE_MS : false),
  });

export const groupQuery = (accountId: string, groupId: string) =>
  queryOptions({
    queryKey: asKeys.group(accountId, groupId),
    queryFn: ({ signal }) => api.get<AsGroup>(groupPath(accountId, groupId), signal),
  });
export const useGroup = (accountId: string, groupId: string) =>
  useQuery({
    ...groupQuery(accountId, groupId),
    refetchInterval: (q) => (isMoving(q.state.data) ? LIVE_MS : false),
  });

// ---------- configurations ----------

export const configsQuery = (accountId: string, page: number, name = '', pageSize = 20) =>
  queryOptions({
    queryKey: [...asKeys.configs(accountId, page, name), pageSize],
    queryFn: ({ signal }) =>
      api.get<AsConfigPage>(`${base(accountId)}/configs${queryString({ page, pageSize, name })}`, signal),
  });
export const useConfigs = (accountId: string, page: number, name = '', pageSize = 20) =>
  useQuery(configsQuery(accountId, page, name, pageSize));

export const useConfig = (accountId: string, configId: string) =>
  useQuery({
    queryKey: asKeys.config(accountId, configId),
    queryFn: ({ signal }) => api.get<AsConfig>(`${base(accountId)}/configs/${enc(configId)}`, signal),
    enabled: configId !== '',
  });

// ---------- a group's families ----------

export interface InstanceFilter {
  lifeCycleState: string;
  healthStatus: string;
  protected: string;
}

export const useInstances = (
  accountId: string,
  groupId: string,
  page: number,
  filter: InstanceFilter,
  live: boolean,
) =>
  useQuery({
    queryKey: asKeys.groupPart(accountId, groupId, 'instances', page, JSON.stringify(filter)),
    queryFn: ({ signal }) =>
      api.get<AsInstancePage>(
        `${groupPath(accountId, groupId)}/instances${queryString({ page, pageSize: 50, ...filter })}`,
        signal,
      ),
    refetchInterval: (q) =>
      live || q.state.data?.items.some((i) => i.lifeCycleState !== 'INSERVICE') ? LIVE_MS : false,
  });

export const usePolicies = (accountId: string, groupId: string, page: number, type: string) =>
  useQuery({
    queryKey: asKeys.groupPart(accountId, groupId, 'policies', page, type),
    queryFn: ({ signal }) =>
      api.get<AsPolicyPage>(
        `${groupPath(accountId, groupId)}/policies${queryString({ page, pageSize: 50, type })}`,
        signal,
      ),
  });

export interface ActivityFilter {
  status: string;
  types: string;
  from: string;
  to: string;
}

export const useActivities = (
  accountId: string,
  groupId: string,
  page: number,
  filter: ActivityFilter,
  live: boolean,
) =>
  useQuery({
    queryKey: asKeys.groupPart(accountId, groupId, 'activities', page, JSON.stringify(filter)),
    queryFn: ({ signal }) =>
      api.get<AsActivityPage>(
        `${groupPath(accountId, groupId)}/activities${queryString({ page, pageSize: 20, ...filter })}`,
        signal,
      ),
    refetchInterval: live ? LIVE_MS : false,
  });

function useGroupList<T>(part: string, accountId: string, groupId: string, live: boolean) {
  return useQuery({
    queryKey: asKeys.groupPart(accountId, groupId, part),
    queryFn: ({ signal }) => api.get<T>(`${groupPath(accountId, groupId)}/${part}`, signal),
    refetchInterval: live ? LIVE_MS : false,
  });
}

export const useHooks = (accountId: string, groupId: string) =>
  useGroupList<AsHook[]>('hooks', accountId, groupId, false);
export const useHanging = (accountId: string, groupId: string, live: boolean) =>
  useGroupList<AsHanging[]>('hanging', accountId, groupId, live);
export const useNotifications = (accountId: string, groupId: string) =>
  useGroupList<AsNotification[]>('notifications', accountId, groupId, false);
export const useGroupTags = (accountId: string, groupId: string) =>
  useGroupList<AsGroupTags>('tags', accountId, groupId, false);
export const useGroupQuotas = (accountId: string, groupId: string) =>
  useGroupList<AsQuota[]>('quotas', accountId, groupId, false);

// ---------- project-wide ----------

export const useProjectTags = (accountId: string) =>
  useQuery({
    queryKey: asKeys.projectTags(accountId),
    queryFn: ({ signal }) => api.get<AsProjectTag[]>(`${base(accountId)}/tags`, signal),
  });

export const useQuotas = (accountId: string) =>
  useQuery({
    queryKey: asKeys.quotas(accountId),
    queryFn: ({ signal }) => api.get<AsQuota[]>(`${base(accountId)}/quotas`, signal),
  });

// ---------- changes ----------

export type AsChange =
  | { kind: 'createGroup'; body: AsCreateGroupBody }
  | { kind: 'updateGroup'; groupId: string; body: AsUpdateGroupBody }
  | { kind: 'desired'; groupId: string; desired: number }
  | { kind: 'resume' | 'pause'; groupId: string }
  | { kind: 'deleteGroup'; groupId: string; confirmName: string; force: boolean }
  | { kind: 'createConfig'; body: AsCreateConfigBody }
  | { kind: 'deleteConfig'; configId: string }
  | { kind: 'deleteConfigs'; configIds: string[] }
  | { kind: 'batch'; groupId: string; body: AsInstanceBatchBody }
  | { kind: 'removeInstance'; groupId: string; instanceId: string; deleteInstance: boolean }
  | { kind: 'createPolicy'; groupId: string; body: AsCreatePolicyBody }
  | { kind: 'updatePolicy'; policyId: string; body: AsUpdatePolicyBody }
  | { kind: 'policyAction'; policyId: string; action: 'execute' | 'pause' | 'resume' }
  | { kind: 'deletePolicy'; policyId: string }
  | { kind: 'createHook'; groupId: string; body: AsCreateHookBody }
  | { kind: 'updateHook'; groupId: string; hookName: string; body: AsUpdateHookBody }
  | { kind: 'deleteHook'; groupId: string; hookName: string }
  | { kind: 'putNotification'; groupId: string; body: AsNotificationBody }
  | { kind: 'deleteNotification'; groupId: string; topicUrn: string }
  | { kind: 'putTags'; groupId: string; tags: AsTag[] }
  | { kind: 'deleteTags'; groupId: string; keys: string[] };

function send(accountId: string, c: AsChange): Promise<WriteResult & Partial<AsCreated>> {
  const b = base(accountId);
  switch (c.kind) {
    case 'createGroup':
      return api.post(`${b}/groups`, c.body);
    case 'updateGroup':
      return api.put(groupPath(accountId, c.groupId), c.body);
    case 'desired':
      return api.put(`${groupPath(accountId, c.groupId)}/desired`, { desired: c.desired });
    case 'resume':
    case 'pause':
      return api.post(`${groupPath(accountId, c.groupId)}/${c.kind}`);
    case 'deleteGroup':
      return api.delete(groupPath(accountId, c.groupId), { confirmName: c.confirmName, force: c.force });
    case 'createConfig':
      return api.post(`${b}/configs`, c.body);
    case 'deleteConfig':
      return api.delete(`${b}/configs/${enc(c.configId)}`);
    case 'deleteConfigs':
      return api.post(`${b}/configs/batch-delete`, { configIds: c.configIds });
    case 'batch':
      return api.post(`${groupPath(accountId, c.groupId)}/instances/batch`, c.body);
    case 'removeInstance':
      return api.delete(
        `${groupPath(accountId, c.groupId)}/instances/${enc(c.instanceId)}${queryString({
          deleteInstance: String(c.deleteInstance),
        })}`,
      );
    case 'createPolicy':
      return api.post(`${groupPath(accountId, c.groupId)}/policies`, c.body);
    case 'updatePolicy':
      return api.put(`${b}/policies/${enc(c.policyId)}`, c.body);
    case 'policyAction':
      return api.post(`${b}/policies/${enc(c.policyId)}/${c.action}`);
    case 'deletePolicy':
      return api.delete(`${b}/policies/${enc(c.policyId)}`);
    case 'createHook':
      return api.post(`${groupPath(accountId, c.groupId)}/hooks`, c.body);
    case 'updateHook':
      return api.put(`${groupPath(accountId, c.groupId)}/hooks/${enc(c.hookName)}`, c.body);
    case 'deleteHook':
      return api.delete(`${groupPath(accountId, c.groupId)}/hooks/${enc(c.hookName)}`);
    case 'putNotification':
      return api.put(`${groupPath(accountId, c.groupId)}/notifications`, c.body);
    case 'deleteNotification':
      return api.delete(`${groupPath(accountId, c.groupId)}/notifications/${enc(c.topicUrn)}`);
    case 'putTags':
      return api.post(`${groupPath(accountId, c.groupId)}/tags`, { tags: c.tags });
    case 'deleteTags':
      return api.delete(`${groupPath(accountId, c.groupId)}/tags`, { keys: c.keys });
  }
}

/** Any AS change; afterwards the account's AS views (and its application views) are read again. */
export function useAsChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    // A configuration's variables may hold a password: keep them no longer than the dialog that sent them.
    gcTime: 0,
    mutationFn: (change: AsChange) => send(accountId, change),
    onSettled: () => client.invalidateQueries({ queryKey: ['accounts', accountId] }),
  });
}
