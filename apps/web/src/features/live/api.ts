import type {
  AccountLive,
  Inbox,
  InboxActionsBody,
  InboxActionsResult,
  Overview,
  WaitingItem,
} from '@console/contract';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { pollUnlessLive } from '../../lib/live-status';

export const liveKeys = {
  all: ['live'] as const,
  overview: ['live', 'overview'] as const,
  inbox: ['live', 'inbox'] as const,
};

/** Kept fresh by the event stream; polled only while the stream is down. */
export const overviewQuery = queryOptions({
  queryKey: liveKeys.overview,
  queryFn: ({ signal }) => api.get<Overview>('/api/overview', signal),
  refetchInterval: () => pollUnlessLive(10_000),
});

export const inboxQuery = queryOptions({
  queryKey: liveKeys.inbox,
  queryFn: ({ signal }) => api.get<Inbox>('/api/inbox', signal),
  refetchInterval: () => pollUnlessLive(10_000),
});

export const useOverview = () => useQuery(overviewQuery);
export const useInbox = () => useQuery(inboxQuery);

const byWait = (a: WaitingItem, b: WaitingItem) =>
  a.waitingSince.localeCompare(b.waitingSince) || a.key.localeCompare(b.key);

/** Writes one account's new live state into the overview and the inbox the tab holds. */
export function applyAccountLive(client: QueryClient, live: AccountLive): void {
  client.setQueryData<Overview>(liveKeys.overview, (old) => {
    if (!old) return old;
    const known = old.accounts.some((a) => a.accountId === live.accountId);
    return {
      ...old,
      accounts: known
        ? old.accounts.map((a) => (a.accountId === live.accountId ? live : a))
        : [...old.accounts, live],
    };
  });
  client.setQueryData<Inbox>(liveKeys.inbox, (old) => {
    if (!old) return old;
    const unreachable = old.unreachable.filter((u) => u.accountId !== live.accountId);
    if (live.state === 'unreachable') {
      const { accountId, accountName, checkedAt, error } = live;
      unreachable.push({ accountId, accountName, checkedAt, ...(error ? { error } : {}) });
    }
    return {
      ...old,
      items: [...old.items.filter((i) => i.accountId !== live.accountId), ...live.waiting].sort(byWait),
      unreachable,
    };
  });
}

/**
 * Acts on waiting items through the inbox route: each one is the same safe rollout action as on its
 * rollout page (bound to the batch shown, with its own idempotency key, audited).
 */
export function useInboxActions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InboxActionsBody) => api.post<InboxActionsResult>('/api/inbox/actions', body),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: liveKeys.all });
    },
  });
}
