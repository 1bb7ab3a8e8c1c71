import type { ConfigMap } from '@console/contract';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useRole } from '../auth/api';
import { useConfigMapChange, useConfigMaps } from './api';
import { ConfigMapDialog } from './ConfigMapDialog';

function DeleteConfigMapDialog({
  accountId,
  configMap,
  onClose,
}: {
  accountId: string;
  configMap: ConfigMap;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useConfigMapChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('configMaps.deleteTitle', { name: configMap.name })}
      confirmLabel={t('namespaces.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'delete', id: configMap.id }, { onSuccess: onClose })}
      testId="config-map-delete-dialog"
      confirmTestId="config-map-delete-submit"
    >
      <p>{t('configMaps.deleteBody')}</p>
    </ConfirmActionDialog>
  );
}

/** The config maps of a namespace: their keys, who mounts them, and editing of their data. */
export function ConfigMapsPage() {
  const { accountId = '', namespaceId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const configMaps = useConfigMaps(accountId, namespaceId);
  const [open, setOpen] = useState<
    { kind: 'create' } | { kind: 'edit' | 'delete'; configMap: ConfigMap } | null
  >(null);
  const blocked = hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' });
  return (
    <section>
      <Link to={`/accounts/${accountId}/namespaces`} className="text-sm text-blue-700 hover:underline">
        ← {t('namespaces.title')}
      </Link>
      <div className="mt-1 mb-4 flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('configMaps.title', { id: namespaceId })}</h1>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={blocked}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="config-map-create"
        >
          {t('configMaps.create')}
        </Button>
      </div>
      {configMaps.error ? (
        <ErrorPanel error={configMaps.error} onRetry={() => void configMaps.refetch()} />
      ) : null}
      {configMaps.isPending ? (
        <Loading />
      ) : configMaps.data ? (
        <Table
          testId="config-maps-table"
          head={[
            t('configMaps.name'),
            t('configMaps.keys'),
            t('configMaps.mountedBy'),
            t('configMaps.updated'),
            t('namespaces.actions'),
          ]}
        >
          {configMaps.data.length === 0 ? (
            <EmptyRow colSpan={5}>{t('common.empty')}</EmptyRow>
          ) : (
            configMaps.data.map((c) => (
              <tr key={c.id} data-testid="config-map-row">
                <Td>
                  <span className="font-medium">{c.name}</span>{' '}
                  <code className="text-xs text-slate-500">{c.id}</code>
                  {c.description ? <p className="text-xs text-slate-500">{c.description}</p> : null}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {Object.keys(c.data).map((key) => (
                      <code key={key} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                        {key}
                      </code>
                    ))}
                  </span>
                </Td>
                <Td>
                  {c.relatedApps.length === 0 ? (
                    <span className="text-slate-500">{t('configMaps.notMounted')}</span>
                  ) : (
                    <span className="flex flex-wrap gap-2" data-testid="config-map-apps">
                      {c.relatedApps.map((a) => (
                        <Link
                          key={a.appId}
                          to={`/accounts/${accountId}/applications/${a.appId}`}
                          className="text-blue-700 hover:underline"
                        >
                          {a.appName}
                        </Link>
                      ))}
                    </span>
                  )}
                </Td>
                <Td>{formatTime(c.updateTime ?? c.createTime)}</Td>
                <Td>
                  <span className="flex gap-1">
                    <Button
                      variant="ghost"
                      disabledReason={blocked}
                      onClick={() => setOpen({ kind: 'edit', configMap: c })}
                      data-testid="config-map-edit"
                    >
                      {t('namespaces.edit')}
                    </Button>
                    <Button
                      variant="ghost"
                      disabledReason={
                        blocked ??
                        (c.relatedApps.length > 0
                          ? t('configMaps.mounted', { count: c.relatedApps.length })
                          : undefined)
                      }
                      onClick={() => setOpen({ kind: 'delete', configMap: c })}
                      data-testid="config-map-delete"
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
        <ConfigMapDialog accountId={accountId} namespaceId={namespaceId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <ConfigMapDialog
          accountId={accountId}
          namespaceId={namespaceId}
          configMap={open.configMap}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteConfigMapDialog
          accountId={accountId}
          configMap={open.configMap}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
