import type { RcDeployConfig } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { inputBase, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { rcChange, useRcApps, useRcChange, useRcConfigs, useRcEnvs } from './api';
import { blockedFor, type PickedAppTabProps } from './parts';

type Workload = 'deployment' | 'statefulSet' | 'cronJob';
const WORKLOADS: Workload[] = ['deployment', 'statefulSet', 'cronJob'];

const workloadOf = (c: RcDeployConfig): Workload | undefined => WORKLOADS.find((w) => c[w] !== '');

/** Create or edit a deploy config as plain YAML; the BFF Base64-encodes it for the cloud. */
function DeployConfigDialog({
  accountId,
  rcAppId,
  stateful,
  config,
  onClose,
}: {
  accountId: string;
  rcAppId: string;
  stateful: boolean;
  config?: RcDeployConfig;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [name, setName] = useState(config?.name ?? '');
  const [envType, setEnvType] = useState<'test' | 'online'>(config?.envType === 'online' ? 'online' : 'test');
  const [codePath, setCodePath] = useState(config?.codePath ?? '');
  const [workload, setWorkload] = useState<Workload>(
    (config && workloadOf(config)) ?? (stateful ? 'statefulSet' : 'deployment'),
  );
  const [yaml, setYaml] = useState(
    config && workloadOf(config) ? config[workloadOf(config) as Workload] : '',
  );
  const [configMaps, setConfigMaps] = useState<string[]>(config?.configMapList ?? []);

  const problem =
    !config && name.trim() === ''
      ? t('rcApps.config.nameRequired')
      : configMaps.some((c) => c.trim() === '')
        ? t('rcApps.config.emptyConfigMap')
        : undefined;

  const submit = () => {
    const body = {
      codePath,
      ...(yaml.trim() ? { [workload]: yaml } : {}),
      configMapList: configMaps,
    };
    change.mutate(
      config
        ? rcChange.updateConfig(rcAppId, config.id, body)
        : rcChange.createConfig(rcAppId, { ...body, name: name.trim(), envType }),
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={config ? t('rcApps.config.editTitle', { name: config.name }) : t('rcApps.config.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={config ? t('rcApps.save') : t('rcApps.config.create')}
      submitTestId="rc-config-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-config-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {config ? null : (
          <>
            <TextField
              label={t('rcApps.config.name')}
              value={name}
              maxLength={64}
              onChange={setName}
              testId="rc-config-name"
            />
            <SelectField
              label={t('rcApps.config.envType')}
              value={envType}
              onChange={(v) => setEnvType(v as 'test' | 'online')}
              testId="rc-config-env-type"
            >
              <option value="test">{t('rcApps.env.type0')} (test)</option>
              <option value="online">{t('rcApps.env.type1')} (online)</option>
            </SelectField>
          </>
        )}
        <TextField
          label={t('rcApps.config.codePath')}
          hint={t('rcApps.config.codePathHint')}
          value={codePath}
          maxLength={255}
          onChange={setCodePath}
          testId="rc-config-code-path"
        />
      </div>
      <SelectField
        label={t('rcApps.config.workload')}
        hint={t('rcApps.config.workloadHint')}
        value={workload}
        onChange={(v) => setWorkload(v as Workload)}
        testId="rc-config-workload"
      >
        {WORKLOADS.map((w) => (
          <option key={w} value={w}>
            {w === 'deployment' ? 'Deployment' : w === 'statefulSet' ? 'StatefulSet' : 'CronJob'}
          </option>
        ))}
      </SelectField>
      <textarea
        className={`${inputBase} h-56 w-full font-mono text-xs`}
        value={yaml}
        spellCheck={false}
        aria-label={t('rcApps.config.yaml')}
        placeholder="apiVersion: apps/v1"
        onChange={(e) => setYaml(e.target.value)}
        data-testid="rc-config-yaml"
      />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t('rcApps.config.configMaps')}</legend>
        <p className="mb-2 text-xs text-slate-500">{t('rcApps.config.configMapsHint')}</p>
        {configMaps.map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and have no name of their own
          <div key={index} className="mb-2 flex gap-2">
            <textarea
              className={`${inputBase} h-28 flex-1 font-mono text-xs`}
              value={text}
              spellCheck={false}
              aria-label={t('rcApps.config.configMapN', { n: index + 1 })}
              onChange={(e) => setConfigMaps(configMaps.map((c, i) => (i === index ? e.target.value : c)))}
              data-testid="rc-config-configmap"
            />
            <Button variant="ghost" onClick={() => setConfigMaps(configMaps.filter((_, i) => i !== index))}>
              {t('rcApps.remove')}
            </Button>
          </div>
        ))}
        <Button
          onClick={() =>
            setConfigMaps([...configMaps, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \ndata:\n'])
          }
          disabled={configMaps.length >= 20}
          data-testid="rc-config-configmap-add"
        >
          {t('rcApps.config.addConfigMap')}
        </Button>
      </fieldset>
      {config && config.secretCount > 0 ? (
        <p className="text-xs text-slate-500">{t('rcApps.config.secrets', { count: config.secretCount })}</p>
      ) : null}
    </FormDialog>
  );
}

function DeleteConfigDialog({
  accountId,
  rcAppId,
  config,
  onClose,
}: {
  accountId: string;
  rcAppId: string;
  config: RcDeployConfig;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('rcApps.config.deleteTitle', { name: config.name })}
      confirmLabel={t('rcApps.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate(rcChange.deleteConfig(rcAppId, config.id), { onSuccess: onClose })}
      testId="rc-config-delete-dialog"
      confirmTestId="rc-config-delete-submit"
    >
      <p>{t('rcApps.config.deleteBody')}</p>
    </ConfirmActionDialog>
  );
}

/** The deploy configs of the app picked (`?app=`): the YAML its environments deploy. */
export function DeployConfigsTab({ accountId, role, selected, onSelect }: PickedAppTabProps) {
  const { t } = useI18n();
  const apps = useRcApps(accountId);
  const rcAppId = selected || apps.data?.[0]?.appId || '';
  const configs = useRcConfigs(accountId, rcAppId);
  const envs = useRcEnvs(accountId, rcAppId);
  const app = apps.data?.find((a) => a.appId === rcAppId);
  const [open, setOpen] = useState<
    { kind: 'create' } | { kind: 'edit' | 'delete'; config: RcDeployConfig } | null
  >(null);
  const blocked = blockedFor(role, t);
  const usedBy = (id: string) => (envs.data ?? []).filter((e) => e.appSchemaId === id).map((e) => e.envName);

  return (
    <div>
      <SectionHeader
        title={t('rcApps.config.title')}
        action={{
          label: t('rcApps.config.create'),
          testId: 'rc-config-create',
          disabledReason: blocked ?? (rcAppId ? undefined : t('rcApps.config.pickApp')),
          onClick: () => setOpen({ kind: 'create' }),
        }}
      >
        <select
          className={inputBase}
          value={rcAppId}
          aria-label={t('rcApps.config.app')}
          onChange={(e) => onSelect(e.target.value)}
          data-testid="rc-config-app"
        >
          {(apps.data ?? []).map((a) => (
            <option key={a.appId} value={a.appId}>
              {a.title}
            </option>
          ))}
        </select>
      </SectionHeader>
      {apps.error ? <ErrorPanel error={apps.error} /> : null}
      {configs.error ? <ErrorPanel error={configs.error} onRetry={() => void configs.refetch()} /> : null}
      {apps.isPending || (rcAppId && configs.isPending) ? (
        <Loading />
      ) : (
        <DataTable
          testId="rc-configs-table"
          head={[
            t('rcApps.config.name'),
            t('rcApps.config.envType'),
            t('rcApps.config.workload'),
            t('rcApps.config.codePath'),
            t('rcApps.config.configMaps'),
            t('rcApps.config.usedBy'),
            t('rcApps.actions'),
          ]}
          rows={configs.data ?? []}
          row={(c) => {
            const users = usedBy(c.id);
            const kind = workloadOf(c);
            return (
              <tr key={c.id} data-testid="rc-config-row">
                <Td>
                  <span className="font-medium">{c.name}</span>{' '}
                  <code className="text-xs text-slate-500">{c.id}</code>
                </Td>
                <Td>
                  <code className="text-xs">{c.envType}</code>
                </Td>
                <Td>
                  {kind ? (
                    <details>
                      <summary className="cursor-pointer">
                        {kind === 'deployment'
                          ? 'Deployment'
                          : kind === 'statefulSet'
                            ? 'StatefulSet'
                            : 'CronJob'}
                      </summary>
                      <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">
                        {c[kind]}
                      </pre>
                    </details>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td>
                  <code className="text-xs">{c.codePath || t('rcApps.config.noPackage')}</code>
                </Td>
                <Td>{c.configMapList.length}</Td>
                <Td>{users.length ? users.join(', ') : '—'}</Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('rcApps.edit'),
                        testId: 'rc-config-edit',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'edit', config: c }),
                      },
                      {
                        label: t('rcApps.delete'),
                        testId: 'rc-config-delete',
                        disabledReason:
                          blocked ??
                          (users.length ? t('rcApps.config.inUse', { envs: users.join(', ') }) : undefined),
                        onClick: () => setOpen({ kind: 'delete', config: c }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            );
          }}
        />
      )}
      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <DeployConfigDialog
          accountId={accountId}
          rcAppId={rcAppId}
          stateful={app?.appStateType === 'stateful'}
          {...(open.kind === 'edit' ? { config: open.config } : {})}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteConfigDialog
          accountId={accountId}
          rcAppId={rcAppId}
          config={open.config}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
