import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { nativeLabel } from '../../../i18n/native-labels';
import { formatTime } from '../../../lib/format';
import { useGroups } from './api';
import { GroupDialog } from './GroupDialogs';
import { filterClass, GroupStatus, type UrlState, useBlocked } from './shared';

const STATUSES = ['INSERVICE', 'PAUSED', 'ERROR', 'DELETING'] as const;

/** The account's scaling groups, one page at a time, by name and status; a click opens one (`?group=`). */
export function GroupsTab({ accountId, params, set }: { accountId: string } & UrlState) {
  const { t } = useI18n();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const name = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const groups = useGroups(accountId, page, name, status);
  const blocked = useBlocked();
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState(name);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: typed.trim(), page: undefined });
          }}
        >
          <input
            className={filterClass}
            value={typed}
            placeholder={t('as.searchName')}
            aria-label={t('as.searchName')}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="as-group-search"
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium text-slate-700">{t('as.status')}</span>
          <select
            className={filterClass}
            value={status}
            onChange={(e) => set({ status: e.target.value, page: undefined })}
            data-testid="as-group-status-filter"
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
          data-testid="as-group-create"
        >
          {t('as.createGroup')}
        </Button>
      </div>
      <QueryView query={groups}>
        {(data) => (
          <>
            <DataTable
              testId="as-groups-table"
              head={[
                t('as.group'),
                t('as.status'),
                t('as.capacity'),
                t('as.minMax'),
                t('as.config'),
                t('as.created'),
              ]}
              rows={data.items}
              row={(g) => (
                <tr key={g.id} data-testid="as-group-row" data-group={g.name}>
                  <Td>
                    <button
                      type="button"
                      className="font-medium text-blue-700 hover:underline"
                      onClick={() => set({ group: g.id, page: undefined, q: undefined, status: undefined })}
                      data-testid="as-group-open"
                    >
                      {g.name}
                    </button>
                    <code className="block text-xs text-slate-500">{g.id}</code>
                  </Td>
                  <Td>
                    <GroupStatus status={g.status} scaling={g.isScaling} />
                  </Td>
                  <Td>
                    <span data-testid="as-group-capacity">
                      {t('as.currentOfDesired', { current: g.current, desired: g.desired })}
                    </span>
                  </Td>
                  <Td>
                    {g.min} – {g.max}
                  </Td>
                  <Td>{g.configName ?? <span className="text-slate-500">{t('as.noConfig')}</span>}</Td>
                  <Td>{formatTime(g.createTime)}</Td>
                </tr>
              )}
            />
            <Pager
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
            />
          </>
        )}
      </QueryView>
      {creating ? (
        <GroupDialog
          accountId={accountId}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            if (id) set({ group: id, page: undefined, q: undefined, status: undefined });
          }}
        />
      ) : null}
    </div>
  );
}
