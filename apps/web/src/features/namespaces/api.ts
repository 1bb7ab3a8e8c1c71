import type {
  CreateNamespaceBody,
  Namespace,
  RolloutPage,
  UpdateNamespaceBody,
  WriteResult,
} from '@console/contract';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export const namespaceKeys = {
  all: (accountId: string) => ['accounts', accountId, 'namespaces'] as const,
  rollouts: (accountId: string, namespaceId: string, page: number) =>
    [...namespaceKeys.all(accountId), namespaceId, 'rollouts', page] as const,
};

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/namespaces`;

export const namespaceListQuery = (accountId: string) =>
  queryOptions({
    queryKey: namespaceKeys.all(accountId),
    queryFn: ({ signal }) => api.get<Namespace[]>(base(accountId), signal),
  });

export const namespaceRolloutsQuery = (accountId: string, namespaceId: string, page: number) =>
  queryOptions({
    queryKey: namespaceKeys.rollouts(accountId, namespaceId, page),
    queryFn: ({ signal }) =>
      api.get<RolloutPage>(
        `${base(accountId)}/${encodeURIComponent(namespaceId)}/rollouts${queryString({ page, pageSize: 20 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });

export const useNamespaceList = (accountId: string) => useQuery(namespaceListQuery(accountId));
export const useNamespaceRollouts = (accountId: string, namespaceId: string, page: number) =>
  useQuery(namespaceRolloutsQuery(accountId, namespaceId, page));

export type NamespaceChange =
  | { kind: 'create'; body: CreateNamespaceBody }
  | { kind: 'update'; namespaceId: string; body: UpdateNamespaceBody }
  | { kind: 'delete'; namespaceId: string; confirmId: string }
  | { kind: 'vpc'; namespaceId: string; vpcId: string };

export function useNamespaceChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: NamespaceChange): Promise<WriteResult> => {
      if (change.kind === 'create') return api.post(base(accountId), change.body);
      const path = `${base(accountId)}/${encodeURIComponent(change.namespaceId)}`;
      if (change.kind === 'update') return api.put(path, change.body);
      if (change.kind === 'vpc') return api.put(`${path}/vpc`, { vpcId: change.vpcId });
      return api.delete(path, { confirmId: change.confirmId });
    },
    onSettled: () => client.invalidateQueries({ queryKey: namespaceKeys.all(accountId) }),
  });
}
