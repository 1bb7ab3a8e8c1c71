import type {
  AccountFeature,
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationSummary,
  BatchDetail,
  CapacityPoint,
  ChangeOrderRef,
  ConsoleStatus,
  HealthBreakdown,
  Instance,
  InstanceSpecification,
  Namespace,
  NativeAppStatus,
  Rollout,
  RolloutPage,
  RolloutStatus,
  RolloutSummary,
  Version,
} from '@console/contract';
import { HttpError, NotFoundError } from '../../http/errors';
import type { ApplicationProvider, CapacityNow, InsightsProvider, UsageSnapshot } from '../../providers';
import { batchTimes } from '../../rollouts/batch-times';
import { readCloudTime, ZONE } from '../../upstream/cloud-time';
import type { HuaweiCall, HuaweiClient } from '../client';
import { countBy } from '../counts';
import {
  hwArr as arr,
  HuaweiGateway,
  hwTime,
  hwNum as num,
  hwObj as obj,
  type Raw,
  hwStr as str,
} from '../gateway';

export const asFeatures: AccountFeature[] = [
  'scale',
  'events',
  'batchSteps',
  'startStop',
  'asOps',
  'capacity',
  'healthBreakdown',
  'appTags',
];

type Tag = { key: string; value: string };
/** One page of the tag query at most (seed 5.9.4: limit 1–1000). */
const TAG_PAGE = 1000;

const desiredOf = (group: Raw) => num(group.desire_instance_number ?? group.desired_instance_number);
const timeOf = (v: unknown): number | undefined => readCloudTime(v, ZONE.utc);

/** AS answers "does not exist" with these codes (HTTP 400 or 404 per the seed's appendix). */
const NOT_FOUND = new Set(['AS.2007', 'AS.0007', 'AS.1004', 'AS.3020', 'AS.4006', 'AS.7042']);

function groupStatus(group: Raw, activity: Raw | undefined, hanging: number): ConsoleStatus {
  const status = String(group.scaling_group_status ?? '');
  if (hanging > 0) return 'waiting';
  if (status === 'DELETING' || group.is_scaling === true || activity?.status === 'DOING') return 'deploying';
  if (status === 'PAUSED') return 'stopped';
  if (status === 'ERROR') return 'failed';
  if (status === 'INSERVICE') return 'running';
  return 'unknown';
}

function activityStatus(activity: Raw, hanging: number): RolloutStatus {
  const status = String(activity.status ?? '');
  if (status === 'DOING') return hanging > 0 ? 'waiting' : 'running';
  if (status === 'SUCCESS') return 'succeeded';
  if (status === 'FAIL') return 'failed';
  return 'running';
}

/**
 * An activity's `description` is JSON (`{"reason":[{"change_reason","old_value","new_value",…}]}`):
 * said as `MANNUAL 1 → 2`, the cloud's own reason names kept; anything else is shown as it came.
 */
export function activityReasons(description: unknown): string | undefined {
  const text = str(description);
  if (!text) return undefined;
  try {
    const reasons = arr(obj(JSON.parse(text)).reason);
    if (reasons.length === 0) return text;
    return reasons
      .map(
        (r) => `${String(r.change_reason ?? '')} ${String(r.old_value ?? '')} → ${String(r.new_value ?? '')}`,
      )
      .join('; ');
  } catch {
    return text;
  }
}

const unsupported = (what: string): never => {
  throw new HttpError(400, 'UnsupportedByProduct', `Auto Scaling has no ${what}.`);
};

/**
 * Huawei Cloud Auto Scaling onto the console model: a scaling group is an application, a scaling
 * activity a rollout, and an instance a lifecycle hook holds (HANGING) the step waiting for an operator:
 * confirm = CONTINUE, extend = EXTEND (one more hour), abort = ABANDON, each bound to the hook and the instance shown.
 * Console ids: application = the group id; rollout = `<groupId>.<activityId>`; batch = `<hook>:<instanceId>`.
 */
export class AsProvider implements ApplicationProvider, InsightsProvider {
  /** Shared with the product's family handlers, so both see one cache. */
  readonly gateway: HuaweiGateway;

