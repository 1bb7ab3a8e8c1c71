import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { useAppRollouts } from './api';
import { RolloutTable } from './RolloutTable';

/** The change orders of one application. */
export function AppRollouts({ accountId, appId }: { accountId: string; appId: string }) {
  const [page, setPage] = useState(1);
  const rollouts = useAppRollouts(accountId, appId, page);
  if (rollouts.isPending) return <Loading />;
  if (rollouts.error) return <ErrorPanel error={rollouts.error} onRetry={() => void rollouts.refetch()} />;
  return <RolloutTable accountId={accountId} page={rollouts.data} onPage={setPage} testId="rollouts-table" />;
}
