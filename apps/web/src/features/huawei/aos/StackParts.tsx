import { Link } from 'react-router';
import { NativeValue } from '../../../components/NativeValue';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import {
  useExecution,
  useExecutions,
  useStackElement,
  useStackElements,
  useStackInputs,
  useStackOutputs,
} from './api';
import { JsonBlock, PhaseBadge, showValue } from './shared';

interface PartProps {
  accountId: string;
  stackId: string;
  /** An execution is running: the part refreshes every two seconds. */
  live: boolean;
}

export const rolloutPath = (accountId: string, rolloutId: string) =>
  `/accounts/${encodeURIComponent(accountId)}/rollouts/${encodeURIComponent(rolloutId)}`;

/** 查询堆栈元素列表: each element's type and the status of its last sub-action; a click opens it. */
export function ElementsPart({
  accountId,
  stackId,
  live,
  elementId,
  onElement,
}: PartProps & { elementId: string; onElement: (id: string) => void }) {
  const { t } = useI18n();
  const elements = useStackElements(accountId, stackId, live);
  return (
    <div>
      <QueryView query={elements}>
        {(data) => (
          <DataTable
            testId="aos-elements-table"
            head={[t('aos.element'), t('aos.type'), t('aos.phase'), t('aos.subAction'), t('aos.updated')]}
            rows={data}
            row={(e) => (
              <tr
                key={e.id}
                data-testid="aos-element-row"
                data-element={e.id}
                data-phase={e.phase}
                className={e.id === elementId ? 'bg-blue-50' : undefined}
              >
                <Td>
                  <button
                    type="button"
                    className="font-medium text-blue-700 hover:underline"
                    onClick={() => onElement(e.id === elementId ? '' : e.id)}
                    data-testid="aos-element-open"
                  >
                    {e.id}
                  </button>
                  {e.description ? (
                    <span className="block text-xs text-slate-500">{e.description}</span>
                  ) : null}
                </Td>
                <Td>
                  <code className="text-xs">{e.type}</code>
                </Td>
                <Td>
                  <PhaseBadge phase={e.phase} testId="aos-element-phase" />
                </Td>
                <Td>{e.subActionName || '—'}</Td>
                <Td>{formatTime(e.actionUpdatedAt ?? e.updatedAt)}</Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {elementId ? (
        <ElementDetail accountId={accountId} stackId={stackId} live={live} elementId={elementId} />
      ) : null}
    </div>
  );
}

/** 查询堆栈元素: properties as instantiated, what the cloud created, relations and pods. */
function ElementDetail({ accountId, stackId, live, elementId }: PartProps & { elementId: string }) {
  const { t } = useI18n();
  const element = useStackElement(accountId, stackId, elementId, live);
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="aos-element-detail">
      <QueryView query={element}>
        {(e) => (
          <>
            <h3 className="text-base font-semibold">
              {e.id} <code className="text-xs font-normal text-slate-500">{e.type}</code>
            </h3>
            <p className="text-xs text-slate-500">{e.typeHierarchy.join(' → ')}</p>
            <div className="mt-3 grid gap-4 lg:grid-cols-2">
              <div>
                <h4 className="mb-1 text-sm font-medium">{t('aos.properties')}</h4>
                <JsonBlock value={e.properties} testId="aos-element-properties" />
              </div>
              <div>
                <h4 className="mb-1 text-sm font-medium">{t('aos.runtimeProperties')}</h4>
                <JsonBlock value={e.runtimeProperties} testId="aos-element-runtime" />
              </div>
            </div>
            <h4 className="mt-3 mb-1 text-sm font-medium">{t('aos.relationships')}</h4>
            <DataTable
              head={[t('aos.relationName'), t('aos.type'), t('aos.target')]}
              rows={e.relationships}
              row={(r) => (
                <tr key={`${r.name}-${r.targetId}`}>
                  <Td>{r.name}</Td>
                  <Td>
                    <code className="text-xs">{r.type}</code>
                  </Td>
                  <Td>{r.targetId}</Td>
                </tr>
              )}
            />
            <h4 className="mt-3 mb-1 text-sm font-medium">{t('aos.instances')}</h4>
            <DataTable
              testId="aos-element-instances"
              empty={t('aos.noInstances')}
              head={[t('aos.instanceName'), t('aos.phase'), t('aos.podIp'), t('aos.hostIp')]}
              rows={e.instances}
              row={(i) => (
                <tr key={i.name} data-testid="aos-element-instance">
                  <Td>
                    <code className="text-xs">{i.name}</code>
                  </Td>
                  <Td>{i.phase ? <PhaseBadge phase={i.phase} /> : '—'}</Td>
                  <Td>{i.podIp ?? '—'}</Td>
                  <Td>{i.hostIp ?? '—'}</Td>
                </tr>
              )}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}

/** 查询堆栈输出: values (an application's IPs as a list) with their descriptions. */
export function OutputsPart({ accountId, stackId, live }: PartProps) {
  const { t } = useI18n();
  const outputs = useStackOutputs(accountId, stackId, live);
  return (
    <QueryView query={outputs}>
      {(data) => (
        <DataTable
          testId="aos-outputs-table"
          empty={t('aos.noOutputs')}
          head={[t('aos.outputName'), t('aos.value'), t('aos.description')]}
          rows={data}
          row={(o) => (
            <tr key={o.name} data-testid="aos-output-row" data-output={o.name}>
              <Td>
                <code>{o.name}</code>
              </Td>
              <Td>
                <code className="text-xs break-all" data-testid="aos-output-value">
                  {Array.isArray(o.value) ? o.value.join(', ') || '—' : o.value || '—'}
                </code>
              </Td>
              <Td>{o.description || '—'}</Td>
            </tr>
          )}
        />
      )}
    </QueryView>
  );
}

/** 查询堆栈输入: the values the stack runs with; secrets as the cloud masks them. */
export function InputsPart({ accountId, stackId, live }: PartProps) {
  const { t } = useI18n();
  const inputs = useStackInputs(accountId, stackId, live);
  return (
    <QueryView query={inputs}>
      {(data) => (
        <DataTable
          testId="aos-stack-inputs-table"
          empty={t('aos.noInputs')}
          head={[t('aos.inputName'), t('aos.value')]}
          rows={data}
          row={(i) => (
            <tr key={i.name} data-testid="aos-stack-input-row" data-input={i.name}>
              <Td>
                <code>{i.name}</code>
              </Td>
              <Td>
                {i.masked ? (
                  <span className="text-slate-500">{t('aos.masked')}</span>
                ) : (
                  <code className="text-xs break-all" data-testid="aos-stack-input-value">
                    {showValue(i.value)}
                  </code>
                )}
              </Td>
            </tr>
          )}
        />
      )}
    </QueryView>
  );
}

/** 查询堆栈执行记录列表 (the newest ten): each execution's action, status, times and message. */
export function ExecutionsPart({
  accountId,
  stackId,
  live,
  actionId,
  onExecution,
}: PartProps & { actionId: string; onExecution: (id: string) => void }) {
  const { t } = useI18n();
  const executions = useExecutions(accountId, stackId, live);
  return (
    <div>
      <p className="mb-2 text-xs text-slate-500">{t('aos.executionsNewestTen')}</p>
      <QueryView query={executions}>
        {(data) => (
          <DataTable
            testId="aos-executions-table"
            head={[
              t('aos.execution'),
              t('aos.action'),
              t('aos.phase'),
              t('aos.progress'),
              t('aos.started'),
              t('aos.updated'),
              t('aos.message'),
              t('aos.rollout'),
            ]}
            rows={data}
            row={(x) => (
              <tr
                key={x.id}
                data-testid="aos-execution-row"
                data-execution={x.id}
                data-action={x.actionName}
                data-phase={x.phase}
                className={x.id === actionId ? 'bg-blue-50' : undefined}
              >
                <Td>
                  <button
                    type="button"
                    className="font-mono text-xs text-blue-700 hover:underline"
                    onClick={() => onExecution(x.id === actionId ? '' : x.id)}
                    data-testid="aos-execution-open"
                  >
                    {x.id}
                  </button>
                  {x.source ? <span className="block text-xs text-slate-500">{x.source}</span> : null}
                </Td>
                <Td>
                  <NativeValue value={x.actionName} kinds={['aosAction']} />
                </Td>
                <Td>
                  <PhaseBadge phase={x.phase} testId="aos-execution-phase" />
                </Td>
                <Td>{x.progress} %</Td>
                <Td>{formatTime(x.createdAt)}</Td>
                <Td>{formatTime(x.updatedAt)}</Td>
                <Td className="max-w-xs text-xs">{x.message || '—'}</Td>
                <Td>
                  <Link
                    to={rolloutPath(accountId, x.rolloutId)}
                    className="text-blue-700 hover:underline"
                    data-testid="aos-execution-rollout"
                  >
                    {t('aos.openRollout')}
                  </Link>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {actionId ? (
        <ExecutionDetail accountId={accountId} stackId={stackId} live={live} actionId={actionId} />
      ) : null}
    </div>
  );
}

/** 查询堆栈执行记录: each element step of one execution, and the inputs it changed. */
function ExecutionDetail({ accountId, stackId, live, actionId }: PartProps & { actionId: string }) {
  const { t } = useI18n();
  const execution = useExecution(accountId, stackId, actionId, live);
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="aos-execution-detail">
      <QueryView query={execution}>
        {(x) => (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <h3 className="font-mono text-sm font-semibold">{x.id}</h3>
              <NativeValue value={x.actionName} kinds={['aosAction']} />
              <PhaseBadge phase={x.phase} />
              <span className="text-xs text-slate-500">
                {t('aos.executionMeta', {
                  timeout: x.timeoutInMinutes ?? '—',
                  strategy: x.onFailureStrategy ?? '—',
                  template: x.templateName ? `${x.templateName}@${x.templateVersion ?? ''}` : '—',
                })}
              </span>
              <Link
                to={rolloutPath(accountId, x.rolloutId)}
                className="ml-auto text-sm text-blue-700 hover:underline"
              >
                {t('aos.openRollout')}
              </Link>
            </div>
            {x.message ? (
              <p
                className="mt-2 rounded bg-red-50 p-2 text-xs text-red-900"
                data-testid="aos-execution-message"
              >
                {x.reason ? <code className="mr-2">{x.reason}</code> : null}
                {x.message}
              </p>
            ) : null}
            <SectionHeader title={t('aos.steps')} />
            <DataTable
              testId="aos-execution-steps"
              head={[
                t('aos.element'),
                t('aos.subAction'),
                t('aos.phase'),
                t('aos.started'),
                t('aos.updated'),
                t('aos.message'),
              ]}
              rows={x.steps}
              row={(s) => (
                <tr key={s.node} data-testid="aos-execution-step" data-phase={s.phase}>
                  <Td>{s.node}</Td>
                  <Td>{s.subActionName}</Td>
                  <Td>
                    <PhaseBadge phase={s.phase} />
                  </Td>
                  <Td>{formatTime(s.startedAt)}</Td>
                  <Td>{formatTime(s.updatedAt)}</Td>
                  <Td className="max-w-xs text-xs">
                    {s.reason ? <code className="mr-1">{s.reason}</code> : null}
                    {s.message || '—'}
                  </Td>
                </tr>
              )}
            />
            {x.changedInputs ? (
              <>
                <h4 className="mt-3 mb-1 text-sm font-medium">{t('aos.changedInputs')}</h4>
                <JsonBlock value={x.changedInputs} testId="aos-execution-changed" />
              </>
            ) : null}
          </>
        )}
      </QueryView>
    </div>
  );
}
