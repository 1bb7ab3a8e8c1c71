import type {
  AccountFeature,
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationSummary,
  Batch,
  BatchDetail,
  BatchStatus,
  ChangeOrderRef,
  ConsoleStatus,
  EnvironmentInfo,
  Instance,
  InstanceSpecification,
  MonitorMetricQuery,
  MonitorMetricSeries,
  Namespace,
  NativeAppStatus,
  PodDeployLog,
  Rollout,
  RolloutPage,
  RolloutStatus,
  RolloutSummary,
  Version,
} from '@console/contract';
import { HttpError, NotFoundError } from '../http/errors';
import type { ApplicationProvider, DeployRequest, EnvironmentOpsProvider, UsageSnapshot } from '../providers';
import { batchTimes } from '../rollouts/batch-times';
import { UpstreamError } from '../upstream/errors';
import { mapLimited } from '../upstream/map-limited';
import { type Raw, type RetailCloudGateway, rcArr, rcIso, rcNum, rcObj, rcStr, rcTime } from './gateway';
import { type AppEnvRef, appEnvId, parseAppEnvId, parseRolloutId, rolloutId } from './ids';

export const retailCloudFeatures: AccountFeature[] = [
  'deploy',
  'scale',
  'events',
  'instanceActions',
  'instanceLog',
  'batchSteps',
  'offline',
  'monitorMetrics',
  'podDeployLog',
  'retailCloudOps',
];

/** Deploy-order Status 0 等待部署, 1 部署中, 2 暂停: the order is open and blocks any other on its environment. */
const OPEN = new Set([0, 1, 2]);

/** Result of a finished order (Status 3): 1 成功, 4 人为置为失败 (closed by hand); anything else failed. */
function rolloutStatus(status: number, result: number): RolloutStatus {
  if (status === 0) return 'preparing';
  if (status === 1) return 'running';
  if (status === 2) return 'waiting';
  if (result === 1) return 'succeeded';
  if (result === 4) return 'aborted';
  return 'failed';
}

/** DeployApp / ScaleApp refused by the admission check (`Admitted` false), per the seed's BusinessCodes. */
const ADMISSION_TEXT: Record<string, string> = {
  '102000': '没有发布准入凭据 (no deploy admission credential)',
  '102001': '发布准入凭据审核中 (the deploy admission credential is under review)',
};

/** `1vcpu 2GB` / `0.5vcpu 1GB` (ListAppInstance Limits) as millicores and MiB. */
function parseLimits(text: unknown): { cpu: number; memory: number } | undefined {
  const m = /([\d.]+)\s*vcpu\s+([\d.]+)\s*(G|M)i?B?/i.exec(String(text ?? ''));
  if (!m) return undefined;
  const memory = Number(m[2]) * ((m[3] ?? 'G').toUpperCase() === 'G' ? 1024 : 1);
  return { cpu: Math.round(Number(m[1]) * 1000), memory: Math.round(memory) };
}

const unsupported = (what: string): never => {
  throw new HttpError(400, 'UnsupportedByProduct', `Retail Cloud has no ${what}.`);
};

const partitionId = (k: number) => `partition-${k}`;

function partitionOf(batchId: string): number {
  const m = /^partition-(\d{1,3})$/.exec(batchId);
  if (!m) {
    throw new HttpError(400, 'InvalidInput', `"${batchId}" is not a partition of a deploy order.`, {
      field: 'batchId',
    });
  }
  return Number(m[1]);
}

/** A partition's state from its pods (ListPods): Status 1/2/3 and Result 0/1/2/4 per pod. */
function partitionStatus(pods: Raw[], k: number, order: Raw): BatchStatus {
  const current = rcNum(order.CurrentPartitionNum);
  const orderStatus = rcNum(order.Status);
  if (pods.length === 0) {
    if (orderStatus === 3 && rcNum(order.Result) === 1) return 'succeeded';
    return k < current ? 'succeeded' : 'pending';
  }
  const results = pods.map((p) => rcNum(p.Result));
  if (results.some((r) => r !== 0 && r !== 1 && r !== 4)) return 'failed';
  if (pods.every((p) => rcNum(p.Status) === 3 && rcNum(p.Result) === 1)) return 'succeeded';
  if (results.some((r) => r === 4)) return 'aborted';
  if (k === current && orderStatus === 1) return 'running';
  if (pods.some((p) => rcNum(p.Status) === 1 && rcStr(p.StartTime))) return 'running';
  return orderStatus === 3 ? 'aborted' : 'pending';
}

