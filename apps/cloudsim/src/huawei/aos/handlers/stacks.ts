import { type AosLifecycle, aosFailureStrategies, aosLifecycles, aosStackStatuses } from '@console/catalogue';
import { type AosContext, type AosHandlers, boolQuery, jsonBody, stackById } from '../context';
import { failIndex, instantiate, isInstalled, isSettled } from '../engine';
import { type AosExecution, type AosStack, type AosTemplate, aosError } from '../model';
import { STACK_QUOTA } from '../store';
import { isAppType, maskedInputs, resolveInputs, resolveStackInputs } from '../template';
import { elementView, executionView, instanceItems, outputsView, stackView } from '../views';
import { descriptionOk, TEMPLATE_NAME } from './templates';

const ID = /^[A-Za-z0-9-]{1,64}$/;
const PROJECT_ID = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const LABEL = /^[a-zA-Z0-9_]+[-.a-zA-Z0-9_]*$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const NODE_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const ACTION_ID = /^[A-Za-z0-9]([-A-Za-z0-9.]{0,62}[A-Za-z0-9])?$/;
/** 查询堆栈执行记录列表 without `last`: the newest ten. */
export const EXECUTIONS_LISTED = 10;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const labelOk = (s: string) => s.length >= 1 && s.length <= 64 && LABEL.test(s);

function templateOf(ctx: AosContext, id: string): AosTemplate | undefined {
  return ctx.store.templates.get(id);
}

function lookupTemplate(ctx: AosContext, id: unknown): AosTemplate {
  if (typeof id !== 'string' || !ID.test(id))
    throw aosError('stackTemplateIdInvalid', 'template_id: 1-64 characters');
  const template = templateOf(ctx, id);
  if (!template) throw aosError('templateNotFound', `template ${id} does not exist`);
  return template;
}

/** `inputs_json` / `inputs`: an object (the tables' Object) or a JSON string of one (the prose example). */
function inputsObject(raw: unknown, field: string): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === '') return {};
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw aosError('inputsInvalid', `${field} must be a JSON object`);
    }
  }
  if (!isObject(value)) throw aosError('inputsInvalid', `${field} must be a JSON object`);
  return value;
}

function timeoutOf(raw: unknown): number {
  if (raw === undefined || raw === null) return 60;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 1440)
    throw aosError('timeoutRange', 'timeout is in minutes, [0, 1440]');
  return raw;
}

function strategyOf(raw: unknown): 'DoNothing' | 'Rollback' {
  if (raw === undefined || raw === null || raw === '') return 'DoNothing';
  if (!(aosFailureStrategies as readonly unknown[]).includes(raw))
    throw aosError('failureStrategyInvalid', 'failure_strategy is DoNothing or Rollback');
  return raw as 'DoNothing' | 'Rollback';
}

function lastActionId(stack: AosStack): string {
  return stack.executions.at(-1)?.name ?? '';
}

function assertSettled(stack: AosStack): void {
  const running = stack.executions.at(-1);
  if (running && !isSettled(stack))
    throw aosError('executionConflict', `execution ${running.name} (${running.actionName}) is still running`);
}

function encodeChange(stack: AosStack, template: AosTemplate, inputs: Record<string, unknown>): string {
  const changed = Object.fromEntries(Object.entries(inputs).filter(([k, v]) => stack.inputs[k] !== v));
  return Buffer.from(JSON.stringify(maskedInputs(template.doc, changed))).toString('base64');
}

function startDelete(
  ctx: AosContext,
  stack: AosStack,
  source: 'System' | 'User',
  timeout = 60,
): AosExecution {
  stack.deleteAttempted = true;
  const doc = templateOf(ctx, stack.templateId)?.doc;
  const nodes = [...stack.elements.values()]
    .filter((e) => e.exists)
    .map((e) => e.id)
    .reverse();
  const failAt = failIndex('delete', doc, nodes, stack.inputs, false);
  return ctx.engine.start(
    stack,
    {
      actionName: 'delete',
      source,
      timeoutInMinutes: timeout,
      onFailureStrategy: 'DoNothing',
      plan: {
        lifecycle: 'delete',
        templateId: stack.templateId,
        inputs: stack.inputs,
        ...(failAt === undefined ? {} : { failAt }),
      },
      nodes,
      subActionName: 'delete',
    },
    ctx.now,
  );
}

