import type { ApplicationDetail, ChangeOrderRef } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import type { DeployInput } from '../api';
import { LifecycleDialog } from './LifecycleDialog';

/** New image or package, in batches: how many, and whether each waits for an operator. */
export function DeployDialog({
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
  const isImage = app.config.packageType.toLowerCase().includes('image') || Boolean(app.config.imageUrl);
  const [imageUrl, setImageUrl] = useState(app.config.imageUrl ?? '');
  const [packageUrl, setPackageUrl] = useState(app.config.packageUrl ?? '');
  const [packageVersion, setPackageVersion] = useState('');
  const [type, setType] = useState<'BatchUpdate' | 'GrayBatchUpdate'>('BatchUpdate');
  const [batches, setBatches] = useState(String(Math.min(2, Math.max(1, app.config.replicas))));
  const [releaseType, setReleaseType] = useState<'auto' | 'manual'>('manual');
  const [batchWait, setBatchWait] = useState('0');
  const [grayInstances, setGrayInstances] = useState('1');
  const [minReady, setMinReady] = useState(
    app.config.minReadyInstances === undefined ? '' : String(app.config.minReadyInstances),
  );
  const [description, setDescription] = useState('');

  const build = (): { deploy: DeployInput } | string => {
    const n = Number(batches);
    if (!Number.isInteger(n) || n < 1 || n > 50)
      return t('form.range', { field: t('deploy.batches'), min: 1, max: 50 });
    const wait = Number(batchWait);
    if (!Number.isInteger(wait) || wait < 0 || wait > 1440)
      return t('form.range', { field: t('deploy.batchWait'), min: 0, max: 1440 });
    const gray = Number(grayInstances);
    if (type === 'GrayBatchUpdate' && (!Number.isInteger(gray) || gray < 1 || gray > 50))
      return t('form.range', { field: t('deploy.grayInstances'), min: 1, max: 50 });
    const ready = minReady === '' ? undefined : Number(minReady);
    if (ready !== undefined && (!Number.isInteger(ready) || ready < -1 || ready > 50))
      return t('form.range', { field: t('deploy.minReady'), min: -1, max: 50 });
    if (isImage && !imageUrl.trim()) return t('form.required', { field: t('deploy.imageUrl') });
    if (!isImage && !packageUrl.trim()) return t('form.required', { field: t('deploy.packageUrl') });
    return {
      deploy: {
        ...(isImage
          ? { imageUrl: imageUrl.trim() }
          : {
              packageUrl: packageUrl.trim(),
              ...(packageVersion.trim() ? { packageVersion: packageVersion.trim() } : {}),
            }),
        strategy: {
          type,
          batches: n,
          releaseType,
          batchWaitMinutes: releaseType === 'auto' ? wait : 0,
          ...(type === 'GrayBatchUpdate' ? { grayInstances: gray } : {}),
        },
        ...(ready !== undefined ? { minReadyInstances: ready } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      },
    };
  };

  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={t('deploy.title', { name: app.name })}
      submitLabel={t('deploy.submit')}
      testId="deploy"
      onClose={onClose}
      onDone={onDone}
      action={() => {
        const built = build();
        return typeof built === 'string' ? built : { kind: 'deploy', body: built.deploy };
      }}
    >
      <p className="text-slate-600">{t('deploy.hint')}</p>
      {isImage ? (
        <Field label={t('deploy.imageUrl')}>
          <input
            className={inputClass}
            value={imageUrl}
            onChange={(e) => setImageUrl(e.target.value)}
            maxLength={512}
            required
            data-testid="deploy-image-url"
          />
        </Field>
      ) : (
        <>
          <Field label={t('deploy.packageUrl')}>
            <input
              className={inputClass}
              type="url"
              value={packageUrl}
              onChange={(e) => setPackageUrl(e.target.value)}
              required
              data-testid="deploy-package-url"
            />
          </Field>
          <Field label={t('deploy.packageVersion')}>
            <input
              className={inputClass}
              value={packageVersion}
              onChange={(e) => setPackageVersion(e.target.value)}
              maxLength={128}
              data-testid="deploy-package-version"
            />
          </Field>
        </>
      )}
      <Field label={t('deploy.strategy')}>
        <select
          className={inputClass}
          value={type}
          onChange={(e) => setType(e.target.value as typeof type)}
          data-testid="deploy-strategy"
        >
          <option value="BatchUpdate">{t('deploy.strategy.BatchUpdate')}</option>
          <option value="GrayBatchUpdate">{t('deploy.strategy.GrayBatchUpdate')}</option>
        </select>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('deploy.batches')}>
          <input
            className={inputClass}
            type="number"
            min={1}
            max={50}
            value={batches}
            onChange={(e) => setBatches(e.target.value)}
            data-testid="deploy-batches"
          />
        </Field>
        {type === 'GrayBatchUpdate' ? (
          <Field label={t('deploy.grayInstances')}>
            <input
              className={inputClass}
              type="number"
              min={1}
              max={50}
              value={grayInstances}
              onChange={(e) => setGrayInstances(e.target.value)}
              data-testid="deploy-gray-instances"
            />
          </Field>
        ) : null}
      </div>
      <Field label={t('deploy.releaseType')}>
        <select
          className={inputClass}
          value={releaseType}
          onChange={(e) => setReleaseType(e.target.value as typeof releaseType)}
          data-testid="deploy-release-type"
        >
          <option value="manual">{t('deploy.release.manual')}</option>
          <option value="auto">{t('deploy.release.auto')}</option>
        </select>
      </Field>
      {releaseType === 'auto' ? (
        <Field label={t('deploy.batchWait')}>
          <input
            className={inputClass}
            type="number"
            min={0}
            max={1440}
            value={batchWait}
            onChange={(e) => setBatchWait(e.target.value)}
            data-testid="deploy-batch-wait"
          />
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('deploy.minReady')}>
          <input
            className={inputClass}
            type="number"
            min={-1}
            max={50}
            value={minReady}
            onChange={(e) => setMinReady(e.target.value)}
            data-testid="deploy-min-ready"
          />
        </Field>
        <Field label={t('deploy.description')}>
          <input
            className={inputClass}
            value={description}
            maxLength={255}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="deploy-description"
          />
        </Field>
      </div>
    </LifecycleDialog>
  );
}
