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
  HealthBreakdown,
  Instance,
  InstanceSpecification,
  Namespace,
  Rollout,
  RolloutPage,
  RolloutStatus,
  RolloutSummary,
  Version,
} from '@console/contract';
import { HttpError, NotFoundError } from '../../http/errors';
import type { ApplicationProvider, InsightsProvider, UsageSnapshot } from '../../providers';
import { batchTimes } from '../../rollouts/batch-times';
import { readCloudTime, ZONE } from '../../upstream/cloud-time';
import type { HuaweiCall, HuaweiClient } from '../client';
import { countBy } from '../counts';
import { hwArr as arr, HuaweiGateway, hwTime, hwObj as obj, type Raw, hwStr as str } from '../gateway';

const time = (v: unknown): number | undefined => readCloudTime(v, ZONE.utc);

export const aosFeatures: AccountFeature[] = ['batchSteps', 'abortAndRollback', 'aosOps', 'healthBreakdown'];

/** AOS answers a missing stack or template with these (the 404 family of its appendix). */
const NOT_FOUND = /^SVCSTG\.AOS\.404/;

function stackStatus(stack: Raw, running: boolean): ConsoleStatus {
  const status = String(stack.status ?? '');
  if (running || status === 'Processing') return 'deploying';
  if (status === 'Running') return 'running';
  if (status === 'Abnormal') return 'failed';
  if (status === 'Stopped' || status === 'PartialStopped' || status === 'Pending') return 'stopped';
  return 'unknown';
}

const phaseOf = (execution: Raw) => String(obj(obj(execution.status).objectStatus).phase ?? '');
const executionRunning = (execution: Raw) => /^(Running|Pending|Processing)$/.test(phaseOf(execution));

function executionStatus(execution: Raw, waiting: boolean): RolloutStatus {
  const phase = phaseOf(execution);
  if (waiting) return 'waiting';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (phase === 'Pending') return 'preparing';
  if (phase === 'Cancelled') return 'aborted';
  return 'running';
}

function elementStatus(phase: string): BatchStatus {
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (phase === 'Running' || phase === 'Processing') return 'running';
  if (phase === 'Cancelled') return 'aborted';
  return 'pending';
}

const unsupported = (what: string): never => {
  throw new HttpError(400, 'UnsupportedByProduct', `Application Orchestration has no ${what}.`);
};

/**
 * Huawei Cloud AOS onto the console model: a stack is an application, an execution a rollout, its
 * elements the batches. The newest execution of a stack that failed waits for an operator: confirm =
 * lifecycle `retry` (bound to the failed element shown), abort and roll back = lifecycle `rollback`.
 * Console ids: application = the stack id; rollout = `<stackId>.<actionId>`; batch = the element id.
 */
export class AosProvider implements ApplicationProvider, InsightsProvider {
  /** Shared with the product's family handlers, so both see one cache. */
  readonly gateway: HuaweiGateway;

  constructor(
    client: HuaweiClient,
    readonly projectId: string,
    private readonly regionId: string,
    readCacheMs = 1_000,
  ) {
    this.gateway = new HuaweiGateway(client, (code) => NOT_FOUND.test(code), readCacheMs);
  }

  private read(path: string, query: HuaweiCall['query'] = {}, fresh = false): Promise<unknown> {
    return this.gateway.read(path, query, fresh);
  }

  private write(method: 'PUT' | 'DELETE' | 'POST', path: string, json?: unknown) {
    return this.gateway.write(method, path, json);
  }

  private stacks(name?: string): Promise<Raw[]> {
    return this.read('/v2/stacks', { project_id: this.projectId, name }).then(arr);
  }

  private stack(id: string, fresh = false): Promise<Raw> {
    return this.read(`/v2/stacks/${encodeURIComponent(id)}`, {}, fresh).then(obj);
  }

  /** The newest ten executions, newest first (the seed's list without `last`). */
  private executions(stackId: string, fresh = false): Promise<Raw[]> {
    return this.read(`/v2/stacks/${encodeURIComponent(stackId)}/actions`, {}, fresh).then(arr);
  }

  private elements(stackId: string, fresh = false): Promise<Raw[]> {
    return this.read(`/v2/stacks/${encodeURIComponent(stackId)}/elements`, {}, fresh).then(arr);
  }

  async listNamespaces(): Promise<Namespace[]> {
    return [{ id: this.projectId, name: this.regionId, regionId: this.regionId }];
  }

  async listInstanceSpecifications(): Promise<InstanceSpecification[]> {
    return [];
  }

  private rolloutIdOf(stackId: string, execution: Raw): string {
    return `${stackId}.${String(obj(execution.metadata).name ?? '')}`;
  }

