import { reported } from '../reported-time';
import { hashUnit } from '../sae/ids';
import {
  type DeployOrderRecord,
  envTypeLabel,
  envTypeName,
  isoSeconds,
  minuteZ,
  ORDER_STATUS_NAMES,
  type OrderResult,
  PAUSE_TYPE_NAMES,
  type PauseType,
  type PodRecordView,
  parseSpaced,
  type RcApp,
  type RcDeployOrder,
  type RcDeployStep,
  type RcDeployTarget,
  type RcEnvironment,
  type RcInstance,
  type RcJob,
  type RcPartition,
  type RcPodRecord,
  rcError,
  resultName,
  STEP_NAMES,
  type StepCode,
  type UpdateStrategyType,
} from './model';
import { OPEN_STATUSES, type RetailCloudStore } from './store';

/** An order waits in Status 0 (等待部署) this long before its first partition starts. */
export const PREPARE_MS = 2_000;
/** A partition takes 20–40 s of simulated time. */
export const PARTITION_MIN_MS = 20_000;
export const PARTITION_SPREAD_MS = 20_000;
/** Rebuild: old pod stops, new pod is scheduled after 5 s, starts after 10 s, is ready after 25 s. */
export const REBUILD_MARKS = [0, 5_000, 10_000, 25_000] as const;
/** ScaleApp without TotalPartitions: the seed's default of 2 batches. */
export const SCALE_DEFAULT_PARTITIONS = 2;

const PAUSE_TYPES: readonly PauseType[] = ['first', 'each', 'none'];
const STRATEGIES: readonly UpdateStrategyType[] = [
  'offline_old_then_online_new',
  'online_new_then_offline_old',
];

export interface DeployRequest {
  envId: number;
  name: string;
  totalPartitions: number;
  pauseType?: string;
  updateStrategyType?: string;
  description?: string;
  packetUrl?: string;
  packetId?: number;
  images?: string[];
  initImages?: string[];
  armsFlag?: boolean;
  userId?: string;
  userNick?: string;
}

export interface ScaleRequest {
  envId: number;
  replicas: number;
  totalPartitions?: number;
  userId?: string;
  userNick?: string;
}

/** DeployApp/ScaleApp Result: `Admitted=false` with BusinessCode 102000/102001 creates no order. */
export interface AdmissionAnswer {
  Admitted: boolean;
  BusinessCode: string;
  DeployOrderId?: number;
}

/** ListDeployOrders filters, as the request names them (numbers already parsed). */
export interface OrderFilter {
  EnvId?: number;
  EnvType?: string;
  DeployType?: string;
  PauseType?: string;
  DeployCategory?: string;
  PartitionType?: string;
  Status?: number;
  StatusList?: number[];
  ResultList?: number[];
  StartTimeGreaterThan?: string;
  StartTimeGreaterThanOrEqualTo?: string;
  StartTimeLessThan?: string;
  StartTimeLessThanOrEqualTo?: string;
  EndTimeGreaterThan?: string;
  EndTimeGreaterThanOrEqualTo?: string;
  EndTimeLessThan?: string;
  EndTimeLessThanOrEqualTo?: string;
}

interface RebuildTask {
  envId: number;
  oldId: string;
  newId: string;
  startedAt: number;
  phase: number;
  nextAt?: number;
}

/** Splits n slots into k partitions, larger ones first (group_even). */
export function splitEven(n: number, k: number): number[] {
  const parts = Math.max(1, Math.min(k, Math.max(1, n)));
  return Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));
}

/** The tag after the last ':' of the last path segment (`latest` when there is none). */
export function imageTag(image: string): string {
  const last = image.split('/').pop() ?? '';
  const colon = last.lastIndexOf(':');
  return colon >= 0 ? last.slice(colon + 1) : 'latest';
}

/** Artefacts tagged `fail` (image tag, or a package named `fail` / `*-fail`) fail their pods, as in the SAE simulator. */
export function failingTarget(target: RcDeployTarget): boolean {
  const version = target.version.toLowerCase();
  return (
    version === 'fail' ||
    version.endsWith('-fail') ||
    [...target.images, ...target.initImages].some((i) => imageTag(i).toLowerCase() === 'fail')
  );
}

function packetStem(url: string): string {
  const file = (url.split('?')[0] ?? '').split('/').pop() ?? '';
  return file.replace(/\.(jar|war|zip|tar\.gz|tgz)$/i, '');
}

function round2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * The deploy-order engine (seed §5, reference §3). An order replaces or adds/removes pods partition
 * by partition in simulated time. Pause semantics follow the seed's PauseType text ("第一批发布完成后暂停",
 * "每个批次发布完成后都暂停"): the order pauses (Status 2) *after* a partition completes and only when
 * another partition follows, so `first` pauses once, `each` pauses TotalPartitions − 1 times (two pauses
 * for three partitions) and the last partition finishes the order; ResumeDeploy starts the next partition.
 */
export class DeployOrderEngine {
  private readonly rebuilds: RebuildTask[] = [];

  constructor(private readonly store: RetailCloudStore) {}

  // ---- commands ----

