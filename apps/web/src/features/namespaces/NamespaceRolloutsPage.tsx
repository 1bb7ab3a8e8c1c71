import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import { useApplications } from '../applications/api';
import { RolloutTable } from '../rollouts';
import { useNamespaceRollouts } from './api';

/** Every change order of a namespace's applications, newest first, refreshed while open. */
export function NamespaceRolloutsPage() {
  const { accountId = '', namespaceId = '' } = useParams();
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const rollouts = useNamespaceRollouts(accountId, namespaceId, page);
  // The names of the namespace's applications (a page of the largest size), for the orders' column.
  const apps = useApplications(accountId, { namespaceId, page: 1, pageSize: 100 });
  const appNames = new Map((apps.data?.items ?? []).map((a) => [a.id, a.name]));
  return (
    <section>
      <Link to={`/accounts/${accountId}/namespaces`} className="text-sm text-blue-700 hover:underline">
        ← {t('namespaces.title')}
      </Link>
      <h1 className="mt-1 mb-4 text-2xl font-semibold">
        {t('namespaces.rolloutsTitle', { id: namespaceId })}
      </h1>
      {rollouts.error ? <ErrorPanel error={rollouts.error} onRetry={() => void rollouts.refetch()} /> : null}
      {rollouts.isPending ? (
        <Loading />
      ) : rollouts.data ? (
        <RolloutTable
          accountId={accountId}
          page={rollouts.data}
          onPage={setPage}
          testId="namespace-rollouts-table"
          appNames={appNames}
        />
      ) : null}
    </section>
  );
}
