import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';
import { ErrorPanel } from './ErrorPanel';

/** One question before a destructive action: what happens, the cloud's answer if it fails, cancel or go. */
export function ConfirmActionDialog({
  title,
  children,
  confirmLabel,
  pending,
  error,
  onCancel,
  onConfirm,
  testId,
  confirmTestId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
  testId: string;
  confirmTestId: string;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={title} onClose={onCancel} busy={pending} testId={testId}>
      {children}
      {error ? <ErrorPanel error={error} /> : null}
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" disabled={pending} onClick={onConfirm} data-testid={confirmTestId}>
          {pending ? t('common.sending') : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
