import type { Role } from '@console/contract';
import { type FormEvent, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, inputClass } from '../../components/Field';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useJobs, useRunJob } from './api';

const badge: Record<string, string> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  unknown: 'unknown',
};

/** Run a job from this job template and watch the jobs this console started. */
export function JobsPanel({ accountId, appId, role }: { accountId: string; appId: string; role: Role }) {
  const { t } = useI18n();
  const jobs = useJobs(accountId, appId);
  const run = useRunJob(accountId, appId);
  const [command, setCommand] = useState('');
  const [args, setArgs] = useState('');
  // One event id per submitted form: a retried request does not start a second job.
  const [eventId, setEventId] = useState(newIdempotencyKey);
  const blocked = hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(
      {
        eventId,
        ...(command.trim() ? { command: command.trim() } : {}),
        ...(args.trim() ? { commandArgs: args.trim() } : {}),
      },
      { onSuccess: () => setEventId(newIdempotencyKey()) },
    );
  };

  return (
    <div className="space-y-4">
      <form
        onSubmit={submit}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <Field label={t('jobs.command')} hint={t('jobs.commandHint')}>
          <input
            className={inputClass}
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            maxLength={1024}
            data-testid="job-command"
          />
        </Field>
        <Field label={t('jobs.args')}>
          <input
            className={inputClass}
            value={args}
            onChange={(e) => setArgs(e.target.value)}
            maxLength={4096}
            data-testid="job-args"
          />
        </Field>
        <Button
          type="submit"
          variant="primary"
          disabledReason={blocked}
          disabled={run.isPending}
          data-testid="job-run"
        >
          {run.isPending ? t('common.sending') : t('jobs.run')}
        </Button>
      </form>
      {run.error ? <ErrorPanel error={run.error} /> : null}
      {jobs.error ? <ErrorPanel error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      {jobs.isPending ? (
        <Loading />
      ) : jobs.data ? (
        <Table
          testId="jobs-table"
          head={[
            t('jobs.id'),
            t('jobs.state'),
            t('jobs.counts'),
            t('jobs.started'),
            t('jobs.finished'),
            t('jobs.by'),
            t('jobs.message'),
          ]}
        >
          {jobs.data.length === 0 ? (
            <EmptyRow colSpan={7}>{t('jobs.none')}</EmptyRow>
          ) : (
            jobs.data.map((j) => (
              <tr key={j.jobId} data-testid="job-row">
                <Td>
                  <code className="text-xs">{j.jobId}</code>
                </Td>
                <Td>
                  <StatusBadge
                    status={badge[j.state] ?? 'unknown'}
                    native={j.nativeState ? `State ${j.nativeState}` : undefined}
                    testId="job-state"
                  />
                </Td>
                <Td>
                  {t('jobs.countsValue', { active: j.active, succeeded: j.succeeded, failed: j.failed })}
                </Td>
                <Td>{formatTime(j.startTime)}</Td>
                <Td>{formatTime(j.completionTime)}</Td>
                <Td>{j.startedBy ?? '—'}</Td>
                <Td className="text-xs">{j.message ?? ''}</Td>
              </tr>
            ))
          )}
        </Table>
      ) : null}
    </div>
  );
}
