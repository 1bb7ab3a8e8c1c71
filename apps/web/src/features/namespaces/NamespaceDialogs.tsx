import type { Namespace } from '@console/contract';
import { type FormEvent, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, inputClass } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { type NamespaceChange, useNamespaceChange } from './api';

const SUFFIX = /^[a-z0-9]{1,20}$/;

/** Create (no `namespace`) or edit a namespace. */
export function NamespaceFormDialog({
  accountId,
  regionId,
  namespace,
  onClose,
}: {
  accountId: string;
  regionId: string;
  namespace?: Namespace;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useNamespaceChange(accountId);
  const [suffix, setSuffix] = useState('');
  const [name, setName] = useState(namespace?.name ?? '');
  const [description, setDescription] = useState(namespace?.description ?? '');
  const problem =
    !namespace && !SUFFIX.test(suffix)
      ? t('namespaces.suffixRule')
      : name.trim() === ''
        ? t('form.required', { field: t('namespaces.name') })
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const body = { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) };
    const action: NamespaceChange = namespace
      ? { kind: 'update', namespaceId: namespace.id, body }
      : { kind: 'create', body: { namespaceId: `${regionId}:${suffix}`, ...body } };
    change.mutate(action, { onSuccess: onClose });
  };

  return (
    <Dialog
      title={namespace ? t('namespaces.editTitle', { id: namespace.id }) : t('namespaces.createTitle')}
      onClose={onClose}
      busy={change.isPending}
      testId="namespace-dialog"
    >
      <form onSubmit={submit} className="space-y-3">
        {namespace ? null : (
          <Field label={t('namespaces.id')} hint={t('namespaces.suffixRule')}>
            <span className="flex items-center gap-1">
              <code className="text-sm text-slate-600">{regionId}:</code>
              <input
                className={inputClass}
                value={suffix}
                maxLength={20}
                onChange={(e) => setSuffix(e.target.value)}
                data-testid="namespace-suffix"
              />
            </span>
          </Field>
        )}
        <Field label={t('namespaces.name')}>
          <input
            className={inputClass}
            value={name}
            maxLength={63}
            onChange={(e) => setName(e.target.value)}
            data-testid="namespace-name"
          />
        </Field>
        <Field label={t('namespaces.description')}>
          <input
            className={inputClass}
            value={description}
            maxLength={64}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="namespace-description"
          />
        </Field>
        {problem && (suffix !== '' || namespace) ? (
          <p className="text-sm text-red-700" role="alert">
            {problem}
          </p>
        ) : null}
        {change.error ? <ErrorPanel error={change.error} /> : null}
        <DialogActions>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={change.isPending || problem !== undefined}
            data-testid="namespace-submit"
          >
            {change.isPending
              ? t('common.sending')
              : namespace
                ? t('namespaces.save')
                : t('namespaces.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function DeleteNamespaceDialog({
  accountId,
  namespace,
  onClose,
}: {
  accountId: string;
  namespace: Namespace;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useNamespaceChange(accountId);
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ kind: 'delete', namespaceId: namespace.id, confirmId: typed }, { onSuccess: onClose });
  };
  return (
    <Dialog
      title={t('namespaces.deleteTitle', { id: namespace.id })}
      onClose={onClose}
      busy={change.isPending}
      testId="namespace-delete-dialog"
    >
      <form onSubmit={submit} className="space-y-3">
        <p className="font-medium text-red-800">{t('namespaces.deleteWarning')}</p>
        <Field label={t('delete.typeName', { name: namespace.id })}>
          <input
            className={inputClass}
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            data-testid="namespace-delete-confirm"
          />
        </Field>
        {change.error ? <ErrorPanel error={change.error} /> : null}
        <DialogActions>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="danger"
            disabled={change.isPending || typed !== namespace.id}
            data-testid="namespace-delete-submit"
          >
            {change.isPending ? t('common.sending') : t('namespaces.delete')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Moves an empty namespace to another VPC; the cloud refuses while applications or ingresses remain. */
export function NamespaceVpcDialog({
  accountId,
  namespace,
  onClose,
}: {
  accountId: string;
  namespace: Namespace;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useNamespaceChange(accountId);
  const [vpcId, setVpcId] = useState(namespace.vpcId ?? '');
  const problem = /^vpc-[a-z0-9]{8,}$/.test(vpcId) ? undefined : t('namespaces.vpcRule');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) change.mutate({ kind: 'vpc', namespaceId: namespace.id, vpcId }, { onSuccess: onClose });
  };
  return (
    <Dialog
      title={t('namespaces.vpcTitle', { id: namespace.id })}
      onClose={onClose}
      busy={change.isPending}
      testId="namespace-vpc-dialog"
    >
      <form onSubmit={submit} className="space-y-3">
        <p>{t('namespaces.vpcBody')}</p>
        <Field label={t('app.vpc')} hint={problem}>
          <input
            className={inputClass}
            value={vpcId}
            onChange={(e) => setVpcId(e.target.value)}
            data-testid="namespace-vpc"
          />
        </Field>
        {change.error ? <ErrorPanel error={change.error} /> : null}
        <DialogActions>
          <Button onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={change.isPending || problem !== undefined || vpcId === namespace.vpcId}
            data-testid="namespace-vpc-submit"
          >
            {change.isPending ? t('common.sending') : t('namespaces.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
