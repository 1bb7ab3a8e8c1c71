import type { ApplicationDetail, ChangeOrderRef } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import { LifecycleDialog } from './LifecycleDialog';

export function ScaleDialog({
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
  const [replicas, setReplicas] = useState(String(app.config.replicas));
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={t('scale.title', { name: app.name })}
      submitLabel={t('scale.submit')}
      testId="scale"
      onClose={onClose}
      onDone={onDone}
      action={() => {
        const n = Number(replicas);
        if (replicas === '' || !Number.isInteger(n) || n < 0 || n > 50)
          return t('form.range', { field: t('scale.replicas'), min: 0, max: 50 });
        return { kind: 'scale', body: { replicas: n } };
      }}
    >
      <Field label={t('scale.replicas')} hint={t('scale.current', { count: app.config.replicas })}>
        <input
          className={inputClass}
          type="number"
          min={0}
          max={50}
          value={replicas}
          onChange={(e) => setReplicas(e.target.value)}
          data-testid="scale-replicas"
        />
      </Field>
    </LifecycleDialog>
  );
}