const STEP_STATUS: Record<string, number> = { PROCESSING: 1, SUCCESS: 2, FAIL: 3 };

/**
 * Retail Cloud onto the console model: an app × environment is an application (its app is the
 * namespace), a deploy order a rollout, its partitions the batches, and a pause (Status 2) the batch
 * waiting for ResumeDeploy.
 */
export class RetailCloudProvider implements ApplicationProvider, EnvironmentOpsProvider {
  constructor(readonly gateway: RetailCloudGateway) {}

  private get regionId() {
    return this.gateway.regionId;
  }

  private apps(): Promise<Raw[]> {
    return this.gateway.readAll('ListApp', {});
  }

  private envs(appId: number): Promise<Raw[]> {
    return this.gateway.readAll('ListAppEnvironment', { AppId: appId });
  }

  private async env(ref: AppEnvRef, fresh = false): Promise<Raw> {
    const body = await this.gateway.read(
      'DescribeAppEnvironmentDetail',
      { AppId: ref.appId, EnvId: ref.envId },
      fresh,
    );
    return rcObj(body.Result);
  }

  private instances(ref: AppEnvRef, fresh = false): Promise<Raw[]> {
    return this.gateway.readAll('ListAppInstance', { AppId: ref.appId, EnvId: ref.envId }, { fresh });
  }

  private async latestOrder(ref: AppEnvRef, fresh = false): Promise<Raw | undefined> {
    const body = await this.gateway.read(
      'ListDeployOrders',
      { AppId: ref.appId, EnvId: ref.envId, PageNumber: 1, PageSize: 1 },
      fresh,
    );
    return rcArr(body.Data)[0];
  }

  /** Ids of the environment's scale orders: the order record itself does not say its category. */
  private async scaleOrderIds(ref: AppEnvRef): Promise<Set<string>> {
    const orders = await this.gateway.readAll('ListDeployOrders', {
      AppId: ref.appId,
      EnvId: ref.envId,
      DeployCategory: 'scale',
    });
    return new Set(orders.map((o) => String(o.DeployOrderId)));
  }

  async listNamespaces(): Promise<Namespace[]> {
    const apps = await this.apps();
    return apps.map((a) => ({
      id: String(a.AppId),
      name: String(a.Title ?? a.AppId),
      description: rcStr(a.Description),
      regionId: this.regionId,
    }));
  }

  async listInstanceSpecifications(): Promise<InstanceSpecification[]> {
    return [];
  }

  private nativeStatus(ref: AppEnvRef, instances: Raw[], order: Raw | undefined): NativeAppStatus {
    const status = order ? rcNum(order.Status) : undefined;
    return {
      currentStatus: instances.length > 0 ? 'ONLINE' : 'OFFLINE',
      lastChangeOrderId: order ? rolloutId(ref, String(order.DeployOrderId)) : undefined,
      lastChangeOrderStatus: order
        ? [rcStr(order.StatusName), status === 3 ? rcStr(order.ResultName) : undefined]
            .filter(Boolean)
            .join(' · ')
        : undefined,
      lastChangeOrderRunning: status !== undefined && OPEN.has(status),
      subStatus: order ? rcStr(order.Result) : undefined,
    };
  }

  private consoleStatus(instances: Raw[], order: Raw | undefined): ConsoleStatus {
    if (order && OPEN.has(rcNum(order.Status))) return rcNum(order.Status) === 2 ? 'waiting' : 'deploying';
    if (instances.length === 0) return 'stopped';
    const result = order ? rcNum(order.Result) : 1;
    if (result !== 1 && result !== 4 && result !== 0) return 'failed';
    return instances.some((i) => i.Status !== 'Normal') ? 'deploying' : 'running';
  }

