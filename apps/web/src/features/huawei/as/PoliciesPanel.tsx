import type { AsCreatePolicyBody, AsGroup, AsPolicy } from '@console/contract';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime, zoneLabel } from '../../../lib/format';
import { useAsChange, usePolicies } from './api';
import {
  filterClass,
  inputToUtcMinute,
  intOrUndefined,
  NativeStatus,
  selectClass,
  useBlocked,
  utcMinuteToInput,
} from './shared';

const TYPES = ['ALARM', 'SCHEDULED', 'RECURRENCE'] as const;
const OPERATIONS = ['ADD', 'REMOVE', 'SET'] as const;
const RECURRENCE = ['Daily', 'Weekly', 'Monthly'] as const;
const NAME = /^[\p{Script=Han}A-Za-z0-9_-]{1,64}$/u;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

type PolicyType = (typeof TYPES)[number];
type Operation = (typeof OPERATIONS)[number];

/** The recurrence days, checked as the seed does: Weekly 1–7 (1 = Sunday), Monthly 1–31, each once. */
function daysOk(type: string, value: string): boolean {
  if (type === 'Daily') return true;
  const [lo, hi] = type === 'Weekly' ? [1, 7] : [1, 31];
  const parts = value.split(',').map((p) => p.trim());
  return parts.every((x) => /^\d+$/.test(x) && +x >= lo && +x <= hi) && new Set(parts).size === parts.length;
}

/** The scheduling line of a policy as operators read it. */
function when(p: AsPolicy): string {
  if (p.type === 'ALARM') return p.alarmId ?? '';
  const s = p.scheduled;
  if (!s) return '';
  if (p.type === 'SCHEDULED') return formatTime(s.launchTime);
  // The time of day of a recurrence is AS's own, in UTC; its window is two instants.
  return `${s.recurrenceType ?? ''}${s.recurrenceValue ? ` ${s.recurrenceValue}` : ''} ${s.launchTime} UTC (${s.startTime ? formatTime(s.startTime) : ''} → ${s.endTime ? formatTime(s.endTime) : ''})`;
}

const actionText = (p: AsPolicy) =>
  `${p.action.operation} ${p.action.instancePercentage !== undefined ? `${p.action.instancePercentage} %` : (p.action.instanceNumber ?? 1)}`;

