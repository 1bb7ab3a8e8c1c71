import {
  AOS_MASK,
  type AosElement,
  type AosElementDetail,
  type AosExecution,
  type AosExecutionDetail,
  type AosInputValue,
  type AosStack,
  type AosStackDetail,
  type AosStackInput,
  type AosStackOutput,
  type AosTemplate,
  type AosTemplateInput,
  type ConsoleStatus,
} from '@console/contract';
import { hwArr as arr, hwNum as num, hwObj as obj, type Raw, hwStr as str, hwTime as time } from '../gateway';

/*
 * AOS answers (seed 003 chapter 4) as the console's shapes. The cloud writes some fields in two ways
 * (tables vs samples): both are read.
 */

const bool = (v: unknown): boolean => v === true || v === 'true';

/**
 * Keys whose value is a credential. The cloud masks secret inputs in `inputs_json` and the inputs API,
 * but an element's properties and the outputs are the template's values with `get_input` resolved, so
 * a password input used there comes back in clear: the console masks those by name.
 */
const SECRET_KEY = /(passw(or)?d|pwd|secret|token|credential|private[-_]?key|access[-_]?key)/i;

/** The value with every entry under a credential-like key replaced by the cloud's mask. */
export function maskSecrets(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key) && value !== null && typeof value !== 'object' && value !== '')
    return AOS_MASK;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)]));
  return value;
}

/** A JSON object the cloud may send as an object or as a JSON string (`inputs_json`, create's `labels`). */
export function jsonObject(v: unknown): Raw {
  if (typeof v === 'string') {
    if (v.trim() === '') return {};
    try {
      return obj(JSON.parse(v));
    } catch {
      return {};
    }
  }
  return obj(v);
}

const stringMap = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(jsonObject(v)).map(([k, x]) => [k, String(x)]));

/** A scalar input value as it is; anything else (a list, a map) as its JSON. */
function inputValue(v: unknown): AosInputValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

export function templateView(t: Raw): AosTemplate {
  return {
    id: String(t.id ?? ''),
    name: String(t.name ?? ''),
    version: String(t.version ?? ''),
    vendor: String(t.vendor ?? ''),
    description: String(t.description ?? ''),
    dslVersion: String(t.dsl_version ?? ''),
    scope: String(t.scope ?? ''),
    mainFileName: String(t.main_file_name ?? ''),
    templateUrl: str(t.template_url),
    originTemplateUrl: str(t.origin_template_url),
    createdAt: time(t.create_at),
    updatedAt: time(t.update_at),
    isUsed: bool(t.is_used),
    // The tables spell it `need_clutser`, the samples `need_cluster`.
    needCluster: bool(t.need_cluster ?? t.need_clutser),
    includeStack: bool(t.include_stack),
  };
}

/** 查询模板输入: a map keyed by input name, in the template's order. */
export function templateInputsView(body: unknown): AosTemplateInput[] {
  return Object.entries(obj(body)).map(([name, raw]) => {
    const spec = obj(raw);
    const constraints = obj(spec.constraints);
    const value = inputValue(spec.default);
    return {
      name,
      type: String(spec.type ?? 'string'),
      required: spec.required === undefined ? value === undefined : bool(spec.required),
      ...(value === undefined ? {} : { default: value }),
      ...(str(spec.description) ? { description: String(spec.description) } : {}),
      ...(str(spec.label) ? { label: String(spec.label) } : {}),
      ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
      advanced: bool(spec.advanced),
      immutable: bool(spec.immutable),
    };
  });
}

const RUNNING = /^(Running|Pending|Processing)$/;

function lastExecutionOf(stack: Raw) {
  const last = obj(obj(obj(stack.object).status).lastExecutionStatus);
  if (Object.keys(last).length === 0) return undefined;
  const status = obj(last.objectStatus);
  return {
    actionName: String(last.actionName ?? ''),
    progress: num(last.progress),
    phase: String(status.phase ?? ''),
    ...(str(status.message) ? { message: String(status.message) } : {}),
  };
}

function consoleStatusOf(status: string, running: boolean): ConsoleStatus {
  if (running || status === 'Processing') return 'deploying';
  if (status === 'Running') return 'running';
  if (status === 'Abnormal') return 'failed';
  if (status === 'Stopped' || status === 'PartialStopped' || status === 'Pending') return 'stopped';
  return 'unknown';
}

export function stackView(stack: Raw): AosStack {
  const status = String(stack.status ?? '') || 'Unknow';
  const lastExecution = lastExecutionOf(stack);
  const health = obj(stack.health);
  return {
    id: String(stack.guid ?? stack.id ?? ''),
    name: String(stack.name ?? ''),
    description: String(stack.description ?? ''),
    consoleStatus: consoleStatusOf(status, lastExecution !== undefined && RUNNING.test(lastExecution.phase)),
    status,
    phase: str(obj(obj(stack.object).status).phase),
    healthy: bool(health.healthy ?? stack.healthy),
    healthMessage: String(health.message ?? stack.healthy_message ?? ''),
    templateId: String(stack.template_id ?? ''),
    templateName: String(stack.template_name ?? ''),
    templateVersion: String(stack.template_version ?? ''),
    createdAt: time(stack.create_at),
    updatedAt: time(stack.update_at),
    labels: stringMap(stack.labels),
    clusterId: String(stack.cluster_id ?? ''),
    clusterName: String(stack.cluster_name ?? ''),
    namespace: String(stack.namespace ?? ''),
    ...(lastExecution ? { lastExecution } : {}),
  };
}