  private async summarize(app: Raw, env: Raw): Promise<ApplicationSummary> {
    const ref = { appId: rcNum(app.AppId), envId: rcNum(env.EnvId) };
    const [detail, instances, order] = await Promise.all([
      this.env(ref),
      this.instances(ref),
      this.latestOrder(ref),
    ]);
    return {
      id: appEnvId(ref),
      name: String(env.EnvName ?? ref.envId),
      description: `${String(app.Title ?? ref.appId)} · ${String(env.EnvTypeName ?? '')}`,
      namespaceId: String(ref.appId),
      regionId: String(env.Region ?? this.regionId),
      instances: rcNum(detail.Replicas),
      runningInstances: instances.filter((i) => i.Status === 'Normal').length,
      status: this.consoleStatus(instances, order),
      native: this.nativeStatus(ref, instances, order),
      tags: [],
    };
  }

  async listApplications(query: ApplicationListQuery): Promise<ApplicationPage> {
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    // Retail Cloud has no tags: no environment carries one.
    if (query.tag !== undefined) return empty;
    let apps = await this.apps();
    if (query.namespaceId) apps = apps.filter((a) => String(a.AppId) === query.namespaceId);
    const perApp = await mapLimited(apps, 6, async (app) =>
      (await this.envs(rcNum(app.AppId))).map((env) => ({ app, env })),
    );
    let rows = perApp.flat();
    const q = query.q?.toLowerCase();
    if (q) {
      rows = rows.filter(
        (r) =>
          String(r.env.EnvName ?? '')
            .toLowerCase()
            .includes(q) ||
          String(r.app.Title ?? '')
            .toLowerCase()
            .includes(q),
      );
    }
    const start = (query.page - 1) * query.pageSize;
    if (query.status) {
      const all = await mapLimited(rows, 6, (r) => this.summarize(r.app, r.env));
      const matching = all.filter((s) => s.status === query.status);
      return { ...empty, items: matching.slice(start, start + query.pageSize), total: matching.length };
    }
    const items = await mapLimited(rows.slice(start, start + query.pageSize), 6, (r) =>
      this.summarize(r.app, r.env),
    );
    return { ...empty, items, total: rows.length };
  }

  /** Which workload the environment's deploy config describes (AppStateType cannot tell a CronJob). */
  private async workload(ref: AppEnvRef, schemaId: unknown): Promise<EnvironmentInfo['workload']> {
    if (schemaId === undefined || schemaId === null || schemaId === '') return undefined;
    const body = await this.gateway.read('ListDeployConfig', { AppId: ref.appId, Id: rcNum(schemaId) });
    const yaml = rcObj(rcArr(body.Data)[0]?.ContainerYamlConf);
    if (rcStr(yaml.CronJob)) return 'CronJob';
    if (rcStr(yaml.StatefulSet)) return 'StatefulSet';
    if (rcStr(yaml.Deployment)) return 'Deployment';
    return undefined;
  }

