import type { AosLifecycle, AosStackPhase, AosStackStatus } from '@console/catalogue';
import type { AosElement, AosExecution, AosStack, AosTemplate, ExecutionPlan, ExecutionStep } from './model';
import type { AosStore } from './store';
import { isAppType, type NodeTemplate, resolveInputs, type TemplateDoc } from './template';

/**
 * Time on the simulated clock. A step is one node's sub-action; volumes and databases take longer,
 * deletes are quicker. An execution's steps run one after the other from the moment it is created.
 */
export const STEP_MS = 4_000;
export const SLOW_STEP_MS = 12_000;
export const DELETE_STEP_MS = 3_000;
export const SLOW_DELETE_STEP_MS = 15_000;
/** Execution records kept per stack. */
export const MAX_EXECUTIONS = 50;
/** A delete of a stack whose resources were never created takes one short step. */
export const EMPTY_DELETE_MS = 1_000;

const SLOW_TYPES = /(Volume|EVS|RDS|DCS|Database|NodePool|Cluster)/;

/**
 * Failure markers (the simulator's documented way to make a lifecycle fail):
 * - an input value `fail` (or an image ending in `:fail`) fails create / upgrade / scale at the first
 *   node using that input; a `retry` then succeeds (a transient fault, e.g. an image pull timeout);
 * - `fail-always` (or `:fail-always`) fails the retries as well: only rollback or a new upgrade help;
 * - `fail-delete` makes delete fail (DeleteFailed), after which `DELETE …?force=true` removes the stack.
 * Rollback never fails.
 */
export function markerOf(value: unknown): 'fail' | 'fail-always' | 'fail-delete' | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v === 'fail-always' || v.endsWith(':fail-always')) return 'fail-always';
  if (v === 'fail-delete') return 'fail-delete';
  if (v === 'fail' || v.endsWith(':fail')) return 'fail';
  return undefined;
}

const ING: Record<Exclude<AosLifecycle, 'retry'>, AosStackPhase> = {
  create: 'Creating',
  delete: 'Deleting',
  upgrade: 'Upgrading',
  rollback: 'Rollbacking',
};
const SUCCEEDED: Record<Exclude<AosLifecycle, 'retry' | 'delete'>, AosStackPhase> = {
  create: 'CreateSucceeded',
  upgrade: 'UpgradeSucceeded',
  rollback: 'RollbackSucceeded',
};
const FAILED: Record<Exclude<AosLifecycle, 'retry'>, AosStackPhase> = {
  create: 'CreateFailed',
  delete: 'DeleteFailed',
  upgrade: 'UpgradeFailed',
  rollback: 'RollbackFailed',
};

/** The list-filter status a phase shows as (table 4-51). */
export function statusOf(phase: AosStackPhase): AosStackStatus {
  if (phase === 'Pending') return 'Pending';
  if (phase === 'Running' || phase.endsWith('Succeeded')) return 'Running';
  if (phase.endsWith('Failed') || phase.endsWith('Cancelled')) return 'Abnormal';
  if (phase.endsWith('Paused')) return 'Stopped';
  return 'Processing';
}

export const isSettled = (stack: AosStack): boolean => stack.executions.at(-1)?.phase !== 'Running';

/** Whether the stack's resources were created (an install succeeded at some point). */
export const isInstalled = (stack: AosStack): boolean => [...stack.elements.values()].some((e) => e.exists);

function nodeStepMs(type: string, lifecycle: string): number {
  const slow = SLOW_TYPES.test(type);
  if (lifecycle === 'delete') return slow ? SLOW_DELETE_STEP_MS : DELETE_STEP_MS;
  return slow ? SLOW_STEP_MS : STEP_MS;
}

/** Fresh elements for the template's nodes, with `get_input` resolved. */
export function instantiate(
  doc: TemplateDoc,
  inputs: Record<string, unknown>,
  now: number,
): Map<string, AosElement> {
  const elements = new Map<string, AosElement>();
  for (const node of doc.nodes) elements.set(node.name, elementOf(node, inputs, now));
  return elements;
}

function desiredInstances(node: NodeTemplate, properties: Record<string, unknown>): number {
  if (!isAppType(node.type)) return 0;
  const n = Number(properties.instances ?? properties.replicas ?? 1);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}

