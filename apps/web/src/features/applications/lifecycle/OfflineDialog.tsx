import type { ApplicationDetail } from '@console/contract';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { LifecycleDialog } from './LifecycleDialog';

/** OfflineAppEnvironment: the instances go, the environment's record stays; its claims only if asked. */
export function OfflineDialog({
  accountId,
  app,
  onClose,
  onDone,
}: {
  accountId: string;
  app: ApplicationDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [deletePvc, setDeletePvc] = useState(false);
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={app.id}
      title={`${t('lifecycle.offline')} · ${app.name}`}
      submitLabel={t('lifecycle.offline')}
      danger
      testId="offline-dialog"
      onClose={onClose}
      onDone={onDone}
      action={() => ({ kind: 'offline', body: deletePvc ? { deletePvc: true } : {} })}
    >
      <p>{t('lifecycle.confirmOffline', { name: app.name, count: app.runningInstances })}</p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={deletePvc}
          onChange={(e) => setDeletePvc(e.target.checked)}
          data-testid="offline-delete-pvc"
        />
        {t('lifecycle.offlineDeletePvc')}
      </label>
    </LifecycleDialog>
  );
}
