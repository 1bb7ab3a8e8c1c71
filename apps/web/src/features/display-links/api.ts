import type { CreateDisplayLinkBody, CreatedDisplayLink, DisplayLink } from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const displayLinkKeys = { all: ['admin', 'display-links'] as const };

export const displayLinksQuery = queryOptions({
  queryKey: displayLinkKeys.all,
  queryFn: ({ signal }) => api.get<DisplayLink[]>('/api/admin/display-links', signal),
  // Their last use moves while screens read them.
  refetchInterval: 30_000,
});

export const useDisplayLinks = () => useQuery(displayLinksQuery);

export function useCreateDisplayLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDisplayLinkBody) =>
      api.post<CreatedDisplayLink>('/api/admin/display-links', body),
    onSettled: () => client.invalidateQueries({ queryKey: displayLinkKeys.all }),
  });
}

export function useRevokeDisplayLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<DisplayLink>(`/api/admin/display-links/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: displayLinkKeys.all }),
  });
}

/** The wallboard address a screen opens: what it shows in the query, the secret in the fragment. */
export function wallUrl(
  token: string,
  options: { accounts?: string[]; views: string[]; rotate: number },
): string {
  const search = new URLSearchParams();
  if (options.accounts?.length) search.set('accounts', options.accounts.join(','));
  search.set('views', options.views.join(','));
  if (options.rotate > 0) search.set('rotate', String(options.rotate));
  return `${window.location.origin}/wall?${search.toString()}#display=${encodeURIComponent(token)}`;
}
