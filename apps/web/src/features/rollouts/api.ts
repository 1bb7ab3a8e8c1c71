import type {
  BatchDetail,
  PodDeployLog,
  Rollout,
  RolloutActionResult,
  RolloutPage,
  StaleRollout,
} from '@console/contract';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, api, queryString } from '../../lib/api-client';
import { pollUnlessLive } from '../../lib/live-status';
import { rolloutKeys } from './keys';
import { isStale } from './stale';

export { rolloutKeys };

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;
const rolloutPath = (accountId: string, rolloutId: string) =>
  `${base(accountId)}/rollouts/${encodeURIComponent(rolloutId)}`;

export const UNFINISHED = new Set(['preparing', 'running', 'waiting']);

export const appRolloutsQuery = (accountId: string, appId: string, page: number) =>
  queryOptions({
    queryKey: rolloutKeys.ofApp(accountId, appId, page),
    queryFn: ({ signal }) =>
      api.get<RolloutPage>(
        `${base(accountId)}/applications/${encodeURIComponent(appId)}/rollouts${queryString({ page, pageSize: 10 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => UNFINISHED.has(r.status)) ? 3_000 : 15_000,
  });

/**
 * A running change order refreshes every two seconds while the event stream is down (every 30 s while it
 * pushes changes); TanStack Query pauses it while the tab is hidden.
 */
export const rolloutQuery = (accountId: string, rolloutId: string) =>
  queryOptions({
    queryKey: rolloutKeys.detail(accountId, rolloutId),
    queryFn: ({ signal }) => api.get<Rollout>(rolloutPath(accountId, rolloutId), signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      // While the event stream is live the watcher's changes arrive by themselves; polling is the fallback.
      return status === undefined || UNFINISHED.has(status) ? pollUnlessLive(2_000, 30_000) : false;
    },
    refetchIntervalInBackground: false,
  });

export const batchQuery = (accountId: string, rolloutId: string, batchId: string, live: boolean) =>
  queryOptions({
    queryKey: rolloutKeys.batch(accountId, rolloutId, batchId),
    queryFn: ({ signal }) =>
      api.get<BatchDetail>(
        `${rolloutPath(accountId, rolloutId)}/batches/${encodeURIComponent(batchId)}`,
        signal,
      ),
    refetchInterval: live ? 3_000 : false,
  });

export const useAppRollouts = (accountId: string, appId: string, page: number) =>
  useQuery(appRolloutsQuery(accountId, appId, page));
export const useRollout = (accountId: string, rolloutId: string) =>
  useQuery(rolloutQuery(accountId, rolloutId));
export const useBatch = (accountId: string, rolloutId: string, batchId: string, live: boolean) =>
  useQuery(batchQuery(accountId, rolloutId, batchId, live));

export type RolloutAction =
  | { kind: 'confirm'; batchId: string; idempotencyKey: string }
  | { kind: 'extend'; batchId: string; idempotencyKey: string }
  | { kind: 'abort'; idempotencyKey: string; batchId?: string }
  | { kind: 'abort-and-rollback'; idempotencyKey: string };

/**
 * Confirm, stop, or abort and roll back. The idempotency key is made when the dialog opens and reused on a
 * retry, so a repeated click or a retried request never releases a second batch.
 */
export function useRolloutAction(accountId: string, rolloutId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RolloutAction) => {
      const path = rolloutPath(accountId, rolloutId);
      const { kind, ...body } = action;
      return api.post<RolloutActionResult>(`${path}/${kind}`, body);
    },
    onSuccess: (result) => client.setQueryData(rolloutKeys.detail(accountId, rolloutId), result.rollout),
    onError: (error) => {
      if (isStale(error) && error instanceof ApiRequestError) {
        const fresh = (error.body as Partial<StaleRollout> | undefined)?.rollout;
        if (fresh) client.setQueryData(rolloutKeys.detail(accountId, rolloutId), fresh);
      }
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: rolloutKeys.all(accountId) });
      void client.invalidateQueries({ queryKey: ['accounts', accountId, 'applications'] });
    },
  });
}

/** One instance's deploy log and events within the rollout; re-read while the dialog stays open. */
export const podLogQuery = (accountId: string, rolloutId: string, podName: string) =>
  queryOptions({
    queryKey: rolloutKeys.podLog(accountId, rolloutId, podName),
    queryFn: ({ signal }) =>
      api.get<PodDeployLog>(
        `${rolloutPath(accountId, rolloutId)}/pods/${encodeURIComponent(podName)}/log`,
        signal,
      ),
    refetchInterval: 5_000,
  });

export const usePodLog = (accountId: string, rolloutId: string, podName: string) =>
  useQuery(podLogQuery(accountId, rolloutId, podName));
