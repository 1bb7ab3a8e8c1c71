import type {
  CreateScalingRuleBody,
  ScalingRule,
  UpdateScalingRuleBody,
  WriteResult,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const scalingKeys = {
  app: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'scaling-rules'] as const,
};

const path = (accountId: string, appId: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}/scaling-rules`;

/** Rules with their live status: refreshed while the tab is open, so a firing rule shows. */
export const scalingRulesQuery = (accountId: string, appId: string) =>
  queryOptions({
    queryKey: scalingKeys.app(accountId, appId),
    queryFn: ({ signal }) => api.get<ScalingRule[]>(path(accountId, appId), signal),
    refetchInterval: 10_000,
  });

export const useScalingRules = (accountId: string, appId: string) =>
  useQuery(scalingRulesQuery(accountId, appId));

export type ScalingChange =
  | { kind: 'create'; body: CreateScalingRuleBody }
  | { kind: 'update'; name: string; body: UpdateScalingRuleBody }
  | { kind: 'enable' | 'disable' | 'delete'; name: string };

export function useScalingChange(accountId: string, appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ScalingChange): Promise<WriteResult> => {
      const base = path(accountId, appId);
      if (change.kind === 'create') return api.post(base, change.body);
      const rule = `${base}/${encodeURIComponent(change.name)}`;
      if (change.kind === 'update') return api.put(rule, change.body);
      if (change.kind === 'delete') return api.delete(rule);
      return api.post(`${rule}/${change.kind}`);
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: scalingKeys.app(accountId, appId) });
      void client.invalidateQueries({ queryKey: ['accounts', accountId, 'applications', 'detail', appId] });
    },
  });
}