  deploy(req: DeployRequest, at: number): AdmissionAnswer {
    const { store } = this;
    const env = store.env(req.envId);
    if (!req.name) throw rcError('invalidParameter', 'Name');
    const total = Math.trunc(req.totalPartitions);
    if (!Number.isFinite(total) || total < 1) throw rcError('invalidParameter', 'TotalPartitions');
    const pauseType = (req.pauseType || 'none') as PauseType;
    if (!PAUSE_TYPES.includes(pauseType)) throw rcError('invalidParameter', 'PauseType');
    const strategy = (req.updateStrategyType || 'offline_old_then_online_new') as UpdateStrategyType;
    if (!STRATEGIES.includes(strategy)) throw rcError('invalidParameter', 'UpdateStrategyType');
    const gate = this.admit(env);
    if (gate) return gate;
    const base = env.baseline;
    const images = req.images?.length ? req.images : (base?.images ?? []);
    const initImages = req.initImages?.length ? req.initImages : (base?.initImages ?? []);
    const packetUrl = req.packetUrl ?? (req.images?.length ? '' : (base?.PacketUrl ?? ''));
    const version = req.images?.length
      ? imageTag(req.images[0] as string)
      : req.packetUrl
        ? packetStem(req.packetUrl) || req.name
        : (base?.version ?? req.name);
    const target: RcDeployTarget = {
      version,
      images,
      initImages,
      packetUrl,
      packetId: req.packetId ?? (req.packetUrl || req.images?.length ? undefined : base?.PacketId),
      armsFlag: req.armsFlag ?? false,
      replicas: env.Replicas,
    };
    const live = store.envInstances(env.EnvId);
    const slots: { old?: RcInstance; add: boolean }[] = [];
    for (let i = 0; i < Math.max(env.Replicas, live.length); i++) {
      slots.push({ old: live[i], add: i < env.Replicas });
    }
    env.offline = false;
    const order = this.create(
      env,
      'deploy',
      req.name,
      req.description ?? '',
      pauseType,
      strategy,
      total,
      target,
      slots,
      at,
      req,
    );
    return { Admitted: true, BusinessCode: '0', DeployOrderId: order.DeployOrderId };
  }

  scale(req: ScaleRequest, at: number): AdmissionAnswer {
    const { store } = this;
    const env = store.env(req.envId);
    const replicas = Math.trunc(req.replicas);
    if (!Number.isFinite(replicas) || replicas < 0) throw rcError('invalidParameter', 'Replicas');
    const total = Math.trunc(req.totalPartitions ?? SCALE_DEFAULT_PARTITIONS);
    if (!Number.isFinite(total) || total < 1) throw rcError('invalidParameter', 'TotalPartitions');
    const gate = this.admit(env);
    if (gate) return gate;
    const base = env.baseline;
    const target: RcDeployTarget = {
      version: base?.version ?? '',
      images: base?.images ?? [],
      initImages: base?.initImages ?? [],
      packetUrl: base?.PacketUrl ?? '',
      packetId: base?.PacketId,
      armsFlag: false,
      replicas,
    };
    const live = store.envInstances(env.EnvId);
    const slots: { old?: RcInstance; add: boolean }[] = [];
    if (replicas > live.length) for (let i = live.length; i < replicas; i++) slots.push({ add: true });
    // Scale in removes the newest pods first, like a ReplicaSet.
    else for (const old of live.slice(replicas).reverse()) slots.push({ old, add: false });
    env.Replicas = replicas;
    env.offline = false;
    const order = this.create(
      env,
      'scale',
      `应用实例数扩缩容至${replicas}个`,
      '',
      'none',
      'offline_old_then_online_new',
      total,
      target,
      slots,
      at,
      req,
    );
    return { Admitted: true, BusinessCode: '0', DeployOrderId: order.DeployOrderId };
  }

  /** ResumeDeploy: only a paused order (Status 2); it goes on with the next partition. */
  resume(orderId: number, at: number): RcDeployOrder {
    const order = this.store.order(orderId);
    if (order.Status !== 2) throw rcError('orderState', `发布单 ${orderId} 未处于暂停状态`);
    this.startPartition(order, order.CurrentPartitionNum, at);
    return order;
  }

  /**
   * CloseDeployOrder: an open order (Status 0/1/2) ends as Status 3, Result 4 (人为置为失败). The pod moves
   * of a partition in flight are completed at once; pods of partitions never started stay as they are.
   */
  close(orderId: number, at: number): RcDeployOrder {
    const order = this.store.order(orderId);
    if (!OPEN_STATUSES.has(order.Status)) throw rcError('orderState', `发布单 ${orderId} 已结束`);
    const running = order.Status === 1 ? order.partitions[order.CurrentPartitionNum - 1] : undefined;
    if (running && running.startedAt !== undefined) {
      while (running.phase < 3) this.partitionPhase(order, running, running.phase + 1, at);
      this.settleRecords(order, running, at);
    }
    for (const rec of order.pods) {
      if (rec.Status !== 3) {
        rec.Status = 3;
        rec.Result = 4;
        rec.updatedAt = at;
      }
    }
    this.finish(order, 4, at);
    return order;
  }

  /** RebuildAppInstance: the pod is deleted and recreated (same name for stateful apps). */
  rebuild(appId: number, envId: number, podName: string, at: number): void {
    const { store } = this;
    const env = store.appEnv(appId, envId);
    const pod = store.instances.get(podName);
    if (!pod || pod.EnvId !== env.EnvId) throw rcError('notFound', `实例 ${podName} 不存在`);
    if (this.rebuilds.some((r) => r.oldId === podName && r.nextAt !== undefined))
      throw rcError('orderState', `实例 ${podName} 正在重建`);
    const app = store.app(appId);
    const newId = app.StateType === 2 ? podName : podName.replace(/-[0-9a-f]{5}$/, `-${store.ids.hex(5)}`);
    const task: RebuildTask = { envId, oldId: podName, newId, startedAt: at, phase: 0 };
    this.rebuilds.push(task);
    pod.Status = 'Offlining';
    this.monitorEvent(
      env,
      pod.AppInstanceId,
      pod.HostName,
      'Normal',
      'Killing',
      'Stopping container (rebuild)',
      at,
    );
    task.phase = 0;
    task.nextAt = at + REBUILD_MARKS[1];
  }