  async getApplication(appId: string): Promise<ApplicationDetail> {
    const ref = parseAppEnvId(appId);
    const [appBody, env, instances, order, baseline] = await Promise.all([
      this.gateway.read('DescribeAppDetail', { AppId: ref.appId }),
      this.env(ref),
      this.instances(ref),
      this.latestOrder(ref),
      this.gateway
        .read('DescribeAppEnvDeployBaseline', { AppId: ref.appId, EnvId: ref.envId })
        .then((b) => rcObj(b.Result))
        .catch((error: unknown) => {
          // An environment never deployed has no baseline yet.
          if (error instanceof NotFoundError) return undefined;
          throw error;
        }),
    ]);
    const app = rcObj(appBody.Result);
    const workload = await this.workload(ref, env.AppSchemaId).catch(() => undefined);
    const packet = rcStr(baseline?.PacketUrl);
    const isPackage = packet !== undefined && /^https?:\/\//.test(packet);
    const limits = parseLimits(instances[0]?.Limits);
    const running = instances.filter((i) => i.Status === 'Normal').length;
    return {
      id: appEnvId(ref),
      name: String(env.EnvName ?? ref.envId),
      description: `${String(app.Title ?? ref.appId)} · ${String(env.EnvTypeName ?? '')}`,
      namespaceId: String(ref.appId),
      regionId: String(env.Region ?? this.regionId),
      instances: rcNum(env.Replicas),
      runningInstances: running,
      status: this.consoleStatus(instances, order),
      native: this.nativeStatus(ref, instances, order),
      tags: [],
      environment: {
        appId: String(ref.appId),
        appTitle: String(app.Title ?? ref.appId),
        envId: String(ref.envId),
        envType: rcNum(env.EnvType) === 1 ? 'prod' : 'test',
        envTypeName: String(env.EnvTypeName ?? ''),
        region: String(env.Region ?? this.regionId),
        deployConfigId: rcStr(env.AppSchemaId),
        bizCode: rcStr(app.BizName),
        serviceType: rcStr(app.ServiceType),
        language: rcStr(app.Language),
        operatingSystem: rcStr(app.OperatingSystem),
        stateType: rcStr(app.AppStateType),
        deployType: rcStr(app.DeployType),
        workload,
      },
      createTime: rcIso(baseline?.CreateTime),
      config: {
        packageType: isPackage ? 'Package' : 'Image',
        imageUrl: isPackage ? undefined : packet,
        packageUrl: isPackage ? packet : undefined,
        packageVersion: rcStr(baseline?.PacketComment),
        cpu: limits?.cpu ?? 0,
        memory: limits?.memory ?? 0,
        replicas: rcNum(env.Replicas),
        envs: [],
        raw: { app, environment: env, baseline: baseline ?? null },
      },
      groups: [
        {
          id: String(ref.envId),
          name: String(env.EnvName ?? ref.envId),
          replicas: rcNum(env.Replicas),
          runningInstances: running,
        },
      ],
    };
  }

  async listInstances(appId: string): Promise<Instance[]> {
    const ref = parseAppEnvId(appId);
    const instances = await this.instances(ref);
    return instances.map((i) => ({
      id: String(i.AppInstanceId),
      groupId: String(ref.envId),
      ip: rcStr(i.PodIp),
      status: String(i.Status ?? 'Unknown'),
      health: rcStr(i.Health),
      restarts: rcNum(i.RestartCount),
      version: rcStr(i.Version),
      createdAt: rcTime(i.CreateTime),
    }));
  }

  async listVersions(_appId: string): Promise<Version[]> {
    return [];
  }

  async listEvents(appId: string): Promise<AppEvent[]> {
    const ref = parseAppEnvId(appId);
    const now = Date.now();
    const events = await this.gateway.readAll(
      'DescribeEventMonitorList',
      { AppId: ref.appId, EnvId: ref.envId, StartTime: now - 7 * 86_400_000, EndTime: now },
      { pageParam: 'PageNum', pageSize: 100 },
    );
    return events
      .map((e) => {
        const at = rcIso(e.EventTime) ?? '';
        return {
          kind: String(e.Kind ?? ''),
          objectName: String(e.PodName ?? ''),
          type: String(e.Level ?? ''),
          reason: String(e.Reason ?? ''),
          message: String(e.Message ?? ''),
          firstTimestamp: at,
          lastTimestamp: at,
        };
      })
      .sort((a, b) => b.lastTimestamp.localeCompare(a.lastTimestamp));
  }

  /** Requested resources of the running instances; Retail Cloud keeps no month-to-date figure. */
  async usage(appId: string): Promise<UsageSnapshot> {
    const ref = parseAppEnvId(appId);
    const running = (await this.instances(ref)).filter((i) => i.Status === 'Normal');
    let cpu = 0;
    let memory = 0;
    for (const i of running) {
      const limits = parseLimits(i.Requests) ?? parseLimits(i.Limits);
      cpu += (limits?.cpu ?? 0) / 1000;
      memory += (limits?.memory ?? 0) / 1024;
    }
    return {
      monthToDate: null,
      now: { cpuCores: cpu, memoryGiB: memory },
      runningInstances: running.length,
    };
  }

