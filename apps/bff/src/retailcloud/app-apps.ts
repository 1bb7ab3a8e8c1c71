import type { RcAppGroup, retailCloudAppRoutes } from '@console/contract';
import { HttpError, NotFoundError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import { appDetailView, appSummaryView, deployConfigView, envView, userView } from './app-views';
import type { RetailCloudFamilyDeps } from './family-deps';
import { type RcInput, rcNum, rcObj, rcStr } from './gateway';
import { appEnvId } from './ids';

type H = HandlersOf<typeof retailCloudAppRoutes>;

const b64 = (yaml: string) => Buffer.from(yaml, 'utf8').toString('base64');

/** The workload YAMLs of a deploy-config body, Base64-encoded as the cloud wants them; empty ones left out. */
function yamlParams(body: {
  deployment?: string | undefined;
  statefulSet?: string | undefined;
  cronJob?: string | undefined;
  configMapList?: string[] | undefined;
}): RcInput {
  return {
    Deployment: body.deployment ? b64(body.deployment) : undefined,
    StatefulSet: body.statefulSet ? b64(body.statefulSet) : undefined,
    CronJob: body.cronJob ? b64(body.cronJob) : undefined,
    ConfigMapList: body.configMapList?.map(b64),
  };
}

function mismatch(field: string, expected: string): HttpError {
  return new HttpError(400, 'ConfirmationMismatch', `body field "${field}": type "${expected}" to confirm.`, {
    field,
  });
}

/** Apps, environments, deploy configs, app groups and users. */
export function retailCloudAppsHandlers(deps: RetailCloudFamilyDeps) {
  const { audited } = deps;
  return {
    // ---- apps ----
    rcListApps: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      return (await gw.readAll('ListApp', {})).map(appSummaryView);
    },

    rcGetApp: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      const body = await gw.read('DescribeAppDetail', { AppId: params.rcAppId });
      return appDetailView(rcObj(body.Result));
    },

    rcCreateApp: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(session, 'rc-app-create', params.accountId, `rc-app/${body.title}`, async () => {
        const { body: answer, requestId } = await gw.write('CreateApp', {
          Title: body.title,
          BizCode: body.bizCode,
          Language: body.language,
          OperatingSystem: body.operatingSystem,
          ServiceType: body.serviceType,
          UserRoles: body.userRoles.map((r) => ({
            RoleName: r.roleName,
            UserId: r.userId,
            UserType: r.userType,
          })),
          BizTitle: body.bizTitle || undefined,
          Description: body.description || undefined,
          StateType: body.stateType,
          Namespace: body.namespace || undefined,
          GroupName: body.groupName || undefined,
          MiddleWareIdList: body.middleWareIdList,
        });
        return { id: String(rcObj(answer.Result).AppId ?? ''), requestId };
      });
    },

    rcUpdateApp: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(session, 'rc-app-update', params.accountId, `rc-app/${params.rcAppId}`, async () => {
        const { requestId } = await gw.write('UpdateApp', {
          AppId: params.rcAppId,
          UserRoles: body.userRoles.map((r) => ({
            RoleName: r.roleName,
            UserId: r.userId,
            UserType: r.userType,
          })),
          BizTitle: body.bizTitle,
          Description: body.description,
          Language: body.language,
          OperatingSystem: body.operatingSystem,
          ServiceType: body.serviceType,
        });
        return { requestId };
      });
    },

    rcDeleteApp: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      const app = rcObj((await gw.read('DescribeAppDetail', { AppId: params.rcAppId }, true)).Result);
      const title = rcStr(app.Title) ?? '';
      if (body.confirmName !== title) throw mismatch('confirmName', title);
      return audited(
        session,
        'rc-app-delete',
        params.accountId,
        `rc-app/${params.rcAppId}`,
        async () => {
          const { requestId } = await gw.write('DeleteAppDetail', {
            AppId: params.rcAppId,
            Force: body.force,
          });
          return { requestId };
        },
        body.force ? `force; ${title}` : title,
      );
    },

    // ---- environments ----
    rcListEnvironments: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      const envs = await gw.readAll('ListAppEnvironment', { AppId: params.rcAppId });
      // Only the detail carries Replicas, which the environment table shows.
      return Promise.all(
        envs.map(async (e) => {
          const detail = await gw.read('DescribeAppEnvironmentDetail', {
            AppId: String(e.AppId),
            EnvId: String(e.EnvId),
          });
          return envView({ ...e, ...rcObj(detail.Result) });
        }),
      );
    },

    rcGetEnvironment: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      const body = await gw.read('DescribeAppEnvironmentDetail', {
        AppId: params.rcAppId,
        EnvId: params.envId,
      });
      return envView(rcObj(body.Result));
    },

    rcCreateEnvironment: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-env-create',
        params.accountId,
        `rc-app/${params.rcAppId}/env/${body.envName}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreateEnvironment', {
            AppId: params.rcAppId,
            AppSchemaId: body.appSchemaId,
            EnvName: body.envName,
            EnvType: body.envType,
            Region: body.region || gw.regionId,
            Replicas: body.replicas,
            ClusterId: body.clusterId || undefined,
          });
          const envId = rcNum(rcObj(answer.Result).AppEnvId);
          return { id: appEnvId({ appId: Number(params.rcAppId), envId }), requestId };
        },
      );
    },

    rcUpdateEnvironment: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      const resource = `rc-env/${params.rcAppId}-${params.envId}`;
      const detail = [
        body.replicas === undefined ? '' : `replicas ${body.replicas}`,
        body.appSchemaId === undefined ? '' : `deploy config ${body.appSchemaId}`,
      ]
        .filter(Boolean)
        .join('; ');
      return audited(
        session,
        'rc-env-update',
        params.accountId,
        resource,
        async () => {
          const { requestId } = await gw.write('UpdateEnvironment', {
            AppId: params.rcAppId,
            AppEnvId: params.envId,
            AppSchemaId: body.appSchemaId,
            Replicas: body.replicas,
          });
          return { requestId };
        },
        detail,
      );
    },

    rcDeleteEnvironment: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      const env = rcObj(
        (await gw.read('DescribeAppEnvironmentDetail', { AppId: params.rcAppId, EnvId: params.envId }, true))
          .Result,
      );
      const name = rcStr(env.EnvName) ?? '';
      if (body.confirmName !== name) throw mismatch('confirmName', name);
      return audited(
        session,
        'rc-env-delete',
        params.accountId,
        `rc-env/${params.rcAppId}-${params.envId}`,
        async () => {
          const { requestId } = await gw.write('DeleteAppEnvironment', {
            AppId: params.rcAppId,
            EnvId: params.envId,
            Force: body.force,
          });
          return { requestId };
        },
        body.force ? `force; ${name}` : name,
      );
    },

    // ---- deploy configs ----
    rcListDeployConfigs: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      // The seed's ListDeployConfig takes no page parameters: one answer holds every config.
      const body = await gw.read('ListDeployConfig', { AppId: params.rcAppId });
      return (Array.isArray(body.Data) ? body.Data : []).map((c) => deployConfigView(rcObj(c)));
    },

    rcCreateDeployConfig: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-deploy-config-create',
        params.accountId,
        `rc-app/${params.rcAppId}/deploy-config/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreateDeployConfig', {
            AppId: params.rcAppId,
            EnvType: body.envType,
            Name: body.name,
            CodePath: body.codePath,
            ...yamlParams(body),
          });
          return { id: String(rcObj(answer.Result).SchemaId ?? ''), requestId };
        },
      );
    },

    rcUpdateDeployConfig: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      const current = await deployConfig(deps, params.accountId, params.rcAppId, params.schemaId);
      return audited(
        session,
        'rc-deploy-config-update',
        params.accountId,
        `rc-deploy-config/${params.schemaId}`,
        async () => {
          const { requestId } = await gw.write('UpdateDeployConfig', {
            AppId: params.rcAppId,
            Id: params.schemaId,
            // Marked required by the seed yet "null = unchanged": the current one is sent when none is given.
            CodePath: body.codePath ?? current.codePath,
            ...yamlParams(body),
          });
          return { requestId };
        },
      );
    },

    rcDeleteDeployConfig: async ({ params, session }) => {
      const gw = deps.gateway(params.accountId);
      const current = await deployConfig(deps, params.accountId, params.rcAppId, params.schemaId);
      return audited(
        session,
        'rc-deploy-config-delete',
        params.accountId,
        `rc-deploy-config/${params.schemaId}`,
        async () => {
          const { requestId } = await gw.write('DeleteDeployConfig', { SchemaId: params.schemaId });
          return { requestId };
        },
        current.name,
      );
    },

    // ---- app groups and users ----
    rcListGroups: async ({ params, query }) => {
      const gw = deps.gateway(params.accountId);
      const groups = await gw.readAll('ListAppGroup', { BizCode: query.bizCode });
      return Promise.all(
        groups.map(async (g): Promise<RcAppGroup> => {
          const name = rcStr(g.Name) ?? '';
          const mappings = await gw.readAll('ListAppGroupMapping', { BizCode: query.bizCode, Name: name });
          return {
            id: String(g.Id ?? ''),
            name,
            bizName: rcStr(g.BizName) ?? query.bizCode,
            apps: mappings.map((m) => ({ mappingId: String(m.Id ?? ''), appId: String(m.AppId ?? '') })),
          };
        }),
      );
    },

    rcCreateGroup: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-app-group-create',
        params.accountId,
        `rc-app-group/${body.bizCode}/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreateAppGroup', {
            BizCode: body.bizCode,
            Name: body.name,
          });
          return { id: String(rcObj(answer.Result).AppGroupId ?? ''), requestId };
        },
      );
    },

    rcDeleteGroup: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      // DeleteAppGroup takes the id; the console names a group by domain and name, as Bind/Unbind do.
      const groups = await gw.readAll('ListAppGroup', { BizCode: params.bizCode }, { fresh: true });
      const group = groups.find((g) => g.Name === params.groupName);
      if (!group) throw new NotFoundError(`No app group "${params.groupName}" in ${params.bizCode}.`);
      return audited(
        session,
        'rc-app-group-delete',
        params.accountId,
        `rc-app-group/${params.bizCode}/${params.groupName}`,
        async () => {
          const { requestId } = await gw.write('DeleteAppGroup', {
            GroupId: String(group.Id),
            Force: body.force,
          });
          return { requestId };
        },
        body.force ? 'force' : undefined,
      );
    },

    rcBindGroup: async ({ params, body, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-app-group-bind',
        params.accountId,
        `rc-app-group/${params.bizCode}/${params.groupName}`,
        async () => {
          const { requestId } = await gw.write('BindGroup', {
            AppId: body.appId,
            BizCode: params.bizCode,
            Name: params.groupName,
          });
          return { requestId };
        },
        `app ${body.appId}`,
      );
    },

    rcUnbindGroup: async ({ params, session }) => {
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-app-group-unbind',
        params.accountId,
        `rc-app-group/${params.bizCode}/${params.groupName}`,
        async () => {
          const { requestId } = await gw.write('UnbindGroup', {
            AppId: params.rcAppId,
            BizCode: params.bizCode,
            Name: params.groupName,
          });
          return { requestId };
        },
        `app ${params.rcAppId}`,
      );
    },

    rcListUsers: async ({ params }) => {
      const gw = deps.gateway(params.accountId);
      return (await gw.readAll('ListUsers', {})).map(userView);
    },
  } satisfies Partial<H>;
}

/** One deploy config of an app, read fresh; 404 when the app has no such config. */
async function deployConfig(deps: RetailCloudFamilyDeps, accountId: string, appId: string, schemaId: string) {
  const body = await deps.gateway(accountId).read('ListDeployConfig', { AppId: appId, Id: schemaId }, true);
  const found = (Array.isArray(body.Data) ? body.Data : [])
    .map((c) => deployConfigView(rcObj(c)))
    .find((c) => c.id === schemaId);
  if (!found) throw new NotFoundError(`App ${appId} has no deploy config ${schemaId}.`);
  return found;
}