  /**
   * OfflineAppEnvironment: the pods go away (their rebuilds stop), the record stays; PVCs only with
   * DeletePvc. Refused while an order is open, like a new deploy.
   */
  offline(env: RcEnvironment, deletePvc: boolean, at: number): void {
    const { store } = this;
    if (store.openOrder(env.EnvId)) throw rcError('orderInProgress');
    for (const task of this.rebuilds) if (task.envId === env.EnvId) task.nextAt = undefined;
    for (const pod of store.envInstances(env.EnvId)) {
      this.monitorEvent(
        env,
        pod.AppInstanceId,
        pod.HostName,
        'Normal',
        'Killing',
        'Stopping container (offline)',
        at,
      );
      store.removeInstance(pod, at);
    }
    if (deletePvc) for (const [id, pvc] of store.pvcs) if (pvc.EnvId === env.EnvId) store.pvcs.delete(id);
    env.offline = true;
  }

  /**
   * DeleteAppEnvironment. Force closes an open order and removes everything under the environment; without
   * Force the environment must have no open order and no pods.
   */
  deleteEnv(env: RcEnvironment, force: boolean, at: number): void {
    const { store } = this;
    const open = store.openOrder(env.EnvId);
    if (!force) {
      if (open) throw rcError('orderInProgress');
      if (store.envInstances(env.EnvId).length > 0) throw rcError('inUse', `环境 ${env.EnvId} 仍有实例`);
    }
    if (open) this.close(open.DeployOrderId, at);
    this.offline(env, true, at);
    for (const map of [store.slbAPs, store.services] as Map<number, { EnvId: number }>[])
      for (const [id, item] of map) if (item.EnvId === env.EnvId) map.delete(id);
    for (const [id, alloc] of store.resourceAllocs)
      if (alloc.AppEnvId === env.EnvId) store.resourceAllocs.delete(id);
    store.envs.delete(env.EnvId);
  }

  /** DeleteAppDetail. Force removes every environment, config and group mapping; otherwise the app must have no environment. */
  deleteApp(appId: number, force: boolean, at: number): void {
    const { store } = this;
    store.app(appId);
    const envs = store.appEnvs(appId);
    if (!force && envs.length > 0) throw rcError('inUse', `应用 ${appId} 仍有环境`);
    for (const env of envs) this.deleteEnv(env, true, at);
    for (const [id, c] of store.deployConfigs) if (c.AppId === appId) store.deployConfigs.delete(id);
    for (const [id, m] of store.groupMappings) if (m.AppId === appId) store.groupMappings.delete(id);
    for (const [id, p] of store.pvcs) if (p.AppId === appId) store.pvcs.delete(id);
    store.apps.delete(appId);
  }

  /** Runs every scheduled step up to `now` in time order (deterministic however time is stepped). */
  advanceTo(now: number): void {
    for (let guard = 0; guard < 100_000; guard++) {
      let order: RcDeployOrder | undefined;
      for (const o of this.store.orders.values()) {
        if (o.nextAt === undefined || o.nextAt > now) continue;
        if (!order || (order.nextAt as number) > o.nextAt) order = o;
      }
      let task: RebuildTask | undefined;
      for (const t of this.rebuilds) {
        if (t.nextAt === undefined || t.nextAt > now) continue;
        if (!task || (task.nextAt as number) > t.nextAt) task = t;
      }
      if (!order && !task) break;
      if (order && (!task || (order.nextAt as number) <= (task.nextAt as number))) this.step(order);
      else if (task) this.rebuildStep(task);
    }
    this.runCronJobs(now);
  }

  // ---- views ----

  /** The §3.3 record: exactly the 26 fields of ListDeployOrders.Data[] / DescribeDeployOrderDetail.Result. */
  record(order: RcDeployOrder, now: number): DeployOrderRecord {
    const total = order.pods.length;
    const finished = order.pods.filter((p) => p.Status === 3 && p.startedAt !== undefined && p.Result !== 4);
    const failed = order.pods.filter((p) => p.Result === 2 && p.startedAt !== undefined).length;
    const end = order.endedAt ?? now;
    return {
      DeployOrderId: order.DeployOrderId,
      Name: order.Name,
      Description: order.Description,
      EnvId: order.EnvId,
      EnvType: order.EnvType,
      SchemaId: order.SchemaId,
      AppInstanceType: 'k8s_pod',
      DeployType: 'partition_parallel',
      DeployTypeName: '分批发布-批内并行',
      DeployPauseType: order.pauseType,
      DeployPauseTypeName: PAUSE_TYPE_NAMES[order.pauseType],
      PartitionType: 'group_even',
      PartitionTypeName: '分组均分',
      TotalPartitions: order.TotalPartitions,
      CurrentPartitionNum: order.CurrentPartitionNum,
      TotalAppInstanceCt: total,
      FinishAppInstanceCt: finished.length,
      FailureRate: total === 0 ? '0' : round2(failed / total),
      Status: order.Status,
      StatusName: ORDER_STATUS_NAMES[order.Status],
      Result: order.Result,
      ResultName: resultName(order.Result),
      StartTime: minuteZ(order.createdAt),
      EndTime: order.endedAt !== undefined ? minuteZ(order.endedAt) : '',
      // Seconds between the reported start and end (shortened, like them, while time runs scaled).
      ElapsedTime: Math.max(0, Math.round((reported(end) - reported(order.createdAt)) / 1000)),
      UserId: order.UserId,
      UserNick: order.UserNick,
    };
  }