export function stackDetailView(stack: Raw): AosStackDetail {
  const view = stackView(stack);
  const status = obj(obj(stack.object).status);
  const busy = view.lastExecution !== undefined && RUNNING.test(view.lastExecution.phase);
  const previousInputs = str(stack.previous_inputs_json) ? jsonObject(stack.previous_inputs_json) : undefined;
  const previousTemplateId = String(stack.previous_template_id ?? '');
  return {
    ...view,
    projectId: String(stack.project_id ?? ''),
    dslVersion: String(stack.dsl_version ?? ''),
    force: bool(stack.force),
    inputs: jsonObject(stack.inputs_json),
    previousTemplateId,
    ...(previousInputs ? { previousInputs } : {}),
    busy,
    rollbackable: !busy && (previousInputs !== undefined || previousTemplateId !== ''),
    retryable: !busy && view.lastExecution?.phase === 'Failed',
    installed: Object.keys(obj(status.elementStatuses)).length > 0,
    deleteFailed: view.phase === 'DeleteFailed',
  };
}

/** `relationships`: an array in get-element and the samples, an object in the list table. */
function relationshipsOf(v: unknown): AosElement['relationships'] {
  const list = Array.isArray(v) ? (v as Raw[]) : Object.values(obj(v)).map(obj);
  return list.map((r) => ({
    name: String(r.name ?? ''),
    type: String(r.type ?? ''),
    targetId: String(r.target_id ?? ''),
  }));
}

/** `type_hierarchy`: an array in the samples, a string in the table. */
function hierarchyOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' && v !== '' ? v.split(',').map((s) => s.trim()) : [];
}

export function elementView(e: Raw): AosElement {
  const action = obj(e.action_status);
  return {
    id: String(e.id ?? ''),
    type: String(e.type ?? ''),
    description: String(e.description ?? ''),
    phase: String(action.phase ?? '') || 'Pending',
    subActionName: String(action.subActionName ?? ''),
    actionUpdatedAt: time(action.updateAt),
    createdAt: time(e.create_at),
    updatedAt: time(e.update_at),
    typeHierarchy: hierarchyOf(e.type_hierarchy),
    properties: obj(maskSecrets(obj(e.properties))),
    runtimeProperties: obj(maskSecrets(obj(e.runtime_properties))),
    relationships: relationshipsOf(e.relationships),
  };
}

/** Get-element's `instances.items`: the pods of an application element (Array<Map<String,Map<String,String>>>). */
export function elementDetailView(e: Raw): AosElementDetail {
  const items = arr(obj(e.instances).items);
  return {
    ...elementView(e),
    instances: items.map((item) => {
      const metadata = obj(item.metadata);
      const status = obj(item.status);
      return {
        name: String(metadata.name ?? ''),
        namespace: str(metadata.namespace),
        phase: str(status.phase),
        podIp: str(status.podIP),
        hostIp: str(status.hostIP),
      };
    }),
  };
}

/** `get_attribute: [app, ips]` outputs are lists of IPs; every other value is shown as a string. */
export function outputsView(body: unknown): AosStackOutput[] {
  return Object.entries(obj(obj(body).outputs)).map(([name, raw]) => {
    const o = obj(raw);
    if (SECRET_KEY.test(name) && o.value !== '' && o.value !== undefined && o.value !== null)
      return { name, value: AOS_MASK, description: String(o.description ?? '') };
    const value = Array.isArray(o.value)
      ? o.value.map(String)
      : typeof o.value === 'string'
        ? o.value
        : o.value === undefined || o.value === null
          ? ''
          : JSON.stringify(o.value);
    return { name, value, description: String(o.description ?? '') };
  });
}

export function stackInputsView(body: unknown): AosStackInput[] {
  return Object.entries(obj(obj(body).inputs)).map(([name, value]) => ({
    name,
    value,
    masked: value === AOS_MASK,
  }));
}

export function executionView(stackId: string, x: Raw): AosExecution {
  const metadata = obj(x.metadata);
  const spec = obj(x.spec);
  const status = obj(x.status);
  const objectStatus = obj(status.objectStatus);
  const annotations = obj(metadata.annotations);
  const id = String(metadata.name ?? '');
  return {
    id,
    rolloutId: `${stackId}.${id}`,
    actionName: String(spec.actionName ?? status.actionName ?? ''),
    phase: String(objectStatus.phase ?? ''),
    progress: num(status.progress),
    message: str(objectStatus.message),
    reason: str(objectStatus.reason),
    source: str(spec.source),
    timeoutInMinutes: spec.timeoutInMinutes === undefined ? undefined : num(spec.timeoutInMinutes),
    onFailureStrategy: str(spec.onFailureStrategy),
    createdAt: time(metadata.creationTimestamp),
    updatedAt: time(objectStatus.updateAt),
    templateId: str(annotations['aosmeta.template.id']),
    templateName: str(annotations['aosmeta.template.name']),
    templateVersion: str(annotations['aosmeta.template.version']),
    subObjectNames: str(spec.subObjectNames),
  };
}

/** `changedObjectData`: base64 of the changed part of the instantiated template, when it decodes to an object. */
function changedInputsOf(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string' || data === '' || data === AOS_MASK) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? obj(maskSecrets(parsed))
      : undefined;
  } catch {
    return undefined;
  }
}

export function executionDetailView(stackId: string, x: Raw): AosExecutionDetail {
  const status = obj(x.status);
  const steps = Object.entries(obj(status.subObjectStatuses)).map(([node, raw]) => {
    const s = obj(raw);
    return {
      node,
      subActionName: String(s.subActionName ?? ''),
      phase: String(s.phase ?? ''),
      message: str(s.message),
      reason: str(s.reason),
      startedAt: time(s.createAt),
      updatedAt: time(s.updateAt),
    };
  });
  const changedInputs = changedInputsOf(obj(x.spec).changedObjectData);
  return { ...executionView(stackId, x), steps, ...(changedInputs ? { changedInputs } : {}) };
}
