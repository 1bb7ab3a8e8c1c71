import type { ApplicationDetail, ChangeOrderRef } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import { LifecycleDialog } from './LifecycleDialog';

export function ScaleDialog({
  accountId,
  app,
  partitioned = false,
  onClose,
  onDone,
}: {
  accountId: string;
  app: ApplicationDetail;
  /** The product scales through an order in partitions (Retail Cloud's ScaleApp). */
  partitioned?: boolean;
  onClose: () => void;
  onDone: (ref: ChangeOrderRef) => void;
}) {
  const { t } = useI18n();
  const [replicas, setReplicas] = useState(String(app.config.replicas));
  const [partitions, setPartitions] = useState('2');
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
        if (!partitioned) return { kind: 'scale', body: { replicas: n } };
        const p = Number(partitions);
        if (!Number.isInteger(p) || p < 1 || p > 50)
          return t('form.range', { field: t('scale.partitions'), min: 1, max: 50 });
        return { kind: 'scale', body: { replicas: n, partitions: p } };
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
      {partitioned ? (
        <Field label={t('scale.partitions')} hint={t('scale.partitionsHint')}>
          <input
            className={inputClass}
            type="number"
            min={1}
            max={50}
            value={partitions}
            onChange={(e) => setPartitions(e.target.value)}
            data-testid="scale-partitions"
          />
        </Field>
      ) : null}
    </LifecycleDialog>
  );
}
