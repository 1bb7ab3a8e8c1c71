import type { CreatedDisplayLink, DisplayLink } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputClass, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Loading } from '../../components/Spinner';
import { DataTable, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { useAccounts } from '../accounts/api';
import { useCreateDisplayLink, useDisplayLinks, useRevokeDisplayLink, wallUrl } from './api';

const EXPIRY_HOURS = [0, 8, 24, 24 * 7, 24 * 30];

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (url: string) => void }) {
  const { t } = useI18n();
  const accounts = useAccounts();
  const create = useCreateDisplayLink();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [hours, setHours] = useState(0);
  const [views, setViews] = useState<Set<string>>(new Set(['overview', 'inbox']));
  const [rotate, setRotate] = useState('0');
  const rotateSeconds = Number(rotate);
  const problem = !name.trim()
    ? t('displayLinks.name')
    : chosen.size === 0
      ? t('displayLinks.accounts')
      : views.size === 0
        ? t('displayLinks.views')
        : !Number.isInteger(rotateSeconds) || rotateSeconds < 0 || (rotateSeconds > 0 && rotateSeconds < 5)
          ? t('displayLinks.rotate')
          : undefined;
  const toggle = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  return (
    <FormDialog
      title={t('displayLinks.create')}
      problem={problem}
      error={create.error}
      pending={create.isPending}
      submitLabel={t('displayLinks.create')}
      submitTestId="display-link-submit"
      onClose={onClose}
      testId="display-link-dialog"
      onSubmit={() =>
        create.mutate(
          {
            name: name.trim(),
            accountIds: [...chosen],
            ...(hours ? { expiresInHours: hours } : {}),
          },
          {
            onSuccess: (created: CreatedDisplayLink) =>
              onCreated(wallUrl(created.token, { views: [...views], rotate: rotateSeconds })),
          },
        )
      }
    >
      <TextField
        label={t('displayLinks.name')}
        value={name}
        onChange={setName}
        maxLength={64}
        testId="display-link-name"
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('displayLinks.accounts')}</legend>
        <div className="mt-1 grid gap-1">
          {(accounts.data ?? []).map((a) => (
            <label key={a.id} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.has(a.id)}
                onChange={() => setChosen((s) => toggle(s, a.id))}
                data-testid={`display-link-account-${a.id}`}
              />
              {a.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t('displayLinks.expires')}
        value={String(hours)}
        onChange={(v) => setHours(Number(v))}
        testId="display-link-expires"
      >
        {EXPIRY_HOURS.map((h) => (
          <option key={h} value={h}>
            {h === 0 ? t('displayLinks.never') : t('displayLinks.hours', { hours: h })}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('displayLinks.views')}</legend>
        <div className="mt-1 flex gap-4">
          {(['overview', 'inbox'] as const).map((view) => (
            <label key={view} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={views.has(view)}
                onChange={() => setViews((s) => toggle(s, view))}
              />
              {t(view === 'overview' ? 'nav.overview' : 'nav.inbox')}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('displayLinks.rotate')}
        value={rotate}
        onChange={setRotate}
        inputMode="numeric"
        className={`${inputClass} max-w-32`}
        testId="display-link-rotate"
      />
    </FormDialog>
  );
}

function CreatedDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('displayLinks.createdTitle')} onClose={onClose} wide testId="display-link-created">
      <p>{t('displayLinks.createdBody')}</p>
      <input
        className={`${inputClass} mt-2 font-mono text-xs`}
        readOnly
        value={url}
        onFocus={(e) => e.target.select()}
        data-testid="display-link-url"
      />
      <DialogActions>
        <Button onClick={() => void navigator.clipboard?.writeText(url)}>{t('displayLinks.copy')}</Button>
        <Button variant="primary" onClick={onClose} data-testid="display-link-created-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** `/admin/display-links`: read-only links for wall screens, their last use, and revocation. */
export function DisplayLinksPage() {
  const { t, locale } = useI18n();
  const links = useDisplayLinks();
  const accounts = useAccounts();
  const revoke = useRevokeDisplayLink();
  const [creating, setCreating] = useState(false);
  const [createdUrl, setCreatedUrl] = useState<string>();
  const [revoking, setRevoking] = useState<DisplayLink>();
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? id;
  if (links.isPending) return <Loading />;
  if (links.error) return <ErrorPanel error={links.error} onRetry={() => void links.refetch()} />;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('displayLinks.title')}</h1>
          <p className="text-sm text-slate-600">{t('displayLinks.subtitle')}</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)} data-testid="display-link-create">
          {t('displayLinks.create')}
        </Button>
      </div>
      <DataTable
        head={[
          t('displayLinks.name'),
          t('displayLinks.accounts'),
          t('displayLinks.col.state'),
          t('displayLinks.expires'),
          t('displayLinks.col.created'),
          t('displayLinks.col.lastUsed'),
          t('displayLinks.col.actions'),
        ]}
        rows={links.data}
        empty={t('displayLinks.empty')}
        testId="display-links"
        row={(link) => (
          <tr key={link.id} data-testid="display-link-row" data-name={link.name} data-state={link.state}>
            <Td className="font-medium">{link.name}</Td>
            <Td>{link.accountIds.map(accountName).join(', ')}</Td>
            <Td>{t(`displayLinks.state.${link.state}`)}</Td>
            <Td>{link.expiresAt ? formatTime(link.expiresAt, locale) : t('displayLinks.never')}</Td>
            <Td>
              {formatTime(link.createdAt, locale)} · {link.createdBy}
            </Td>
            <Td>
              <span data-testid="display-link-last-used">
                {link.lastUsedAt ? formatTime(link.lastUsedAt, locale) : t('displayLinks.never.used')}
              </span>
            </Td>
            <Td>
              {link.state === 'active' ? (
                <Button variant="danger" onClick={() => setRevoking(link)} data-testid="display-link-revoke">
                  {t('displayLinks.revoke')}
                </Button>
              ) : null}
            </Td>
          </tr>
        )}
      />
      {creating ? (
        <CreateDialog
          onClose={() => setCreating(false)}
          onCreated={(url) => {
            setCreating(false);
            setCreatedUrl(url);
          }}
        />
      ) : null}
      {createdUrl ? <CreatedDialog url={createdUrl} onClose={() => setCreatedUrl(undefined)} /> : null}
      {revoking ? (
        <ConfirmActionDialog
          title={t('displayLinks.revokeTitle', { name: revoking.name })}
          confirmLabel={t('displayLinks.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(undefined)}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(undefined) })}
          testId="display-link-revoke-dialog"
          confirmTestId="display-link-revoke-confirm"
        >
          <p>{t('displayLinks.revokeBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
