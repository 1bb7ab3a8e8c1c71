import { AOS_DSL_VERSION, aosInputConstraints, aosInputTypes } from '@console/catalogue';
import { aosError } from './model';
import { parseYaml } from './yaml';

/** One entry of a template's `inputs` section (table 4-32). */
export interface InputSpec {
  type: string;
  default?: unknown;
  description?: string;
  label?: string;
  constraints?: Record<string, unknown>;
  required?: boolean;
  advanced?: boolean;
  immutable?: boolean;
}

export interface NodeRequirement {
  name: string;
  node: string;
  relationship: string;
}

export interface NodeTemplate {
  name: string;
  type: string;
  description: string;
  /** As written in the template (functions unresolved). */
  properties: Record<string, unknown>;
  requirements: NodeRequirement[];
}

export interface TemplateOutput {
  value: unknown;
  description: string;
}

/** A parsed blueprint (main file). */
export interface TemplateDoc {
  dslVersion: string;
  description: string;
  inputs: Record<string, InputSpec>;
  /** In dependency order: a node comes after every node it requires or references. */
  nodes: NodeTemplate[];
  outputs: Record<string, TemplateOutput>;
}

/** Longest input value accepted (SVCSTG.AOS.4002011). */
export const MAX_INPUT_LENGTH = 4096;
/** Masked value of secret/password inputs, as the samples print it. */
export const MASK = '*****';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(extend: string): never {
  throw aosError('templateValidation', extend);
}

/** Constraints as an object; TOSCA writes them as a list of one-key maps, the seed as one map. */
function constraintsOf(name: string, raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (!isObject(item)) invalid(`constraints of input ${name} must be a map`);
    for (const [k, v] of Object.entries(item)) {
      if (!(aosInputConstraints as readonly string[]).includes(k))
        invalid(`unknown constraint ${k} of input ${name}`);
      out[k] = v;
    }
  }
  if ('in_range' in out) {
    const r = out.in_range;
    if (!Array.isArray(r) || r.length !== 2 || r.some((x) => typeof x !== 'number'))
      invalid(`in_range of input ${name} must be [min, max]`);
  }
  if ('valid_values' in out && !Array.isArray(out.valid_values))
    invalid(`valid_values of input ${name} must be a list`);
  if ('regex' in out) {
    try {
      new RegExp(String(out.regex));
    } catch {
      invalid(`regex of input ${name} is not a regular expression`);
    }
  }
  return out;
}

function inputSpecOf(name: string, raw: unknown): InputSpec {
  if (raw !== null && raw !== undefined && !isObject(raw)) invalid(`input ${name} must be a map`);
  const spec = (raw ?? {}) as Record<string, unknown>;
  const type = spec.type === undefined ? 'string' : spec.type;
  if (typeof type !== 'string' || type === '') invalid(`type of input ${name} must be a string`);
  const out: InputSpec = { type };
  if ('default' in spec && spec.default !== null) out.default = spec.default;
  if (typeof spec.description === 'string') out.description = spec.description;
  if (typeof spec.label === 'string') out.label = spec.label;
  for (const flag of ['required', 'advanced', 'immutable'] as const) {
    if (spec[flag] === undefined) continue;
    if (typeof spec[flag] !== 'boolean') invalid(`${flag} of input ${name} must be true or false`);
    out[flag] = spec[flag];
  }
  const constraints = constraintsOf(name, spec.constraints);
  if (constraints) out.constraints = constraints;
  if (type === 'enum' && !Array.isArray(constraints?.valid_values))
    invalid(`enum input ${name} needs constraints.valid_values`);
  if (out.advanced && out.default === undefined) invalid(`advanced input ${name} needs a default`);
  return out;
}

function requirementsOf(node: string, raw: unknown): NodeRequirement[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) invalid(`requirements of node ${node} must be a list`);
  return raw.map((item) => {
    if (!isObject(item) || Object.keys(item).length !== 1)
      invalid(`a requirement of node ${node} must be a one-key map`);
    const [name, target] = Object.entries(item)[0] as [string, unknown];
    if (typeof target === 'string')
      return { name, node: target, relationship: 'Cloud.Relationships.DependsOn' };
    if (!isObject(target) || typeof target.node !== 'string')
      invalid(`requirement ${name} of node ${node} names no node`);
    const relationship =
      typeof target.relationship === 'string' ? target.relationship : 'Cloud.Relationships.DependsOn';
    return { name, node: target.node, relationship };
  });
}

/** Calls a property value makes: `get_input` names, and nodes of `get_reference` / `get_attribute`. */
function functionRefs(value: unknown, inputs: Set<string>, nodes: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) functionRefs(v, inputs, nodes);
  else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'get_input') inputs.add(String(value.get_input));
    else if (keys.length === 1 && keys[0] === 'get_reference') nodes.add(String(value.get_reference));
    else if (keys.length === 1 && keys[0] === 'get_attribute' && Array.isArray(value.get_attribute))
      nodes.add(String(value.get_attribute[0]));
    else for (const v of Object.values(value)) functionRefs(v, inputs, nodes);
  }
}

