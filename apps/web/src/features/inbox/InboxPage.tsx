import type { ActionState, InboxAction, InboxActionResult, WaitingItem } from '@console/contract';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Spinner';
import { Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { newIdempotencyKey } from '../../lib/api-client';
import { formatTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useRole } from '../auth/api';
import { LivePageHeader, useInbox, useInboxActions } from '../live';

/** The actions an item offers, in the order shown; `unsupported` ones are not shown at all. */
const ACTIONS: { action: InboxAction; state: (a: WaitingItem['actions']) => ActionState | undefined }[] = [
  { action: 'confirm', state: (a) => a.confirm },
  { action: 'extend', state: (a) => a.extend },
  { action: 'abort', state: (a) => a.abort },
  { action: 'abort-and-rollback', state: (a) => a.abortAndRollback },
];

interface Pending {
  items: WaitingItem[];
  action: InboxAction;
  /** Made when the dialog opens, reused if it is sent again: a double click never acts twice. */
  keys: string[];
}

interface Outcome extends InboxActionResult {
  appName: string;
  accountName: string;
}

function useAge() {
  const { locale } = useI18n();
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    return (iso: string) => {
      const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(seconds, 'second');
      if (abs < 3_600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3_600), 'hour');
      return relative.format(Math.round(seconds / 86_400), 'day');
    };
  }, [locale]);
}

