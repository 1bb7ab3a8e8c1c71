import type { AosLifecycleStarted, AosStackDetail } from '@console/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { NativeValue } from '../../../components/NativeValue';
import { QueryView } from '../../../components/QueryView';
import { Loading } from '../../../components/Spinner';
import { StatusBadge } from '../../../components/StatusBadge';
import { TabBar } from '../../../components/TabBar';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { nativeLabel } from '../../../i18n/native-labels';
import { formatTime } from '../../../lib/format';
import { useExecutions, useStack, useStacks } from './api';
import {
  CreateStackDialog,
  DeleteStackDialog,
  InstallStackDialog,
  StackActionDialog,
  UpgradeStackDialog,
} from './StackDialogs';
import { ElementsPart, ExecutionsPart, InputsPart, OutputsPart, rolloutPath } from './StackParts';
import { PhaseBadge, useBlocked } from './shared';

const STATUSES = [
  'Running',
  'Stopped',
  'Abnormal',
  'Pending',
  'Processing',
  'PartialStopped',
  'Unknow',
] as const;

/** 查询堆栈列表 with the native status and phase beside the console's; a click opens one. */
export function StackList({
  accountId,
  status,
  onStatus,
  onOpen,
}: {
  accountId: string;
  status: string;
  onStatus: (status: string) => void;
  onOpen: (stackId: string) => void;
}) {
  const { t } = useI18n();
  const stacks = useStacks(accountId, status);
  const blocked = useBlocked('operator');
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium text-slate-700">{t('aos.status')}</span>
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            value={status}
            onChange={(e) => onStatus(e.target.value)}
            data-testid="aos-stack-status-filter"
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s} title={s}>
                {nativeLabel(t, ['status'], s)}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={blocked}
          onClick={() => setCreating(true)}
          data-testid="aos-stack-create"
        >
          {t('aos.createStack')}
        </Button>
      </div>
      <QueryView query={stacks}>
        {(data) => (
          <DataTable
            testId="aos-stacks-table"
            head={[
              t('aos.stackName'),
              t('aos.status'),
              t('aos.phase'),
              t('aos.template'),
              t('aos.lastExecution'),
              t('aos.updated'),
            ]}
            rows={data}
            row={(s) => (
              <tr key={s.id} data-testid="aos-stack-row" data-stack={s.id} data-name={s.name}>
                <Td>
                  <button
                    type="button"
                    className="font-medium text-blue-700 hover:underline"
                    onClick={() => onOpen(s.id)}
                    data-testid="aos-stack-open"
                  >
                    {s.name}
                  </button>
                  {s.description ? (
                    <span className="block text-xs text-slate-500">{s.description}</span>
                  ) : null}
                </Td>
                <Td>
                  <StatusBadge status={s.consoleStatus} native={s.status} testId="aos-stack-row-status" />
                </Td>
                <Td>{s.phase ? <PhaseBadge phase={s.phase} /> : '—'}</Td>
                <Td>
                  {s.templateName}@{s.templateVersion}
                </Td>
                <Td>
                  {s.lastExecution ? (
                    <>
                      <NativeValue value={s.lastExecution.actionName} kinds={['aosAction']} /> ·{' '}
                      {s.lastExecution.phase} · {s.lastExecution.progress} %
                    </>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td>{formatTime(s.updatedAt)}</Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {creating ? (
        <CreateStackDialog
          accountId={accountId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            if (id) onOpen(id);
          }}
        />
      ) : null}
    </div>
  );
}

const VIEWS = ['elements', 'outputs', 'inputs', 'executions'] as const;
export type StackView = (typeof VIEWS)[number];
const VIEW_LABEL: Record<StackView, MessageKey> = {
  elements: 'aos.elements',
  outputs: 'aos.outputs',
  inputs: 'aos.inputs',
  executions: 'aos.executions',
};
export const isStackView = (v: string): v is StackView => (VIEWS as readonly string[]).includes(v);

type Dialog = 'install' | 'upgrade' | 'retry' | 'rollback' | 'delete';

/** What each lifecycle button says when it may not be used now (or undefined when it may). */
function useActionReasons(stack: AosStackDetail) {
  const { t } = useI18n();
  const blocked = useBlocked('operator');
  const busy = stack.busy ? t('aos.busy') : undefined;
  return {
    install: blocked ?? busy ?? (stack.installed ? t('aos.alreadyInstalled') : undefined),
    upgrade: blocked ?? busy ?? (stack.installed ? undefined : t('aos.notInstalled')),
    retry: blocked ?? busy ?? (stack.retryable ? undefined : t('aos.nothingToRetry')),
    rollback: blocked ?? busy ?? (stack.rollbackable ? undefined : t('aos.nothingToRollBack')),
    delete: blocked ?? busy,
  };
}

function StackHeader({
  accountId,
  stack,
  onOpenTemplate,
  onDialog,
}: {
  accountId: string;
  stack: AosStackDetail;
  onOpenTemplate: (templateId: string) => void;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useI18n();
  const reasons = useActionReasons(stack);
  const latest = useExecutions(accountId, stack.id, stack.busy).data?.[0];
  const last = stack.lastExecution;
  return (
    <>
      <div className="mt-1 mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold" data-testid="aos-stack-name">
          {stack.name}
        </h2>
        <StatusBadge status={stack.consoleStatus} native={stack.status} testId="aos-stack-status" />
        {stack.phase ? <PhaseBadge phase={stack.phase} testId="aos-stack-phase" /> : null}
        <code className="text-xs text-slate-500">{stack.id}</code>
        <span className="ml-auto flex flex-wrap gap-2 text-sm">
          <Link
            to={`/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(stack.id)}`}
            className="text-blue-700 hover:underline"
            data-testid="aos-stack-app-link"
          >
            {t('aos.openApplication')}
          </Link>
          {latest ? (
            <Link
              to={rolloutPath(accountId, latest.rolloutId)}
              className="text-blue-700 hover:underline"
              data-testid="aos-stack-rollout-link"
            >
              {t('aos.openLatestRollout')}
            </Link>
          ) : null}
        </span>
      </div>
      <div className="mb-4 flex flex-wrap gap-2">
        {!stack.installed ? (
          <Button
            variant="primary"
            disabledReason={reasons.install}
            onClick={() => onDialog('install')}
            data-testid="aos-stack-install"
          >
            {t('aos.install')}
          </Button>
        ) : null}
        <Button
          variant={stack.installed ? 'primary' : 'secondary'}
          disabledReason={reasons.upgrade}
          onClick={() => onDialog('upgrade')}
          data-testid="aos-stack-upgrade"
        >
          {t('aos.upgrade')}
        </Button>
        <Button
          disabledReason={reasons.retry}
          onClick={() => onDialog('retry')}
          data-testid="aos-stack-retry"
        >
          {t('aos.retry')}
        </Button>
        <Button
          disabledReason={reasons.rollback}
          onClick={() => onDialog('rollback')}
          data-testid="aos-stack-rollback"
        >
          {t('aos.rollback')}
        </Button>
        <Button
          variant="danger"
          className="ml-auto"
          disabledReason={reasons.delete}
          onClick={() => onDialog('delete')}
          data-testid="aos-stack-delete"
        >
          {stack.deleteFailed ? t('aos.forceDelete') : t('aos.delete')}
        </Button>
      </div>
      {last ? (
        <div
          className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm"
          data-testid="aos-last-execution"
          data-phase={last.phase}
        >
          <div className="flex items-center gap-3">
            <span className="font-medium">{t('aos.lastExecution')}</span>
            <NativeValue value={last.actionName} kinds={['aosAction']} />
            <PhaseBadge phase={last.phase} />
            <span className="text-slate-600">{last.progress} %</span>
          </div>
          <div
            role="progressbar"
            aria-label={t('aos.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={last.progress}
            className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={`h-full ${last.phase === 'Failed' ? 'bg-red-500' : last.phase === 'Succeeded' ? 'bg-emerald-500' : 'bg-blue-500'}`}
              style={{ width: `${Math.max(0, Math.min(100, last.progress))}%` }}
            />
          </div>
          {last.message ? <p className="mt-2 text-xs text-red-800">{last.message}</p> : null}
        </div>
      ) : null}
      <dl
        className="mb-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]"
        data-testid="aos-stack-info"
      >
        <dt className="text-slate-500">{t('aos.template')}</dt>
        <dd>
          <button
            type="button"
            className="text-blue-700 hover:underline"
            onClick={() => onOpenTemplate(stack.templateId)}
            data-testid="aos-stack-template"
          >
            {stack.templateName}@{stack.templateVersion}
          </button>
        </dd>
        <dt className="text-slate-500">{t('aos.health')}</dt>
        <dd>{stack.healthy ? t('aos.healthy') : stack.healthMessage || t('aos.unhealthy')}</dd>
        <dt className="text-slate-500">{t('aos.description')}</dt>
        <dd>{stack.description || '—'}</dd>
        <dt className="text-slate-500">{t('aos.labels')}</dt>
        <dd>
          {Object.entries(stack.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '—'}
        </dd>
        <dt className="text-slate-500">{t('aos.clusterId')}</dt>
        <dd>
          <code className="text-xs">{stack.clusterId || '—'}</code> {stack.clusterName}
        </dd>
        <dt className="text-slate-500">{t('aos.namespace')}</dt>
        <dd>{stack.namespace || '—'}</dd>
        <dt className="text-slate-500">{t('aos.created')}</dt>
        <dd>{formatTime(stack.createdAt)}</dd>
        <dt className="text-slate-500">{t('aos.updated')}</dt>
        <dd>{formatTime(stack.updatedAt)}</dd>
        <dt className="text-slate-500">{t('aos.previousTemplate')}</dt>
        <dd>
          <code className="text-xs">{stack.previousTemplateId || '—'}</code>
        </dd>
        <dt className="text-slate-500">{t('aos.dsl')}</dt>
        <dd>
          <code className="text-xs">{stack.dslVersion || '—'}</code>
        </dd>
      </dl>
    </>
  );
}

/** One stack: status, lifecycle actions, elements, outputs, inputs and the execution history. */
export function StackDetail({
  accountId,
  stackId,
  view,
  elementId,
  actionId,
  onBack,
  onView,
  onElement,
  onExecution,
  onOpenTemplate,
}: {
  accountId: string;
  stackId: string;
  view: StackView;
  elementId: string;
  actionId: string;
  onBack: () => void;
  onView: (view: StackView) => void;
  onElement: (elementId: string) => void;
  onExecution: (actionId: string) => void;
  onOpenTemplate: (templateId: string) => void;
}) {
  const { t } = useI18n();
  const stack = useStack(accountId, stackId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [started, setStarted] = useState<AosLifecycleStarted | null>(null);
  const live = stack.data?.busy ?? true;
  const close = () => setDialog(null);
  const onStarted = (answer: AosLifecycleStarted) => {
    setDialog(null);
    setStarted(answer);
  };
  return (
    <div data-testid="aos-stack-detail">
      <button
        type="button"
        className="text-sm text-blue-700 hover:underline"
        onClick={onBack}
        data-testid="aos-stack-back"
      >
        ← {t('aos.allStacks')}
      </button>
      {stack.error ? <ErrorPanel error={stack.error} onRetry={() => void stack.refetch()} /> : null}
      {stack.isPending ? <Loading /> : null}
      {stack.data ? (
        <StackHeader
          accountId={accountId}
          stack={stack.data}
          onOpenTemplate={onOpenTemplate}
          onDialog={setDialog}
        />
      ) : null}
      {started ? (
        <p
          className="mb-3 rounded-md border border-blue-200 bg-blue-50 p-2 text-sm text-blue-900"
          role="status"
          data-testid="aos-started"
        >
          {t('aos.startedExecution', { id: started.actionId })}{' '}
          <Link
            to={rolloutPath(accountId, started.rolloutId)}
            className="font-medium underline"
            data-testid="aos-started-rollout"
          >
            {t('aos.openRollout')}
          </Link>
          {started.requestId ? <code className="ml-2 text-xs">RequestId {started.requestId}</code> : null}
        </p>
      ) : null}
      {stack.data ? (
        <>
          <TabBar
            tabs={VIEWS}
            current={view}
            onSelect={onView}
            label={(id) => t(VIEW_LABEL[id])}
            testIdPrefix="aos-stack-tab-"
            className="mt-4 mb-3 flex gap-1"
          />
          <div role="tabpanel">
            {view === 'elements' ? (
              <ElementsPart
                accountId={accountId}
                stackId={stackId}
                live={live}
                elementId={elementId}
                onElement={onElement}
              />
            ) : null}
            {view === 'outputs' ? <OutputsPart accountId={accountId} stackId={stackId} live={live} /> : null}
            {view === 'inputs' ? <InputsPart accountId={accountId} stackId={stackId} live={live} /> : null}
            {view === 'executions' ? (
              <ExecutionsPart
                accountId={accountId}
                stackId={stackId}
                live={live}
                actionId={actionId}
                onExecution={onExecution}
              />
            ) : null}
          </div>
        </>
      ) : null}
      {stack.data && dialog === 'install' ? (
        <InstallStackDialog accountId={accountId} stack={stack.data} onClose={close} onStarted={onStarted} />
      ) : null}
      {stack.data && dialog === 'upgrade' ? (
        <UpgradeStackDialog accountId={accountId} stack={stack.data} onClose={close} onStarted={onStarted} />
      ) : null}
      {stack.data && (dialog === 'retry' || dialog === 'rollback') ? (
        <StackActionDialog
          accountId={accountId}
          stack={stack.data}
          action={dialog}
          onClose={close}
          onStarted={onStarted}
        />
      ) : null}
      {stack.data && dialog === 'delete' ? (
        <DeleteStackDialog
          accountId={accountId}
          stack={stack.data}
          onClose={close}
          onStarted={onStarted}
          onDeleted={() => {
            setDialog(null);
            onBack();
          }}
        />
      ) : null}
    </div>
  );
}
