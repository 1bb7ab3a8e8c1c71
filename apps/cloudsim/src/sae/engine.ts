import type { ChangeOrderStatusCode, CoTypeCode, UpdateStrategy } from '@console/catalogue';
import { SaeError } from './envelope';
import { hashUnit } from './ids';
import {
  beginRemoval,
  createInstance,
  isImage,
  markHealthy,
  removeInstance,
  startInstance,
} from './instances';
import type { AppSpec, ChangeOrder, Pipeline, SaeApp, SaeInstance, SaeVersion } from './model';
import type { SaeStore } from './store';

/** Statuses in which an order is unfinished (blocks other orders of the app, may be aborted). */
export const UNFINISHED: ReadonlySet<number> = new Set([0, 1, 8, 9, 11, 12]);

/** Time an order spends in status 0 before its first batch starts. */
export const PREPARE_MS = 1_000;
/** A batch takes 20–40 s of simulated time; instances start at 40 % of it. */
export const BATCH_MIN_MS = 20_000;
export const BATCH_SPREAD_MS = 20_000;
const MID_FRACTION = 0.4;

export interface OrderRequest {
  app: SaeApp;
  coType: CoTypeCode;
  target: AppSpec;
  at: number;
  strategy?: UpdateStrategy;
  /** Wait between automatic batches when the strategy does not say (ms). */
  batchWaitMs?: number;
  description?: string;
  instanceIds?: string[];
  recordsVersion?: boolean;
  rollbackOf?: string;
  userId?: string;
}

/** Splits n instances into batch sizes: a gray batch first, then `batch` nearly equal batches. */
export function planBatches(n: number, strategy: UpdateStrategy | undefined): number[] {
  if (!strategy || n <= 1) return [n];
  const split = (count: number, parts: number): number[] => {
    const k = Math.max(1, Math.min(parts, count));
    return Array.from({ length: k }, (_, i) => Math.floor(count / k) + (i < count % k ? 1 : 0));
  };
  const batches = strategy.batchUpdate?.batch ?? 1;
  if (strategy.type === 'GrayBatchUpdate') {
    const gray = Math.max(1, Math.min(strategy.grayUpdate?.gray ?? 1, n - 1));
    return [gray, ...split(n - gray, batches)];
  }
  return split(n, batches);
}

/** Told when an order is created and when it ends (scaling rules pause around orders; batch orders follow their children). */
export interface OrderObserver {
  created?(order: ChangeOrder): void;
  finished?(order: ChangeOrder, at: number): void;
}

/** The change-order engine: every mutating app operation runs through it, batch by batch, in simulated time. */
export class ChangeOrderEngine {
  readonly observers: OrderObserver[] = [];

  constructor(private readonly store: SaeStore) {}

  unfinishedOrder(appId: string): ChangeOrder | undefined {
    return this.store.appOrders(appId).find((o) => UNFINISHED.has(o.Status));
  }

  assertIdle(app: SaeApp): void {
    if (this.unfinishedOrder(app.AppId)) throw new SaeError('Application.ChangerOrderRunning');
  }

  create(req: OrderRequest): ChangeOrder {
    const { store } = this;
    const { app } = req;
    const workload = req.target.running ? req.target.config.Replicas : 0;
    const sizes =
      req.coType === 'CoDeploy' || req.coType === 'CoDeployHistroy'
        ? planBatches(workload, req.strategy)
        : [workload];
    const releaseType = sizes.length > 1 ? (req.strategy?.batchUpdate?.releaseType ?? 'auto') : 'auto';
    const waitMinutes = req.strategy?.batchUpdate?.batchWaitTime;
    const order: ChangeOrder = {
      ChangeOrderId: store.ids.uuid(),
      AppId: app.AppId,
      AppName: app.AppName,
      NamespaceId: app.NamespaceId,
      CoTypeCode: req.coType,
      Status: 0,
      SubStatus: 0,
      ErrorMessage: '',
      Description: req.description ?? describeTarget(req.target),
      createdAt: req.at,
      batchType: releaseType,
      batchWaitMs: waitMinutes !== undefined ? waitMinutes * 60_000 : (req.batchWaitMs ?? 0),
      pipelines: [],
      current: 0,
      phase: 'pending',
      nextAt: req.at + PREPARE_MS,
      target: req.target,
      previous: app.spec,
      instanceIds: req.instanceIds,
      rollbackOf: req.rollbackOf,
      recordsVersion: req.recordsVersion ?? false,
      userId: req.userId ?? 'cloudsim-demo',
    };
    order.pipelines = sizes.map((size, i) => {
      const pipeline: Pipeline = {
        PipelineId: store.ids.uuid(),
        PipelineName: `Batch ${i + 1} Change`,
        Status: 0,
        size: i === sizes.length - 1 ? undefined : size,
        updateTime: req.at,
        stageId: store.ids.uuid(),
        taskIds: [store.ids.uuid(), store.ids.uuid(), store.ids.uuid()],
        created: [],
        removed: [],
      };
      store.pipelineOrder.set(pipeline.PipelineId, order.ChangeOrderId);
      return pipeline;
    });
    store.orders.set(order.ChangeOrderId, order);
    app.spec = req.target;
    app.lastChangeOrderId = order.ChangeOrderId;
    if (req.coType === 'CoDeleteApp') app.deleting = true;
    for (const observer of this.observers) observer.created?.(order);
    return order;
  }

