import type { ChangeOrderRef } from '@console/contract';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { LifecycleDialog } from './LifecycleDialog';

const texts = {
  start: { body: 'lifecycle.confirmStart', submit: 'lifecycle.start' },
  stop: { body: 'lifecycle.confirmStop', submit: 'lifecycle.stop' },
  restart: { body: 'lifecycle.confirmRestart', submit: 'lifecycle.restart' },
} satisfies Record<string, { body: MessageKey; submit: MessageKey }>;

/** Start, stop and restart: no form, one question. */
export function SimpleActionDialog({
  accountId,
  appId,
  appName,
  kind,
  onClose,
  onDone,
}: {
  accountId: string;
  appId: string;
  appName: string;
  kind: 'start' | 'stop' | 'restart';
  onClose: () => void;
  onDone: (ref: ChangeOrderRef) => void;
}) {
  const { t } = useI18n();
  return (
    <LifecycleDialog
      accountId={accountId}
      appId={appId}
      title={`${t(texts[kind].submit)} · ${appName}`}
      submitLabel={t(texts[kind].submit)}
      danger={kind === 'stop'}
      testId={`${kind}-dialog`}
      onClose={onClose}
      onDone={onDone}
      action={() => ({ kind })}
    >
      <p>{t(texts[kind].body, { name: appName })}</p>
    </LifecycleDialog>
  );
}
