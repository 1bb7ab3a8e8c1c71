import type { Rollout } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { useRolloutAction } from './api';
import { isStale } from './stale';

/**
 * Holds the waiting batch longer (an AS lifecycle hook's EXTEND adds one hour), bound to the batch shown
 * when the dialog opened and sent with one idempotency key however often it is retried.
 */
export function ExtendDialog({
  accountId,
  rollout,
  onClose,
  onStale,
}: {
  accountId: string;
  rollout: Rollout;
  onClose: (extended?: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const action = useRolloutAction(accountId, rollout.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [batch] = useState(rollout.waitingBatch);
  if (!batch) return null;
  const submit = () =>
    action.mutate(
      { kind: 'extend', batchId: batch.id, idempotencyKey },
      {
        onSuccess: () => onClose(true),
        onError: (error) => {
          if (isStale(error)) onStale();
        },
      },
    );
  return (
    <Dialog
      title={t('extend.title', { name: batch.name })}
      onClose={() => onClose()}
      busy={action.isPending}
      testId="extend-dialog"
    >
      <p>{t('extend.body', { id: batch.id })}</p>
      {action.error && !isStale(action.error) ? (
        <div className="mt-3">
          <ErrorPanel error={action.error} />
        </div>
      ) : null}
      <DialogActions>
        <Button onClick={() => onClose()} disabled={action.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="primary"
          onClick={submit}
          disabled={action.isPending}
          data-testid="extend-dialog-submit"
        >
          {action.isPending ? t('common.sending') : t('extend.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
