import { useRouteError } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel';

/** A render error or a failed lazy chunk shows a panel instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  return (
    <div className="mx-auto max-w-3xl p-6">
      <ErrorPanel
        error={error instanceof Error ? error : new Error(String(error))}
        onRetry={() => window.location.reload()}
      />
    </div>
  );
}
