import {
  type AosApiName,
  type AosApiSpec,
  type AsApi,
  type AsApiName,
  aosApiByName,
  aosApis,
  asApiByName,
  asApis,
} from '@console/catalogue';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { describe, expect, it } from 'vitest';
import { CLOUDSIM_DEFAULTS } from '../src/config';
import { AS_SEED } from '../src/huawei/as/seed';
import { type RunningCloudSim, startCloudSim } from '../src/index';

/**
 * Every API of the two Huawei catalogues (AOS, seed 003: 18; AS, seed 004: 38), called over real HTTP
 * through the authenticating front, twice: once with an IAM token (`X-Auth-Token`), once with AK/SK
 * headers the official SDK signer (`AKSKSigner` of `@huaweicloud/huaweicloud-sdk-core`) produced. Each
 * walk runs on its own simulator, creates first, reads what it made (or the seed's demo data), deletes
 * last. Each call must answer the catalogue's success status, the catalogue's top-level response fields,
 * and an `X-Request-Id`; the call log must name the API the step meant.
 */

// biome-ignore lint/suspicious/noExplicitAny: the answers are walked freely
type Json = any;
type Product = 'AOS' | 'AS';

const WALK_BLUEPRINT = `tosca_definitions_version: cloud_tosca_version_1_0
description: catalogue walk
inputs:
  image:
    type: string
    default: nginx:1.25
    description: image of web
  replicas:
    type: integer
    default: 1
    constraints:
      in_range: [0, 10]
node_templates:
  web:
    type: Cloud.CCE.Deployment
    properties:
      image: {get_input: image}
      instances: {get_input: replicas}
outputs:
  web-image:
    value: {get_input: image}
    description: image of web
`;

/** A template upload (table 4-2): the `resource` JSON part and the blueprint as a file part. */
interface Upload {
  resource: Record<string, unknown>;
  file: string;
  filename: string;
}

interface Call {
  /** `{placeholder}` values of the catalogue path (AS's `project_id` is filled in). */
  path?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  form?: Upload;
}

interface Step {
  product: Product;
  api: AosApiName | AsApiName;
  call: () => Call;
  /** Keeps ids from the answer for later steps. */
  keep?: (body: Json) => void;
  /** Simulated ms to step the clock after the call (AOS executions and AS activities run on it). */
  advance?: number;
  /** Further problems with the answer, beyond status, fields and request id. */
  verify?: (answer: Answer) => string[];
}

const aosStep = (
  api: AosApiName,
  call: () => Call,
  more: Pick<Step, 'keep' | 'advance' | 'verify'> = {},
): Step => ({
  product: 'AOS',
  api,
  call,
  ...more,
});
const asStep = (
  api: AsApiName,
  call: () => Call,
  more: Pick<Step, 'keep' | 'advance' | 'verify'> = {},
): Step => ({
  product: 'AS',
  api,
  call,
  ...more,
});