  /**
   * ListDeployOrders: the app's orders matching the §3.4 filters, newest first. Time filters take the
   * seed's `yyyy-MM-dd HH:mm:ss` (UTC); a malformed one is a parameter error. EndTime filters skip open orders.
   */
  listOrders(appId: number, f: OrderFilter = {}): RcDeployOrder[] {
    const { store } = this;
    const time = (name: string, text: string | undefined) => {
      if (text === undefined || text === '') return undefined;
      const t = parseSpaced(text);
      if (t === undefined) throw rcError('invalidParameter', name);
      return t;
    };
    const bounds = {
      sgt: time('StartTimeGreaterThan', f.StartTimeGreaterThan),
      sge: time('StartTimeGreaterThanOrEqualTo', f.StartTimeGreaterThanOrEqualTo),
      slt: time('StartTimeLessThan', f.StartTimeLessThan),
      sle: time('StartTimeLessThanOrEqualTo', f.StartTimeLessThanOrEqualTo),
      egt: time('EndTimeGreaterThan', f.EndTimeGreaterThan),
      ege: time('EndTimeGreaterThanOrEqualTo', f.EndTimeGreaterThanOrEqualTo),
      elt: time('EndTimeLessThan', f.EndTimeLessThan),
      ele: time('EndTimeLessThanOrEqualTo', f.EndTimeLessThanOrEqualTo),
    };
    const endFilter = [bounds.egt, bounds.ege, bounds.elt, bounds.ele].some((b) => b !== undefined);
    return [...store.orders.values()]
      .filter((o) => {
        if (o.AppId !== appId) return false;
        if (f.EnvId !== undefined && o.EnvId !== f.EnvId) return false;
        if (f.EnvType && o.EnvType !== f.EnvType) return false;
        if (f.DeployType && f.DeployType !== 'partition_parallel') return false;
        if (f.PartitionType && f.PartitionType !== 'group_even') return false;
        if (f.PauseType && o.pauseType !== f.PauseType) return false;
        if (f.DeployCategory && o.category !== f.DeployCategory) return false;
        if (f.Status !== undefined && o.Status !== f.Status) return false;
        if (f.StatusList?.length && !f.StatusList.includes(o.Status)) return false;
        if (f.ResultList?.length && !f.ResultList.includes(o.Result)) return false;
        const s = o.createdAt;
        if (bounds.sgt !== undefined && !(s > bounds.sgt)) return false;
        if (bounds.sge !== undefined && !(s >= bounds.sge)) return false;
        if (bounds.slt !== undefined && !(s < bounds.slt)) return false;
        if (bounds.sle !== undefined && !(s <= bounds.sle)) return false;
        if (endFilter) {
          const e = o.endedAt;
          if (e === undefined) return false;
          if (bounds.egt !== undefined && !(e > bounds.egt)) return false;
          if (bounds.ege !== undefined && !(e >= bounds.ege)) return false;
          if (bounds.elt !== undefined && !(e < bounds.elt)) return false;
          if (bounds.ele !== undefined && !(e <= bounds.ele)) return false;
        }
        return true;
      })
      .sort((a, b) => b.createdAt - a.createdAt || b.DeployOrderId - a.DeployOrderId);
  }

  /** ListPods rows of an order, by partition then slot. */
  podRecords(order: RcDeployOrder): PodRecordView[] {
    const env = this.store.envs.get(order.EnvId);
    return order.pods.map((rec) => ({
      AppInstanceId: rec.AppInstanceId,
      DeployOrderId: order.DeployOrderId,
      DeployPartitionNum: rec.DeployPartitionNum,
      GroupName: rec.GroupName,
      HostIp: rec.HostIp,
      HostName: rec.HostName,
      PodIp: rec.PodIp,
      Region: env?.Region ?? this.store.regionId,
      Result: rec.Result,
      ResultName: resultName(rec.Result),
      Status: rec.Status,
      StatusName: ORDER_STATUS_NAMES[rec.Status],
      StartTime: rec.startedAt !== undefined ? isoSeconds(rec.startedAt) : '',
      UpdateTime: isoSeconds(rec.updatedAt),
      DeploySteps: rec.steps.map((s) => ({
        Status: s.Status,
        StepCode: s.StepCode,
        StepName: STEP_NAMES[s.StepCode],
      })),
    }));
  }

  /** A pod record by AppInstId: the new pod's name, or the old pod it replaced or removed. */
  podRecord(order: RcDeployOrder, appInstId: string): RcPodRecord {
    const rec = order.pods.find((p) => p.AppInstanceId === appInstId || p.oldInstanceId === appInstId);
    if (!rec) throw rcError('notFound', `实例 ${appInstId} 不在发布单 ${order.DeployOrderId} 中`);
    return rec;
  }

