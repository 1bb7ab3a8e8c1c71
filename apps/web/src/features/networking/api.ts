import type {
  AppSlbs,
  BindSlbBody,
  ChangeOrderRef,
  CreateIngressBody,
  Ingress,
  IngressSummary,
  UnbindSlbBody,
  UpdateIngressBody,
  WriteResult,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const account = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

export const networkingKeys = {
  slbs: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'slb'] as const,
  ingresses: (accountId: string) => ['accounts', accountId, 'ingresses'] as const,
  namespace: (accountId: string, namespaceId: string) =>
    [...networkingKeys.ingresses(accountId), namespaceId] as const,
  ingress: (accountId: string, ingressId: string) =>
    [...networkingKeys.ingresses(accountId), 'one', ingressId] as const,
};

export const appSlbsQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: networkingKeys.slbs(accountId, appId),
    queryFn: ({ signal }) =>
      api.get<AppSlbs>(`${account(accountId)}/applications/${encodeURIComponent(appId)}/slb`, signal),
    refetchInterval: 10_000,
  });

export const ingressesQuery = (accountId: string, namespaceId: string) =>
  queryOptions({
    queryKey: networkingKeys.namespace(accountId, namespaceId),
    queryFn: ({ signal }) =>
      api.get<IngressSummary[]>(
        `${account(accountId)}/namespaces/${encodeURIComponent(namespaceId)}/ingresses`,
        signal,
      ),
  });

export const ingressQuery = (accountId: string, ingressId: string) =>
  queryOptions({
    queryKey: networkingKeys.ingress(accountId, ingressId),
    queryFn: ({ signal }) =>
      api.get<Ingress>(`${account(accountId)}/ingresses/${encodeURIComponent(ingressId)}`, signal),
  });

export const useAppSlbs = (accountId: string, appId: string) => useQuery(appSlbsQuery(accountId, appId));
export const useIngresses = (accountId: string, namespaceId: string) =>
  useQuery(ingressesQuery(accountId, namespaceId));
export const useIngress = (accountId: string, ingressId: string) =>
  useQuery(ingressQuery(accountId, ingressId));

export function useSlbChange(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'bind'; body: BindSlbBody } | { kind: 'unbind'; body: UnbindSlbBody }) => {
      const path = `${account(accountId)}/applications/${encodeURIComponent(appId)}/slb`;
      return change.kind === 'bind'
        ? api.post<ChangeOrderRef>(path, change.body)
        : api.delete<ChangeOrderRef>(path, change.body);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['accounts', accountId, 'applications'] }),
  });
}

export type IngressChange =
  | { kind: 'create'; namespaceId: string; body: CreateIngressBody }
  | { kind: 'update'; id: string; body: UpdateIngressBody }
  | { kind: 'delete'; id: string };

export function useIngressChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: IngressChange): Promise<WriteResult> => {
      if (change.kind === 'create') {
        return api.post(
          `${account(accountId)}/namespaces/${encodeURIComponent(change.namespaceId)}/ingresses`,
          change.body,
        );
      }
      const path = `${account(accountId)}/ingresses/${encodeURIComponent(change.id)}`;
      return change.kind === 'update' ? api.put(path, change.body) : api.delete(path);
    },
    onSettled: () => client.invalidateQueries({ queryKey: networkingKeys.ingresses(accountId) }),
  });
}

/** The applications an ingress rule may send traffic to: those of the same namespace. */
export const namespaceAppsQuery = (accountId: string, namespaceId: string) =>
  queryOptions({
    queryKey: [
      'accounts',
      accountId,
      'applications',
      'list',
      { namespaceId, page: 1, pageSize: 100 },
    ] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string }[] }>(
        `${account(accountId)}/applications?namespaceId=${encodeURIComponent(namespaceId)}&pageSize=100`,
        signal,
      ),
  });
export const useNamespaceApps = (accountId: string, namespaceId: string) =>
  useQuery(namespaceAppsQuery(accountId, namespaceId));