/** The walk, in an order where every call can succeed. Ids made by a step are read by later ones. */
function plan(sim: RunningCloudSim): Step[] {
  const ids: Record<string, string> = {};
  const id = (name: string): string => {
    const value = ids[name];
    if (value === undefined) throw new Error(`no ${name} yet: the step that keeps it failed`);
    return value;
  };
  const project = sim.huawei.projectId;
  const upload = (version: string): Upload => ({
    resource: { name: 'catalogue-walk', version, description: 'catalogue walk', content_type: 'yaml' },
    file: WALK_BLUEPRINT,
    filename: 'blueprint.yaml',
  });
  const template = () => ({ template_id: id('template') });
  const stack = () => ({ stack_id: id('stack') });
  const group = () => ({ scaling_group_id: id('group') });
  const urn = `urn:smn:${sim.huawei.region}:${project}:catalogue-walk`;
  const scenes = [
    'SCALING_UP',
    'SCALING_UP_FAIL',
    'SCALING_DOWN',
    'SCALING_DOWN_FAIL',
    'SCALING_GROUP_ABNORMAL',
  ];
  const hook = () => ({ ...group(), lifecycle_hook_name: 'walk-hook' });
  const tags = () => ({ resource_type: 'scaling_group_tag', resource_id: id('group') });
  const activity = 31_000;
  // The simulated clock starts at the real time: schedule the recurrence 12 hours away from it, so the
  // few minutes the walk steps never reach a trigger, whenever the test runs.
  const now = sim.clock.now();
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const schedule = {
    launch_time: minute(now + 12 * 3_600_000).slice(11),
    recurrence_type: 'Daily',
    start_time: `${minute(now - 24 * 3_600_000)}Z`,
    end_time: `${minute(now + 30 * 24 * 3_600_000)}Z`,
  };

  const aos: Step[] = [
    aosStep('CreateTemplate', () => ({ form: upload('1.0.0') }), { keep: (b) => (ids.template = b.id) }),
    aosStep('ListTemplates', () => ({ query: { name: 'catalogue-walk', offset: '0', limit: '10' } })),
    aosStep('ShowTemplate', () => ({ path: template() })),
    aosStep('ShowTemplateInputs', () => ({ path: template() })),
    aosStep('DownloadTemplate', () => ({ path: template() }), {
      verify: (a) => (a.raw.toString() === WALK_BLUEPRINT ? [] : ['not the uploaded blueprint']),
    }),
    aosStep('UpdateTemplate', () => ({ path: template(), form: upload('1.0.1') })),
    aosStep(
      'CreateStack',
      () => ({
        json: {
          name: 'catalogue-walk-stack',
          project_id: project,
          description: 'catalogue walk',
          template_id: id('template'),
          inputs_json: { replicas: 2 },
        },
      }),
      { keep: (b) => (ids.stack = b.guid) },
    ),
    aosStep('ExecuteStackLifecycle', () => ({ path: stack(), json: { lifecycle: 'create', timeout: 20 } }), {
      keep: (b) => (ids.action = b.action_id),
      advance: 10_000,
    }),
    aosStep('ListStacks', () => ({ query: { project_id: project, name: 'catalogue-walk-stack' } })),
    aosStep('ShowStack', () => ({ path: stack() })),
    aosStep('ListStackElements', () => ({ path: stack() })),
    aosStep('ShowStackElement', () => ({ path: { ...stack(), node_id: 'web' } })),
    aosStep('ShowStackOutputs', () => ({ path: stack() })),
    aosStep('ShowStackInputs', () => ({ path: stack() })),
    aosStep('ShowStackExecution', () => ({ path: { ...stack(), action_id: id('action') } })),
    aosStep('ListStackExecutions', () => ({ path: stack(), query: { last: 'false' } })),
    aosStep('DeleteStack', () => ({ path: stack() }), { advance: 30_000 }),
    aosStep('DeleteTemplate', () => ({ path: template() })),
  ];

  const as: Step[] = [
    // Configurations and a group made by the walk.
    asStep(
      'CreateScalingConfig',
      () => ({
        json: {
          scaling_configuration_name: 'walk-config',
          instance_config: {
            flavorRef: 's3.xlarge.4',
            imageRef: '627a1223-2ca3-46a7-8d5f-7aef22c74ee6',
            disk: [{ size: 40, volume_type: 'SATA', disk_type: 'SYS' }],
            key_name: 'walk_key',
            security_groups: [{ id: '6c22a6c0-b5d2-4a84-ac56-51090dcc33be' }],
          },
        },
      }),
      { keep: (b) => (ids.config = b.scaling_configuration_id) },
    ),
    asStep(
      'CreateScalingConfig',
      () => ({
        json: {
          scaling_configuration_name: 'walk-config-copy',
          source_scaling_configuration_id: id('config'),
          instance_config: { flavorRef: 's3.large.2' },
        },
      }),
      { keep: (b) => (ids.copy = b.scaling_configuration_id) },
    ),
    asStep('ListScalingConfigs', () => ({ query: { scaling_configuration_name: 'walk-config' } })),
    asStep('ShowScalingConfig', () => ({ path: { scaling_configuration_id: id('config') } })),
    asStep(
      'CreateScalingGroup',
      () => ({
        json: {
          scaling_group_name: 'walk-group',
          scaling_configuration_id: id('config'),
          desire_instance_number: 0,
          min_instance_number: 0,
          max_instance_number: 10,
          health_periodic_audit_method: 'NOVA_AUDIT',
          vpc_id: '863ccae2-ee85-4d27-bc5b-3ba2a198a9e2',
          networks: [{ id: '3cd35bca-5a10-416f-8994-f79169559870' }],
        },
      }),
      { keep: (b) => (ids.group = b.scaling_group_id) },
    ),
    asStep('ListScalingGroups', () => ({ query: { scaling_group_name: 'walk-group' } })),
    asStep('ShowScalingGroup', () => ({ path: group() })),
    asStep('UpdateScalingGroup', () => ({
      path: group(),
      json: { desire_instance_number: 1, cool_down_time: 200 },
    })),
    asStep('EnableOrDisableScalingGroup', () => ({ path: group(), json: { action: 'pause' } })),
    asStep('EnableOrDisableScalingGroup', () => ({ path: group(), json: { action: 'resume' } }), {
      advance: activity,
    }),

    // Instances.
    asStep('ListScalingInstances', () => ({ path: group(), query: { life_cycle_state: 'INSERVICE' } })),
    asStep(
      'BatchOperateScalingInstances',
      () => ({
        path: group(),
        json: { action: 'ADD', instances_id: ['walk-instance-1', 'walk-instance-2'] },
      }),
      { advance: activity },
    ),
    asStep(
      'DeleteScalingInstance',
      () => ({ path: { instance_id: 'walk-instance-2' }, query: { instance_delete: 'no' } }),
      { advance: activity },
    ),

    // Policies.
    asStep(
      'CreateScalingPolicy',
      () => ({
        json: {
          scaling_policy_name: 'walk-policy',
          scaling_group_id: id('group'),
          scaling_policy_type: 'RECURRENCE',
          scheduled_policy: schedule,
          scaling_policy_action: { operation: 'ADD', instance_number: 1 },
          cool_down_time: 900,
        },
      }),
      { keep: (b) => (ids.policy = b.scaling_policy_id) },
    ),
    asStep('UpdateScalingPolicy', () => ({
      path: { scaling_policy_id: id('policy') },
      json: {
        scaling_policy_name: 'walk-policy-2',
        scaling_policy_action: { operation: 'SET', instance_number: 2 },
      },
    })),
    asStep('ListScalingPolicies', () => ({ path: group(), query: { scaling_policy_type: 'RECURRENCE' } })),
    asStep('ShowScalingPolicy', () => ({ path: { scaling_policy_id: id('policy') } })),
    asStep('ExecuteOrEnableOrDisableScalingPolicy', () => ({
      path: { scaling_policy_id: id('policy') },
      json: { action: 'pause' },
    })),
    asStep('ExecuteOrEnableOrDisableScalingPolicy', () => ({
      path: { scaling_policy_id: id('policy') },
      json: { action: 'resume' },
    })),
    asStep(
      'ExecuteOrEnableOrDisableScalingPolicy',
      () => ({ path: { scaling_policy_id: id('policy') }, json: { action: 'execute' } }),
      { advance: activity },
    ),

    // Activity logs and quotas.
    asStep('ListScalingActivityLogs', () => ({ path: group(), query: { limit: '20' } })),
    asStep('ListScalingActivityV2Logs', () => ({ path: group(), query: { limit: '20' } })),
    asStep('ShowResourceQuota', () => ({})),
    asStep('ShowPolicyAndInstanceQuota', () => ({ path: group() })),

    // Notifications.
    asStep('CreateScalingNotification', () => ({
      path: group(),
      json: { topic_urn: urn, topic_scene: scenes },
    })),
    asStep('ListScalingNotifications', () => ({ path: group() })),
    asStep('DeleteScalingNotification', () => ({ path: { ...group(), topic_urn: urn } })),

    // Lifecycle hooks: CRUD on the walk's group; the seeded hooked group holds an instance waiting.
    asStep('CreateLifecycleHook', () => ({
      path: group(),
      json: {
        lifecycle_hook_name: 'walk-hook',
        lifecycle_hook_type: 'INSTANCE_LAUNCHING',
        default_result: 'ABANDON',
        default_timeout: 3600,
        notification_topic_urn: urn,
      },
    })),
    asStep('ListLifecycleHooks', () => ({ path: group() })),
    asStep('ShowLifecycleHook', () => ({ path: hook() })),
    asStep('UpdateLifecycleHook', () => ({ path: hook(), json: { default_result: 'CONTINUE' } })),
    asStep('ListHookInstances', () => ({ path: { scaling_group_id: AS_SEED.groups.hooked.id } }), {
      keep: (b) => (ids.actionKey = b.instance_hanging_info?.[0]?.lifecycle_action_key),
    }),
    asStep('CompleteLifecycleAction', () => ({
      path: { scaling_group_id: AS_SEED.groups.hooked.id },
      json: { lifecycle_action_key: id('actionKey'), lifecycle_action_result: 'CONTINUE' },
    })),
    asStep('DeleteLifecycleHook', () => ({ path: hook() })),

    // Tags.
    asStep('CreateOrDeleteScalingTags', () => ({
      path: tags(),
      json: {
        action: 'create',
        tags: [
          { key: 'walk', value: 'catalogue' },
          { key: 'owner', value: 'walk' },
        ],
      },
    })),
    asStep('ListScalingTagInfosByResourceId', () => ({ path: tags() })),
    asStep('ListScalingTagInfosByTenantId', () => ({ path: { resource_type: 'scaling_group_tag' } })),
    asStep('ListResourceInstances', () => ({
      path: { resource_type: 'scaling_group_tag' },
      json: { action: 'filter', tags: [{ key: 'walk', values: ['catalogue'] }] },
    })),
    asStep('CreateOrDeleteScalingTags', () => ({
      path: tags(),
      json: { action: 'delete', tags: [{ key: 'owner' }] },
    })),

    // Deletes of what the walk made.
    asStep('DeleteScalingPolicy', () => ({ path: { scaling_policy_id: id('policy') } })),
    asStep('DeleteScalingGroup', () => ({ path: group(), query: { force_delete: 'yes' } }), {
      advance: activity,
    }),
    asStep('DeleteScalingConfig', () => ({ path: { scaling_configuration_id: id('copy') } })),
    asStep('BatchDeleteScalingConfigs', () => ({ json: { scaling_configuration_id: [id('config')] } })),
  ];
  return [...aos, ...as];
}

