import type { Session } from '@console/contract';
import { MutationCache, QueryCache, QueryClient, replaceEqualDeep } from '@tanstack/react-query';
import { ApiRequestError, setCsrfToken } from '../lib/api-client';
import { staleSince } from '../lib/stale-data';

/** An expired or ended session turns into the sign-in page instead of a wall of errors. */
function onUnauthorized(client: QueryClient, error: unknown) {
  if (error instanceof ApiRequestError && error.status === 401 && error.code !== 'InvalidCredentials') {
    setCsrfToken(null);
    client.setQueryData<Session>(['session'], { user: null, csrfToken: null });
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        // The BFF already retries upstream reads; retry here only when the console itself was unreachable.
        retry: (failures, error) => error instanceof ApiRequestError && error.status === 0 && failures < 2,
        // An answer marked stale (or the first fresh one after it) replaces the data as it is, so that
        // the stale mark, which belongs to that very answer, comes and goes with it.
        structuralSharing: (previous: unknown, next: unknown) =>
          staleSince(previous) || staleSince(next) ? next : replaceEqualDeep(previous, next),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