  private summary(ref: AppEnvRef, o: Raw, scaleIds: Set<string>): RolloutSummary {
    const status = rcNum(o.Status);
    const result = rcNum(o.Result);
    const scale = scaleIds.has(String(o.DeployOrderId));
    return {
      id: rolloutId(ref, String(o.DeployOrderId)),
      appId: appEnvId(ref),
      type: scale ? 'scale' : 'deploy',
      typeLabel: String(o.Name ?? (scale ? 'scale' : 'deploy')),
      status: rolloutStatus(status, result),
      nativeStatus: status,
      nativeStatusName: [rcStr(o.StatusName), status === 3 ? rcStr(o.ResultName) : undefined]
        .filter(Boolean)
        .join(' · '),
      batchCount: rcNum(o.TotalPartitions),
      batchType: String(o.DeployPauseType ?? ''),
      description: rcStr(o.Description),
      createTime: rcIso(o.StartTime),
      finishTime: status === 3 ? rcIso(o.EndTime) : undefined,
    };
  }

  async listRollouts(appId: string, page: number, pageSize: number): Promise<RolloutPage> {
    const ref = parseAppEnvId(appId);
    const [body, scaleIds] = await Promise.all([
      this.gateway.read('ListDeployOrders', {
        AppId: ref.appId,
        EnvId: ref.envId,
        PageNumber: page,
        PageSize: pageSize,
      }),
      this.scaleOrderIds(ref),
    ]);
    return {
      items: rcArr(body.Data).map((o) => this.summary(ref, o, scaleIds)),
      total: rcNum(body.TotalCount),
      page,
      pageSize,
    };
  }

  /** The order, checked to belong to the environment its console id names. */
  private async order(
    id: string,
    fresh: boolean,
  ): Promise<{ ref: ReturnType<typeof parseRolloutId>; order: Raw }> {
    const ref = parseRolloutId(id);
    const body = await this.gateway.read(
      'DescribeDeployOrderDetail',
      { DeployOrderId: ref.deployOrderId },
      fresh,
    );
    const order = rcObj(body.Result);
    if (rcNum(order.EnvId) !== ref.envId) {
      throw new NotFoundError(
        `Deploy order ${ref.deployOrderId} does not belong to environment ${ref.envId}.`,
      );
    }
    return { ref, order };
  }

  private pods(deployOrderId: number | string, fresh: boolean): Promise<Raw[]> {
    return this.gateway.readAll('ListPods', { DeployOrderId: deployOrderId }, { fresh });
  }

