import type { Job, RunJobBody } from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const jobKeys = {
  app: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'jobs'] as const,
};

const path = (accountId: string, appId: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}/jobs`;

/** Jobs refresh every few seconds while one of them has not finished. */
export const jobsQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: jobKeys.app(accountId, appId),
    queryFn: ({ signal }) => api.get<Job[]>(path(accountId, appId), signal),
    refetchInterval: (query) =>
      query.state.data?.some((j) => j.state === 'running' || j.state === 'pending') ? 3_000 : 30_000,
  });

export const useJobs = (accountId: string, appId: string) => useQuery(jobsQuery(accountId, appId));

export function useRunJob(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RunJobBody) => api.post<{ jobId: string }>(path(accountId, appId), body),
    onSettled: () => client.invalidateQueries({ queryKey: jobKeys.app(accountId, appId) }),
  });
}
