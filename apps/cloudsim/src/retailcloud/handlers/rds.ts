import type { RetailCloudHandlers } from '../context';
import { isoSeconds, type RcRdsAccount, type RcRdsInstance, rcError } from '../model';
import { passwordDigest, type RetailCloudStore } from '../store';

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

/** The RDS actions need a running instance. */
function runningInstance(store: RetailCloudStore, id: string): RcRdsInstance {
  const rds = store.rdsInstance(id);
  if (rds.Status !== 'Running') throw rcError('invalidParameter', `请求失败：实例 ${id} 未处于运行状态`);
  return rds;
}

function account(rds: RcRdsInstance, name: string): RcRdsAccount {
  const found = rds.accounts.find((a) => a.AccountName === name);
  if (!found) throw rcError('notFound', `账号 ${name} 不存在`);
  return found;
}

const CHARSETS: Record<RcRdsInstance['Engine'], string[]> = {
  MySQL: ['utf8', 'gbk', 'latin1', 'utf8mb4'],
  SQLServer: [
    'Chinese_PRC_CI_AS',
    'Chinese_PRC_CS_AS',
    'SQL_Latin1_General_CP1_CI_AS',
    'SQL_Latin1_General_CP1_CS_AS',
    'Chinese_PRC_BIN',
  ],
};

const PRIVILEGE_DETAIL: Record<string, string> = {
  ReadWrite:
    'SELECT,INSERT,UPDATE,DELETE,CREATE,DROP,REFERENCES,INDEX,ALTER,CREATE TEMPORARY TABLES,LOCK TABLES,EXECUTE,CREATE VIEW,SHOW VIEW,CREATE ROUTINE,ALTER ROUTINE,EVENT,TRIGGER',
  ReadOnly: 'SELECT,LOCK TABLES,SHOW VIEW',
  DDLOnly:
    'CREATE,DROP,INDEX,ALTER,CREATE TEMPORARY TABLES,LOCK TABLES,CREATE VIEW,SHOW VIEW,CREATE ROUTINE,ALTER ROUTINE',
  DMLOnly: 'SELECT,INSERT,UPDATE,DELETE,CREATE TEMPORARY TABLES,LOCK TABLES,EXECUTE,SHOW VIEW,EVENT,TRIGGER',
  DBOwner: 'db_owner',
};

