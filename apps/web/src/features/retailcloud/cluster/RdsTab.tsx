import type { RcRdsAccount, RcRdsDatabase } from '@console/contract';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/Button';
import { inputBase } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { StatusBadge } from '../../../components/StatusBadge';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useBackups, useDatabases, useRdsAccounts } from './api';
import {
  AccountDialog,
  CreateDatabaseDialog,
  DeleteAccountDialog,
  DeleteDatabaseDialog,
  GrantDialog,
} from './RdsDialogs';
import { formatBytes, useBlocked } from './shared';

const RDS_ID = /^[a-z]{2,4}-[a-z0-9]{4,40}$/;

const dbStatus = (s: string) =>
  s === 'Running' ? 'running' : s === 'Creating' ? 'preparing' : s === 'Deleting' ? 'aborted' : 'unknown';
const accountStatus = (s: string) =>
  s === 'Available' ? 'running' : s === 'Unavailable' ? 'stopped' : 'unknown';
const backupStatus = (s: string) => (s === 'Success' ? 'succeeded' : s === 'Failed' ? 'failed' : 'unknown');

/**
 * Retail Cloud has no action that lists RDS instances: the operator names the instance (`?rds=`), and
 * its databases, accounts and backups follow.
 */
export function RdsTab({
  accountId,
  rdsId,
  onRdsId,
}: {
  accountId: string;
  rdsId: string;
  onRdsId: (rdsId: string) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(rdsId);
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (RDS_ID.test(typed.trim())) onRdsId(typed.trim());
  };
  return (
    <div>
      <form onSubmit={open} className="flex flex-wrap items-end gap-2">
        <label className="block text-sm">
          <span className="block font-medium text-slate-700">{t('rcCluster.rdsInstance')}</span>
          <input
            className={`${inputBase} mt-1 w-80 font-mono`}
            value={typed}
            placeholder="rm-…"
            onChange={(e) => setTyped(e.target.value)}
            data-testid="rc-rds-id"
          />
        </label>
        <Button
          type="submit"
          variant="primary"
          disabled={!RDS_ID.test(typed.trim())}
          data-testid="rc-rds-open"
        >
          {t('rcCluster.rdsOpen')}
        </Button>
        <span className="text-xs text-slate-500">{t('rcCluster.rdsHint')}</span>
      </form>
      {rdsId ? <RdsInstance key={rdsId} accountId={accountId} rdsId={rdsId} /> : null}
    </div>
  );
}

