import { page, type RetailCloudHandlers } from '../context';
import type { RcApp, RcUser } from '../model';

/**
 * The response documents only `stateless`/`stateful`; DaemonSet (3) and CronJob (5) apps keep no
 * per-pod state, so they read as stateless.
 */
export const appStateType = (app: RcApp): string => (app.StateType === 2 ? 'stateful' : 'stateless');

function appSummary(app: RcApp) {
  return {
    AppId: app.AppId,
    Title: app.Title,
    Description: app.Description,
    Language: app.Language,
    OperatingSystem: app.OperatingSystem,
    BizName: app.BizCode,
    ServiceType: app.ServiceType,
    DeployType: app.DeployType,
    BizTitle: app.BizTitle,
    AppStateType: appStateType(app),
  };
}

/** ListApp and DescribeAppDetail: the read path of the application family. */
export const appReadHandlers: RetailCloudHandlers = {
  ListApp: ({ params, store }) => {
    const apps = [...store.apps.values()].sort((a, b) => a.AppId - b.AppId);
    const { TotalCount, Data } = page(apps, params.int('PageNumber'), params.int('PageSize'), 20);
    // ListApp is the one list the seed documents without PageNumber/PageSize in the answer.
    return { TotalCount, Data: Data.map(appSummary) };
  },

  DescribeAppDetail: ({ params, store }) => {
    const app = store.app(params.int('AppId', true));
    const users = new Map<string, RcUser>(store.users.map((u) => [`${u.UserType}/${u.UserId}`, u]));
    return {
      Result: {
        ...appSummary(app),
        UserRoles: app.UserRoles.map((role) => ({
          UserId: role.UserId,
          UserType: role.UserType,
          RealName: users.get(`${role.UserType}/${role.UserId}`)?.RealName ?? '',
          RoleName: role.RoleName,
        })),
      },
    };
  },
};
