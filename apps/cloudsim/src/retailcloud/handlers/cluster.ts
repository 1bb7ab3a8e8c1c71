import { page, type RcParams, type RetailCloudHandlers } from '../context';
import {
  type BizCode,
  RC_ERRORS,
  type RcCluster,
  type RcNode,
  type RcNodeLabel,
  RetailCloudError,
  rcError,
} from '../model';
import type { RetailCloudStore } from '../store';

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

const LABEL_PREFIX = 'label.jst.com/';
/** The machines of the simulated VPC are 192.168.x.x: the VPC's CIDR as the seed's conflict check sees it. */
const VPC_CIDR = '192.168.0.0/16';

/** `ClusterId` is sometimes the numeric Id, sometimes the instance id. */
function clusterByAnyId(store: RetailCloudStore, id: string): RcCluster {
  const cluster = store.findCluster(id);
  if (!cluster) throw rcError('notFound', `集群 ${id} 不存在`);
  return cluster;
}

function labelKeyValue(params: RcParams): [string, string] {
  const key = params.str('LabelKey', true);
  const value = params.str('LabelValue', true);
  check(
    key.startsWith(LABEL_PREFIX) && key.length > LABEL_PREFIX.length,
    `LabelKey 必须以 ${LABEL_PREFIX} 开头`,
  );
  check(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/.test(value), 'LabelValue');
  return [key, value];
}

function findLabel(store: RetailCloudStore, clusterId: string, key: string, value: string) {
  return [...store.nodeLabels.values()].find(
    (l) => l.ClusterId === clusterId && l.LabelKey === key && l.LabelValue === value,
  );
}

const labelView = (l: RcNodeLabel) => ({
  ClusterId: l.ClusterId,
  Id: l.Id,
  LabelKey: l.LabelKey,
  LabelValue: l.LabelValue,
});

function nodeInCluster(store: RetailCloudStore, cluster: RcCluster, instanceId: string): RcNode {
  const node = store.nodes.get(instanceId);
  if (!node || node.clusterInstanceId !== cluster.InstanceId)
    throw rcError('notFound', `节点不在集群中: ${instanceId}`);
  return node;
}

function alloc(store: RetailCloudStore, envId: number) {
  const found = [...store.resourceAllocs.values()].find((a) => a.AppEnvId === envId);
  if (!found) throw rcError('notFound', `环境 ${envId} 没有资源分配策略`);
  return found;
}

const allocView = (a: {
  AppEnvId: number;
  AppId: number;
  ClusterId: string;
  Id: number;
  ResourceDef: string;
}) => ({
  AppEnvId: a.AppEnvId,
  AppId: a.AppId,
  ClusterId: a.ClusterId,
  Id: a.Id,
  ResourceDef: a.ResourceDef,
});

/** ListClusterNode / ListAvailableClusterNode: every field a string. */
function nodeView(n: RcNode) {
  const { clusterInstanceId: _cluster, ...fields } = n;
  return { ...fields };
}

