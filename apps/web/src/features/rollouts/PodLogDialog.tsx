import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { usePodLog } from './api';

/** What one instance did in this rollout: each deploy step with its log, and the pod's events. */
export function PodLogDialog({
  accountId,
  rolloutId,
  podName,
  onClose,
}: {
  accountId: string;
  rolloutId: string;
  podName: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const log = usePodLog(accountId, rolloutId, podName);
  return (
    <Dialog title={t('podLog.title', { pod: podName })} onClose={onClose} testId="pod-log-dialog">
      {log.error ? <ErrorPanel error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.isPending ? (
        <Loading />
      ) : log.data ? (
        <div className="max-h-[65vh] space-y-4 overflow-auto">
          {log.data.steps.length === 0 ? (
            <p className="text-sm text-slate-500">{t('podLog.noSteps')}</p>
          ) : null}
          {log.data.steps.map((step) => (
            <section key={step.code} data-testid="pod-log-step">
              <h3 className="text-sm font-medium">
                {step.name} <code className="text-xs text-slate-500">{step.code}</code>{' '}
                <code className={`text-xs ${step.status === 'FAIL' ? 'text-red-700' : 'text-slate-500'}`}>
                  {step.status}
                </code>
              </h3>
              <pre className="mt-1 rounded-md bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100">
                {step.log || '—'}
              </pre>
            </section>
          ))}
          <h3 className="text-sm font-medium">{t('podLog.events')}</h3>
          <Table
            testId="pod-events"
            head={[
              t('events.type'),
              t('events.reason'),
              t('events.message'),
              t('podLog.count'),
              t('events.last'),
            ]}
          >
            {log.data.events.length === 0 ? (
              <EmptyRow colSpan={5}>{t('podLog.noEvents')}</EmptyRow>
            ) : (
              log.data.events.map((e) => (
                <tr key={`${e.reason}-${e.lastTimestamp ?? ''}-${e.message}`}>
                  <Td>{e.type}</Td>
                  <Td>
                    <code className="text-xs">{e.reason}</code>
                  </Td>
                  <Td>{e.message}</Td>
                  <Td>{e.count}</Td>
                  <Td>{formatTime(e.lastTimestamp)}</Td>
                </tr>
              ))
            )}
          </Table>
        </div>
      ) : null}
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
