import type { Role, Service } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { hasRole } from '../../lib/roles';
import { useGreyRoute, useGreyRouteChange, useServices } from './api';
import { GreyRouteDialog } from './GreyRouteDialog';

function ServiceTable({ services, testId }: { services: Service[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table
      testId={testId}
      head={[t('services.name'), t('services.type'), t('grey.version'), t('grey.group'), t('services.ips')]}
    >
      {services.length === 0 ? (
        <EmptyRow colSpan={5}>{t('common.empty')}</EmptyRow>
      ) : (
        services.map((s) => (
          <tr key={`${s.name}@${s.version ?? ''}`} data-testid="service-row">
            <Td>
              <code className="text-xs">{s.name}</code>
            </Td>
            <Td>{s.type ?? '—'}</Td>
            <Td>{s.version ?? '—'}</Td>
            <Td>{s.groups.join(', ') || '—'}</Td>
            <Td className="text-xs">{s.ips.join(', ') || '—'}</Td>
          </tr>
        ))
      )}
    </Table>
  );
}

/** Services the application publishes and consumes, and its grey tag route. */
export function MicroservicesPanel({
  accountId,
  appId,
  role,
  greyRoutes,
}: {
  accountId: string;
  appId: string;
  role: Role;
  greyRoutes: boolean;
}) {
  const { t } = useI18n();
  const services = useServices(accountId, appId);
  const route = useGreyRoute(accountId, appId);
  const remove = useGreyRouteChange(accountId, appId);
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const blocked = hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' });
  return (
    <div className="space-y-5">
      {greyRoutes ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="grey-route">
          <div className="flex items-center gap-3">
            <h2 className="font-semibold">{t('grey.title')}</h2>
            {route.data ? (
              <>
                <Button
                  className="ml-auto"
                  disabledReason={blocked}
                  onClick={() => setOpen('edit')}
                  data-testid="grey-edit"
                >
                  {t('namespaces.edit')}
                </Button>
                <Button
                  variant="danger"
                  disabledReason={blocked}
                  onClick={() => setOpen('delete')}
                  data-testid="grey-delete"
                >
                  {t('namespaces.delete')}
                </Button>
              </>
            ) : (
              <Button
                variant="primary"
                className="ml-auto"
                disabledReason={blocked}
                onClick={() => setOpen('edit')}
                data-testid="grey-create"
              >
                {t('grey.createTitle')}
              </Button>
            )}
          </div>
          {route.error ? <ErrorPanel error={route.error} onRetry={() => void route.refetch()} /> : null}
          {route.isPending ? <Loading /> : null}
          {route.data === null ? <p className="mt-2 text-sm text-slate-500">{t('grey.none')}</p> : null}
          {route.data ? (
            <div className="mt-2 space-y-1 text-sm" data-testid="grey-summary">
              <p>
                <span className="font-medium">{route.data.name}</span>{' '}
                <code className="text-xs text-slate-500">{route.data.id}</code>
                {route.data.description ? ` · ${route.data.description}` : ''}
              </p>
              {route.data.scRules.map((r) => (
                <p key={r.path} className="font-mono text-xs">
                  {r.path}:{' '}
                  {r.items
                    .map((i) => `${i.type}.${i.name} ${i.cond} ${i.value}`)
                    .join(r.condition === 'AND' ? ' && ' : ' || ')}
                </p>
              ))}
              {route.data.dubboRules.map((r) => (
                <p key={`${r.serviceName}#${r.methodName}`} className="font-mono text-xs">
                  {r.serviceName}#{r.methodName}:{' '}
                  {r.items
                    .map((i) => `arg[${i.index}]${i.expr} ${i.cond} ${i.value}`)
                    .join(r.condition === 'AND' ? ' && ' : ' || ')}
                </p>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold">{t('services.published')}</h2>
        {services.error ? (
          <ErrorPanel error={services.error} onRetry={() => void services.refetch()} />
        ) : null}
        {services.data ? (
          <ServiceTable services={services.data.published} testId="published-services" />
        ) : (
          <Loading />
        )}
      </section>
      <section>
        <h2 className="mb-2 font-semibold">{t('services.consumed')}</h2>
        {services.data ? <ServiceTable services={services.data.consumed} testId="consumed-services" /> : null}
      </section>
      {open === 'edit' ? (
        <GreyRouteDialog
          accountId={accountId}
          appId={appId}
          route={route.data ?? null}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'delete' ? (
        <ConfirmActionDialog
          title={t('grey.deleteTitle')}
          confirmLabel={t('namespaces.delete')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setOpen(null)}
          onConfirm={() => remove.mutate({ kind: 'delete' }, { onSuccess: () => setOpen(null) })}
          testId="grey-delete-dialog"
          confirmTestId="grey-delete-submit"
        >
          <p>{t('grey.deleteBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
