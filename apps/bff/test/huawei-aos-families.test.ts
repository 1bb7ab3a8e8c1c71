import type {
  AosElement,
  AosElementDetail,
  AosExecution,
  AosExecutionDetail,
  AosLifecycleStarted,
  AosStack,
  AosStackCreated,
  AosStackDetail,
  AosStackInput,
  AosStackOutput,
  AosTemplate,
  AosTemplateContent,
  AosTemplateInput,
  AosTemplatePage,
  AosTemplateWritten,
  ApiError,
  AuditPage,
  WriteResult,
} from '@console/contract';
import { ConsoleClient } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HuaweiStack, startHuaweiStack } from './huawei-stack';

let h: HuaweiStack;
let sim: HuaweiStack['sim'];
let operator: ConsoleClient;
let viewer: ConsoleClient;
let admin: ConsoleClient;

const demo = '/api/accounts/aos-demo/aos';
/** A password input's value: it may reach the cloud, never an answer or the audit log. */
const SECRET = 'Web-Secret-77';
const aksk = '/api/accounts/aos-aksk/aos';

const WEB_TEMPLATE = `tosca_definitions_version: cloud_tosca_version_1_0
description: A web application##A web application
inputs:
  image:
    type: string
    default: swr.cn-north-4.myhuaweicloud.com/library/web:1.0
    description: 容器镜像##Container image
  replicas:
    type: integer
    default: 2
    description: 实例数##Instances
    constraints:
      in_range: [1, 10]
  db-password:
    type: password
    default: Web@2024pass
    description: 数据库密码##Database password
  tier:
    type: enum
    default: web
    constraints:
      valid_values: [web, api]
node_templates:
  web-config:
    type: Cloud.CCE.ConfigMap
    properties:
      name: web-config
      data:
        tier: {get_input: tier}
  web-app:
    type: Cloud.CCE.Deployment
    properties:
      name: web
      image: {get_input: image}
      instances: {get_input: replicas}
      password: {get_input: db-password}
    requirements:
      - configMap:
          node: web-config
outputs:
  web_ips:
    value: {get_attribute: [web-app, ips]}
    description: pod IPs
  web_tier:
    value: {get_input: tier}
    description: tier
`;

beforeAll(async () => {
  h = await startHuaweiStack('aos');
  ({ sim, operator, viewer } = h);
  admin = await ConsoleClient.login(h.bff.url, 'admin', 'admin-demo-1');
});

afterAll(() => h?.stop());

async function auditOf(action: string) {
  return (await admin.get<AuditPage>(`/api/audit?action=${action}&pageSize=200`)).body.items;
}

/** The request id the simulator answered the newest call of an API with. */
const lastRequestId = (api: string) => sim.calls.list({ api }).at(-1)?.requestId;

async function stackNamed(base: string, name: string): Promise<AosStack> {
  const list = await viewer.get<AosStack[]>(`${base}/stacks?name=${name}`);
  const found = list.body.find((s) => s.name === name);
  if (!found) throw new Error(`no stack ${name}`);
  return found;
}

async function templateNamed(name: string, version: string): Promise<AosTemplate> {
  const page = await viewer.get<AosTemplatePage>(`${demo}/templates?name=${name}&pageSize=100`);
  const found = page.body.items.find((t) => t.version === version);
  if (!found) throw new Error(`no template ${name}@${version}`);
  return found;
}

/** Moves the simulated clock until the stack's newest execution has finished. */
async function settle(base: string, stackId: string): Promise<AosStackDetail> {
  for (let i = 0; i < 60; i++) {
    const detail = (await viewer.get<AosStackDetail>(`${base}/stacks/${stackId}`)).body;
    if (!detail.busy) return detail;
    sim.clock.advance(5_000);
  }
  throw new Error(`stack ${stackId} never settled`);
}

