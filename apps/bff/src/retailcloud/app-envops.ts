import { type RcPortMapping, type retailCloudAppRoutes, slbExtraMismatch } from '@console/contract';
import { HttpError, NotFoundError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import { jobLogView, jobView, pvcView, serviceView, slbApView } from './app-views';
import type { RetailCloudFamilyDeps } from './family-deps';
import { type RcInput, type RetailCloudGateway, rcIso, rcNum, rcObj } from './gateway';
import { type AppEnvRef, parseAppEnvId } from './ids';

type H = HandlersOf<typeof retailCloudAppRoutes>;

const portMappings = (mappings: RcPortMapping[] | undefined): RcInput['PortMappings'] =>
  mappings?.map((m) => ({
    Name: m.name,
    Port: m.port,
    TargetPort: m.targetPort,
    Protocol: m.protocol,
    NodePort: m.nodePort,
  }));

/** The environment must exist under its app: actions that take only EnvId would otherwise reach another app's. */
async function checkEnv(gw: RetailCloudGateway, ref: AppEnvRef): Promise<void> {
  await gw.read('DescribeAppEnvironmentDetail', { AppId: ref.appId, EnvId: ref.envId });
}

/** An object that answers with its AppId/EnvId, shown only under the console application it belongs to. */
function ownedBy(ref: AppEnvRef, item: { AppId?: unknown; EnvId?: unknown }, what: string): void {
  if (rcNum(item.AppId, -1) !== ref.appId || rcNum(item.EnvId, -1) !== ref.envId) {
    throw new NotFoundError(`${what} does not belong to application ${ref.appId}-${ref.envId}.`);
  }
}

/** Per environment: deploy baseline, PVCs, SLB access points, services and cron-job runs. */
export function retailCloudEnvOpsHandlers(deps: RetailCloudFamilyDeps) {
  const { audited } = deps;

  const slbAp = async (gw: RetailCloudGateway, ref: AppEnvRef, slbApId: string, fresh = false) => {
    const item = rcObj((await gw.read('DescribeSlbAPDetail', { SlbAPId: slbApId }, fresh)).Result);
    ownedBy(ref, item, `SLB access point ${slbApId}`);
    return item;
  };
  const service = async (gw: RetailCloudGateway, ref: AppEnvRef, serviceId: string, fresh = false) => {
    const item = rcObj((await gw.read('DescribeServiceDetail', { ServiceId: serviceId }, fresh)).Result);
    ownedBy(ref, item, `Service ${serviceId}`);
    return item;
  };

  return {
    rcGetBaseline: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      await checkEnv(gw, ref);
      try {
        const r = rcObj(
          (await gw.read('DescribeAppEnvDeployBaseline', { AppId: ref.appId, EnvId: ref.envId })).Result,
        );
        return {
          baseline: {
            schemaId: String(r.SchemaId ?? ''),
            createTime: rcIso(r.CreateTime) ?? '',
            packetId: String(r.PacketId ?? ''),
            packetUrl: String(r.PacketUrl ?? ''),
            packetComment: String(r.PacketComment ?? ''),
          },
        };
      } catch (error) {
        // The environment exists (checked above): not found here means it never deployed.
        if (error instanceof NotFoundError) return { baseline: null };
        throw error;
      }
    },

    // ---- PVCs ----
    rcListPvcs: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      return (await gw.readAll('ListPersistentVolumeClaim', { AppId: ref.appId, EnvId: ref.envId })).map(
        pvcView,
      );
    },

    rcCreatePvc: async ({ params, body, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-pvc-create',
        params.accountId,
        `rc-env/${params.appId}/pvc/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreatePersistentVolumeClaim', {
            AppId: ref.appId,
            EnvId: ref.envId,
            Name: body.name,
            AccessModes: body.accessModes,
            Capacity: body.capacity,
            StorageClass: body.storageClass,
          });
          return { id: String(rcObj(answer.Result).PersistentVolumeClaimId ?? ''), requestId };
        },
        `${body.capacity} ${body.accessModes} ${body.storageClass}`,
      );
    },

    rcDeletePvc: async ({ params, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      return audited(
        session,
        'rc-pvc-delete',
        params.accountId,
        `rc-env/${params.appId}/pvc/${params.pvcName}`,
        async () => {
          const { requestId } = await gw.write('DeletePersistentVolumeClaim', {
            AppId: ref.appId,
            EnvId: ref.envId,
            PersistentVolumeClaimName: params.pvcName,
          });
          return { requestId };
        },
      );
    },

    // ---- SLB access points ----
    rcListSlbAps: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      return (await gw.readAll('ListSlbAPs', { AppId: ref.appId, EnvId: ref.envId })).map(slbApView);
    },

    rcGetSlbAp: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      return slbApView(await slbAp(deps.gateway(params.accountId), ref, params.slbApId));
    },

    rcCreateSlbAp: async ({ params, body, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      await checkEnv(gw, ref);
      return audited(
        session,
        'rc-slb-ap-create',
        params.accountId,
        `rc-env/${params.appId}/slb-ap/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreateSlbAP', {
            EnvId: ref.envId,
            Name: body.name,
            SlbId: body.slbId,
            ListenerPort: body.listenerPort,
            RealServerPort: body.realServerPort,
            Protocol: body.protocol,
            EstablishedTimeout: body.establishedTimeout,
            StickySession: body.stickySession,
            CookieTimeout: body.cookieTimeout,
            SslCertId: body.sslCertId,
          });
          return { id: String(rcObj(answer.Result).SlbAPId ?? ''), requestId };
        },
        `${body.protocol} ${body.slbId}:${body.listenerPort} → ${body.realServerPort}`,
      );
    },

    rcUpdateSlbAp: async ({ params, body, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const current = await slbAp(gw, ref, params.slbApId, true);
      const protocol = String(current.Protocol ?? '');
      const field = slbExtraMismatch(protocol, body);
      if (field) {
        throw new HttpError(
          400,
          'InvalidInput',
          `body field "${field}": not allowed on a ${protocol} access point.`,
          { field },
        );
      }
      return audited(
        session,
        'rc-slb-ap-update',
        params.accountId,
        `rc-slb-ap/${params.slbApId}`,
        async () => {
          const { requestId } = await gw.write('ModifySlbAP', {
            SlbAPId: params.slbApId,
            Name: body.name,
            RealServerPort: body.realServerPort,
            EstablishedTimeout: body.establishedTimeout,
            StickySession: body.stickySession,
            CookieTimeout: body.cookieTimeout,
            SslCertId: body.sslCertId,
          });
          return { requestId };
        },
      );
    },

    rcDeleteSlbAp: async ({ params, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const current = await slbAp(gw, ref, params.slbApId, true);
      return audited(
        session,
        'rc-slb-ap-delete',
        params.accountId,
        `rc-slb-ap/${params.slbApId}`,
        async () => {
          const { requestId } = await gw.write('DeleteSlbAP', { SlbAPId: params.slbApId });
          return { requestId };
        },
        String(current.Name ?? ''),
      );
    },

    // ---- services ----
    rcListServices: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      return (await gw.readAll('ListServices', { AppId: ref.appId, EnvId: ref.envId })).map(serviceView);
    },

    rcGetService: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      return serviceView(await service(deps.gateway(params.accountId), ref, params.serviceId));
    },

    rcCreateService: async ({ params, body, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      await checkEnv(gw, ref);
      return audited(
        session,
        'rc-service-create',
        params.accountId,
        `rc-env/${params.appId}/service/${body.k8sServiceId}`,
        async () => {
          const { body: answer, requestId } = await gw.write('CreateService', {
            EnvId: ref.envId,
            Name: body.name,
            ServiceType: body.serviceType,
            K8sServiceId: body.k8sServiceId,
            Headless: body.headless,
            PortMappings: portMappings(body.portMappings),
          });
          return { id: String(rcObj(answer.Result).ServiceId ?? ''), requestId };
        },
        body.serviceType,
      );
    },

    rcUpdateService: async ({ params, body, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const current = await service(gw, ref, params.serviceId, true);
      const type = String(current.ServiceType ?? '');
      const stray = body.portMappings?.findIndex((m) => m.nodePort !== undefined) ?? -1;
      if (type !== 'NodePort' && stray >= 0) {
        const field = `portMappings.${stray}.nodePort`;
        throw new HttpError(400, 'InvalidInput', `body field "${field}": only NodePort services take one.`, {
          field,
        });
      }
      return audited(
        session,
        'rc-service-update',
        params.accountId,
        `rc-service/${params.serviceId}`,
        async () => {
          const { requestId } = await gw.write('ModifyService', {
            ServiceId: params.serviceId,
            Name: body.name,
            PortMappings: portMappings(body.portMappings),
          });
          return { requestId };
        },
      );
    },

    rcDeleteService: async ({ params, session }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const current = await service(gw, ref, params.serviceId, true);
      return audited(
        session,
        'rc-service-delete',
        params.accountId,
        `rc-service/${params.serviceId}`,
        async () => {
          const { requestId } = await gw.write('DeleteService', { ServiceId: params.serviceId });
          return { requestId };
        },
        String(current.K8sServiceId ?? ''),
      );
    },

    // ---- jobs ----
    rcListJobs: async ({ params, query }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const body = await gw.read('ListJobHistories', {
        AppId: ref.appId,
        EnvId: ref.envId,
        Status: query.status,
        PageNumber: query.page,
        PageSize: query.pageSize,
      });
      const items = (Array.isArray(body.Data) ? body.Data : []).map((j) => jobView(rcObj(j)));
      return {
        items,
        total: rcNum(body.TotalCount, items.length),
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    rcGetJobLog: async ({ params }) => {
      const ref = parseAppEnvId(params.appId);
      const gw = deps.gateway(params.accountId);
      const body = await gw.read('DescribeJobLog', {
        AppId: ref.appId,
        EnvId: ref.envId,
        PodName: params.podName,
      });
      return jobLogView(rcObj(body.Result));
    },
  } satisfies Partial<H>;
}
