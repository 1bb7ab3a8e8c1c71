import type { LoginBody, Role, Session } from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  return useMutation({
    mutationFn: () => api.delete<Session>('/api/session'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(sessionKeys.all, { user: null, csrfToken: null } satisfies Session);
    },
  });
}
