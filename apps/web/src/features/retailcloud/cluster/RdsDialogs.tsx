import type { RcCreateDatabaseBody, RcGrantBody, RcRdsAccount, RcRdsDatabase } from '@console/contract';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { useI18n } from '../../../i18n/i18n';
import { useRdsChange } from './api';
import { rdsPasswordOk, TypedConfirmDialog } from './shared';

const DB_NAME = /^[a-z][a-z0-9_-]{0,62}[a-z0-9]$/;
const ACCOUNT_NAME = /^[a-z][a-z0-9_]{0,14}[a-z0-9]$/;
const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const MYSQL_CHARSETS = ['utf8mb4', 'utf8', 'gbk', 'latin1'] as const;
const SQLSERVER_CHARSETS = [
  'Chinese_PRC_CI_AS',
  'Chinese_PRC_CS_AS',
  'SQL_Latin1_General_CP1_CI_AS',
  'SQL_Latin1_General_CP1_CS_AS',
  'Chinese_PRC_BIN',
] as const;

export function CreateDatabaseDialog({
  accountId,
  rdsId,
  engine,
  onClose,
}: {
  accountId: string;
  rdsId: string;
  engine: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRdsChange(accountId, rdsId);
  const sqlServer = engine?.toLowerCase().includes('sqlserver') ?? false;
  const charsets = sqlServer ? SQLSERVER_CHARSETS : MYSQL_CHARSETS;
  const [name, setName] = useState('');
  const [characterSet, setCharacterSet] = useState<RcCreateDatabaseBody['characterSet']>(charsets[0]);
  const [description, setDescription] = useState('');
  const problem = !DB_NAME.test(name)
    ? t('rcCluster.dbNameRule')
    : description !== '' && (description.length < 2 || description.length > 256)
      ? t('rcCluster.dbDescriptionRule')
      : undefined;
  const submit = () => {
    change.mutate(
      { kind: 'createDb', body: { name, characterSet, ...(description ? { description } : {}) } },
      { onSuccess: onClose },
    );
  };
  return (
    <FormDialog
      title={t('rcCluster.createDbTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.createDb')}
      submitTestId="rc-db-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-db-dialog"
    >
      <TextField
        label={t('rcCluster.dbName')}
        hint={t('rcCluster.dbNameRule')}
        value={name}
        onChange={(v) => setName(v.trim())}
        testId="rc-db-name"
      />
      <SelectField
        label={t('rcCluster.characterSet')}
        className={selectClass}
        value={characterSet}
        onChange={(v) => setCharacterSet(v as typeof characterSet)}
        testId="rc-db-charset"
      >
        {charsets.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('rcCluster.description')}
        hint={t('rcCluster.dbDescriptionRule')}
        value={description}
        maxLength={256}
        onChange={setDescription}
        testId="rc-db-description"
      />
    </FormDialog>
  );
}

export function DeleteDatabaseDialog({
  accountId,
  rdsId,
  db,
  onClose,
}: {
  accountId: string;
  rdsId: string;
  db: RcRdsDatabase;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRdsChange(accountId, rdsId);
  return (
    <TypedConfirmDialog
      title={t('rcCluster.deleteDbTitle', { name: db.name })}
      name={db.name}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'deleteDb', name: db.name }, { onSuccess: onClose })}
      testId="rc-db-delete-dialog"
    >
      <p className="font-medium text-red-800">{t('rcCluster.deleteDbBody')}</p>
    </TypedConfirmDialog>
  );
}

/** A password field that is never pre-filled and never echoed; the rule is checked as one types. */
function PasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField
        label={t('rcCluster.password')}
        hint={t('rcCluster.rdsPasswordRule')}
        type="password"
        autoComplete="new-password"
        value={password}
        maxLength={32}
        onChange={onPassword}
        testId="rc-account-password"
      />
      <TextField
        label={t('rcCluster.passwordAgain')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        maxLength={32}
        onChange={onConfirm}
        testId="rc-account-password-again"
      />
    </div>
  );
}

