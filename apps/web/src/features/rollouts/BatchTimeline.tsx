import type { Batch, Rollout } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useAccountFeatures } from '../accounts/api';
import { useBatch } from './api';
import { PodLogDialog } from './PodLogDialog';

/** Only a batch that has ended has an end time; the clouds stamp pending ones too. */
const ENDED: ReadonlySet<Batch['status']> = new Set(['succeeded', 'failed', 'aborted']);

const dot: Record<string, string> = {
  succeeded: 'bg-emerald-500 border-emerald-500',
  running: 'bg-blue-500 border-blue-500 animate-pulse',
  failed: 'bg-red-500 border-red-500',
  aborted: 'bg-orange-500 border-orange-500',
  pending: 'bg-white border-slate-300',
};

function BatchTasks({ accountId, rolloutId, batch }: { accountId: string; rolloutId: string; batch: Batch }) {
  const { t } = useI18n();
  const detail = useBatch(accountId, rolloutId, batch.id, batch.status === 'running');
  const podLogs = useAccountFeatures(accountId)('podDeployLog');
  const [logOf, setLogOf] = useState<string | null>(null);
  if (!detail.data) return null;
  return (
    <ol className="mt-2 space-y-2 border-l border-slate-200 pl-3 text-xs">
      {detail.data.stages.map((stage) => (
        <li key={stage.id}>
          <span className="font-medium">{stage.name}</span>{' '}
          <code className="text-slate-500">status {stage.status}</code>
          {podLogs ? (
            <Button variant="ghost" onClick={() => setLogOf(stage.id)} data-testid="pod-log-open">
              {t('podLog.open')}
            </Button>
          ) : null}
          <ul className="mt-1 space-y-0.5">
            {stage.tasks.map((task) => (
              <li key={task.id} className={task.errorMessage ? 'text-red-700' : 'text-slate-600'}>
                {task.name} <code>({task.status})</code>
                {task.message ? ` — ${task.message}` : ''}
                {task.errorCode ? ` — ${task.errorCode}: ${task.errorMessage ?? ''}` : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
      {logOf ? (
        <PodLogDialog
          accountId={accountId}
          rolloutId={rolloutId}
          podName={logOf}
          onClose={() => setLogOf(null)}
        />
      ) : null}
    </ol>
  );
}

/** A batch name that only says its number (`第2批`, SAE's `第2批变更`, `Batch 2 Change`): not repeated. */
const ORDINAL_NAME = /^(第\s*\d+\s*批(变更)?|Batch \d+( Change)?)$/;

/** The batches of a change order, in order, each with its state and, on demand, its steps. */
export function BatchTimeline({ accountId, rollout }: { accountId: string; rollout: Rollout }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const steps = useAccountFeatures(accountId)('batchSteps');
  return (
    <ol className="space-y-3" data-testid="batch-timeline">
      {rollout.batches.map((batch) => {
        const waiting = rollout.waitingBatch?.id === batch.id;
        return (
          <li
            key={batch.id}
            data-testid="batch-step"
            data-status={batch.status}
            data-waiting={waiting ? 'true' : undefined}
            className={`rounded-lg border bg-white p-3 ${waiting ? 'border-amber-400 ring-2 ring-amber-200' : 'border-slate-200'}`}
          >
            <div className="flex flex-wrap items-center gap-3">
              <span
                className={`size-3 rounded-full border-2 ${dot[batch.status] ?? dot.pending}`}
                aria-hidden
              />
              {ORDINAL_NAME.test(batch.name) ? (
                <span className="font-medium" title={batch.name}>
                  {t('rollout.batchN', { index: batch.index })}
                </span>
              ) : (
                <span className="font-medium">
                  {t('rollout.batchN', { index: batch.index })} · {batch.name}
                </span>
              )}
              <StatusBadge status={waiting ? 'waiting' : batch.status} native={String(batch.nativeStatus)} />
              <span className="text-xs text-slate-500" data-testid="batch-times">
                {batch.startTime && batch.status !== 'pending' ? formatTime(batch.startTime) : ''}
                {batch.updateTime && ENDED.has(batch.status) ? ` → ${formatTime(batch.updateTime)}` : ''}
              </span>
              {steps ? (
                <Button
                  variant="ghost"
                  className="ml-auto"
                  onClick={() => setOpen(open === batch.id ? null : batch.id)}
                  data-testid="batch-show-steps"
                >
                  {open === batch.id ? t('rollout.hideTasks') : t('rollout.showTasks')}
                </Button>
              ) : null}
            </div>
            {open === batch.id ? (
              <BatchTasks accountId={accountId} rolloutId={rollout.id} batch={batch} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
