import type { ApplicationDetail, ChangeOrderRef } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { useI18n } from '../../../i18n/i18n';
import { useSpecifications } from '../api';
import { LifecycleDialog } from './LifecycleDialog';

/** CPU and memory are chosen among the combinations the account offers (DescribeInstanceSpecifications). */
export function ResizeDialog({
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
  const specs = useSpecifications(accountId);
  const [choice, setChoice] = useState(`${app.config.cpu}/${app.config.memory}`);
  const [cpu, memory] = choice.split('/').map(Number);
  const unchanged = cpu === app.config.cpu && memory === app.config.memory;
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={t('resize.title', { name: app.name })}
      submitLabel={t('resize.submit')}
      testId="resize"
      canSubmit={!unchanged}
      onClose={onClose}
      onDone={onDone}
      action={() => ({ kind: 'resize', body: { cpu: cpu ?? 0, memory: memory ?? 0 } })}
    >
      <Field label={t('resize.spec')}>
        <select
          className={inputClass}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          data-testid="resize-spec"
        >
          {(specs.data ?? [])
            .filter((s) => s.enabled)
            .map((s) => (
              <option key={s.id} value={`${s.cpu}/${s.memory}`}>
                {t('app.cpuValue', { cores: s.cpu / 1000 })} ·{' '}
                {t('app.memoryValue', { gib: s.memory / 1024 })} ({s.name})
              </option>
            ))}
          {specs.data?.some((s) => s.cpu === app.config.cpu && s.memory === app.config.memory) ? null : (
            <option value={`${app.config.cpu}/${app.config.memory}`}>
              {t('app.cpuValue', { cores: app.config.cpu / 1000 })} ·{' '}
              {t('app.memoryValue', { gib: app.config.memory / 1024 })}
            </option>
          )}
        </select>
      </Field>
    </LifecycleDialog>
  );
}