  /** DescribePodLog.Result. */
  podLog(order: RcDeployOrder, appInstId: string) {
    const rec = this.podRecord(order, appInstId);
    return {
      DeployOrderName: order.Name,
      EnvTypeName: envTypeLabel(order.EnvType === 'online' ? 1 : 0),
      DeployStepList: rec.steps.map((s) => ({
        Status: s.Status,
        StepCode: s.StepCode,
        StepLog: s.log.join('\n'),
        StepName: STEP_NAMES[s.StepCode],
      })),
    };
  }

  /** DescribePodEvents.Result. */
  podEvents(order: RcDeployOrder, appInstId: string) {
    const rec = this.podRecord(order, appInstId);
    return {
      DeployOrderName: order.Name,
      PodEvents: rec.events.map((e) => ({
        Action: e.Action,
        Count: e.Count,
        EventTime: minuteZ(e.last),
        FirstTimestamp: minuteZ(e.first),
        LastTimestamp: minuteZ(e.last),
        Message: e.Message,
        Reason: e.Reason,
        Type: e.Type,
      })),
    };
  }

  // ---- internals ----

  private admit(env: RcEnvironment): AdmissionAnswer | undefined {
    if (this.store.openOrder(env.EnvId)) throw rcError('orderInProgress');
    if (env.admissionCode) return { Admitted: false, BusinessCode: env.admissionCode };
    return undefined;
  }

  private create(
    env: RcEnvironment,
    category: 'deploy' | 'scale',
    name: string,
    description: string,
    pauseType: PauseType,
    strategy: UpdateStrategyType,
    requestedPartitions: number,
    target: RcDeployTarget,
    slots: { old?: RcInstance; add: boolean }[],
    at: number,
    who: { userId?: string; userNick?: string },
  ): RcDeployOrder {
    const { store } = this;
    const app = store.app(env.AppId);
    const id = store.nextId('order');
    const rsHash = store.ids.hex(10);
    const sizes = splitEven(slots.length, requestedPartitions);
    const pods: RcPodRecord[] = [];
    const partitions: RcPartition[] = [];
    let next = 0;
    sizes.forEach((size, i) => {
      const indexes: number[] = [];
      for (let j = 0; j < size; j++) {
        const slot = slots[next++] as { old?: RcInstance; add: boolean };
        const podName = slot.add
          ? `jck-deployment-yacs-${app.AppId}-${env.EnvId}-${id}-${rsHash}-${store.ids.hex(5)}`
          : (slot.old?.AppInstanceId as string);
        indexes.push(pods.length);
        pods.push({
          AppInstanceId: podName,
          oldInstanceId: slot.add ? slot.old?.AppInstanceId : undefined,
          removal: !slot.add,
          DeployPartitionNum: i + 1,
          GroupName: 'defaultGroup',
          Status: 1,
          Result: 0,
          updatedAt: at,
          steps: [],
          events: [],
          HostIp: '',
          HostName: '',
          PodIp: '',
        });
      }
      partitions.push({ num: i + 1, pods: indexes, marks: [], phase: -1 });
    });
    const order: RcDeployOrder = {
      DeployOrderId: id,
      Name: name,
      Description: description,
      AppId: app.AppId,
      EnvId: env.EnvId,
      EnvType: envTypeName(env.EnvType),
      SchemaId: env.AppSchemaId,
      category,
      pauseType,
      updateStrategy: strategy,
      TotalPartitions: sizes.length,
      CurrentPartitionNum: 1,
      Status: 0,
      Result: 0,
      createdAt: at,
      UserId: who.userId ?? '1000000001',
      UserNick: who.userNick ?? '云模拟用户',
      target,
      partitions,
      pods,
      pauses: 0,
      nextAt: at + PREPARE_MS,
    };
    store.orders.set(id, order);
    return order;
  }

  private step(order: RcDeployOrder): void {
    const at = order.nextAt as number;
    if (order.Status === 0) {
      this.startPartition(order, 0, at);
      return;
    }
    const partition = order.partitions[order.CurrentPartitionNum - 1];
    if (!partition) {
      order.nextAt = undefined;
      return;
    }
    const phase = partition.phase + 1;
    this.partitionPhase(order, partition, phase, at);
    if (phase < 3) order.nextAt = partition.marks[phase + 1];
    else this.endPartition(order, partition, at);
  }

  private startPartition(order: RcDeployOrder, index: number, at: number): void {
    const partition = order.partitions[index] as RcPartition;
    const env = this.store.envs.get(order.EnvId);
    if (!env) {
      this.finish(order, 2, at);
      return;
    }
    order.Status = 1;
    order.CurrentPartitionNum = index + 1;
    const d =
      PARTITION_MIN_MS + Math.floor(hashUnit(`${order.DeployOrderId}:${index}`) * PARTITION_SPREAD_MS);
    const offlineFirst = order.updateStrategy === 'offline_old_then_online_new';
    partition.startedAt = at;
    partition.marks = [
      at,
      at + Math.floor(d * 0.25),
      at + Math.floor(d * (offlineFirst ? 0.5 : 0.6)),
      at + d,
    ];
    for (const i of partition.pods) {
      const rec = order.pods[i] as RcPodRecord;
      rec.startedAt = at;
      rec.Status = 1;
      rec.updatedAt = at;
    }
    for (const rec of order.pods) if (rec.Status === 2) rec.Status = 1;
    this.partitionPhase(order, partition, 0, at);
    order.nextAt = partition.marks[1];
  }