  /** Runs every scheduled step up to `now`, in time order across all orders (deterministic). */
  advanceTo(now: number): void {
    for (let guard = 0; guard < 100_000; guard++) {
      let next: ChangeOrder | undefined;
      for (const order of this.store.orders.values()) {
        if (order.nextAt === undefined || order.nextAt > now) continue;
        if (!next || (next.nextAt as number) > order.nextAt) next = order;
      }
      if (!next) return;
      this.step(next, next.nextAt as number);
    }
  }

  private step(order: ChangeOrder, at: number): void {
    switch (order.phase) {
      case 'pending':
        this.startPipeline(order, 0, at);
        return;
      case 'batchStart':
        this.batchMid(order, at);
        return;
      case 'batchMid':
        this.batchEnd(order, at);
        return;
      case 'waitAuto':
        this.startPipeline(order, order.current + 1, at);
        return;
      default:
        order.nextAt = undefined;
    }
  }

  private appOf(order: ChangeOrder): SaeApp | undefined {
    const app = this.store.apps.get(order.AppId);
    return app && !app.deleted ? app : undefined;
  }

  private startPipeline(order: ChangeOrder, index: number, at: number): void {
    const { store } = this;
    const pipeline = order.pipelines[index];
    const app = this.appOf(order);
    if (!pipeline || !app) {
      this.finish(order, 10, at, 'The application no longer exists.');
      return;
    }
    order.current = index;
    order.Status = 1;
    order.phase = 'batchStart';
    pipeline.Status = 1;
    pipeline.startTime = at;
    pipeline.updateTime = at;
    const { target } = order;
    const live = store.appInstances(app.AppId).filter((i) => !i.leaving);
    const remove: SaeInstance[] = [];
    let create = 0;
    if (!target.running) {
      remove.push(...live);
    } else if (order.CoTypeCode === 'CoScaleInAppWithInstances') {
      remove.push(...live.filter((i) => order.instanceIds?.includes(i.InstanceId)));
    } else {
      const outdated =
        order.CoTypeCode === 'CoRestartInstances'
          ? live.filter((i) => order.instanceIds?.includes(i.InstanceId))
          : live.filter((i) => i.revision !== target.revision).sort((a, b) => a.createdAt - b.createdAt);
      const desired = target.config.Replicas;
      let excess = live.length - desired;
      // Scale in: drop outdated instances first, then the newest ones.
      const byAge = [...live].sort((a, b) => b.createdAt - a.createdAt);
      for (const candidate of [...outdated, ...byAge]) {
        if (excess <= 0) break;
        if (remove.includes(candidate)) continue;
        remove.push(candidate);
        excess--;
      }
      let budget = pipeline.size ?? Number.POSITIVE_INFINITY;
      for (const instance of outdated) {
        if (budget <= 0) break;
        if (remove.includes(instance)) continue;
        remove.push(instance);
        create++;
        budget--;
      }
      const missing = Math.max(0, desired - live.length);
      create += Math.min(budget, missing);
    }
    for (const instance of remove) beginRemoval(store, app, instance, at);
    pipeline.removed = remove.map((i) => i.InstanceId);
    pipeline.created = [];
    for (let i = 0; i < create; i++) {
      pipeline.created.push(
        createInstance(store, app, target.config, target.revision, at, order.ChangeOrderId).InstanceId,
      );
    }
    if (create > 0 || remove.length > 0) {
      store.addEvent({
        AppId: app.AppId,
        NamespaceId: app.NamespaceId,
        ObjectKind: 'Deployment',
        ObjectName: app.AppName,
        EventType: 'Normal',
        Reason: 'ScalingReplicaSet',
        Message: `${pipeline.PipelineName}: scaled up ${create} and down ${remove.length} instance(s)`,
        at,
      });
    }
    const duration = BATCH_MIN_MS + Math.floor(hashUnit(pipeline.PipelineId) * BATCH_SPREAD_MS);
    pipeline.midAt = at + Math.floor(duration * MID_FRACTION);
    pipeline.endAt = at + duration;
    order.nextAt = pipeline.midAt;
  }

