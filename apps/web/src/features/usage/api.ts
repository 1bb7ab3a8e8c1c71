import type { Usage } from '@console/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export const usageKeys = {
  app: (accountId: string, appId: string, range: number) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'usage', range] as const,
};

export const usageQuery = (accountId: string, appId: string, range: number) =>
  queryOptions({
    queryKey: usageKeys.app(accountId, appId, range),
    queryFn: ({ signal }) =>
      api.get<Usage>(
        `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}/usage${queryString({ range })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

export const useUsage = (accountId: string, appId: string, range: number) =>
  useQuery(usageQuery(accountId, appId, range));
