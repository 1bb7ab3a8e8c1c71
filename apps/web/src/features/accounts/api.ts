import type { Account, AccountFeature } from '@console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const accountKeys = { all: ['accounts'] as const };

export const accountsQuery = queryOptions({
  queryKey: accountKeys.all,
  queryFn: ({ signal }) => api.get<Account[]>('/api/accounts', signal),
  staleTime: 5 * 60_000,
});

export function useAccounts() {
  return useQuery(accountsQuery);
}

/** What the account's API offers; features outside it are hidden rather than shown failing. */
export function useAccountFeatures(accountId: string): (feature: AccountFeature) => boolean {
  const { data } = useAccounts();
  const features = new Set(data?.find((a) => a.id === accountId)?.features ?? []);
  return (feature) => features.has(feature);
}

/** The account as configured (product, region, features); undefined while loading. */
export function useAccount(accountId: string): Account | undefined {
  const { data } = useAccounts();
  return data?.find((a) => a.id === accountId);
}