  constructor(
    private readonly client: HuaweiClient,
    readonly projectId: string,
    private readonly regionId: string,
    readCacheMs = 1_000,
  ) {
    this.gateway = new HuaweiGateway(client, (code) => NOT_FOUND.has(code), readCacheMs);
  }

  private base(path: string): string {
    return `/autoscaling-api/v1/${encodeURIComponent(this.projectId)}${path}`;
  }

  private read(path: string, query: HuaweiCall['query'] = {}, fresh = false): Promise<Raw> {
    return this.gateway.read(this.base(path), query, fresh).then(obj);
  }

  /**
   * Every group's tags in one query (ListResourceInstances, seed 5.9.4), only the groups with `tag`
   * (`key` or `key=value`) when given. Groups without a tag are left out when filtering only.
   */
  private async groupTags(tag?: string): Promise<Map<string, Tag[]>> {
    const [key = '', ...rest] = (tag ?? '').split('=');
    const filter =
      tag === undefined ? {} : { tags: [{ key, values: rest.length > 0 ? [rest.join('=')] : [] }] };
    const tags = new Map<string, Tag[]>();
    for (let offset = 0; offset < 100_000; offset += TAG_PAGE) {
      const body = obj(
        await this.gateway.query(this.base('/scaling_group_tag/resource_instances/action'), {
          action: 'filter',
          limit: String(TAG_PAGE),
          offset: String(offset),
          ...filter,
        }),
      );
      const page = arr(body.resources);
      for (const r of page) {
        tags.set(
          String(r.resource_id ?? ''),
          arr(r.tags).map((t) => ({ key: String(t.key ?? ''), value: String(t.value ?? '') })),
        );
      }
      if (page.length < TAG_PAGE || tags.size >= num(body.total_count)) break;
    }
    return tags;
  }

  private write(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    json?: unknown,
    query?: HuaweiCall['query'],
  ) {
    return this.gateway.write(method, this.base(path), json, query);
  }

  private group(id: string, fresh = false): Promise<Raw> {
    return this.read(`/scaling_group/${encodeURIComponent(id)}`, {}, fresh).then((b) => obj(b.scaling_group));
  }

  private async activities(groupId: string, start: number, limit: number, fresh = false) {
    const body = await this.read(
      `/scaling_activity_log/${encodeURIComponent(groupId)}`,
      { start_number: start, limit },
      fresh,
    );
    return { items: arr(body.scaling_activity_log), total: num(body.total_number) };
  }

  private async hanging(groupId: string, fresh = false): Promise<Raw[]> {
    const body = await this.read(`/scaling_instance_hook/${encodeURIComponent(groupId)}/list`, {}, fresh);
    return arr(body.instance_hanging_info).filter((h) => h.lifecycle_hook_status === 'HANGING');
  }

  private async instances(groupId: string, fresh = false): Promise<Raw[]> {
    const all: Raw[] = [];
    for (let start = 0; start < 10_000; start += 100) {
      const body = await this.read(
        `/scaling_group_instance/${encodeURIComponent(groupId)}/list`,
        { start_number: start, limit: 100 },
        fresh,
      );
      const page = arr(body.scaling_group_instances);
      all.push(...page);
      if (page.length < 100 || all.length >= num(body.total_number)) break;
    }
    return all;
  }

  async listNamespaces(): Promise<Namespace[]> {
    return [{ id: this.projectId, name: this.regionId, regionId: this.regionId }];
  }

  async listInstanceSpecifications(): Promise<InstanceSpecification[]> {
    return [];
  }

  private native(group: Raw, activity: Raw | undefined): NativeAppStatus {
    return {
      currentStatus: String(group.scaling_group_status ?? 'UNKNOWN'),
      lastChangeOrderId: activity ? `${String(group.scaling_group_id)}.${String(activity.id)}` : undefined,
      lastChangeOrderStatus: str(activity?.status),
      lastChangeOrderRunning: activity?.status === 'DOING',
    };
  }

