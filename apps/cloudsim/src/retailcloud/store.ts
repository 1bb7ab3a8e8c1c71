import { createHash } from 'node:crypto';
import { hashUnit, IdGenerator } from '../sae/ids';
import {
  isoSeconds,
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

  /** A ListAppInstance row (AppInstanceDetail). */
  instanceView(pod: RcInstance) {
    const env = this.envs.get(pod.EnvId);
    const cpu = env?.cpuLimit ?? 1;
    const mem = env?.memLimitGb ?? 2;
    const limits = `${cpu}vcpu ${mem}GB`;
    return {
      AppInstanceId: pod.AppInstanceId,
      CreateTime: isoSeconds(pod.createdAt),
      Status: pod.Status,
      Health: pod.Health,
      HostIp: pod.HostIp,
      PodIp: pod.PodIp,
      Limits: limits,
      Requests: `${cpu / 2}vcpu ${mem / 2}GB`,
      Spec: limits,
      RestartCount: pod.RestartCount,
      Version: pod.Version,
    };
  }

  /** DescribePodContainerLogList: one entry per container (app, package sidecar, ARMS init), last `lines` lines each. */
  containerLogs(env: RcEnvironment, podName: string, lines: number, now: number) {
    const pod = this.instances.get(podName);
    if (!pod || pod.EnvId !== env.EnvId) throw rcError('notFound', `实例 ${podName} 不存在`);
    const tail = (text: string[]) => text.slice(-Math.max(1, lines)).join('\n');
    const app: string[] = [`${isoSeconds(pod.createdAt)} INFO starting application version ${pod.Version}`];
    if (pod.failed) app.push(`${isoSeconds(pod.createdAt + 5_000)} ERROR application exited with code 1`);
    else {
      app.push(`${isoSeconds(pod.readyAt ?? pod.createdAt)} INFO application started, listening on 8080`);
      // A heartbeat line per minute since it became ready (at most the requested tail).
      const from = Math.max(pod.readyAt ?? pod.createdAt, now - Math.max(1, lines) * 60_000);
      for (let t = Math.ceil(from / 60_000) * 60_000; t <= now; t += 60_000)
        app.push(
          `${isoSeconds(t)} INFO served ${Math.floor(hashUnit(`${podName}:${t}`) * 900) + 100} requests`,
        );
    }
    const logs = [
      { PodName: podName, ContainerName: `jck-app-container-${env.AppId}-${env.EnvId}`, Content: tail(app) },
    ];
    const baseline = env.baseline;
    if (baseline?.PacketUrl && !baseline.images.includes(baseline.PacketUrl)) {
      logs.push({
        PodName: podName,
        ContainerName: 'jck-sidecar-deploytool',
        Content: tail([
          'Prepare Code Start',
          'Step1: Delete /acs/code/*',
          `Step2: Get User Code From URL ${baseline.PacketUrl.split('?')[0]}`,
          'Prepare Code End',
        ]),
      });
    }
    return logs;
  }

  /** QueryClusterDetail's InstanceInfo and WorkLoad, computed from the pods placed on the cluster. */
  clusterWorkload(clusterInstanceId: string) {
    const nodes = this.clusterNodes(clusterInstanceId);
    const envs = [...this.envs.values()].filter((e) => e.clusterInstanceId === clusterInstanceId);
    const GB = 1024 ** 3;
    const cpuTotal = nodes.reduce((a, n) => a + Number(n.EcsCpu), 0);
    const memTotal = nodes.reduce((a, n) => a + Number(n.EcsMemory) * 1024 * 1024, 0);
    let cpuRequest = 0;
    let memRequest = 0;
    let pods = 0;
    const allocated = envs.flatMap((env) => {
      const count = this.envInstances(env.EnvId).length;
      if (count === 0) return [];
      pods += count;
      cpuRequest += (count * env.cpuLimit) / 2;
      memRequest += (count * env.memLimitGb * GB) / 2;
      return [
        {
          appName: this.apps.get(env.AppId)?.Title ?? '',
          envName: env.EnvName,
          memRequest: `${env.memLimitGb / 2}GB`,
          appId: env.AppId,
          cupRequest: `${env.cpuLimit / 2}vcpu`,
          podCount: count,
          envId: env.EnvId,
        },
      ];
    });
    const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
    const cpuUse = cpuRequest * 0.6;
    const memUse = memRequest * 0.7;
    const level = (r: number) => (r > 0.8 ? 'high' : r > 0.5 ? 'medium' : 'low');
    const freeCpu = Math.max(0, cpuTotal - cpuRequest);
    return {
      InstanceInfo: {
        AllocatePodCount: pods,
        AppCount: new Set(envs.filter((e) => this.envInstances(e.EnvId).length > 0).map((e) => e.AppId)).size,
        AllocatedPodInfoList: allocated,
        AvailablePodInfoList: [
          { memRequest: '4', cupRequest: '2', availablePodCount: Math.floor(freeCpu / 2) },
        ],
      },
      WorkLoad: {
        AllNodeCount: nodes.length,
        AllocateAllPodCount: pods + nodes.length * 3,
        AllocateAppPodCount: pods,
        CpuCapacityTotal: cpuTotal,
        CpuTotal: cpuTotal,
        CpuRequest: cpuRequest,
        CpuRequestPercent: ratio(cpuRequest, cpuTotal),
        CpuUse: cpuUse,
        CpuUsePercent: ratio(cpuUse, cpuTotal),
        CpuLevel: level(ratio(cpuRequest, cpuTotal)),
        MemCapacityTotal: memTotal,
        MemTotal: memTotal,
        MemRequest: memRequest,
        MemRequestPercent: ratio(memRequest, memTotal),
        MemUse: memUse,
        MemUsePercent: ratio(memUse, memTotal),
        MemLevel: level(ratio(memRequest, memTotal)),
      },
    };
  }

  /** DescribeEventMonitorList: the environment's events in [start, end] (ms), filtered, newest first. */
  monitorEvents(
    envId: number,
    f: { start: number; end: number; level?: string; type?: string; podName?: string },
  ): RcMonitorEvent[] {
    return this.events
      .filter(
        (e) =>
          e.EnvId === envId &&
          e.last >= f.start &&
          e.first <= f.end &&
          (!f.level || e.Level === f.level) &&
          (!f.type || e.EventType === f.type) &&
          (!f.podName || e.PodName === f.podName),
      )
      .sort((a, b) => b.last - a.last || b.seq - a.seq);
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
