import { paginate, type SaeHandlers } from '../context';
import { UNFINISHED } from '../engine';
import { SaeError } from '../envelope';
import type { SaeNamespace } from '../model';
import { statusName } from '../views';

const MAX_NAMESPACES = 50;

const nsView = (ns: SaeNamespace) => ({
  NamespaceId: ns.NamespaceId,
  NamespaceName: ns.NamespaceName,
  NamespaceDescription: ns.NamespaceDescription,
  RegionId: ns.RegionId,
});

function checkName(name: string): void {
  if (name.length > 63) throw new SaeError('InvalidNamespaceName.Format');
}

function checkDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 64) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      'NamespaceDescription',
      'must not exceed 64 characters',
    );
  }
}

/** 命名空间和VPC: namespace CRUD and lists (Ingress APIs are not simulated yet). */
export const namespaceHandlers: SaeHandlers = {
  DescribeNamespaceList({ params, store }) {
    // ContainCustom=false asks for the default namespace only; the simulated account has none.
    if (params.bool('ContainCustom') === false) return { data: [] };
    const data = [...store.namespaces.values()].map((ns) => ({
      NamespaceId: ns.NamespaceId,
      NamespaceName: ns.NamespaceName,
      RegionId: ns.RegionId,
      VpcId: ns.VpcId,
      VSwitchId: ns.VSwitchId,
      SecurityGroupId: ns.SecurityGroupId,
      Custom: true,
      HybridCloudEnable: false,
      Current: false,
      AgentInstall: '',
    }));
    return { data };
  },

  DescribeNamespace({ params, store }) {
    return { data: nsView(store.namespace(params.req('NamespaceId'))) };
  },

  DescribeNamespaces({ params, store }) {
    const page = paginate(
      [...store.namespaces.values()],
      params.int('CurrentPage'),
      params.int('PageSize'),
      10,
    );
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Namespaces: page.items.map((ns) => ({
          ...nsView(ns),
          TenantId: ns.TenantId,
          AccessKey: `acm-ak-${ns.TenantId.slice(0, 8)}`,
          SecretKey: '******',
        })),
      },
    };
  },

  DescribeNamespaceResources({ params, store }) {
    const id = params.str('NamespaceId');
    const nsList = id ? [store.namespace(id)] : [...store.namespaces.values()];
    const ns = nsList[0];
    if (!ns) throw new SaeError('InvalidNamespaceId.NotFound');
    const apps = store.liveApps().filter((a) => a.NamespaceId === ns.NamespaceId);
    const last = apps.flatMap((a) => store.appOrders(a.AppId)).sort((a, b) => b.createdAt - a.createdAt)[0];
    return {
      data: {
        NamespaceId: ns.NamespaceId,
        NamespaceName: ns.NamespaceName,
        Description: ns.NamespaceDescription,
        BelongRegion: ns.RegionId,
        VpcId: ns.VpcId,
        VpcName: `${ns.NamespaceName}-vpc`,
        VSwitchId: ns.VSwitchId,
        VSwitchName: `${ns.NamespaceName}-vsw`,
        SecurityGroupId: ns.SecurityGroupId,
        AppCount: apps.length,
        LastChangeOrderId: last?.ChangeOrderId ?? '',
        LastChangeOrderStatus: last ? statusName(last.Status) : '',
        LastChangeOrderRunning: last ? UNFINISHED.has(last.Status) : false,
        NotificationExpired: false,
        TenantId: ns.TenantId,
        UserId: 'cloudsim-demo',
        JumpServerAppId: '',
        JumpServerIp: '',
      },
    };
  },

  CreateNamespace({ params, store, now }) {
    const id = params.req('NamespaceId');
    const name = params.req('NamespaceName');
    const description = params.str('NamespaceDescription');
    const [region, suffix, ...rest] = id.split(':');
    if (!suffix || rest.length > 0 || region !== store.regionId || id.length > 32) {
      throw new SaeError('InvalidNamespaceId.Format');
    }
    if (/[A-Z]/.test(suffix)) throw new SaeError('InvalidNamespace.WithUppercase');
    if (!/^[a-z0-9]+$/.test(suffix)) throw new SaeError('InvalidNamespaceIdSuffix.Format');
    if (store.namespaces.has(id)) throw new SaeError('InstanceExist.NamespaceId');
    checkName(name);
    checkDescription(description);
    if (store.namespaces.size >= MAX_NAMESPACES) throw new SaeError('Exceed.Namespace');
    const ns: SaeNamespace = {
      NamespaceId: id,
      NamespaceName: name,
      NamespaceDescription: description ?? '',
      RegionId: store.regionId,
      VpcId: `vpc-bp1${store.ids.hex(17)}`,
      VSwitchId: `vsw-bp1${store.ids.hex(17)}`,
      SecurityGroupId: `sg-bp1${store.ids.hex(17)}`,
      TenantId: store.ids.uuid(),
      createdAt: now,
    };
    store.namespaces.set(id, ns);
    return { data: nsView(ns) };
  },

  UpdateNamespace({ params, store }) {
    const ns = store.namespace(params.req('NamespaceId'));
    const name = params.req('NamespaceName');
    const description = params.str('NamespaceDescription');
    checkName(name);
    checkDescription(description);
    ns.NamespaceName = name;
    if (description !== undefined) ns.NamespaceDescription = description;
    return { data: nsView(ns) };
  },

  DeleteNamespace({ params, store }) {
    const ns = store.namespace(params.req('NamespaceId'));
    if (store.liveApps().some((a) => a.NamespaceId === ns.NamespaceId))
      throw new SaeError('Namespace.AppExists');
    store.namespaces.delete(ns.NamespaceId);
    return {};
  },
};