/** How a walk authenticates: the headers to send with a request. */
interface Auth {
  label: string;
  headers(request: {
    method: string;
    url: string;
    query: Record<string, string>;
    contentType: string;
    json?: unknown;
    multipart: boolean;
  }): Record<string, string>;
}

async function tokenAuth(sim: RunningCloudSim): Promise<Auth> {
  const res = await fetch(`${sim.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: CLOUDSIM_DEFAULTS.huaweiUser,
              password: CLOUDSIM_DEFAULTS.huaweiPassword,
              domain: { name: CLOUDSIM_DEFAULTS.huaweiDomain },
            },
          },
        },
        scope: { project: { name: CLOUDSIM_DEFAULTS.huaweiRegion } },
      },
    }),
  });
  expect(res.status).toBe(201);
  const token = res.headers.get('x-subject-token');
  expect(token).toBeTruthy();
  return {
    label: 'with an IAM token',
    headers: ({ contentType }) => ({ 'content-type': contentType, 'X-Auth-Token': token as string }),
  };
}

/** AK/SK as the official SDK signs: its `AKSKSigner`, `UNSIGNED-PAYLOAD` for a body that is not JSON. */
function akskAuth(): Auth {
  const credentials = new BasicCredentials()
    .withAk(CLOUDSIM_DEFAULTS.huaweiAk)
    .withSk(CLOUDSIM_DEFAULTS.huaweiSk)
    .withProjectId(CLOUDSIM_DEFAULTS.huaweiProjectId);
  return {
    label: 'with AK/SK signed by the official SDK signer',
    headers: ({ method, url, query, contentType, json, multipart }) => {
      const signed = AKSKSigner.sign(
        {
          method,
          endpoint: url,
          headers: {
            'content-type': contentType,
            'X-Project-Id': CLOUDSIM_DEFAULTS.huaweiProjectId,
            ...(multipart ? { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' } : {}),
          },
          queryParams: query,
          data: json as object | undefined,
        },
        credentials,
      ) as Record<string, string>;
      // fetch sends Host itself (the same value); the signer leaves a multipart Content-Type unsigned.
      const { host: _host, ...headers } = signed;
      return { ...headers, 'content-type': contentType };
    },
  };
}

/** The multipart body the platform's FormData writes, with its boundary. */
async function multipart(upload: Upload): Promise<{ bytes: Buffer; contentType: string }> {
  const form = new FormData();
  form.append('resource', JSON.stringify(upload.resource));
  form.append('archive_content', new Blob([upload.file]), upload.filename);
  const request = new Request('http://cloudsim.invalid/', { method: 'POST', body: form });
  return {
    bytes: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${template}`);
    // A URN's colons travel raw, as the seed's examples write them.
    return encodeURIComponent(value).replace(/%3A/gi, ':');
  });
}

