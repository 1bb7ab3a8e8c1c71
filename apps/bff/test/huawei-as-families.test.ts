import { CLOUDSIM_DEFAULTS } from '@console/cloudsim';
import type {
  ApiError,
  AsActivityPage,
  AsConfig,
  AsConfigPage,
  AsCreated,
  AsGroup,
  AsGroupPage,
  AsGroupTags,
  AsHanging,
  AsHook,
  AsInstancePage,
  AsNotification,
  AsPolicy,
  AsPolicyPage,
  AsProjectTag,
  AsQuota,
  AuditPage,
  Rollout,
  WriteResult,
} from '@console/contract';
import { ConsoleClient } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HuaweiStack, startHuaweiStack } from './huawei-stack';

let h: HuaweiStack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let admin: ConsoleClient;
const as = '/api/accounts/as-demo/as';
const aksk = '/api/accounts/as-aksk/as';
const project = CLOUDSIM_DEFAULTS.huaweiProjectId;
/** The password this file sends: it may come back in no answer and no audit record. */
const PASSWORD = 'Families#Pass77';
const answers: string[] = [];

const put = <T>(c: ConsoleClient, path: string, body: unknown) => c.request<T>('PUT', path, body);
const del = <T>(c: ConsoleClient, path: string, body?: unknown) => c.request<T>('DELETE', path, body);
const keep = <T>(r: { status: number; body: T }) => {
  answers.push(JSON.stringify(r.body));
  return r;
};

async function auditOf(action: string) {
  return (await admin.get<AuditPage>(`/api/audit?action=${action}&pageSize=200`)).body.items;
}

/** The request id of the newest call of that AS API that reached the simulator. */
const lastRequestId = (api: string) => h.sim.calls.list({ api }).at(-1)?.requestId;

async function groupNamed(name: string): Promise<AsGroup> {
  const page = await viewer.get<AsGroupPage>(`${as}/groups?pageSize=100`);
  const found = page.body.items.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
}

const simGroup = (id: string) => h.sim.autoscaling.project(project).groups.get(id);

let web: AsGroup;
let hooked: AsGroup;
/** A configuration and a group this file creates and works on. */
let configId = '';
let groupId = '';
const GROUP = 'as-families-group';

beforeAll(async () => {
  h = await startHuaweiStack('as');
  ({ operator, viewer } = h);
  admin = await ConsoleClient.login(h.bff.url, 'admin', 'admin-demo-1');
  web = await groupNamed('as-group-web');
  hooked = await groupNamed('as-group-hooked');
});

afterAll(async () => {
  // No password in any answer or audit record of this file.
  const audit = await admin.get<AuditPage>('/api/audit?pageSize=200');
  expect(JSON.stringify(audit.body)).not.toContain(PASSWORD);
  expect(answers.join('\n')).not.toContain(PASSWORD);
  await h?.stop();
});