describe('AOS templates', () => {
  it('lists templates a page at a time, the total from Content-Range, by token and by AK/SK', async () => {
    const first = await viewer.get<AosTemplatePage>(`${demo}/templates?page=1&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 4, contentRange: 'items 0-1/4' });
    expect(first.body.items).toHaveLength(2);
    const second = await viewer.get<AosTemplatePage>(`${demo}/templates?page=2&pageSize=2`);
    expect(second.body.contentRange).toBe('items 2-3/4');
    expect(second.body.items.map((t) => t.id)).not.toContain(first.body.items[0]?.id);
    const calls = sim.calls.list({ api: 'ListTemplates' });
    expect(calls.at(-1)?.path).toBe('/v2/templates');
    const viaAksk = await viewer.get<AosTemplatePage>(`${aksk}/templates?pageSize=100`);
    expect(viaAksk.body.total).toBe(4);
    const nginx = viaAksk.body.items.find((t) => t.name === 'nginx-app' && t.version === '1.0.0');
    expect(nginx).toMatchObject({ isUsed: true, needCluster: true, dslVersion: 'cloud_tosca_version_1_0' });
    const bad = await viewer.get<ApiError>(`${demo}/templates?pageSize=500`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pageSize');
  });

  it('shows a template, its file and its inputs with types, defaults and constraints', async () => {
    const nginx = await templateNamed('nginx-app', '1.0.0');
    const detail = await viewer.get<AosTemplate>(`${demo}/templates/${nginx.id}`);
    expect(detail.body).toMatchObject({
      id: nginx.id,
      name: 'nginx-app',
      isUsed: true,
      mainFileName: 'blueprint.yaml',
    });
    const content = await viewer.get<AosTemplateContent>(`${demo}/templates/${nginx.id}/content`);
    expect(content.body.isText).toBe(true);
    expect(content.body.fileName).toBe('blueprint.yaml');
    expect(content.body.content).toContain('tosca_definitions_version: cloud_tosca_version_1_0');
    expect(content.body.bytes).toBeGreaterThan(100);
    const inputs = (await viewer.get<AosTemplateInput[]>(`${aksk}/templates/${nginx.id}/inputs`)).body;
    const byName = new Map(inputs.map((i) => [i.name, i]));
    expect(byName.get('replicas')).toMatchObject({
      type: 'integer',
      default: 2,
      required: false,
      constraints: { in_range: [0, 100] },
    });
    expect(byName.get('log-level')).toMatchObject({
      type: 'enum',
      constraints: { valid_values: ['debug', 'info', 'warn', 'error'] },
    });
    expect(byName.get('admin-password')).toMatchObject({ type: 'password', advanced: true });
    expect(byName.get('container-port')?.immutable).toBe(true);
    expect(byName.get('image')?.description).toBe('容器镜像##Container image');
    const missing = await viewer.get<ApiError>(`${demo}/templates/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.upstream?.code).toBe('SVCSTG.AOS.4040012');
    const badId = await viewer.get<ApiError>(`${demo}/templates/${encodeURIComponent('bad id!')}`);
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('templateId');
  });

  it('uploads a YAML template as the seed’s multipart form, audited with the RequestId', async () => {
    const body = { name: 'web-app', version: '1.0.0', description: 'web tier', content: WEB_TEMPLATE };
    expect((await viewer.post(`${demo}/templates`, body)).status).toBe(403);
    const created = await operator.post<AosTemplateWritten>(`${demo}/templates`, body);
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.requestId).toBe(lastRequestId('CreateTemplate'));
    const inputs = (await viewer.get<AosTemplateInput[]>(`${demo}/templates/${created.body.id}/inputs`)).body;
    expect(inputs.map((i) => i.name)).toEqual(['image', 'replicas', 'db-password', 'tier']);
    const audit = (await auditOf('aos-template-create')).find((a) => a.resource === 'template/web-app@1.0.0');
    expect(audit).toMatchObject({
      outcome: 'success',
      username: 'operator',
      upstreamRequestId: created.body.requestId,
    });

    // The same name and version again: the cloud's own refusal.
    const again = await operator.post<ApiError>(`${demo}/templates`, body);
    expect(again.status).toBe(422);
    expect(again.body.error.upstream?.code).toBe('SVCSTG.AOS.4001110');
    expect(again.body.error.upstream?.requestId).toBe(lastRequestId('CreateTemplate'));
    // Not a blueprint: the cloud's template validation code.
    const broken = await operator.post<ApiError>(`${aksk}/templates`, {
      name: 'broken',
      version: '1.0.0',
      content: 'tosca_definitions_version: cloud_tosca_version_1_0\nnode_templates: {}\n',
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.upstream?.code).toBe('SVCSTG.AOS.4001119');
  });

  it('refuses bad uploads before they reach the cloud, each naming the field', async () => {
    const before = sim.calls.list({ api: 'CreateTemplate' }).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Web_App', version: '1.0.0', content: WEB_TEMPLATE }, 'name'],
      [{ name: 'web-x', version: '1..0', content: WEB_TEMPLATE }, 'version'],
      [{ name: 'web-x', version: '1.0.0', content: '' }, 'content'],
      [{ name: 'web-x', version: '1.0.0', content: WEB_TEMPLATE, description: 'a <b> tag' }, 'description'],
      [{ name: 'web-x', version: '1.0.0', content: WEB_TEMPLATE, format: 'zip' }, 'format'],
      [{ name: 'web-x', version: '1.0.0', content: WEB_TEMPLATE, fileName: '../x.yaml' }, 'fileName'],
      [{ name: 'web-x', version: '1.0.0', content: WEB_TEMPLATE, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const answer = await operator.post<ApiError>(`${demo}/templates`, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.field).toBe(field);
    }
    const large = await operator.post<ApiError>(`${demo}/templates`, {
      name: 'web-x',
      version: '1.0.0',
      content: `${WEB_TEMPLATE}#${'x'.repeat(210 * 1024)}\n`,
    });
    expect(large.status).toBe(400);
    expect(large.body.error.field).toBe('content');
    expect(large.body.error.message).toMatch(/200 KiB/);
    expect(sim.calls.list({ api: 'CreateTemplate' }).length).toBe(before);
  });

  it('updates an unused template: the description alone (the file sent again) or new content', async () => {
    const created = await operator.post<AosTemplateWritten>(`${demo}/templates`, {
      name: 'web-app',
      version: '0.9.0',
      content: WEB_TEMPLATE,
    });
    const id = created.body.id;
    const described = await operator.request<AosTemplateWritten>('PUT', `${demo}/templates/${id}`, {
      description: 'the web tier, described',
    });
    expect(described.status).toBe(200);
    expect(described.body.requestId).toBe(lastRequestId('UpdateTemplate'));
    const detail = (await viewer.get<AosTemplate>(`${demo}/templates/${id}`)).body;
    expect(detail.description).toBe('the web tier, described');
    expect((await viewer.get<AosTemplateContent>(`${demo}/templates/${id}/content`)).body.content).toBe(
      WEB_TEMPLATE,
    );
    const next = WEB_TEMPLATE.replace(
      'inputs:\n',
      'inputs:\n  region:\n    type: string\n    default: cn-north-4\n',
    );
    const updated = await operator.request<AosTemplateWritten>('PUT', `${aksk}/templates/${id}`, {
      content: next,
      version: '0.9.1',
    });
    expect(updated.status).toBe(200);
    const inputs = (await viewer.get<AosTemplateInput[]>(`${demo}/templates/${id}/inputs`)).body;
    expect(inputs.map((i) => i.name)).toContain('region');
    expect((await viewer.get<AosTemplate>(`${demo}/templates/${id}`)).body.version).toBe('0.9.1');
    const empty = await operator.request<ApiError>('PUT', `${demo}/templates/${id}`, {});
    expect(empty.status).toBe(400);
    expect((await viewer.request('PUT', `${demo}/templates/${id}`, { description: 'x' })).status).toBe(403);
    const audit = await auditOf('aos-template-update');
    expect(audit.filter((a) => a.resource === `template/${id}` && a.outcome === 'success')).toHaveLength(2);

    // Deleted once no stack uses it; then it is gone.
    const deleted = await operator.request<WriteResult>('DELETE', `${demo}/templates/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.requestId).toBe(lastRequestId('DeleteTemplate'));
    expect((await viewer.get(`${demo}/templates/${id}`)).status).toBe(404);
  });

  it('refuses to update or delete a template stacks use, with the cloud’s code, audited as a failure', async () => {
    const nginx = await templateNamed('nginx-app', '1.0.0');
    expect((await viewer.request('DELETE', `${demo}/templates/${nginx.id}`)).status).toBe(403);
    const refused = await operator.request<ApiError>('DELETE', `${demo}/templates/${nginx.id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream).toMatchObject({ code: 'SVCSTG.AOS.4091010', httpStatus: 409 });
    const requestId = refused.body.error.upstream?.requestId;
    expect(requestId).toBe(lastRequestId('DeleteTemplate'));
    const audit = (await auditOf('aos-template-delete')).find((a) => a.upstreamRequestId === requestId);
    expect(audit).toMatchObject({ outcome: 'failure', resource: `template/${nginx.id}` });
    expect(audit?.detail).toContain('SVCSTG.AOS.4091010');
    const update = await operator.request<ApiError>('PUT', `${demo}/templates/${nginx.id}`, {
      description: 'x',
    });
    expect(update.body.error.upstream?.code).toBe('SVCSTG.AOS.4091010');
    expect((await viewer.get<AosTemplate>(`${demo}/templates/${nginx.id}`)).status).toBe(200);
  });
});

describe('AOS stacks', () => {
  it('lists stacks with status and phase, filtered by status, by token and by AK/SK', async () => {
    const all = await viewer.get<AosStack[]>(`${demo}/stacks`);
    expect(all.status).toBe(200);
    const byName = new Map(all.body.map((s) => [s.name, s]));
    expect(byName.get('demo-ecs')).toMatchObject({
      status: 'Running',
      consoleStatus: 'running',
      healthy: true,
    });
    expect(byName.get('demo-nginx')).toMatchObject({
      status: 'Abnormal',
      phase: 'UpgradeFailed',
      consoleStatus: 'failed',
      labels: { app: 'nginx', tier: 'web' },
      lastExecution: { actionName: 'upgrade', phase: 'Failed' },
    });
    expect(byName.get('demo-pending')).toMatchObject({ status: 'Pending', consoleStatus: 'stopped' });
    expect(sim.calls.list({ api: 'ListStacks' }).at(-1)?.status).toBe(200);
    const abnormal = await viewer.get<AosStack[]>(`${aksk}/stacks?status=Abnormal`);
    expect(abnormal.body.map((s) => s.name)).toContain('demo-nginx');
    expect(abnormal.body.every((s) => s.status === 'Abnormal')).toBe(true);
    const bad = await viewer.get<ApiError>(`${demo}/stacks?status=Broken`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
    const wrong = await viewer.get<ApiError>('/api/accounts/aos-wrong/aos/stacks');
    expect(wrong.status).toBe(502);
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-password');
    expect((await viewer.get<ApiError>('/api/accounts/nope/aos/stacks')).status).toBe(404);
  });

  it('shows a stack with what may be done, its elements, outputs, inputs and executions', async () => {
    const nginx = await stackNamed(demo, 'demo-nginx');
    const detail = (await viewer.get<AosStackDetail>(`${demo}/stacks/${nginx.id}`)).body;
    expect(detail).toMatchObject({
      phase: 'UpgradeFailed',
      busy: false,
      retryable: true,
      rollbackable: true,
      installed: true,
      deleteFailed: false,
      clusterId: '46c547ca-e96c-11e7-98b9-0255ac102005',
    });
    expect(detail.inputs.image).toMatch(/nginx:fail$/);
    expect(detail.inputs['admin-password']).toBe('*****');

    const elements = (await viewer.get<AosElement[]>(`${demo}/stacks/${nginx.id}/elements`)).body;
    expect(elements.map((e) => e.id).sort()).toEqual(['nginx-app', 'nginx-config', 'nginx-service']);
    const app = elements.find((e) => e.id === 'nginx-app');
    expect(app).toMatchObject({ type: 'Cloud.CCE.Deployment', phase: 'Failed', subActionName: 'upgrade' });
    const services = (await viewer.get<AosElement[]>(`${demo}/stacks/${nginx.id}/elements?type=Service`))
      .body;
    expect(services.map((e) => e.id)).toEqual(['nginx-service']);
    expect(services[0]?.relationships[0]).toMatchObject({
      targetId: 'nginx-app',
      type: 'Cloud.Relationships.ConnectsTo',
    });
    const one = (await viewer.get<AosElementDetail>(`${aksk}/stacks/${nginx.id}/elements/nginx-app`)).body;
    expect(one.instances.length).toBe(3);
    // The password input resolved into the element's properties is masked, as the inputs are.
    expect(one.properties).toMatchObject({ password: '*****', instances: 3 });
    expect(JSON.stringify(elements)).not.toContain('Nginx@2020');
    expect(one.instances[0]).toMatchObject({ phase: 'Running', podIp: expect.stringMatching(/^172\.16\./) });
    const noElement = await viewer.get<ApiError>(`${demo}/stacks/${nginx.id}/elements/nope`);
    expect(noElement.status).toBe(404);
    expect(noElement.body.error.upstream?.code).toMatch(/^SVCSTG\.AOS\.404/);

    const outputs = (await viewer.get<AosStackOutput[]>(`${demo}/stacks/${nginx.id}/outputs`)).body;
    const ips = outputs.find((o) => o.name === 'address_ip');
    expect(Array.isArray(ips?.value)).toBe(true);
    expect(outputs.find((o) => o.name === 'address_port')?.value).toBe('30080');
    const inputs = (await viewer.get<AosStackInput[]>(`${demo}/stacks/${nginx.id}/inputs`)).body;
    expect(inputs.find((i) => i.name === 'admin-password')).toEqual({
      name: 'admin-password',
      value: '*****',
      masked: true,
    });
    expect(inputs.find((i) => i.name === 'replicas')).toMatchObject({ value: 3, masked: false });

    const executions = (await viewer.get<AosExecution[]>(`${demo}/stacks/${nginx.id}/executions`)).body;
    expect(executions.map((x) => x.actionName)).toEqual(['upgrade', 'upgrade', 'create']);
    const failed = executions[0] as AosExecution;
    expect(failed).toMatchObject({ phase: 'Failed', rolloutId: `${nginx.id}.${failed.id}`, source: 'User' });
    expect(failed.message).toMatch(/nginx-app/);
    const last = (await viewer.get<AosExecution[]>(`${demo}/stacks/${nginx.id}/executions?last=true`)).body;
    expect(last.map((x) => x.id)).toEqual([failed.id]);
    const one2 = (await viewer.get<AosExecutionDetail>(`${demo}/stacks/${nginx.id}/executions/${failed.id}`))
      .body;
    const failedStep = one2.steps.find((s) => s.phase === 'Failed');
    expect(failedStep).toMatchObject({ node: 'nginx-app', subActionName: 'upgrade' });
    expect(failedStep?.message).toMatch(/timed out|did not become ready/);
    expect(one2.changedInputs).toMatchObject({ image: expect.stringMatching(/nginx:fail$/) });
    const noExecution = await viewer.get<ApiError>(`${demo}/stacks/${nginx.id}/executions/demo-nginx-1`);
    expect(noExecution.status).toBe(404);
    const badAction = await viewer.get<ApiError>(
      `${demo}/stacks/${nginx.id}/executions/${encodeURIComponent('-x')}`,
    );
    expect(badAction.status).toBe(400);
    expect(badAction.body.error.field).toBe('actionId');
    const missing = await viewer.get<ApiError>(`${demo}/stacks/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.upstream?.code).toBe('SVCSTG.AOS.4042101');
  });

  it('creates a stack from an uploaded template with its inputs (AK/SK), installs it and upgrades, fails, retries, rolls back', async () => {
    const template = await operator.post<AosTemplateWritten>(`${aksk}/templates`, {
      name: 'web-app',
      version: '2.0.0',
      content: WEB_TEMPLATE,
    });
    const body = {
      name: 'web-prod',
      templateId: template.body.id,
      description: 'web tier',
      inputs: { replicas: 3, tier: 'api', 'db-password': SECRET },
      labels: { team: 'web' },
      clusterId: '46c547ca-e96c-11e7-98b9-0255ac102005',
    };
    expect((await viewer.post(`${aksk}/stacks`, body)).status).toBe(403);
    const outOfRange = await operator.post<ApiError>(`${aksk}/stacks`, { ...body, inputs: { replicas: 50 } });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error.upstream?.code).toBe('SVCSTG.AOS.4002013');
    const badName = await operator.post<ApiError>(`${aksk}/stacks`, { ...body, name: 'Web Prod' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe('name');
    const badTimeout = await operator.post<ApiError>(`${aksk}/stacks`, { ...body, timeout: 5000 });
    expect(badTimeout.body.error.field).toBe('timeout');

    const created = await operator.post<AosStackCreated>(`${aksk}/stacks`, body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'web-prod', requestId: lastRequestId('CreateStack') });
    const id = created.body.id;
    const taken = await operator.post<ApiError>(`${aksk}/stacks`, body);
    expect(taken.body.error.upstream).toMatchObject({ code: 'SVCSTG.AOS.4092006', httpStatus: 409 });
    const installing = (await viewer.get<AosStackDetail>(`${aksk}/stacks/${id}`)).body;
    expect(installing).toMatchObject({ busy: true, consoleStatus: 'deploying', status: 'Processing' });
    const running = await settle(aksk, id);
    expect(running).toMatchObject({ status: 'Running', phase: 'CreateSucceeded', consoleStatus: 'running' });
    expect(running.inputs).toMatchObject({ replicas: 3, tier: 'api', 'db-password': '*****' });
    const elements = (await viewer.get<AosElement[]>(`${demo}/stacks/${id}/elements`)).body;
    expect(elements.every((e) => e.phase === 'Succeeded')).toBe(true);
    const outputs = (await viewer.get<AosStackOutput[]>(`${demo}/stacks/${id}/outputs`)).body;
    expect(outputs.find((o) => o.name === 'web_ips')?.value).toHaveLength(3);
    const audit = (await auditOf('aos-stack-create')).find(
      (a) => a.resource === 'stack/web-prod' && a.outcome === 'success',
    );
    expect(audit?.upstreamRequestId).toBe(created.body.requestId);
    expect(audit?.detail).toContain('inputs=replicas,tier,db-password');
    // The secret input is in no answer and no audit record.
    const answers = await Promise.all(
      ['', '/elements', '/elements/web-app', '/outputs', '/inputs', '/executions'].map(
        async (part) => (await viewer.get(`${demo}/stacks/${id}${part}`)).body,
      ),
    );
    const create = (await viewer.get<AosExecution[]>(`${demo}/stacks/${id}/executions`)).body[0];
    answers.push((await viewer.get(`${demo}/stacks/${id}/executions/${create?.id}`)).body);
    answers.push(await auditOf('aos-stack-create'));
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    expect(JSON.stringify(answers)).toContain('*****');

    // The masked secret sent back means "unchanged": nothing changes, and the cloud says so.
    const unchanged = await operator.post<ApiError>(`${demo}/stacks/${id}/upgrade`, {
      inputs: { 'db-password': '*****' },
    });
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.error.upstream?.code).toBe('SVCSTG.AOS.4002576');

    // An upgrade whose image carries the failure marker fails once.
    expect((await viewer.post(`${demo}/stacks/${id}/upgrade`, { inputs: { image: 'fail' } })).status).toBe(
      403,
    );
    const upgrade = await operator.post<AosLifecycleStarted>(`${demo}/stacks/${id}/upgrade`, {
      inputs: { image: 'fail' },
    });
    expect(upgrade.status).toBe(200);
    expect(upgrade.body.rolloutId).toBe(`${id}.${upgrade.body.actionId}`);
    expect(upgrade.body.requestId).toBe(lastRequestId('ExecuteStackLifecycle'));
    // While it runs, the stack is busy: another lifecycle is the cloud's 409.
    const busy = await operator.post<ApiError>(`${demo}/stacks/${id}/upgrade`, { inputs: { replicas: 4 } });
    expect(busy.status).toBe(422);
    expect(busy.body.error.upstream).toMatchObject({ code: 'SVCSTG.AOS.4090329', httpStatus: 409 });
    const failed = await settle(demo, id);
    expect(failed).toMatchObject({ phase: 'UpgradeFailed', retryable: true, rollbackable: true });
    const history = (await viewer.get<AosExecution[]>(`${demo}/stacks/${id}/executions`)).body;
    expect(history[0]).toMatchObject({ id: upgrade.body.actionId, actionName: 'upgrade', phase: 'Failed' });

    const retry = await operator.post<AosLifecycleStarted>(`${demo}/stacks/${id}/retry`, {});
    expect(retry.status).toBe(200);
    expect(retry.body.lastActionId).toBe(upgrade.body.actionId);
    const retried = await settle(demo, id);
    expect(retried).toMatchObject({ phase: 'UpgradeSucceeded', status: 'Running', retryable: false });
    const upgradeAudit = (await auditOf('aos-stack-upgrade')).find(
      (a) => a.upstreamRequestId === upgrade.body.requestId,
    );
    expect(upgradeAudit).toMatchObject({
      outcome: 'success',
      resource: `stack/${id}`,
      detail: 'inputs=image',
    });
    expect((await auditOf('aos-stack-retry')).some((a) => a.upstreamRequestId === retry.body.requestId)).toBe(
      true,
    );

    const rollback = await operator.post<AosLifecycleStarted>(`${aksk}/stacks/${id}/rollback`, {
      timeout: 30,
    });
    expect(rollback.status).toBe(200);
    const rolledBack = await settle(aksk, id);
    expect(rolledBack).toMatchObject({ phase: 'RollbackSucceeded', rollbackable: false });
    expect(rolledBack.inputs.image).toBe('swr.cn-north-4.myhuaweicloud.com/library/web:1.0');
    const again = await operator.post<ApiError>(`${demo}/stacks/${id}/rollback`, {});
    expect(again.body.error.upstream?.code).toBe('SVCSTG.AOS.4002515');
    const noRetry = await operator.post<ApiError>(`${demo}/stacks/${id}/retry`, {});
    expect(noRetry.body.error.upstream?.code).toBe('SVCSTG.AOS.4002548');

    // Another template for the upgrade: the new version, inputs kept.
    const next = await operator.post<AosTemplateWritten>(`${demo}/templates`, {
      name: 'web-app',
      version: '2.1.0',
      content: WEB_TEMPLATE.replace('default: 2\n', 'default: 4\n'),
    });
    const moved = await operator.post<AosLifecycleStarted>(`${demo}/stacks/${id}/upgrade`, {
      templateId: next.body.id,
    });
    expect(moved.status).toBe(200);
    const onNext = await settle(demo, id);
    expect(onNext).toMatchObject({
      templateId: next.body.id,
      templateVersion: '2.1.0',
      phase: 'UpgradeSucceeded',
    });
    expect(onNext.inputs.replicas).toBe(3);
  });

  it('installs a pending stack, deletes one through its lifecycle and one by force after its delete failed', async () => {
    const pending = await stackNamed(demo, 'demo-pending');
    expect((await viewer.get<AosStackDetail>(`${demo}/stacks/${pending.id}`)).body.installed).toBe(false);
    const install = await operator.post<AosLifecycleStarted>(`${demo}/stacks/${pending.id}/install`, {
      failureStrategy: 'Rollback',
    });
    expect(install.status).toBe(200);
    const installed = await settle(demo, pending.id);
    expect(installed).toMatchObject({ status: 'Running', installed: true });
    expect(
      (await auditOf('aos-stack-install')).some((a) => a.upstreamRequestId === install.body.requestId),
    ).toBe(true);

    // Lifecycle delete: the name is typed out, then the resources go and the stack with them.
    const wrongName = await operator.post<ApiError>(`${demo}/stacks/${pending.id}/lifecycle-delete`, {
      confirmName: 'demo-pendin',
    });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.field).toBe('confirmName');
    expect(
      (await viewer.post(`${demo}/stacks/${pending.id}/lifecycle-delete`, { confirmName: 'demo-pending' }))
        .status,
    ).toBe(403);
    const lifecycleDelete = await operator.post<AosLifecycleStarted>(
      `${demo}/stacks/${pending.id}/lifecycle-delete`,
      {
        confirmName: 'demo-pending',
      },
    );
    expect(lifecycleDelete.status).toBe(200);
    sim.clock.advance(60_000);
    expect((await viewer.get(`${demo}/stacks/${pending.id}`)).status).toBe(404);

    // A stack whose delete fails (the marker), removed with force afterwards.
    const nginx = await templateNamed('nginx-app', '1.0.0');
    const created = await operator.post<AosStackCreated>(`${demo}/stacks`, {
      name: 'sticky',
      templateId: nginx.id,
      inputs: { image: 'fail-delete' },
      autoCreate: false,
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect((await viewer.get<AosStackDetail>(`${demo}/stacks/${id}`)).body).toMatchObject({
      status: 'Pending',
      busy: false,
    });
    await operator.post(`${demo}/stacks/${id}/install`, {});
    await settle(demo, id);
    const early = await operator.request<ApiError>('DELETE', `${demo}/stacks/${id}`, {
      confirmName: 'sticky',
      force: true,
    });
    expect(early.body.error.upstream?.code).toBe('SVCSTG.AOS.4002103');
    expect(
      (await operator.request<ApiError>('DELETE', `${demo}/stacks/${id}`, { confirmName: 'stick' })).status,
    ).toBe(400);
    expect((await viewer.request('DELETE', `${demo}/stacks/${id}`, { confirmName: 'sticky' })).status).toBe(
      403,
    );
    const deleting = await operator.request<WriteResult>('DELETE', `${demo}/stacks/${id}`, {
      confirmName: 'sticky',
    });
    expect(deleting.status).toBe(200);
    expect(deleting.body.requestId).toBe(lastRequestId('DeleteStack'));
    const stuck = await settle(demo, id);
    expect(stuck).toMatchObject({ phase: 'DeleteFailed', deleteFailed: true });
    const forced = await operator.request<WriteResult>('DELETE', `${demo}/stacks/${id}`, {
      confirmName: 'sticky',
      force: true,
    });
    expect(forced.status).toBe(200);
    expect((await viewer.get(`${demo}/stacks/${id}`)).status).toBe(404);
    const audit = (await auditOf('aos-stack-delete')).filter((a) => a.resource === `stack/${id}`);
    expect(audit.map((a) => [a.outcome, a.detail?.split(';')[1]?.trim()])).toEqual(
      expect.arrayContaining([
        ['failure', 'force=true'],
        ['success', 'force=false'],
        ['success', 'force=true'],
      ]),
    );
  });
});

describe('AOS routes in the API document', () => {
  it('lists every AOS family route with its method', async () => {
    const doc = await viewer.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const p = (rest: string) => doc.body.paths[`/api/accounts/{accountId}/aos${rest}`];
    expect(p('/templates')).toHaveProperty('post');
    expect(p('/templates/{templateId}')).toHaveProperty('put');
    expect(p('/templates/{templateId}/content')).toHaveProperty('get');
    expect(p('/stacks/{stackId}')).toHaveProperty('delete');
    for (const action of ['install', 'upgrade', 'rollback', 'retry', 'lifecycle-delete'])
      expect(p(`/stacks/{stackId}/${action}`)).toHaveProperty('post');
    expect(p('/stacks/{stackId}/executions/{actionId}')).toHaveProperty('get');
  });
});