  private batchMid(order: ChangeOrder, at: number): void {
    const { store } = this;
    const pipeline = order.pipelines[order.current] as Pipeline;
    const app = this.appOf(order);
    for (const id of pipeline.removed) {
      const instance = store.instances.get(id);
      if (instance) removeInstance(store, instance, at);
    }
    for (const id of pipeline.created) {
      const instance = store.instances.get(id);
      if (instance && app && instance.status === 'Pending')
        startInstance(store, app, instance, order.target.config, at);
    }
    pipeline.updateTime = at;
    order.phase = 'batchMid';
    order.nextAt = pipeline.endAt;
  }

  private batchEnd(order: ChangeOrder, at: number): void {
    const { store } = this;
    const pipeline = order.pipelines[order.current] as Pipeline;
    const app = this.appOf(order);
    const created = pipeline.created.map((id) => store.instances.get(id)).filter((i) => i !== undefined);
    for (const instance of created) markHealthy(instance, order.target.config, at);
    pipeline.updateTime = at;
    const failing = created.filter((i) => i.failMode);
    if (failing.length > 0 && app) {
      this.batchFailed(order, pipeline, app, failing, at);
      return;
    }
    pipeline.Status = 2;
    if (order.current < order.pipelines.length - 1) {
      if (order.batchType === 'manual') {
        order.Status = 8;
        order.phase = 'waitManual';
        order.nextAt = undefined;
      } else if (order.batchWaitMs > 0) {
        order.Status = 9;
        order.phase = 'waitAuto';
        order.nextAt = at + order.batchWaitMs;
      } else {
        this.startPipeline(order, order.current + 1, at);
      }
      return;
    }
    this.finish(order, 2, at);
  }

  private batchFailed(
    order: ChangeOrder,
    pipeline: Pipeline,
    app: SaeApp,
    failing: SaeInstance[],
    at: number,
  ): void {
    const first = failing[0] as SaeInstance;
    const image = isImage(order.target.config);
    pipeline.Status = 3;
    pipeline.errorCode = image ? 'ErrImagePull' : 'CrashLoopBackOff';
    pipeline.errorMessage = image
      ? `Failed to pull image "${first.ImageUrl}" for ${failing.length} instance(s).`
      : `${failing.length} instance(s) keep crashing after start (CrashLoopBackOff); the READINESS check never passed.`;
    const warn = (Reason: string, Message: string) =>
      this.store.addEvent({
        AppId: app.AppId,
        NamespaceId: app.NamespaceId,
        ObjectKind: 'Deployment',
        ObjectName: app.AppName,
        EventType: 'Warning',
        Reason,
        Message,
        at,
      });
    if (first.failMode === 'stuck') {
      // The order cannot finish on its own: it waits for AbortAndRollbackChangeOrder.
      order.Status = 1;
      order.SubStatus = 1;
      order.phase = 'stuck';
      order.nextAt = undefined;
      order.ErrorMessage = `${pipeline.PipelineName} failed: ${pipeline.errorMessage} Manual intervention required (AbortAndRollbackChangeOrder).`;
      warn('DeployStuck', order.ErrorMessage);
      return;
    }
    if (order.pipelines.length === 1) {
      this.finish(order, 3, at, `${pipeline.PipelineName} failed: ${pipeline.errorMessage}`);
      warn('DeployFailed', order.ErrorMessage);
      return;
    }
    const rollback = this.create({
      app,
      coType: 'CoRollback',
      target: order.previous,
      at,
      description: `Automatic rollback of change order ${order.ChangeOrderId}`,
      recordsVersion: order.recordsVersion,
      rollbackOf: order.ChangeOrderId,
    });
    order.rollbackOrderId = rollback.ChangeOrderId;
    this.finish(
      order,
      3,
      at,
      `${pipeline.PipelineName} failed: ${pipeline.errorMessage} Automatic rollback to the previous version started: change order ${rollback.ChangeOrderId}.`,
    );
    warn('AutoRollback', order.ErrorMessage);
  }