  /**
   * Instances in service: `current_instance_number` also counts those still being launched, held by a
   * lifecycle hook (PENDING_WAIT) or leaving, which the instances view shows as not running.
   */
  private async inService(group: Raw): Promise<number> {
    if (num(group.current_instance_number) === 0) return 0;
    const instances = await this.instances(String(group.scaling_group_id));
    return instances.filter((i) => i.life_cycle_state === 'INSERVICE').length;
  }

  private async summarize(group: Raw, tags: Tag[] = []): Promise<ApplicationSummary> {
    const id = String(group.scaling_group_id);
    const [latest, hanging, running] = await Promise.all([
      this.activities(id, 0, 1).then((a) => a.items[0]),
      this.hanging(id),
      this.inService(group),
    ]);
    return {
      id,
      name: String(group.scaling_group_name ?? id),
      description: str(group.description),
      namespaceId: this.projectId,
      regionId: this.regionId,
      instances: desiredOf(group),
      runningInstances: running,
      status: groupStatus(group, latest, hanging.length),
      native: this.native(group, latest),
      tags,
    };
  }

  async listApplications(query: ApplicationListQuery): Promise<ApplicationPage> {
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (query.namespaceId && query.namespaceId !== this.projectId) return empty;
    // The tags of the groups shown; a list without them still lists the groups.
    const tags =
      query.tag !== undefined
        ? await this.groupTags(query.tag)
        : await this.groupTags().catch(() => undefined);
    let groups: Raw[] = [];
    for (let start = 0; start < 10_000; start += 100) {
      const body = await this.read('/scaling_group', {
        start_number: start,
        limit: 100,
        scaling_group_name: query.q,
      });
      const page = arr(body.scaling_groups);
      groups.push(...page);
      if (page.length < 100 || groups.length >= num(body.total_number)) break;
    }
    if (query.tag !== undefined) groups = groups.filter((g) => tags?.has(String(g.scaling_group_id ?? '')));
    const tagsOf = (g: Raw) => tags?.get(String(g.scaling_group_id ?? '')) ?? [];
    const start = (query.page - 1) * query.pageSize;
    if (query.status) {
      const all = await Promise.all(groups.map((g) => this.summarize(g, tagsOf(g))));
      const matching = all.filter((s) => s.status === query.status);
      return { ...empty, items: matching.slice(start, start + query.pageSize), total: matching.length };
    }
    const items = await Promise.all(
      groups.slice(start, start + query.pageSize).map((g) => this.summarize(g, tagsOf(g))),
    );
    return { ...empty, items, total: groups.length };
  }

  async getApplication(appId: string): Promise<ApplicationDetail> {
    const group = await this.group(appId);
    const tags = await this.read(`/scaling_group_tag/${encodeURIComponent(appId)}/tags`)
      .then((b) => arr(b.tags).map((t) => ({ key: String(t.key ?? ''), value: String(t.value ?? '') })))
      .catch(() => [] as Tag[]);
    const summary = await this.summarize(group, tags);
    const configId = str(group.scaling_configuration_id);
    const config = configId
      ? await this.read(`/scaling_configuration/${encodeURIComponent(configId)}`)
          .then((b) => obj(obj(b.scaling_configuration).instance_config))
          .catch(() => ({}) as Raw)
      : {};
    return {
      ...summary,
      createTime: hwTime(group.create_time),
      config: {
        packageType: 'Image',
        imageUrl: str(config.imageRef),
        cpu: 0,
        memory: 0,
        replicas: summary.instances,
        vpcId: str(group.vpc_id),
        envs: [],
        raw: group,
      },
      groups: [],
    };
  }

  async listInstances(appId: string): Promise<Instance[]> {
    const instances = await this.instances(appId);
    return instances.map((i) => ({
      id: String(i.instance_id),
      groupId: appId,
      status: String(i.life_cycle_state ?? 'UNKNOWN'),
      health: str(i.health_status),
      restarts: 0,
      version: str(i.scaling_configuration_name),
      createdAt: timeOf(i.create_time),
    }));
  }

  async listVersions(): Promise<Version[]> {
    return [];
  }

