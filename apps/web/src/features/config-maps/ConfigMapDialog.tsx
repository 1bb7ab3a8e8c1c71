import type { ConfigMap } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field, inputBase, inputClass } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { useConfigMapChange } from './api';

const KEY = /^[-._a-zA-Z0-9]{1,253}$/;

interface Entry {
  key: string;
  value: string;
}

/** Create a config map, or edit the data of one, as key/value rows. */
export function ConfigMapDialog({
  accountId,
  namespaceId,
  configMap,
  onClose,
}: {
  accountId: string;
  namespaceId: string;
  configMap?: ConfigMap;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useConfigMapChange(accountId);
  const [name, setName] = useState(configMap?.name ?? '');
  const [description, setDescription] = useState(configMap?.description ?? '');
  const [entries, setEntries] = useState<Entry[]>(
    configMap
      ? Object.entries(configMap.data).map(([key, value]) => ({ key, value }))
      : [{ key: '', value: '' }],
  );
  const keys = entries.map((e) => e.key);
  const problem =
    !configMap && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)
      ? t('configMaps.nameRule')
      : /\s/.test(description)
        ? t('configMaps.descriptionRule')
        : entries.length === 0
          ? t('configMaps.oneKey')
          : keys.some((k) => !KEY.test(k))
            ? t('configMaps.keyRule')
            : new Set(keys).size !== keys.length
              ? t('configMaps.duplicateKey')
              : undefined;

  const submit = () => {
    const data = Object.fromEntries(entries.map((e) => [e.key, e.value]));
    const desc = description ? { description } : {};
    change.mutate(
      configMap
        ? { kind: 'update', id: configMap.id, body: { data, ...desc } }
        : { kind: 'create', namespaceId, body: { name, data, ...desc } },
      { onSuccess: onClose },
    );
  };
  const set = (index: number, patch: Partial<Entry>) =>
    setEntries(entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <FormDialog
      title={configMap ? t('configMaps.editTitle', { name: configMap.name }) : t('configMaps.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={configMap ? t('namespaces.save') : t('configMaps.create')}
      submitTestId="config-map-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="config-map-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {configMap ? null : (
          <Field label={t('configMaps.name')} hint={t('configMaps.nameRule')}>
            <input
              className={inputClass}
              value={name}
              maxLength={64}
              onChange={(e) => setName(e.target.value)}
              data-testid="config-map-name"
            />
          </Field>
        )}
        <Field label={t('namespaces.description')} hint={t('configMaps.descriptionRule')}>
          <input
            className={inputClass}
            value={description}
            maxLength={255}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="config-map-description"
          />
        </Field>
      </div>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="w-1/3 pr-2 font-medium">{t('configMaps.key')}</th>
            <th className="pr-2 font-medium">{t('configMaps.value')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a key may be blank or repeated while typed
            <tr key={index} className="align-top" data-testid="config-map-entry">
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-full font-mono`}
                  value={entry.key}
                  onChange={(e) => set(index, { key: e.target.value })}
                  data-testid="config-map-key"
                />
              </td>
              <td className="py-1 pr-2">
                <textarea
                  className={`${inputBase} w-full font-mono`}
                  rows={Math.min(6, Math.max(1, entry.value.split('\n').length))}
                  value={entry.value}
                  onChange={(e) => set(index, { value: e.target.value })}
                  data-testid="config-map-value"
                />
              </td>
              <td className="py-1">
                <Button variant="ghost" onClick={() => setEntries(entries.filter((_, i) => i !== index))}>
                  {t('scaling.removeSchedule')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        onClick={() => setEntries([...entries, { key: '', value: '' }])}
        disabled={entries.length >= 100}
        data-testid="config-map-add"
      >
        {t('configMaps.addKey')}
      </Button>
    </FormDialog>
  );
}
