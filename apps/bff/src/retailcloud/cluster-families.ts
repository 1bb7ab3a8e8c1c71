import type { RetailCloudActionName } from '@console/catalogue';
import type { retailCloudClusterRoutes } from '@console/contract';
import type { SessionRecord } from '../auth/sessions';
import { HttpError, NotFoundError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import { UpstreamError } from '../upstream/errors';
import {
  allocView,
  backupView,
  bindingView,
  clusterDetailView,
  clusterView,
  databaseView,
  field,
  labelView,
  nodeView,
  pvView,
  rdsAccountView,
} from './cluster-views';
import type { RetailCloudFamilyDeps } from './family-deps';
import { type Raw, type RcInput, rcArr, rcNum, rcObj } from './gateway';

const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);

/**
 * Runs a write that carries a secret: should the cloud ever quote it back in a refusal, it is blanked
 * before the error reaches the audit log, the logger or the browser.
 */
async function keepingSecret<T>(secret: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const blank = (text: string) => text.split(secret).join('******');
    if (error instanceof UpstreamError && error.body.message.includes(secret)) {
      throw new UpstreamError({ ...error.body, message: blank(error.body.message) }, error.outcomeUnknown);
    }
    if (error instanceof HttpError && error.message.includes(secret)) {
      const upstream = error.extra.upstream;
      throw error instanceof NotFoundError
        ? new NotFoundError(
            blank(error.message),
            upstream && { ...upstream, message: blank(upstream.message) },
          )
        : new HttpError(error.status, error.code, blank(error.message));
    }
    throw error;
  }
}

