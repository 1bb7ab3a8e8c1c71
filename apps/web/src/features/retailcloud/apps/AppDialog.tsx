import type { CreateRcAppBody, RcAppDetail, RcBizCode, RcUserRoleInput } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { inputBase, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { rcChange, useRcChange, useRcGroups, useRcUsers } from './api';

export const BIZ_CODES: RcBizCode[] = ['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE'];
const LANGUAGES = ['Java', 'PHP', 'C#', 'Python'] as const;
const SYSTEMS = ['Linux', 'Windows'] as const;
const SERVICE_TYPES = ['GeneralApplication', 'StoreApplication', 'TaoHuDongApplication'] as const;
const STATE_TYPES = [1, 2, 3, 5] as const;
const ROLE_NAMES = ['Owner', 'PE', 'Dev', 'Test'] as const;

type RoleRow = { user: string; roleName: RcUserRoleInput['roleName'] };
const userKey = (userType: string, userId: string) => `${userType}/${userId}`;

/** Create an app, or edit one; both send the whole list of user roles, picked from the account's users. */
export function AppDialog({
  accountId,
  app,
  onClose,
  onCreated,
}: {
  accountId: string;
  app?: RcAppDetail;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const users = useRcUsers(accountId);
  const [title, setTitle] = useState(app?.title ?? '');
  const [bizCode, setBizCode] = useState<RcBizCode>('JST');
  const [bizTitle, setBizTitle] = useState(app?.bizTitle ?? '');
  const [description, setDescription] = useState(app?.description ?? '');
  const [language, setLanguage] = useState<CreateRcAppBody['language']>(
    (app?.language as CreateRcAppBody['language']) ?? 'Java',
  );
  const [operatingSystem, setOperatingSystem] = useState<CreateRcAppBody['operatingSystem']>(
    (app?.operatingSystem as CreateRcAppBody['operatingSystem']) ?? 'Linux',
  );
  const [serviceType, setServiceType] = useState<CreateRcAppBody['serviceType']>(
    (app?.serviceType as CreateRcAppBody['serviceType']) ?? 'StoreApplication',
  );
  const [stateType, setStateType] = useState<(typeof STATE_TYPES)[number]>(1);
  const [namespace, setNamespace] = useState('');
  const [groupName, setGroupName] = useState('');
  const groups = useRcGroups(accountId, bizCode);
  const [roles, setRoles] = useState<RoleRow[]>(
    app
      ? app.userRoles.map((r) => ({
          user: userKey(r.userType, r.userId),
          roleName: r.roleName as RoleRow['roleName'],
        }))
      : [{ user: '', roleName: 'Owner' }],
  );

  const problem =
    !app && title.trim() === ''
      ? t('rcApps.app.titleRequired')
      : namespace !== '' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)
        ? t('rcApps.app.namespaceRule')
        : roles.length === 0
          ? t('rcApps.app.oneRole')
          : roles.some((r) => r.user === '')
            ? t('rcApps.app.pickUser')
            : undefined;

  const userRoles = (): RcUserRoleInput[] =>
    roles.map((r) => {
      const [userType, ...rest] = r.user.split('/');
      return {
        roleName: r.roleName,
        userType: userType as RcUserRoleInput['userType'],
        userId: rest.join('/'),
      };
    });

  const submit = () => {
    const common = {
      bizTitle,
      description,
      language,
      operatingSystem,
      serviceType,
      userRoles: userRoles(),
    };
    if (app) {
      change.mutate(rcChange.updateApp(app.appId, common), { onSuccess: onClose });
      return;
    }
    change.mutate(
      rcChange.createApp({
        ...common,
        title: title.trim(),
        bizCode,
        stateType,
        ...(namespace ? { namespace } : {}),
        ...(groupName ? { groupName } : {}),
      }),
      {
        onSuccess: (created) => {
          onCreated?.(created.id);
          onClose();
        },
      },
    );
  };

  const setRole = (index: number, patch: Partial<RoleRow>) =>
    setRoles(roles.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  // A role of a user the list does not know (e.g. removed since) is still shown, by its id.
  const known = new Set((users.data ?? []).map((u) => userKey(u.userType, u.userId)));

  return (
    <FormDialog
      title={app ? t('rcApps.app.editTitle', { name: app.title }) : t('rcApps.app.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={app ? t('rcApps.save') : t('rcApps.app.create')}
      submitTestId="rc-app-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-app-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {app ? null : (
          <>
            <TextField
              label={t('rcApps.app.title')}
              hint={t('rcApps.app.titleHint')}
              value={title}
              maxLength={64}
              onChange={setTitle}
              testId="rc-app-title"
            />
            <SelectField
              label={t('rcApps.app.bizCode')}
              value={bizCode}
              onChange={(v) => {
                setBizCode(v as RcBizCode);
                setGroupName('');
              }}
              testId="rc-app-biz"
            >
              {BIZ_CODES.map((b) => (
                <option key={b} value={b}>
                  {t(`rcApps.biz.${b}` as MessageKey)} ({b})
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('rcApps.app.stateType')}
              value={stateType}
              onChange={(v) => setStateType(Number(v) as (typeof STATE_TYPES)[number])}
              testId="rc-app-state-type"
            >
              {STATE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`rcApps.stateType.${s}` as MessageKey)} ({s})
                </option>
              ))}
            </SelectField>
          </>
        )}
        <TextField
          label={t('rcApps.app.bizTitle')}
          value={bizTitle}
          maxLength={64}
          onChange={setBizTitle}
          testId="rc-app-biz-title"
        />
        <SelectField
          label={t('rcApps.app.language')}
          value={language}
          onChange={(v) => setLanguage(v as typeof language)}
          testId="rc-app-language"
        >
          {LANGUAGES.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </SelectField>
        <SelectField
          label={t('rcApps.app.os')}
          value={operatingSystem}
          onChange={(v) => setOperatingSystem(v as typeof operatingSystem)}
        >
          {SYSTEMS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </SelectField>
        <SelectField
          label={t('rcApps.app.serviceType')}
          value={serviceType}
          onChange={(v) => setServiceType(v as typeof serviceType)}
          testId="rc-app-service-type"
        >
          {SERVICE_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(`rcApps.serviceType.${s}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        {app ? null : (
          <>
            <TextField
              label={t('rcApps.app.namespace')}
              hint={t('rcApps.app.namespaceHint')}
              value={namespace}
              maxLength={63}
              onChange={setNamespace}
            />
            <SelectField
              label={t('rcApps.app.group')}
              value={groupName}
              onChange={setGroupName}
              testId="rc-app-group"
            >
              <option value="">{t('common.none')}</option>
              {(groups.data ?? []).map((g) => (
                <option key={g.id} value={g.name}>
                  {g.name}
                </option>
              ))}
            </SelectField>
          </>
        )}
      </div>
      <TextField
        label={t('rcApps.app.description')}
        value={description}
        maxLength={255}
        onChange={setDescription}
        testId="rc-app-description"
      />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t('rcApps.app.userRoles')}</legend>
        <p className="mb-2 text-xs text-slate-500">{t('rcApps.app.userRolesHint')}</p>
        {roles.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a user may be blank while picked
          <div key={index} className="mb-2 flex gap-2" data-testid="rc-app-role-row">
            <select
              className={`${inputBase} flex-1`}
              value={row.user}
              onChange={(e) => setRole(index, { user: e.target.value })}
              data-testid="rc-app-role-user"
            >
              <option value="">{t('rcApps.app.pickUserOption')}</option>
              {row.user && !known.has(row.user) ? <option value={row.user}>{row.user}</option> : null}
              {(users.data ?? []).map((u) => (
                <option key={userKey(u.userType, u.userId)} value={userKey(u.userType, u.userId)}>
                  {u.realName} · {u.userId} ({u.userType})
                </option>
              ))}
            </select>
            <select
              className={inputBase}
              value={row.roleName}
              onChange={(e) => setRole(index, { roleName: e.target.value as RoleRow['roleName'] })}
              data-testid="rc-app-role-name"
            >
              {ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <Button variant="ghost" onClick={() => setRoles(roles.filter((_, i) => i !== index))}>
              {t('rcApps.remove')}
            </Button>
          </div>
        ))}
        <Button
          onClick={() => setRoles([...roles, { user: '', roleName: 'Dev' }])}
          disabled={roles.length >= 50}
          data-testid="rc-app-role-add"
        >
          {t('rcApps.app.addRole')}
        </Button>
      </fieldset>
    </FormDialog>
  );
}
