import type { SaeApiName, SaeParams } from '@console/catalogue';
import type {
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationSummary,
  AppServices,
  AppSlbs,
  BatchDetail,
  BatchStrategy,
  BindSlbBody,
  ChangeOrderRef,
  ConfigMap,
  CreateConfigMapBody,
  CreateIngressBody,
  CreateNamespaceBody,
  CreateScalingRuleBody,
  GreyRoute,
  GreyRouteBody,
  Ingress,
  IngressSummary,
  Instance,
  InstanceSpecification,
  Job,
  LogConfig,
  Namespace,
  NativeAppStatus,
  Rollout,
  RolloutPage,
  RolloutSummary,
  RunJobBody,
  ScalingRule,
  UnbindSlbBody,
  UpdateConfigMapBody,
  UpdateIngressBody,
  UpdateNamespaceBody,
  UpdateScalingRuleBody,
  Version,
  WriteResult,
} from '@console/contract';
import { HttpError, NotFoundError } from '../http/errors';
import type {
  AppExtrasProvider,
  ApplicationProvider,
  ConfigMapProvider,
  DeployRequest,
  MicroserviceProvider,
  NamespaceProvider,
  NetworkingProvider,
  ScalingProvider,
  UsageSnapshot,
} from '../providers';
import { batchTimes } from '../rollouts/batch-times';
import { cloudIso, readCloudTime, ZONE } from '../upstream/cloud-time';
import { ReadCoalescer } from '../upstream/coalesce';
import { UpstreamError } from '../upstream/errors';
import { mapLimited } from '../upstream/map-limited';
import { jobView, logConfigView } from './app-extras';
import type { SaeClient } from './client';
import { dubboRulesJson, greyRouteView, scRulesJson, serviceView } from './microservices';
import {
  appSlbsView,
  defaultRuleJson,
  ingressSummaryView,
  ingressView,
  listenersJson,
  rulesJson,
} from './networking';
import { metricJson, scalingRuleView, timerJson } from './scaling';
import {
  applicationStatus,
  batchStatus,
  changeOrderStatusNames,
  coTypeLabels,
  rolloutStatus,
  unfinishedStatuses,
} from './status';

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
};
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
const bool = (v: unknown): boolean => v === true || v === 'true';
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});

const NOT_FOUND_CODES = new Set([
  'InvalidAppId.NotFound',
  'InvalidApplication.NotFound',
  'InvalidChangeOrder.NotFound',
  'InvalidNamespaceId.NotFound',
  'InvalidScalingRuleName.NotFound',
  'InvalidConfigMapId.NotFound',
  'NotFound.ConfigMap',
  'InvalidIngress.NotFound',
  'Ingress.NotFound',
]);

/** DescribeConfigMap / ListNamespacedConfigMaps items; `Data` may come as a map or as its JSON text. */
function configMapView(raw: unknown): ConfigMap {
  const c = obj(raw);
  let data: unknown = c.Data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = {};
    }
  }
  return {
    id: String(c.ConfigMapId ?? ''),
    name: String(c.Name ?? ''),
    namespaceId: String(c.NamespaceId ?? ''),
    description: str(c.Description),
    data: Object.fromEntries(Object.entries(obj(data)).map(([k, v]) => [k, String(v)])),
    createTime: c.CreateTime === undefined ? undefined : num(c.CreateTime),
    updateTime: c.UpdateTime === undefined ? undefined : num(c.UpdateTime),
    relatedApps: arr(c.RelateApps).map((a) => ({
      appId: String(a.AppId ?? ''),
      appName: String(a.AppName ?? ''),
    })),
  };
}

/** `key` or `key=value` as the `Tags` filter of ListApplications. */
function tagFilter(tag: string): { key: string; value?: string } {
  const at = tag.indexOf('=');
  return at < 0 ? { key: tag } : { key: tag.slice(0, at), value: tag.slice(at + 1) };
}

/**
 * The cloud's answer for a resource that is gone. Ingress ids have no code of their own in the seed: the
 * simulator, like the error table, answers a generic invalid parameter that names the id.
 */
function isNotFound(error: UpstreamError): boolean {
  if (NOT_FOUND_CODES.has(error.body.code)) return true;
  return error.body.code === 'InvalidParameter.WithMessage' && /\bdoes not exist\b/.test(error.body.message);
}

function strategyJson(strategy: BatchStrategy | undefined): string | undefined {
  if (!strategy) return undefined;
  const batchUpdate = {
    batch: strategy.batches,
    releaseType: strategy.releaseType,
    ...(strategy.releaseType === 'auto' ? { batchWaitTime: strategy.batchWaitMinutes } : {}),
  };
  return JSON.stringify(
    strategy.type === 'GrayBatchUpdate'
      ? { type: strategy.type, batchUpdate, grayUpdate: { gray: strategy.grayInstances } }
      : { type: strategy.type, batchUpdate },
  );
}

