import type {
  AccountAdminView,
  AdminAccount,
  CreateAccountBody,
  KeyRotationResult,
  ReplaceCredentialsBody,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { accountKeys } from './api';

export const accountAdminKeys = { view: ['admin', 'accounts'] as const };

const enc = encodeURIComponent;

export const accountAdminQuery = queryOptions({
  queryKey: accountAdminKeys.view,
  queryFn: ({ signal }) => api.get<AccountAdminView>('/api/admin/accounts', signal),
});

export const useAccountAdmin = () => useQuery(accountAdminQuery);

/** After any change: the admin list and the account switcher both read again. */
function useInvalidateAccounts() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: accountAdminKeys.view }),
      client.invalidateQueries({ queryKey: accountKeys.all }),
    ]);
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: CreateAccountBody) => api.post<AdminAccount>('/api/admin/accounts', body),
    onSettled: invalidate,
  });
}

export function useReplaceCredentials(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: ReplaceCredentialsBody) =>
      api.put<AdminAccount>(`/api/admin/accounts/${enc(accountId)}/credentials`, body),
    onSettled: invalidate,
  });
}

export function useDeleteAccount(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (confirmName: string) =>
      api.delete<{ id: string; deleted: true }>(`/api/admin/accounts/${enc(accountId)}`, { confirmName }),
    onSettled: invalidate,
  });
}

export function useRotateKeys() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: () => api.post<KeyRotationResult>('/api/admin/credentials/rotate', {}),
    onSettled: invalidate,
  });
}