function startCreate(
  ctx: AosContext,
  stack: AosStack,
  options: { source: 'System' | 'User'; timeout: number; strategy: 'DoNothing' | 'Rollback' },
): AosExecution {
  const doc = templateOf(ctx, stack.templateId)?.doc;
  const nodes = (doc?.nodes ?? []).map((n) => n.name).filter((n) => !stack.elements.get(n)?.exists);
  const failAt = failIndex('create', doc, nodes, stack.inputs, false);
  return ctx.engine.start(
    stack,
    {
      actionName: 'create',
      source: options.source,
      timeoutInMinutes: options.timeout,
      onFailureStrategy: options.strategy,
      plan: {
        lifecycle: 'create',
        templateId: stack.templateId,
        inputs: stack.inputs,
        ...(failAt === undefined ? {} : { failAt }),
      },
      nodes,
      subActionName: 'create',
    },
    ctx.now,
  );
}

interface LifecycleRequest {
  lifecycle: AosLifecycle;
  strategy: 'DoNothing' | 'Rollback';
  timeout: number;
  nodes?: { name: string; instances?: number }[];
  inputs: Record<string, unknown>;
  inputsGiven: boolean;
  template?: AosTemplate;
}

function readLifecycle(ctx: AosContext): LifecycleRequest {
  const body = jsonBody(ctx, 'lifecycleBodyInvalid');
  const lifecycle = body.lifecycle;
  if (typeof lifecycle !== 'string' || !Object.hasOwn(aosLifecycles, lifecycle))
    throw aosError('lifecycleInvalid', 'lifecycle is create, delete, upgrade, rollback or retry');
  const strategy = strategyOf(body.failure_strategy);
  if (strategy === 'Rollback' && lifecycle !== 'create')
    throw aosError(
      'failureStrategyUnsupported',
      'only the create lifecycle supports failure_strategy Rollback',
    );
  const timeout = timeoutOf(body.timeout);
  let nodes: LifecycleRequest['nodes'];
  if (body.nodes !== undefined && body.nodes !== null) {
    if (!Array.isArray(body.nodes)) throw aosError('lifecycleBodyInvalid', 'nodes must be an array');
    nodes = body.nodes.map((node) => {
      if (!isObject(node) || typeof node.name !== 'string' || !NODE_ID.test(node.name))
        throw aosError('nodeNameInvalid', 'every node needs a name (1-64 characters)');
      if (node.parameters === undefined || node.parameters === null) return { name: node.name };
      if (!isObject(node.parameters))
        throw aosError('lifecycleBodyInvalid', 'nodes[].parameters must be an object');
      const instances = node.parameters.instances;
      if (instances === undefined || instances === null) throw aosError('scaleCountMissing');
      if (typeof instances !== 'number' || !Number.isInteger(instances) || instances < 0 || instances > 100)
        throw aosError('scaleCountRange');
      return { name: node.name, instances };
    });
  }
  const template =
    body.template_id === undefined || body.template_id === ''
      ? undefined
      : lookupTemplate(ctx, body.template_id);
  const inputsGiven = body.inputs !== undefined && body.inputs !== null && body.inputs !== '';
  return {
    lifecycle: lifecycle as AosLifecycle,
    strategy,
    timeout,
    ...(nodes ? { nodes } : {}),
    inputs: inputsObject(body.inputs, 'inputs'),
    inputsGiven,
    ...(template ? { template } : {}),
  };
}

