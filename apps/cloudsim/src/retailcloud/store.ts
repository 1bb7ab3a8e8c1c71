import { createHash } from 'node:crypto';
import { hashUnit, IdGenerator } from '../sae/ids';
import {
  type RcApp,
  type RcAppGroup,
  type RcCluster,
  type RcDeployConfig,
  type RcDeployOrder,
  type RcEnvironment,
  type RcGroupMapping,
  type RcInstance,
  type RcJob,
  type RcMonitorEvent,
  type RcNode,
  type RcNodeLabel,
  type RcNodeLabelBinding,
  type RcPv,
  type RcPvc,
  type RcRdsInstance,
  type RcResourceAlloc,
  type RcService,
  type RcSlbAP,
  type RcUser,
  rcError,
} from './model';

/** Statuses of an order that is not finished: it blocks DeployApp/ScaleApp and may be closed. */
export const OPEN_STATUSES: ReadonlySet<number> = new Set([0, 1, 2]);

type LongKind =
  | 'app'
  | 'env'
  | 'schema'
  | 'order'
  | 'pvc'
  | 'pv'
  | 'group'
  | 'mapping'
  | 'slb'
  | 'service'
  | 'label'
  | 'binding'
  | 'alloc'
  | 'cluster';

/** All Retail Cloud state of one simulated account. Handlers read and mutate it directly. */
export class RetailCloudStore {
  readonly ids: IdGenerator;
  readonly users: RcUser[] = [];
  readonly apps = new Map<number, RcApp>();
  readonly envs = new Map<number, RcEnvironment>();
  readonly deployConfigs = new Map<number, RcDeployConfig>();
  /** Live pods by AppInstanceId. */
  readonly instances = new Map<string, RcInstance>();
  /** Removed pods, kept for metric history (bounded). */
  readonly retired: RcInstance[] = [];
  readonly orders = new Map<number, RcDeployOrder>();
  readonly pvcs = new Map<number, RcPvc>();
  readonly pvs = new Map<number, RcPv>();
  readonly groups = new Map<number, RcAppGroup>();
  readonly groupMappings = new Map<number, RcGroupMapping>();
  readonly slbAPs = new Map<number, RcSlbAP>();
  readonly services = new Map<number, RcService>();
  readonly jobs: RcJob[] = [];
  readonly nodeLabels = new Map<number, RcNodeLabel>();
  readonly nodeLabelBindings = new Map<number, RcNodeLabelBinding>();
  readonly resourceAllocs = new Map<number, RcResourceAlloc>();
  /** By cluster instance id. */
  readonly clusters = new Map<string, RcCluster>();
  /** ECS machines by instance id (in a cluster or available). */
  readonly nodes = new Map<string, RcNode>();
  readonly rds = new Map<string, RcRdsInstance>();
  readonly events: RcMonitorEvent[] = [];
  private readonly counters = new Map<LongKind, number>();
  private eventSeq = 0;

  constructor(
    readonly regionId: string,
    seed = 0x2018_0313,
  ) {
    this.ids = new IdGenerator(seed);
  }

  /** Long ids: each kind counts up from its own seeded base, so ids look real and never collide within a kind. */
  nextId(kind: LongKind): number {
    let current = this.counters.get(kind);
    if (current === undefined) current = this.ids.int(10_000, 89_999);
    current += this.ids.int(1, 7);
    this.counters.set(kind, current);
    return current;
  }

  /** 33-character cluster instance id (`c` + 32 hex), as in the seed's examples. */
  clusterInstanceId(): string {
    return `c${this.ids.hex(32)}`;
  }

  app(appId: number): RcApp {
    const app = this.apps.get(appId);
    if (!app) throw rcError('notFound', `应用 ${appId} 不存在`);
    return app;
  }

  env(envId: number): RcEnvironment {
    const env = this.envs.get(envId);
    if (!env) throw rcError('notFound', `环境 ${envId} 不存在`);
    return env;
  }

  /** The environment, checked to belong to the app (handlers that take both ids). */
  appEnv(appId: number, envId: number): RcEnvironment {
    const env = this.env(envId);
    if (env.AppId !== appId) throw rcError('notFound', `环境 ${envId} 不属于应用 ${appId}`);
    return env;
  }

  order(orderId: number): RcDeployOrder {
    const order = this.orders.get(orderId);
    if (!order) throw rcError('notFound', `发布单 ${orderId} 不存在`);
    return order;
  }