  private async summarize(stack: Raw): Promise<ApplicationSummary> {
    const id = String(stack.guid ?? stack.id);
    const latest = (await this.executions(id).catch(() => [] as Raw[]))[0];
    const elements = await this.elements(id).catch(() => [] as Raw[]);
    const running = latest !== undefined && executionRunning(latest);
    return {
      id,
      name: String(stack.name ?? id),
      description: str(stack.description),
      namespaceId: this.projectId,
      regionId: this.regionId,
      instances: elements.length,
      runningInstances: elements.filter((e) => obj(e.action_status).phase === 'Succeeded').length,
      status: stackStatus(stack, running),
      native: {
        currentStatus: String(stack.status ?? 'Unknow'),
        subStatus: str(obj(obj(stack.object).status).phase),
        lastChangeOrderId: latest ? this.rolloutIdOf(id, latest) : undefined,
        lastChangeOrderStatus: latest
          ? `${String(obj(latest.spec).actionName ?? '')} ${phaseOf(latest)}`
          : undefined,
        lastChangeOrderRunning: running,
      },
      tags: Object.entries(obj(stack.labels)).map(([k, v]) => ({ key: k, value: String(v) })),
    };
  }

  async listApplications(query: ApplicationListQuery): Promise<ApplicationPage> {
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (query.namespaceId && query.namespaceId !== this.projectId) return empty;
    let stacks = await this.stacks();
    if (query.q) stacks = stacks.filter((s) => String(s.name ?? '').includes(query.q as string));
    if (query.tag) {
      const [k, v] = query.tag.split('=');
      stacks = stacks.filter((s) => {
        const labels = obj(s.labels);
        return k !== undefined && k in labels && (v === undefined || String(labels[k]) === v);
      });
    }
    const start = (query.page - 1) * query.pageSize;
    if (query.status) {
      const all = await Promise.all(stacks.map((s) => this.summarize(s)));
      const matching = all.filter((s) => s.status === query.status);
      return { ...empty, items: matching.slice(start, start + query.pageSize), total: matching.length };
    }
    const items = await Promise.all(
      stacks.slice(start, start + query.pageSize).map((s) => this.summarize(s)),
    );
    return { ...empty, items, total: stacks.length };
  }

  async getApplication(appId: string): Promise<ApplicationDetail> {
    const stack = await this.stack(appId);
    const summary = await this.summarize(stack);
    return {
      ...summary,
      createTime: hwTime(stack.create_at),
      config: {
        packageType: `${String(stack.template_name ?? '')} ${String(stack.template_version ?? '')}`.trim(),
        cpu: 0,
        memory: 0,
        replicas: summary.instances,
        envs: Object.entries(obj(safeJson(stack.inputs_json))).map(([name, value]) => ({
          name,
          value: String(value),
        })),
        raw: stack,
      },
      groups: [],
    };
  }

  /** A stack's health: its elements by the phase of their last action, and by type. */
  async healthBreakdown(stackId: string): Promise<HealthBreakdown> {
    const elements = await this.elements(stackId);
    return {
      total: elements.length,
      dimensions: [
        {
          dimension: 'elementStatus',
          counts: countBy(elements, (e) => String(obj(e.action_status).phase ?? 'Unknown')),
        },
        { dimension: 'elementType', counts: countBy(elements, (e) => String(e.type ?? 'Unknown')) },
      ],
    };
  }

  /** A stack's elements stand for its instances: what the template made, with its state. */
  async listInstances(appId: string): Promise<Instance[]> {
    const elements = await this.elements(appId);
    return elements.map((e) => ({
      id: String(e.id),
      groupId: String(e.type ?? ''),
      status: String(obj(e.action_status).phase ?? 'Unknown'),
      restarts: 0,
      version: str(obj(e.action_status).subActionName),
      createdAt: time(e.create_at),
    }));
  }

  async listVersions(): Promise<Version[]> {
    return [];
  }

  async listEvents(appId: string): Promise<AppEvent[]> {
    const executions = await this.executions(appId);
    return executions.map((x) => {
      const status = obj(obj(x.status).objectStatus);
      return {
        kind: 'Execution',
        objectName: String(obj(x.metadata).name ?? ''),
        type: status.phase === 'Failed' ? 'Warning' : 'Normal',
        reason: `${String(obj(x.spec).actionName ?? '')} ${String(status.phase ?? '')}`,
        message: String(status.message ?? ''),
        firstTimestamp: hwTime(obj(x.metadata).creationTimestamp) ?? '',
        lastTimestamp: hwTime(status.updateAt ?? obj(x.metadata).creationTimestamp) ?? '',
      };
    });
  }

