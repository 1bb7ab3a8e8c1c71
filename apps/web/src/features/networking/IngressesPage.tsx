import type { Ingress, IngressSummary } from '@console/contract';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { hasRole } from '../../lib/roles';
import { useRole } from '../auth/api';
import { useIngress, useIngressChange, useIngresses } from './api';
import { IngressDialog } from './IngressDialog';

function EditIngress({
  accountId,
  namespaceId,
  id,
  onClose,
}: {
  accountId: string;
  namespaceId: string;
  id: string;
  onClose: () => void;
}) {
  const ingress = useIngress(accountId, id);
  if (ingress.error) return <ErrorPanel error={ingress.error} />;
  if (!ingress.data) return null;
  return (
    <IngressDialog
      accountId={accountId}
      namespaceId={namespaceId}
      ingress={ingress.data as Ingress}
      onClose={onClose}
    />
  );
}

function IngressRules({ accountId, id }: { accountId: string; id: string }) {
  const { t } = useI18n();
  const ingress = useIngress(accountId, id);
  if (!ingress.data) return null;
  const d = ingress.data;
  return (
    <ul className="space-y-0.5 text-xs" data-testid="ingress-rules">
      {d.rules.map((r) => (
        <li key={`${r.domain}${r.path}`}>
          <code>
            {r.domain}
            {r.path}
          </code>{' '}
          → {r.appName ?? r.appId}:{r.containerPort}
        </li>
      ))}
      {d.defaultRule ? (
        <li className="text-slate-500">
          {t('ingress.otherwise')} → {d.defaultRule.appName ?? d.defaultRule.appId}:
          {d.defaultRule.containerPort}
        </li>
      ) : null}
    </ul>
  );
}

/** Gateway routing of a namespace: listeners of a load balancer forwarding by domain and path. */
export function IngressesPage() {
  const { accountId = '', namespaceId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const ingresses = useIngresses(accountId, namespaceId);
  const remove = useIngressChange(accountId);
  const [open, setOpen] = useState<
    { kind: 'create' } | { kind: 'edit' | 'delete'; ingress: IngressSummary } | null
  >(null);
  const blocked = hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' });
  return (
    <section>
      <Link to={`/accounts/${accountId}/namespaces`} className="text-sm text-blue-700 hover:underline">
        ← {t('namespaces.title')}
      </Link>
      <div className="mt-1 mb-4 flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('ingress.title', { id: namespaceId })}</h1>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={blocked}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="ingress-create"
        >
          {t('ingress.create')}
        </Button>
      </div>
      {ingresses.error ? (
        <ErrorPanel error={ingresses.error} onRetry={() => void ingresses.refetch()} />
      ) : null}
      {ingresses.isPending ? (
        <Loading />
      ) : ingresses.data ? (
        <Table
          testId="ingresses-table"
          head={[t('ingress.name'), t('ingress.listener'), t('ingress.rules'), t('namespaces.actions')]}
        >
          {ingresses.data.length === 0 ? (
            <EmptyRow colSpan={4}>{t('common.empty')}</EmptyRow>
          ) : (
            ingresses.data.map((i) => (
              <tr key={i.id} data-testid="ingress-row">
                <Td>
                  <span className="font-medium">{i.description ?? i.name ?? i.id}</span>{' '}
                  <code className="text-xs text-slate-500">{i.id}</code>
                </Td>
                <Td>
                  <code className="text-xs">
                    {i.slbId} · {i.protocol ?? 'HTTP'}:{i.listenerPort}
                  </code>
                  {i.slbType ? <span className="ml-1 text-xs text-slate-500">({i.slbType})</span> : null}
                </Td>
                <Td>
                  <IngressRules accountId={accountId} id={i.id} />
                </Td>
                <Td>
                  <span className="flex gap-1">
                    <Button
                      variant="ghost"
                      disabledReason={blocked}
                      onClick={() => setOpen({ kind: 'edit', ingress: i })}
                      data-testid="ingress-edit"
                    >
                      {t('namespaces.edit')}
                    </Button>
                    <Button
                      variant="ghost"
                      disabledReason={blocked}
                      onClick={() => setOpen({ kind: 'delete', ingress: i })}
                      data-testid="ingress-delete"
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
        <IngressDialog accountId={accountId} namespaceId={namespaceId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <EditIngress
          accountId={accountId}
          namespaceId={namespaceId}
          id={open.ingress.id}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <ConfirmActionDialog
          title={t('ingress.deleteTitle', { id: open.ingress.id })}
          confirmLabel={t('namespaces.delete')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setOpen(null)}
          onConfirm={() =>
            remove.mutate({ kind: 'delete', id: open.ingress.id }, { onSuccess: () => setOpen(null) })
          }
          testId="ingress-delete-dialog"
          confirmTestId="ingress-delete-submit"
        >
          <p>{t('ingress.deleteBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </section>
  );
}
