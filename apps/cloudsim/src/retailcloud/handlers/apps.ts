import type { RcParams, RetailCloudHandlers } from '../context';
import { gatewayErrors } from '../envelope';
import {
  type BizCode,
  type RcApp,
  type RcUserRole,
  type RoleName,
  rcError,
  type StateType,
  type UserType,
} from '../model';

const BIZ_CODES: readonly BizCode[] = ['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE'];
const LANGUAGES = ['Java', 'PHP', 'C#', 'Python'];
const OPERATING_SYSTEMS = ['Linux', 'Windows'];
const SERVICE_TYPES = ['GeneralApplication', 'StoreApplication', 'TaoHuDongApplication'];
/** Role names are case-sensitive (seed 1.1.1). */
const ROLE_NAMES: readonly RoleName[] = ['Owner', 'PE', 'Dev', 'Test'];
const USER_TYPES: readonly UserType[] = ['DING_TALK', 'TAOBAO'];
const STATE_TYPES: readonly StateType[] = [1, 2, 3, 5];

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

/** `UserRoles.N.{RoleName,UserId,UserType}`: required on CreateApp and UpdateApp alike. */
function userRoles(params: RcParams): RcUserRole[] {
  const items = params.objects('UserRoles');
  if (!items) throw gatewayErrors.missingParameter('UserRoles.1.RoleName');
  return items.map((item, i) => {
    for (const field of ['RoleName', 'UserId', 'UserType']) {
      if (item[field] === undefined) throw gatewayErrors.missingParameter(`UserRoles.${i + 1}.${field}`);
    }
    const role = item as { RoleName: string; UserId: string; UserType: string };
    check(ROLE_NAMES.includes(role.RoleName as RoleName), `UserRoles.${i + 1}.RoleName`);
    check(USER_TYPES.includes(role.UserType as UserType), `UserRoles.${i + 1}.UserType`);
    check(role.UserId.trim() !== '', `UserRoles.${i + 1}.UserId`);
    return { RoleName: role.RoleName as RoleName, UserId: role.UserId, UserType: role.UserType as UserType };
  });
}

/** 应用基础信息 mutations (seed 1.1): CreateApp, UpdateApp, DeleteAppDetail. */
export const appHandlers: RetailCloudHandlers = {
  CreateApp: ({ params, store, now }) => {
    const bizCode = params.str('BizCode', true);
    const language = params.str('Language', true);
    const os = params.str('OperatingSystem', true);
    const serviceType = params.str('ServiceType', true);
    const title = params.str('Title', true);
    const roles = userRoles(params);
    check(BIZ_CODES.includes(bizCode as BizCode), 'BizCode');
    check(LANGUAGES.includes(language), 'Language');
    check(OPERATING_SYSTEMS.includes(os), 'OperatingSystem');
    check(SERVICE_TYPES.includes(serviceType), 'ServiceType');
    check(title.trim() !== '', 'Title');
    const stateType = params.int('StateType') ?? 1;
    check(STATE_TYPES.includes(stateType as StateType), 'StateType');
    const middleware = (params.list('MiddleWareIdList') ?? []).map((v) => {
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n))
        throw gatewayErrors.invalidParameter('MiddleWareIdList');
      return n;
    });
    if ([...store.apps.values()].some((a) => a.Title === title)) throw rcError('conflict', `应用 ${title}`);
    const groupName = params.str('GroupName');
    const group = groupName
      ? [...store.groups.values()].find((g) => g.Name === groupName && g.BizCode === bizCode)
      : undefined;
    if (groupName && !group) throw rcError('notFound', `应用分组 ${groupName} 不存在`);
    const namespace = params.str('Namespace');
    if (namespace !== undefined) check(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace), 'Namespace');
    const AppId = store.nextId('app');
    const app: RcApp = {
      AppId,
      Title: title,
      BizTitle: params.str('BizTitle') ?? '',
      BizCode: bizCode as BizCode,
      Description: params.str('Description') ?? '',
      Language: language,
      OperatingSystem: os,
      ServiceType: serviceType,
      StateType: stateType as StateType,
      // Every app of the seed's API deploys to a k8s cluster.
      DeployType: 'ContainerDeployment',
      Namespace: namespace || `jck-namespace-${AppId}`,
      UserRoles: roles,
      MiddleWareIdList: middleware,
      createdAt: now,
    };
    store.apps.set(AppId, app);
    if (group) {
      const id = store.nextId('mapping');
      store.groupMappings.set(id, { Id: id, AppId, GroupId: group.Id, Name: group.Name });
    }
    return { Result: { AppId } };
  },

  UpdateApp: ({ params, store }) => {
    const app = store.app(params.int('AppId', true));
    const roles = userRoles(params);
    const language = params.str('Language');
    const os = params.str('OperatingSystem');
    const serviceType = params.str('ServiceType');
    if (language !== undefined) check(LANGUAGES.includes(language), 'Language');
    if (os !== undefined) check(OPERATING_SYSTEMS.includes(os), 'OperatingSystem');
    if (serviceType !== undefined) check(SERVICE_TYPES.includes(serviceType), 'ServiceType');
    app.UserRoles = roles;
    if (language !== undefined) app.Language = language;
    if (os !== undefined) app.OperatingSystem = os;
    if (serviceType !== undefined) app.ServiceType = serviceType;
    const bizTitle = params.str('BizTitle');
    if (bizTitle !== undefined) app.BizTitle = bizTitle;
    const description = params.str('Description');
    if (description !== undefined) app.Description = description;
    return { Result: { Success: true } };
  },

  // The seed's table marks AppId optional; without it there is nothing to delete, so it is required here.
  DeleteAppDetail: ({ params, engine, now }) => {
    engine.deleteApp(params.int('AppId', true), params.bool('Force') ?? false, now);
    return { Result: { Success: true } };
  },
};
