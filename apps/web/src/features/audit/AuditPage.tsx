import type { AuditRecord } from '@console/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputBase } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Loading } from '../../components/Spinner';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime, fromDateTimeInput, toDateTimeInput, zoneLabel } from '../../lib/format';
import { useAccounts } from '../accounts/api';
import { type AuditFilters, auditExportUrl, useAudit } from './api';

const OUTCOMES: AuditRecord['outcome'][] = ['success', 'failure', 'denied', 'stale', 'unknown'];
const tone: Record<AuditRecord['outcome'], string> = {
  success: 'text-emerald-800',
  failure: 'text-red-800',
  denied: 'text-orange-800',
  stale: 'text-amber-800',
  unknown: 'text-violet-800',
};

/** An ISO instant from the URL, if it is one. */
function instant(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** A `datetime-local` value, read in the zone the console shows (local or UTC), as an ISO instant. */
function fromInput(value: string): string | undefined {
  const ms = fromDateTimeInput(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

function readFilters(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page') ?? '1');
  const outcome = params.get('outcome');
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: 50,
    username: params.get('username') || undefined,
    action: params.get('action') || undefined,
    accountId: params.get('accountId') || undefined,
    outcome: OUTCOMES.includes(outcome as AuditRecord['outcome'])
      ? (outcome as AuditRecord['outcome'])
      : undefined,
    from: instant(params.get('from')),
    to: instant(params.get('to')),
  };
}

export function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const audit = useAudit(filters);
  const accounts = useAccounts();
  const [username, setUsername] = useState(filters.username ?? '');
  const [action, setAction] = useState(filters.action ?? '');
  useEffect(() => {
    setUsername(filters.username ?? '');
    setAction(filters.action ?? '');
  }, [filters.username, filters.action]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ username: username.trim() || undefined, action: action.trim() || undefined });
  };

  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t('audit.title')}</h1>
      <form onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3">
        <input
          className={`${inputBase} w-40`}
          placeholder={t('audit.filterUser')}
          aria-label={t('audit.filterUser')}
          value={username}
          maxLength={64}
          onChange={(e) => setUsername(e.target.value)}
          data-testid="audit-user"
        />
        <input
          className={`${inputBase} w-48`}
          placeholder={t('audit.filterAction')}
          aria-label={t('audit.filterAction')}
          value={action}
          maxLength={64}
          onChange={(e) => setAction(e.target.value)}
          data-testid="audit-action"
        />
        <select
          className={`${inputBase} w-auto`}
          aria-label={t('audit.outcome')}
          value={filters.outcome ?? ''}
          onChange={(e) => update({ outcome: e.target.value || undefined })}
          data-testid="audit-outcome"
        >
          <option value="">{t('audit.allOutcomes')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`audit.outcome.${o}`)}
            </option>
          ))}
        </select>
        <select
          className={`${inputBase} w-auto`}
          aria-label={t('audit.account')}
          value={filters.accountId ?? ''}
          onChange={(e) => update({ accountId: e.target.value || undefined })}
          data-testid="audit-account"
        >
          <option value="">{t('audit.allAccounts')}</option>
          {(accounts.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label className="flex flex-col text-xs text-slate-600">
          {t('audit.from')} ({zoneLabel()})
          <input
            type="datetime-local"
            className={`${inputBase} w-auto`}
            value={toDateTimeInput(filters.from)}
            onChange={(e) => update({ from: fromInput(e.target.value) })}
            data-testid="audit-from"
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          {t('audit.to')} ({zoneLabel()})
          <input
            type="datetime-local"
            className={`${inputBase} w-auto`}
            value={toDateTimeInput(filters.to)}
            onChange={(e) => update({ to: fromInput(e.target.value) })}
            data-testid="audit-to"
          />
        </label>
        <Button type="submit">{t('common.search')}</Button>
        <a
          href={auditExportUrl(filters)}
          download
          className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          title={t('audit.exportHint')}
          data-testid="audit-export"
        >
          {t('audit.exportCsv')}
        </a>
      </form>
      {audit.error ? <ErrorPanel error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.isPending ? (
        <Loading />
      ) : audit.data ? (
        <>
          <Table
            testId="audit-table"
            head={[
              t('audit.at'),
              t('audit.user'),
              t('audit.action'),
              t('audit.resource'),
              t('audit.batch'),
              t('audit.outcome'),
              t('audit.requestId'),
              t('audit.detail'),
            ]}
          >
            {audit.data.items.length === 0 ? (
              <EmptyRow colSpan={8}>{t('common.empty')}</EmptyRow>
            ) : (
              audit.data.items.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <Td className="whitespace-nowrap">{formatTime(r.at)}</Td>
                  <Td>
                    {r.username} <span className="text-xs text-slate-500">({r.role})</span>
                  </Td>
                  <Td>
                    <code className="text-xs">{r.action}</code>
                    {r.decision ? <span className="block text-xs text-slate-500">{r.decision}</span> : null}
                  </Td>
                  <Td>
                    <code className="text-xs">
                      {[r.accountId, r.resource].filter(Boolean).join(' / ') || '—'}
                    </code>
                  </Td>
                  <Td>
                    <code className="text-xs">{r.batchId ?? '—'}</code>
                  </Td>
                  <Td>
                    <span className={`font-medium ${tone[r.outcome]}`}>{r.outcome}</span>
                  </Td>
                  <Td>
                    <code className="text-xs">{r.upstreamRequestId ?? '—'}</code>
                  </Td>
                  <Td className="max-w-xs break-words text-xs">{r.detail ?? ''}</Td>
                </tr>
              ))
            )}
          </Table>
          <Pager
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            total={audit.data.total}
            onPage={(page) => update({ page: String(page) })}
          />
        </>
      ) : null}
    </section>
  );
}