/** Handlers of the cluster-side Retail Cloud families (see retailCloudClusterRoutes). */
export function retailCloudClusterHandlers(
  deps: RetailCloudFamilyDeps,
): HandlersOf<typeof retailCloudClusterRoutes> {
  const { audited } = deps;
  const gw = (accountId: string) => deps.gateway(accountId);
  /** A write answered with its RequestId only. */
  const write = (accountId: string, action: RetailCloudActionName, params: RcInput) =>
    gw(accountId)
      .write(action, params)
      .then(({ requestId }) => ({ requestId }));
  /** An audited write answered with its RequestId only. */
  const auditedWrite = (
    session: SessionRecord,
    event: string,
    accountId: string,
    resource: string,
    action: RetailCloudActionName,
    params: RcInput,
    detail?: string,
  ) => audited(session, event, accountId, resource, () => write(accountId, action, params), detail);
  /** One page of a paged list action in the console's page shape. */
  const pageOf = <T>(body: Raw, view: (raw: Raw) => T, query: { page: number; pageSize: number }) => ({
    items: rcArr(body.Data).map(view),
    total: rcNum(body.TotalCount),
    page: query.page,
    pageSize: query.pageSize,
  });

  return {
    // ---------- clusters and nodes ----------
    async listRcClusters({ params, query }) {
      const body = await gw(params.accountId).read('ListCluster', {
        // 6.4: ListCluster pages with PageNum (and answers PageNumber).
        PageNum: query.page,
        PageSize: query.pageSize,
        BusinessCode: query.businessCode,
        EnvType: query.envType,
      });
      return pageOf(body, clusterView, query);
    },

    async createRcCluster({ params, body, session }) {
      const gateway = gw(params.accountId);
      const run = () =>
        gateway
          .write('CreateCluster', {
            BusinessCode: body.businessCode,
            ClusterEnvType: body.envType,
            ClusterTitle: body.title,
            ClusterType: body.clusterType,
            RegionId: gateway.regionId,
            VpcId: body.vpcId,
            Vswitchids: body.vswitchIds,
            PodCIDR: body.podCidr,
            ServiceCIDR: body.serviceCidr,
            KeyPair: body.keyPair,
            Password: body.password,
            CreateWithLogIntegration: body.createWithLogIntegration,
            CloudMonitorFlags: flag(body.cloudMonitor),
            SnatEntry: flag(body.snatEntry),
            PublicSlb: flag(body.publicSlb),
          })
          .then(({ body: answer, requestId }) => ({
            clusterId: String(rcObj(answer.Result).ClusterInstanceId ?? ''),
            requestId,
          }));
      return audited(
        session,
        'rc-cluster-create',
        params.accountId,
        `cluster/${body.title}`,
        () => (body.password ? keepingSecret(body.password, run) : run()),
        `type=${body.clusterType}; env=${body.envType}; biz=${body.businessCode}; login=${body.password ? 'password' : 'keyPair'}`,
      );
    },

    async getRcCluster({ params }) {
      const body = await gw(params.accountId).read('QueryClusterDetail', {
        ClusterInstanceId: params.clusterId,
      });
      return clusterDetailView(rcObj(body.Result));
    },

    async deleteRcCluster({ params, body, session }) {
      const gateway = gw(params.accountId);
      const current = await gateway.read('QueryClusterDetail', { ClusterInstanceId: params.clusterId }, true);
      // A cluster without a title is confirmed by its instance id.
      const title = String(rcObj(rcObj(current.Result).BasicInfo).ClusterName ?? '') || params.clusterId;
      if (body.confirmTitle !== title) {
        throw new HttpError(
          400,
          'InvalidInput',
          'body field "confirmTitle": type the cluster\'s title to delete it',
          {
            field: 'confirmTitle',
          },
        );
      }
      return auditedWrite(
        session,
        'rc-cluster-delete',
        params.accountId,
        `cluster/${params.clusterId}`,
        'DeleteCluster',
        { ClusterInstanceId: params.clusterId },
        `title=${title}`,
      );
    },

    async listRcClusterNodes({ params }) {
      const items = await gw(params.accountId).readAll(
        'ListClusterNode',
        { ClusterInstanceId: params.clusterId },
        { pageParam: 'PageNum' },
      );
      return items.map(nodeView);
    },

    async listRcAvailableNodes({ params }) {
      const items = await gw(params.accountId).readAll(
        'ListAvailableClusterNode',
        { ClusterInstanceId: params.clusterId },
        { pageParam: 'PageNum' },
      );
      return items.map(nodeView);
    },

    async addRcClusterNodes({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-cluster-node-add',
        params.accountId,
        `cluster/${params.clusterId}`,
        'AddClusterNode',
        {
          ClusterInstanceId: params.clusterId,
          EcsInstanceIdList: body.instanceIds,
        },
        `nodes=${body.instanceIds.join(',')}`,
      );
    },

    async removeRcClusterNodes({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-cluster-node-remove',
        params.accountId,
        `cluster/${params.clusterId}`,
        'RemoveClusterNode',
        {
          ClusterInstanceId: params.clusterId,
          EcsInstanceIdList: body.instanceIds,
        },
        `nodes=${body.instanceIds.join(',')}`,
      );
    },

    // ---------- node labels and bindings ----------
    async listRcNodeLabels({ params, query }) {
      const body = await gw(params.accountId).read('ListNodeLabels', {
        ClusterId: query.clusterId,
        PageNumber: query.page,
        PageSize: query.pageSize,
        LabelKey: query.labelKey,
      });
      return pageOf(body, labelView, query);
    },

    async createRcNodeLabel({ params, body, session }) {
      return audited(
        session,
        'rc-node-label-create',
        params.accountId,
        `cluster/${body.clusterId}/label/${body.key}=${body.value}`,
        async () => {
          const { body: answer, requestId } = await gw(params.accountId).write('CreateNodeLabel', {
            ClusterId: body.clusterId,
            LabelKey: body.key,
            LabelValue: body.value,
          });
          const result = rcObj(answer.Result);
          return {
            ...labelView({
              ClusterId: body.clusterId,
              LabelKey: body.key,
              LabelValue: body.value,
              ...result,
            }),
            requestId,
          };
        },
      );
    },

    async deleteRcNodeLabel({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-node-label-delete',
        params.accountId,
        `cluster/${body.clusterId}/label/${body.key}=${body.value}`,
        'DeleteNodeLabel',
        {
          ClusterId: body.clusterId,
          LabelKey: body.key,
          LabelValue: body.value,
          Force: body.force,
        },
        `force=${body.force}`,
      );
    },

    async listRcNodeLabelBindings({ params, query }) {
      const body = await gw(params.accountId).read('ListNodeLabelBindings', {
        PageNumber: query.page,
        PageSize: query.pageSize,
        ClusterId: query.clusterId,
        InstanceId: query.instanceId,
        LabelKey: query.labelKey,
        LabelValue: query.labelValue,
      });
      return pageOf(body, bindingView, query);
    },

    async bindRcNodeLabel({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-node-label-bind',
        params.accountId,
        `cluster/${body.clusterId}/node/${body.instanceId}`,
        'BindNodeLabel',
        {
          ClusterId: body.clusterId,
          InstanceId: body.instanceId,
          LabelKey: body.key,
          LabelValue: body.value,
        },
        `${body.key}=${body.value}`,
      );
    },

    async unbindRcNodeLabel({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-node-label-unbind',
        params.accountId,
        `cluster/${body.clusterId}/node/${body.instanceId}`,
        'UnbindNodeLabel',
        {
          ClusterId: body.clusterId,
          InstanceId: body.instanceId,
          LabelKey: body.key,
          LabelValue: body.value,
        },
        `${body.key}=${body.value}`,
      );
    },

    // ---------- cluster resource allocation ----------
    async listRcResourceAllocs({ params, query }) {
      const body = await gw(params.accountId).read('ListAppResourceAllocs', {
        PageNumber: query.page,
        PageSize: query.pageSize,
        AppId: query.appId,
        AppEnvId: query.envId,
        ClusterId: query.clusterId,
      });
      return pageOf(body, allocView, query);
    },

    async getRcResourceAlloc({ params }) {
      const body = await gw(params.accountId).read('DescribeAppResourceAlloc', { AppEnvId: params.envId });
      return allocView(rcObj(body.Result));
    },

    async createRcResourceAlloc({ params, body, session }) {
      return audited(
        session,
        'rc-resource-alloc-create',
        params.accountId,
        `env/${body.envId}`,
        async () => {
          const { body: answer, requestId } = await gw(params.accountId).write('CreateAppResourceAlloc', {
            AppEnvId: body.envId,
            AppId: body.appId,
            ClusterId: body.clusterId,
          });
          const result = rcObj(answer.Result);
          return {
            ...allocView({ AppEnvId: body.envId, AppId: body.appId, ClusterId: body.clusterId, ...result }),
            requestId,
          };
        },
        `cluster=${body.clusterId}; app=${body.appId}`,
      );
    },

    async deleteRcResourceAlloc({ params, session }) {
      return auditedWrite(
        session,
        'rc-resource-alloc-delete',
        params.accountId,
        `env/${params.envId}`,
        'DeleteAppResourceAlloc',
        { AppEnvId: params.envId },
      );
    },

    // ---------- persistent volumes ----------
    async listRcPvs({ params, query }) {
      const body = await gw(params.accountId).read('ListPersistentVolume', {
        ClusterInstanceId: query.clusterId,
        PageNumber: query.page,
        PageSize: query.pageSize,
      });
      return pageOf(body, pvView, query);
    },

    async createRcPv({ params, body, session }) {
      return audited(
        session,
        'rc-pv-create',
        params.accountId,
        `cluster/${body.clusterId}/pv/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gw(params.accountId).write('CreatePersistentVolume', {
            ClusterInstanceId: body.clusterId,
            Name: body.name,
            Capacity: body.capacity,
            AccessModes: body.accessModes,
            MountTargetDomain: body.mountTargetDomain,
            MountDir: body.mountDir,
            NFSVersion: body.nfsVersion,
            ReclaimPolicy: body.reclaimPolicy,
            StorageClass: body.storageClass,
          });
          return { id: String(rcObj(answer.Result).PersistentVolumeId ?? ''), requestId };
        },
        `capacity=${body.capacity}; class=${body.storageClass}; reclaim=${body.reclaimPolicy}`,
      );
    },

    async deleteRcPv({ params, session }) {
      return auditedWrite(
        session,
        'rc-pv-delete',
        params.accountId,
        `cluster/${params.clusterId}/pv/${params.pvName}`,
        'DeletePersistentVolume',
        {
          ClusterInstanceId: params.clusterId,
          PersistentVolumeName: params.pvName,
        },
      );
    },

    // ---------- RDS (seed 7: the instance id is InstanceId, DBInstanceId or DbInstanceId by action) ----------
    async listRcDatabases({ params }) {
      const body = await gw(params.accountId).read('DescribeDatabases', { InstanceId: params.rdsId });
      const result = rcObj(field(body, 'Result'));
      return rcArr(field(result, 'Databases')).map((d) => databaseView(d, params.rdsId));
    },

    async createRcDatabase({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-rds-db-create',
        params.accountId,
        `rds/${params.rdsId}/db/${body.name}`,
        'CreateDb',
        {
          DbInstanceId: params.rdsId,
          DbName: body.name,
          CharacterSetName: body.characterSet,
          DbDescription: body.description,
        },
        `charset=${body.characterSet}`,
      );
    },

    async deleteRcDatabase({ params, session }) {
      return auditedWrite(
        session,
        'rc-rds-db-delete',
        params.accountId,
        `rds/${params.rdsId}/db/${params.dbName}`,
        'DeleteDatabase',
        { DBInstanceId: params.rdsId, DBName: params.dbName },
      );
    },

    async listRcRdsAccounts({ params, query }) {
      const body = await gw(params.accountId).read('DescribeRdsAccounts', {
        DbInstanceId: params.rdsId,
        AccountName: query.accountName,
      });
      const result = rcObj(field(body, 'Result'));
      return rcArr(field(result, 'Accounts')).map((a) => rdsAccountView(a, params.rdsId));
    },

    async createRcRdsAccount({ params, body, session }) {
      const type = body.type ?? 'Normal';
      return audited(
        session,
        'rc-rds-account-create',
        params.accountId,
        `rds/${params.rdsId}/account/${body.name}`,
        () =>
          keepingSecret(body.password, () =>
            write(params.accountId, 'CreateAccount', {
              DbInstanceId: params.rdsId,
              AccountName: body.name,
              AccountPassword: body.password,
              AccountType: type,
            }),
          ),
        `type=${type}`,
      );
    },

    async resetRcRdsAccountPassword({ params, body, session }) {
      return audited(
        session,
        'rc-rds-account-reset-password',
        params.accountId,
        `rds/${params.rdsId}/account/${params.accountName}`,
        () =>
          keepingSecret(body.password, () =>
            write(params.accountId, 'ResetAccountPassword', {
              DbInstanceId: params.rdsId,
              AccountName: params.accountName,
              AccountPassword: body.password,
            }),
          ),
      );
    },

    async deleteRcRdsAccount({ params, session }) {
      return auditedWrite(
        session,
        'rc-rds-account-delete',
        params.accountId,
        `rds/${params.rdsId}/account/${params.accountName}`,
        'DeleteRdsAccount',
        {
          DbInstanceId: params.rdsId,
          AccountName: params.accountName,
        },
      );
    },

    async grantRcRdsAccount({ params, body, session }) {
      return auditedWrite(
        session,
        'rc-rds-account-grant',
        params.accountId,
        `rds/${params.rdsId}/account/${params.accountName}`,
        'GrantDbToAccount',
        {
          DbInstanceId: params.rdsId,
          AccountName: params.accountName,
          DbName: body.dbName,
          AccountPrivilege: body.privilege,
        },
        `db=${body.dbName}; privilege=${body.privilege}`,
      );
    },

    async listRcRdsBackups({ params, query }) {
      const body = await gw(params.accountId).read('GetRdsBackUp', {
        DbInstanceId: params.rdsId,
        PageNumber: query.page,
        PageSize: query.pageSize,
        BackupType: query.backupType,
        BackupId: query.backupId,
      });
      const result = rcObj(field(body, 'Result'));
      return {
        items: rcArr(field(result, 'Items')).map((b) => backupView(b, params.rdsId)),
        total: rcNum(field(result, 'TotalRecordCount')),
        page: rcNum(field(result, 'PageNumber'), query.page),
        pageSize: query.pageSize,
        totalSize: rcNum(field(result, 'TotalBackupSize')),
      };
    },
  };
}
