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
import { formatTime } from '../../lib/format';
import { type AuditFilters, useAudit } from './api';

const OUTCOMES: AuditRecord['outcome'][] = ['success', 'failure', 'denied', 'stale', 'unknown'];
const tone: Record<AuditRecord['outcome'], string> = {
  success: 'text-emerald-800',
  failure: 'text-red-800',
  denied: 'text-orange-800',
  stale: 'text-amber-800',
  unknown: 'text-violet-800',
};

function readFilters(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page') ?? '1');
  const outcome = params.get('outcome');
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: 50,
    username: params.get('username') || undefined,
    action: params.get('action') || undefined,
    outcome: OUTCOMES.includes(outcome as AuditRecord['outcome'])
      ? (outcome as AuditRecord['outcome'])
      : undefined,
  };
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const audit = useAudit(filters);
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
        <Button type="submit">{t('common.search')}</Button>
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
                  <Td className="whitespace-nowrap">{formatTime(r.at, locale)}</Td>
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