  private finish(order: ChangeOrder, status: ChangeOrderStatusCode, at: number, message?: string): void {
    order.Status = status;
    order.finishedAt = at;
    order.phase = 'done';
    order.nextAt = undefined;
    if (message !== undefined) order.ErrorMessage = message;
    else if (status === 2) order.ErrorMessage = 'success';
    for (const pipeline of order.pipelines) {
      if (pipeline.Status === 0 && status !== 2) {
        pipeline.Status = 6;
        pipeline.updateTime = at;
      }
    }
    for (const observer of this.observers) observer.finished?.(order, at);
    const app = this.appOf(order);
    if (!app) return;
    if (order.CoTypeCode === 'CoDeleteApp') {
      if (status === 2) app.deleted = true;
      app.deleting = false;
      return;
    }
    if (status === 2) {
      if (order.target.running) app.deployed = true;
      if (order.recordsVersion) this.recordVersion(app, order, at);
    }
  }

  private recordVersion(app: SaeApp, order: ChangeOrder, at: number): void {
    const { config } = order.target;
    const version: SaeVersion = {
      Id: this.store.ids.uuid(),
      AppId: app.AppId,
      Type: isImage(config) ? 'image' : 'url',
      createdAt: at,
      config,
    };
    this.store.versions.set(version.Id, version);
    app.versionIds.unshift(version.Id);
    app.currentVersionId = version.Id;
  }

  /** Completes the instance moves of a batch in flight (used by abort: no rollback, no half-started pods). */
  private settleBatch(order: ChangeOrder, pipeline: Pipeline, at: number): void {
    const { store } = this;
    const app = this.appOf(order);
    for (const id of pipeline.removed) {
      const instance = store.instances.get(id);
      if (instance) removeInstance(store, instance, at);
    }
    for (const id of pipeline.created) {
      const instance = store.instances.get(id);
      if (!instance || !app) continue;
      if (instance.status === 'Pending') startInstance(store, app, instance, order.target.config, at);
      markHealthy(instance, order.target.config, at);
    }
  }

  abort(order: ChangeOrder, at: number): void {
    if (!UNFINISHED.has(order.Status)) throw new SaeError('Application.ChangerOrder.Not.Running');
    const pipeline = order.pipelines[order.current];
    if (pipeline && (order.phase === 'batchStart' || order.phase === 'batchMid')) {
      this.settleBatch(order, pipeline, at);
      pipeline.Status = 6;
      pipeline.updateTime = at;
    }
    this.finish(order, 6, at, 'The change order was terminated by the user.');
  }

  abortAndRollback(order: ChangeOrder, at: number): ChangeOrder {
    // Checked first so a refused call leaves the order running (namespace-wide orders have no app).
    const app = this.appOf(order);
    if (!app) throw new SaeError('InvalidAppId.NotFound');
    this.abort(order, at);
    const rollback = this.create({
      app,
      coType: 'CoRollback',
      target: order.previous,
      at,
      description: `Rollback of change order ${order.ChangeOrderId}`,
      recordsVersion: order.recordsVersion,
      rollbackOf: order.ChangeOrderId,
    });
    order.rollbackOrderId = rollback.ChangeOrderId;
    order.ErrorMessage = `The change order was terminated by the user and rolled back: change order ${rollback.ChangeOrderId}.`;
    return rollback;
  }

  /** The only pipeline ConfirmPipelineBatch accepts: the one after CurrentPipelineId, while in status 8. */
  confirm(pipelineId: string, confirm: boolean, at: number): ChangeOrder {
    const orderId = this.store.pipelineOrder.get(pipelineId);
    const order = orderId ? this.store.orders.get(orderId) : undefined;
    const next = order?.pipelines[order.current + 1];
    if (!order || order.Status !== 8 || next?.PipelineId !== pipelineId) {
      throw new SaeError('Pipeline.Can.Not.Start.Next.Batch');
    }
    if (confirm) this.startPipeline(order, order.current + 1, at);
    else this.finish(order, 6, at, 'The release was terminated at the batch confirmation.');
    return order;
  }
}

function describeTarget(spec: AppSpec): string {
  const { config } = spec;
  const version = config.PackageVersion || '-';
  if (config.PackageType === 'Image' || config.PackageType.startsWith('IMAGE_')) {
    return `版本：${version} | 镜像名称：${config.ImageUrl.split('/').pop() ?? config.ImageUrl}`;
  }
  return `版本：${version} | 包名称：${config.PackageUrl.split('/').pop() ?? config.PackageUrl}`;
}
