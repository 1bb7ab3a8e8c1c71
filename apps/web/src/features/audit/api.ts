import type { AuditPage, AuditRecord } from '@console/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export interface AuditFilters {
  page: number;
  pageSize: number;
  username?: string | undefined;
  action?: string | undefined;
  outcome?: AuditRecord['outcome'] | undefined;
}

export const auditKeys = { list: (filters: AuditFilters) => ['audit', filters] as const };

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => api.get<AuditPage>(`/api/audit${queryString({ ...filters })}`, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

export const useAudit = (filters: AuditFilters) => useQuery(auditQuery(filters));
