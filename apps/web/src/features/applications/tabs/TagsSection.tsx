import type { ApplicationDetail, Role } from '@console/contract';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { inputBase } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useI18n } from '../../../i18n/i18n';
import { hasRole } from '../../../lib/roles';
import { useSetTags } from '../api';

const RESERVED = /^(aliyun|acs:|https?:\/\/)/i;

function TagsDialog({
  accountId,
  app,
  onClose,
}: {
  accountId: string;
  app: ApplicationDetail;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const save = useSetTags(accountId, app.id);
  const [rows, setRows] = useState(app.tags.map((tag) => ({ ...tag })));
  const keys = rows.map((r) => r.key);
  const problem = rows.some((r) => !r.key || !r.value || r.key.length > 128 || r.value.length > 128)
    ? t('tags.lengthRule')
    : rows.some((r) => RESERVED.test(r.key) || RESERVED.test(r.value))
      ? t('tags.reservedRule')
      : new Set(keys).size !== keys.length
        ? t('configMaps.duplicateKey')
        : rows.length > 20
          ? t('tags.max')
          : undefined;
  const set = (index: number, patch: Partial<{ key: string; value: string }>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) save.mutate(rows, { onSuccess: onClose });
  };
  return (
    <Dialog
      title={t('tags.editTitle', { name: app.name })}
      onClose={onClose}
      busy={save.isPending}
      testId="tags-dialog"
    >
      <form onSubmit={submit} className="space-y-3">
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a key may be blank while typed
          <div key={index} className="flex gap-2" data-testid="tag-row">
            <input
              className={`${inputBase} w-40`}
              placeholder={t('configMaps.key')}
              value={row.key}
              onChange={(e) => set(index, { key: e.target.value })}
              data-testid="tag-key"
            />
            <input
              className={`${inputBase} flex-1`}
              placeholder={t('configMaps.value')}
              value={row.value}
              onChange={(e) => set(index, { value: e.target.value })}
              data-testid="tag-value"
            />
            <Button variant="ghost" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              {t('scaling.removeSchedule')}
            </Button>
          </div>
        ))}
        <Button
          onClick={() => setRows([...rows, { key: '', value: '' }])}
          disabled={rows.length >= 20}
          data-testid="tag-add"
        >
          {t('tags.add')}
        </Button>
        <FormFooter
          problem={problem}
          error={save.error}
          pending={save.isPending}
          submitLabel={t('namespaces.save')}
          submitTestId="tags-submit"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

export function TagsSection({
  accountId,
  app,
  role,
  editable,
}: {
  accountId: string;
  app: ApplicationDetail;
  role: Role;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center gap-3">
        <h2 className="font-semibold">{t('apps.tags')}</h2>
        {editable ? (
          <Button
            className="ml-auto"
            disabledReason={
              hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' })
            }
            onClick={() => setOpen(true)}
            data-testid="tags-edit"
          >
            {t('namespaces.edit')}
          </Button>
        ) : null}
      </div>
      <p className="mt-2 flex flex-wrap gap-1" data-testid="app-tags">
        {app.tags.length === 0 ? <span className="text-sm text-slate-500">{t('common.none')}</span> : null}
        {app.tags.map((tag) => (
          <code key={tag.key} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
            {tag.key}={tag.value}
          </code>
        ))}
      </p>
      {open ? <TagsDialog accountId={accountId} app={app} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