describe('Auto Scaling groups', () => {
  it('lists groups with status and capacity, by token and by AK/SK, filtered by status', async () => {
    const page = keep(await viewer.get<AsGroupPage>(`${as}/groups`));
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(web).toMatchObject({
      status: 'INSERVICE',
      current: 3,
      desired: 3,
      min: 1,
      max: 10,
      configName: 'as-config-web',
      healthAuditMethod: 'ELB_AUDIT',
    });
    expect(web.subnetIds).toHaveLength(1);
    expect(web.lbListenerIds).toEqual(['f06c0112570743b51c0e8fbe1f235bab']);
    const paused = await viewer.get<AsGroupPage>(`${aksk}/groups?status=PAUSED`);
    expect(paused.status).toBe(200);
    expect(paused.body.items.map((g) => g.name)).toEqual(['as-group-batch']);
    const onePage = await viewer.get<AsGroupPage>(`${as}/groups?page=2&pageSize=2`);
    expect(onePage.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(onePage.body.items).toHaveLength(1);
    const bad = await viewer.get<ApiError>(`${as}/groups?status=RUNNING`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
    expect((await viewer.get('/api/accounts/nope/as/groups')).status).toBe(404);
  });

  it('shows one group; an unknown one is a 404 with the cloud’s code', async () => {
    const detail = await viewer.get<AsGroup>(`${as}/groups/${web.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: web.id,
      name: 'as-group-web',
      description: 'Storefront web tier',
    });
    const unknown = await viewer.get<ApiError>(`${as}/groups/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.upstream?.code).toBe('AS.2007');
  });

  it('documents every Auto Scaling route in the OpenAPI document', async () => {
    const doc = await viewer.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/accounts/{accountId}/as/'));
    expect(paths).toContain('/api/accounts/{accountId}/as/groups/{groupId}/desired');
    expect(paths).toContain('/api/accounts/{accountId}/as/groups/{groupId}/notifications/{topicUrn}');
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });
});

describe('Auto Scaling configurations', () => {
  it('lists and shows configurations; a password login shows as such, never the password', async () => {
    const page = keep(await viewer.get<AsConfigPage>(`${as}/configs`));
    expect(page.body.total).toBe(3);
    const byName = new Map(page.body.items.map((c) => [c.name, c]));
    expect(byName.get('as-config-web')).toMatchObject({ keyName: 'web-keypair', hasAdminPass: false });
    expect(byName.get('as-config-web')?.disks).toEqual([
      { size: 40, volumeType: 'SATA', diskType: 'SYS' },
      { size: 100, volumeType: 'SSD', diskType: 'DATA' },
    ]);
    const batch = byName.get('as-config-batch') as AsConfig;
    const shown = keep(await viewer.get<AsConfig>(`${aksk}/configs/${batch.id}`));
    expect(shown.body).toMatchObject({ hasAdminPass: true, eipBandwidth: 10 });
    expect(JSON.stringify(shown.body)).not.toContain('Cl0ud$im-Batch');
    expect(JSON.stringify(shown.body)).not.toContain('admin_pass');
    const missing = await viewer.get<ApiError>(`${as}/configs/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.upstream?.code).toBe('AS.1004');
  });

  it('creates a configuration: bad input is a 400 naming the field, a viewer may not', async () => {
    const body = {
      name: 'as-families-config',
      flavorRef: 's3.medium.2',
      imageRef: '627a1223-2ca3-46a7-8d5f-7aef22c74ee6',
      disks: [{ size: 40, volumeType: 'SSD', diskType: 'SYS' }],
      adminPass: PASSWORD,
      metadata: { owner: 'families' },
    };
    expect((await viewer.post(`${as}/configs`, body)).status).toBe(403);
    const noSys = await operator.post<ApiError>(`${as}/configs`, { ...body, disks: [] });
    expect(noSys.status).toBe(400);
    expect(noSys.body.error.field).toBe('disks');
    const both = await operator.post<ApiError>(`${as}/configs`, { ...body, keyName: 'kp' });
    expect(both.status).toBe(400);
    expect(both.body.error.field).toBe('adminPass');
    const weak = keep(await operator.post<ApiError>(`${as}/configs`, { ...body, adminPass: 'weakpass' }));
    expect(weak.body.error.field).toBe('adminPass');
    const bigDisk = await operator.post<ApiError>(`${as}/configs`, {
      ...body,
      disks: [{ size: 2000, volumeType: 'SSD', diskType: 'SYS' }],
    });
    expect(bigDisk.body.error.field).toBe('disks.0.size');

    const created = keep(await operator.post<AsCreated>(`${as}/configs`, body));
    expect(created.status).toBe(200);
    configId = created.body.id;
    expect(created.body.requestId).toBe(lastRequestId('CreateScalingConfig'));
    const shown = await viewer.get<AsConfig>(`${as}/configs/${configId}`);
    expect(shown.body).toMatchObject({
      name: 'as-families-config',
      hasAdminPass: true,
      metadata: { owner: 'families' },
    });
    const [record] = await auditOf('as-config-create');
    expect(record).toMatchObject({
      outcome: 'success',
      username: 'operator',
      upstreamRequestId: created.body.requestId,
    });
    expect(record?.detail).toContain('login=password');
  });

  it('refuses to delete a configuration a group uses, with the cloud’s code; deletes unused ones in a batch', async () => {
    const configs = (await viewer.get<AsConfigPage>(`${as}/configs`)).body.items;
    const used = configs.find((c) => c.name === 'as-config-web') as AsConfig;
    const legacy = configs.find((c) => c.name === 'as-config-legacy') as AsConfig;
    const refused = await del<ApiError>(operator, `${as}/configs/${used.id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream).toMatchObject({ product: 'AS', code: 'AS.1006' });
    expect(refused.body.error.upstream?.requestId).toBe(lastRequestId('DeleteScalingConfig'));
    const [failure] = await auditOf('as-config-delete');
    expect(failure).toMatchObject({
      outcome: 'failure',
      upstreamRequestId: refused.body.error.upstream?.requestId,
    });

    const spare = await operator.post<AsCreated>(`${as}/configs`, {
      name: 'as-families-spare',
      flavorRef: 's3.small.1',
      imageRef: '627a1223-2ca3-46a7-8d5f-7aef22c74ee6',
      disks: [{ size: 40, volumeType: 'SATA', diskType: 'SYS' }],
      keyName: 'spare-keypair',
    });
    const tooMany = await operator.post<ApiError>(`${as}/configs/batch-delete`, { configIds: [] });
    expect(tooMany.status).toBe(400);
    // All or none: with the used one in it, nothing goes.
    const mixed = await operator.post<ApiError>(`${as}/configs/batch-delete`, {
      configIds: [legacy.id, used.id],
    });
    expect(mixed.body.error.upstream?.code).toBe('AS.1038');
    const batch = await operator.post<WriteResult>(`${as}/configs/batch-delete`, {
      configIds: [legacy.id, spare.body.id],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.requestId).toBe(lastRequestId('BatchDeleteScalingConfigs'));
    const left = (await viewer.get<AsConfigPage>(`${as}/configs`)).body.items.map((c) => c.name);
    expect(left).not.toContain('as-config-legacy');
    expect(left).not.toContain('as-families-spare');
    expect(left).toContain('as-families-config');
  });
});

describe('Auto Scaling group lifecycle', () => {
  it('refuses bad bounds and names before calling the cloud, then creates a group', async () => {
    const body = {
      name: GROUP,
      configId,
      vpcId: '863ccae2-ee85-4d27-bc5b-3ba2a198a9e2',
      subnetIds: ['3cd35bca-5a10-416f-8994-f79169559870'],
      securityGroupIds: ['8a4b1d5b-0054-419f-84b1-5c8a59ebc829'],
      min: 0,
      max: 4,
      coolDown: 60,
      healthAuditMethod: 'NOVA_AUDIT',
      healthAuditTime: 5,
      terminatePolicy: 'OLD_INSTANCE',
      description: 'made by the families test',
    };
    const before = h.sim.calls.list({ api: 'CreateScalingGroup' }).length;
    const minMax = await operator.post<ApiError>(`${as}/groups`, { ...body, min: 5 });
    expect(minMax.status).toBe(400);
    expect(minMax.body.error.field).toBe('min');
    const outside = await operator.post<ApiError>(`${as}/groups`, { ...body, desired: 7 });
    expect(outside.body.error.field).toBe('desired');
    const noName = await operator.post<ApiError>(`${as}/groups`, { ...body, name: '  ' });
    expect(noName.body.error.field).toBe('name');
    const noSubnet = await operator.post<ApiError>(`${as}/groups`, { ...body, subnetIds: [] });
    expect(noSubnet.body.error.field).toBe('subnetIds');
    const badAudit = await operator.post<ApiError>(`${as}/groups`, { ...body, healthAuditTime: 7 });
    expect(badAudit.body.error.field).toBe('healthAuditTime');
    expect(h.sim.calls.list({ api: 'CreateScalingGroup' }).length).toBe(before);
    expect((await viewer.post(`${as}/groups`, body)).status).toBe(403);

    const created = await operator.post<AsCreated>(`${as}/groups`, body);
    expect(created.status).toBe(200);
    groupId = created.body.id;
    const group = await viewer.get<AsGroup>(`${as}/groups/${groupId}`);
    expect(group.body).toMatchObject({
      name: GROUP,
      status: 'INSERVICE',
      desired: 0,
      min: 0,
      max: 4,
      coolDown: 60,
      terminatePolicy: 'OLD_INSTANCE',
      configId,
    });
    expect((await auditOf('as-group-create'))[0]).toMatchObject({
      outcome: 'success',
      upstreamRequestId: created.body.requestId,
    });
  });

  it('sets the desired count (both spellings), checked against the group’s bounds, and scales', async () => {
    const path = `${as}/groups/${groupId}/desired`;
    expect((await put(viewer, path, { desired: 2 })).status).toBe(403);
    const above = await put<ApiError>(operator, path, { desired: 9 });
    expect(above.status).toBe(400);
    expect(above.body.error.field).toBe('desired');
    expect(above.body.error.message).toContain('maximum (4)');
    const set = await put<WriteResult>(operator, path, { desired: 2 });
    expect(set.status).toBe(200);
    expect(simGroup(groupId)?.desired).toBe(2);
    const [record] = await auditOf('as-group-desired');
    expect(record).toMatchObject({
      outcome: 'success',
      upstreamRequestId: lastRequestId('UpdateScalingGroup'),
    });
    expect(record?.detail).toBe('desired 0 → 2');
    // The same count again changes nothing: the cloud says so.
    const same = await put<ApiError>(operator, path, { desired: 2 });
    expect(same.body.error.upstream?.code).toBe('AS.2028');

    expect((await viewer.get<AsGroup>(`${as}/groups/${groupId}`)).body.isScaling).toBe(true);
    h.sim.clock.advance(5 * 60_000);
    const group = await viewer.get<AsGroup>(`${as}/groups/${groupId}`);
    expect(group.body).toMatchObject({ current: 2, desired: 2, isScaling: false });
    const instances = await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances`);
    expect(instances.body.total).toBe(2);
    expect(
      instances.body.items.every((i) => i.lifeCycleState === 'INSERVICE' && i.healthStatus === 'NORMAL'),
    ).toBe(true);
  });

  it('edits settings, refusing bounds that no longer hold the desired count; pauses and resumes', async () => {
    const path = `${as}/groups/${groupId}`;
    const empty = await put<ApiError>(operator, path, {});
    expect(empty.status).toBe(400);
    const minAbove = await put<ApiError>(operator, path, { min: 3 });
    expect(minAbove.status).toBe(400);
    expect(minAbove.body.error.field).toBe('min');
    const edited = await put<WriteResult>(operator, path, { description: 'edited', coolDown: 120, max: 5 });
    expect(edited.status).toBe(200);
    expect((await viewer.get<AsGroup>(path)).body).toMatchObject({
      description: 'edited',
      coolDown: 120,
      max: 5,
    });
    // Subnets only change on an empty, disabled group: the cloud refuses, with its code.
    const subnets = await put<ApiError>(operator, path, { subnetIds: ['another-subnet'] });
    expect(subnets.body.error.upstream?.code).toBe('AS.2030');

    expect((await viewer.post(`${path}/pause`)).status).toBe(403);
    expect((await operator.post<WriteResult>(`${path}/pause`)).status).toBe(200);
    expect((await viewer.get<AsGroup>(path)).body.status).toBe('PAUSED');
    const resumed = await operator.post<WriteResult>(`${aksk}/groups/${groupId}/resume`);
    expect(resumed.status).toBe(200);
    expect((await viewer.get<AsGroup>(path)).body.status).toBe('INSERVICE');
    expect((await auditOf('as-group-pause'))[0]?.outcome).toBe('success');
    expect((await auditOf('as-group-resume'))[0]?.upstreamRequestId).toBe(resumed.body.requestId);
  });
});

describe('Auto Scaling instances', () => {
  it('protects and unprotects instances in a batch and filters by protection', async () => {
    const list = (await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances`)).body.items;
    const first = list[0]?.id as string;
    const path = `${as}/groups/${groupId}/instances/batch`;
    const tooMany = await operator.post<ApiError>(path, {
      action: 'PROTECT',
      instanceIds: Array.from({ length: 11 }, (_, i) => `i-${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.field).toBe('instanceIds');
    const deleteWithProtect = await operator.post<ApiError>(path, {
      action: 'PROTECT',
      instanceIds: [first],
      deleteInstance: true,
    });
    expect(deleteWithProtect.body.error.field).toBe('deleteInstance');
    expect((await viewer.post(path, { action: 'PROTECT', instanceIds: [first] })).status).toBe(403);
    const protectedOne = await operator.post<WriteResult>(path, { action: 'PROTECT', instanceIds: [first] });
    expect(protectedOne.status).toBe(200);
    const filtered = await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances?protected=true`);
    expect(filtered.body.items.map((i) => i.id)).toEqual([first]);
    expect(filtered.body.items[0]?.protected).toBe(true);
    const [record] = await auditOf('as-instance-batch');
    expect(record).toMatchObject({ outcome: 'success', upstreamRequestId: protectedOne.body.requestId });
    expect(record?.detail).toContain('action=PROTECT');
    await operator.post(path, { action: 'UNPROTECT', instanceIds: [first] });
    const none = await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances?protected=true`);
    expect(none.body.total).toBe(0);
  });

  it('removes one instance (the ECS kept), then adds one by hand', async () => {
    const list = (await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances`)).body.items;
    const target = list[0]?.id as string;
    const notHere = await del<ApiError>(operator, `${as}/groups/${groupId}/instances/${web.id}`);
    expect(notHere.status).toBe(404);
    const removed = await del<WriteResult>(
      operator,
      `${as}/groups/${groupId}/instances/${target}?deleteInstance=false`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.requestId).toBe(lastRequestId('DeleteScalingInstance'));
    h.sim.clock.advance(5 * 60_000);
    const after = await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances`);
    expect(after.body.items.map((i) => i.id)).not.toContain(target);
    expect((await viewer.get<AsGroup>(`${as}/groups/${groupId}`)).body.desired).toBe(1);

    const added = await operator.post<WriteResult>(`${as}/groups/${groupId}/instances/batch`, {
      action: 'ADD',
      instanceIds: ['f1e2d3c4-0001-4f4f-8f8f-000000000001'],
    });
    expect(added.status).toBe(200);
    h.sim.clock.advance(5 * 60_000);
    const manual = (await viewer.get<AsInstancePage>(`${as}/groups/${groupId}/instances`)).body.items.find(
      (i) => i.id === 'f1e2d3c4-0001-4f4f-8f8f-000000000001',
    );
    expect(manual).toMatchObject({ manual: true, lifeCycleState: 'INSERVICE' });
    const byState = await viewer.get<ApiError>(`${as}/groups/${groupId}/instances?lifeCycleState=RUNNING`);
    expect(byState.status).toBe(400);
  });
});

describe('Auto Scaling policies and activities', () => {
  let policyId = '';

  it('lists a group’s policies of each type and shows one', async () => {
    const page = await viewer.get<AsPolicyPage>(`${as}/groups/${web.id}/policies`);
    expect(page.body.total).toBe(3);
    const byType = new Map(page.body.items.map((p) => [p.type, p]));
    expect(byType.get('ALARM')).toMatchObject({
      alarmId: 'al1598000000000AbCdEf',
      action: { instancePercentage: 50 },
    });
    expect(byType.get('RECURRENCE')?.scheduled).toMatchObject({
      launchTime: '08:00',
      recurrenceType: 'Daily',
    });
    const one = await viewer.get<AsPolicy>(`${aksk}/policies/${byType.get('SCHEDULED')?.id}`);
    expect(one.body).toMatchObject({
      name: 'as-policy-promo',
      action: { operation: 'ADD', instanceNumber: 2 },
    });
    const alarms = await viewer.get<AsPolicyPage>(`${as}/groups/${web.id}/policies?type=ALARM`);
    expect(alarms.body.items).toHaveLength(1);
    const missing = await viewer.get<ApiError>(`${as}/policies/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.upstream?.code).toBe('AS.3020');
  });

  it('creates, edits, executes, pauses, resumes and deletes a policy', async () => {
    const path = `${as}/groups/${groupId}/policies`;
    const noEnd = await operator.post<ApiError>(path, {
      name: 'as-families-daily',
      type: 'RECURRENCE',
      scheduled: { launchTime: '06:30', recurrenceType: 'Weekly', recurrenceValue: '1,3' },
    });
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.error.field).toBe('scheduled.endTime');
    const badDays = await operator.post<ApiError>(path, {
      name: 'as-families-daily',
      type: 'RECURRENCE',
      scheduled: {
        launchTime: '06:30',
        recurrenceType: 'Weekly',
        recurrenceValue: '1,9',
        endTime: '2099-01-01T00:00Z',
      },
    });
    expect(badDays.body.error.field).toBe('scheduled.recurrenceValue');
    const noAlarm = await operator.post<ApiError>(path, { name: 'as-families-alarm', type: 'ALARM' });
    expect(noAlarm.body.error.field).toBe('alarmId');
    // The format is the contract's to check; that the time is in the future is the cloud's.
    const past = await operator.post<ApiError>(path, {
      name: 'as-families-once',
      type: 'SCHEDULED',
      scheduled: { launchTime: '2001-01-01T00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.upstream?.code).toBe('AS.3010');

    const created = await operator.post<AsCreated>(path, {
      name: 'as-families-once',
      type: 'SCHEDULED',
      scheduled: { launchTime: '2099-06-01T08:00Z' },
      action: { operation: 'SET', instanceNumber: 2 },
      coolDown: 0,
    });
    expect(created.status).toBe(200);
    policyId = created.body.id;
    expect((await auditOf('as-policy-create'))[0]).toMatchObject({
      upstreamRequestId: created.body.requestId,
    });
    const edited = await put<WriteResult>(operator, `${as}/policies/${policyId}`, {
      action: { operation: 'ADD', instanceNumber: 1 },
    });
    expect(edited.status).toBe(200);
    expect((await viewer.get<AsPolicy>(`${as}/policies/${policyId}`)).body.action).toMatchObject({
      operation: 'ADD',
      instanceNumber: 1,
    });

    expect((await viewer.post(`${as}/policies/${policyId}/execute`)).status).toBe(403);
    const desiredBefore = (await viewer.get<AsGroup>(`${as}/groups/${groupId}`)).body.desired;
    const executed = await operator.post<WriteResult>(`${as}/policies/${policyId}/execute`);
    expect(executed.status).toBe(200);
    expect((await viewer.get<AsGroup>(`${as}/groups/${groupId}`)).body.desired).toBe(desiredBefore + 1);
    expect((await auditOf('as-policy-execute'))[0]?.upstreamRequestId).toBe(executed.body.requestId);
    h.sim.clock.advance(5 * 60_000);

    expect((await operator.post(`${as}/policies/${policyId}/pause`)).status).toBe(200);
    expect((await viewer.get<AsPolicy>(`${as}/policies/${policyId}`)).body.status).toBe('PAUSED');
    const pausedRun = await operator.post<ApiError>(`${as}/policies/${policyId}/execute`);
    expect(pausedRun.body.error.upstream?.code).toBe('AS.3027');
    expect((await operator.post(`${as}/policies/${policyId}/resume`)).status).toBe(200);
    expect((await viewer.get<AsPolicy>(`${as}/policies/${policyId}`)).body.status).toBe('INSERVICE');
  });

  it('lists the group’s activities (v2) with their reasons, filtered by status, type and time', async () => {
    const page = await viewer.get<AsActivityPage>(`${as}/groups/${groupId}/activities`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const types = new Set(page.body.items.map((a) => a.type));
    expect(types.has('MANUAL_REMOVE')).toBe(true);
    expect(types.has('MANUAL_ADD')).toBe(true);
    const scaleOut = page.body.items.find((a) => a.reasons.some((r) => r.oldValue === 0 && r.newValue === 2));
    expect(scaleOut?.reasons[0]).toMatchObject({ changeReason: 'MANNUAL' });
    expect(scaleOut?.added).toHaveLength(2);
    expect(scaleOut?.rolloutId).toBe(`${groupId}.${scaleOut?.id}`);
    const manual = await viewer.get<AsActivityPage>(
      `${as}/groups/${groupId}/activities?types=MANUAL_ADD,MANUAL_REMOVE`,
    );
    expect(manual.body.items.every((a) => a.type === 'MANUAL_ADD' || a.type === 'MANUAL_REMOVE')).toBe(true);
    expect(manual.body.total).toBe(2);
    const done = await viewer.get<AsActivityPage>(
      `${as}/groups/${groupId}/activities?status=SUCCESS&pageSize=2`,
    );
    expect(done.body.items.every((a) => a.status === 'SUCCESS')).toBe(true);
    expect(done.body.items).toHaveLength(2);
    const future = await viewer.get<AsActivityPage>(
      `${as}/groups/${groupId}/activities?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`,
    );
    expect(future.body.total).toBe(0);
    const badType = await viewer.get<ApiError>(`${as}/groups/${groupId}/activities?types=NORMAL,BOGUS`);
    expect(badType.status).toBe(400);
    expect(badType.body.error.field).toBe('types');
  });

  it('deletes the policy', async () => {
    expect((await del(viewer, `${as}/policies/${policyId}`)).status).toBe(403);
    const deleted = await del<WriteResult>(operator, `${as}/policies/${policyId}`);
    expect(deleted.status).toBe(200);
    expect((await viewer.get(`${as}/policies/${policyId}`)).status).toBe(404);
    expect((await auditOf('as-policy-delete'))[0]).toMatchObject({ outcome: 'success' });
  });
});

describe('Auto Scaling lifecycle hooks', () => {
  const urn = `urn:smn:ae-ad-1:${project.replace(/[^A-Za-z0-9]/g, '')}:as-families`;

  it('lists a group’s hooks, shows one, and links each held instance to the rollout waiting on it', async () => {
    const list = await viewer.get<AsHook[]>(`${as}/groups/${hooked.id}/hooks`);
    expect(list.body.map((x) => x.name).sort()).toEqual(['drain-logs', 'install-agent']);
    const one = await viewer.get<AsHook>(`${as}/groups/${hooked.id}/hooks/install-agent`);
    expect(one.body).toMatchObject({
      type: 'INSTANCE_LAUNCHING',
      defaultResult: 'ABANDON',
      defaultTimeout: 3600,
    });
    expect((await viewer.get(`${as}/groups/${hooked.id}/hooks/no-such-hook`)).status).toBe(404);

    const hanging = keep(await viewer.get<AsHanging[]>(`${as}/groups/${hooked.id}/hanging`));
    expect(hanging.body).toHaveLength(1);
    const held = hanging.body[0] as AsHanging;
    expect(held).toMatchObject({
      hookName: 'install-agent',
      status: 'HANGING',
      instanceName: 'as-config-web-P0OI9UYT',
    });
    expect(held.rolloutId).toMatch(new RegExp(`^${hooked.id}\\.`));
    expect(JSON.stringify(hanging.body)).not.toMatch(/action_key|actionKey/);
    const rollout = await viewer.get<Rollout>(`/api/accounts/as-demo/rollouts/${held.rolloutId}`);
    expect(rollout.status).toBe(200);
    expect(rollout.body.status).toBe('waiting');
  });

  it('creates, edits and deletes a hook on the families group', async () => {
    const path = `${as}/groups/${groupId}/hooks`;
    const badName = await operator.post<ApiError>(path, {
      name: 'bad name',
      type: 'INSTANCE_LAUNCHING',
      topicUrn: urn,
    });
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe('name');
    const badTimeout = await operator.post<ApiError>(path, {
      name: 'warm-up',
      type: 'INSTANCE_LAUNCHING',
      topicUrn: urn,
      defaultTimeout: 30,
    });
    expect(badTimeout.body.error.field).toBe('defaultTimeout');
    expect(
      (await viewer.post(path, { name: 'warm-up', type: 'INSTANCE_LAUNCHING', topicUrn: urn })).status,
    ).toBe(403);
    const created = await operator.post<AsHook & WriteResult>(path, {
      name: 'warm-up',
      type: 'INSTANCE_LAUNCHING',
      topicUrn: urn,
      defaultResult: 'CONTINUE',
      defaultTimeout: 600,
      metadata: 'stage=warm',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'warm-up',
      topicName: 'as-families',
      defaultResult: 'CONTINUE',
    });
    expect((await auditOf('as-hook-create'))[0]?.upstreamRequestId).toBe(created.body.requestId);
    const twice = await operator.post<ApiError>(path, {
      name: 'warm-up',
      type: 'INSTANCE_LAUNCHING',
      topicUrn: urn,
    });
    expect(twice.body.error.upstream?.code).toBe('AS.7041');
    const edited = await put<AsHook>(operator, `${path}/warm-up`, { defaultTimeout: 1200 });
    expect(edited.status).toBe(200);
    expect(edited.body.defaultTimeout).toBe(1200);
    expect((await del<WriteResult>(operator, `${path}/warm-up`)).status).toBe(200);
    expect((await viewer.get<AsHook[]>(path)).body).toEqual([]);
    expect((await auditOf('as-hook-delete'))[0]).toMatchObject({ outcome: 'success' });
  });
});

describe('Auto Scaling notifications, tags and quotas', () => {
  const urn = `urn:smn:ae-ad-1:${project.replace(/[^A-Za-z0-9]/g, '')}:as-families-topic`;

  it('configures, changes and deletes a notification topic', async () => {
    const seeded = await viewer.get<AsNotification[]>(`${as}/groups/${web.id}/notifications`);
    expect(seeded.body[0]?.topicName).toBe('as-web-alerts');
    expect(seeded.body[0]?.scenes).toHaveLength(5);
    const path = `${as}/groups/${groupId}/notifications`;
    const badUrn = await put<ApiError>(operator, path, { topicUrn: 'not-a-urn', scenes: ['SCALING_UP'] });
    expect(badUrn.status).toBe(400);
    expect(badUrn.body.error.field).toBe('topicUrn');
    const noScene = await put<ApiError>(operator, path, { topicUrn: urn, scenes: [] });
    expect(noScene.body.error.field).toBe('scenes');
    const set = await put<AsNotification & WriteResult>(operator, path, {
      topicUrn: urn,
      scenes: ['SCALING_UP'],
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ topicName: 'as-families-topic', scenes: ['SCALING_UP'] });
    await put(operator, path, { topicUrn: urn, scenes: ['SCALING_UP', 'SCALING_DOWN_FAIL'] });
    const list = await viewer.get<AsNotification[]>(path);
    expect(list.body).toEqual([
      { topicUrn: urn, topicName: 'as-families-topic', scenes: ['SCALING_UP', 'SCALING_DOWN_FAIL'] },
    ]);
    // The URN, colons and all, travels in the path (and through the AK/SK signature).
    const deleted = await del<WriteResult>(
      operator,
      `${aksk}/groups/${groupId}/notifications/${encodeURIComponent(urn)}`,
    );
    expect(deleted.status).toBe(200);
    expect((await viewer.get<AsNotification[]>(path)).body).toEqual([]);
    expect((await auditOf('as-notification-delete'))[0]?.upstreamRequestId).toBe(deleted.body.requestId);
  });

  it('adds, replaces and deletes a group’s tags; the project’s tag keys list every value', async () => {
    const seeded = await viewer.get<AsGroupTags>(`${as}/groups/${web.id}/tags`);
    expect(seeded.body.tags).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'web' },
    ]);
    const path = `${as}/groups/${groupId}/tags`;
    const dup = await operator.post<ApiError>(path, {
      tags: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.field).toBe('tags');
    const longKey = await operator.post<ApiError>(path, { tags: [{ key: 'k'.repeat(37), value: '' }] });
    expect(longKey.body.error.field).toBe('tags.0.key');
    expect((await viewer.post(path, { tags: [{ key: 'env', value: 'qa' }] })).status).toBe(403);
    const added = await operator.post<WriteResult>(path, {
      tags: [
        { key: 'env', value: 'qa' },
        { key: 'owner', value: 'families' },
      ],
    });
    expect(added.status).toBe(200);
    expect((await auditOf('as-tag-create'))[0]?.upstreamRequestId).toBe(added.body.requestId);
    await operator.post(path, { tags: [{ key: 'env', value: 'perf' }] });
    expect((await viewer.get<AsGroupTags>(path)).body.tags).toEqual([
      { key: 'env', value: 'perf' },
      { key: 'owner', value: 'families' },
    ]);
    const project = await viewer.get<AsProjectTag[]>(`${as}/tags`);
    expect(project.body.find((t) => t.key === 'env')?.values.sort()).toEqual([
      'dev',
      'perf',
      'prod',
      'staging',
    ]);
    const removed = await del<WriteResult>(operator, path, { keys: ['owner'] });
    expect(removed.status).toBe(200);
    expect((await viewer.get<AsGroupTags>(path)).body.tags).toEqual([{ key: 'env', value: 'perf' }]);
    expect((await auditOf('as-tag-delete'))[0]).toMatchObject({ outcome: 'success', detail: 'keys=owner' });
  });

  it('shows the tenant’s quotas and a group’s policy and instance quotas', async () => {
    const tenant = await viewer.get<AsQuota[]>(`${as}/quotas`);
    const byType = new Map(tenant.body.map((q) => [q.type, q]));
    expect(byType.get('scaling_Group')).toMatchObject({ used: 4, quota: 25, max: 50 });
    expect(byType.get('scaling_Config')?.used).toBe(3);
    expect(byType.get('scaling_Policy')?.used).toBe(-1);
    const group = await viewer.get<AsQuota[]>(`${aksk}/groups/${web.id}/quotas`);
    expect(group.body.find((q) => q.type === 'scaling_Policy')?.used).toBe(3);
    expect(group.body.find((q) => q.type === 'scaling_Instance')?.used).toBe(3);
  });
});

describe('Auto Scaling group deletion', () => {
  it('deletes a group only with its name typed; force removes its instances first', async () => {
    const path = `${as}/groups/${groupId}`;
    expect((await del(viewer, path, { confirmName: GROUP })).status).toBe(403);
    const wrong = await del<ApiError>(operator, path, { confirmName: 'as-group-web' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('confirmName');
    // Not forced while it has instances: the cloud refuses.
    const notEmpty = await del<ApiError>(operator, path, { confirmName: GROUP });
    expect(notEmpty.body.error.upstream?.code).toBe('AS.2021');
    const forced = await del<WriteResult>(operator, path, { confirmName: GROUP, force: true });
    expect(forced.status).toBe(200);
    const records = await auditOf('as-group-delete');
    expect(records[0]).toMatchObject({ outcome: 'success', upstreamRequestId: forced.body.requestId });
    expect(records[0]?.detail).toContain('force_delete=yes');
    expect(records[1]).toMatchObject({ outcome: 'failure' });
    h.sim.clock.advance(10 * 60_000);
    expect((await viewer.get(path)).status).toBe(404);
  });
});
