import type { Rollout, RolloutActionResult } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { useRolloutAction } from './api';
import { isStale } from './stale';

export function AbortDialog({
  accountId,
  rollout,
  kind,
  onClose,
  onStale,
}: {
  accountId: string;
  rollout: Rollout;
  kind: 'abort' | 'abort-and-rollback';
  onClose: (result?: RolloutActionResult) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const action = useRolloutAction(accountId, rollout.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const rollback = kind === 'abort-and-rollback';
  const submit = () =>
    action.mutate(
      { kind, idempotencyKey },
      {
        onSuccess: (result) => onClose(result),
        onError: (error) => {
          if (isStale(error)) onStale();
        },
      },
    );
  return (
    <Dialog
      title={t(rollback ? 'abortRollback.title' : 'abort.title', { id: rollout.id })}
      onClose={() => onClose()}
      busy={action.isPending}
      testId="action-dialog"
    >
      <p>{t(rollback ? 'abortRollback.body' : 'abort.body')}</p>
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
          {action.isPending ? t('common.sending') : t(rollback ? 'abortRollback.submit' : 'abort.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
