import type { AuditPage, AuditRecord } from '@console/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export interface AuditFilters {
  page: number;
  pageSize: number;
  username?: string | undefined;
  action?: string | undefined;
  accountId?: string | undefined;
  outcome?: AuditRecord['outcome'] | undefined;
  /** ISO 8601 instants; `from` inclusive, `to` exclusive. */
  from?: string | undefined;
  to?: string | undefined;
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

/** The CSV download of every record matching the filters (all pages); the session cookie authorises it. */
export function auditExportUrl({ page: _page, pageSize: _pageSize, ...filters }: AuditFilters): string {
  return `/api/audit/export${queryString(filters)}`;
}
