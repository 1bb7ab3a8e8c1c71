import type { ConsoleStatus } from '@console/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputBase } from '../../components/Field';
import { NativeValue } from '../../components/NativeValue';
import { Pager } from '../../components/Pager';
import { Loading } from '../../components/Spinner';
import { StaleMarker } from '../../components/StaleMarker';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyRow, Table, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import type { NativeKind } from '../../i18n/native-labels';
import { useAccount, useAccountFeatures } from '../accounts/api';
import { useRole } from '../auth/api';
import { BatchActions } from '../namespaces';
import { type ListFilters, useApplications, useNamespaces } from './api';

const RC_DESCRIPTION_KINDS: readonly NativeKind[] = ['envType'];
/** A last rollout's status: a status name, or an AOS action and its phase (`upgrade Failed`). */
const ROLLOUT_STATUS_KINDS: readonly NativeKind[] = ['status', 'aosAction'];

const STATUSES: ConsoleStatus[] = ['running', 'stopped', 'deploying', 'waiting', 'failed', 'unknown'];
const PAGE_SIZES = [10, 20, 50, 100];

function readFilters(params: URLSearchParams): ListFilters {
  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('pageSize') ?? '20');
  const status = params.get('status');
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    q: params.get('q') || undefined,
    namespaceId: params.get('namespaceId') || undefined,
    tag: params.get('tag') || undefined,
    status: STATUSES.includes(status as ConsoleStatus) ? (status as ConsoleStatus) : undefined,
  };
}