function upgrade(ctx: AosContext, stack: AosStack, request: LifecycleRequest): AosExecution {
  if (!isInstalled(stack))
    throw aosError('lifecycleInvalid', 'the stack has not been created; run create first');
  const current = templateOf(ctx, stack.templateId);
  const template = request.template ?? current;
  if (!template) throw aosError('templateNotFound', `template ${stack.templateId} does not exist`);
  const doc = template.doc;
  const templateChanged = template.id !== stack.templateId;
  const given = { ...request.inputs };
  const scaled = (request.nodes ?? []).filter((n) => n.instances !== undefined);
  for (const node of request.nodes ?? [])
    if (!stack.elements.has(node.name))
      throw aosError('nodeNotInStack', `node ${node.name} is not in the stack`);
  for (const node of scaled) {
    const spec = doc.nodes.find((n) => n.name === node.name);
    if (!spec || !isAppType(spec.type) || /StatefulSet/.test(spec.type))
      throw aosError('upgradeUnsupported', `node ${node.name} is not a stateless application`);
    const count = spec.properties.instances ?? spec.properties.replicas;
    const input = isObject(count) && typeof count.get_input === 'string' ? count.get_input : undefined;
    if (!input) throw aosError('scaleInputUndefined', `the instance count of ${node.name} is not an input`);
    if (input in request.inputs) throw aosError('scaleInBoth', `input ${input} is also given in inputs`);
    given[input] = node.instances;
  }
  const next = resolveStackInputs(doc, given, stack.inputs);
  for (const [name, spec] of Object.entries(doc.inputs))
    if (spec.immutable && name in stack.inputs && stack.inputs[name] !== next[name])
      throw aosError('immutableInput', `input ${name} is immutable`);
  const inputsChanged = Object.keys(next).some((k) => next[k] !== stack.inputs[k]);
  if (!templateChanged && !inputsChanged) throw aosError('inputsUnchanged');

  let nodes: string[];
  if (templateChanged) {
    ctx.engine.adoptTemplate(stack, doc, next, ctx.now);
    nodes = doc.nodes.map((n) => n.name);
  } else if (request.nodes && request.nodes.length > 0) {
    nodes = doc.nodes.map((n) => n.name).filter((n) => request.nodes?.some((x) => x.name === n));
  } else {
    const differs = doc.nodes.filter(
      (n) =>
        JSON.stringify(resolveInputs(n.properties, next)) !==
        JSON.stringify(resolveInputs(n.properties, stack.inputs)),
    );
    const apps = doc.nodes.filter((n) => isAppType(n.type));
    nodes = (differs.length > 0 ? differs : apps.length > 0 ? apps : doc.nodes).map((n) => n.name);
  }
  const scale = scaled.length > 0 && !templateChanged && !request.inputsGiven;
  const changedObjectData = encodeChange(stack, template, next);
  // The last good state is what rollback returns to; a failed upgrade keeps the one before it.
  if (stack.status === 'Running') {
    stack.previousTemplateId = stack.templateId;
    stack.previousInputs = { ...stack.inputs };
  }
  stack.templateId = template.id;
  stack.inputs = next;
  const failAt = failIndex('upgrade', doc, nodes, next, false);
  return ctx.engine.start(
    stack,
    {
      actionName: scale ? 'scale' : 'upgrade',
      source: 'User',
      timeoutInMinutes: request.timeout,
      onFailureStrategy: request.strategy,
      plan: {
        lifecycle: 'upgrade',
        templateId: template.id,
        inputs: next,
        ...(failAt === undefined ? {} : { failAt }),
      },
      nodes,
      subActionName: scale ? 'scale' : 'upgrade',
      subObjectNames: (request.nodes ?? []).map((n) => n.name).join(','),
      changedObjectData,
    },
    ctx.now,
  );
}

function rollback(ctx: AosContext, stack: AosStack, request: LifecycleRequest): AosExecution {
  if (!stack.previousInputs) throw aosError('neverUpgraded');
  const templateId = stack.previousTemplateId || stack.templateId;
  const template = templateOf(ctx, templateId);
  if (!template) throw aosError('templateNotFound', `template ${templateId} does not exist`);
  const inputs = { ...stack.previousInputs };
  const existing = template.doc.nodes.filter((n) => stack.elements.has(n.name));
  const differs =
    templateId !== stack.templateId
      ? existing
      : existing.filter(
          (n) =>
            JSON.stringify(resolveInputs(n.properties, inputs)) !==
            JSON.stringify(resolveInputs(n.properties, stack.inputs)),
        );
  const nodes = (differs.length > 0 ? differs : existing).map((n) => n.name);
  return ctx.engine.start(
    stack,
    {
      actionName: 'rollback',
      source: 'User',
      timeoutInMinutes: request.timeout,
      onFailureStrategy: 'DoNothing',
      plan: { lifecycle: 'rollback', templateId, inputs },
      nodes,
      subActionName: 'rollback',
      changedObjectData: encodeChange(stack, template, inputs),
    },
    ctx.now,
  );
}