  async usage(appId: string): Promise<UsageSnapshot> {
    const elements = await this.elements(appId);
    return {
      monthToDate: null,
      now: { cpuCores: 0, memoryGiB: 0 },
      runningInstances: elements.filter((e) => obj(e.action_status).phase === 'Succeeded').length,
    };
  }

  private summary(stackId: string, execution: Raw, waiting: boolean): RolloutSummary {
    const spec = obj(execution.spec);
    const phase = phaseOf(execution);
    const elements = Object.keys(obj(obj(execution.status).subObjectStatuses));
    return {
      id: this.rolloutIdOf(stackId, execution),
      appId: stackId,
      type: String(spec.actionName ?? ''),
      typeLabel: String(spec.actionName ?? ''),
      status: executionStatus(execution, waiting),
      nativeStatus: phase === 'Succeeded' ? 1 : phase === 'Failed' ? 2 : 0,
      nativeStatusName: phase,
      batchCount: elements.length,
      batchType: String(spec.onFailureStrategy ?? ''),
      description: str(obj(obj(execution.status).objectStatus).message),
      createTime: hwTime(obj(execution.metadata).creationTimestamp),
      finishTime: executionRunning(execution)
        ? undefined
        : hwTime(obj(obj(execution.status).objectStatus).updateAt),
    };
  }

  async listRollouts(appId: string, page: number, pageSize: number): Promise<RolloutPage> {
    const executions = await this.executions(appId);
    const start = (page - 1) * pageSize;
    return {
      items: executions
        .slice(start, start + pageSize)
        .map((x, i) => this.summary(appId, x, start + i === 0 && phaseOf(x) === 'Failed')),
      total: executions.length,
      page,
      pageSize,
    };
  }

  private parseRollout(id: string): { stackId: string; actionId: string } {
    const dot = id.indexOf('.');
    if (dot <= 0 || dot === id.length - 1) {
      throw new HttpError(
        400,
        'InvalidInput',
        `"${id}" is not a stack execution id (<stackId>.<actionId>).`,
        {
          field: 'rolloutId',
        },
      );
    }
    return { stackId: id.slice(0, dot), actionId: id.slice(dot + 1) };
  }

  async getRollout(id: string, options: { fresh?: boolean } = {}): Promise<Rollout> {
    const fresh = options.fresh ?? false;
    const { stackId, actionId } = this.parseRollout(id);
    const [executions, stack, elements] = await Promise.all([
      this.executions(stackId, fresh),
      this.stack(stackId, fresh),
      this.elements(stackId, fresh),
    ]);
    const index = executions.findIndex((x) => String(obj(x.metadata).name) === actionId);
    const execution = executions[index];
    if (!execution) throw new NotFoundError(`Stack ${stackId} has no recent execution ${actionId}.`);
    // Only the newest execution can be retried or rolled back: a later one replaced an older failure.
    const failedLatest = index === 0 && phaseOf(execution) === 'Failed';
    const subs = Object.entries(obj(obj(execution.status).subObjectStatuses)).map(([name, s]) => ({
      name,
      s: obj(s),
    }));
    const batches: Batch[] = subs.map(({ name, s }, i) => {
      const status = elementStatus(String(s.phase ?? ''));
      return {
        id: name,
        index: i + 1,
        name,
        status,
        nativeStatus: 0,
        ...batchTimes(status, time(s.createAt), time(s.updateAt)),
      };
    });
    const failed = failedLatest ? batches.find((b) => b.status === 'failed') : undefined;
    const summary = this.summary(stackId, execution, failed !== undefined);
    const rollbackable = failedLatest && str(stack.previous_template_id) !== undefined;
    const finished = {
      allowed: false,
      reason: 'The execution has not failed.',
      code: 'noWaitingBatch' as const,
    };
    return {
      ...summary,
      appName: str(stack.name),
      subStatus: 0,
      errorMessage:
        phaseOf(execution) === 'Failed' ? str(obj(obj(execution.status).objectStatus).message) : undefined,
      waitingBatch: failed
        ? { id: failed.id, index: failed.index, name: failed.name, instanceCount: 1 }
        : null,
      health: {
        healthy: elements.filter((e) => obj(e.action_status).phase === 'Succeeded').length,
        total: elements.length,
      },
      batches,
      actions: {
        confirm: failed ? { allowed: true } : finished,
        abort: {
          allowed: false,
          reason: 'AOS cannot cancel an execution: wait for it, then retry or roll back.',
          code: 'unsupported' as const,
        },
        abortAndRollback: rollbackable
          ? { allowed: true }
          : {
              allowed: false,
              reason: 'Only the newest failed upgrade of a stack can be rolled back.',
              code: 'unsupported' as const,
            },
      },
    };
  }