function parseCidr(text: string): [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const octets = [1, 2, 3, 4].map((i) => Number(m[i]));
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const ip = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const start = ip - (ip % size);
  return [start, start + size - 1];
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/** At least 8 characters with an upper-case letter, a lower-case letter, a digit and a special character. */
const strongPassword = (p: string) =>
  p.length >= 8 && /[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p);

const pageNum = (params: RcParams) => params.int('PageNum');

/** 节点资源打标, 集群资源分配策略 and 集群管理 (seed 6.2–6.4). */
export const clusterHandlers: RetailCloudHandlers = {
  CreateNodeLabel: ({ params, store }) => {
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const [key, value] = labelKeyValue(params);
    if (findLabel(store, cluster.InstanceId, key, value)) throw rcError('conflict', `标签 ${key}=${value}`);
    const label: RcNodeLabel = {
      Id: store.nextId('label'),
      ClusterId: cluster.InstanceId,
      LabelKey: key,
      LabelValue: value,
    };
    store.nodeLabels.set(label.Id, label);
    return { Result: labelView(label) };
  },

  ListNodeLabels: ({ params, store }) => {
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const key = params.str('LabelKey');
    const items = [...store.nodeLabels.values()]
      .filter((l) => l.ClusterId === cluster.InstanceId && (!key || l.LabelKey === key))
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(labelView) };
  },

  DeleteNodeLabel: ({ params, store }) => {
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const force = params.bool('Force', true);
    const [key, value] = labelKeyValue(params);
    const label = findLabel(store, cluster.InstanceId, key, value);
    if (!label) throw rcError('notFound', `标签 ${key}=${value} 不存在`);
    const bindings = [...store.nodeLabelBindings.values()].filter(
      (b) => b.ClusterId === cluster.InstanceId && b.LabelKey === key && b.LabelValue === value,
    );
    if (bindings.length > 0 && !force)
      throw rcError('inUse', `标签 ${key}=${value} 仍绑定 ${bindings.length} 个节点`);
    for (const b of bindings) store.nodeLabelBindings.delete(b.Id);
    store.nodeLabels.delete(label.Id);
    return {};
  },

  BindNodeLabel: ({ params, store }) => {
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const instanceId = params.str('InstanceId', true);
    const [key, value] = labelKeyValue(params);
    nodeInCluster(store, cluster, instanceId);
    const bindings = [...store.nodeLabelBindings.values()].filter(
      (b) => b.ClusterId === cluster.InstanceId && b.InstanceId === instanceId,
    );
    if (bindings.some((b) => b.LabelKey === key && b.LabelValue === value))
      throw rcError('conflict', `节点 ${instanceId} 已绑定 ${key}=${value}`);
    // A Kubernetes node carries one value per key.
    if (bindings.some((b) => b.LabelKey === key))
      throw rcError('conflict', `节点 ${instanceId} 已有标签 ${key}`);
    if (!findLabel(store, cluster.InstanceId, key, value)) {
      const id = store.nextId('label');
      store.nodeLabels.set(id, { Id: id, ClusterId: cluster.InstanceId, LabelKey: key, LabelValue: value });
    }
    const id = store.nextId('binding');
    store.nodeLabelBindings.set(id, {
      Id: id,
      ClusterId: cluster.InstanceId,
      InstanceId: instanceId,
      InstanceType: 'ecs',
      LabelKey: key,
      LabelValue: value,
    });
    return {};
  },

  UnbindNodeLabel: ({ params, store }) => {
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const instanceId = params.str('InstanceId', true);
    const [key, value] = labelKeyValue(params);
    const binding = [...store.nodeLabelBindings.values()].find(
      (b) =>
        b.ClusterId === cluster.InstanceId &&
        b.InstanceId === instanceId &&
        b.LabelKey === key &&
        b.LabelValue === value,
    );
    if (!binding) throw rcError('notFound', `节点 ${instanceId} 未绑定 ${key}=${value}`);
    store.nodeLabelBindings.delete(binding.Id);
    return {};
  },

  ListNodeLabelBindings: ({ params, store }) => {
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    // Filters: the table marks them required, the text optional (reference §7.2); optional here.
    const clusterId = params.str('ClusterId');
    const cluster = clusterId ? clusterByAnyId(store, clusterId) : undefined;
    const instanceId = params.str('InstanceId');
    const key = params.str('LabelKey');
    const value = params.str('LabelValue');
    const items = [...store.nodeLabelBindings.values()]
      .filter(
        (b) =>
          (!cluster || b.ClusterId === cluster.InstanceId) &&
          (!instanceId || b.InstanceId === instanceId) &&
          (!key || b.LabelKey === key) &&
          (!value || b.LabelValue === value),
      )
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return {
      ...result,
      Data: result.Data.map((b) => ({
        Id: b.Id,
        InstanceId: b.InstanceId,
        InstanceType: b.InstanceType,
        LabelKey: b.LabelKey,
        LabelValue: b.LabelValue,
      })),
    };
  },

  CreateAppResourceAlloc: ({ params, store }) => {
    const envId = params.int('AppEnvId', true);
    const appId = params.int('AppId', true);
    const cluster = clusterByAnyId(store, params.str('ClusterId', true));
    const env = store.appEnv(appId, envId);
    if ([...store.resourceAllocs.values()].some((a) => a.AppEnvId === envId))
      throw rcError('conflict', `环境 ${envId} 已有资源分配策略`);
    const created = {
      Id: store.nextId('alloc'),
      AppEnvId: envId,
      AppId: appId,
      ClusterId: cluster.InstanceId,
      ResourceDef: '暂不支持',
    };
    store.resourceAllocs.set(envId, created);
    // New pods of the environment are scheduled onto the allocated cluster.
    env.clusterInstanceId = cluster.InstanceId;
    return { Result: allocView(created) };
  },

  ListAppResourceAllocs: ({ params, store }) => {
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const envId = params.int('AppEnvId');
    const appId = params.int('AppId');
    const clusterId = params.str('ClusterId');
    const cluster = clusterId ? store.findCluster(clusterId) : undefined;
    const items = [...store.resourceAllocs.values()]
      .filter(
        (a) =>
          (envId === undefined || a.AppEnvId === envId) &&
          (appId === undefined || a.AppId === appId) &&
          (!clusterId || a.ClusterId === (cluster?.InstanceId ?? clusterId)),
      )
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(allocView) };
  },

  DeleteAppResourceAlloc: ({ params, store }) => {
    const envId = params.int('AppEnvId', true);
    const found = alloc(store, envId);
    if (store.envInstances(envId).length > 0) throw rcError('inUse', `环境 ${envId} 仍有运行中的实例`);
    for (const [key, value] of store.resourceAllocs) if (value === found) store.resourceAllocs.delete(key);
    const env = store.envs.get(envId);
    if (env) env.clusterInstanceId = undefined;
    return {};
  },

  DescribeAppResourceAlloc: ({ params, store }) => ({
    Result: allocView(alloc(store, params.int('AppEnvId', true))),
  }),

  ListCluster: ({ params, store }) => {
    const biz = params.str('BusinessCode');
    const envType = params.str('EnvType');
    const items = [...store.clusters.values()]
      .filter((c) => (!biz || c.BusinessCode === biz) && (!envType || c.EnvType === envType))
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNum(params), params.int('PageSize'), 10);
    return {
      ...result,
      Data: result.Data.map((c) => {
        const { WorkLoad } = store.clusterWorkload(c.InstanceId);
        return {
          Id: c.Id,
          InstanceId: c.InstanceId,
          ClusterTitle: c.ClusterTitle,
          BusinessCode: c.BusinessCode,
          EnvType: c.EnvType,
          CreateStatus: c.CreateStatus,
          Status: c.Status,
          RegionId: c.RegionId,
          RegionName: c.RegionName,
          VpcId: c.VpcId,
          VswitchIds: [...c.VswitchIds],
          EcsIds: store.clusterNodes(c.InstanceId).map((n) => n.InstanceId),
          NetPlug: c.NetPlug,
          PodCIDR: c.PodCIDR,
          ServiceCIDR: c.ServiceCIDR,
          KeyPair: c.KeyPair,
          // The seed's JSON example leaks the password; the console must only ever see it masked.
          Password: c.hasPassword ? '*********' : '',
          WorkLoadCpu: String(WorkLoad.CpuRequestPercent),
          WorkLoadMem: String(WorkLoad.MemRequestPercent),
        };
      }),
    };
  },

  QueryClusterDetail: ({ params, store }) => {
    const cluster = store.cluster(params.str('ClusterInstanceId', true));
    const { InstanceInfo, WorkLoad } = store.clusterWorkload(cluster.InstanceId);
    return {
      Result: {
        BasicInfo: {
          BusinessCode: cluster.BusinessCode,
          ClusterId: cluster.Id,
          ClusterInstanceId: cluster.InstanceId,
          ClusterName: cluster.ClusterTitle,
          EnvType: cluster.EnvType,
          HasInstallArmsPilot: cluster.HasInstallArmsPilot,
          HasInstallLogController: cluster.HasInstallLogController,
          InstallArmsInProcess: false,
          InstallLogInProcess: false,
          MainUserId: '1581090000000001',
          RegionId: cluster.RegionId,
          RegionName: cluster.RegionName,
          UserNick: 'jst-main',
          VpcId: cluster.VpcId,
          EcsIds: store.clusterNodes(cluster.InstanceId).map((n) => n.InstanceId),
          Vswitchs: [...cluster.VswitchIds],
        },
        InstanceInfo,
        NetInfo: {
          NetPlugType: cluster.NetPlug,
          ProdCIDR: cluster.PodCIDR,
          ServiceCIDR: cluster.ServiceCIDR,
        },
        WorkLoad,
        NodeWorkLoadList: [],
      },
    };
  },

  DeleteCluster: ({ params, store }) => {
    const cluster = store.cluster(params.str('ClusterInstanceId', true));
    const envs = [...store.envs.values()].filter((e) => e.clusterInstanceId === cluster.InstanceId);
    if (envs.length > 0)
      throw new RetailCloudError(RC_ERRORS.inUse.code, `删除集群失败: 集群中仍有 ${envs.length} 个应用环境`);
    for (const node of store.clusterNodes(cluster.InstanceId)) node.clusterInstanceId = undefined;
    for (const [id, l] of store.nodeLabels)
      if (l.ClusterId === cluster.InstanceId) store.nodeLabels.delete(id);
    for (const [id, b] of store.nodeLabelBindings)
      if (b.ClusterId === cluster.InstanceId) store.nodeLabelBindings.delete(id);
    for (const [id, pv] of store.pvs) if (pv.ClusterInstanceId === cluster.InstanceId) store.pvs.delete(id);
    for (const [id, a] of store.resourceAllocs)
      if (a.ClusterId === cluster.InstanceId) store.resourceAllocs.delete(id);
    store.clusters.delete(cluster.InstanceId);
    return { Result: { Nonsense: 0 } };
  },

  ListClusterNode: ({ params, store }) => {
    const cluster = store.cluster(params.str('ClusterInstanceId', true));
    const result = page(store.clusterNodes(cluster.InstanceId), pageNum(params), params.int('PageSize'), 10);
    return { ...result, Data: result.Data.map(nodeView) };
  },

  ListAvailableClusterNode: ({ params, store }) => {
    const id = params.str('ClusterInstanceId', true);
    const result = page(store.availableNodes(id), pageNum(params), params.int('PageSize'), 10);
    return { ...result, Data: result.Data.map(nodeView) };
  },

  AddClusterNode: ({ params, store }) => {
    const cluster = store.cluster(params.str('ClusterInstanceId', true));
    const ids = params.list('EcsInstanceIdList');
    if (!ids) throw rcError('invalidParameter', 'EcsInstanceIdList');
    const nodes = ids.map((id) => {
      const node = store.nodes.get(id);
      if (!node || node.clusterInstanceId || node.VpcId !== cluster.VpcId)
        throw new RetailCloudError(RC_ERRORS.invalidParameter.code, `添加异常: 节点 ${id} 不可用`);
      return node;
    });
    for (const node of nodes) node.clusterInstanceId = cluster.InstanceId;
    return { Result: { Nonsense: 0 } };
  },

  RemoveClusterNode: ({ params, store }) => {
    const cluster = store.cluster(params.str('ClusterInstanceId', true));
    const ids = params.list('EcsInstanceIdList');
    if (!ids) throw rcError('invalidParameter', 'EcsInstanceIdList');
    const nodes = ids.map((id) => {
      const node = store.nodes.get(id);
      if (!node || node.clusterInstanceId !== cluster.InstanceId)
        throw new RetailCloudError(RC_ERRORS.notFound.code, `节点不在集群中: ${id}`);
      return node;
    });
    for (const node of nodes) {
      node.clusterInstanceId = undefined;
      for (const [id, b] of store.nodeLabelBindings)
        if (b.InstanceId === node.InstanceId) store.nodeLabelBindings.delete(id);
    }
    return { Result: { Nonsense: 0 } };
  },

  CreateCluster: ({ params, store, now }) => {
    const biz = params.str('BusinessCode', true);
    const envType = params.str('ClusterEnvType', true);
    const title = params.str('ClusterTitle', true);
    const type = params.str('ClusterType', true);
    const regionId = params.str('RegionId', true);
    const vpcId = params.str('VpcId', true);
    const vswitches = params.list('Vswitchids');
    if (!vswitches) throw rcError('invalidParameter', 'Vswitchids');
    check(['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE'].includes(biz), 'BusinessCode');
    check(envType === 'TEST' || envType === 'PRO', 'ClusterEnvType');
    check(title.trim() !== '', 'ClusterTitle');
    check(['Windows', 'Serverless', 'Standard'].includes(type), 'ClusterType');
    check(/^vpc-[a-z0-9]+$/.test(vpcId), 'VpcId');
    check(
      vswitches.every((v) => /^vsw-[a-z0-9]+$/.test(v)),
      'Vswitchids',
    );
    const keyPair = params.str('KeyPair') ?? '';
    const password = params.str('Password') ?? '';
    check((keyPair === '') !== (password === ''), 'KeyPair 与 Password 必须且只能填写一个');
    check(password === '' || strongPassword(password), 'Password');
    const podText = params.str('PodCIDR') ?? '';
    const serviceText = params.str('ServiceCIDR') ?? '';
    if (type !== 'Serverless') {
      check(podText !== '', 'PodCIDR');
      check(serviceText !== '', 'ServiceCIDR');
    }
    const pod = podText ? parseCidr(podText) : undefined;
    const svc = serviceText ? parseCidr(serviceText) : undefined;
    check(!podText || pod !== undefined, 'PodCIDR');
    check(!serviceText || svc !== undefined, 'ServiceCIDR');
    const vpc = parseCidr(VPC_CIDR) as [number, number];
    if (pod && overlaps(pod, vpc)) throw rcError('invalidParameter', 'POD网段和VPC网段冲突');
    if (svc && overlaps(svc, vpc)) throw rcError('invalidParameter', 'Service网段和VPC网段冲突');
    if (pod && svc && overlaps(pod, svc)) throw rcError('invalidParameter', 'POD网段和Service网段冲突');
    const cluster: RcCluster = {
      Id: store.nextId('cluster'),
      InstanceId: store.clusterInstanceId(),
      ClusterTitle: title,
      BusinessCode: biz as BizCode,
      EnvType: envType as RcCluster['EnvType'],
      ClusterType: type as RcCluster['ClusterType'],
      CreateStatus: '1',
      Status: 'running',
      RegionId: regionId,
      RegionName: params.str('RegionName') ?? regionId,
      VpcId: vpcId,
      VswitchIds: vswitches,
      NetPlug: 'Terway',
      PodCIDR: podText,
      ServiceCIDR: serviceText,
      KeyPair: keyPair,
      hasPassword: password !== '',
      HasInstallArmsPilot: false,
      HasInstallLogController: type === 'Standard' && params.bool('CreateWithLogIntegration') === true,
      createdAt: now,
    };
    store.clusters.set(cluster.InstanceId, cluster);
    return { Result: { ClusterInstanceId: cluster.InstanceId } };
  },
};