  cluster(instanceId: string): RcCluster {
    const cluster = this.clusters.get(instanceId);
    if (!cluster) throw rcError('notFound', `集群 ${instanceId} 不存在`);
    return cluster;
  }

  /** ClusterId parameters are sometimes the numeric Id, sometimes the instance id: accept both. */
  findCluster(id: string | number): RcCluster | undefined {
    const text = String(id);
    return this.clusters.get(text) ?? [...this.clusters.values()].find((c) => String(c.Id) === text);
  }

  rdsInstance(id: string): RcRdsInstance {
    const rds = this.rds.get(id);
    if (!rds) throw rcError('notFound', `RDS实例 ${id} 不存在`);
    return rds;
  }

  appEnvs(appId: number): RcEnvironment[] {
    return [...this.envs.values()].filter((e) => e.AppId === appId);
  }

  /** Pods of the environment, oldest first. */
  envInstances(envId: number): RcInstance[] {
    return [...this.instances.values()]
      .filter((i) => i.EnvId === envId)
      .sort((a, b) => a.createdAt - b.createdAt || a.AppInstanceId.localeCompare(b.AppInstanceId));
  }

  envOrders(envId: number): RcDeployOrder[] {
    return [...this.orders.values()].filter((o) => o.EnvId === envId);
  }

  openOrder(envId: number): RcDeployOrder | undefined {
    return this.envOrders(envId).find((o) => OPEN_STATUSES.has(o.Status));
  }

  clusterNodes(clusterInstanceId: string): RcNode[] {
    return [...this.nodes.values()].filter((n) => n.clusterInstanceId === clusterInstanceId);
  }

  /** Nodes not in any cluster, in the cluster's VPC (ListAvailableClusterNode). */
  availableNodes(clusterInstanceId: string): RcNode[] {
    const cluster = this.cluster(clusterInstanceId);
    return [...this.nodes.values()].filter((n) => !n.clusterInstanceId && n.VpcId === cluster.VpcId);
  }

  /** Where a pod of the environment lands: a node of its cluster, chosen by the pod's name. */
  placePod(env: RcEnvironment, podName: string): { HostIp: string; HostName: string } {
    const nodes = env.clusterInstanceId ? this.clusterNodes(env.clusterInstanceId) : [];
    if (nodes.length === 0) return { HostIp: '', HostName: 'eci' };
    const node = nodes[Math.floor(hashUnit(podName) * nodes.length)] as RcNode;
    return { HostIp: node.EcsPrivateIp, HostName: `${node.RegionId}.${node.EcsPrivateIp}` };
  }

  /** Pod IPs come from the cluster's pod CIDR (172.20.0.0/16 by default). */
  podIp(podName: string): string {
    const h = Math.floor(hashUnit(`ip:${podName}`) * 65_000);
    return `172.20.${(h >> 8) % 256}.${(h % 250) + 2}`;
  }

  removeInstance(instance: RcInstance, at: number): void {
    this.instances.delete(instance.AppInstanceId);
    instance.removedAt = at;
    this.retired.push(instance);
    if (this.retired.length > 5_000) this.retired.splice(0, this.retired.length - 5_000);
  }

  /** Live and removed pods of the environment (metrics history). */
  envPodHistory(envId: number): RcInstance[] {
    return [...this.retired.filter((i) => i.EnvId === envId), ...this.envInstances(envId)];
  }

  findPod(envId: number, podName: string): RcInstance | undefined {
    const live = this.instances.get(podName);
    if (live && live.EnvId === envId) return live;
    for (let i = this.retired.length - 1; i >= 0; i--) {
      const pod = this.retired[i] as RcInstance;
      if (pod.AppInstanceId === podName && pod.EnvId === envId) return pod;
    }
    return undefined;
  }

  addEvent(event: Omit<RcMonitorEvent, 'seq' | 'first' | 'last' | 'Count'> & { at: number }): void {
    const { at, ...rest } = event;
    // Kubernetes folds a repeated event into one entry with a higher count.
    const same = this.events.find(
      (e) =>
        e.EnvId === rest.EnvId &&
        e.PodName === rest.PodName &&
        e.Reason === rest.Reason &&
        e.Message === rest.Message,
    );
    if (same) {
      same.Count++;
      same.last = Math.max(same.last, at);
      return;
    }
    this.events.push({ ...rest, seq: this.eventSeq++, Count: 1, first: at, last: at });
    if (this.events.length > 20_000) this.events.splice(0, this.events.length - 20_000);
  }
}

export const passwordDigest = (password: string) => createHash('sha256').update(password).digest('hex');
