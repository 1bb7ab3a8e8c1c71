import type { ApplicationDetail, ChangeOrderRef, PauseType } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import type { DeployInput } from '../api';
import { LifecycleDialog } from './LifecycleDialog';

type Source = 'images' | 'package' | 'config';
type Strategy = 'offline_old_then_online_new' | 'online_new_then_offline_old';

/**
 * A deploy order in partitions (Retail Cloud's DeployApp): what to deploy, how many partitions, and where
 * it pauses for an operator to resume it.
 */
export function PartitionDeployDialog({
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
  const [source, setSource] = useState<Source>(app.config.packageUrl ? 'package' : 'images');
  const [images, setImages] = useState(app.config.imageUrl ?? '');
  const [packageUrl, setPackageUrl] = useState(app.config.packageUrl ?? '');
  const [name, setName] = useState(
    () => `${app.name} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
  );
  const [partitions, setPartitions] = useState(String(Math.min(3, Math.max(1, app.config.replicas))));
  const [pauseType, setPauseType] = useState<PauseType>('each');
  const [strategy, setStrategy] = useState<Strategy>('offline_old_then_online_new');
  const [arms, setArms] = useState(false);
  const [description, setDescription] = useState('');

  const build = (): DeployInput | string => {
    if (!name.trim()) return t('form.required', { field: t('pdeploy.name') });
    const n = Number(partitions);
    if (!Number.isInteger(n) || n < 1 || n > 50)
      return t('form.range', { field: t('pdeploy.partitions'), min: 1, max: 50 });
    const imageList = images
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (source === 'images' && imageList.length === 0)
      return t('form.required', { field: t('pdeploy.images') });
    if (source === 'package' && !/^https?:\/\/\S+$/.test(packageUrl.trim()))
      return t('pdeploy.packageUrlInvalid');
    return {
      name: name.trim(),
      partitions: n,
      pauseType,
      updateStrategyType: strategy,
      ...(source === 'images' ? { images: imageList } : {}),
      ...(source === 'package' ? { packageUrl: packageUrl.trim() } : {}),
      ...(arms ? { arms: true } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
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
        return typeof built === 'string' ? built : { kind: 'deploy', body: built };
      }}
    >
      <p className="text-slate-600">{t('pdeploy.hint')}</p>
      <Field label={t('pdeploy.name')}>
        <input
          className={inputClass}
          value={name}
          maxLength={128}
          onChange={(e) => setName(e.target.value)}
          data-testid="deploy-name"
        />
      </Field>
      <Field label={t('pdeploy.source')}>
        <select
          className={inputClass}
          value={source}
          onChange={(e) => setSource(e.target.value as Source)}
          data-testid="deploy-source"
        >
          <option value="images">{t('pdeploy.source.images')}</option>
          <option value="package">{t('pdeploy.source.package')}</option>
          <option value="config">{t('pdeploy.source.config')}</option>
        </select>
      </Field>
      {source === 'images' ? (
        <Field label={t('pdeploy.images')} hint={t('pdeploy.imagesHint')}>
          <textarea
            className={`${inputClass} font-mono`}
            rows={2}
            value={images}
            onChange={(e) => setImages(e.target.value)}
            data-testid="deploy-images"
          />
        </Field>
      ) : null}
      {source === 'package' ? (
        <Field label={t('deploy.packageUrl')}>
          <input
            className={inputClass}
            type="url"
            value={packageUrl}
            onChange={(e) => setPackageUrl(e.target.value)}
            data-testid="deploy-package-url"
          />
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('pdeploy.partitions')} hint={t('pdeploy.partitionsHint')}>
          <input
            className={inputClass}
            type="number"
            min={1}
            max={50}
            value={partitions}
            onChange={(e) => setPartitions(e.target.value)}
            data-testid="deploy-partitions"
          />
        </Field>
        <Field label={t('pdeploy.pauseType')}>
          <select
            className={inputClass}
            value={pauseType}
            onChange={(e) => setPauseType(e.target.value as PauseType)}
            data-testid="deploy-pause-type"
          >
            <option value="each">{t('pdeploy.pause.each')}</option>
            <option value="first">{t('pdeploy.pause.first')}</option>
            <option value="none">{t('pdeploy.pause.none')}</option>
          </select>
        </Field>
      </div>
      <Field label={t('pdeploy.strategy')}>
        <select
          className={inputClass}
          value={strategy}
          onChange={(e) => setStrategy(e.target.value as Strategy)}
          data-testid="deploy-update-strategy"
        >
          <option value="offline_old_then_online_new">{t('pdeploy.strategy.offlineFirst')}</option>
          <option value="online_new_then_offline_old">{t('pdeploy.strategy.onlineFirst')}</option>
        </select>
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={arms}
          onChange={(e) => setArms(e.target.checked)}
          data-testid="deploy-arms"
        />
        {t('pdeploy.arms')}
      </label>
      <Field label={t('deploy.description')}>
        <input
          className={inputClass}
          value={description}
          maxLength={255}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="deploy-description"
        />
      </Field>
    </LifecycleDialog>
  );
}