  async listEvents(appId: string): Promise<AppEvent[]> {
    const { items } = await this.activities(appId, 0, 100);
    return items.map((a) => ({
      kind: 'ScalingActivity',
      objectName: String(a.id ?? ''),
      type: a.status === 'FAIL' ? 'Warning' : 'Normal',
      reason: String(a.status ?? ''),
      message: [`${num(a.instance_value)} → ${num(a.desire_value)} instances`, activityReasons(a.description)]
        .filter(Boolean)
        .join(' · '),
      firstTimestamp: hwTime(a.start_time) ?? '',
      lastTimestamp: hwTime(a.end_time ?? a.start_time) ?? '',
    }));
  }

  async usage(appId: string): Promise<UsageSnapshot> {
    const group = await this.group(appId);
    return {
      monthToDate: null,
      now: { cpuCores: 0, memoryGiB: 0 },
      runningInstances: await this.inService(group),
    };
  }

  private summary(groupId: string, a: Raw, hanging: number): RolloutSummary {
    const status = String(a.status ?? '');
    return {
      id: `${groupId}.${String(a.id)}`,
      appId: groupId,
      type: 'scaling',
      typeLabel: `${num(a.instance_value)} → ${num(a.desire_value)}`,
      status: activityStatus(a, hanging),
      nativeStatus: status === 'SUCCESS' ? 1 : status === 'FAIL' ? 2 : 0,
      nativeStatusName: status,
      batchCount: Math.max(1, hanging),
      batchType: 'lifecycle-hook',
      description: activityReasons(a.description),
      createTime: hwTime(a.start_time),
      finishTime: hwTime(a.end_time),
    };
  }

  async listRollouts(appId: string, page: number, pageSize: number): Promise<RolloutPage> {
    const [{ items, total }, hanging] = await Promise.all([
      this.activities(appId, (page - 1) * pageSize, pageSize),
      this.hanging(appId),
    ]);
    return {
      items: items.map((a) => this.summary(appId, a, a.status === 'DOING' ? hanging.length : 0)),
      total,
      page,
      pageSize,
    };
  }

  private parseRollout(id: string): { groupId: string; activityId: string } {
    const dot = id.indexOf('.');
    if (dot <= 0 || dot === id.length - 1) {
      throw new HttpError(
        400,
        'InvalidInput',
        `"${id}" is not a scaling activity id (<groupId>.<activityId>).`,
        {
          field: 'rolloutId',
        },
      );
    }
    return { groupId: id.slice(0, dot), activityId: id.slice(dot + 1) };
  }

  private async activity(id: string, fresh: boolean) {
    const { groupId, activityId } = this.parseRollout(id);
    const { items } = await this.activities(groupId, 0, 100, fresh);
    const activity = items.find((a) => String(a.id) === activityId);
    if (!activity) throw new NotFoundError(`Scaling group ${groupId} has no recent activity ${activityId}.`);
    return { groupId, activity };
  }

  async getRollout(id: string, options: { fresh?: boolean } = {}): Promise<Rollout> {
    const fresh = options.fresh ?? false;
    const { groupId, activity } = await this.activity(id, fresh);
    const doing = activity.status === 'DOING';
    const [hanging, instances, group] = await Promise.all([
      doing ? this.hanging(groupId, fresh) : Promise.resolve([] as Raw[]),
      this.instances(groupId, fresh),
      this.group(groupId, fresh),
    ]);
    const names = new Map(
      instances.map((i) => [String(i.instance_id), String(i.instance_name ?? i.instance_id)]),
    );
    const summary = this.summary(groupId, activity, hanging.length);
    const activityBatch = (summary.status === 'waiting' ? 'running' : summary.status) as
      | 'running'
      | 'succeeded'
      | 'failed';
    const batches =
      hanging.length > 0
        ? hanging.map((h, index) => ({
            id: `${String(h.lifecycle_hook_name)}:${String(h.instance_id)}`,
            index: index + 1,
            name: `${String(h.lifecycle_hook_name)} · ${names.get(String(h.instance_id)) ?? String(h.instance_id)}`,
            status: 'pending' as const,
            nativeStatus: 0,
          }))
        : [
            {
              id: 'activity',
              index: 1,
              name: summary.typeLabel,
              status: activityBatch,
              nativeStatus: summary.nativeStatus,
              ...batchTimes(activityBatch, timeOf(activity.start_time), timeOf(activity.end_time)),
            },
          ];
    const first = hanging[0];
    const waiting = first
      ? {
          id: `${String(first.lifecycle_hook_name)}:${String(first.instance_id)}`,
          index: 1,
          name: batches[0]?.name ?? '',
          instanceCount: 1,
        }
      : null;
    const held = {
      allowed: false,
      reason: 'No instance is held by a lifecycle hook.',
      code: 'noWaitingBatch' as const,
    };
    return {
      ...summary,
      appName: str(group.scaling_group_name),
      subStatus: 0,
      errorMessage: activity.status === 'FAIL' ? activityReasons(activity.description) : undefined,
      waitingBatch: waiting,
      health: {
        healthy: instances.filter((i) => i.life_cycle_state === 'INSERVICE' && i.health_status === 'NORMAL')
          .length,
        total: instances.length,
      },
      batches,
      actions: {
        confirm: waiting ? { allowed: true } : held,
        abort: waiting ? { allowed: true } : held,
        extend: waiting ? { allowed: true } : held,
        abortAndRollback: {
          allowed: false,
          reason: 'Auto Scaling cannot roll an activity back: set the desired count instead.',
          code: 'unsupported' as const,
        },
      },
    };
  }