/** Parses and validates a main file (SVCSTG.AOS.4001119 for anything a blueprint may not be). */
export function parseTemplateDoc(text: string, format: 'yaml' | 'json'): TemplateDoc {
  let root: unknown;
  try {
    root = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    invalid(`the main file is not valid ${format}: ${(error as Error).message}`);
  }
  if (!isObject(root)) invalid('the main file must be a map');
  const dslVersion = root.tosca_definitions_version;
  if (dslVersion !== AOS_DSL_VERSION) invalid(`tosca_definitions_version must be ${AOS_DSL_VERSION}`);
  const inputs: Record<string, InputSpec> = {};
  if (root.inputs !== undefined && root.inputs !== null) {
    if (!isObject(root.inputs)) invalid('inputs must be a map');
    for (const [name, raw] of Object.entries(root.inputs)) inputs[name] = inputSpecOf(name, raw);
  }
  if (!isObject(root.node_templates) || Object.keys(root.node_templates).length === 0)
    invalid('node_templates must define at least one node');
  const declared: NodeTemplate[] = [];
  for (const [name, raw] of Object.entries(root.node_templates)) {
    if (!isObject(raw) || typeof raw.type !== 'string' || raw.type === '')
      invalid(`node ${name} has no type`);
    if (raw.properties !== undefined && raw.properties !== null && !isObject(raw.properties))
      invalid(`properties of node ${name} must be a map`);
    declared.push({
      name,
      type: raw.type,
      description: typeof raw.description === 'string' ? raw.description : '',
      properties: (raw.properties ?? {}) as Record<string, unknown>,
      requirements: requirementsOf(name, raw.requirements),
    });
  }
  const names = new Set(declared.map((n) => n.name));
  const deps = new Map<string, Set<string>>();
  for (const node of declared) {
    const usedInputs = new Set<string>();
    const refs = new Set(node.requirements.map((r) => r.node));
    functionRefs(node.properties, usedInputs, refs);
    for (const input of usedInputs)
      if (!(input in inputs)) invalid(`node ${node.name} uses undeclared input ${input}`);
    for (const ref of refs) if (!names.has(ref)) invalid(`node ${node.name} refers to unknown node ${ref}`);
    refs.delete(node.name);
    deps.set(node.name, refs);
  }
  const outputs: Record<string, TemplateOutput> = {};
  if (root.outputs !== undefined && root.outputs !== null) {
    if (!isObject(root.outputs)) invalid('outputs must be a map');
    for (const [name, raw] of Object.entries(root.outputs)) {
      const spec = isObject(raw) ? raw : { value: raw };
      const usedInputs = new Set<string>();
      const refs = new Set<string>();
      functionRefs(spec.value, usedInputs, refs);
      for (const input of usedInputs)
        if (!(input in inputs)) invalid(`output ${name} uses undeclared input ${input}`);
      for (const ref of refs) if (!names.has(ref)) invalid(`output ${name} refers to unknown node ${ref}`);
      outputs[name] = {
        value: spec.value ?? '',
        description: typeof spec.description === 'string' ? spec.description : '',
      };
    }
  }
  // Dependency order, declaration order among equals; a cycle is not a blueprint.
  const ordered: NodeTemplate[] = [];
  const placed = new Set<string>();
  while (ordered.length < declared.length) {
    const next = declared.find(
      (n) => !placed.has(n.name) && [...(deps.get(n.name) ?? [])].every((d) => placed.has(d)),
    );
    if (!next) invalid('node_templates depend on each other in a cycle');
    ordered.push(next);
    placed.add(next.name);
  }
  return {
    dslVersion,
    description: typeof root.description === 'string' ? root.description : '',
    inputs,
    nodes: ordered,
    outputs,
  };
}

/** Whether the template has an `AOS.Stack` element (a solution template). */
export const includesStack = (doc: TemplateDoc): boolean => doc.nodes.some((n) => /AOS\.Stack$/.test(n.type));

/** Application nodes: they run pods on a CCE cluster and can be scaled. */
export const isAppType = (type: string): boolean =>
  /(Application|Deployment|StatefulSet|DaemonSet|Container|Helm)/.test(type) && !/AOS\.Stack$/.test(type);

export const needsCluster = (doc: TemplateDoc): boolean =>
  doc.nodes.some((n) => isAppType(n.type) || /\.CCE\./.test(n.type));

/** `get_input` resolved against the stack's inputs; other functions are kept as the element shows them. */
export function resolveInputs(value: unknown, inputs: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveInputs(v, inputs));
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'get_input') return inputs[String(value.get_input)] ?? '';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveInputs(v, inputs)]));
  }
  return value;
}

const numeric = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
};