  async getRollout(id: string, options: { fresh?: boolean } = {}): Promise<Rollout> {
    const fresh = options.fresh ?? false;
    const { ref, order } = await this.order(id, fresh);
    const [pods, instances, env, scaleIds] = await Promise.all([
      this.pods(ref.deployOrderId, fresh),
      this.instances(ref, fresh),
      this.env(ref).catch(() => ({}) as Raw),
      this.scaleOrderIds(ref).catch(() => new Set<string>()),
    ]);
    const summary = this.summary(ref, order, scaleIds);
    const status = rcNum(order.Status);
    const total = rcNum(order.TotalPartitions);
    const current = rcNum(order.CurrentPartitionNum);
    const byPartition = (k: number) => pods.filter((p) => rcNum(p.DeployPartitionNum) === k);
    const batches: Batch[] = [];
    for (let k = 1; k <= total; k++) {
      const part = byPartition(k);
      const starts = part.map((p) => rcTime(p.StartTime)).filter((t): t is number => t !== undefined);
      const updates = part.map((p) => rcTime(p.UpdateTime)).filter((t): t is number => t !== undefined);
      const partition = partitionStatus(part, k, order);
      batches.push({
        id: partitionId(k),
        index: k,
        name: `第${k}批`,
        status: partition,
        nativeStatus: part.length > 0 ? Math.min(...part.map((p) => rcNum(p.Status))) : 0,
        ...batchTimes(
          partition,
          starts.length > 0 ? Math.min(...starts) : undefined,
          updates.length > 0 ? Math.max(...updates) : undefined,
        ),
      });
    }
    // Paused after partition `current`: releasing the pause starts the next one.
    const waitingIndex = status === 2 && current < total ? current + 1 : undefined;
    const open = OPEN.has(status);
    const result = rcNum(order.Result);
    return {
      ...summary,
      appName: rcStr(env.EnvName),
      subStatus: result,
      errorMessage:
        status === 3 && result !== 1 && result !== 4
          ? `${rcStr(order.ResultName) ?? 'failed'} (failure rate ${String(order.FailureRate ?? '')})`
          : undefined,
      currentBatchId: current > 0 ? partitionId(current) : undefined,
      waitingBatch:
        waitingIndex !== undefined
          ? {
              id: partitionId(waitingIndex),
              index: waitingIndex,
              name: `第${waitingIndex}批`,
              instanceCount: byPartition(waitingIndex).length,
            }
          : null,
      health: { healthy: instances.filter((i) => i.Status === 'Normal').length, total: instances.length },
      batches,
      actions: {
        confirm:
          waitingIndex !== undefined
            ? { allowed: true }
            : {
                allowed: false,
                reason: 'The deploy order is not paused.',
                code: 'noWaitingBatch' as const,
              },
        abort: open
          ? { allowed: true }
          : { allowed: false, reason: 'The deploy order has finished.', code: 'finished' as const },
        abortAndRollback: {
          allowed: false,
          reason: 'Retail Cloud cannot roll a deploy order back: close it, then deploy the previous version.',
          code: 'unsupported' as const,
        },
      },
    };
  }

  async getBatch(id: string, batchId: string): Promise<BatchDetail> {
    const k = partitionOf(batchId);
    const { ref, order } = await this.order(id, false);
    const total = rcNum(order.TotalPartitions);
    if (k < 1 || k > total) {
      throw new NotFoundError(`Deploy order ${ref.deployOrderId} has no partition ${k} (it has ${total}).`);
    }
    const pods = (await this.pods(ref.deployOrderId, false)).filter((p) => rcNum(p.DeployPartitionNum) === k);
    const status = partitionStatus(pods, k, order);
    return {
      id: batchId,
      name: `第${k}批`,
      status: { pending: 0, running: 1, succeeded: 3, failed: 3, aborted: 3 }[status],
      nextBatchId: k < total ? partitionId(k + 1) : undefined,
      stages: pods.map((p) => ({
        id: String(p.AppInstanceId),
        name: `${String(p.AppInstanceId)}${p.HostIp ? ` @ ${String(p.HostIp)}` : ''}`,
        status: rcNum(p.Status),
        tasks: rcArr(p.DeploySteps).map((s) => ({
          id: String(s.StepCode ?? ''),
          name: String(s.StepName ?? s.StepCode ?? ''),
          status: STEP_STATUS[String(s.Status)] ?? 0,
          message: rcStr(s.Status),
          ...(s.Status === 'FAIL' ? { errorMessage: rcStr(p.ResultName) } : {}),
        })),
      })),
    };
  }

  /** DeployApp / ScaleApp: an order, or the admission check's refusal with its BusinessCode. */
  private async placeOrder(
    ref: AppEnvRef,
    action: 'DeployApp' | 'ScaleApp',
    params: Parameters<RetailCloudGateway['write']>[1],
  ): Promise<ChangeOrderRef> {
    const { body, requestId } = await this.gateway.write(action, params);
    const result = rcObj(body.Result);
    if (result.Admitted === false) {
      const code = String(result.BusinessCode ?? '');
      throw new UpstreamError({
        product: 'RetailCloud',
        httpStatus: 200,
        code,
        message: `${action} not admitted: ${ADMISSION_TEXT[code] ?? `BusinessCode ${code}`}`,
        requestId,
      });
    }
    return { changeOrderId: rolloutId(ref, String(result.DeployOrderId)), requestId };
  }