function elementOf(node: NodeTemplate, inputs: Record<string, unknown>, now: number): AosElement {
  const properties = resolveInputs(node.properties, inputs) as Record<string, unknown>;
  return {
    id: node.name,
    type: node.type,
    description: node.description,
    properties,
    runtimeProperties: {},
    relationships: node.requirements.map((r) => ({ name: r.name, type: r.relationship, target_id: r.node })),
    createdAt: now,
    updatedAt: now,
    exists: false,
    instances: 0,
  };
}

export interface StartOptions {
  actionName: string;
  source: 'System' | 'User';
  timeoutInMinutes: number;
  onFailureStrategy: 'DoNothing' | 'Rollback';
  plan: ExecutionPlan;
  /** Nodes the steps act on, in order. */
  nodes: string[];
  subActionName: string;
  subObjectNames?: string;
  changedObjectData?: string;
  /** Steps already done by the execution a retry re-runs. */
  done?: ExecutionStep[];
}

/** The stack lifecycle machine: executions created by the API, moved by simulated time. */
export class AosEngine {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: AosStore,
    private readonly templateOf: (id: string) => AosTemplate | undefined,
  ) {}

  /** Starts an execution at `now`; the stack shows the lifecycle's -ing phase until it ends. */
  start(stack: AosStack, options: StartOptions, now: number): AosExecution {
    const stepNodes = options.nodes;
    const steps: ExecutionStep[] = [
      ...(options.done ?? []),
      ...stepNodes.map((node) => ({
        node,
        subActionName: options.subActionName,
        phase: 'Pending' as const,
        message: '',
        reason: '',
      })),
    ];
    const stepMs = steps.map((s) =>
      nodeStepMs(stack.elements.get(s.node)?.type ?? '', options.plan.lifecycle),
    );
    if (steps.length === 0) {
      steps.push({
        node: '',
        subActionName: options.subActionName,
        phase: 'Pending',
        message: '',
        reason: '',
      });
      stepMs.push(EMPTY_DELETE_MS);
    }
    stack.revision += 1;
    const hash = this.store.executionHash();
    const execution: AosExecution = {
      name: `${stack.name}-${hash}`,
      hash,
      uid: this.store.uuid(),
      actionName: options.actionName,
      source: options.source,
      timeoutInMinutes: options.timeoutInMinutes,
      onFailureStrategy: options.onFailureStrategy,
      subObjectNames: options.subObjectNames ?? '',
      changedObjectData: options.changedObjectData ?? '',
      revision: stack.revision,
      resourceVersion: this.store.nextVersion(),
      createdAt: now,
      steps,
      plan: options.plan,
      phase: 'Running',
      message: '',
      reason: '',
      updatedAt: now,
      stepMs,
    };
    stack.executions.push(execution);
    // Ten are listed; a few more are kept for `GET …/actions/{action_id}`.
    if (stack.executions.length > MAX_EXECUTIONS)
      stack.executions.splice(0, stack.executions.length - MAX_EXECUTIONS);
    stack.phase = ING[options.plan.lifecycle];
    stack.status = statusOf(stack.phase);
    stack.updatedAt = now;
    stack.resourceVersion = this.store.nextVersion();
    this.step(stack, execution, now);
    return execution;
  }

  /** Moves every running execution to `now` (never backwards), finishing and removing as due. */
  advanceTo(now: number): void {
    if (now <= this.last) return;
    this.last = now;
    for (const stack of [...this.store.stacks.values()]) {
      const execution = stack.executions.at(-1);
      if (execution?.phase === 'Running') this.step(stack, execution, now);
    }
  }

  private step(stack: AosStack, execution: AosExecution, now: number): void {
    let t = execution.createdAt;
    for (let i = 0; i < execution.steps.length; i++) {
      const step = execution.steps[i] as ExecutionStep;
      if (step.phase === 'Succeeded' && step.endAt !== undefined && step.endAt <= execution.createdAt)
        continue;
      if (step.phase === 'Succeeded' || step.phase === 'Failed') {
        t = step.endAt ?? t;
        if (step.phase === 'Failed') return;
        continue;
      }
      if (now < t) return;
      const element = stack.elements.get(step.node);
      if (step.phase === 'Pending') {
        step.phase = 'Running';
        step.startAt = t;
        if (element)
          element.action = { subActionName: step.subActionName, phase: 'Running', createAt: t, updateAt: t };
        execution.updatedAt = t;
      }
      const due = t + (execution.stepMs[i] ?? STEP_MS);
      // `timeout` (minutes, 0 = none) bounds the whole execution: the running step fails at the deadline.
      const deadline =
        execution.timeoutInMinutes > 0 ? execution.createdAt + execution.timeoutInMinutes * 60_000 : Infinity;
      const end = Math.min(due, deadline);
      if (now < end) return;
      step.endAt = end;
      execution.updatedAt = end;
      if (end < due) {
        step.phase = 'Failed';
        step.reason = 'Timeout';
        step.message = `${step.subActionName} ${step.node} timed out after ${execution.timeoutInMinutes} minutes`;
        if (element)
          element.action = { subActionName: step.subActionName, phase: 'Failed', createAt: t, updateAt: end };
        this.finish(stack, execution, end, false, step.message, 'Timeout');
        return;
      }
      if (execution.plan.failAt === i) {
        step.phase = 'Failed';
        step.reason = 'ExecutionFailed';
        step.message = this.failureMessage(stack, execution, step);
        if (element)
          element.action = { subActionName: step.subActionName, phase: 'Failed', createAt: t, updateAt: end };
        this.finish(stack, execution, end, false, step.message);
        return;
      }
      step.phase = 'Succeeded';
      if (element) {
        this.apply(stack, execution, element, end);
        element.action = {
          subActionName: step.subActionName,
          phase: 'Succeeded',
          createAt: t,
          updateAt: end,
        };
      }
      t = end;
    }
    this.finish(stack, execution, t, true, '');
  }

  private failureMessage(stack: AosStack, execution: AosExecution, step: ExecutionStep): string {
    if (execution.plan.lifecycle === 'delete') return `failed to delete ${step.node}: resource is in use`;
    const element = stack.elements.get(step.node);
    const image = element?.properties.image;
    return typeof image === 'string' && markerOf(image)
      ? `failed to ${step.subActionName} ${step.node}: pull image ${image} timed out`
      : `failed to ${step.subActionName} ${step.node}: the resource did not become ready`;
  }

  /** A step's effect on its element, when the step succeeds. */
  private apply(stack: AosStack, execution: AosExecution, element: AosElement, at: number): void {
    const plan = execution.plan;
    element.updatedAt = at;
    if (plan.lifecycle === 'delete') {
      element.exists = false;
      element.runtimeProperties = {};
      element.instances = 0;
      return;
    }
    const doc = this.templateOf(plan.templateId)?.doc;
    const node = doc?.nodes.find((n) => n.name === element.id);
    if (node) element.properties = resolveInputs(node.properties, plan.inputs) as Record<string, unknown>;
    element.instances =
      plan.instances?.[element.id] ?? (node ? desiredInstances(node, element.properties) : 0);
    if (!element.exists) {
      element.exists = true;
      element.createdAt = at;
      element.runtimeProperties = this.runtimeProperties(stack, element);
    }
    if (isAppType(element.type)) {
      element.runtimeProperties.instanceCount = element.instances;
      if (typeof element.properties.image === 'string')
        element.runtimeProperties.image = element.properties.image;
    }
  }

  private runtimeProperties(stack: AosStack, element: AosElement): Record<string, unknown> {
    const refID = this.store.uuid();
    const name =
      typeof element.properties.name === 'string' && element.properties.name !== ''
        ? element.properties.name
        : `${stack.name}-${element.id}`;
    const out: Record<string, unknown> = { refID, refName: name };
    for (const [key, value] of Object.entries(element.properties)) {
      if (value && typeof value === 'object' && 'get_reference' in value) {
        const target = stack.elements.get(String((value as { get_reference: unknown }).get_reference));
        if (target?.runtimeProperties.refID) out[key] = target.runtimeProperties.refID;
      }
    }
    if (/VPC\.Subnet$/.test(element.type)) {
      out.neutron_network_id = refID;
      out.neutron_subnet_id = this.store.uuid();
    }
    if (/ECS\.CloudServer$/.test(element.type)) {
      out.floatingIpId = this.store.uuid();
      out.privateIp = `192.168.1.${this.store.ids.int(10, 250)}`;
    }
    if (isAppType(element.type) || /\.CCE\./.test(element.type)) {
      out.clusterID = stack.clusterId;
      out.namespace = stack.namespace;
    }
    return out;
  }

  private finish(
    stack: AosStack,
    execution: AosExecution,
    at: number,
    ok: boolean,
    message: string,
    reason = 'ExecutionFailed',
  ): void {
    const plan = execution.plan;
    execution.phase = ok ? 'Succeeded' : 'Failed';
    execution.message = message;
    execution.reason = ok ? '' : reason;
    execution.updatedAt = at;
    execution.resourceVersion = this.store.nextVersion();
    stack.updatedAt = at;
    stack.resourceVersion = this.store.nextVersion();
    if (plan.lifecycle === 'delete') {
      if (ok) this.store.stacks.delete(stack.guid);
      else {
        stack.phase = FAILED.delete;
        stack.status = statusOf(stack.phase);
        stack.healthMessage = message;
      }
      return;
    }
    if (!ok) {
      stack.phase = FAILED[plan.lifecycle];
      stack.status = statusOf(stack.phase);
      stack.healthMessage = message;
      if (plan.lifecycle === 'create' && execution.onFailureStrategy === 'Rollback')
        this.undoCreate(stack, execution, at);
      return;
    }
    if (plan.lifecycle === 'rollback') {
      stack.previousTemplateId = '';
      stack.previousInputs = undefined;
    }
    stack.templateId = plan.templateId;
    stack.inputs = { ...plan.inputs };
    // A new template may have dropped nodes: their resources go with the upgrade.
    const doc = this.templateOf(plan.templateId)?.doc;
    if (doc)
      for (const id of [...stack.elements.keys()])
        if (!doc.nodes.some((n) => n.name === id)) stack.elements.delete(id);
    stack.phase = SUCCEEDED[plan.lifecycle];
    stack.status = statusOf(stack.phase);
    stack.healthMessage = '';
  }

  /** `failure_strategy: Rollback` on create: what was created is removed again, within the execution. */
  private undoCreate(stack: AosStack, execution: AosExecution, at: number): void {
    for (const element of stack.elements.values()) {
      if (!element.exists) continue;
      element.exists = false;
      element.runtimeProperties = {};
      element.instances = 0;
      element.updatedAt = at;
      element.action = { subActionName: 'delete', phase: 'Succeeded', createAt: at, updateAt: at };
    }
    execution.message = `${execution.message}; the created resources were rolled back`;
    execution.reason = 'RolledBack';
  }

  /** Re-instantiates the elements for an upgrade to another template (new nodes do not exist yet). */
  adoptTemplate(stack: AosStack, doc: TemplateDoc, inputs: Record<string, unknown>, now: number): void {
    for (const node of doc.nodes) {
      if (stack.elements.has(node.name)) continue;
      stack.elements.set(node.name, elementOf(node, inputs, now));
    }
  }
}

/** Index of the step the markers make fail, if any (see `markerOf`). */
export function failIndex(
  lifecycle: Exclude<AosLifecycle, 'retry'>,
  doc: TemplateDoc | undefined,
  nodes: string[],
  inputs: Record<string, unknown>,
  retry: boolean,
  offset = 0,
): number | undefined {
  if (lifecycle === 'rollback' || nodes.length === 0) return undefined;
  const marked = Object.entries(inputs).filter(([, v]) => {
    const m = markerOf(v);
    if (lifecycle === 'delete') return m === 'fail-delete';
    return m === 'fail-always' || (m === 'fail' && !retry);
  });
  if (marked.length === 0) return undefined;
  if (lifecycle === 'delete') return offset + nodes.length - 1;
  const names = new Set(marked.map(([k]) => k));
  const uses = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.some(uses)
      : value !== null && typeof value === 'object'
        ? 'get_input' in value
          ? names.has(String((value as { get_input: unknown }).get_input))
          : Object.values(value).some(uses)
        : false;
  const byName = new Map((doc?.nodes ?? []).map((n) => [n.name, n]));
  const at = nodes.findIndex((n) => uses(byName.get(n)?.properties));
  return offset + (at >= 0 ? at : nodes.length - 1);
}