  /**
   * One milestone of a running partition. offline_old_then_online_new: 0 stop old pods, 1 remove them and
   * schedule the new ones, 2 containers start, 3 ready (or failed). online_new_then_offline_old: 0 schedule
   * new pods, 1 start, 2 ready (then stop the old pod they replace), 3 remove old pods.
   */
  private partitionPhase(order: RcDeployOrder, partition: RcPartition, phase: number, at: number): void {
    partition.phase = phase;
    const recs = partition.pods.map((i) => order.pods[i] as RcPodRecord);
    const offlineFirst = order.updateStrategy === 'offline_old_then_online_new';
    for (const rec of recs) {
      const adds = !rec.removal;
      const old = rec.oldInstanceId ?? (adds ? undefined : rec.AppInstanceId);
      if (offlineFirst) {
        if (phase === 0) {
          if (old) this.stopOld(order, rec, old, at);
          else this.scheduleNew(order, rec, at);
        } else if (phase === 1) {
          if (old) this.removeOld(rec, old, at);
          if (adds && old) this.scheduleNew(order, rec, at);
        } else if (phase === 2) {
          if (adds) this.startNew(order, rec, at);
        } else if (adds) this.readyNew(order, rec, at);
      } else if (phase === 0) {
        if (adds) this.scheduleNew(order, rec, at);
        else if (old) this.stopOld(order, rec, old, at);
      } else if (phase === 1) {
        if (adds) this.startNew(order, rec, at);
      } else if (phase === 2) {
        if (adds) this.readyNew(order, rec, at);
        if (adds && old && rec.Result !== 2) this.stopOld(order, rec, old, at);
      } else if (old && rec.steps.some((s) => s.StepCode === 'StopAppInstance')) {
        this.removeOld(rec, old, at);
      }
    }
  }

  private step$(rec: RcPodRecord, code: StepCode, at: number, line?: string): RcDeployStep {
    let step = rec.steps.find((s) => s.StepCode === code);
    if (!step) {
      step = { StepCode: code, Status: 'PROCESSING', log: [] };
      rec.steps.push(step);
    }
    if (line) step.log.push(`[${isoSeconds(at)}] ${line}`);
    rec.updatedAt = at;
    return step;
  }

  private stopOld(order: RcDeployOrder, rec: RcPodRecord, oldId: string, at: number): void {
    const pod = this.store.instances.get(oldId);
    const step = this.step$(rec, 'StopAppInstance', at, `Stopping app instance ${oldId}`);
    if (!pod) {
      step.Status = 'SUCCESS';
      return;
    }
    pod.Status = 'Offlining';
    this.podEvent(
      order,
      rec,
      pod,
      'Normal',
      'Killing',
      `Stopping container jck-app-container-${order.AppId}-${order.EnvId}`,
      at,
    );
  }

  private removeOld(rec: RcPodRecord, oldId: string, at: number): void {
    const pod = this.store.instances.get(oldId);
    const stop = this.step$(rec, 'StopAppInstance', at, `App instance ${oldId} stopped`);
    stop.Status = 'SUCCESS';
    if (rec.removal) {
      const del = this.step$(rec, 'DeleteAppInstance', at, `App instance ${oldId} deleted`);
      del.Status = 'SUCCESS';
    }
    if (pod) this.store.removeInstance(pod, at);
    if (rec.removal) {
      rec.Status = 3;
      rec.Result = 1;
    }
  }

