import type { AccountAdminView, AdminAccount } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { QueryView } from '../../components/QueryView';
import { RowActions } from '../../components/RowActions';
import { SectionHeader } from '../../components/SectionHeader';
import { DataTable, Td } from '../../components/Table';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { AddAccountDialog, DeleteAccountDialog, ReplaceCredentialsDialog } from './AccountDialogs';
import { useAccountAdmin, useRotateKeys } from './admin-api';

type Open = { kind: 'add' } | { kind: 'replace' | 'delete'; account: AdminAccount } | undefined;

function VaultPanel({ view }: { view: AccountAdminView }) {
  const { t } = useI18n();
  const rotate = useRotateKeys();
  const { vault } = view;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="account-vault">
      <h2 className="mb-2 text-base font-semibold">{t('accounts.vault.title')}</h2>
      {vault.configured ? (
        <div className="space-y-1">
          <p>
            {t('accounts.vault.key', { keyId: vault.keyId ?? '' })}
            {vault.previousKeyId ? ` · ${t('accounts.vault.previous', { keyId: vault.previousKeyId })}` : ''}
          </p>
          <p data-testid="account-vault-pending">
            {vault.pendingRotation > 0
              ? t('accounts.vault.pending', { count: vault.pendingRotation })
              : t('accounts.vault.upToDate')}
          </p>
        </div>
      ) : (
        <p className="text-amber-800" role="status" data-testid="account-vault-missing">
          {t('accounts.vault.missing', { variable: vault.missingVariable ?? 'CONSOLE_CREDENTIALS_KEY' })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          onClick={() => rotate.mutate()}
          disabled={rotate.isPending}
          disabledReason={
            !vault.configured
              ? t('accounts.rotateNoKey')
              : vault.pendingRotation === 0
                ? t('accounts.rotateNothing')
                : undefined
          }
          data-testid="account-rotate"
        >
          {rotate.isPending ? t('common.sending') : t('accounts.rotate')}
        </Button>
        {rotate.data ? (
          <span className="text-emerald-800" role="status" data-testid="account-rotated">
            {t('accounts.rotated', {
              count: rotate.data.reencrypted,
              total: rotate.data.total,
              keyId: rotate.data.keyId,
            })}
          </span>
        ) : null}
      </div>
      {rotate.error ? (
        <div className="mt-3">
          <ErrorPanel error={rotate.error} />
        </div>
      ) : null}
    </section>
  );
}

function CredentialsCell({ account }: { account: AdminAccount }) {
  const { t } = useI18n();
  return (
    <span className="block space-y-0.5">
      <span className="block">
        {t(`accounts.kind.${account.credentialKind}`)}
        {account.keyHint ? ` · ${t('accounts.keyEnding', { hint: account.keyHint })}` : ''}
      </span>
      {account.credentialsSetAt ? (
        <span className="block text-xs text-slate-500">
          {t('accounts.setAt', {
            time: formatTime(account.credentialsSetAt),
            user: account.createdBy ?? '—',
          })}
        </span>
      ) : null}
      {!account.usable ? (
        <span className="block text-xs text-red-700" data-testid="account-unusable">
          {t('accounts.unusable', { problem: account.problem ?? '' })}
        </span>
      ) : null}
    </span>
  );
}

/** Admins: every account with its origin; accounts added here with write-only credentials. */
export function AccountsAdminPage() {
  const { t } = useI18n();
  const view = useAccountAdmin();
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t('accounts.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t('accounts.subtitle')}</p>
      <QueryView query={view}>
        {(data) => {
          const fromConfiguration = (a: AdminAccount) =>
            a.origin === 'configuration' ? t('accounts.fromConfiguration') : undefined;
          return (
            <>
              <VaultPanel view={data} />
              <SectionHeader
                title={t('accounts.list')}
                action={{
                  label: t('accounts.add'),
                  testId: 'account-add',
                  onClick: () => setOpen({ kind: 'add' }),
                  disabledReason: data.vault.configured
                    ? undefined
                    : t('accounts.vault.missing', { variable: data.vault.missingVariable ?? '' }),
                }}
              />
              <DataTable
                head={[
                  t('accounts.col.account'),
                  t('accounts.col.product'),
                  t('accounts.col.region'),
                  t('accounts.col.origin'),
                  t('accounts.col.endpoint'),
                  t('accounts.col.credentials'),
                  t('accounts.col.actions'),
                ]}
                rows={data.accounts}
                testId="account-table"
                row={(a) => (
                  <tr key={a.id} data-testid="account-row" data-account={a.id} data-origin={a.origin}>
                    <Td>
                      <span className="block font-medium">{a.name}</span>
                      <code className="text-xs text-slate-500">{a.id}</code>
                    </Td>
                    <Td className="uppercase">{a.product}</Td>
                    <Td>{a.regionId}</Td>
                    <Td>{t(`accounts.origin.${a.origin}`)}</Td>
                    <Td>
                      <code className="text-xs break-all">{a.endpoint}</code>
                    </Td>
                    <Td>
                      <CredentialsCell account={a} />
                    </Td>
                    <Td>
                      <RowActions
                        wrap
                        actions={[
                          {
                            label: t('accounts.replace'),
                            testId: 'account-replace',
                            onClick: () => setOpen({ kind: 'replace', account: a }),
                            disabledReason:
                              fromConfiguration(a) ??
                              (data.vault.configured ? undefined : t('accounts.rotateNoKey')),
                          },
                          {
                            label: t('accounts.delete'),
                            testId: 'account-delete',
                            onClick: () => setOpen({ kind: 'delete', account: a }),
                            disabledReason: fromConfiguration(a),
                          },
                        ]}
                      />
                    </Td>
                  </tr>
                )}
              />
              {open?.kind === 'add' ? (
                <AddAccountDialog
                  allowedEndpoints={data.allowedEndpoints}
                  takenIds={data.accounts.map((a) => a.id)}
                  onClose={close}
                />
              ) : null}
              {open?.kind === 'replace' ? (
                <ReplaceCredentialsDialog account={open.account} onClose={close} />
              ) : null}
              {open?.kind === 'delete' ? (
                <DeleteAccountDialog account={open.account} onClose={close} />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
