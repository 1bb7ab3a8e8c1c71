import type { Rollout } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { useRolloutAction } from './api';
import { isStale } from './stale';
import type { RolloutVocabulary } from './vocabulary';

/**
 * Says exactly which batch is released and how many instances it touches, sends the batch id the operator
 * saw, and disables itself while the request is in flight.
 */
export function ConfirmDialog({
  accountId,
  rollout,
  words,
  onClose,
  onStale,
}: {
  accountId: string;
  rollout: Rollout;
  words: RolloutVocabulary;
  /** `followUp`: the rollout the confirm started, where it started one (AOS: the retry's execution). */
  onClose: (released?: number, followUp?: string) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const action = useRolloutAction(accountId, rollout.id);
  // The key is fixed for the life of the dialog: a retry after a lost answer is the same confirmation.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [batch] = useState(rollout.waitingBatch);
  if (!batch) return null;
  const vars = {
    index: batch.index,
    count: rollout.batchCount,
    id: rollout.id,
    instances: batch.instanceCount,
    name: batch.name,
  };

  const submit = () =>
    action.mutate(
      { kind: 'confirm', batchId: batch.id, idempotencyKey },
      {
        onSuccess: (result) => onClose(batch.index, result.followUpRolloutId),
        onError: (error) => {
          if (isStale(error)) onStale();
        },
      },
    );

  return (
    <Dialog
      title={t(words.confirmTitle, vars)}
      onClose={() => onClose()}
      busy={action.isPending}
      testId="confirm-dialog"
    >
      <p>{t(words.confirmBody, vars)}</p>
      <p className="mt-2">{t('confirm.health', rollout.health)}</p>
      {action.error && !isStale(action.error) ? (
        <div className="mt-3">
          <ErrorPanel error={action.error} />
        </div>
      ) : null}
      <DialogActions>
        <Button onClick={() => onClose()} disabled={action.isPending}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" onClick={submit} disabled={action.isPending} data-testid="confirm-submit">
          {action.isPending ? t('common.sending') : t(words.confirmSubmit, vars)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
