import type { ConfigMap } from '@console/contract';
import { useState } from 'react';
import { inputBase, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { RowsEditor } from '../../components/RowsEditor';
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
          <TextField
            label={t('configMaps.name')}
            hint={t('configMaps.nameRule')}
            value={name}
            maxLength={64}
            onChange={setName}
            testId="config-map-name"
          />
        )}
        <TextField
          label={t('namespaces.description')}
          hint={t('configMaps.descriptionRule')}
          value={description}
          maxLength={255}
          onChange={setDescription}
          testId="config-map-description"
        />
      </div>
      <RowsEditor
        columns={[
          {
            head: t('configMaps.key'),
            headClassName: 'w-1/3',
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full font-mono`}
                value={r.key}
                onChange={(e) => set({ key: e.target.value })}
                data-testid="config-map-key"
              />
            ),
          },
          {
            head: t('configMaps.value'),
            cell: (r, set) => (
              <textarea
                className={`${inputBase} w-full font-mono`}
                rows={Math.min(6, Math.max(1, r.value.split('\n').length))}
                value={r.value}
                onChange={(e) => set({ value: e.target.value })}
                data-testid="config-map-value"
              />
            ),
          },
        ]}
        rows={entries}
        onChange={setEntries}
        newRow={{ key: '', value: '' }}
        max={100}
        rowClassName="align-top"
        rowTestId="config-map-entry"
        removeLabel={t('scaling.removeSchedule')}
        addLabel={t('configMaps.addKey')}
        addTestId="config-map-add"
      />
    </FormDialog>
  );
}