  /** Instances a lifecycle hook holds in the activity's group: until when, and what happens then. */
  async heldInstances(id: string): Promise<{ batchId: string; timeout: string; defaultResult: string }[]> {
    const { groupId } = this.parseRollout(id);
    return (await this.hanging(groupId)).map((h) => ({
      batchId: `${String(h.lifecycle_hook_name)}:${String(h.instance_id)}`,
      timeout: String(h.timeout ?? ''),
      defaultResult: String(h.default_result ?? ''),
    }));
  }

  async getBatch(id: string, batchId: string): Promise<BatchDetail> {
    const { groupId } = this.parseRollout(id);
    const hanging = await this.hanging(groupId);
    const h = hanging.find((x) => `${String(x.lifecycle_hook_name)}:${String(x.instance_id)}` === batchId);
    if (!h) throw new NotFoundError(`No instance is held as ${batchId}.`);
    return {
      id: batchId,
      name: String(h.lifecycle_hook_name),
      status: 0,
      stages: [
        {
          id: String(h.instance_id),
          name: String(h.instance_id),
          status: 0,
          tasks: [
            {
              id: String(h.lifecycle_action_key ?? ''),
              name: `HANGING until ${String(h.timeout ?? '')}, then ${String(h.default_result ?? '')}`,
              status: 0,
            },
          ],
        },
      ],
    };
  }

  /** The hook callback for the instance the operator saw held; refused if it is no longer held. */
  private async callback(id: string, batchId: string | undefined, result: 'CONTINUE' | 'ABANDON' | 'EXTEND') {
    const { groupId } = this.parseRollout(id);
    const hanging = await this.hanging(groupId, true);
    const h = batchId
      ? hanging.find((x) => `${String(x.lifecycle_hook_name)}:${String(x.instance_id)}` === batchId)
      : hanging[0];
    if (!h) throw new NotFoundError('No instance is held by a lifecycle hook any more.');
    const { requestId } = await this.write(
      'PUT',
      `/scaling_instance_hook/${encodeURIComponent(groupId)}/callback`,
      {
        lifecycle_action_key: h.lifecycle_action_key,
        instance_id: h.instance_id,
        lifecycle_hook_name: h.lifecycle_hook_name,
        lifecycle_action_result: result,
      },
    );
    return { requestId };
  }

  confirmBatch(id: string, batchId: string): Promise<{ requestId: string }> {
    return this.callback(id, batchId, 'CONTINUE');
  }

