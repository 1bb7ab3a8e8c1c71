import type { Account } from '@console/contract';
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