/** `/inbox`: everything waiting for a person across every account, acted on in place, one or several at once. */
export function InboxPage() {
  const { t, locale } = useI18n();
  const inbox = useInbox();
  const role = useRole();
  const operator = hasRole(role, 'operator');
  const act = useInboxActions();
  const age = useAge();
  const [params, setParams] = useSearchParams();
  const accountFilter = params.get('account') ?? '';
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending | undefined>();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const what = (item: WaitingItem) =>
    t(`inbox.kind.${item.kind}` as MessageKey, { index: item.batch.index, count: item.batchCount });
  const label = (item: WaitingItem, action: InboxAction) => {
    if (action === 'confirm' || action === 'abort') {
      return t(`inbox.action.${action}.${item.kind}` as MessageKey, { index: item.batch.index });
    }
    return t(`inbox.action.${action}` as MessageKey);
  };

  if (inbox.isPending) return <Loading />;
  if (inbox.error) return <ErrorPanel error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const all = inbox.data.items;
  const accounts = [...new Map(all.map((i) => [i.accountId, i.accountName])).entries()];
  const items = accountFilter ? all.filter((i) => i.accountId === accountFilter) : all;
  const confirmable = items.filter((i) => i.actions.confirm.allowed);
  const chosen = items.filter((i) => selected.has(i.key) && i.actions.confirm.allowed);

  const open = (list: WaitingItem[], action: InboxAction) =>
    setPending({ items: list, action, keys: list.map(() => newIdempotencyKey()) });

  const send = () => {
    if (!pending) return;
    const { items: list, action, keys } = pending;
    act.mutate(
      {
        actions: list.map((item, index) => ({
          accountId: item.accountId,
          rolloutId: item.rolloutId,
          batchId: item.batch.id,
          action,
          idempotencyKey: keys[index] ?? newIdempotencyKey(),
        })),
      },
      {
        onSuccess: ({ results }) => {
          setOutcomes(
            results.map((r, index) => ({
              ...r,
              appName: list[index]?.appName ?? r.rolloutId,
              accountName: list[index]?.accountName ?? r.accountId,
            })),
          );
          setSelected(new Set());
          setPending(undefined);
        },
      },
    );
  };

  const toggle = (key: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="space-y-4">
      <LivePageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      {inbox.data.unreachable.map((u) => (
        <p key={u.accountId} role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900">
          {t('inbox.unreachable', { account: u.accountName })}{' '}
          {u.error ? (
            <code>
              {u.error.upstream?.code ?? u.error.code}
              {u.error.upstream?.requestId ? ` · ${u.error.upstream.requestId}` : ''}
            </code>
          ) : null}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          {t('inbox.filterAccount')}
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={accountFilter}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set('account', e.target.value);
              else next.delete('account');
              setParams(next);
            }}
            data-testid="inbox-account-filter"
          >
            <option value="">{t('inbox.allAccounts')}</option>
            {accounts.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="primary"
          disabled={chosen.length === 0}
          disabledReason={operator ? undefined : t('common.requiresRole', { role: t('role.operator') })}
          onClick={() => open(chosen, 'confirm')}
          data-testid="inbox-confirm-selected"
        >
          {t('inbox.confirmSelected', { count: chosen.length })}
        </Button>
      </div>
      {outcomes.length > 0 ? (
        <section
          className="rounded-lg border border-slate-200 bg-white p-3"
          data-testid="inbox-results"
          aria-label={t('inbox.results')}
        >
          <h2 className="text-sm font-semibold text-slate-800">{t('inbox.results')}</h2>
          <ul className="mt-1 space-y-1 text-sm">
            {outcomes.map((o) => (
              <li
                key={`${o.accountId}/${o.rolloutId}/${o.batchId}`}
                data-testid="inbox-result"
                data-status={o.status}
              >
                <span className="font-medium">{o.appName}</span>{' '}
                <span className="text-slate-500">· {o.accountName} ·</span>{' '}
                {o.status === 200 ? (
                  <span className="text-emerald-700">{t('inbox.result.done')}</span>
                ) : o.status === 409 ? (
                  <span className="text-amber-700">{t('inbox.result.stale')}</span>
                ) : (
                  <span className="text-red-700">{t('inbox.result.failed')}</span>
                )}
                {o.error ? (
                  <span className="text-slate-600">
                    {' '}
                    — <code>{o.error.upstream?.code ?? o.error.code}</code>{' '}
                    {o.error.upstream?.message ?? o.error.message}
                    {o.error.upstream?.requestId ? (
                      <>
                        {' '}
                        · {t('error.requestId')}{' '}
                        <code className="select-all">{o.error.upstream.requestId}</code>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="inbox-table">
          <thead className="bg-slate-50">
            <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <th scope="col" className="px-3 py-2">
                {operator ? (
                  <input
                    type="checkbox"
                    aria-label={t('inbox.selectAll')}
                    checked={confirmable.length > 0 && confirmable.every((i) => selected.has(i.key))}
                    onChange={(e) =>
                      setSelected(new Set(e.target.checked ? confirmable.map((i) => i.key) : []))
                    }
                    data-testid="inbox-select-all"
                  />
                ) : null}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.product')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.application')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.what')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.since')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.health')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('inbox.col.actions')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500" data-testid="inbox-empty">
                  {t('inbox.empty')}
                </td>
              </tr>
            ) : (
              items.map((item) => (
                <tr
                  key={item.key}
                  data-testid="inbox-row"
                  data-key={item.key}
                  data-product={item.product}
                  data-app={item.appName}
                >
                  <Td>
                    {operator && item.actions.confirm.allowed ? (
                      <input
                        type="checkbox"
                        aria-label={t('inbox.select', { app: item.appName })}
                        checked={selected.has(item.key)}
                        onChange={() => toggle(item.key)}
                        data-testid="inbox-select"
                      />
                    ) : null}
                  </Td>
                  <Td>
                    <span className="font-medium">{t(`product.short.${item.product}`)}</span>
                    <span className="block text-xs text-slate-500">{item.accountName}</span>
                  </Td>
                  <Td>
                    <Link
                      to={`/accounts/${encodeURIComponent(item.accountId)}/applications/${encodeURIComponent(item.appId)}`}
                      className="font-medium text-blue-700 hover:underline"
                    >
                      {item.appName}
                    </Link>
                    {item.namespaceId ? (
                      <span className="block text-xs text-slate-500">{item.namespaceId}</span>
                    ) : null}
                  </Td>
                  <Td>
                    <span className="block">{what(item)}</span>
                    <span className="block text-xs text-slate-500">
                      {item.batch.name} ·{' '}
                      <Link
                        to={`/accounts/${encodeURIComponent(item.accountId)}/rollouts/${encodeURIComponent(item.rolloutId)}`}
                        className="text-blue-700 hover:underline"
                        data-testid="inbox-rollout-link"
                      >
                        {t('inbox.viewRollout')}
                      </Link>
                    </span>
                    {item.timeout ? (
                      <span className="block text-xs text-amber-800" data-testid="inbox-timeout">
                        {t('inbox.timeout', {
                          action: item.timeout.action,
                          time: formatTime(item.timeout.at, locale),
                        })}
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    <span title={formatTime(item.waitingSince, locale)} data-testid="inbox-since">
                      {age(item.waitingSince)}
                    </span>
                  </Td>
                  <Td>{t('inbox.health', { healthy: item.health.healthy, total: item.health.total })}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {ACTIONS.map(({ action, state }) => {
                        const s = state(item.actions);
                        if (!s || s.code === 'unsupported') return null;
                        return (
                          <Button
                            key={action}
                            variant={action === 'confirm' ? 'primary' : 'secondary'}
                            disabledReason={
                              s.allowed
                                ? undefined
                                : s.code === 'role'
                                  ? t('common.requiresRole', { role: t('role.operator') })
                                  : s.reason
                            }
                            onClick={() => open([item], action)}
                            data-testid={`inbox-${action}`}
                          >
                            {label(item, action)}
                          </Button>
                        );
                      })}
                    </div>
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pending ? (
        <ConfirmActionDialog
          title={
            pending.items.length === 1 && pending.items[0]
              ? t('inbox.oneTitle', {
                  action: label(pending.items[0], pending.action),
                  app: pending.items[0].appName,
                })
              : t('inbox.bulkTitle', { count: pending.items.length })
          }
          confirmLabel={
            pending.items.length === 1 && pending.items[0]
              ? label(pending.items[0], pending.action)
              : t('inbox.confirmSelected', { count: pending.items.length })
          }
          pending={act.isPending}
          error={act.error}
          onCancel={() => {
            act.reset();
            setPending(undefined);
          }}
          onConfirm={send}
          testId="inbox-dialog"
          confirmTestId="inbox-dialog-confirm"
        >
          {pending.items.length > 1 ? <p>{t('inbox.bulkBody')}</p> : null}
          <ul className="mt-2 space-y-1">
            {pending.items.map((item) => (
              <li key={item.key} data-testid="inbox-dialog-item">
                {t('inbox.oneBody', {
                  what: what(item),
                  rollout: item.batch.name,
                  account: item.accountName,
                  healthy: item.health.healthy,
                  total: item.health.total,
                })}{' '}
                <span className="font-medium">({item.appName})</span>
              </li>
            ))}
          </ul>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