  async getBatch(id: string, batchId: string): Promise<BatchDetail> {
    const { stackId, actionId } = this.parseRollout(id);
    const executions = await this.executions(stackId);
    const execution = executions.find((x) => String(obj(x.metadata).name) === actionId);
    const sub = obj(obj(obj(execution?.status).subObjectStatuses)[batchId]);
    if (!execution || Object.keys(sub).length === 0) {
      throw new NotFoundError(`Execution ${actionId} has no element "${batchId}".`);
    }
    return {
      id: batchId,
      name: batchId,
      status: sub.phase === 'Succeeded' ? 2 : sub.phase === 'Failed' ? 3 : 1,
      stages: [
        {
          id: batchId,
          name: `${String(sub.subActionName ?? '')} ${batchId}`,
          status: sub.phase === 'Succeeded' ? 2 : sub.phase === 'Failed' ? 3 : 1,
          tasks: [
            {
              id: String(sub.reason ?? sub.phase ?? ''),
              name: String(sub.phase ?? ''),
              status: 0,
              message: str(sub.message),
              ...(sub.phase === 'Failed'
                ? { errorCode: str(sub.reason), errorMessage: str(sub.message) }
                : {}),
            },
          ],
        },
      ],
    };
  }

  private async lifecycle(stackId: string, lifecycle: 'retry' | 'rollback' | 'create') {
    const { body, requestId } = await this.write('PUT', `/v2/stacks/${encodeURIComponent(stackId)}/actions`, {
      lifecycle,
    });
    return { body, requestId };
  }

  /** A retry is a new execution (the answer's `action_id`): the console follows it from the failed one. */
  async confirmBatch(id: string): Promise<{ requestId: string; followUpRolloutId?: string }> {
    const { stackId } = this.parseRollout(id);
    const { body, requestId } = await this.lifecycle(stackId, 'retry');
    const actionId = str(obj(body).action_id);
    const followUp = actionId ? `${stackId}.${actionId}` : await this.latestRolloutId(stackId);
    return { requestId, followUpRolloutId: followUp && followUp !== id ? followUp : undefined };
  }

  private async latestRolloutId(stackId: string): Promise<string | undefined> {
    const latest = (await this.executions(stackId, true).catch(() => [] as Raw[]))[0];
    return latest ? this.rolloutIdOf(stackId, latest) : undefined;
  }

  abort(): Promise<{ requestId: string }> {
    return unsupported('cancel of an execution: wait for it, then retry or roll back');
  }

  async abortAndRollback(id: string): Promise<{ requestId: string; followUpRolloutId?: string }> {
    const { stackId } = this.parseRollout(id);
    const { body, requestId } = await this.lifecycle(stackId, 'rollback');
    const actionId = str(obj(body).action_id);
    const followUp = actionId ? `${stackId}.${actionId}` : await this.latestRolloutId(stackId);
    return { requestId, followUpRolloutId: followUp && followUp !== id ? followUp : undefined };
  }

  /** A stack created without installing (`Pending`) is installed by lifecycle `create`. */
  async start(appId: string): Promise<ChangeOrderRef> {
    const { requestId } = await this.lifecycle(appId, 'create');
    const latest = (await this.executions(appId, true).catch(() => [] as Raw[]))[0];
    return { changeOrderId: latest ? this.rolloutIdOf(appId, latest) : '', requestId };
  }

  async delete(appId: string): Promise<ChangeOrderRef> {
    const { requestId } = await this.write('DELETE', `/v2/stacks/${encodeURIComponent(appId)}`);
    return { changeOrderId: '', requestId };
  }

  deploy(): Promise<ChangeOrderRef> {
    return unsupported('deploy of an image or package: upgrade the stack with a template and inputs');
  }

  stop(): Promise<ChangeOrderRef> {
    return unsupported('stop of a stack');
  }

  restart(): Promise<ChangeOrderRef> {
    return unsupported('restart of a stack');
  }

  restartInstances(): Promise<ChangeOrderRef> {
    return unsupported('restart of chosen elements');
  }

  removeInstances(): Promise<ChangeOrderRef> {
    return unsupported('removal of chosen elements');
  }

  instanceLog(): Promise<string> {
    return unsupported('element logs');
  }

  scale(): Promise<ChangeOrderRef> {
    return unsupported('scale from this view: upgrade the stack with new instance counts');
  }

  resize(): Promise<ChangeOrderRef> {
    return unsupported('change of CPU and memory in place');
  }

  rollback(): Promise<ChangeOrderRef> {
    return unsupported('rollback to a version from this view: roll back the failed execution');
  }
}

function safeJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return {};
  }
}