interface Answer {
  status: number;
  headers: Headers;
  raw: Buffer;
  body: Json;
}

async function send(sim: RunningCloudSim, auth: Auth, step: Step, spec: { method: string; path: string }) {
  const call = step.call();
  const path = fillPath(spec.path, { project_id: sim.huawei.projectId, ...call.path });
  const query = call.query ?? {};
  const search = new URLSearchParams(query).toString();
  const url = `${sim.url}${path}`;
  let body: Buffer | string | undefined;
  let contentType = 'application/json';
  if (call.form) {
    const form = await multipart(call.form);
    body = form.bytes;
    contentType = form.contentType;
  } else if (call.json !== undefined) {
    body = JSON.stringify(call.json);
  }
  const headers = auth.headers({
    method: spec.method,
    url,
    query,
    contentType,
    json: call.json,
    multipart: call.form !== undefined,
  });
  const res = await fetch(search ? `${url}?${search}` : url, { method: spec.method, headers, body });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json') && raw.length > 0;
  const answer: Answer = {
    status: res.status,
    headers: res.headers,
    raw,
    body: json ? JSON.parse(raw.toString()) : undefined,
  };
  return answer;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The documented top-level fields of an AOS answer: `[].x` is field `x` of every element of a bare
 * array, `{key}` a map of objects, anything else a key of the body.
 */
function aosProblems(spec: AosApiSpec, answer: Answer): string[] {
  const problems: string[] = [];
  const fields = new Set<string>();
  let array = false;
  let map = false;
  for (const field of spec.response) {
    const [head, next] = field.path.split('.');
    if (head === '[]') {
      array = true;
      if (next) fields.add(next);
    } else if (head === '{key}') map = true;
    else if (head) fields.add(head);
  }
  for (const header of spec.responseHeaders ?? []) {
    if (!answer.headers.has(header)) problems.push(`no ${header} header`);
  }
  if (spec.response.length === 0) return problems;
  const body = answer.body;
  if (array) {
    if (!Array.isArray(body) || body.length === 0) return [...problems, 'not a non-empty array'];
    for (const [index, element] of body.entries()) {
      const absent = [...fields].filter((f) => !isObject(element) || !(f in element));
      if (absent.length > 0) problems.push(`[${index}] lacks ${absent.join(', ')}`);
    }
    return problems;
  }
  if (!isObject(body)) return [...problems, 'not a JSON object'];
  if (map) {
    const values = Object.values(body);
    if (values.length === 0 || !values.every(isObject)) problems.push('not a non-empty map of objects');
  }
  const absent = [...fields].filter((f) => !(f in body));
  if (absent.length > 0) problems.push(`lacks ${absent.join(', ')}`);
  return problems;
}

function asProblems(spec: AsApi, answer: Answer): string[] {
  if (spec.response.length === 0) return [];
  if (!isObject(answer.body)) return ['not a JSON object'];
  const absent = spec.response.map((f) => f.name).filter((name) => !(name in answer.body));
  return absent.length > 0 ? [`lacks ${absent.join(', ')}`] : [];
}

/** The call log's record of a request (written when the response finished). */
async function logged(sim: RunningCloudSim, product: Product, requestId: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = sim.calls.list({ product }).find((c) => c.requestId === requestId);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return undefined;
}

async function walk(makeAuth: (sim: RunningCloudSim) => Auth | Promise<Auth>) {
  const sim = await startCloudSim({ port: 0, host: '127.0.0.1', timeScale: 0, tickMs: 0 });
  try {
    const auth = await makeAuth(sim);
    const steps = plan(sim);
    // The walk covers the catalogues exactly: an API added to one must be added here too.
    const planned = (product: Product) => [
      ...new Set(steps.filter((s) => s.product === product).map((s) => s.api)),
    ];
    expect(planned('AOS').sort()).toEqual(aosApis.map((a) => a.name).sort());
    expect(planned('AS').sort()).toEqual(asApis.map((a) => a.name).sort());

    const failures: string[] = [];
    const failed = new Set<string>();
    const called = new Set<string>();
    for (const step of steps) {
      const aos = step.product === 'AOS' ? (aosApiByName[step.api as AosApiName] as AosApiSpec) : undefined;
      const as = step.product === 'AS' ? asApiByName[step.api as AsApiName] : undefined;
      const spec = (aos ?? as) as AosApiSpec | AsApi;
      const status = aos ? aos.successStatus : (as as AsApi).status;
      const key = `${step.product} ${step.api}`;
      called.add(key);
      let answer: Answer;
      try {
        answer = await send(sim, auth, step, spec);
      } catch (error) {
        failures.push(`${key}: ${(error as Error).message}`);
        failed.add(key);
        continue;
      }
      const problems: string[] = [];
      if (answer.status !== status) problems.push(`HTTP ${answer.status}, documented ${status}`);
      const requestId = answer.headers.get('x-request-id') ?? '';
      if (!/^[0-9a-f]{32}$/.test(requestId)) problems.push(`X-Request-Id ${JSON.stringify(requestId)}`);
      else {
        const record = await logged(sim, step.product, requestId);
        if (record?.api !== step.api) problems.push(`logged as ${record?.api ?? 'nothing'}`);
      }
      if (status === 204 && answer.raw.length > 0) problems.push('a body with 204');
      if (answer.status === status) {
        problems.push(...(aos ? aosProblems(aos, answer) : asProblems(as as AsApi, answer)));
        problems.push(...(step.verify?.(answer) ?? []));
      }
      if (problems.length > 0) {
        const shown = answer.body === undefined ? `${answer.raw.length} bytes` : JSON.stringify(answer.body);
        failures.push(`${key}: ${problems.join('; ')} — ${shown.slice(0, 300)}`);
        failed.add(key);
        continue;
      }
      step.keep?.(answer.body);
      if (step.advance) sim.clock.advance(step.advance);
    }

    const ok = (product: Product, names: readonly string[]) =>
      names.filter((name) => called.has(`${product} ${name}`) && !failed.has(`${product} ${name}`)).length;
    const aosOk = ok(
      'AOS',
      aosApis.map((a) => a.name),
    );
    const asOk = ok(
      'AS',
      asApis.map((a) => a.name),
    );
    console.log(
      `${aosOk} of ${aosApis.length} AOS APIs and ${asOk} of ${asApis.length} AS APIs answered as documented, ${auth.label}`,
    );
    expect(failures).toEqual([]);
    expect(aosOk).toBe(aosApis.length);
    expect(asOk).toBe(asApis.length);
  } finally {
    await sim.close();
  }
}

describe('Huawei catalogues over HTTP (AOS seed 003, AS seed 004)', () => {
  it('answers every AOS and AS API as documented, with an IAM token', async () => {
    await walk(tokenAuth);
  });

  it('answers every AOS and AS API as documented, with AK/SK signed by the official SDK signer', async () => {
    await walk(akskAuth);
  });
});
