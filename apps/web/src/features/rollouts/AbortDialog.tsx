import type { Rollout, RolloutActionResult } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { newIdempotencyKey } from '../../lib/api-client';
import { useRolloutAction } from './api';
import { isStale } from './stale';
import type { RolloutVocabulary } from './vocabulary';

export function AbortDialog({
  accountId,
  rollout,
  kind,
  words,
  onClose,
  onStale,
}: {
  accountId: string;
  rollout: Rollout;
  kind: 'abort' | 'abort-and-rollback';
  words: RolloutVocabulary;
  onClose: (result?: RolloutActionResult) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const action = useRolloutAction(accountId, rollout.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // Where stopping acts on one batch, it is bound to the batch shown when the dialog opened.
  const [batchId] = useState(() => (words.abortBindsBatch ? rollout.waitingBatch?.id : undefined));
  const rollback = kind === 'abort-and-rollback';
  const text = rollback
    ? { title: 'abortRollback.title', body: 'abortRollback.body', submit: 'abortRollback.submit' }
    : { title: words.abortTitle, body: words.abortBody, submit: words.abortSubmit };
  const submit = () =>
    action.mutate(
      kind === 'abort' && batchId ? { kind, idempotencyKey, batchId } : { kind, idempotencyKey },
      {
        onSuccess: (result) => onClose(result),
        onError: (error) => {
          if (isStale(error)) onStale();
        },
      },
    );
  return (
    <Dialog
      title={t(text.title as MessageKey, { id: rollout.id })}
      onClose={() => onClose()}
      busy={action.isPending}
      testId="action-dialog"
    >
      <p>{t(text.body as MessageKey)}</p>
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
          variant="danger"
          onClick={submit}
          disabled={action.isPending}
          data-testid="action-dialog-submit"
        >
          {action.isPending ? t('common.sending') : t(text.submit as MessageKey)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
