import type { RolloutActionResult } from '@console/contract';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NativeValue } from '../../components/NativeValue';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useAccount, useAccountFeatures } from '../accounts/api';
import { useRole } from '../auth/api';
import { AbortDialog } from './AbortDialog';
import { UNFINISHED, useRollout } from './api';
import { BatchTimeline } from './BatchTimeline';
import { ConfirmDialog } from './ConfirmDialog';
import { ExtendDialog } from './ExtendDialog';
import { RolloutType } from './RolloutType';
import { rolloutVocabulary } from './vocabulary';

type Open = 'confirm' | 'extend' | 'abort' | 'abort-and-rollback' | null;

export function RolloutPage() {
  const { accountId = '', rolloutId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const navigate = useNavigate();
  const rollout = useRollout(accountId, rolloutId);
  const [open, setOpen] = useState<Open>(null);
  const has = useAccountFeatures(accountId);
  const words = rolloutVocabulary(useAccount(accountId)?.product);
  const [notice, setNotice] = useState<{ text: string; followUp?: string } | null>(null);

  if (rollout.isPending) return <Loading />;
  if (rollout.error && !rollout.data) {
    return <ErrorPanel error={rollout.error} onRetry={() => void rollout.refetch()} />;
  }
  const r = rollout.data;
  const live = UNFINISHED.has(r.status);
  const operator = hasRole(role, 'operator');
  const roleReason = operator ? undefined : t('common.requiresRole', { role: 'operator' });
  const reason = (state: { allowed: boolean; reason?: string | undefined; code?: string | undefined }) =>
    roleReason ??
    (state.allowed
      ? undefined
      : state.code
        ? t(`rollout.reason.${state.code}` as MessageKey)
        : (state.reason ?? '—'));

  const onStale = () => {
    setOpen(null);
    setNotice({ text: t('rollout.stale') });
  };
  const afterAbort = (result?: RolloutActionResult) => {
    setOpen(null);
    if (result?.followUpRolloutId) {
      setNotice({
        text: t('rollout.followUp', { id: result.followUpRolloutId }),
        followUp: result.followUpRolloutId,
      });
    }
  };

  return (
    <section className="space-y-5">
      <div>
        {r.appId ? (
          <Link
            to={`/accounts/${accountId}/applications/${r.appId}`}
            className="text-sm text-blue-700 hover:underline"
          >
            ← {r.appName ?? r.appId}
          </Link>
        ) : (
          // A namespace-wide change order (batch start or stop) belongs to no single application.
          <Link to={`/accounts/${accountId}/namespaces`} className="text-sm text-blue-700 hover:underline">
            ← {t('namespaces.title')}
          </Link>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{t(words.title, { id: r.id })}</h1>
          <StatusBadge
            status={r.status}
            native={r.nativeStatusName}
            nativeCode={r.nativeStatus}
            testId="rollout-status"
          />
          <span className="text-xs text-slate-500" aria-live="polite">
            {live ? t('common.liveRefresh') : ''} ·{' '}
            {t('common.updatedAt', { time: formatTime(rollout.dataUpdatedAt) })}
          </span>
        </div>
      </div>

      {rollout.error ? <ErrorPanel error={rollout.error} onRetry={() => void rollout.refetch()} /> : null}
      {notice ? (
        <div
          role="status"
          className="rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900"
          data-testid="rollout-notice"
        >
          {notice.text}{' '}
          {notice.followUp ? (
            <Button
              variant="ghost"
              onClick={() => navigate(`/accounts/${accountId}/rollouts/${notice.followUp}`)}
            >
              {t('rollout.openFollowUp')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t('rollout.type')}</dt>
          <dd>
            <RolloutType rollout={r} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('rollout.batchType')}</dt>
          <dd>
            {r.batchType} · {r.batchCount}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('rollout.created')}</dt>
          <dd data-testid="rollout-created">{formatTime(r.createTime)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('rollout.finished')}</dt>
          <dd>{formatTime(r.finishTime)}</dd>
        </div>
        {r.batchWaitMinutes !== undefined ? (
          <div>
            <dt className="text-slate-500">{t('rollout.batchWait')}</dt>
            <dd>{t('rollout.batchWaitValue', { minutes: r.batchWaitMinutes })}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-500">{t('rollout.nativeStatus')}</dt>
          <dd>
            <code>
              {r.nativeStatus} <NativeValue value={r.nativeStatusName} /> / sub {r.subStatus}
            </code>
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-slate-500">{t('rollouts.description')}</dt>
          <dd data-testid="rollout-description">
            {r.description ? <NativeValue value={r.description} kinds={words.descriptionKinds} /> : '—'}
          </dd>
        </div>
        {r.errorMessage ? (
          <div className="col-span-full text-red-800">
            <dt className="font-medium">{t('rollout.error')}</dt>
            <dd>{r.errorMessage}</dd>
          </div>
        ) : null}
      </dl>

      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="mr-auto text-sm">
          {r.waitingBatch ? (
            <p className="font-medium text-amber-900" data-testid="waiting-batch">
              {t('rollout.waitingBatch', {
                index: r.waitingBatch.index,
                count: r.batchCount,
                instances: r.waitingBatch.instanceCount,
              })}
            </p>
          ) : null}
          <p className="text-slate-600">{t('rollout.health', r.health)}</p>
          {live && roleReason ? <p className="text-slate-500">{roleReason}</p> : null}
          {live ? null : (
            // A finished rollout waits for no decision: it says how it ended instead of greyed-out buttons.
            <p className="font-medium text-slate-700" data-testid="rollout-finished">
              {t('rollout.over', {
                status: t(`status.${r.status}` as MessageKey),
                time: formatTime(r.finishTime),
              })}
            </p>
          )}
        </div>
        {live ? (
          <>
            <Button
              variant="primary"
              disabledReason={reason(r.actions.confirm)}
              onClick={() => setOpen('confirm')}
              data-testid="confirm-batch"
            >
              {t(words.confirm)}
            </Button>
            {r.actions.extend ? (
              <Button
                disabledReason={reason(r.actions.extend)}
                onClick={() => setOpen('extend')}
                data-testid="extend-batch"
              >
                {t('rollout.extend')}
              </Button>
            ) : null}
            <Button
              disabledReason={reason(r.actions.abort)}
              onClick={() => setOpen('abort')}
              data-testid="abort"
            >
              {t(words.abort)}
            </Button>
            {has('abortAndRollback') ? (
              <Button
                variant="danger"
                disabledReason={reason(r.actions.abortAndRollback)}
                onClick={() => setOpen('abort-and-rollback')}
                data-testid="abort-rollback"
              >
                {t(words.abortRollback)}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('rollout.batches')}</h2>
        <BatchTimeline accountId={accountId} rollout={r} />
      </div>

      {open === 'confirm' && r.waitingBatch ? (
        <ConfirmDialog
          accountId={accountId}
          rollout={r}
          words={words}
          onStale={onStale}
          onClose={(released, followUp) => {
            setOpen(null);
            if (followUp) {
              // The rollout shown is over (a retried execution stays failed): follow the one that runs now.
              setNotice({ text: t(words.confirmFollowUp, { id: followUp }) });
              navigate(`/accounts/${accountId}/rollouts/${followUp}`);
            } else if (released) setNotice({ text: t(words.confirmDone, { index: released }) });
          }}
        />
      ) : null}
      {open === 'extend' && r.waitingBatch ? (
        <ExtendDialog
          accountId={accountId}
          rollout={r}
          onStale={onStale}
          onClose={(extended) => {
            setOpen(null);
            if (extended) setNotice({ text: t('extend.done') });
          }}
        />
      ) : null}
      {open === 'abort' || open === 'abort-and-rollback' ? (
        <AbortDialog
          accountId={accountId}
          rollout={r}
          kind={open}
          words={words}
          onClose={afterAbort}
          onStale={onStale}
        />
      ) : null}
    </section>
  );
}