function retry(ctx: AosContext, stack: AosStack, request: LifecycleRequest): AosExecution {
  const failed = stack.executions.at(-1);
  if (failed?.phase !== 'Failed')
    throw aosError('noExecutionToRetry', failed ? `the last execution ${failed.name} did not fail` : '');
  const done = failed.steps.filter((s) => s.phase === 'Succeeded').map((s) => ({ ...s }));
  const remaining = failed.steps.filter((s) => s.phase !== 'Succeeded' && s.node !== '');
  const lifecycle = failed.plan.lifecycle;
  const doc = templateOf(ctx, failed.plan.templateId)?.doc;
  const nodes = remaining
    .map((s) => s.node)
    .filter((n) => lifecycle !== 'delete' || stack.elements.get(n)?.exists);
  const failAt = failIndex(lifecycle, doc, nodes, failed.plan.inputs, true, done.length);
  const { failAt: _old, ...plan } = failed.plan;
  return ctx.engine.start(
    stack,
    {
      actionName: 'retry',
      source: 'User',
      timeoutInMinutes: request.timeout,
      onFailureStrategy: failed.onFailureStrategy,
      plan: { ...plan, ...(failAt === undefined ? {} : { failAt }) },
      nodes,
      subActionName: remaining[0]?.subActionName ?? failed.actionName,
      subObjectNames: failed.subObjectNames,
      changedObjectData: failed.changedObjectData,
      done,
    },
    ctx.now,
  );
}

function executionsOf(stack: AosStack): AosExecution[] {
  return [...stack.executions].reverse();
}

function viewExecution(ctx: AosContext, stack: AosStack, e: AosExecution) {
  const template = templateOf(ctx, e.plan.templateId);
  return executionView(stack, e, template?.name ?? '', template?.version ?? '');
}