/** CreateScalingPolicy / UpdateScalingPolicy: each type's own fields, times shown local and sent as UTC. */
function PolicyDialog({
  accountId,
  groupId,
  policy,
  onClose,
}: {
  accountId: string;
  groupId: string;
  policy?: AsPolicy;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const s = policy?.scheduled;
  const [name, setName] = useState(policy?.name ?? '');
  const [type, setType] = useState<PolicyType>((policy?.type as PolicyType | undefined) ?? 'SCHEDULED');
  const [alarmId, setAlarmId] = useState(policy?.alarmId ?? '');
  const [launchLocal, setLaunchLocal] = useState(
    policy?.type === 'SCHEDULED' ? utcMinuteToInput(s?.launchTime) : '',
  );
  const [launchUtc, setLaunchUtc] = useState(policy?.type === 'RECURRENCE' ? (s?.launchTime ?? '') : '');
  const [recurrence, setRecurrence] = useState(s?.recurrenceType ?? 'Daily');
  const [days, setDays] = useState(s?.recurrenceValue ?? '');
  const [start, setStart] = useState(utcMinuteToInput(s?.startTime));
  const [end, setEnd] = useState(utcMinuteToInput(s?.endTime));
  const [operation, setOperation] = useState<Operation>(
    (policy?.action.operation as Operation | undefined) ?? 'ADD',
  );
  const [unit, setUnit] = useState<'number' | 'percent'>(
    policy?.action.instancePercentage !== undefined ? 'percent' : 'number',
  );
  const [amount, setAmount] = useState(
    String(policy?.action.instancePercentage ?? policy?.action.instanceNumber ?? 1),
  );
  const [coolDown, setCoolDown] = useState(String(policy?.coolDown ?? 300));
  const amountN = intOrUndefined(amount);
  const coolN = intOrUndefined(coolDown);
  const launchAt = inputToUtcMinute(launchLocal);
  const startAt = inputToUtcMinute(start);
  const endAt = inputToUtcMinute(end);
  const low = operation === 'SET' ? 0 : 1;
  const high = unit === 'percent' ? 20000 : 200;
  const problem = !NAME.test(name.trim())
    ? t('as.nameRule')
    : type === 'ALARM' && !/^[A-Za-z0-9_-]{1,64}$/.test(alarmId.trim())
      ? t('as.alarmRequired')
      : type === 'SCHEDULED' && !launchAt
        ? t('as.launchRequired')
        : type === 'SCHEDULED' && launchAt && Date.parse(launchAt.replace('Z', ':00Z')) <= Date.now()
          ? t('as.launchFuture')
          : type === 'RECURRENCE' && !HHMM.test(launchUtc)
            ? t('as.launchTimeOfDay')
            : type === 'RECURRENCE' && !daysOk(recurrence, days)
              ? t(recurrence === 'Weekly' ? 'as.weekDaysRule' : 'as.monthDaysRule')
              : type === 'RECURRENCE' && !endAt
                ? t('as.endRequired')
                : type === 'RECURRENCE' && startAt && endAt && startAt >= endAt
                  ? t('as.endAfterStart')
                  : amountN === undefined || amountN < low || amountN > high
                    ? t('as.amountRule', { low, high })
                    : coolN === undefined || coolN > 86400
                      ? t('as.coolDownRule')
                      : undefined;

  const submit = () => {
    const body: AsCreatePolicyBody = {
      name: name.trim(),
      type,
      action: {
        operation,
        ...(unit === 'percent' ? { instancePercentage: amountN } : { instanceNumber: amountN }),
      },
      coolDown: coolN,
    };
    if (type === 'ALARM') body.alarmId = alarmId.trim();
    if (type === 'SCHEDULED') body.scheduled = { launchTime: launchAt ?? '' };
    if (type === 'RECURRENCE') {
      body.scheduled = {
        launchTime: launchUtc,
        recurrenceType: recurrence as 'Daily' | 'Weekly' | 'Monthly',
        ...(recurrence !== 'Daily'
          ? {
              recurrenceValue: days
                .split(',')
                .map((d) => d.trim())
                .join(','),
            }
          : {}),
        ...(startAt ? { startTime: startAt } : {}),
        endTime: endAt,
      };
    }
    if (policy) change.mutate({ kind: 'updatePolicy', policyId: policy.id, body }, { onSuccess: onClose });
    else change.mutate({ kind: 'createPolicy', groupId, body }, { onSuccess: onClose });
  };

  return (
    <FormDialog
      title={policy ? t('as.editPolicyTitle', { name: policy.name }) : t('as.createPolicyTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={policy ? t('as.save') : t('as.createPolicy')}
      submitTestId="as-policy-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="as-policy-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('as.name')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="as-policy-name"
        />
        <SelectField
          label={t('as.policyType')}
          className={selectClass}
          value={type}
          onChange={(v) => setType(v as PolicyType)}
          testId="as-policy-type"
        >
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`as.policyType_${x}`)}
            </option>
          ))}
        </SelectField>
        {type === 'ALARM' ? (
          <TextField
            label={t('as.alarmId')}
            value={alarmId}
            hint={t('as.alarmHint')}
            onChange={setAlarmId}
            testId="as-policy-alarm"
          />
        ) : null}
        {type === 'SCHEDULED' ? (
          <TextField
            label={t('as.launchLocal', { zone: zoneLabel() })}
            type="datetime-local"
            value={launchLocal}
            hint={launchAt ? t('as.sentAs', { value: launchAt }) : undefined}
            onChange={setLaunchLocal}
            testId="as-policy-launch"
          />
        ) : null}
        {type === 'RECURRENCE' ? (
          <>
            <TextField
              label={t('as.launchUtc')}
              type="time"
              value={launchUtc}
              onChange={setLaunchUtc}
              testId="as-policy-launch-utc"
            />
            <SelectField
              label={t('as.recurrence')}
              className={selectClass}
              value={recurrence}
              onChange={setRecurrence}
              testId="as-policy-recurrence"
            >
              {RECURRENCE.map((r) => (
                <option key={r} value={r}>
                  {t(`as.recurrence_${r}`)}
                </option>
              ))}
            </SelectField>
            {recurrence !== 'Daily' ? (
              <TextField
                label={t('as.days')}
                value={days}
                hint={t(recurrence === 'Weekly' ? 'as.weekDaysHint' : 'as.monthDaysHint')}
                onChange={setDays}
                testId="as-policy-days"
              />
            ) : null}
            <TextField
              label={t('as.startLocal', { zone: zoneLabel() })}
              type="datetime-local"
              value={start}
              hint={t('as.startHint')}
              onChange={setStart}
              testId="as-policy-start"
            />
            <TextField
              label={t('as.endLocal', { zone: zoneLabel() })}
              type="datetime-local"
              value={end}
              onChange={setEnd}
              testId="as-policy-end"
            />
          </>
        ) : null}
        <SelectField
          label={t('as.operation')}
          className={selectClass}
          value={operation}
          onChange={(v) => setOperation(v as Operation)}
          testId="as-policy-operation"
        >
          {OPERATIONS.map((o) => (
            <option key={o} value={o}>
              {t(`as.operation_${o}`)}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label={t('as.amount')}
            value={amount}
            inputMode="numeric"
            onChange={setAmount}
            testId="as-policy-amount"
          />
          <SelectField
            label={t('as.unit')}
            className={selectClass}
            value={unit}
            onChange={(v) => setUnit(v as 'number' | 'percent')}
            testId="as-policy-unit"
          >
            <option value="number">{t('as.unitInstances')}</option>
            <option value="percent">{t('as.unitPercent')}</option>
          </SelectField>
        </div>
        <TextField
          label={t('as.coolDown')}
          value={coolDown}
          inputMode="numeric"
          hint={t('as.policyCoolDownHint')}
          onChange={setCoolDown}
          testId="as-policy-cooldown"
        />
      </div>
    </FormDialog>
  );
}

type Pending = { kind: 'edit' | 'delete' | 'execute'; policy: AsPolicy } | { kind: 'create' };

/** The group's policies: create, edit, run now, pause, resume, delete. */
export function PoliciesPanel({ accountId, group }: { accountId: string; group: AsGroup }) {
  const { t } = useI18n();
  const [type, setType] = useState('');
  const policies = usePolicies(accountId, group.id, 1, type);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [pending, setPending] = useState<Pending | null>(null);
  const close = () => setPending(null);
  const open = (p: Pending) => {
    change.reset();
    setPending(p);
  };
  const executeReason = (p: AsPolicy) =>
    blocked ??
    (group.status !== 'INSERVICE'
      ? t('as.executeNeedsGroup')
      : p.status !== 'INSERVICE'
        ? t('as.executeNeedsPolicy')
        : group.isScaling
          ? t('as.groupScaling')
          : undefined);
  return (
    <div>
      <SectionHeader
        title={t('as.policies')}
        action={{
          label: t('as.createPolicy'),
          testId: 'as-policy-create',
          disabledReason: blocked,
          onClick: () => open({ kind: 'create' }),
        }}
      >
        <select
          className={filterClass}
          value={type}
          aria-label={t('as.policyType')}
          onChange={(e) => setType(e.target.value)}
          data-testid="as-policy-type-filter"
        >
          <option value="">{t('common.all')}</option>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`as.policyType_${x}`)}
            </option>
          ))}
        </select>
      </SectionHeader>
      {change.error && pending === null ? (
        <div className="mb-3">
          <ErrorPanel error={change.error} />
        </div>
      ) : null}
      <QueryView query={policies}>
        {(data) => (
          <DataTable
            testId="as-policies-table"
            head={[
              t('as.name'),
              t('as.policyType'),
              t('as.status'),
              t('as.when'),
              t('as.action'),
              t('as.coolDown'),
              t('as.actions'),
            ]}
            rows={data.items}
            row={(p) => (
              <tr key={p.id} data-testid="as-policy-row" data-policy={p.name} data-status={p.status}>
                <Td>
                  <span className="font-medium">{p.name}</span>
                  <code className="block text-xs text-slate-500">{p.id}</code>
                </Td>
                <Td>{t(`as.policyType_${p.type as PolicyType}`)}</Td>
                <Td>
                  <NativeStatus value={p.status} />
                </Td>
                <Td>
                  <code className="text-xs">{when(p)}</code>
                </Td>
                <Td>{actionText(p)}</Td>
                <Td>{t('as.seconds', { n: p.coolDown })}</Td>
                <Td>
                  <RowActions
                    wrap
                    actions={[
                      {
                        label: t('as.execute'),
                        testId: 'as-policy-execute',
                        disabledReason: executeReason(p),
                        onClick: () => open({ kind: 'execute', policy: p }),
                      },
                      p.status === 'PAUSED'
                        ? {
                            label: t('as.resume'),
                            testId: 'as-policy-resume',
                            disabledReason: blocked,
                            onClick: () =>
                              change.mutate({ kind: 'policyAction', policyId: p.id, action: 'resume' }),
                          }
                        : {
                            label: t('as.pause'),
                            testId: 'as-policy-pause',
                            disabledReason: blocked,
                            onClick: () =>
                              change.mutate({ kind: 'policyAction', policyId: p.id, action: 'pause' }),
                          },
                      {
                        label: t('as.edit'),
                        testId: 'as-policy-edit',
                        disabledReason: blocked,
                        onClick: () => open({ kind: 'edit', policy: p }),
                      },
                      {
                        label: t('as.delete'),
                        testId: 'as-policy-delete',
                        disabledReason: blocked,
                        onClick: () => open({ kind: 'delete', policy: p }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {pending?.kind === 'create' ? (
        <PolicyDialog accountId={accountId} groupId={group.id} onClose={close} />
      ) : null}
      {pending?.kind === 'edit' ? (
        <PolicyDialog accountId={accountId} groupId={group.id} policy={pending.policy} onClose={close} />
      ) : null}
      {pending?.kind === 'execute' ? (
        <ConfirmActionDialog
          title={t('as.executeTitle', { name: pending.policy.name })}
          confirmLabel={t('as.execute')}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() =>
            change.mutate(
              { kind: 'policyAction', policyId: pending.policy.id, action: 'execute' },
              { onSuccess: close },
            )
          }
          testId="as-policy-execute-dialog"
          confirmTestId="as-policy-execute-submit"
        >
          <p>
            {t('as.executeBody', {
              action: actionText(pending.policy),
              current: group.current,
              min: group.min,
              max: group.max,
            })}
          </p>
        </ConfirmActionDialog>
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmActionDialog
          title={t('as.deletePolicyTitle', { name: pending.policy.name })}
          confirmLabel={t('as.delete')}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() =>
            change.mutate({ kind: 'deletePolicy', policyId: pending.policy.id }, { onSuccess: close })
          }
          testId="as-policy-delete-dialog"
          confirmTestId="as-policy-delete-submit"
        >
          <p>{t('as.deletePolicyBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