/** A value of the input's type, or an error message. */
function coerce(name: string, spec: InputSpec, value: unknown): { value: unknown } | { error: string } {
  const bad = (what: string) => ({ error: `input ${name} must be ${what}` });
  switch (spec.type) {
    case 'integer': {
      const n = numeric(value);
      return n !== undefined && Number.isInteger(n) ? { value: n } : bad('an integer');
    }
    case 'float': {
      const n = numeric(value);
      return n !== undefined ? { value: n } : bad('a number');
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return bad('true or false');
    case 'ip':
      return typeof value === 'string' &&
        /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(value)
        ? { value }
        : bad('an IPv4 address');
    case 'enum':
      return ['string', 'number', 'boolean'].includes(typeof value)
        ? { value }
        : bad('one of the valid values');
    default:
      // string, secret, password and the cloud types (Cloud.ECS.Image.Id, …) take strings.
      return typeof value === 'string' ? { value } : bad('a string');
  }
}

function checkConstraints(name: string, spec: InputSpec, value: unknown): string | undefined {
  const c = spec.constraints;
  if (!c) return undefined;
  const cmp = (limit: unknown): number | undefined => {
    const a = numeric(value);
    const b = numeric(limit);
    if (a !== undefined && b !== undefined) return a - b;
    return typeof value === 'string' && typeof limit === 'string' ? value.localeCompare(limit) : undefined;
  };
  if (
    Array.isArray(c.valid_values) &&
    !c.valid_values.some((v) => v === value || String(v) === String(value))
  )
    return `input ${name} must be one of ${c.valid_values.join(', ')}`;
  if (Array.isArray(c.in_range)) {
    const [min, max] = c.in_range as number[];
    const n = numeric(value);
    if (n === undefined || n < (min as number) || n > (max as number))
      return `input ${name} must be in [${min}, ${max}]`;
  }
  if (c.regex !== undefined && !new RegExp(String(c.regex)).test(String(value)))
    return `input ${name} must match ${String(c.regex)}`;
  if ('equal' in c && String(c.equal) !== String(value)) return `input ${name} must equal ${String(c.equal)}`;
  const checks: [string, (d: number) => boolean, string][] = [
    ['greater_or_equal', (d) => d >= 0, '>='],
    ['greater_than', (d) => d > 0, '>'],
    ['less_or_equal', (d) => d <= 0, '<='],
    ['less_than', (d) => d < 0, '<'],
  ];
  for (const [key, ok, op] of checks) {
    if (!(key in c)) continue;
    const d = cmp(c[key]);
    if (d === undefined || !ok(d)) return `input ${name} must be ${op} ${String(c[key])}`;
  }
  return undefined;
}

/**
 * The inputs a stack runs with: the given values over `base` (the stack's current inputs on upgrade)
 * over the template's defaults. Throws the seed's 40020xx codes for a bad value.
 */
export function resolveStackInputs(
  doc: TemplateDoc,
  given: Record<string, unknown>,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const key of Object.keys(given))
    if (!(key in doc.inputs)) throw aosError('inputUnknown', `input ${key} is not defined in the template`);
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    const raw = name in given ? given[name] : name in base ? base[name] : spec.default;
    if (raw === undefined || raw === null || raw === '') {
      if (spec.required === false || raw === '') {
        out[name] = raw ?? '';
        continue;
      }
      throw aosError('inputMissing', `input ${name} has no value and no default`);
    }
    if (typeof raw === 'string' && raw.length > MAX_INPUT_LENGTH)
      throw aosError('inputTooLong', `input ${name} is longer than ${MAX_INPUT_LENGTH} characters`);
    const typed = coerce(name, spec, raw);
    if ('error' in typed) throw aosError('inputValueInvalid', typed.error);
    const broken = checkConstraints(name, spec, typed.value);
    if (broken) throw aosError('inputValueInvalid', broken);
    out[name] = typed.value;
  }
  return out;
}

export const isSecretType = (type: string): boolean => type === 'secret' || type === 'password';

/** The inputs as the read APIs show them: secret and password values masked. */
export function maskedInputs(
  doc: TemplateDoc | undefined,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, doc && isSecretType(doc.inputs[k]?.type ?? '') ? MASK : v]),
  );
}

/** The template's input section as 查询模板输入 answers it (table 4-32). */
export function inputsView(doc: TemplateDoc): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    const view: Record<string, unknown> = {};
    if (spec.default !== undefined) view.default = spec.default;
    view.required = spec.required ?? spec.default === undefined;
    if (spec.description !== undefined) view.description = spec.description;
    view.type = spec.type;
    if (spec.constraints) view.constraints = spec.constraints;
    if (spec.label !== undefined) view.label = spec.label;
    if (spec.advanced !== undefined) view.advanced = spec.advanced;
    view.immutable = spec.immutable ?? false;
    out[name] = view;
  }
  return out;
}

export const KNOWN_INPUT_TYPES: readonly string[] = aosInputTypes;
