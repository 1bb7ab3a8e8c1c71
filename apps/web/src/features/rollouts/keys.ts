/** Query keys of rollouts, under their account's root (the event stream writes into them too). */
export const rolloutKeys = {
  all: (accountId: string) => ['accounts', accountId, 'rollouts'] as const,
  ofApp: (accountId: string, appId: string, page: number) =>
    [...rolloutKeys.all(accountId), 'app', appId, page] as const,
  detail: (accountId: string, rolloutId: string) =>
    [...rolloutKeys.all(accountId), 'detail', rolloutId] as const,
  batch: (accountId: string, rolloutId: string, batchId: string) =>
    [...rolloutKeys.detail(accountId, rolloutId), 'batch', batchId] as const,
  podLog: (accountId: string, rolloutId: string, podName: string) =>
    [...rolloutKeys.detail(accountId, rolloutId), 'pod', podName] as const,
};