/** CreateAccount, or ResetAccountPassword when `account` is given. The password is write-only. */
export function AccountDialog({
  accountId,
  rdsId,
  account,
  onClose,
}: {
  accountId: string;
  rdsId: string;
  account?: RcRdsAccount;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRdsChange(accountId, rdsId);
  const [name, setName] = useState(account?.name ?? '');
  const [type, setType] = useState<'Normal' | 'Super'>('Normal');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const problem =
    !account && !ACCOUNT_NAME.test(name)
      ? t('rcCluster.accountNameRule')
      : !rdsPasswordOk(password)
        ? t('rcCluster.rdsPasswordRule')
        : password !== confirm
          ? t('rcCluster.passwordMismatch')
          : undefined;
  const submit = () => {
    change.mutate(
      account
        ? { kind: 'resetPassword', name: account.name, password }
        : { kind: 'createAccount', body: { name, password, type } },
      {
        onSuccess: () => {
          setPassword('');
          setConfirm('');
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={
        account
          ? t('rcCluster.resetPasswordTitle', { name: account.name })
          : t('rcCluster.createAccountTitle')
      }
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={account ? t('rcCluster.resetPassword') : t('rcCluster.createAccount')}
      submitTestId="rc-account-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-account-dialog"
    >
      {account ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('rcCluster.accountName')}
            hint={t('rcCluster.accountNameRule')}
            value={name}
            autoComplete="off"
            onChange={(v) => setName(v.trim())}
            testId="rc-account-name"
          />
          <SelectField
            label={t('rcCluster.accountType')}
            className={selectClass}
            value={type}
            onChange={(v) => setType(v as typeof type)}
            testId="rc-account-type"
          >
            <option value="Normal">{t('rcCluster.accountNormal')}</option>
            <option value="Super">{t('rcCluster.accountSuper')}</option>
          </SelectField>
        </div>
      )}
      <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
      <p className="text-xs text-slate-500">{t('rcCluster.passwordWriteOnly')}</p>
    </FormDialog>
  );
}

export function GrantDialog({
  accountId,
  rdsId,
  account,
  databases,
  sqlServer,
  onClose,
}: {
  accountId: string;
  rdsId: string;
  account: RcRdsAccount;
  databases: RcRdsDatabase[];
  sqlServer: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRdsChange(accountId, rdsId);
  const [dbName, setDbName] = useState(databases[0]?.name ?? '');
  const [privilege, setPrivilege] = useState<RcGrantBody['privilege']>('ReadOnly');
  const privileges: RcGrantBody['privilege'][] = [
    'ReadWrite',
    'ReadOnly',
    'DDLOnly',
    'DMLOnly',
    ...(sqlServer ? (['DBOwner'] as const) : []),
  ];
  const problem = dbName === '' ? t('rcCluster.chooseDb') : undefined;
  const submit = () => {
    change.mutate({ kind: 'grant', name: account.name, body: { dbName, privilege } }, { onSuccess: onClose });
  };
  return (
    <FormDialog
      title={t('rcCluster.grantTitle', { name: account.name })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.grant')}
      submitTestId="rc-grant-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-grant-dialog"
    >
      <SelectField
        label={t('rcCluster.database')}
        className={selectClass}
        value={dbName}
        onChange={setDbName}
        testId="rc-grant-db"
      >
        {databases.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('rcCluster.privilege')}
        hint={t('rcCluster.grantHint')}
        className={selectClass}
        value={privilege}
        onChange={(v) => setPrivilege(v as typeof privilege)}
        testId="rc-grant-privilege"
      >
        {privileges.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}

export function DeleteAccountDialog({
  accountId,
  rdsId,
  account,
  onClose,
}: {
  accountId: string;
  rdsId: string;
  account: RcRdsAccount;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRdsChange(accountId, rdsId);
  return (
    <TypedConfirmDialog
      title={t('rcCluster.deleteAccountTitle', { name: account.name })}
      name={account.name}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'deleteAccount', name: account.name }, { onSuccess: onClose })}
      testId="rc-account-delete-dialog"
    >
      <p className="font-medium text-red-800">{t('rcCluster.deleteAccountBody')}</p>
    </TypedConfirmDialog>
  );
}
