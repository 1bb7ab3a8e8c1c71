import type { Namespace } from '@console/contract';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { hasRole } from '../../lib/roles';
import { useAccountFeatures, useAccounts } from '../accounts/api';
import { useRole } from '../auth/api';
import { useNamespaceList } from './api';
import { DeleteNamespaceDialog, NamespaceFormDialog, NamespaceVpcDialog } from './NamespaceDialogs';

type Open = { kind: 'create' } | { kind: 'edit' | 'delete' | 'vpc'; namespace: Namespace } | null;

export function NamespacesPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const accounts = useAccounts();
  const namespaces = useNamespaceList(accountId);
  const has = useAccountFeatures(accountId);
  const [open, setOpen] = useState<Open>(null);
  const regionId = accounts.data?.find((a) => a.id === accountId)?.regionId ?? '';
  const needs = (r: 'operator' | 'admin') =>
    hasRole(role, r) ? undefined : t('common.requiresRole', { role: r });

  return (
    <section>
      <div className="mb-4 flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('namespaces.title')}</h1>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={needs('admin')}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="namespace-create"
        >
          {t('namespaces.create')}
        </Button>
      </div>
      {namespaces.error ? (
        <ErrorPanel error={namespaces.error} onRetry={() => void namespaces.refetch()} />
      ) : null}
      {namespaces.isPending ? (
        <Loading />
      ) : namespaces.data ? (
        <Table
          testId="namespaces-table"
          head={[
            t('namespaces.id'),
            t('namespaces.name'),
            t('namespaces.description'),
            t('app.vpc'),
            t('namespaces.actions'),
          ]}
        >
          {namespaces.data.length === 0 ? (
            <EmptyRow colSpan={5}>{t('common.empty')}</EmptyRow>
          ) : (
            namespaces.data.map((ns) => (
              <tr key={ns.id} data-testid="namespace-row">
                <Td>
                  <code className="text-xs">{ns.id}</code>
                </Td>
                <Td>{ns.name}</Td>
                <Td>{ns.description || '—'}</Td>
                <Td>
                  <code className="text-xs">{ns.vpcId ?? '—'}</code>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <Link
                      className="rounded-md px-2 py-1 text-sm text-blue-700 hover:bg-blue-50"
                      to={`/accounts/${accountId}/applications?namespaceId=${encodeURIComponent(ns.id)}`}
                    >
                      {t('nav.applications')}
                    </Link>
                    {has('namespaceRollouts') ? (
                      <Link
                        className="rounded-md px-2 py-1 text-sm text-blue-700 hover:bg-blue-50"
                        to={`/accounts/${accountId}/namespaces/${encodeURIComponent(ns.id)}/rollouts`}
                        data-testid="namespace-rollouts"
                      >
                        {t('app.tab.rollouts')}
                      </Link>
                    ) : null}
                    {has('configMaps') ? (
                      <Link
                        className="rounded-md px-2 py-1 text-sm text-blue-700 hover:bg-blue-50"
                        to={`/accounts/${accountId}/namespaces/${encodeURIComponent(ns.id)}/config-maps`}
                        data-testid="namespace-config-maps"
                      >
                        {t('configMaps.short')}
                      </Link>
                    ) : null}
                    {has('ingress') ? (
                      <Link
                        className="rounded-md px-2 py-1 text-sm text-blue-700 hover:bg-blue-50"
                        to={`/accounts/${accountId}/namespaces/${encodeURIComponent(ns.id)}/ingresses`}
                        data-testid="namespace-ingresses"
                      >
                        {t('ingress.short')}
                      </Link>
                    ) : null}
                    <Button
                      variant="ghost"
                      disabledReason={needs('operator')}
                      onClick={() => setOpen({ kind: 'edit', namespace: ns })}
                      data-testid="namespace-edit"
                    >
                      {t('namespaces.edit')}
                    </Button>
                    {has('namespaceVpc') ? (
                      <Button
                        variant="ghost"
                        disabledReason={needs('admin')}
                        onClick={() => setOpen({ kind: 'vpc', namespace: ns })}
                        data-testid="namespace-vpc-open"
                      >
                        {t('app.vpc')}
                      </Button>
                    ) : null}
                    <Button
                      variant="ghost"
                      disabledReason={needs('admin')}
                      onClick={() => setOpen({ kind: 'delete', namespace: ns })}
                      data-testid="namespace-delete"
                    >
                      {t('namespaces.delete')}
                    </Button>
                  </span>
                </Td>
              </tr>
            ))
          )}
        </Table>
      ) : null}
      {open?.kind === 'create' ? (
        <NamespaceFormDialog accountId={accountId} regionId={regionId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <NamespaceFormDialog
          accountId={accountId}
          regionId={regionId}
          namespace={open.namespace}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'vpc' ? (
        <NamespaceVpcDialog accountId={accountId} namespace={open.namespace} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteNamespaceDialog
          accountId={accountId}
          namespace={open.namespace}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
