import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Spinner';
import { useSession } from '../features/auth/api';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