/** 堆栈管理 (seed 4.8–4.18). */
export const stackHandlers: AosHandlers = {
  CreateStack: (ctx) => {
    const body = jsonBody(ctx, 'stackParamsInvalid');
    const { name, description, labels, force, namespace, cluster_id } = body;
    if (typeof name !== 'string' || !TEMPLATE_NAME.test(name))
      throw aosError(
        'stackNameInvalid',
        'name: 1-64 lowercase letters, digits and -, starting with a letter',
      );
    const projectId =
      body.project_id === undefined || body.project_id === '' ? ctx.req.projectId : body.project_id;
    if (typeof projectId !== 'string' || !PROJECT_ID.test(projectId) || projectId !== ctx.req.projectId)
      throw aosError('stackProjectInvalid', 'project_id must be the project of the token');
    if (description !== undefined && !descriptionOk(description))
      throw aosError('stackDescriptionInvalid', 'description: at most 255 bytes, none of <>()#%&/');
    const template = lookupTemplate(ctx, body.template_id);
    if (labels !== undefined && labels !== null) {
      if (
        !isObject(labels) ||
        Object.entries(labels).some(([k, v]) => !labelOk(k) || typeof v !== 'string' || !labelOk(v))
      )
        throw aosError(
          'stackLabelsInvalid',
          `label keys and values: 1-64 characters matching ${LABEL.source}`,
        );
    }
    if (force !== undefined && typeof force !== 'boolean')
      throw aosError('stackParamsInvalid', 'force must be a boolean');
    if (namespace !== undefined && (typeof namespace !== 'string' || !K8S_NAME.test(namespace)))
      throw aosError('stackParamsInvalid', 'namespace must be a CCE namespace name');
    if (cluster_id !== undefined && (typeof cluster_id !== 'string' || cluster_id.length > 64))
      throw aosError('stackParamsInvalid', 'cluster_id: at most 64 characters');
    const params = body.action_parameters;
    let install: { strategy: 'DoNothing' | 'Rollback'; timeout: number } | undefined;
    if (params !== undefined && params !== null) {
      if (!isObject(params)) throw aosError('stackParamsInvalid', 'action_parameters must be an object');
      const strategy = strategyOf(params.failure_strategy);
      const timeout = timeoutOf(params.timeout);
      if (params.auto_create !== undefined && typeof params.auto_create !== 'boolean')
        throw aosError('stackParamsInvalid', 'action_parameters.auto_create must be a boolean');
      if (params.auto_create !== false) install = { strategy, timeout };
    }
    const given = inputsObject(body.inputs_json, 'inputs_json');
    if (ctx.store.stacksOf(projectId).some((s) => s.name === name))
      throw aosError('stackNameUsed', `The stack name ${name} is already existed.`);
    if (ctx.store.stacksOf(projectId).length >= STACK_QUOTA)
      throw aosError('stackQuota', `at most ${STACK_QUOTA} stacks per project`);
    const inputs = resolveStackInputs(template.doc, given);
    const clusterId = typeof cluster_id === 'string' ? cluster_id : '';
    const stack: AosStack = {
      guid: ctx.store.uuid(),
      name,
      description: typeof description === 'string' ? description : '',
      projectId,
      domainId: ctx.req.domainId || ctx.store.domainId,
      templateId: template.id,
      inputs,
      previousTemplateId: '',
      status: 'Pending',
      phase: 'Pending',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      force: force === true,
      labels: isObject(labels) ? (labels as Record<string, string>) : {},
      clusterId,
      clusterName: clusterId ? `cce-${clusterId.slice(0, 8)}` : '',
      namespace: typeof namespace === 'string' ? namespace : 'default',
      elements: instantiate(template.doc, inputs, ctx.now),
      executions: [],
      revision: 0,
      resourceVersion: ctx.store.nextVersion(),
      deleteAttempted: false,
      healthMessage: '',
    };
    ctx.store.stacks.set(stack.guid, stack);
    if (install) startCreate(ctx, stack, { source: 'System', ...install });
    return { status: 201, body: stackView(stack, template, false) };
  },

  DeleteStack: (ctx) => {
    const stack = stackById(ctx, true);
    const force = boolQuery(ctx, 'force');
    if (force) {
      if (!stack.deleteAttempted)
        throw aosError('deleteParamsInvalid', 'force delete is allowed only after a delete was attempted');
      ctx.store.stacks.delete(stack.guid);
      return { status: 200, body: {} };
    }
    const running = stack.executions.at(-1);
    if (running?.phase === 'Running' && running.plan.lifecycle === 'delete') return { status: 200, body: {} };
    assertSettled(stack);
    startDelete(ctx, stack, 'User');
    return { status: 200, body: {} };
  },

  ExecuteStackLifecycle: (ctx) => {
    const stack = stackById(ctx);
    const request = readLifecycle(ctx);
    assertSettled(stack);
    const last = lastActionId(stack);
    let execution: AosExecution;
    switch (request.lifecycle) {
      case 'create': {
        if (isInstalled(stack) && stack.phase !== 'CreateFailed')
          throw aosError('lifecycleInvalid', 'the stack is already created');
        if (request.inputsGiven) {
          const template = templateOf(ctx, stack.templateId);
          if (template) stack.inputs = resolveStackInputs(template.doc, request.inputs, stack.inputs);
        }
        execution = startCreate(ctx, stack, {
          source: 'User',
          timeout: request.timeout,
          strategy: request.strategy,
        });
        break;
      }
      case 'delete':
        execution = startDelete(ctx, stack, 'User', request.timeout);
        break;
      case 'upgrade':
        execution = upgrade(ctx, stack, request);
        break;
      case 'rollback':
        execution = rollback(ctx, stack, request);
        break;
      case 'retry':
        execution = retry(ctx, stack, request);
        break;
    }
    return { status: 200, body: { action_id: execution.name, last_action_id: last } };
  },

  ListStacks: (ctx) => {
    const q = ctx.req.query;
    // "在普通用户查询时必须": every caller of the simulator is a normal (tenant) user.
    const project = q.get('project_id');
    if (!project) throw aosError('listProjectInvalid', 'project_id is required');
    if (project.length > 64 || project !== ctx.req.projectId)
      throw aosError('listProjectInvalid', 'project_id must be the project of the token');
    const labelFilter: [string, string][] = [];
    const rawLabels = q.get('labels');
    if (rawLabels) {
      for (const pair of rawLabels.split(',')) {
        const [k, v, ...rest] = pair.split('=');
        if (k === undefined || v === undefined || rest.length > 0 || !labelOk(k) || !labelOk(v))
          throw aosError('stackLabelsInvalid', 'labels: key1=value1,key2=value2');
        labelFilter.push([k, v]);
      }
    }
    const templateId = q.get('template_id') || undefined;
    const templateName = q.get('template_name') || undefined;
    const templateVersion = q.get('template_version') || undefined;
    if (templateId && templateName)
      throw aosError('invalidParameters', 'template_id and template_name exclude each other');
    if (templateVersion && !templateName)
      throw aosError('invalidParameters', 'template_version needs template_name');
    const includeStack = boolQuery(ctx, 'include_stack');
    const status = q.get('status') || undefined;
    if (status !== undefined && !Object.hasOwn(aosStackStatuses, status))
      throw aosError('invalidParameter', `status is one of ${Object.keys(aosStackStatuses).join(', ')}`);
    const name = q.get('name') || undefined;
    const dsl = q.get('dsl_version') || undefined;
    const stacks = ctx.store.stacksOf(ctx.req.projectId).filter((s) => {
      const t = templateOf(ctx, s.templateId);
      return (
        labelFilter.every(([k, v]) => s.labels[k] === v) &&
        (!templateId || s.templateId === templateId) &&
        (!templateName || t?.name === templateName) &&
        (!templateVersion || t?.version === templateVersion) &&
        (includeStack === undefined ||
          (t?.doc.nodes.some((n) => /AOS\.Stack$/.test(n.type)) ?? false) === includeStack) &&
        (!status || s.status === status) &&
        (!name || s.name === name) &&
        (!dsl || t?.dslVersion === dsl)
      );
    });
    return { status: 200, body: stacks.map((s) => stackView(s, templateOf(ctx, s.templateId), true)) };
  },

  ShowStack: (ctx) => {
    const stack = stackById(ctx, true);
    return { status: 200, body: stackView(stack, templateOf(ctx, stack.templateId), true) };
  },

  ListStackElements: (ctx) => {
    const stack = stackById(ctx);
    const type = ctx.req.query.get('element_type');
    if (type === '') throw aosError('elementTypeMissing');
    if (type !== null && type.length > 64)
      throw aosError('invalidParameter', 'element_type: 1-64 characters');
    const elements = [...stack.elements.values()].filter(
      (e) =>
        type === null || e.type === type || e.type.endsWith(`.${type}`) || e.type.split('.').includes(type),
    );
    return { status: 200, body: elements.map((e) => elementView(stack, e)) };
  },

  ShowStackElement: (ctx) => {
    const stack = stackById(ctx);
    const nodeId = ctx.params.node_id ?? '';
    if (!NODE_ID.test(nodeId)) throw aosError('nodeIdInvalid', `node_id ${nodeId} is invalid`);
    const element = stack.elements.get(nodeId);
    if (!element) throw aosError('stackNotFound', `element ${nodeId} does not exist in the stack`);
    return {
      status: 200,
      body: { ...elementView(stack, element), instances: { items: instanceItems(stack, element) } },
    };
  },

  ShowStackOutputs: (ctx) => {
    const stack = stackById(ctx);
    return { status: 200, body: { outputs: outputsView(stack, templateOf(ctx, stack.templateId)?.doc) } };
  },

  ShowStackInputs: (ctx) => {
    const stack = stackById(ctx);
    return {
      status: 200,
      body: { inputs: maskedInputs(templateOf(ctx, stack.templateId)?.doc, stack.inputs) },
    };
  },

  ShowStackExecution: (ctx) => {
    const stack = stackById(ctx);
    const actionId = ctx.params.action_id ?? '';
    if (!ACTION_ID.test(actionId)) throw aosError('actionIdInvalid', `action_id ${actionId} is invalid`);
    const execution = stack.executions.find((e) => e.name === actionId);
    if (!execution) throw aosError('stackNotFound', `execution ${actionId} does not exist in the stack`);
    return { status: 200, body: viewExecution(ctx, stack, execution) };
  },

  ListStackExecutions: (ctx) => {
    const stack = stackById(ctx);
    const last = boolQuery(ctx, 'last') ?? false;
    const list = executionsOf(stack).slice(0, last ? 1 : EXECUTIONS_LISTED);
    return { status: 200, body: list.map((e) => viewExecution(ctx, stack, e)) };
  },
};