  async deploy(appId: string, request: DeployRequest): Promise<ChangeOrderRef> {
    const ref = parseAppEnvId(appId);
    if (request.partitions === undefined) {
      throw new HttpError(
        400,
        'InvalidInput',
        'body field "partitions": required for a Retail Cloud deploy order.',
        {
          field: 'partitions',
        },
      );
    }
    if (request.strategy !== undefined) {
      throw new HttpError(
        400,
        'InvalidInput',
        'body field "strategy": Retail Cloud deploys in partitions; use partitions and pauseType.',
        { field: 'strategy' },
      );
    }
    const images = request.images ?? (request.imageUrl ? [request.imageUrl] : undefined);
    const name = request.name ?? `${appId} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    return this.placeOrder(ref, 'DeployApp', {
      EnvId: ref.envId,
      Name: name,
      TotalPartitions: request.partitions,
      PauseType: request.pauseType,
      UpdateStrategyType: request.updateStrategyType,
      Description: request.description,
      DeployPacketUrl: request.packageUrl,
      ContainerImageList: images,
      InitContainerImageList: request.initImages,
      ArmsFlag: request.arms,
    });
  }

  scale(appId: string, replicas: number, partitions?: number): Promise<ChangeOrderRef> {
    const ref = parseAppEnvId(appId);
    return this.placeOrder(ref, 'ScaleApp', {
      EnvId: ref.envId,
      Replicas: replicas,
      TotalPartitions: partitions,
    });
  }

  start(_appId: string): Promise<ChangeOrderRef> {
    return unsupported('start of an environment: deploy it, or scale it up');
  }

  stop(_appId: string): Promise<ChangeOrderRef> {
    return unsupported('stop of an environment: take it offline, or scale it to 0');
  }

  restart(_appId: string): Promise<ChangeOrderRef> {
    return unsupported('restart of a whole environment: rebuild its instances one by one');
  }

  /** RebuildAppInstance, one instance at a time; it starts no deploy order. */
  async restartInstances(appId: string, instanceIds: string[]): Promise<ChangeOrderRef> {
    const ref = parseAppEnvId(appId);
    const known = new Set((await this.instances(ref, true)).map((i) => String(i.AppInstanceId)));
    const unknown = instanceIds.find((id) => !known.has(id));
    if (unknown) throw new NotFoundError(`Application ${appId} has no instance "${unknown}".`);
    let requestId = '';
    for (const id of instanceIds) {
      ({ requestId } = await this.gateway.write('RebuildAppInstance', {
        AppId: ref.appId,
        AppInstanceId: id,
        EnvId: ref.envId,
      }));
    }
    return { changeOrderId: '', requestId };
  }

  removeInstances(_appId: string): Promise<ChangeOrderRef> {
    return unsupported('removal of chosen instances: scale the environment in instead');
  }

  async instanceLog(appId: string, instanceId: string): Promise<string> {
    const ref = parseAppEnvId(appId);
    const known = (await this.instances(ref)).some((i) => String(i.AppInstanceId) === instanceId);
    if (!known) throw new NotFoundError(`Application ${appId} has no instance "${instanceId}".`);
    const body = await this.gateway.read(
      'DescribePodContainerLogList',
      { AppId: ref.appId, EnvId: ref.envId, Line: 500, PodName: instanceId },
      true,
    );
    const logs = rcArr(rcObj(body.Result).ContainerLogList);
    return logs.map((l) => `==> ${String(l.ContainerName ?? '')} <==\n${String(l.Content ?? '')}`).join('\n');
  }

  resize(): Promise<ChangeOrderRef> {
    return unsupported('change of CPU and memory in place: edit the deploy config, then deploy');
  }

  rollback(): Promise<ChangeOrderRef> {
    return unsupported('rollback to a version: deploy the previous package or image');
  }

  /** Deletes the environment; the cloud refuses while it has instances or an open order (take it offline first). */
  async delete(appId: string): Promise<ChangeOrderRef> {
    const ref = parseAppEnvId(appId);
    const { requestId } = await this.gateway.write('DeleteAppEnvironment', {
      AppId: ref.appId,
      EnvId: ref.envId,
      Force: false,
    });
    return { changeOrderId: '', requestId };
  }

  async offline(appId: string, deletePvc: boolean): Promise<ChangeOrderRef> {
    const ref = parseAppEnvId(appId);
    const { requestId } = await this.gateway.write('OfflineAppEnvironment', {
      AppId: ref.appId,
      EnvId: ref.envId,
      DeletePvc: deletePvc,
    });
    return { changeOrderId: '', requestId };
  }

  async confirmBatch(id: string): Promise<{ requestId: string }> {
    const { deployOrderId } = parseRolloutId(id);
    const { requestId } = await this.gateway.write('ResumeDeploy', { DeployOrderId: deployOrderId });
    return { requestId };
  }

  async abort(id: string): Promise<{ requestId: string }> {
    const { deployOrderId } = parseRolloutId(id);
    const { requestId } = await this.gateway.write('CloseDeployOrder', { DeployOrderId: deployOrderId });
    return { requestId };
  }

  abortAndRollback(): Promise<{ requestId: string }> {
    return unsupported('rollback of a deploy order: close it, then deploy the previous version');
  }

  /** DescribePodLog and DescribePodEvents of a pod that the order deployed (AppInstId, not AppInstanceId). */
  async podDeployLog(id: string, podName: string): Promise<PodDeployLog> {
    const { ref } = await this.order(id, false);
    const pods = await this.pods(ref.deployOrderId, false);
    if (!pods.some((p) => String(p.AppInstanceId) === podName)) {
      throw new NotFoundError(`Deploy order ${ref.deployOrderId} has no instance "${podName}".`);
    }
    const params = { AppInstId: podName, DeployOrderId: ref.deployOrderId };
    const [log, events] = await Promise.all([
      this.gateway.read('DescribePodLog', params, true),
      this.gateway.read('DescribePodEvents', params, true),
    ]);
    return {
      podName,
      steps: rcArr(rcObj(log.Result).DeployStepList).map((s) => ({
        code: String(s.StepCode ?? ''),
        name: String(s.StepName ?? ''),
        status: String(s.Status ?? ''),
        log: String(s.StepLog ?? ''),
      })),
      events: rcArr(rcObj(events.Result).PodEvents).map((e) => ({
        type: String(e.Type ?? ''),
        reason: String(e.Reason ?? ''),
        message: String(e.Message ?? ''),
        count: rcNum(e.Count, 1),
        firstTimestamp: rcIso(e.FirstTimestamp),
        lastTimestamp: rcIso(e.LastTimestamp),
      })),
    };
  }

  /**
   * DescribeAppMonitorMetric. A group (deployment.*) series is asked for the environment's latest deploy
   * order, as the seed requires a DeployOrderId for Type=group; an instance (pod.*) series for the pod.
   */
  async monitorMetric(appId: string, query: MonitorMetricQuery): Promise<MonitorMetricSeries> {
    const ref = parseAppEnvId(appId);
    const type = query.metric.startsWith('pod.') ? 'instance' : 'group';
    const to = query.to ?? Date.now();
    let deployOrderId: string | undefined;
    if (type === 'group') {
      const latest = await this.latestOrder(ref);
      if (!latest) return { metric: query.metric, name: query.metric, type, points: [] };
      deployOrderId = String(latest.DeployOrderId);
    }
    const body = await this.gateway.read('DescribeAppMonitorMetric', {
      AppId: ref.appId,
      EnvId: ref.envId,
      StartTime: query.from,
      EndTime: to,
      Metric: query.metric,
      Type: type,
      DeployOrderId: deployOrderId,
      PodName: type === 'instance' ? query.podName : undefined,
    });
    const item = rcArr(body.Result)[0] ?? {};
    const categories = Array.isArray(item.Categories) ? item.Categories : [];
    const data = Array.isArray(item.Data) ? item.Data : [];
    const points = categories
      .map((c, i) => ({ at: rcTime(c), value: Number(data[i]) }))
      .filter((p): p is { at: number; value: number } => p.at !== undefined && Number.isFinite(p.value));
    return {
      metric: query.metric,
      name: String(item.Name ?? query.metric),
      type,
      ...(type === 'instance' ? { podName: query.podName } : {}),
      points,
    };
  }
}
