import type { ApplicationDetail, ChangeOrderRef } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import { LifecycleDialog } from './LifecycleDialog';

/** Deleting needs the application's name typed out; the BFF checks it again. */
export function DeleteDialog({
  accountId,
  app,
  onClose,
  onDone,
}: {
  accountId: string;
  app: ApplicationDetail;
  onClose: () => void;
  onDone: (ref: ChangeOrderRef) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={t('delete.title', { name: app.name })}
      submitLabel={t('delete.submit')}
      danger
      canSubmit={typed === app.name}
      testId="delete"
      onClose={onClose}
      onDone={onDone}
      action={() => ({ kind: 'delete', body: { confirmName: typed } })}
    >
      <p className="font-medium text-red-800">{t('delete.warning')}</p>
      <Field label={t('delete.typeName', { name: app.name })}>
        <input
          className={inputClass}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          data-testid="delete-confirm-name"
        />
      </Field>
    </LifecycleDialog>
  );
}
