import type { AsActivity, AsGroup } from '@console/contract';
import { Link } from 'react-router';
import { NativeValue } from '../../../components/NativeValue';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { nativeLabel } from '../../../i18n/native-labels';
import { formatTime, fromDateTimeInput, toDateTimeInput, zoneLabel } from '../../../lib/format';
import { useActivities } from './api';
import { filterClass, NativeStatus, type UrlState } from './shared';

const STATUSES = ['DOING', 'SUCCESS', 'FAIL'] as const;
const TYPES = [
  'NORMAL',
  'MANUAL_ADD',
  'MANUAL_REMOVE',
  'MANUAL_DELETE',
  'ELB_CHECK_DELETE',
  'AUDIT_CHECK_DELETE',
  'DIFF',
  'MODIFY_ELB',
] as const;

/** A `datetime-local` value, read in the zone the console shows, as an ISO instant (what the BFF takes), or empty. */
const isoOf = (input: string) => {
  const ms = fromDateTimeInput(input);
  return ms === undefined ? '' : new Date(ms).toISOString();
};

const names = (list: AsActivity['added']) => list.map((i) => i.name ?? i.id ?? '').join(', ');

/** The group's scaling activities (log v2) by status, type and time; the filters live in the URL. */
export function ActivitiesPanel({
  accountId,
  group,
  live,
  params,
  set,
}: { accountId: string; group: AsGroup; live: boolean } & UrlState) {
  const { t } = useI18n();
  const page = Math.max(1, Number(params.get('apage')) || 1);
  const filter = {
    status: params.get('astatus') ?? '',
    types: params.get('atype') ?? '',
    from: params.get('afrom') ?? '',
    to: params.get('ato') ?? '',
  };
  const activities = useActivities(accountId, group.id, page, filter, live);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <select
          className={filterClass}
          value={filter.status}
          aria-label={t('as.status')}
          onChange={(e) => set({ astatus: e.target.value, apage: undefined })}
          data-testid="as-activity-status-filter"
        >
          <option value="">{t('as.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s} title={s}>
              {nativeLabel(t, ['status'], s)}
            </option>
          ))}
        </select>
        <select
          className={filterClass}
          value={filter.types}
          aria-label={t('as.activityType')}
          onChange={(e) => set({ atype: e.target.value, apage: undefined })}
          data-testid="as-activity-type-filter"
        >
          <option value="">{t('as.allTypes')}</option>
          {TYPES.map((s) => (
            <option key={s} value={s} title={s}>
              {nativeLabel(t, ['asActivityType'], s)}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm">
          {t('as.from')} ({zoneLabel()})
          <input
            type="datetime-local"
            className={filterClass}
            value={toDateTimeInput(filter.from)}
            onChange={(e) => set({ afrom: isoOf(e.target.value), apage: undefined })}
            data-testid="as-activity-from"
          />
        </label>
        <label className="flex items-center gap-1 text-sm">
          {t('as.to')} ({zoneLabel()})
          <input
            type="datetime-local"
            className={filterClass}
            value={toDateTimeInput(filter.to)}
            onChange={(e) => set({ ato: isoOf(e.target.value), apage: undefined })}
            data-testid="as-activity-to"
          />
        </label>
      </div>
      <QueryView query={activities}>
        {(data) => (
          <>
            <DataTable
              testId="as-activities-table"
              head={[
                t('as.status'),
                t('as.activityType'),
                t('as.started'),
                t('as.ended'),
                t('as.change'),
                t('as.reasons'),
                t('as.instancesChanged'),
              ]}
              rows={data.items}
              row={(a) => (
                <tr key={a.id} data-testid="as-activity-row" data-status={a.status} data-type={a.type}>
                  <Td>
                    <NativeStatus value={a.status} />
                    <Link
                      className="mt-1 block text-xs text-blue-700 hover:underline"
                      to={`/accounts/${encodeURIComponent(accountId)}/rollouts/${encodeURIComponent(a.rolloutId)}`}
                    >
                      {t('as.openRollout')}
                    </Link>
                  </Td>
                  <Td>{a.type ? <NativeValue value={a.type} kinds={['asActivityType']} /> : '—'}</Td>
                  <Td>{formatTime(a.startTime)}</Td>
                  <Td>{formatTime(a.endTime)}</Td>
                  <Td>
                    {t('as.activityChange', { from: a.instanceValue, to: a.desireValue, by: a.scalingValue })}
                  </Td>
                  <Td>
                    {a.reasons.length
                      ? a.reasons.map((r) => (
                          <span key={`${r.changeReason}-${r.changeTime}`} className="block">
                            <NativeValue value={r.changeReason} kinds={['asReason']} /> {r.oldValue} →{' '}
                            {r.newValue}
                            {r.policyName ? ` · ${r.policyName}` : ''}
                          </span>
                        ))
                      : (a.description ?? '—')}
                  </Td>
                  <Td>
                    {a.added.length ? (
                      <span className="block">{t('as.addedList', { names: names(a.added) })}</span>
                    ) : null}
                    {a.removed.length ? (
                      <span className="block">{t('as.removedList', { names: names(a.removed) })}</span>
                    ) : null}
                    {a.deleted.length ? (
                      <span className="block">{t('as.deletedList', { names: names(a.deleted) })}</span>
                    ) : null}
                    {a.failed.map((f) => (
                      <span key={f.id ?? f.name} className="block text-red-700">
                        {t('as.failedOne', { name: f.name ?? f.id ?? '', reason: f.reason ?? '' })}
                      </span>
                    ))}
                  </Td>
                </tr>
              )}
            />
            <Pager
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => set({ apage: p > 1 ? String(p) : undefined })}
            />
          </>
        )}
      </QueryView>
    </div>
  );
}
