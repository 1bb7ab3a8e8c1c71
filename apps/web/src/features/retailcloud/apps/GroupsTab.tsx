import type { RcAppGroup, RcBizCode, Role } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { inputBase, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { BIZ_CODES } from './AppDialog';
import { rcChange, useRcApps, useRcChange, useRcGroups, useRcUsers } from './api';
import { blockedFor } from './parts';

function CreateGroupDialog({
  accountId,
  bizCode,
  onClose,
}: {
  accountId: string;
  bizCode: RcBizCode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [name, setName] = useState('');
  const problem = name.trim() === '' ? t('rcApps.group.nameRequired') : undefined;
  const submit = () => {
    change.mutate(rcChange.createGroup(bizCode, name.trim()), { onSuccess: onClose });
  };
  return (
    <FormDialog
      title={t('rcApps.group.createTitle', { biz: bizCode })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcApps.group.create')}
      submitTestId="rc-group-submit"
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label={t('rcApps.group.name')}
        value={name}
        maxLength={128}
        onChange={setName}
        testId="rc-group-name"
      />
    </FormDialog>
  );
}

function DeleteGroupDialog({
  accountId,
  group,
  onClose,
}: {
  accountId: string;
  group: RcAppGroup;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [force, setForce] = useState(false);
  return (
    <ConfirmActionDialog
      title={t('rcApps.group.deleteTitle', { name: group.name })}
      confirmLabel={t('rcApps.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(rcChange.deleteGroup(group.bizName, group.name, force), { onSuccess: onClose })
      }
      confirmBlocked={group.apps.length > 0 && !force ? t('rcApps.group.hasApps') : undefined}
      testId="rc-group-delete-dialog"
      confirmTestId="rc-group-delete-submit"
    >
      <p>{t('rcApps.group.deleteBody', { count: group.apps.length })}</p>
      <label className="mt-3 flex items-center gap-2">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="rc-group-delete-force"
        />
        <span>{t('rcApps.group.force')}</span>
      </label>
    </ConfirmActionDialog>
  );
}

/** App groups of one business domain (`?biz=`), the apps in each, binding and unbinding. */
export function GroupsTab({
  accountId,
  role,
  bizCode,
  onBiz,
}: {
  accountId: string;
  role: Role;
  bizCode: RcBizCode;
  onBiz: (biz: RcBizCode) => void;
}) {
  const { t } = useI18n();
  const groups = useRcGroups(accountId, bizCode);
  const apps = useRcApps(accountId);
  const change = useRcChange(accountId);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'delete'; group: RcAppGroup } | null>(null);
  const [binding, setBinding] = useState<Record<string, string>>({});
  const blocked = blockedFor(role, t);
  const title = (appId: string) => apps.data?.find((a) => a.appId === appId)?.title ?? appId;
  // Only apps of the group's business domain can join it.
  const candidates = (g: RcAppGroup) =>
    (apps.data ?? []).filter((a) => a.bizName === bizCode && !g.apps.some((m) => m.appId === a.appId));

  return (
    <div>
      <SectionHeader
        title={t('rcApps.group.title')}
        action={{
          label: t('rcApps.group.create'),
          testId: 'rc-group-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      >
        <select
          className={inputBase}
          value={bizCode}
          aria-label={t('rcApps.app.bizCode')}
          onChange={(e) => onBiz(e.target.value as RcBizCode)}
          data-testid="rc-group-biz"
        >
          {BIZ_CODES.map((b) => (
            <option key={b} value={b}>
              {t(`rcApps.biz.${b}` as MessageKey)} ({b})
            </option>
          ))}
        </select>
      </SectionHeader>
      {groups.error ? <ErrorPanel error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {change.error ? <ErrorPanel error={change.error} /> : null}
      {groups.isPending ? (
        <Loading />
      ) : (
        <DataTable
          testId="rc-groups-table"
          head={[t('rcApps.group.name'), t('rcApps.group.apps'), t('rcApps.group.bind'), t('rcApps.actions')]}
          rows={groups.data ?? []}
          row={(g) => (
            <tr key={g.id} data-testid="rc-group-row">
              <Td>
                <span className="font-medium">{g.name}</span>{' '}
                <code className="text-xs text-slate-500">{g.id}</code>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1" data-testid="rc-group-apps">
                  {g.apps.length === 0 ? <span className="text-slate-500">—</span> : null}
                  {g.apps.map((m) => (
                    <span
                      key={m.mappingId}
                      className="inline-flex items-center gap-1 rounded bg-slate-100 px-2"
                    >
                      {title(m.appId)}
                      <Button
                        variant="ghost"
                        className="px-1 py-0"
                        disabledReason={blocked}
                        disabled={change.isPending}
                        aria-label={t('rcApps.group.unbind', { app: title(m.appId) })}
                        onClick={() => change.mutate(rcChange.unbindGroup(g.bizName, g.name, m.appId))}
                        data-testid="rc-group-unbind"
                      >
                        ×
                      </Button>
                    </span>
                  ))}
                </span>
              </Td>
              <Td>
                <span className="flex gap-1">
                  <select
                    className={inputBase}
                    value={binding[g.id] ?? ''}
                    aria-label={t('rcApps.group.bind')}
                    onChange={(e) => setBinding({ ...binding, [g.id]: e.target.value })}
                    data-testid="rc-group-bind-app"
                  >
                    <option value="">{t('rcApps.group.pickApp')}</option>
                    {candidates(g).map((a) => (
                      <option key={a.appId} value={a.appId}>
                        {a.title}
                      </option>
                    ))}
                  </select>
                  <Button
                    disabledReason={blocked ?? (binding[g.id] ? undefined : t('rcApps.group.pickApp'))}
                    disabled={change.isPending}
                    onClick={() =>
                      change.mutate(rcChange.bindGroup(g.bizName, g.name, binding[g.id] as string), {
                        onSuccess: () => setBinding({ ...binding, [g.id]: '' }),
                      })
                    }
                    data-testid="rc-group-bind"
                  >
                    {t('rcApps.group.bindButton')}
                  </Button>
                </span>
              </Td>
              <Td>
                <Button
                  variant="ghost"
                  disabledReason={blocked}
                  onClick={() => setOpen({ kind: 'delete', group: g })}
                  data-testid="rc-group-delete"
                >
                  {t('rcApps.delete')}
                </Button>
              </Td>
            </tr>
          )}
        />
      )}
      {open?.kind === 'create' ? (
        <CreateGroupDialog accountId={accountId} bizCode={bizCode} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteGroupDialog accountId={accountId} group={open.group} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}

/** Users of the main account: who can hold a role on an app. */
export function UsersTab({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const users = useRcUsers(accountId);
  return (
    <div>
      <SectionHeader title={t('rcApps.user.title')} />
      <p className="mb-2 text-sm text-slate-600">{t('rcApps.user.hint')}</p>
      <QueryView query={users} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-users-table"
            head={[t('rcApps.user.realName'), t('rcApps.user.id'), t('rcApps.user.type')]}
            rows={rows}
            row={(u) => (
              <tr key={`${u.userType}/${u.userId}`} data-testid="rc-user-row">
                <Td>{u.realName}</Td>
                <Td>
                  <code className="text-xs">{u.userId}</code>
                </Td>
                <Td>{u.userType}</Td>
              </tr>
            )}
          />
        )}
      </QueryView>
    </div>
  );
}
