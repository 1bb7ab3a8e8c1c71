import type { ApplicationDetail, ChangeOrderRef, Version } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import { LifecycleDialog } from './LifecycleDialog';

export function RollbackDialog({
  accountId,
  app,
  version,
  onClose,
  onDone,
}: {
  accountId: string;
  app: ApplicationDetail;
  version: Version;
  onClose: () => void;
  onDone: (ref: ChangeOrderRef) => void;
}) {
  const { t } = useI18n();
  const [batches, setBatches] = useState('1');
  const [releaseType, setReleaseType] = useState<'auto' | 'manual'>('auto');
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={t('rollback.title', { name: app.name })}
      submitLabel={t('rollback.submit')}
      testId="rollback"
      onClose={onClose}
      onDone={onDone}
      action={() => {
        const n = Number(batches);
        if (!Number.isInteger(n) || n < 1 || n > 50)
          return t('form.range', { field: t('deploy.batches'), min: 1, max: 50 });
        return {
          kind: 'rollback',
          body: {
            versionId: version.id,
            strategy: { type: 'BatchUpdate', batches: n, releaseType, batchWaitMinutes: 0 },
          },
        };
      }}
    >
      <p>{t('rollback.to', { version: version.id })}</p>
      <p className="break-all text-xs text-slate-500">{version.imageUrl ?? version.packageUrl}</p>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('deploy.batches')}>
          <input
            className={inputClass}
            type="number"
            min={1}
            max={50}
            value={batches}
            onChange={(e) => setBatches(e.target.value)}
            data-testid="rollback-batches"
          />
        </Field>
        <Field label={t('deploy.releaseType')}>
          <select
            className={inputClass}
            value={releaseType}
            onChange={(e) => setReleaseType(e.target.value as typeof releaseType)}
            data-testid="rollback-release-type"
          >
            <option value="auto">{t('deploy.release.auto')}</option>
            <option value="manual">{t('deploy.release.manual')}</option>
          </select>
        </Field>
      </div>
    </LifecycleDialog>
  );
}
