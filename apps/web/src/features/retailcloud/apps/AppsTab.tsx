import type { RcAppDetail, RcEnvironment, Role } from '@console/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { AppDialog } from './AppDialog';
import { rcChange, useRcApp, useRcApps, useRcChange, useRcConfigs, useRcEnvs } from './api';
import { EnvDialog } from './EnvDialog';
import { blockedFor, enumLabel, Native, type PickedAppTabProps, TypedDeleteDialog } from './parts';

function DeleteAppDialog({
  accountId,
  app,
  onClose,
  onDeleted,
}: {
  accountId: string;
  app: RcAppDetail;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  return (
    <TypedDeleteDialog
      title={t('rcApps.app.deleteTitle', { name: app.title })}
      warning={t('rcApps.app.deleteWarning')}
      forceLabel={t('rcApps.app.force')}
      name={app.title}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={(force) =>
        change.mutate(rcChange.deleteApp(app.appId, app.title, force), {
          onSuccess: () => {
            onClose();
            onDeleted();
          },
        })
      }
      testId="rc-app-delete"
    />
  );
}

function DeleteEnvDialog({
  accountId,
  env,
  onClose,
}: {
  accountId: string;
  env: RcEnvironment;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  return (
    <TypedDeleteDialog
      title={t('rcApps.env.deleteTitle', { name: env.envName })}
      warning={t('rcApps.env.deleteWarning')}
      forceLabel={t('rcApps.env.force')}
      name={env.envName}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={(force) =>
        change.mutate(rcChange.deleteEnv(env.appId, env.envId, env.envName, force), { onSuccess: onClose })
      }
      testId="rc-env-delete"
    />
  );
}

/** One app: its user roles and its environments, each a console application. */
function AppPanel({
  accountId,
  rcAppId,
  role,
  onDeleted,
}: {
  accountId: string;
  rcAppId: string;
  role: Role;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const app = useRcApp(accountId, rcAppId);
  const envs = useRcEnvs(accountId, rcAppId);
  const configs = useRcConfigs(accountId, rcAppId);
  const [open, setOpen] = useState<
    | { kind: 'edit-app' | 'delete-app' }
    | { kind: 'create-env' }
    | { kind: 'edit-env' | 'delete-env'; env: RcEnvironment }
    | null
  >(null);
  const blocked = blockedFor(role, t);
  const configName = (id: string) => configs.data?.find((c) => c.id === id)?.name ?? id;
  // Once loaded, the panel stays (with its dialogs) while a refetch fails, e.g. right after a delete.
  if (!app.data)
    return app.error ? <ErrorPanel error={app.error} onRetry={() => void app.refetch()} /> : <Loading />;
  const a = app.data;
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="rc-app-panel">
      <div className="flex items-center gap-3">
        <h2 className="text-xl font-semibold" data-testid="rc-app-panel-title">
          {a.title}
        </h2>
        <code className="text-xs text-slate-500">AppId {a.appId}</code>
        <span className="ml-auto flex gap-2">
          <Button
            disabledReason={blocked}
            onClick={() => setOpen({ kind: 'edit-app' })}
            data-testid="rc-app-edit"
          >
            {t('rcApps.edit')}
          </Button>
          <Button
            variant="danger"
            disabledReason={blocked}
            onClick={() => setOpen({ kind: 'delete-app' })}
            data-testid="rc-app-delete-open"
          >
            {t('rcApps.delete')}
          </Button>
        </span>
      </div>
      {a.description ? <p className="mt-1 text-sm text-slate-600">{a.description}</p> : null}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">{t('rcApps.app.bizTitle')}</dt>
        <dd>{a.bizTitle || '—'}</dd>
        <dt className="text-slate-500">{t('rcApps.app.deployType')}</dt>
        <dd>{a.deployType}</dd>
        <dt className="text-slate-500">{t('rcApps.app.os')}</dt>
        <dd>{a.operatingSystem}</dd>
        <dt className="text-slate-500">{t('rcApps.app.serviceType')}</dt>
        <dd>{enumLabel(t, 'rcApps.serviceType', a.serviceType)}</dd>
      </dl>
      <h3 className="mt-4 mb-1 text-sm font-semibold text-slate-700">{t('rcApps.app.userRoles')}</h3>
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="rc-app-roles">
        {a.userRoles.map((r) => (
          <li key={`${r.userType}/${r.userId}/${r.roleName}`} className="rounded bg-slate-100 px-2 py-0.5">
            <span className="font-medium">{r.roleName}</span> {r.realName || r.userId}{' '}
            <span className="text-xs text-slate-500">{r.userType}</span>
          </li>
        ))}
      </ul>

      <SectionHeader
        title={t('rcApps.env.title')}
        action={{
          label: t('rcApps.env.create'),
          testId: 'rc-env-create',
          disabledReason: blocked ?? (configs.data?.length === 0 ? t('rcApps.env.needsConfig') : undefined),
          onClick: () => setOpen({ kind: 'create-env' }),
        }}
      />
      <QueryView query={envs} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-envs-table"
            head={[
              t('rcApps.env.name'),
              t('rcApps.env.type'),
              t('rcApps.env.region'),
              t('rcApps.env.replicas'),
              t('rcApps.env.config'),
              t('rcApps.actions'),
            ]}
            rows={rows}
            empty={t('rcApps.env.none')}
            row={(e) => (
              <tr key={e.id} data-testid="rc-env-row">
                <Td>
                  <Link
                    to={`/accounts/${accountId}/applications/${e.id}`}
                    className="font-medium text-blue-700 hover:underline"
                  >
                    {e.envName}
                  </Link>{' '}
                  <code className="text-xs text-slate-500">{e.id}</code>
                </Td>
                <Td>
                  {e.envType === 1 ? t('rcApps.env.type1') : t('rcApps.env.type0')}
                  <Native>EnvType {e.envType}</Native>
                </Td>
                <Td>{e.region}</Td>
                <Td>
                  <span data-testid="rc-env-replicas-cell">{e.replicas ?? '—'}</span>
                </Td>
                <Td>{configName(e.appSchemaId)}</Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('rcApps.edit'),
                        testId: 'rc-env-edit',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'edit-env', env: e }),
                      },
                      {
                        label: t('rcApps.delete'),
                        testId: 'rc-env-delete-open',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'delete-env', env: e }),
                      },
                    ]}
                  >
                    <Link
                      to={`/accounts/${accountId}/applications/${e.id}?tab=ops`}
                      className="px-3 py-1.5 text-sm font-medium text-blue-700 hover:underline"
                    >
                      {t('rcApps.env.ops')}
                    </Link>
                  </RowActions>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {open?.kind === 'edit-app' ? (
        <AppDialog accountId={accountId} app={a} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete-app' ? (
        <DeleteAppDialog accountId={accountId} app={a} onClose={() => setOpen(null)} onDeleted={onDeleted} />
      ) : null}
      {open?.kind === 'create-env' ? (
        <EnvDialog accountId={accountId} rcAppId={rcAppId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit-env' ? (
        <EnvDialog accountId={accountId} rcAppId={rcAppId} env={open.env} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete-env' ? (
        <DeleteEnvDialog accountId={accountId} env={open.env} onClose={() => setOpen(null)} />
      ) : null}
    </section>
  );
}

