import type { RcEnvironment } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { useI18n } from '../../../i18n/i18n';
import { rcChange, useRcChange, useRcConfigs } from './api';
import { optionalInt } from './parts';

/** The deploy-config EnvType that fits an environment's EnvType (0 test, 1 production). */
export const configEnvType = (envType: number) => (envType === 1 ? 'online' : 'test');

/** Create an environment of an app, or change the replicas and deploy config of one. */
export function EnvDialog({
  accountId,
  rcAppId,
  env,
  onClose,
}: {
  accountId: string;
  rcAppId: string;
  env?: RcEnvironment;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const configs = useRcConfigs(accountId, rcAppId);
  const [envName, setEnvName] = useState(env?.envName ?? '');
  const [envType, setEnvType] = useState<0 | 1>(env?.envType === 1 ? 1 : 0);
  const [appSchemaId, setAppSchemaId] = useState(env?.appSchemaId ?? '');
  const [replicas, setReplicas] = useState(String(env?.replicas ?? 1));
  const [region, setRegion] = useState('');
  const [clusterId, setClusterId] = useState('');
  const fitting = (configs.data ?? []).filter((c) => c.envType === configEnvType(envType));
  const count = optionalInt(replicas);

  const problem =
    !env && envName.trim() === ''
      ? t('rcApps.env.nameRequired')
      : count === undefined || Number.isNaN(count) || count > 1000
        ? t('rcApps.env.replicasRule')
        : appSchemaId === ''
          ? t('rcApps.env.pickConfig')
          : undefined;

  const submit = () => {
    if (count === undefined) return;
    if (env) {
      change.mutate(
        rcChange.updateEnv(rcAppId, env.envId, {
          replicas: count,
          ...(appSchemaId !== env.appSchemaId ? { appSchemaId } : {}),
        }),
        { onSuccess: onClose },
      );
      return;
    }
    change.mutate(
      rcChange.createEnv(rcAppId, {
        envName: envName.trim(),
        envType,
        appSchemaId,
        replicas: count,
        ...(region.trim() ? { region: region.trim() } : {}),
        ...(clusterId.trim() ? { clusterId: clusterId.trim() } : {}),
      }),
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={env ? t('rcApps.env.editTitle', { name: env.envName }) : t('rcApps.env.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={env ? t('rcApps.save') : t('rcApps.env.create')}
      submitTestId="rc-env-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-env-dialog"
    >
      {env ? null : (
        <>
          <TextField
            label={t('rcApps.env.name')}
            value={envName}
            maxLength={64}
            onChange={setEnvName}
            testId="rc-env-name"
          />
          <SelectField
            label={t('rcApps.env.type')}
            value={envType}
            onChange={(v) => {
              setEnvType(Number(v) as 0 | 1);
              setAppSchemaId('');
            }}
            testId="rc-env-type"
          >
            <option value={0}>{t('rcApps.env.type0')} (0)</option>
            <option value={1}>{t('rcApps.env.type1')} (1)</option>
          </SelectField>
        </>
      )}
      <SelectField
        label={t('rcApps.env.config')}
        hint={t('rcApps.env.configHint')}
        value={appSchemaId}
        onChange={setAppSchemaId}
        testId="rc-env-config"
      >
        <option value="">{t('rcApps.env.pickConfigOption')}</option>
        {fitting.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.id})
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('rcApps.env.replicas')}
        hint={t('rcApps.env.replicasHint')}
        inputMode="numeric"
        value={replicas}
        onChange={setReplicas}
        testId="rc-env-replicas"
      />
      {env ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('rcApps.env.region')} hint={t('rcApps.env.regionHint')}>
            <input className={inputClass} value={region} onChange={(e) => setRegion(e.target.value)} />
          </Field>
          <Field label={t('rcApps.env.cluster')} hint={t('rcApps.env.clusterHint')}>
            <input className={inputClass} value={clusterId} onChange={(e) => setClusterId(e.target.value)} />
          </Field>
        </div>
      )}
    </FormDialog>
  );
}
