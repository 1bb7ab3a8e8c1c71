import type { Role, ScalingRule } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useScalingChange, useScalingRules } from './api';
import { ScalingRuleDialog } from './ScalingRuleDialog';

function DeleteRuleDialog({
  accountId,
  appId,
  rule,
  onClose,
}: {
  accountId: string;
  appId: string;
  rule: ScalingRule;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useScalingChange(accountId, appId);
  return (
    <ConfirmActionDialog
      title={t('scaling.deleteTitle', { name: rule.name })}
      confirmLabel={t('namespaces.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'delete', name: rule.name }, { onSuccess: onClose })}
      testId="scaling-delete-dialog"
      confirmTestId="scaling-delete-submit"
    >
      <p>{t('scaling.deleteBody')}</p>
    </ConfirmActionDialog>
  );
}

function RuleCard({
  accountId,
  appId,
  rule,
  blocked,
  onEdit,
  onDelete,
}: {
  accountId: string;
  appId: string;
  rule: ScalingRule;
  blocked: string | undefined;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const toggle = useScalingChange(accountId, appId);
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="scaling-rule"
      data-enabled={rule.enabled}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-semibold">{rule.name}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
          {t(`scaling.type.${rule.type}` as MessageKey)}
        </span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${rule.enabled ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}
          data-testid="scaling-rule-state"
        >
          {rule.enabled ? t('scaling.enabled') : t('scaling.disabled')}
        </span>
        <span className="ml-auto flex gap-2">
          <Button disabledReason={blocked} onClick={onEdit} data-testid="scaling-edit">
            {t('namespaces.edit')}
          </Button>
          <Button
            disabledReason={blocked ?? (toggle.isPending ? t('common.sending') : undefined)}
            onClick={() => toggle.mutate({ kind: rule.enabled ? 'disable' : 'enable', name: rule.name })}
            data-testid="scaling-toggle"
          >
            {rule.enabled ? t('scaling.disable') : t('scaling.enable')}
          </Button>
          <Button variant="danger" disabledReason={blocked} onClick={onDelete} data-testid="scaling-delete">
            {t('namespaces.delete')}
          </Button>
        </span>
      </div>
      {toggle.error ? (
        <div className="mt-2">
          <ErrorPanel error={toggle.error} />
        </div>
      ) : null}
      {rule.timer ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>
            <code>{rule.timer.period}</code>
            {rule.timer.beginDate
              ? ` · ${rule.timer.beginDate} → ${rule.timer.endDate}`
              : ` · ${t('scaling.longTerm')}`}
          </p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {rule.timer.schedules.map((s) => (
              <li key={s.atTime} className="rounded bg-blue-50 px-2 py-0.5 text-xs text-blue-900">
                {t('scaling.scheduleItem', { time: s.atTime, replicas: s.targetReplicas })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rule.metric ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>{t('scaling.range', { min: rule.metric.minReplicas, max: rule.metric.maxReplicas })}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {rule.metric.metrics.map((m) => (
              <li key={m.type} className="rounded bg-violet-50 px-2 py-0.5 text-xs text-violet-900">
                {t(`scaling.metric.${m.type}` as MessageKey)} ≥ {m.target}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rule.status ? (
        <dl
          className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600"
          data-testid="scaling-status"
        >
          <div>
            <dt className="inline">{t('scaling.currentReplicas')}: </dt>
            <dd className="inline font-medium">{rule.status.currentReplicas ?? '—'}</dd>
          </div>
          <div>
            <dt className="inline">{t('scaling.desiredReplicas')}: </dt>
            <dd className="inline font-medium">{rule.status.desiredReplicas ?? '—'}</dd>
          </div>
          {rule.status.currentMetrics.map((m) => (
            <div key={m.name}>
              <dt className="inline">{m.name}: </dt>
              <dd className="inline font-medium">{m.value}</dd>
            </div>
          ))}
          {rule.status.lastScaleTime ? (
            <div>
              <dt className="inline">{t('scaling.lastScale')}: </dt>
              <dd className="inline">{formatTime(rule.status.lastScaleTime)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </li>
  );
}

/** The application's scaling rules (at most five), edited in forms, switched on and off. */
export function ScalingRulesPanel({
  accountId,
  appId,
  role,
  busyReason,
}: {
  accountId: string;
  appId: string;
  role: Role;
  /** Set while a change order runs: rules cannot be added or switched on then. */
  busyReason?: string | undefined;
}) {
  const { t } = useI18n();
  const rules = useScalingRules(accountId, appId);
  const [open, setOpen] = useState<
    { kind: 'create' } | { kind: 'edit' | 'delete'; rule: ScalingRule } | null
  >(null);
  const blocked = hasRole(role, 'operator') ? busyReason : t('common.requiresRole', { role: 'operator' });
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ErrorPanel error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <p className="text-sm text-slate-600">{t('scaling.hint')}</p>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={blocked ?? (rules.data.length >= 5 ? t('scaling.max') : undefined)}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="scaling-create"
        >
          {t('scaling.create')}
        </Button>
      </div>
      {rules.data.length === 0 ? <p className="text-sm text-slate-500">{t('scaling.none')}</p> : null}
      <ul className="space-y-3">
        {rules.data.map((rule) => (
          <RuleCard
            key={rule.name}
            accountId={accountId}
            appId={appId}
            rule={rule}
            blocked={blocked}
            onEdit={() => setOpen({ kind: 'edit', rule })}
            onDelete={() => setOpen({ kind: 'delete', rule })}
          />
        ))}
      </ul>
      {open?.kind === 'create' ? (
        <ScalingRuleDialog accountId={accountId} appId={appId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <ScalingRuleDialog
          accountId={accountId}
          appId={appId}
          rule={open.rule}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteRuleDialog
          accountId={accountId}
          appId={appId}
          rule={open.rule}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