export function ApplicationListPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const apps = useApplications(accountId, filters);
  const namespaces = useNamespaces(accountId);
  const has = useAccountFeatures(accountId);
  // A Retail Cloud environment is described by its app and its type (`正式`, `测试`), said in words.
  const descriptionKinds = useAccount(accountId)?.product === 'retailcloud' ? RC_DESCRIPTION_KINDS : [];
  // Start and stop of several at once (SAE, AS) and tags (SAE, AS) exist only where the product has them.
  const batch = has('startStop');
  const tags = has('appTags');
  const namespaceName = new Map(
    (namespaces.data ?? []).filter((ns) => ns.name !== ns.id).map((ns) => [ns.id, ns.name]),
  );
  const [search, setSearch] = useState(filters.q ?? '');
  const role = useRole();
  // A selection belongs to one namespace; changing the filter starts a new one.
  const [selection, setSelection] = useState<{ namespaceId?: string; ids: Set<string> }>({ ids: new Set() });
  const ticked = selection.namespaceId === filters.namespaceId ? selection.ids : new Set<string>();
  const toggle = (id: string) => {
    const next = new Set(ticked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelection({ namespaceId: filters.namespaceId, ids: next });
  };
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  /** Filters live in the URL; changing one returns to the first page. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() || undefined });
  };
  const filtered = Boolean(filters.q || filters.namespaceId || filters.status || filters.tag);

  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t('apps.title')}</h1>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <search>
          <form onSubmit={submitSearch} className="flex gap-2">
            <input
              className={`${inputBase} w-56`}
              type="search"
              placeholder={t('apps.searchPlaceholder')}
              aria-label={t('common.search')}
              value={search}
              maxLength={64}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="apps-search"
            />
            <Button type="submit">{t('common.search')}</Button>
          </form>
        </search>
        <select
          className={`${inputBase} w-auto`}
          aria-label={t('apps.namespace')}
          value={filters.namespaceId ?? ''}
          onChange={(e) => update({ namespaceId: e.target.value || undefined })}
          data-testid="apps-namespace"
        >
          <option value="">{t('apps.allNamespaces')}</option>
          {namespaces.data?.map((ns) => (
            <option key={ns.id} value={ns.id}>
              {ns.name} ({ns.id})
            </option>
          ))}
        </select>
        <select
          className={`${inputBase} w-auto`}
          aria-label={t('apps.status')}
          value={filters.status ?? ''}
          onChange={(e) => update({ status: e.target.value || undefined })}
          data-testid="apps-status"
        >
          <option value="">{t('apps.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        {filters.tag ? (
          <span
            className="inline-flex items-center gap-1 rounded-full bg-blue-50 px-2 py-1 text-sm text-blue-800"
            data-testid="apps-tag-filter"
          >
            {t('apps.tagFilter', { tag: filters.tag })}
            <button
              type="button"
              className="ml-1 rounded-full px-1 hover:bg-blue-100"
              aria-label={t('apps.clearTag')}
              onClick={() => update({ tag: undefined })}
            >
              ×
            </button>
          </span>
        ) : null}
        {filtered ? (
          <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
            {t('apps.clearFilters')}
          </Button>
        ) : null}
        <label className="ml-auto inline-flex items-center gap-2 text-sm text-slate-600">
          {t('apps.pageSize')}
          <select
            className={`${inputBase} w-auto`}
            value={filters.pageSize}
            onChange={(e) => update({ pageSize: e.target.value })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      {batch ? (
        <div className="mb-3">
          <BatchActions
            accountId={accountId}
            namespaceId={filters.namespaceId}
            apps={(apps.data?.items ?? [])
              .filter((a) => ticked.has(a.id))
              .map((a) => ({ id: a.id, name: a.name }))}
            role={role}
          />
        </div>
      ) : null}
      {apps.error ? <ErrorPanel error={apps.error} onRetry={() => void apps.refetch()} /> : null}
      {apps.isPending ? (
        <Loading />
      ) : apps.data ? (
        <>
          <StaleMarker data={apps.data} />
          <Table
            testId="applications-table"
            head={[
              ...(batch ? [''] : []),
              t('apps.name'),
              t('apps.namespace'),
              t('apps.status'),
              t('apps.instances'),
              ...(tags ? [t('apps.tags')] : []),
            ]}
          >
            {apps.data.items.length === 0 ? (
              <EmptyRow colSpan={4 + (batch ? 1 : 0) + (tags ? 1 : 0)}>{t('apps.noMatch')}</EmptyRow>
            ) : (
              apps.data.items.map((app) => (
                <tr key={app.id} data-testid="application-row" className="hover:bg-slate-50">
                  {batch ? (
                    <Td>
                      <input
                        type="checkbox"
                        checked={ticked.has(app.id)}
                        disabled={!filters.namespaceId}
                        title={filters.namespaceId ? app.name : t('batch.chooseNamespace')}
                        onChange={() => toggle(app.id)}
                        aria-label={app.name}
                        data-testid="application-select"
                      />
                    </Td>
                  ) : null}
                  <Td>
                    <Link
                      className="font-medium text-blue-700 hover:underline"
                      to={`/accounts/${accountId}/applications/${app.id}`}
                    >
                      {app.name}
                    </Link>
                    {app.description ? (
                      <p className="text-xs text-slate-500">
                        <NativeValue value={app.description} kinds={descriptionKinds} />
                      </p>
                    ) : null}
                  </Td>
                  <Td>
                    {namespaceName.get(app.namespaceId) ?? ''}{' '}
                    <code className="text-xs text-slate-500">{app.namespaceId}</code>
                  </Td>
                  <Td>
                    <StatusBadge status={app.status} native={app.native.currentStatus} />
                    {app.native.lastChangeOrderRunning && app.native.lastChangeOrderId ? (
                      <Link
                        to={`/accounts/${accountId}/rollouts/${app.native.lastChangeOrderId}`}
                        className="mt-1 block text-xs text-blue-700 hover:underline"
                      >
                        {t('app.openRollout')} (
                        <NativeValue value={app.native.lastChangeOrderStatus} kinds={ROLLOUT_STATUS_KINDS} />)
                      </Link>
                    ) : null}
                  </Td>
                  <Td>
                    {app.runningInstances} / {app.instances}
                  </Td>
                  {tags ? (
                    <Td>
                      <span className="flex flex-wrap gap-1">
                        {app.tags.map((tag) => (
                          <button
                            type="button"
                            key={tag.key}
                            title={t('apps.filterByTag')}
                            onClick={() => update({ tag: `${tag.key}=${tag.value}` })}
                            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-blue-100"
                            data-testid="app-tag"
                          >
                            {tag.key}={tag.value}
                          </button>
                        ))}
                      </span>
                    </Td>
                  ) : null}
                </tr>
              ))
            )}
          </Table>
          <Pager
            page={apps.data.page}
            pageSize={apps.data.pageSize}
            total={apps.data.total}
            onPage={(page) => update({ page: String(page) })}
          />
        </>
      ) : null}
    </section>
  );
}
