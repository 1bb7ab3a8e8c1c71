import type { ConfigMap, CreateConfigMapBody, UpdateConfigMapBody, WriteResult } from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const configMapKeys = {
  all: (accountId: string) => ['accounts', accountId, 'config-maps'] as const,
  namespace: (accountId: string, namespaceId: string) =>
    [...configMapKeys.all(accountId), namespaceId] as const,
};

const account = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

export const configMapsQuery = (accountId: string, namespaceId: string) =>
  queryOptions({
    queryKey: configMapKeys.namespace(accountId, namespaceId),
    queryFn: ({ signal }) =>
      api.get<ConfigMap[]>(
        `${account(accountId)}/namespaces/${encodeURIComponent(namespaceId)}/config-maps`,
        signal,
      ),
  });

export const useConfigMaps = (accountId: string, namespaceId: string) =>
  useQuery(configMapsQuery(accountId, namespaceId));

export type ConfigMapChange =
  | { kind: 'create'; namespaceId: string; body: CreateConfigMapBody }
  | { kind: 'update'; id: string; body: UpdateConfigMapBody }
  | { kind: 'delete'; id: string };

export function useConfigMapChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ConfigMapChange): Promise<WriteResult> => {
      if (change.kind === 'create') {
        return api.post(
          `${account(accountId)}/namespaces/${encodeURIComponent(change.namespaceId)}/config-maps`,
          change.body,
        );
      }
      const path = `${account(accountId)}/config-maps/${encodeURIComponent(change.id)}`;
      return change.kind === 'update' ? api.put(path, change.body) : api.delete(path);
    },
    onSettled: () => client.invalidateQueries({ queryKey: configMapKeys.all(accountId) }),
  });
}
