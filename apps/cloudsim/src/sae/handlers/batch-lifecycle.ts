import type { CoTypeCode } from '@console/catalogue';
import type { SaeContext, SaeHandlers } from '../context';
import { type ChangeOrderEngine, type OrderObserver, UNFINISHED } from '../engine';
import { SaeError } from '../envelope';
import type { ChangeOrder, Pipeline, SaeApp } from '../model';
import type { SaeStore } from '../store';

/**
 * A namespace-wide order (CoBatchStartApplication / CoBatchStopApplication) has no app of its own:
 * each app gets its own CoStart / CoStop order and the namespace order follows them, ending when the
 * last one ends (success only if every one succeeded). Aborting it aborts the unfinished ones.
 */
class BatchOrders implements OrderObserver {
  /** Namespace order id → its per-app orders. */
  readonly children = new Map<string, string[]>();
  /** Per-app order id → its namespace order. */
  readonly parentOf = new Map<string, string>();

  constructor(
    private readonly store: SaeStore,
    private readonly engine: ChangeOrderEngine,
  ) {}

  finished(order: ChangeOrder, at: number): void {
    const kids = this.children.get(order.ChangeOrderId);
    if (kids) {
      // The namespace order was aborted: its apps stop changing too.
      for (const p of order.pipelines) if (p.Status === 1) p.Status = 6;
      for (const id of kids) {
        const child = this.store.orders.get(id);
        if (child && UNFINISHED.has(child.Status)) this.engine.abort(child, at);
      }
      return;
    }
    const parentId = this.parentOf.get(order.ChangeOrderId);
    const parent = parentId ? this.store.orders.get(parentId) : undefined;
    if (parent && UNFINISHED.has(parent.Status)) this.settle(parent, at);
  }

  settle(parent: ChangeOrder, at: number): void {
    const kids = (this.children.get(parent.ChangeOrderId) ?? [])
      .map((id) => this.store.orders.get(id))
      .filter((o) => o !== undefined);
    const pipeline = parent.pipelines[0] as Pipeline;
    pipeline.created = kids.flatMap((k) => k.pipelines.flatMap((p) => p.created));
    pipeline.removed = kids.flatMap((k) => k.pipelines.flatMap((p) => p.removed));
    pipeline.updateTime = at;
    if (kids.some((k) => UNFINISHED.has(k.Status))) return;
    const failed = kids.filter((k) => k.Status !== 2);
    const status = failed.length === 0 ? 2 : 3;
    parent.Status = status;
    parent.phase = 'done';
    parent.finishedAt = at;
    parent.ErrorMessage =
      status === 2
        ? 'success'
        : `Failed for ${failed.map((k) => `${k.AppName} (${k.ChangeOrderId})`).join(', ')}.`;
    pipeline.Status = status;
    pipeline.endAt = at;
    // The engine did not drive this order, so its observers hear of the end from here.
    for (const observer of this.engine.observers) if (observer !== this) observer.finished?.(parent, at);
  }
}

const books = new WeakMap<ChangeOrderEngine, BatchOrders>();

function bookOf(ctx: SaeContext): BatchOrders {
  let book = books.get(ctx.engine);
  if (!book) {
    book = new BatchOrders(ctx.store, ctx.engine);
    books.set(ctx.engine, book);
    ctx.engine.observers.push(book);
  }
  return book;
}

function selectApps(ctx: SaeContext): { apps: SaeApp[]; explicit: boolean } {
  const ns = ctx.store.namespace(ctx.params.req('NamespaceId'));
  const ids = (ctx.params.str('AppIds') ?? '')
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    const apps = ctx.store.liveApps().filter((a) => a.NamespaceId === ns.NamespaceId && !a.deleting);
    if (apps.length === 0) throw new SaeError('Mamespace.Have.No.Applications');
    return { apps, explicit: false };
  }
  const apps = [...new Set(ids)].map((id) => ctx.store.app(id));
  if (apps.some((a) => a.NamespaceId !== ns.NamespaceId))
    throw new SaeError('Invalid.App.List.Not.Same.Namespace');
  return { apps, explicit: true };
}

function batch(ctx: SaeContext, start: boolean): { data: { ChangeOrderId: string } } {
  const { store, engine, now } = ctx;
  const { apps, explicit } = selectApps(ctx);
  const isRunning = (a: SaeApp) => a.spec.running && store.appInstances(a.AppId).length > 0;
  const isStopped = (a: SaeApp) => !a.spec.running && store.appInstances(a.AppId).length === 0;
  const targets: SaeApp[] = [];
  for (const app of apps) {
    // Named apps must all be able to change; with the whole namespace the ones that cannot are skipped.
    const busy = engine.unfinishedOrder(app.AppId) !== undefined || app.deleting;
    if (busy) {
      if (explicit) throw new SaeError('Application.ChangerOrderRunning');
      continue;
    }
    if (start && !app.deployed) {
      if (explicit) throw new SaeError('Application.NotDeployYet');
      continue;
    }
    if (start ? isRunning(app) : isStopped(app)) continue;
    targets.push(app);
  }
  const first = apps[0] as SaeApp;
  const coType: CoTypeCode = start ? 'CoBatchStartApplication' : 'CoBatchStopApplication';
  const parent: ChangeOrder = {
    ChangeOrderId: store.ids.uuid(),
    AppId: '',
    AppName: '',
    NamespaceId: first.NamespaceId,
    CoTypeCode: coType,
    Status: 1,
    SubStatus: 0,
    ErrorMessage: '',
    Description: start ? '批量启动应用' : '批量停止应用',
    createdAt: now,
    batchType: 'auto',
    batchWaitMs: 0,
    pipelines: [],
    current: 0,
    // Never stepped by the engine (no nextAt); its children carry the work.
    phase: 'pending',
    target: { ...first.spec, running: start },
    previous: first.spec,
    recordsVersion: false,
    userId: 'cloudsim-demo',
  };
  const pipeline: Pipeline = {
    PipelineId: store.ids.uuid(),
    PipelineName: 'Batch 1 Change',
    Status: 1,
    startTime: now,
    updateTime: now,
    stageId: store.ids.uuid(),
    taskIds: [store.ids.uuid(), store.ids.uuid(), store.ids.uuid()],
    created: [],
    removed: [],
  };
  parent.pipelines = [pipeline];
  store.pipelineOrder.set(pipeline.PipelineId, parent.ChangeOrderId);
  store.orders.set(parent.ChangeOrderId, parent);
  const book = bookOf(ctx);
  const kids: string[] = [];
  book.children.set(parent.ChangeOrderId, kids);
  for (const app of targets) {
    const child = engine.create({
      app,
      coType: start ? 'CoStart' : 'CoStop',
      target: { ...app.spec, running: start },
      at: now,
      description: `${parent.Description}：${parent.ChangeOrderId}`,
    });
    kids.push(child.ChangeOrderId);
    book.parentOf.set(child.ChangeOrderId, parent.ChangeOrderId);
  }
  book.settle(parent, now);
  return { data: { ChangeOrderId: parent.ChangeOrderId } };
}

/** 应用生命周期, namespace-wide: start or stop several applications in one change order. */
export const batchLifecycleHandlers: SaeHandlers = {
  BatchStartApplications: (ctx) => batch(ctx, true),
  BatchStopApplications: (ctx) => batch(ctx, false),
};
