import type { AsGroup, AsTag } from '@console/contract';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { inputClass } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { RowsEditor } from '../../../components/RowsEditor';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useAsChange, useGroupTags } from './api';
import { useBlocked } from './shared';

/** A group has at most ten tags (seed 5.9.3). */
const MAX_TAGS = 10;
const BAD = /[=*<>\\,|/]/;

/** CreateOrDeleteScalingTags (create): keys the group has get the new value. */
function TagsDialog({
  accountId,
  group,
  current,
  onClose,
}: {
  accountId: string;
  group: AsGroup;
  current: AsTag[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [rows, setRows] = useState<AsTag[]>([{ key: '', value: '' }]);
  const keys = rows.map((r) => r.key.trim());
  const after = new Set([...current.map((c) => c.key), ...keys]);
  const problem =
    rows.length === 0 || keys.some((k) => k === '')
      ? t('as.tagKeyRequired')
      : keys.some((k) => k.length > 36 || BAD.test(k))
        ? t('as.tagKeyRule')
        : rows.some((r) => r.value.length > 43 || BAD.test(r.value))
          ? t('as.tagValueRule')
          : new Set(keys).size !== keys.length
            ? t('as.tagKeyTwice')
            : after.size > MAX_TAGS
              ? t('as.tagsFull', { n: MAX_TAGS })
              : undefined;
  return (
    <FormDialog
      title={t('as.addTagsTitle', { name: group.name })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('as.save')}
      submitTestId="as-tag-submit"
      onSubmit={() =>
        change.mutate(
          {
            kind: 'putTags',
            groupId: group.id,
            tags: rows.map((r) => ({ key: r.key.trim(), value: r.value })),
          },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
      testId="as-tag-dialog"
    >
      <p>{t('as.addTagsBody')}</p>
      <RowsEditor
        columns={[
          {
            head: t('as.tagKey'),
            cell: (row, set) => (
              <input
                className={inputClass}
                value={row.key}
                maxLength={36}
                aria-label={t('as.tagKey')}
                onChange={(e) => set({ key: e.target.value })}
                data-testid="as-tag-key"
              />
            ),
          },
          {
            head: t('as.tagValue'),
            cell: (row, set) => (
              <input
                className={inputClass}
                value={row.value}
                maxLength={43}
                aria-label={t('as.tagValue')}
                onChange={(e) => set({ value: e.target.value })}
                data-testid="as-tag-value"
              />
            ),
          },
        ]}
        rows={rows}
        onChange={setRows}
        newRow={{ key: '', value: '' }}
        max={MAX_TAGS}
        rowTestId="as-tag-edit-row"
        removeLabel={t('as.remove')}
        addLabel={t('as.addRow')}
        addTestId="as-tag-add-row"
      />
    </FormDialog>
  );
}

/** The group's tags (and system tags), added, replaced and deleted. */
export function TagsPanel({ accountId, group }: { accountId: string; group: AsGroup }) {
  const { t } = useI18n();
  const tags = useGroupTags(accountId, group.id);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <div>
      <SectionHeader
        title={t('as.tags')}
        action={{
          label: t('as.addTags'),
          testId: 'as-tag-add',
          disabledReason: blocked,
          onClick: () => setAdding(true),
        }}
      />
      <QueryView query={tags}>
        {(data) => (
          <>
            <DataTable
              testId="as-tags-table"
              head={[t('as.tagKey'), t('as.tagValue'), t('as.actions')]}
              rows={data.tags}
              row={(tag) => (
                <tr key={tag.key} data-testid="as-tag-row" data-key={tag.key} data-value={tag.value}>
                  <Td>
                    <code>{tag.key}</code>
                  </Td>
                  <Td>{tag.value || '—'}</Td>
                  <Td>
                    <button
                      type="button"
                      className="text-sm text-blue-700 hover:underline disabled:cursor-not-allowed disabled:opacity-50"
                      disabled={blocked !== undefined}
                      title={blocked}
                      onClick={() => {
                        change.reset();
                        setDeleting(tag.key);
                      }}
                      data-testid="as-tag-delete"
                    >
                      {t('as.delete')}
                    </button>
                  </Td>
                </tr>
              )}
            />
            {data.sysTags.length ? (
              <p className="mt-2 text-sm text-slate-600">
                {t('as.sysTags')}: {data.sysTags.map((s) => `${s.key}=${s.value}`).join(', ')}
              </p>
            ) : null}
            {adding ? (
              <TagsDialog
                accountId={accountId}
                group={group}
                current={data.tags}
                onClose={() => setAdding(false)}
              />
            ) : null}
          </>
        )}
      </QueryView>
      {deleting !== null ? (
        <ConfirmActionDialog
          title={t('as.deleteTagTitle', { key: deleting })}
          confirmLabel={t('as.delete')}
          pending={change.isPending}
          error={change.error}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            change.mutate(
              { kind: 'deleteTags', groupId: group.id, keys: [deleting] },
              { onSuccess: () => setDeleting(null) },
            )
          }
          testId="as-tag-delete-dialog"
          confirmTestId="as-tag-delete-submit"
        >
          <p>{t('as.deleteTagBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
