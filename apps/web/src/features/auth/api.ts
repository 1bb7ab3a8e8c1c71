import type { LoginBody, Role, Session } from '@console/contract';
import { type Query, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../lib/api-client';

export const sessionKeys = { all: ['session'] as const };

async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQuery = queryOptions({
  queryKey: sessionKeys.all,
  queryFn: fetchSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user's role; callers render only inside a signed-in layout. */
export function useRole(): Role {
  const { data } = useSession();
  return data?.user?.role ?? 'viewer';
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Session>('/api/session', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(sessionKeys.all, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.delete<Session>('/api/session'),
    // Signed out locally even when the answer is an error: the session is gone or unusable either way.
    onSettled: async () => {
      setCsrfToken(null);
      const others = { predicate: (query: Query) => query.queryKey[0] !== sessionKeys.all[0] };
      await client.cancelQueries(others);
      // The session query is updated in place (not cleared and rebuilt), so that everything observing it
      // sees the signed-out state at once; the pages' data goes with the session.
      client.setQueryData(sessionKeys.all, { user: null, csrfToken: null } satisfies Session);
      navigate('/login', { replace: true });
      client.removeQueries(others);
    },
  });
}
