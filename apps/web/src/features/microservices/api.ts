import type { AppServices, GreyRoute, GreyRouteBody, WriteResult } from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const path = (accountId: string, appId: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}`;

export const microserviceKeys = {
  services: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'services'] as const,
  greyRoute: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'grey-route'] as const,
};

export const servicesQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: microserviceKeys.services(accountId, appId),
    queryFn: ({ signal }) => api.get<AppServices>(`${path(accountId, appId)}/services`, signal),
    refetchInterval: 15_000,
  });

export const greyRouteQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: microserviceKeys.greyRoute(accountId, appId),
    queryFn: ({ signal }) => api.get<GreyRoute | null>(`${path(accountId, appId)}/grey-route`, signal),
  });

export const useServices = (accountId: string, appId: string) => useQuery(servicesQuery(accountId, appId));
export const useGreyRoute = (accountId: string, appId: string) => useQuery(greyRouteQuery(accountId, appId));

export function useGreyRouteChange(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'put'; body: GreyRouteBody } | { kind: 'delete' }): Promise<WriteResult> =>
      change.kind === 'put'
        ? api.put(`${path(accountId, appId)}/grey-route`, change.body)
        : api.delete(`${path(accountId, appId)}/grey-route`),
    onSettled: () => client.invalidateQueries({ queryKey: microserviceKeys.greyRoute(accountId, appId) }),
  });
}
