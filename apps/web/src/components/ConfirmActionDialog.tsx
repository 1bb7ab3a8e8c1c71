import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';
import { ErrorPanel } from './ErrorPanel';
import { Field, inputClass } from './Field';

/** For the most destructive actions: the object's name is typed out before the action can be sent. */
export interface TypedName {
  name: string;
  label: string;
  testId: string;
  /** Said while what is typed is not the name yet; without it, only the disabled button says so. */
  problem?: string;
}

export interface ConfirmActionDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
  testId: string;
  confirmTestId: string;
  typedName?: TypedName;
  confirmBlocked?: string | undefined;
}

/**
 * One question before a destructive action: what happens, the cloud's answer if it fails, cancel or go.
 * With `typedName` the question is a form that sends only once the name is typed exactly (the BFF checks
 * it again); `confirmBlocked` holds the action back and says why, e.g. while a group still has apps.
 */
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
  typedName,
  confirmBlocked,
}: ConfirmActionDialogProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const mismatch = typedName !== undefined && typed !== typedName.name;
  const content = (
    <>
      {children}
      {typedName ? (
        <Field label={typedName.label}>
          <input
            className={inputClass}
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            data-testid={typedName.testId}
          />
        </Field>
      ) : null}
      {typedName?.problem && mismatch ? (
        <p className="text-sm text-red-700" role="alert" data-testid="form-problem">
          {typedName.problem}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button
          type={typedName ? 'submit' : 'button'}
          variant="danger"
          disabled={pending || mismatch}
          disabledReason={confirmBlocked}
          onClick={typedName ? undefined : onConfirm}
          data-testid={confirmTestId}
        >
          {pending ? t('common.sending') : confirmLabel}
        </Button>
      </DialogActions>
    </>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch && !confirmBlocked) onConfirm();
  };
  return (
    <Dialog title={title} onClose={onCancel} busy={pending} testId={testId}>
      {typedName ? (
        <form onSubmit={submit} className="space-y-3">
          {content}
        </form>
      ) : (
        content
      )}
    </Dialog>
  );
}