function RdsInstance({ accountId, rdsId }: { accountId: string; rdsId: string }) {
  const { t, locale } = useI18n();
  const databases = useDatabases(accountId, rdsId);
  const accounts = useRdsAccounts(accountId, rdsId);
  const [backupPage, setBackupPage] = useState(1);
  const [backupType, setBackupType] = useState('');
  const backups = useBackups(accountId, rdsId, backupPage, backupType);
  const operatorBlocked = useBlocked('operator');
  const adminBlocked = useBlocked('admin');
  const [open, setOpen] = useState<
    | { kind: 'createDb' }
    | { kind: 'deleteDb'; db: RcRdsDatabase }
    | { kind: 'createAccount' }
    | { kind: 'reset' | 'grant' | 'deleteAccount'; account: RcRdsAccount }
    | null
  >(null);
  const engine = databases.data?.[0]?.engine;
  const sqlServer = engine?.toLowerCase().includes('sqlserver') ?? false;
  const close = () => setOpen(null);
  return (
    <div data-testid="rc-rds-instance">
      <SectionHeader
        title={t('rcCluster.databases')}
        action={{
          label: t('rcCluster.createDb'),
          testId: 'rc-db-create',
          disabledReason: operatorBlocked,
          onClick: () => setOpen({ kind: 'createDb' }),
        }}
      />
      <QueryView query={databases}>
        {(data) => (
          <DataTable
            testId="rc-databases-table"
            head={[
              t('rcCluster.dbName'),
              t('rcCluster.status'),
              t('rcCluster.characterSet'),
              t('rcCluster.grantedAccounts'),
              t('rcCluster.actions'),
            ]}
            rows={data}
            row={(d) => (
              <tr key={d.name} data-testid="rc-db-row" data-db={d.name}>
                <Td>
                  <span className="font-medium">{d.name}</span>
                  {d.description ? <p className="text-xs text-slate-500">{d.description}</p> : null}
                </Td>
                <Td>
                  <StatusBadge status={dbStatus(d.status)} native={d.status} />
                </Td>
                <Td>
                  {d.characterSet ?? '—'} <span className="text-xs text-slate-500">{d.engine}</span>
                </Td>
                <Td>
                  {d.accounts.length === 0
                    ? '—'
                    : d.accounts.map((a) => (
                        <span key={a.account} className="mr-2 inline-block" title={a.privilegeDetail}>
                          <code>{a.account}</code>{' '}
                          <span className="text-xs text-slate-500">{a.privilege}</span>
                        </span>
                      ))}
                </Td>
                <Td>
                  <Button
                    variant="ghost"
                    disabledReason={operatorBlocked}
                    onClick={() => setOpen({ kind: 'deleteDb', db: d })}
                    data-testid="rc-db-delete"
                  >
                    {t('rcCluster.delete')}
                  </Button>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>

      <SectionHeader
        title={t('rcCluster.rdsAccounts')}
        action={{
          label: t('rcCluster.createAccount'),
          testId: 'rc-account-create',
          disabledReason: adminBlocked,
          onClick: () => setOpen({ kind: 'createAccount' }),
        }}
      />
      <QueryView query={accounts}>
        {(data) => (
          <DataTable
            testId="rc-accounts-table"
            head={[
              t('rcCluster.accountName'),
              t('rcCluster.status'),
              t('rcCluster.accountType'),
              t('rcCluster.privileges'),
              t('rcCluster.actions'),
            ]}
            rows={data}
            row={(a) => (
              <tr key={a.name} data-testid="rc-account-row" data-account={a.name}>
                <Td>
                  <span className="font-medium">{a.name}</span>
                  {a.description ? <p className="text-xs text-slate-500">{a.description}</p> : null}
                </Td>
                <Td>
                  <StatusBadge status={accountStatus(a.status)} native={a.status} />
                </Td>
                <Td>{a.type === 'Super' ? t('rcCluster.accountSuper') : t('rcCluster.accountNormal')}</Td>
                <Td>
                  {a.privileges.length === 0 ? (
                    <span className="text-slate-500">{t('rcCluster.noPrivileges')}</span>
                  ) : (
                    a.privileges.map((p) => (
                      <span
                        key={p.dbName}
                        className="mr-2 inline-block"
                        title={p.privilegeDetail}
                        data-testid="rc-account-privilege"
                      >
                        <code>{p.dbName}</code> <span className="text-xs text-slate-500">{p.privilege}</span>
                      </span>
                    ))
                  )}
                  {a.privExceeded ? (
                    <p className="text-xs text-amber-700">{t('rcCluster.privExceeded')}</p>
                  ) : null}
                </Td>
                <Td>
                  <RowActions
                    wrap
                    actions={[
                      {
                        label: t('rcCluster.grant'),
                        testId: 'rc-account-grant',
                        disabledReason:
                          adminBlocked ??
                          ((databases.data?.length ?? 0) === 0 ? t('rcCluster.noDatabases') : undefined),
                        onClick: () => setOpen({ kind: 'grant', account: a }),
                      },
                      {
                        label: t('rcCluster.resetPassword'),
                        testId: 'rc-account-reset',
                        disabledReason: adminBlocked,
                        onClick: () => setOpen({ kind: 'reset', account: a }),
                      },
                      {
                        label: t('rcCluster.delete'),
                        testId: 'rc-account-delete',
                        disabledReason: adminBlocked,
                        onClick: () => setOpen({ kind: 'deleteAccount', account: a }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>

      <SectionHeader title={t('rcCluster.backups')}>
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={backupType}
          aria-label={t('rcCluster.backupType')}
          onChange={(e) => {
            setBackupType(e.target.value);
            setBackupPage(1);
          }}
          data-testid="rc-backup-type"
        >
          <option value="">{t('rcCluster.backupAll')}</option>
          <option value="FullBackup">{t('rcCluster.backupFull')}</option>
          <option value="IncrementalBackup">{t('rcCluster.backupIncremental')}</option>
        </select>
      </SectionHeader>
      <QueryView query={backups}>
        {(data) => (
          <>
            <p className="mb-2 text-sm text-slate-600" data-testid="rc-backup-total">
              {t('rcCluster.backupTotal', {
                count: data.total,
                size: formatBytes(data.totalSize, locale),
              })}
            </p>
            <DataTable
              testId="rc-backups-table"
              head={[
                t('rcCluster.backupId'),
                t('rcCluster.status'),
                t('rcCluster.backupType'),
                t('rcCluster.backupMode'),
                t('rcCluster.backupStart'),
                t('rcCluster.backupEnd'),
                t('rcCluster.backupSize'),
                t('rcCluster.backupDbs'),
              ]}
              rows={data.items}
              row={(b) => (
                <tr key={b.id} data-testid="rc-backup-row">
                  <Td>
                    <code>{b.id}</code>
                  </Td>
                  <Td>
                    <StatusBadge status={backupStatus(b.status)} native={b.status} />
                  </Td>
                  <Td>{b.type}</Td>
                  <Td>
                    {b.mode ?? '—'} <span className="text-xs text-slate-500">{b.method}</span>
                  </Td>
                  <Td>{formatTime(b.startTime)}</Td>
                  <Td>{formatTime(b.endTime)}</Td>
                  <Td>{formatBytes(b.size, locale)}</Td>
                  <Td>{b.dbNames ?? '—'}</Td>
                </tr>
              )}
            />
            <Pager page={backupPage} pageSize={data.pageSize} total={data.total} onPage={setBackupPage} />
          </>
        )}
      </QueryView>

      {open?.kind === 'createDb' ? (
        <CreateDatabaseDialog accountId={accountId} rdsId={rdsId} engine={engine} onClose={close} />
      ) : null}
      {open?.kind === 'deleteDb' ? (
        <DeleteDatabaseDialog accountId={accountId} rdsId={rdsId} db={open.db} onClose={close} />
      ) : null}
      {open?.kind === 'createAccount' ? (
        <AccountDialog accountId={accountId} rdsId={rdsId} onClose={close} />
      ) : null}
      {open?.kind === 'reset' ? (
        <AccountDialog accountId={accountId} rdsId={rdsId} account={open.account} onClose={close} />
      ) : null}
      {open?.kind === 'grant' ? (
        <GrantDialog
          accountId={accountId}
          rdsId={rdsId}
          account={open.account}
          databases={databases.data ?? []}
          sqlServer={sqlServer}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'deleteAccount' ? (
        <DeleteAccountDialog accountId={accountId} rdsId={rdsId} account={open.account} onClose={close} />
      ) : null}
    </div>
  );
}