  private scheduleNew(order: RcDeployOrder, rec: RcPodRecord, at: number): void {
    const { store } = this;
    const env = store.envs.get(order.EnvId);
    if (!env || store.instances.has(rec.AppInstanceId)) return;
    const place = store.placePod(env, rec.AppInstanceId);
    const pod: RcInstance = {
      AppInstanceId: rec.AppInstanceId,
      AppId: order.AppId,
      EnvId: order.EnvId,
      PodIp: store.podIp(rec.AppInstanceId),
      HostIp: place.HostIp,
      HostName: place.HostName,
      Status: 'ToBeSchedule',
      Health: 'RUNNING',
      RestartCount: 0,
      Version: order.target.version,
      createdAt: at,
      deployOrderId: order.DeployOrderId,
    };
    store.instances.set(pod.AppInstanceId, pod);
    rec.HostIp = pod.HostIp;
    rec.HostName = pod.HostName;
    rec.PodIp = pod.PodIp;
    this.step$(rec, 'StartAppInstance', at, `Creating app instance ${pod.AppInstanceId}`);
    this.podEvent(
      order,
      rec,
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${this.namespace(order)}/${pod.AppInstanceId} to ${pod.HostName}`,
      at,
    );
  }

  private startNew(order: RcDeployOrder, rec: RcPodRecord, at: number): void {
    const pod = this.store.instances.get(rec.AppInstanceId);
    if (!pod) return;
    const { target } = order;
    pod.Status = 'Starting';
    const container = `jck-app-container-${order.AppId}-${order.EnvId}`;
    if (target.packetUrl) {
      this.step$(rec, 'StartAppInstance', at, 'Prepare Code Start');
      this.step$(rec, 'StartAppInstance', at, 'Step1: Delete /acs/code/*');
      this.step$(
        rec,
        'StartAppInstance',
        at,
        `Step2: Get User Code From URL ${target.packetUrl.split('?')[0]}`,
      );
    }
    for (const image of target.images.length
      ? target.images
      : [`${container}:${target.version || 'latest'}`]) {
      this.step$(rec, 'StartAppInstance', at, `Pulling image "${image}"`);
      this.podEvent(order, rec, pod, 'Normal', 'Pulling', `Pulling image "${image}"`, at);
    }
    if (failingTarget(target)) {
      const bad = target.images.find((i) => imageTag(i).toLowerCase() === 'fail');
      if (bad) {
        this.step$(rec, 'StartAppInstance', at, `Failed to pull image "${bad}": manifest unknown`);
        this.podEvent(
          order,
          rec,
          pod,
          'Warning',
          'Failed',
          `Failed to pull image "${bad}": rpc error: manifest unknown`,
          at,
        );
      }
      return;
    }
    this.podEvent(order, rec, pod, 'Normal', 'Pulled', 'Successfully pulled image', at);
    this.podEvent(order, rec, pod, 'Normal', 'Created', `Created container ${container}`, at);
    this.podEvent(order, rec, pod, 'Normal', 'Started', `Started container ${container}`, at);
    this.step$(rec, 'StartAppInstance', at, `Container ${container} started, version ${target.version}`);
  }

  private readyNew(order: RcDeployOrder, rec: RcPodRecord, at: number): void {
    const pod = this.store.instances.get(rec.AppInstanceId);
    const step = this.step$(rec, 'StartAppInstance', at);
    rec.Status = 3;
    if (!pod || failingTarget(order.target)) {
      step.Status = 'FAIL';
      rec.Result = 2;
      if (pod) {
        pod.Status = 'Failed';
        pod.Health = 'ABNORMAL';
        pod.failed = true;
        pod.RestartCount = 3;
        const image = order.target.images.some((i) => imageTag(i).toLowerCase() === 'fail');
        const message = image
          ? 'Back-off pulling image: ErrImagePull'
          : 'Back-off restarting failed container: application exited with code 1';
        step.log.push(`[${isoSeconds(at)}] ${message}`);
        this.podEvent(
          order,
          rec,
          pod,
          'Warning',
          image ? 'BackOff' : 'CrashLoopBackOff',
          message,
          at,
          'POD_FAILED',
        );
      }
      return;
    }
    pod.Status = 'Normal';
    pod.readyAt = at;
    step.Status = 'SUCCESS';
    step.log.push(`[${isoSeconds(at)}] Readiness probe passed; app instance ${pod.AppInstanceId} is online`);
    rec.Result = 1;
  }

  /** After a partition's last milestone: every slot that ran has its final Status/Result. */
  private settleRecords(order: RcDeployOrder, partition: RcPartition, at: number): void {
    for (const i of partition.pods) {
      const rec = order.pods[i] as RcPodRecord;
      if (rec.Status !== 3) {
        rec.Status = 3;
        rec.Result = rec.steps.some((s) => s.Status === 'FAIL') ? 2 : 1;
        rec.updatedAt = at;
      }
    }
  }

  private endPartition(order: RcDeployOrder, partition: RcPartition, at: number): void {
    this.settleRecords(order, partition, at);
    order.nextAt = undefined;
    const failed = partition.pods.some((i) => order.pods[i]?.Result === 2);
    const env = this.store.envs.get(order.EnvId);
    if (failed) {
      for (const rec of order.pods) {
        if (rec.Status !== 3) {
          rec.Status = 3;
          rec.Result = 2;
          rec.updatedAt = at;
        }
      }
      if (env)
        this.monitorEvent(
          env,
          '',
          '',
          'Error',
          'DeployFailed',
          `发布单 ${order.DeployOrderId} 第${partition.num}批发布失败`,
          at,
        );
      this.finish(order, 2, at);
      return;
    }
    if (partition.num >= order.TotalPartitions) {
      this.finish(order, 1, at);
      return;
    }
    if (order.pauseType === 'each' || (order.pauseType === 'first' && partition.num === 1)) {
      order.Status = 2;
      order.pauses++;
      for (const rec of order.pods) if (rec.startedAt === undefined) rec.Status = 2;
      return;
    }
    this.startPartition(order, partition.num, at);
  }

  private finish(order: RcDeployOrder, result: OrderResult, at: number): void {
    order.Status = 3;
    order.Result = result;
    order.endedAt = at;
    order.nextAt = undefined;
    const env = this.store.envs.get(order.EnvId);
    if (result !== 1 || !env || order.category !== 'deploy') return;
    const { target } = order;
    env.baseline = {
      SchemaId: order.SchemaId,
      PacketId: target.packetId,
      PacketUrl: target.packetUrl || target.images[0] || '',
      PacketComment: order.Description || order.Name,
      createdAt: at,
      version: target.version,
      images: target.images,
      initImages: target.initImages,
    };
  }

  private namespace(order: RcDeployOrder): string {
    return this.store.apps.get(order.AppId)?.Namespace ?? `jck-namespace-${order.AppId}`;
  }

  private podEvent(
    order: RcDeployOrder,
    rec: RcPodRecord,
    pod: RcInstance,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    at: number,
    eventType?: string,
  ): void {
    const same = rec.events.find((e) => e.Reason === reason && e.Message === message);
    if (same) {
      same.Count++;
      same.last = at;
    } else {
      rec.events.push({
        Action: reason === 'Killing' ? 'Killing' : 'Binding',
        Count: 1,
        first: at,
        last: at,
        Message: message,
        Reason: reason,
        Type: type,
      });
    }
    const env = this.store.envs.get(order.EnvId);
    if (env) this.monitorEvent(env, pod.AppInstanceId, pod.HostName, type, reason, message, at, eventType);
  }

  private monitorEvent(
    env: RcEnvironment,
    podName: string,
    hostName: string,
    level: 'Normal' | 'Warning' | 'Error',
    reason: string,
    message: string,
    at: number,
    eventType?: string,
  ): void {
    const app: RcApp | undefined = this.store.apps.get(env.AppId);
    this.store.addEvent({
      AppId: env.AppId,
      EnvId: env.EnvId,
      Kind: 'Pod',
      Level: level,
      EventType: eventType,
      HostName: hostName,
      NameSpace: app?.Namespace ?? `jck-namespace-${env.AppId}`,
      PodName: podName,
      Reason: reason,
      Message: message,
      at,
    });
  }

  private rebuildStep(task: RebuildTask): void {
    const { store } = this;
    const at = task.nextAt as number;
    const env = store.envs.get(task.envId);
    task.phase++;
    task.nextAt = task.phase < 3 ? task.startedAt + (REBUILD_MARKS[task.phase + 1] as number) : undefined;
    if (!env) {
      task.nextAt = undefined;
      return;
    }
    if (task.phase === 1) {
      const old = store.instances.get(task.oldId);
      if (old) store.removeInstance(old, at);
      const place = store.placePod(env, task.newId);
      const pod: RcInstance = {
        AppInstanceId: task.newId,
        AppId: env.AppId,
        EnvId: env.EnvId,
        PodIp: store.podIp(`${task.newId}:${at}`),
        HostIp: place.HostIp,
        HostName: place.HostName,
        Status: 'ToBeSchedule',
        Health: 'RUNNING',
        RestartCount: 0,
        Version: old?.Version ?? env.baseline?.version ?? '',
        createdAt: at,
      };
      store.instances.set(pod.AppInstanceId, pod);
      this.monitorEvent(
        env,
        pod.AppInstanceId,
        pod.HostName,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.AppInstanceId} to ${pod.HostName}`,
        at,
      );
      return;
    }
    const pod = store.instances.get(task.newId);
    if (!pod) return;
    if (task.phase === 2) {
      pod.Status = 'Starting';
      this.monitorEvent(env, pod.AppInstanceId, pod.HostName, 'Normal', 'Started', 'Started container', at);
      return;
    }
    pod.Status = 'Normal';
    pod.readyAt = at;
  }

  /** CronJob-type apps (StateType 5) run a k8s Job on their schedule; only finished runs are recorded. */
  private runCronJobs(now: number): void {
    const { store } = this;
    for (const env of store.envs.values()) {
      const app = store.apps.get(env.AppId);
      if (app?.StateType !== 5 || env.offline || env.baseline === undefined) {
        env.jobsUntil = now;
        continue;
      }
      const schema = store.deployConfigs.get(env.AppSchemaId);
      const every = /schedule:\s*["']?\*\/(\d+)/.exec(schema?.CronJob ?? '')?.[1];
      const interval = Math.max(1, Number(every ?? 10)) * 60_000;
      let t = Math.floor((env.jobsUntil ?? now - 6 * 3_600_000) / interval) * interval + interval;
      for (; t <= now; t += interval) {
        const seed = `${env.EnvId}:${t}`;
        const duration = 15_000 + Math.floor(hashUnit(seed) * 60_000);
        if (t + duration > now) break;
        const ok = hashUnit(`ok:${seed}`) > 0.12 && env.baseline.version.toLowerCase() !== 'fail';
        const name = `jck-cronjob-${app.AppId}-${env.EnvId}-${Math.floor(t / 60_000)}`;
        const pod = `${name}-${Math.floor(hashUnit(`pod:${seed}`) * 0xfffff)
          .toString(16)
          .padStart(5, '0')}`;
        const job: RcJob = {
          AppId: app.AppId,
          EnvId: env.EnvId,
          Name: name,
          startedAt: t,
          completedAt: ok ? t + duration : undefined,
          ActiveDeadlineSeconds: 600,
          BackoffLimit: 6,
          Completions: 1,
          Parallelism: 1,
          Succeeded: ok ? 1 : 0,
          Failed: ok ? 0 : 1,
          Message: ok ? '' : 'Job has reached the specified backoff limit',
          PodList: [pod],
          logs: {
            [pod]: ok
              ? `${isoSeconds(t)} job ${name} started\n${isoSeconds(t + duration)} processed ${Math.floor(hashUnit(`n:${seed}`) * 5000)} records\n${isoSeconds(t + duration)} job finished`
              : `${isoSeconds(t)} job ${name} started\n${isoSeconds(t + duration)} ERROR connection refused\n${isoSeconds(t + duration)} exit code 1`,
          },
          events: {
            [pod]: [
              {
                Action: 'Binding',
                Count: 1,
                at: t,
                Mesage: `Successfully assigned ${pod}`,
                Reason: 'Scheduled',
                Type: 'Normal',
              },
              {
                Action: 'Started',
                Count: 1,
                at: t + 2_000,
                Mesage: 'Started container',
                Reason: 'Started',
                Type: 'Normal',
              },
              ...(ok
                ? []
                : [
                    {
                      Action: 'BackOff',
                      Count: 6,
                      at: t + duration,
                      Mesage: 'Back-off restarting failed container',
                      Reason: 'BackOff',
                      Type: 'Warning' as const,
                    },
                  ]),
            ],
          },
        };
        store.jobs.push(job);
      }
      env.jobsUntil = Math.min(now, t - interval);
      if (store.jobs.length > 2_000) store.jobs.splice(0, store.jobs.length - 2_000);
    }
  }
}