/** Every app of the account; the one picked (`?app=`) is shown below with its environments. */
export function AppsTab({ accountId, role, selected, onSelect }: PickedAppTabProps) {
  const { t } = useI18n();
  const apps = useRcApps(accountId);
  const [creating, setCreating] = useState(false);
  const blocked = blockedFor(role, t);
  return (
    <div>
      <SectionHeader
        title={t('rcApps.app.list')}
        action={{
          label: t('rcApps.app.create'),
          testId: 'rc-app-create',
          disabledReason: blocked,
          onClick: () => setCreating(true),
        }}
      />
      <QueryView query={apps} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-apps-table"
            head={[
              t('rcApps.app.title'),
              t('rcApps.app.bizCode'),
              t('rcApps.app.language'),
              t('rcApps.app.serviceType'),
              t('rcApps.app.appStateType'),
            ]}
            rows={rows}
            row={(a) => (
              <tr
                key={a.appId}
                data-testid="rc-app-row"
                className={a.appId === selected ? 'bg-blue-50' : undefined}
              >
                <Td>
                  <button
                    type="button"
                    className="font-medium text-blue-700 hover:underline"
                    onClick={() => onSelect(a.appId)}
                    aria-pressed={a.appId === selected}
                    data-testid="rc-app-open"
                  >
                    {a.title}
                  </button>{' '}
                  <code className="text-xs text-slate-500">{a.appId}</code>
                  {a.description ? <p className="text-xs text-slate-500">{a.description}</p> : null}
                </Td>
                <Td>
                  {enumLabel(t, 'rcApps.biz', a.bizName)}
                  <Native>{a.bizName}</Native>
                </Td>
                <Td>{a.language}</Td>
                <Td>{enumLabel(t, 'rcApps.serviceType', a.serviceType)}</Td>
                <Td>{a.appStateType}</Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {selected ? (
        <AppPanel accountId={accountId} rcAppId={selected} role={role} onDeleted={() => onSelect('')} />
      ) : null}
      {creating ? (
        <AppDialog accountId={accountId} onClose={() => setCreating(false)} onCreated={onSelect} />
      ) : null}
    </div>
  );
}
