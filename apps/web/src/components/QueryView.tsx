import type { ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';
import { Loading } from './Spinner';
import { StaleMarker } from './StaleMarker';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * What a query answered, with its failure (and a retry) above and a loading line while it is on its way.
 * An answer already shown stays when a refetch fails; `fallback` is what to show instead of nothing
 * when the first fetch fails, e.g. an empty list. Data the BFF answered from its last good copy
 * (the cloud not answering) is marked stale with the time it was fetched.
 */
export function QueryView<T>({
  query,
  fallback,
  children,
}: {
  query: QueryLike<T>;
  fallback?: T;
  children: (data: T) => ReactNode;
}) {
  const data = query.data ?? fallback;
  return (
    <>
      {query.error ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? (
        <Loading />
      ) : data !== undefined ? (
        <>
          <StaleMarker data={query.data} />
          {children(data)}
        </>
      ) : null}
    </>
  );
}
