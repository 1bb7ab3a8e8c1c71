import type { ChangeOrderRef } from '@console/contract';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { useI18n } from '../../../i18n/i18n';
import { type LifecycleAction, useLifecycleAction } from '../api';

/**
 * The frame every lifecycle action shares: a form, one upstream call, the cloud's error shown as it came,
 * and the change order it started handed to `onDone`.
 */
export function LifecycleDialog({
  accountId,
  appId,
  title,
  submitLabel,
  danger = false,
  canSubmit = true,
  action,
  onClose,
  onDone,
  testId,
  children,
}: {
  accountId: string;
  appId: string;
  title: string;
  submitLabel: string;
  danger?: boolean;
  canSubmit?: boolean;
  /** Builds the action from the form, or returns a message naming what is wrong with it. */
  action: () => LifecycleAction | string;
  onClose: () => void;
  onDone: (ref: ChangeOrderRef) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const mutation = useLifecycleAction(accountId, appId);
  let invalid: string | undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = action();
    if (typeof built === 'string') return;
    mutation.mutate(built, { onSuccess: onDone });
  };
  const preview = action();
  if (typeof preview === 'string') invalid = preview;
  return (
    <Dialog title={title} onClose={onClose} busy={mutation.isPending} testId={testId}>
      <form onSubmit={submit} className="space-y-3">
        {children}
        {invalid && invalid !== '' ? (
          <p className="text-sm text-red-700" role="alert" data-testid="form-problem">
            {invalid}
          </p>
        ) : null}
        {mutation.error ? <ErrorPanel error={mutation.error} /> : null}
        <DialogActions>
          <Button onClick={onClose} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant={danger ? 'danger' : 'primary'}
            disabled={mutation.isPending || !canSubmit || invalid !== undefined}
            data-testid={`${testId}-submit`}
          >
            {mutation.isPending ? t('common.sending') : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