function parseEnvs(value: unknown): { name: string; value: string }[] {
  if (typeof value !== 'string' || !value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed)
      ? parsed
          .filter((e): e is Raw => typeof e === 'object' && e !== null)
          .map((e) => ({ name: String(e.name ?? ''), value: String(e.value ?? '') }))
      : [];
  } catch {
    return [];
  }
}

/** SAE (Serverless App Engine) mapped onto the console model. */
/** How many change orders' applications are remembered before the memory starts over. */
const ORDER_APPS_KEPT = 5_000;

export class SaeProvider
  implements
    ApplicationProvider,
    NamespaceProvider,
    ScalingProvider,
    ConfigMapProvider,
    NetworkingProvider,
    AppExtrasProvider,
    MicroserviceProvider
{
  private readonly reads: ReadCoalescer;

  /** Change order id → its application (empty: it has none, e.g. a batch start); see appOfOrder. */
  private readonly orderApps = new Map<string, string>();

  constructor(
    private readonly client: SaeClient,
    private readonly regionId: string,
    readCacheMs = 1_000,
  ) {
    this.reads = new ReadCoalescer(readCacheMs);
  }

  private async read<N extends SaeApiName>(api: N, params: SaeParams<N>, fresh = false): Promise<unknown> {
    const key = `${api}?${JSON.stringify(params)}`;
    const load = async () => (await this.client.call(api, params)).data;
    try {
      return await (fresh ? load() : this.reads.get(key, load));
    } catch (error) {
      if (error instanceof UpstreamError && isNotFound(error))
        throw new NotFoundError(error.body.message, error.body);
      throw error;
    }
  }

  private async write<N extends SaeApiName>(
    api: N,
    params: SaeParams<N>,
  ): Promise<{ data: Raw; requestId: string }> {
    try {
      const result = await this.client.call(api, params);
      return { data: obj(result.data), requestId: result.requestId };
    } finally {
      // A refused write also means the caller's picture was out of date: the next read goes upstream.
      this.reads.invalidate('');
    }
  }

  async listNamespaces(): Promise<Namespace[]> {
    const data = await this.read('DescribeNamespaceList', { ContainCustom: true });
    return arr(data).map((n) => ({
      id: String(n.NamespaceId),
      name: String(n.NamespaceName ?? n.NamespaceId),
      description: str(n.NamespaceDescription),
      regionId: String(n.RegionId ?? this.regionId),
      vpcId: str(n.VpcId),
    }));
  }

  private namespaceView(n: Raw, requestId?: string): Namespace & WriteResult {
    return {
      id: String(n.NamespaceId),
      name: String(n.NamespaceName ?? n.NamespaceId),
      description: str(n.NamespaceDescription),
      regionId: String(n.RegionId ?? this.regionId),
      vpcId: str(n.VpcId),
      ...(requestId ? { requestId } : {}),
    };
  }

  async createNamespace(body: CreateNamespaceBody): Promise<Namespace & WriteResult> {
    if (!body.namespaceId.startsWith(`${this.regionId}:`)) {
      throw new HttpError(
        400,
        'InvalidInput',
        `namespaceId must start with the account's region "${this.regionId}:".`,
        {
          field: 'namespaceId',
        },
      );
    }
    const { data, requestId } = await this.write('CreateNamespace', {
      NamespaceId: body.namespaceId,
      NamespaceName: body.name,
      NamespaceDescription: body.description,
    });
    return this.namespaceView({ NamespaceId: body.namespaceId, ...data }, requestId);
  }

  async updateNamespace(namespaceId: string, body: UpdateNamespaceBody): Promise<Namespace & WriteResult> {
    const { data, requestId } = await this.writeOrNotFound('UpdateNamespace', {
      NamespaceId: namespaceId,
      NamespaceName: body.name,
      NamespaceDescription: body.description,
    });
    return this.namespaceView({ NamespaceId: namespaceId, ...data }, requestId);
  }

  async deleteNamespace(namespaceId: string): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('DeleteNamespace', { NamespaceId: namespaceId });
    return { requestId };
  }

  async updateNamespaceVpc(namespaceId: string, vpcId: string): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('UpdateNamespaceVpc', {
      NamespaceId: namespaceId,
      VpcId: vpcId,
    });
    return { requestId };
  }

  async listNamespaceRollouts(namespaceId: string, page: number, pageSize: number): Promise<RolloutPage> {
    const data = obj(
      await this.read('ListNamespaceChangeOrders', {
        NamespaceId: namespaceId,
        CurrentPage: page,
        PageSize: pageSize,
      }),
    );
    const orders = arr(data.ChangeOrderList);
    const appIds = await mapLimited(orders, 4, (o) =>
      o.AppId ? Promise.resolve(String(o.AppId)) : this.appOfOrder(String(o.ChangeOrderId)),
    );
    return {
      items: orders.map((o, i) => this.rolloutSummary(o, appIds[i])),
      total: num(data.TotalSize),
      page,
      pageSize,
    };
  }

  /**
   * The application a change order belongs to. A namespace's list does not say it; the order itself does
   * (2022 reference; the 2019 one does not), and never changes, so each order is asked once.
   */
  private async appOfOrder(orderId: string): Promise<string> {
    const known = this.orderApps.get(orderId);
    if (known !== undefined) return known;
    const data = await this.read('DescribeChangeOrder', { ChangeOrderId: orderId }).catch(() => undefined);
    if (data === undefined) return '';
    const appId = str(obj(data).AppId) ?? '';
    if (this.orderApps.size >= ORDER_APPS_KEPT) this.orderApps.clear();
    this.orderApps.set(orderId, appId);
    return appId;
  }

  async listScalingRules(appId: string): Promise<ScalingRule[]> {
    const data = obj(await this.read('DescribeApplicationScalingRules', { AppId: appId }));
    return arr(data.ApplicationScalingRules).map(scalingRuleView);
  }

  async createScalingRule(appId: string, body: CreateScalingRuleBody): Promise<ScalingRule & WriteResult> {
    const { data, requestId } = await this.writeOrNotFound('CreateApplicationScalingRule', {
      AppId: appId,
      ScalingRuleName: body.name,
      ScalingRuleType: body.type,
      ScalingRuleTimer: body.timer && timerJson(body.timer),
      ScalingRuleMetric: body.metric && metricJson(body.metric),
      ScalingRuleEnable: body.enabled,
    });
    return { ...scalingRuleView(data), requestId };
  }

  async updateScalingRule(
    appId: string,
    name: string,
    body: UpdateScalingRuleBody,
  ): Promise<ScalingRule & WriteResult> {
    const { data, requestId } = await this.writeOrNotFound('UpdateApplicationScalingRule', {
      AppId: appId,
      ScalingRuleName: name,
      ScalingRuleTimer: body.timer && timerJson(body.timer),
      ScalingRuleMetric: body.metric && metricJson(body.metric),
    });
    return { ...scalingRuleView(data), requestId };
  }

  async setScalingRuleEnabled(appId: string, name: string, enabled: boolean): Promise<WriteResult> {
    const api = enabled ? 'EnableApplicationScalingRule' : 'DisableApplicationScalingRule';
    const { requestId } = await this.writeOrNotFound(api, { AppId: appId, ScalingRuleName: name });
    return { requestId };
  }

  async deleteScalingRule(appId: string, name: string): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('DeleteApplicationScalingRule', {
      AppId: appId,
      ScalingRuleName: name,
    });
    return { requestId };
  }

  async listConfigMaps(namespaceId: string): Promise<ConfigMap[]> {
    const data = obj(await this.read('ListNamespacedConfigMaps', { NamespaceId: namespaceId }));
    return arr(data.ConfigMaps).map(configMapView);
  }

  async getConfigMap(configMapId: string): Promise<ConfigMap> {
    return configMapView(await this.read('DescribeConfigMap', { ConfigMapId: Number(configMapId) }));
  }

  async createConfigMap(
    namespaceId: string,
    body: CreateConfigMapBody,
  ): Promise<{ id: string; requestId?: string }> {
    const { data, requestId } = await this.writeOrNotFound('CreateConfigMap', {
      NamespaceId: namespaceId,
      Name: body.name,
      Description: body.description,
      Data: JSON.stringify(body.data),
    });
    return { id: String(data.ConfigMapId ?? ''), requestId };
  }

  async updateConfigMap(configMapId: string, body: UpdateConfigMapBody): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('UpdateConfigMap', {
      ConfigMapId: Number(configMapId),
      Description: body.description,
      Data: JSON.stringify(body.data),
    });
    return { requestId };
  }

  async deleteConfigMap(configMapId: string): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('DeleteConfigMap', { ConfigMapId: Number(configMapId) });
    return { requestId };
  }

  batchStart(namespaceId: string, appIds: string[]): Promise<ChangeOrderRef> {
    return this.changeOrder('BatchStartApplications', { NamespaceId: namespaceId, AppIds: appIds.join(',') });
  }

  batchStop(namespaceId: string, appIds: string[]): Promise<ChangeOrderRef> {
    return this.changeOrder('BatchStopApplications', { NamespaceId: namespaceId, AppIds: appIds.join(',') });
  }

  async appSlbs(appId: string): Promise<AppSlbs> {
    return appSlbsView(await this.read('DescribeApplicationSlbs', { AppId: appId }));
  }

  bindSlb(appId: string, body: BindSlbBody): Promise<ChangeOrderRef> {
    if (this.client.profile === '2019') {
      // Seed 001: one listener per side as a single JSON object, no choice of an existing SLB.
      for (const side of ['internet', 'intranet'] as const) {
        if ((body[side]?.length ?? 0) > 1) {
          throw new HttpError(400, 'InvalidInput', `The 2019 API binds one ${side} listener at a time.`, {
            field: side,
          });
        }
      }
      const one = (listeners: BindSlbBody['internet']) => {
        const l = listeners?.[0];
        return l && JSON.stringify({ port: l.port, targetPort: l.targetPort, protocol: l.protocol });
      };
      return this.changeOrder('BindSlb', {
        AppId: appId,
        Internet: one(body.internet),
        Intranet: one(body.intranet),
      });
    }
    return this.changeOrder('BindSlb', {
      AppId: appId,
      Internet: listenersJson(body.internet),
      Intranet: listenersJson(body.intranet),
      InternetSlbId: body.internetSlbId,
      IntranetSlbId: body.intranetSlbId,
    });
  }

  unbindSlb(appId: string, body: UnbindSlbBody): Promise<ChangeOrderRef> {
    // Seed 001 requires both flags; false leaves that side alone in either reference.
    return this.changeOrder('UnbindSlb', { AppId: appId, Internet: body.internet, Intranet: body.intranet });
  }

  async listIngresses(namespaceId: string): Promise<IngressSummary[]> {
    const data = obj(await this.read('ListIngresses', { NamespaceId: namespaceId }));
    return arr(data.IngressList).map((i) => ingressSummaryView(i, namespaceId));
  }

  async getIngress(ingressId: string): Promise<Ingress> {
    return ingressView(await this.read('DescribeIngress', { IngressId: Number(ingressId) }));
  }

  async createIngress(
    namespaceId: string,
    body: CreateIngressBody,
  ): Promise<{ id: string; requestId?: string }> {
    const { data, requestId } = await this.writeOrNotFound('CreateIngress', {
      NamespaceId: namespaceId,
      SlbId: body.slbId,
      ListenerPort: body.listenerPort,
      Description: body.description,
      CertId: body.certId,
      LoadBalanceType: body.loadBalanceType,
      ListenerProtocol: body.protocol,
      DefaultRule: defaultRuleJson(body.defaultRule) ?? '{}',
      Rules: rulesJson(body.rules) ?? '[]',
    });
    return { id: String(data.IngressId ?? ''), requestId };
  }

  async updateIngress(ingressId: string, body: UpdateIngressBody): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('UpdateIngress', {
      IngressId: Number(ingressId),
      ListenerPort: body.listenerPort === undefined ? undefined : String(body.listenerPort),
      Description: body.description,
      CertId: body.certId,
      LoadBalanceType: body.loadBalanceType,
      ListenerProtocol: body.protocol,
      DefaultRule: defaultRuleJson(body.defaultRule),
      Rules: rulesJson(body.rules),
    });
    return { requestId };
  }

  async deleteIngress(ingressId: string): Promise<WriteResult> {
    const { requestId } = await this.writeOrNotFound('DeleteIngress', { IngressId: Number(ingressId) });
    return { requestId };
  }

  /** Replaces the tag set: removed keys are untagged, new or changed ones tagged, in that order. */
  async setTags(appId: string, tags: { key: string; value: string }[]): Promise<WriteResult> {
    // Only the tags are needed, and they must be current: one fresh configuration read, not the whole detail.
    const config = obj(await this.read('DescribeApplicationConfig', { AppId: appId }, true));
    const current = arr(config.Tags).map((t) => ({ key: String(t.Key ?? ''), value: String(t.Value ?? '') }));
    const wanted = new Map(tags.map((t) => [t.key, t.value]));
    const removed = current.filter((t) => !wanted.has(t.key)).map((t) => t.key);
    const changed = tags.filter((t) => current.find((c) => c.key === t.key)?.value !== t.value);
    let requestId: string | undefined;
    const resource = {
      RegionId: this.regionId,
      ResourceType: 'application',
      ResourceIds: JSON.stringify([appId]),
    };
    if (removed.length > 0) {
      ({ requestId } = await this.write('UntagResources', { ...resource, TagKeys: JSON.stringify(removed) }));
    }
    if (changed.length > 0) {
      ({ requestId } = await this.write('TagResources', {
        ...resource,
        Tags: JSON.stringify(changed.map((t) => ({ key: t.key, value: t.value }))),
      }));
    }
    return { requestId };
  }

  async logConfigs(appId: string): Promise<LogConfig[]> {
    const data = obj(await this.read('ListLogConfigs', { AppId: appId, PageSize: 100, CurrentPage: 1 }));
    return arr(data.LogConfigs).map(logConfigView);
  }

  async runJob(appId: string, body: RunJobBody): Promise<{ jobId: string; requestId?: string }> {
    // ExecJob's `Data` is itself an envelope `{Data: "<job id>", Msg, Success, Code}` (seed 000 §13).
    const { data, requestId } = await this.writeOrNotFound('ExecJob', {
      AppId: appId,
      EventId: body.eventId,
      Command: body.command,
      CommandArgs: body.commandArgs,
      Envs: body.envs && JSON.stringify(body.envs),
    });
    return { jobId: String(data.Data ?? ''), requestId };
  }

  async job(appId: string, jobId: string): Promise<Job> {
    return jobView(await this.read('DescribeJobStatus', { AppId: appId, JobId: jobId }, true));
  }

  async services(appId: string): Promise<AppServices> {
    const [published, consumed] = await Promise.all([
      this.read('ListPublishedServices', { AppId: appId }),
      this.read('ListConsumedServices', { AppId: appId }),
    ]);
    return { published: arr(published).map(serviceView), consumed: arr(consumed).map(serviceView) };
  }

  /** SAE allows one grey tag route per application; ListGreyTagRoute returns it as the only result. */
  async greyRoute(appId: string): Promise<GreyRoute | null> {
    const data = obj(await this.read('ListGreyTagRoute', { AppId: appId }));
    const first = arr(data.Result)[0];
    return first ? greyRouteView(first) : null;
  }

  async putGreyRoute(appId: string, body: GreyRouteBody): Promise<{ id: string; requestId?: string }> {
    const current = await this.greyRoute(appId);
    const rules = { ScRules: scRulesJson(body.scRules), DubboRules: dubboRulesJson(body.dubboRules) };
    if (current) {
      const { requestId } = await this.writeOrNotFound('UpdateGreyTagRoute', {
        GreyTagRouteId: Number(current.id),
        Description: body.description,
        ...rules,
      });
      return { id: current.id, requestId };
    }
    const { data, requestId } = await this.writeOrNotFound('CreateGreyTagRoute', {
      AppId: appId,
      Name: body.name,
      Description: body.description,
      ...rules,
    });
    return { id: String(data.GreyTagRouteId ?? ''), requestId };
  }

  async deleteGreyRoute(appId: string): Promise<WriteResult> {
    const current = await this.greyRoute(appId);
    if (!current) throw new NotFoundError(`Application ${appId} has no grey tag route.`);
    const { requestId } = await this.writeOrNotFound('DeleteGreyTagRoute', {
      GreyTagRouteId: Number(current.id),
    });
    return { requestId };
  }

  /** A write whose target is gone answers 404, like a read would. */
  private async writeOrNotFound<N extends SaeApiName>(api: N, params: SaeParams<N>) {
    try {
      return await this.write(api, params);
    } catch (error) {
      if (error instanceof UpstreamError && isNotFound(error))
        throw new NotFoundError(error.body.message, error.body);
      throw error;
    }
  }

  async listInstanceSpecifications(): Promise<InstanceSpecification[]> {
    const data = await this.read('DescribeInstanceSpecifications', {});
    return arr(data).map((s) => ({
      id: num(s.Id),
      name: String(s.SpecInfo ?? ''),
      cpu: num(s.Cpu),
      memory: num(s.Memory),
      enabled: s.Enable !== false,
    }));
  }

  private async nativeStatus(appId: string): Promise<NativeAppStatus> {
    const s = obj(await this.read('DescribeApplicationStatus', { AppId: appId }));
    return {
      currentStatus: String(s.CurrentStatus ?? 'UNKNOWN'),
      lastChangeOrderId: str(s.LastChangeOrderId),
      lastChangeOrderStatus: str(s.LastChangeOrderStatus),
      lastChangeOrderRunning: bool(s.LastChangeOrderRunning),
      subStatus: str(s.SubStatus),
    };
  }

  private async summarize(app: Raw): Promise<ApplicationSummary> {
    const id = String(app.AppId);
    const native = await this.nativeStatus(id);
    return {
      id,
      name: String(app.AppName ?? id),
      description: str(app.AppDescription),
      namespaceId: String(app.NamespaceId ?? ''),
      regionId: String(app.RegionId ?? this.regionId),
      instances: num(app.Instances),
      runningInstances: num(app.RunningInstances),
      status: applicationStatus(native),
      native,
      tags: arr(app.Tags).map((t) => ({ key: String(t.Key ?? ''), value: String(t.Value ?? '') })),
    };
  }

  private async allApplications(namespaceId?: string, name?: string, tag?: string): Promise<Raw[]> {
    const tags = tag === undefined ? undefined : JSON.stringify([tagFilter(tag)]);
    const all: Raw[] = [];
    for (let page = 1; ; page++) {
      const data = obj(
        await this.read('ListApplications', {
          CurrentPage: page,
          PageSize: 200,
          NamespaceId: namespaceId,
          AppName: name,
          Tags: tags,
        }),
      );
      const items = arr(data?.Applications);
      all.push(...items);
      if (items.length < 200 || all.length >= num(data?.TotalSize)) return all;
    }
  }

  async listApplications(query: ApplicationListQuery): Promise<ApplicationPage> {
    const apps = await this.allApplications(query.namespaceId, query.q, query.tag);
    let summaries: ApplicationSummary[];
    if (query.status) {
      summaries = (await mapLimited(apps, 8, (a) => this.summarize(a))).filter(
        (s) => s.status === query.status,
      );
      const start = (query.page - 1) * query.pageSize;
      return {
        items: summaries.slice(start, start + query.pageSize),
        total: summaries.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    }
    const start = (query.page - 1) * query.pageSize;
    summaries = await mapLimited(apps.slice(start, start + query.pageSize), 8, (a) => this.summarize(a));
    return { items: summaries, total: apps.length, page: query.page, pageSize: query.pageSize };
  }

  async getApplication(appId: string): Promise<ApplicationDetail> {
    const [config, groups] = await Promise.all([
      this.read('DescribeApplicationConfig', { AppId: appId }).then(obj),
      this.read('DescribeApplicationGroups', { AppId: appId }),
    ]);
    const native = await this.nativeStatus(appId);
    const groupList = arr(groups);
    const running = groupList.reduce((sum, g) => sum + num(g.RunningInstances), 0);
    return {
      id: appId,
      name: String(config.AppName ?? appId),
      description: str(config.AppDescription),
      namespaceId: String(config.NamespaceId ?? ''),
      regionId: String(config.RegionId ?? this.regionId),
      instances: num(config.Replicas),
      runningInstances: running,
      status: applicationStatus(native),
      native,
      tags: arr(config.Tags).map((t) => ({ key: String(t.Key ?? ''), value: String(t.Value ?? '') })),
      createTime: undefined,
      config: {
        packageType: String(config.PackageType ?? ''),
        imageUrl: str(config.ImageUrl),
        packageUrl: str(config.PackageUrl),
        packageVersion: str(config.PackageVersion),
        jdk: str(config.Jdk),
        webContainer: str(config.WebContainer),
        cpu: num(config.Cpu),
        memory: num(config.Memory),
        replicas: num(config.Replicas),
        vpcId: str(config.VpcId),
        vSwitchId: str(config.VSwitchId),
        securityGroupId: str(config.SecurityGroupId),
        envs: parseEnvs(config.Envs),
        command: str(config.Command),
        timezone: str(config.Timezone),
        updateStrategy: str(config.UpdateStrategy),
        minReadyInstances: config.MinReadyInstances === undefined ? undefined : num(config.MinReadyInstances),
        raw: config,
      },
      groups: groupList.map((g) => ({
        id: String(g.GroupId),
        name: String(g.GroupName ?? g.GroupId),
        replicas: num(g.Replicas),
        runningInstances: num(g.RunningInstances),
      })),
    };
  }

  async listInstances(appId: string): Promise<Instance[]> {
    const groups = arr(await this.read('DescribeApplicationGroups', { AppId: appId }));
    const pages = await Promise.all(
      groups.map((g) =>
        this.read('DescribeApplicationInstances', {
          AppId: appId,
          GroupId: String(g.GroupId),
          CurrentPage: 1,
          PageSize: 200,
        }),
      ),
    );
    return pages.flatMap((p) =>
      arr(obj(p).Instances).map((i) => ({
        id: String(i.InstanceId),
        groupId: String(i.GroupId ?? ''),
        ip: str(i.InstanceContainerIp),
        status: String(i.InstanceContainerStatus ?? 'Unknown'),
        health: str(i.InstanceHealthStatus),
        restarts: num(i.InstanceContainerRestarts),
        version: str(i.PackageVersion),
        imageUrl: str(i.ImageUrl),
        createdAt: i.CreateTimeStamp === undefined ? undefined : num(i.CreateTimeStamp),
      })),
    );
  }

  async listVersions(appId: string): Promise<Version[]> {
    const [versions, config] = await Promise.all([
      this.read('ListAppVersions', { AppId: appId }),
      this.read('DescribeApplicationConfig', { AppId: appId }).then(obj),
    ]);
    const currentImage = str(config.ImageUrl);
    const currentPackage = str(config.PackageUrl);
    const list = arr(versions)
      .map((v) => {
        const type = String(v.Type ?? '');
        const imageUrl = type === 'image' ? str(v.WarUrl) : undefined;
        const packageUrl = type === 'image' ? undefined : (str(v.BuildPackageUrl) ?? str(v.WarUrl));
        return {
          id: String(v.Id),
          type,
          createdAt: num(v.CreateTime),
          imageUrl,
          packageUrl,
          current: false,
        };
      })
      .sort((a, b) => b.createdAt - a.createdAt);
    const current = list.find(
      (v) => (v.imageUrl && v.imageUrl === currentImage) || (v.packageUrl && v.packageUrl === currentPackage),
    );
    if (current) current.current = true;
    return list;
  }

  async listEvents(appId: string): Promise<AppEvent[]> {
    const config = obj(await this.read('DescribeApplicationConfig', { AppId: appId }));
    const data = obj(
      await this.read('ListAppEvents', {
        AppId: appId,
        Namespace: String(config.NamespaceId ?? this.regionId),
        CurrentPage: 1,
        PageSize: 100,
      }),
    );
    return arr(data?.AppEventEntity)
      .map((e) => ({
        kind: String(e.ObjectKind ?? ''),
        objectName: String(e.ObjectName ?? ''),
        type: String(e.EventType ?? ''),
        reason: String(e.Reason ?? ''),
        message: String(e.Message ?? ''),
        firstTimestamp: cloudIso(e.FirstTimestamp, ZONE.utc) ?? '',
        lastTimestamp: cloudIso(e.LastTimestamp, ZONE.utc) ?? '',
      }))
      .sort((a, b) => b.lastTimestamp.localeCompare(a.lastTimestamp));
  }

  async usage(appId: string): Promise<UsageSnapshot> {
    const [stats, status] = await Promise.all([
      this.read('QueryResourceStatics', { AppId: appId }).then(obj),
      this.read('DescribeApplicationStatus', { AppId: appId }).then(obj),
    ]);
    const summary = (stats?.Summary ?? {}) as Raw;
    const realtime = (stats?.RealTimeRes ?? {}) as Raw;
    return {
      monthToDate: { cpuCoreMinutes: num(summary.Cpu), memoryGiBMinutes: num(summary.Memory) },
      now: { cpuCores: num(realtime.Cpu), memoryGiB: num(realtime.Memory) },
      runningInstances: num(status.RunningInstances),
    };
  }

  private rolloutSummary(o: Raw, appId?: string): RolloutSummary {
    const status = num(o.Status);
    const type = String(o.CoTypeCode ?? '');
    return {
      id: String(o.ChangeOrderId),
      appId: String(o.AppId ?? appId ?? ''),
      type,
      typeLabel: str(o.CoType) ?? coTypeLabels[type] ?? type,
      status: rolloutStatus(status),
      nativeStatus: status,
      nativeStatusName: changeOrderStatusNames[status] ?? String(status),
      batchCount: num(o.BatchCount),
      batchType: String(o.BatchType ?? ''),
      description: str(o.Description),
      // "2026-12-08 04:25:35": China Standard Time, without a zone in the text.
      createTime: cloudIso(o.CreateTime, ZONE.chinaStandardTime),
      finishTime: cloudIso(o.FinishTime, ZONE.chinaStandardTime),
    };
  }

  async listRollouts(appId: string, page: number, pageSize: number): Promise<RolloutPage> {
    const data = obj(
      await this.read('ListChangeOrders', {
        AppId: appId,
        CurrentPage: page,
        PageSize: pageSize,
      }),
    );
    return {
      items: arr(data?.ChangeOrderList).map((o) => this.rolloutSummary(o, appId)),
      total: num(data?.TotalSize),
      page,
      pageSize,
    };
  }

  async getRollout(rolloutId: string, options: { fresh?: boolean } = {}): Promise<Rollout> {
    const fresh = options.fresh ?? false;
    const o = obj(await this.read('DescribeChangeOrder', { ChangeOrderId: rolloutId }, fresh));
    const summary = this.rolloutSummary(o);
    const status = summary.nativeStatus;
    const pipelines = arr(o.Pipelines);
    const currentId = str(o.CurrentPipelineId);
    // Per the reference: CurrentPipelineId is the batch that just ran; the one to confirm is the next.
    const currentIndex = pipelines.findIndex((p) => String(p.PipelineId) === currentId);
    const waiting = status === 8 && currentIndex >= 0 ? pipelines[currentIndex + 1] : undefined;
    const instances = summary.appId ? await this.listInstances(summary.appId).catch(() => []) : [];
    const healthy = instances.filter(
      (i) => i.status === 'Running' && (i.health === undefined || !/Unhealthy|NotCheckedYet/.test(i.health)),
    ).length;
    const unfinished = unfinishedStatuses.has(status);
    const waitingIndex = waiting ? currentIndex + 1 : -1;
    return {
      ...summary,
      appName: str(o.AppName),
      subStatus: num(o.SubStatus),
      errorMessage: str(o.ErrorMessage) === 'success' ? undefined : str(o.ErrorMessage),
      batchWaitMinutes: o.BatchWaitTime === undefined ? undefined : num(o.BatchWaitTime),
      currentBatchId: currentId,
      waitingBatch: waiting
        ? {
            id: String(waiting.PipelineId),
            index: waitingIndex + 1,
            name: String(waiting.PipelineName ?? `Batch ${waitingIndex + 1}`),
            instanceCount:
              num(waiting.ParallelCount) || batchShare(instances.length, pipelines.length, waitingIndex),
          }
        : null,
      health: { healthy, total: instances.length },
      batches: pipelines.map((p, index) => {
        const batch = batchStatus(num(p.Status));
        return {
          id: String(p.PipelineId),
          index: index + 1,
          name: String(p.PipelineName ?? `Batch ${index + 1}`),
          status: batch,
          nativeStatus: num(p.Status),
          ...batchTimes(batch, readCloudTime(p.StartTime, ZONE.utc), readCloudTime(p.UpdateTime, ZONE.utc)),
        };
      }),
      actions: {
        confirm: waiting
          ? { allowed: true }
          : {
              allowed: false,
              reason: 'No batch is waiting for manual confirmation.',
              code: 'noWaitingBatch' as const,
            },
        abort: unfinished
          ? { allowed: true }
          : { allowed: false, reason: 'The change order has finished.', code: 'finished' as const },
        abortAndRollback: unfinished
          ? { allowed: true }
          : { allowed: false, reason: 'The change order has finished.', code: 'finished' as const },
      },
    };
  }

  async getBatch(rolloutId: string, batchId: string): Promise<BatchDetail> {
    const order = obj(await this.read('DescribeChangeOrder', { ChangeOrderId: rolloutId }));
    if (!arr(order.Pipelines).some((p) => String(p.PipelineId) === batchId)) {
      throw new NotFoundError(`Batch ${batchId} is not part of change order ${rolloutId}.`);
    }
    const p = obj(await this.read('DescribePipeline', { PipelineId: batchId }));
    return {
      id: String(p.PipelineId ?? batchId),
      name: String(p.PipelineName ?? ''),
      status: num(p.PipelineStatus),
      nextBatchId: str(p.NextPipelineId),
      stages: arr(p.StageList).map((s) => ({
        id: String(s.StageId),
        name: String(s.StageName ?? ''),
        status: num(s.Status),
        tasks: arr(s.TaskList).map((t) => ({
          id: String(t.TaskId),
          name: String(t.TaskName ?? ''),
          status: num(t.Status),
          message: str(t.Message),
          errorCode: str(t.ErrorCode),
          errorMessage: str(t.ErrorMessage),
        })),
      })),
    };
  }

  private async changeOrder<N extends SaeApiName>(api: N, params: SaeParams<N>): Promise<ChangeOrderRef> {
    const { data, requestId } = await this.write(api, params);
    return { changeOrderId: String(data.ChangeOrderId ?? ''), requestId };
  }

  deploy(appId: string, request: DeployRequest): Promise<ChangeOrderRef> {
    if (request.imageUrl === undefined && request.packageUrl === undefined) {
      throw new HttpError(
        400,
        'InvalidInput',
        'body field "imageUrl": either imageUrl or packageUrl is required',
        {
          field: 'imageUrl',
        },
      );
    }
    return this.changeOrder('DeployApplication', {
      AppId: appId,
      ImageUrl: request.imageUrl,
      PackageUrl: request.packageUrl,
      PackageVersion: request.packageVersion,
      UpdateStrategy: strategyJson(request.strategy),
      MinReadyInstances: request.minReadyInstances,
      BatchWaitTime: request.strategy?.releaseType === 'auto' ? request.strategy.batchWaitMinutes : undefined,
      ChangeOrderDesc: request.description,
    });
  }

  start(appId: string) {
    return this.changeOrder('StartApplication', { AppId: appId });
  }

  stop(appId: string) {
    return this.changeOrder('StopApplication', { AppId: appId });
  }

  restart(appId: string, minReadyInstances?: number) {
    return this.changeOrder('RestartApplication', { AppId: appId, MinReadyInstances: minReadyInstances });
  }

  restartInstances(appId: string, instanceIds: string[]) {
    return this.changeOrder('RestartInstances', { AppId: appId, InstanceIds: instanceIds.join(',') });
  }

  removeInstances(appId: string, instanceIds: string[]) {
    return this.changeOrder('ReduceApplicationCapacityByInstanceIds', {
      AppId: appId,
      InstanceIds: instanceIds.join(','),
    });
  }

  /** The log of an instance of this application; an instance of another application is not found. */
  async instanceLog(appId: string, instanceId: string): Promise<string> {
    const instances = await this.listInstances(appId);
    if (!instances.some((i) => i.id === instanceId)) {
      throw new NotFoundError(`Application ${appId} has no instance "${instanceId}".`);
    }
    const data = await this.read('DescribeInstanceLog', { InstanceId: instanceId }, true);
    return typeof data === 'string' ? data : '';
  }

  scale(appId: string, replicas: number) {
    return this.changeOrder('RescaleApplication', { AppId: appId, Replicas: replicas });
  }

  resize(appId: string, cpu: number, memory: number) {
    return this.changeOrder('RescaleApplicationVertically', {
      AppId: appId,
      Cpu: String(cpu),
      Memory: String(memory),
    });
  }

  rollback(appId: string, versionId: string, strategy?: BatchStrategy, minReadyInstances?: number) {
    return this.changeOrder('RollbackApplication', {
      AppId: appId,
      VersionId: versionId,
      UpdateStrategy: strategyJson(strategy),
      MinReadyInstances: minReadyInstances,
    });
  }

  delete(appId: string) {
    return this.changeOrder('DeleteApplication', { AppId: appId });
  }

  async confirmBatch(_rolloutId: string, batchId: string): Promise<{ requestId: string }> {
    const { requestId } = await this.write('ConfirmPipelineBatch', { PipelineId: batchId, Confirm: true });
    return { requestId };
  }

  async abort(rolloutId: string): Promise<{ requestId: string }> {
    const { requestId } = await this.write('AbortChangeOrder', { ChangeOrderId: rolloutId });
    return { requestId };
  }

  async abortAndRollback(rolloutId: string): Promise<{ requestId: string; followUpRolloutId?: string }> {
    const { data, requestId } = await this.write('AbortAndRollbackChangeOrder', { ChangeOrderId: rolloutId });
    const followUp = str(data.ChangeOrderId);
    return { requestId, followUpRolloutId: followUp && followUp !== rolloutId ? followUp : undefined };
  }
}

/** Instances a batch updates when the cloud does not say: an even split, earlier batches larger. */
function batchShare(total: number, batches: number, index: number): number {
  if (batches <= 0) return 0;
  const base = Math.floor(total / batches);
  return base + (index < total % batches ? 1 : 0);
}