/** 8–32 characters of letters, digits and `!@#$&%^*()_+-=`, with at least three of the four kinds. */
function validPassword(p: string): boolean {
  if (p.length < 8 || p.length > 32 || !/^[A-Za-z0-9!@#$&%^*()_+\-=]+$/.test(p)) return false;
  const kinds = [/[A-Z]/, /[a-z]/, /\d/, /[!@#$&%^*()_+\-=]/].filter((r) => r.test(p)).length;
  return kinds >= 3;
}

/** The seed's backup tables write `2019-02-03T12:20:00Z`. */
const backupTime = (ms: number) => `${isoSeconds(ms)}Z`;

/** rds数据库 (seed 7): instance ids arrive as InstanceId, DBInstanceId or DbInstanceId depending on the action. */
export const rdsHandlers: RetailCloudHandlers = {
  DescribeDatabases: ({ params, store }) => {
    const rds = store.rdsInstance(params.str('InstanceId', true));
    return {
      Result: {
        Databases: rds.databases.map((db) => ({
          DBName: db.DBName,
          DBStatus: db.DBStatus,
          DBDescription: db.DBDescription,
          Engine: rds.Engine,
          CharacterSetName: db.CharacterSetName,
          DBInstanceId: rds.DBInstanceId,
          Accounts: rds.accounts.flatMap((a) =>
            a.privileges
              .filter((p) => p.DBName === db.DBName)
              .map((p) => ({
                Account: a.AccountName,
                AccountPrivilege: p.AccountPrivilege,
                AccountPrivilegeDetail: p.AccountPrivilegeDetail,
              })),
          ),
        })),
      },
    };
  },

  DescribeRdsAccounts: ({ params, store }) => {
    const rds = store.rdsInstance(params.str('DbInstanceId', true));
    const name = params.str('AccountName');
    return {
      Result: {
        Accounts: rds.accounts
          .filter((a) => !name || a.AccountName === name)
          .map((a) => ({
            AccountName: a.AccountName,
            AccountStatus: a.AccountStatus,
            AccountType: a.AccountType,
            AccountDescription: a.AccountDescription,
            PrivExceeded: '0',
            DBInstanceId: rds.DBInstanceId,
            DatabasePrivileges: a.privileges.map((p) => ({ ...p })),
          })),
      },
    };
  },

  CreateAccount: ({ params, store }) => {
    const name = params.str('AccountName', true);
    const password = params.str('AccountPassword', true);
    const rds = runningInstance(store, params.str('DbInstanceId', true));
    const type = params.str('AccountType') || 'Normal';
    check(/^[a-z][a-z0-9_]{0,14}[a-z0-9]$/.test(name), 'AccountName');
    check(validPassword(password), 'AccountPassword');
    check(type === 'Normal' || type === 'Super', 'AccountType');
    if (rds.accounts.some((a) => a.AccountName === name)) throw rcError('conflict', `账号 ${name}`);
    rds.accounts.push({
      AccountName: name,
      AccountStatus: 'Available',
      AccountType: type as RcRdsAccount['AccountType'],
      AccountDescription: '',
      passwordDigest: passwordDigest(password),
      privileges: [],
    });
    return {};
  },

  ResetAccountPassword: ({ params, store }) => {
    const name = params.str('AccountName', true);
    const password = params.str('AccountPassword', true);
    const rds = runningInstance(store, params.str('DbInstanceId', true));
    check(validPassword(password), 'AccountPassword');
    account(rds, name).passwordDigest = passwordDigest(password);
    return {};
  },

  DeleteRdsAccount: ({ params, store, requestId }) => {
    const name = params.str('AccountName', true);
    const rds = runningInstance(store, params.str('DbInstanceId', true));
    const found = account(rds, name);
    rds.accounts.splice(rds.accounts.indexOf(found), 1);
    return { Result: { RequestId: requestId ?? '' } };
  },

  GrantDbToAccount: ({ params, store }) => {
    const name = params.str('AccountName', true);
    const privilege = params.str('AccountPrivilege', true);
    const rds = runningInstance(store, params.str('DbInstanceId', true));
    const dbName = params.str('DbName', true);
    check(Object.hasOwn(PRIVILEGE_DETAIL, privilege), 'AccountPrivilege');
    check(privilege !== 'DBOwner' || rds.Engine === 'SQLServer', 'AccountPrivilege DBOwner 仅SQL Server可用');
    const target = account(rds, name);
    if (!rds.databases.some((d) => d.DBName === dbName)) throw rcError('notFound', `数据库 ${dbName} 不存在`);
    const entry = {
      DBName: dbName,
      AccountPrivilege: privilege,
      AccountPrivilegeDetail: PRIVILEGE_DETAIL[privilege] as string,
    };
    const existing = target.privileges.findIndex((p) => p.DBName === dbName);
    if (existing >= 0) target.privileges[existing] = entry;
    else target.privileges.push(entry);
    return {};
  },

  CreateDb: ({ params, store, now }) => {
    const charset = params.str('CharacterSetName', true);
    const rds = runningInstance(store, params.str('DbInstanceId', true));
    const name = params.str('DbName', true);
    const description = params.str('DbDescription') ?? '';
    check(/^[a-z][a-z0-9_-]{0,62}[a-z0-9]$/.test(name), 'DbName');
    check(CHARSETS[rds.Engine].includes(charset), 'CharacterSetName');
    check(description === '' || (description.length >= 2 && description.length <= 256), 'DbDescription');
    if (rds.databases.some((d) => d.DBName === name)) throw rcError('conflict', `数据库 ${name}`);
    rds.databases.push({
      DBName: name,
      DBStatus: 'Running',
      DBDescription: description,
      CharacterSetName: charset,
      createdAt: now,
    });
    return {};
  },

  DeleteDatabase: ({ params, store }) => {
    const rds = runningInstance(store, params.str('DBInstanceId', true));
    const name = params.str('DBName', true);
    const index = rds.databases.findIndex((d) => d.DBName === name);
    if (index < 0) throw rcError('notFound', `数据库 ${name} 不存在`);
    rds.databases.splice(index, 1);
    for (const a of rds.accounts) a.privileges = a.privileges.filter((p) => p.DBName !== name);
    return {};
  },

  GetRdsBackUp: ({ params, store }) => {
    const rds = store.rdsInstance(params.str('DbInstanceId', true));
    const backupId = params.str('BackupId');
    const type = params.str('BackupType');
    check(!type || type === 'FullBackup' || type === 'IncrementalBackup', 'BackupType');
    const size = params.int('PageSize') ?? 30;
    check([30, 50, 100].includes(size), 'PageSize');
    const number = Math.max(1, params.int('PageNumber') ?? 1);
    const items = rds.backups
      .filter((b) => (!backupId || b.BackupId === backupId) && (!type || b.BackupType === type))
      .sort((a, b) => b.startedAt - a.startedAt);
    const slice = items.slice((number - 1) * size, number * size);
    return {
      Result: {
        TotalRecordCount: String(items.length),
        PageNumber: String(number),
        PageRecordCount: String(slice.length),
        TotalBackupSize: items.reduce((a, b) => a + b.BackupSize, 0),
        Items: slice.map((b) => ({
          BackupId: b.BackupId,
          DBInstanceId: rds.DBInstanceId,
          BackupStatus: b.BackupStatus,
          BackupStartTime: backupTime(b.startedAt),
          BackupEndTime: backupTime(b.endedAt),
          BackupType: b.BackupType,
          BackupMode: b.BackupMode,
          BackupMethod: b.BackupMethod,
          BackupLocation: '',
          BackupExtractionStatus: '',
          BackupScale: 'DBInstance',
          BackupDBNames: b.BackupDBNames,
          TotalBackupSize: b.BackupSize,
          BackupSize: b.BackupSize,
          HostInstanceID: b.HostInstanceID,
          StoreStatus: 'Disabled',
          MetaStatus: 'OK',
        })),
      },
    };
  },
};