  async capacity(
    groupId: string,
    withActivities = true,
  ): Promise<{ now: CapacityNow; activities: CapacityPoint[] }> {
    const [group, log] = await Promise.all([
      this.group(groupId),
      withActivities ? this.activities(groupId, 0, 100) : { items: [] as Raw[], total: 0 },
    ]);
    const bounds = { min: num(group.min_instance_number), max: num(group.max_instance_number) };
    const now = {
      at: this.client.cloudNow(),
      current: num(group.current_instance_number),
      desired: desiredOf(group),
      ...bounds,
    };
    // An activity says the group's size when it started and, once it succeeded, the size it reached.
    // The bounds it ran under are not recorded: today's are drawn.
    const activities: CapacityPoint[] = [];
    for (const a of log.items) {
      const start = timeOf(a.start_time);
      const desired = num(a.desire_value, now.desired);
      if (start !== undefined) {
        activities.push({
          at: start,
          current: num(a.instance_value),
          desired,
          ...bounds,
          source: 'activity',
        });
      }
      const end = timeOf(a.end_time);
      if (end !== undefined && a.status === 'SUCCESS') {
        activities.push({ at: end, current: desired, desired, ...bounds, source: 'activity' });
      }
    }
    return { now, activities: activities.sort((x, y) => x.at - y.at) };
  }

  async healthBreakdown(groupId: string): Promise<HealthBreakdown> {
    const instances = await this.instances(groupId);
    return {
      total: instances.length,
      dimensions: [
        {
          dimension: 'lifecycle',
          counts: countBy(instances, (i) => String(i.life_cycle_state ?? 'UNKNOWN')),
        },
        { dimension: 'health', counts: countBy(instances, (i) => String(i.health_status ?? 'UNKNOWN')) },
        {
          dimension: 'protection',
          counts: countBy(instances, (i) =>
            i.protect_from_scaling_down === true ? 'protected' : 'unprotected',
          ),
        },
      ],
    };
  }

  /** EXTEND: the hook holds the instance one more hour (the seed's fixed extension). */
  extendBatch(id: string, batchId: string): Promise<{ requestId: string }> {
    return this.callback(id, batchId, 'EXTEND');
  }

  abort(id: string, batchId?: string): Promise<{ requestId: string }> {
    return this.callback(id, batchId, 'ABANDON');
  }

  abortAndRollback(): Promise<{ requestId: string }> {
    return unsupported('rollback of a scaling activity: set the desired count instead');
  }

  /** The desired count; AS starts the activity itself, which the answer names when it is already there. */
  async scale(appId: string, replicas: number): Promise<ChangeOrderRef> {
    const { requestId } = await this.write('PUT', `/scaling_group/${encodeURIComponent(appId)}`, {
      desire_instance_number: replicas,
    });
    const latest = (await this.activities(appId, 0, 1, true).catch(() => ({ items: [] as Raw[] }))).items[0];
    return {
      changeOrderId: latest?.status === 'DOING' ? `${appId}.${String(latest.id)}` : '',
      requestId,
    };
  }

  private async action(appId: string, action: 'resume' | 'pause'): Promise<ChangeOrderRef> {
    const { requestId } = await this.write('POST', `/scaling_group/${encodeURIComponent(appId)}/action`, {
      action,
    });
    return { changeOrderId: '', requestId };
  }

  start(appId: string): Promise<ChangeOrderRef> {
    return this.action(appId, 'resume');
  }

  stop(appId: string): Promise<ChangeOrderRef> {
    return this.action(appId, 'pause');
  }

  async delete(appId: string): Promise<ChangeOrderRef> {
    const { requestId } = await this.write('DELETE', `/scaling_group/${encodeURIComponent(appId)}`);
    return { changeOrderId: '', requestId };
  }

  deploy(): Promise<ChangeOrderRef> {
    return unsupported('deploy: change the group’s scaling configuration');
  }

  restart(): Promise<ChangeOrderRef> {
    return unsupported('restart of a group');
  }

  restartInstances(): Promise<ChangeOrderRef> {
    return unsupported('restart of chosen instances');
  }

  removeInstances(): Promise<ChangeOrderRef> {
    return unsupported('removal of chosen instances from this view');
  }

  instanceLog(): Promise<string> {
    return unsupported('instance logs');
  }

  resize(): Promise<ChangeOrderRef> {
    return unsupported('change of CPU and memory in place: change the scaling configuration');
  }

  rollback(): Promise<ChangeOrderRef> {
    return unsupported('rollback to a version');
  }
}
