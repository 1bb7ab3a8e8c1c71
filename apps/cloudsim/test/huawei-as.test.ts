import { type AsApiName, asApiByName, asApis } from '@console/catalogue';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../src/clock';
import { AS_SEED } from '../src/huawei/as/seed';
import { AsWorld } from '../src/huawei/as/world';
import type { HuaweiRequest, HuaweiResponse } from '../src/huawei/types';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are walked freely in assertions
type Json = Record<string, any>;

/** Monday 2026-01-05 06:00:00 UTC. */
const START = Date.UTC(2026, 0, 5, 6, 0, 0);
const V1 = '/autoscaling-api/v1/p1';
const G = AS_SEED.groups;

function setup(seed = true) {
  const clock = new SimClock({ timeScale: 0, start: START });
  const world = new AsWorld({ clock, projectId: 'p1', seed });
  const request = (
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string> = {},
    projectId = 'p1',
  ): HuaweiRequest => ({
    method,
    path,
    query: new URLSearchParams(query),
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
    projectId,
    domainId: 'd1',
    userId: 'u1',
    requestId: 'req-1',
    now: clock.now(),
  });
  const call = (
    method: string,
    path: string,
    body?: unknown,
    query?: Record<string, string>,
  ): HuaweiResponse => {
    const res = world.handle(request(method, path, body, query));
    if (!res) throw new Error(`no AS API for ${method} ${path}`);
    return res;
  };
  /** The body of a call that must succeed. */
  const ok = (method: string, path: string, body?: unknown, query?: Record<string, string>): Json => {
    const res = call(method, path, body, query);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body ?? {}) as Json;
  };
  const fail = (method: string, path: string, body?: unknown, query?: Record<string, string>) => {
    const res = call(method, path, body, query);
    return {
      status: res.status,
      code: (res.body as Json)?.error?.code as string,
      message: (res.body as Json)?.error?.message,
    };
  };
  const instances = (groupId: string, query?: Record<string, string>) =>
    ok('GET', `${V1}/scaling_group_instance/${groupId}/list`, undefined, query)
      .scaling_group_instances as Json[];
  const group = (groupId: string) => ok('GET', `${V1}/scaling_group/${groupId}`).scaling_group as Json;
  const logs = (groupId: string) =>
    ok('GET', `/autoscaling-api/v2/p1/scaling_activity_log/${groupId}`).scaling_activity_log as Json[];
  const hanging = (groupId: string) =>
    ok('GET', `${V1}/scaling_instance_hook/${groupId}/list`).instance_hanging_info as Json[];
  return { clock, world, request, call, ok, fail, instances, group, logs, hanging };
}

const NETWORKS = [{ id: '3cd35bca-5a10-416f-8994-f79169559870' }];

function createGroup(t: ReturnType<typeof setup>, over: Json = {}): string {
  return t.ok('POST', `${V1}/scaling_group`, {
    scaling_group_name: `grp-${Math.random().toString(36).slice(2, 8)}`,
    scaling_configuration_id: AS_SEED.configs.web.id,
    vpc_id: 'vpc-1',
    networks: NETWORKS,
    min_instance_number: 0,
    max_instance_number: 10,
    ...over,
  }).scaling_group_id as string;
}

describe('AS simulator — the 38 APIs', () => {
  it('answers every API of the catalogue with its documented status and body', () => {
    const t = setup();
    const answered = new Map<AsApiName, number>();
    /** Calls the API, checks the catalogue's status and top-level response fields, returns the body. */
    const api = (name: AsApiName, path: string, body?: unknown, query?: Record<string, string>): Json => {
      const spec = asApiByName[name];
      const res = t.call(spec.method, path, body, query);
      expect(res.api, name).toBe(name);
      expect(res.status, `${name} ${JSON.stringify(res.body)}`).toBe(spec.status);
      if (spec.status === 204) expect(res.body, name).toBeUndefined();
      const out = (res.body ?? {}) as Json;
      for (const f of spec.response) {
        if (
          name === 'ListResourceInstances' &&
          body &&
          (body as Json).action === 'count' &&
          f.name !== 'total_count'
        ) {
          expect(out, `${name} count`).not.toHaveProperty(f.name);
          continue;
        }
        expect(out, `${name}.${f.name}`).toHaveProperty(f.name);
      }
      answered.set(name, (answered.get(name) ?? 0) + 1);
      return out;
    };

    // Configurations
    const cfg = api('CreateScalingConfig', `${V1}/scaling_configuration`, {
      scaling_configuration_name: 'as-config-tlzp',
      instance_config: {
        flavorRef: 's3.xlarge.4',
        imageRef: '627a1223-2ca3-46a7-8d5f-7aef22c74ee6',
        disk: [{ size: 40, volume_type: 'SATA', disk_type: 'SYS' }],
        key_name: '100vm_key',
        security_groups: [{ id: '6c22a6c0-b5d2-4a84-ac56-51090dcc33be' }],
        multi_flavor_priority_policy: 'PICK_FIRST',
      },
    }).scaling_configuration_id as string;
    expect(cfg).toMatch(/^[0-9a-f-]{36}$/);
    const cfgList = api('ListScalingConfigs', `${V1}/scaling_configuration`, undefined, {
      image_id: '627a1223-2ca3-46a7-8d5f-7aef22c74ee6',
    });
    expect(cfgList).toMatchObject({ start_number: 0, limit: 20 });
    expect(cfgList.scaling_configurations.map((c: Json) => c.scaling_configuration_name)).toContain(
      'as-config-tlzp',
    );
    const cfgShow = api('ShowScalingConfig', `${V1}/scaling_configuration/${cfg}`).scaling_configuration;
    expect(cfgShow).toMatchObject({
      tenant: 'p1',
      scaling_configuration_name: 'as-config-tlzp',
      instance_config: {
        flavorRef: 's3.xlarge.4',
        key_name: '100vm_key',
        disk: [{ size: 40, disk_type: 'SYS' }],
        adminPass: null,
      },
    });
    expect(cfgShow.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const copy = t.ok('POST', `${V1}/scaling_configuration`, {
      source_scaling_configuration_id: cfg,
      scaling_configuration_name: 'as-config-copy',
      instance_config: { flavorRef: 's3.large.2', key_name: null },
    }).scaling_configuration_id;
    expect(
      t.ok('GET', `${V1}/scaling_configuration/${copy}`).scaling_configuration.instance_config,
    ).toMatchObject({
      flavorRef: 's3.large.2',
      key_name: '100vm_key',
    });

    // Groups
    const gid = api('CreateScalingGroup', `${V1}/scaling_group`, {
      scaling_group_name: 'GroupNameTest',
      scaling_configuration_id: cfg,
      desire_instance_number: 0,
      min_instance_number: 0,
      max_instance_number: 10,
      health_periodic_audit_method: 'NOVA_AUDIT',
      vpc_id: 'a8327883-6b07-4497-9c61-68d03ee193a',
      available_zones: ['XXa', 'XXb'],
      networks: NETWORKS,
      multi_az_priority_policy: 'PICK_FIRST',
    }).scaling_group_id as string;
    const groups = api('ListScalingGroups', `${V1}/scaling_group`, undefined, {
      scaling_group_name: 'GroupName',
    });
    expect(groups).toMatchObject({ total_number: 1, start_number: 0, limit: 20 });
    const shown = api('ShowScalingGroup', `${V1}/scaling_group/${gid}`).scaling_group;
    expect(shown).toMatchObject({
      scaling_group_id: gid,
      scaling_group_name: 'GroupNameTest',
      scaling_group_status: 'INSERVICE',
      scaling_configuration_name: 'as-config-tlzp',
      current_instance_number: 0,
      desire_instance_number: 0,
      desired_instance_number: 0,
      cool_down_time: 300,
      health_periodic_audit_time: 5,
      health_periodic_audit_grace_period: 600,
      instance_terminate_policy: 'OLD_CONFIG_OLD_INSTANCE',
      is_scaling: false,
      multi_az_priority_policy: 'PICK_FIRST',
      networks: [{ id: NETWORKS[0]?.id, ipv6_enable: false, ipv6_bandwidth: null }],
    });
    expect(
      api('UpdateScalingGroup', `${V1}/scaling_group/${gid}`, {
        desired_instance_number: 1,
        cool_down_time: 200,
      }),
    ).toEqual({
      scaling_group_id: gid,
    });
    api('EnableOrDisableScalingGroup', `${V1}/scaling_group/${gid}/action`, { action: 'pause' });
    api('EnableOrDisableScalingGroup', `${V1}/scaling_group/${gid}/action`, { action: 'resume' });
    t.clock.advance(31_000);

    // Instances
    const members = api('ListScalingInstances', `${V1}/scaling_group_instance/${gid}/list`, undefined, {
      life_cycle_state: 'INSERVICE',
      health_status: 'NORMAL',
    });
    expect(members.total_number).toBe(1);
    expect(members.scaling_group_instances[0]).toMatchObject({
      scaling_group_id: gid,
      scaling_group_name: 'GroupNameTest',
      life_cycle_state: 'INSERVICE',
      health_status: 'NORMAL',
      scaling_configuration_id: cfg,
      protect_from_scaling_down: false,
    });
    api('BatchOperateScalingInstances', `${V1}/scaling_group_instance/${gid}/action`, {
      action: 'ADD',
      instances_id: ['instance_id_1', 'instance_id_2'],
    });
    t.clock.advance(31_000);
    expect(t.instances(gid)).toHaveLength(3);
    api('BatchOperateScalingInstances', `${V1}/scaling_group_instance/${gid}/action`, {
      action: 'PROTECT',
      instances_id: ['instance_id_1'],
    });
    api('BatchOperateScalingInstances', `${V1}/scaling_group_instance/${gid}/action`, {
      action: 'UNPROTECT',
      instances_id: ['instance_id_1'],
    });
    api('BatchOperateScalingInstances', `${V1}/scaling_group_instance/${gid}/action`, {
      action: 'REMOVE',
      instances_id: ['instance_id_1'],
      instance_delete: 'no',
    });
    t.clock.advance(31_000);
    api('DeleteScalingInstance', `${V1}/scaling_group_instance/instance_id_2`, undefined, {
      instance_delete: 'no',
    });
    t.clock.advance(31_000);
    expect(t.instances(gid)).toHaveLength(1);

    // Policies
    const pid = api('CreateScalingPolicy', `${V1}/scaling_policy`, {
      scaling_policy_name: 'as-policy-7a75',
      scaling_policy_action: { operation: 'ADD', instance_number: 1 },
      cool_down_time: 900,
      scheduled_policy: {
        launch_time: '16:00',
        recurrence_type: 'Daily',
        start_time: '2026-01-05T03:34Z',
        end_time: '2026-01-27T03:34Z',
      },
      scaling_policy_type: 'RECURRENCE',
      scaling_group_id: gid,
    }).scaling_policy_id as string;
    expect(
      api('UpdateScalingPolicy', `${V1}/scaling_policy/${pid}`, {
        scaling_policy_type: 'RECURRENCE',
        scaling_policy_name: 'policy_01',
        scheduled_policy: {
          launch_time: '16:00',
          recurrence_type: 'Daily',
          end_time: '2026-02-08T17:31Z',
          start_time: '2026-01-08T17:31Z',
        },
        scaling_policy_action: { operation: 'SET', instance_number: 2 },
      }),
    ).toEqual({ scaling_policy_id: pid });
    const policies = api('ListScalingPolicies', `${V1}/scaling_policy/${gid}/list`, undefined, {
      scaling_policy_type: 'RECURRENCE',
    });
    expect(policies.total_number).toBe(1);
    expect(api('ShowScalingPolicy', `${V1}/scaling_policy/${pid}`).scaling_policy).toMatchObject({
      scaling_policy_id: pid,
      scaling_group_id: gid,
      scaling_policy_name: 'policy_01',
      scaling_policy_type: 'RECURRENCE',
      policy_status: 'INSERVICE',
      cool_down_time: 900,
      scheduled_policy: {
        launch_time: '16:00',
        recurrence_type: 'Daily',
        recurrence_value: null,
        start_time: '2026-01-08T17:31Z',
      },
      scaling_policy_action: { operation: 'SET', instance_number: 2 },
    });
    api('ExecuteOrEnableOrDisableScalingPolicy', `${V1}/scaling_policy/${pid}/action`, { action: 'pause' });
    api('ExecuteOrEnableOrDisableScalingPolicy', `${V1}/scaling_policy/${pid}/action`, { action: 'resume' });
    api('ExecuteOrEnableOrDisableScalingPolicy', `${V1}/scaling_policy/${pid}/action`, { action: 'execute' });
    expect(t.ok('GET', `${V1}/scaling_policy/${pid}`).scaling_policy.policy_status).toBe('EXECUTING');
    t.clock.advance(31_000);

    // Activity logs
    const v1 = api('ListScalingActivityLogs', `${V1}/scaling_activity_log/${gid}`, undefined, {
      start_time: '2026-01-05T00:00:00Z',
      end_time: '2026-01-06T00:00:00Z',
    });
    expect(v1).toMatchObject({ start_number: 0, limit: 20 });
    expect(v1.total_number).toBeGreaterThanOrEqual(5);
    const latest = v1.scaling_activity_log[0];
    expect(latest).toMatchObject({ status: 'SUCCESS', instance_value: 1, desire_value: 2, scaling_value: 1 });
    expect(typeof latest.instance_added_list).toBe('string');
    expect(JSON.parse(latest.description).reason[0]).toMatchObject({
      change_reason: 'MANNUAL',
      old_value: 1,
      new_value: 2,
      scaling_policy_id: pid,
    });
    const v2 = api(
      'ListScalingActivityV2Logs',
      `/autoscaling-api/v2/p1/scaling_activity_log/${gid}`,
      undefined,
      {
        type: 'MANUAL_ADD,MANUAL_REMOVE',
      },
    );
    expect(v2.scaling_activity_log.map((a: Json) => a.type).sort()).toEqual([
      'MANUAL_ADD',
      'MANUAL_REMOVE',
      'MANUAL_REMOVE',
    ]);
    const added = v2.scaling_activity_log.find((a: Json) => a.type === 'MANUAL_ADD');
    expect(added.instance_added_list.map((i: Json) => i.instance_id).sort()).toEqual([
      'instance_id_1',
      'instance_id_2',
    ]);
    expect(added).toMatchObject({ lb_bind_success_list: [], instance_failed_list: [], status: 'SUCCESS' });

    // Quotas
    const quotas = api('ShowResourceQuota', `${V1}/quotas`).quotas.resources as Json[];
    expect(quotas.map((q) => q.type)).toEqual([
      'scaling_Group',
      'scaling_Config',
      'scaling_Policy',
      'scaling_Instance',
    ]);
    expect(quotas[0]).toMatchObject({ used: 4, quota: 25, max: 50, min: 0 });
    expect(quotas[2]).toMatchObject({ used: -1 });
    const groupQuota = api('ShowPolicyAndInstanceQuota', `${V1}/quotas/${gid}`).quotas.resources;
    expect(groupQuota).toEqual([
      { type: 'scaling_Policy', used: 1, quota: 50, max: 50, min: 0 },
      { type: 'scaling_Instance', used: 2, quota: 200, max: 1000, min: 0 },
    ]);

    // Notifications
    const urn = 'urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh';
    const scenes = [
      'SCALING_UP',
      'SCALING_UP_FAIL',
      'SCALING_DOWN',
      'SCALING_DOWN_FAIL',
      'SCALING_GROUP_ABNORMAL',
    ];
    expect(
      api('CreateScalingNotification', `${V1}/scaling_notification/${gid}`, {
        topic_urn: urn,
        topic_scene: scenes,
      }),
    ).toEqual({
      topic_urn: urn,
      topic_scene: scenes,
      topic_name: 'gsh',
    });
    expect(api('ListScalingNotifications', `${V1}/scaling_notification/${gid}`).topics).toEqual([
      { topic_urn: urn, topic_scene: scenes, topic_name: 'gsh' },
    ]);
    api('DeleteScalingNotification', `${V1}/scaling_notification/${gid}/${urn}`);
    expect(t.ok('GET', `${V1}/scaling_notification/${gid}`).topics).toEqual([]);

    // Lifecycle hooks
    const hook = api('CreateLifecycleHook', `${V1}/scaling_lifecycle_hook/${gid}`, {
      lifecycle_hook_name: 'test-hook1',
      default_result: 'ABANDON',
      default_timeout: 3600,
      notification_topic_urn: urn,
      lifecycle_hook_type: 'INSTANCE_LAUNCHING',
    });
    expect(hook).toMatchObject({
      lifecycle_hook_name: 'test-hook1',
      notification_topic_name: 'gsh',
      notification_metadata: null,
    });
    expect(
      api('ListLifecycleHooks', `${V1}/scaling_lifecycle_hook/${gid}/list`).lifecycle_hooks,
    ).toHaveLength(1);
    expect(api('ShowLifecycleHook', `${V1}/scaling_lifecycle_hook/${gid}/test-hook1`).default_result).toBe(
      'ABANDON',
    );
    expect(
      api('UpdateLifecycleHook', `${V1}/scaling_lifecycle_hook/${gid}/test-hook1`, {
        default_result: 'CONTINUE',
      }).default_result,
    ).toBe('CONTINUE');
    t.ok('PUT', `${V1}/scaling_group/${gid}`, { desire_instance_number: 3 });
    t.clock.advance(30_000);
    const info = api('ListHookInstances', `${V1}/scaling_instance_hook/${gid}/list`)
      .instance_hanging_info as Json[];
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      scaling_group_id: gid,
      lifecycle_hook_name: 'test-hook1',
      lifecycle_hook_status: 'HANGING',
    });
    api('CompleteLifecycleAction', `${V1}/scaling_instance_hook/${gid}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      lifecycle_action_key: info[0]?.lifecycle_action_key,
    });
    expect(t.instances(gid, { life_cycle_state: 'INSERVICE' })).toHaveLength(3);
    api('DeleteLifecycleHook', `${V1}/scaling_lifecycle_hook/${gid}/test-hook1`);

    // Tags
    api('CreateOrDeleteScalingTags', `${V1}/scaling_group_tag/${gid}/tags/action`, {
      tags: [
        { key: 'ENV15', value: 'ENV15' },
        { key: 'ENV151', value: 'ENV151' },
      ],
      action: 'create',
    });
    expect(api('ListScalingTagInfosByResourceId', `${V1}/scaling_group_tag/${gid}/tags`)).toEqual({
      tags: [
        { key: 'ENV15', value: 'ENV15' },
        { key: 'ENV151', value: 'ENV151' },
      ],
      sys_tags: null,
    });
    const projectTags = api('ListScalingTagInfosByTenantId', `${V1}/scaling_group_tag/tags`).tags as Json[];
    expect(projectTags).toContainEqual({ key: 'env', values: ['prod', 'dev', 'staging'] });
    expect(projectTags).toContainEqual({ key: 'ENV15', values: ['ENV15'] });
    const found = api('ListResourceInstances', `${V1}/scaling_group_tag/resource_instances/action`, {
      action: 'filter',
      tags: [{ key: 'ENV15', values: ['ENV15'] }],
      matches: [{ key: 'resource_name', value: 'GroupName' }],
    });
    expect(found).toEqual({
      resources: [
        {
          resource_id: gid,
          resource_detail: 'SCALING_GROUP_TAG',
          tags: [
            { key: 'ENV15', value: 'ENV15' },
            { key: 'ENV151', value: 'ENV151' },
          ],
          resource_name: 'GroupNameTest',
        },
      ],
      marker: '1',
      total_count: 1,
    });
    expect(
      api('ListResourceInstances', `${V1}/scaling_group_tag/resource_instances/action`, {
        action: 'count',
        not_tags: [{ key: 'env', values: ['prod'] }],
      }),
    ).toEqual({ total_count: 3 });
    api('CreateOrDeleteScalingTags', `${V1}/scaling_group_tag/${gid}/tags/action`, {
      tags: [{ key: 'ENV15' }],
      action: 'delete',
    });
    expect(t.ok('GET', `${V1}/scaling_group_tag/${gid}/tags`).tags).toEqual([
      { key: 'ENV151', value: 'ENV151' },
    ]);

    // Deletions
    api('DeleteScalingPolicy', `${V1}/scaling_policy/${pid}`);
    api('DeleteScalingGroup', `${V1}/scaling_group/${gid}`, undefined, { force_delete: 'yes' });
    expect(t.group(gid).scaling_group_status).toBe('DELETING');
    t.clock.advance(31_000);
    expect(t.fail('GET', `${V1}/scaling_group/${gid}`)).toMatchObject({ status: 400, code: 'AS.2007' });
    api('DeleteScalingConfig', `${V1}/scaling_configuration/${copy}`);
    api('BatchDeleteScalingConfigs', `${V1}/scaling_configurations`, {
      scaling_configuration_id: [cfg, AS_SEED.configs.legacy.id],
    });
    expect(t.ok('GET', `${V1}/scaling_configuration`).total_number).toBe(2);

    const missing = asApis.filter((a) => !answered.has(a.name)).map((a) => a.name);
    expect(missing).toEqual([]);
    console.log(`${answered.size} of ${asApis.length} AS APIs answered as documented`);
    expect(answered.size).toBe(38);
  });
});

describe('AS simulator — routing and envelope', () => {
  it('answers AS.0008 when the path project is not the token project', () => {
    const t = setup();
    const res = t.world.handle(t.request('GET', '/autoscaling-api/v1/p2/scaling_group', undefined, {}, 'p1'));
    expect(res).toMatchObject({
      status: 400,
      code: 'AS.0008',
      api: 'ListScalingGroups',
      body: { error: { code: 'AS.0008', message: 'Incorrect ProjectID.' } },
    });
  });

  it('leaves paths AS does not have to the front', () => {
    const t = setup();
    expect(t.world.handle(t.request('GET', '/v2/stacks'))).toBeUndefined();
    expect(t.world.handle(t.request('PATCH', `${V1}/scaling_group`))).toBeUndefined();
    expect(t.world.handle(t.request('GET', '/autoscaling-api/v3/p1/scaling_group'))).toBeUndefined();
  });

  it('keeps projects apart: another project starts empty', () => {
    const t = setup();
    const res = t.world.handle(t.request('GET', '/autoscaling-api/v1/p9/scaling_group', undefined, {}, 'p9'));
    expect(res?.body).toEqual({ limit: 20, scaling_groups: [], total_number: 0, start_number: 0 });
  });

  it('rejects bodies and parameters with the seed codes', () => {
    const t = setup();
    const base = {
      scaling_group_name: 'g',
      scaling_configuration_id: AS_SEED.configs.web.id,
      vpc_id: 'v',
      networks: NETWORKS,
    };
    expect(t.fail('POST', `${V1}/scaling_group`)).toMatchObject({ status: 400, code: 'AS.0002' });
    expect(t.fail('POST', `${V1}/scaling_group`, '{not json')).toMatchObject({ code: 'AS.0022' });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, surprise: 1 })).toMatchObject({
      code: 'AS.0022',
    });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, scaling_group_name: '' })).toMatchObject({
      code: 'AS.2002',
    });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, scaling_group_name: 'bad name!' })).toMatchObject(
      { code: 'AS.2022' },
    );
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, vpc_id: undefined })).toMatchObject({
      code: 'AS.2017',
    });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, networks: [] })).toMatchObject({
      code: 'AS.2013',
    });
    expect(
      t.fail('POST', `${V1}/scaling_group`, { ...base, min_instance_number: 3, max_instance_number: 2 }),
    ).toMatchObject({
      code: 'AS.2004',
    });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, desire_instance_number: 5 })).toMatchObject({
      code: 'AS.2005',
      message:
        'The expected number cannot be less than the minimum number of instances or greater than the maximum number of instances.',
    });
    expect(
      t.fail('POST', `${V1}/scaling_group`, { ...base, scaling_configuration_id: 'nope' }),
    ).toMatchObject({ code: 'AS.1004' });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, cool_down_time: 90000 })).toMatchObject({
      code: 'AS.2006',
    });
    expect(t.fail('POST', `${V1}/scaling_group`, { ...base, health_periodic_audit_time: 7 })).toMatchObject({
      code: 'AS.2031',
    });
    expect(
      t.fail('POST', `${V1}/scaling_group`, { ...base, instance_terminate_policy: 'RANDOM' }),
    ).toMatchObject({ code: 'AS.2032' });
    expect(t.fail('GET', `${V1}/scaling_group`, undefined, { limit: '101' })).toMatchObject({
      code: 'AS.1002',
    });
    expect(t.fail('GET', `${V1}/scaling_group`, undefined, { start_number: '-1' })).toMatchObject({
      code: 'AS.1001',
    });
    expect(t.fail('GET', `${V1}/scaling_group/nope`)).toMatchObject({
      status: 400,
      code: 'AS.2007',
      message: 'The AS group does not exist.',
    });
    expect(t.fail('POST', `${V1}/scaling_group/${G.web.id}/action`, { action: 'stop' })).toMatchObject({
      code: 'AS.2008',
    });
    expect(
      t.fail('DELETE', `${V1}/scaling_group/${G.web.id}`, undefined, { force_delete: 'maybe' }),
    ).toMatchObject({
      code: 'AS.2019',
    });
    expect(t.fail('DELETE', `${V1}/scaling_group/${G.web.id}`)).toMatchObject({ code: 'AS.2021' });
    expect(t.fail('DELETE', `${V1}/scaling_configuration/${AS_SEED.configs.web.id}`)).toMatchObject({
      code: 'AS.1006',
    });
    expect(t.fail('GET', `${V1}/scaling_configuration/nope`)).toMatchObject({ code: 'AS.1004' });
    expect(
      t.fail('POST', `${V1}/scaling_configurations`, {
        scaling_configuration_id: [AS_SEED.configs.legacy.id, AS_SEED.configs.web.id],
      }),
    ).toMatchObject({ code: 'AS.1038' });
    expect(t.ok('GET', `${V1}/scaling_configuration/${AS_SEED.configs.legacy.id}`)).toHaveProperty(
      'scaling_configuration',
    );
    expect(t.fail('POST', `${V1}/scaling_configurations`, { scaling_configuration_id: [] })).toMatchObject({
      code: 'AS.1040',
    });
    const ic = {
      flavorRef: 'f',
      imageRef: 'i',
      disk: [{ size: 40, volume_type: 'SATA', disk_type: 'SYS' }],
      key_name: 'k',
    };
    const cfg = (instance_config: Json) =>
      t.fail('POST', `${V1}/scaling_configuration`, { scaling_configuration_name: 'c', instance_config });
    expect(t.fail('POST', `${V1}/scaling_configuration`, { instance_config: ic })).toMatchObject({
      code: 'AS.1007',
    });
    expect(cfg({ ...ic, flavorRef: undefined })).toMatchObject({ code: 'AS.1016' });
    expect(cfg({ ...ic, disk: [{ size: 2000, volume_type: 'SATA', disk_type: 'SYS' }] })).toMatchObject({
      code: 'AS.1031',
    });
    expect(cfg({ ...ic, disk: [{ size: 40, volume_type: 'HDD', disk_type: 'SYS' }] })).toMatchObject({
      code: 'AS.1033',
    });
    expect(cfg({ ...ic, disk: [{ size: 100, volume_type: 'SATA', disk_type: 'DATA' }] })).toMatchObject({
      code: 'AS.1029',
    });
    expect(cfg({ ...ic, metadata: { admin_pass: 'Passw0rd!' } })).toMatchObject({ code: 'AS.1025' });
    expect(cfg({ ...ic, key_name: undefined })).toMatchObject({ code: 'AS.1026' });
    expect(t.fail('GET', `${V1}/scaling_group_instance/nope/list`)).toMatchObject({ code: 'AS.4005' });
    expect(
      t.fail('GET', `${V1}/scaling_group_instance/${G.web.id}/list`, undefined, {
        life_cycle_state: 'RUNNING',
      }),
    ).toMatchObject({
      code: 'AS.4003',
    });
    expect(
      t.fail('GET', `${V1}/scaling_group_instance/${G.web.id}/list`, undefined, { health_status: 'OK' }),
    ).toMatchObject({
      code: 'AS.4004',
    });
    expect(t.fail('DELETE', `${V1}/scaling_group_instance/nope`)).toMatchObject({ code: 'AS.4006' });
    const batch = (body: Json) => t.fail('POST', `${V1}/scaling_group_instance/${G.web.id}/action`, body);
    expect(batch({ action: 'KILL', instances_id: ['x'] })).toMatchObject({ code: 'AS.4018' });
    expect(batch({ action: 'ADD', instances_id: [] })).toMatchObject({ code: 'AS.4032' });
    expect(
      batch({ action: 'ADD', instances_id: Array.from({ length: 11 }, (_, i) => `i${i}`) }),
    ).toMatchObject({ code: 'AS.4043' });
    expect(
      batch({ action: 'ADD', instances_id: Array.from({ length: 8 }, (_, i) => `i${i}`) }),
    ).toMatchObject({ code: 'AS.2035' });
    expect(batch({ action: 'ADD', instances_id: ['b1b2c3d4-0001-4b4b-9b9b-000000000001'] })).toMatchObject({
      code: 'AS.4027',
    });
    expect(batch({ action: 'ADD', instances_id: ['a1b2c3d4-0001-4a4a-8a8a-000000000001'] })).toMatchObject({
      code: 'AS.4023',
    });
    expect(batch({ action: 'REMOVE', instances_id: ['b1b2c3d4-0001-4b4b-9b9b-000000000001'] })).toMatchObject(
      { code: 'AS.4014' },
    );
    expect(
      batch({
        action: 'REMOVE',
        instances_id: [
          'a1b2c3d4-0001-4a4a-8a8a-000000000001',
          'a1b2c3d4-0002-4a4a-8a8a-000000000002',
          'a1b2c3d4-0003-4a4a-8a8a-000000000003',
        ],
      }),
    ).toMatchObject({ code: 'AS.2036' });
    expect(
      t.fail('GET', `/autoscaling-api/v1/p1/scaling_activity_log/${G.web.id}`, undefined, {
        start_time: '2026-01-05',
      }),
    ).toMatchObject({
      code: 'AS.9001',
    });
    expect(
      t.fail('GET', `/autoscaling-api/v2/p1/scaling_activity_log/${G.web.id}`, undefined, { type: 'BIG' }),
    ).toMatchObject({
      code: 'AS.9012',
    });
    expect(
      t.fail('GET', `/autoscaling-api/v2/p1/scaling_activity_log/${G.web.id}`, undefined, { status: 'DONE' }),
    ).toMatchObject({
      code: 'AS.9013',
    });
    expect(
      t.fail('GET', `/autoscaling-api/v2/p1/scaling_activity_log/${G.web.id}`, undefined, { limit: 'x' }),
    ).toMatchObject({
      code: 'AS.9004',
    });
  });

  it('rejects bad policies, hooks, notifications and tags with the seed codes', () => {
    const t = setup();
    const pol = (body: Json) =>
      t.fail('POST', `${V1}/scaling_policy`, {
        scaling_policy_name: 'p',
        scaling_group_id: G.web.id,
        ...body,
      });
    expect(pol({ scaling_policy_type: 'CRON' })).toMatchObject({ code: 'AS.3002' });
    expect(pol({ scaling_policy_type: 'ALARM' })).toMatchObject({ code: 'AS.3026' });
    expect(
      pol({ scaling_policy_type: 'ALARM', alarm_id: AS_SEED.alarmId, scaling_group_id: G.hooked.id }),
    ).toMatchObject({
      code: 'AS.3034',
    });
    expect(pol({ scaling_policy_type: 'SCHEDULED' })).toMatchObject({ code: 'AS.3003' });
    expect(
      pol({ scaling_policy_type: 'SCHEDULED', scheduled_policy: { launch_time: '2026-01-05 09:00' } }),
    ).toMatchObject({
      code: 'AS.3009',
    });
    expect(
      pol({ scaling_policy_type: 'SCHEDULED', scheduled_policy: { launch_time: '2026-01-05T05:00Z' } }),
    ).toMatchObject({
      code: 'AS.3010',
    });
    const rec = { launch_time: '16:00', recurrence_type: 'Daily', end_time: '2026-02-01T00:00Z' };
    expect(
      pol({ scaling_policy_type: 'RECURRENCE', scheduled_policy: { ...rec, recurrence_type: 'Hourly' } }),
    ).toMatchObject({
      code: 'AS.3004',
    });
    expect(
      pol({ scaling_policy_type: 'RECURRENCE', scheduled_policy: { ...rec, end_time: undefined } }),
    ).toMatchObject({
      code: 'AS.3005',
    });
    expect(
      pol({
        scaling_policy_type: 'RECURRENCE',
        scheduled_policy: { ...rec, recurrence_type: 'Weekly', recurrence_value: '8' },
      }),
    ).toMatchObject({
      code: 'AS.3025',
    });
    expect(
      pol({
        scaling_policy_type: 'RECURRENCE',
        scheduled_policy: rec,
        scaling_policy_action: { operation: 'MULTIPLY' },
      }),
    ).toMatchObject({ code: 'AS.3017' });
    expect(
      pol({
        scaling_policy_type: 'RECURRENCE',
        scheduled_policy: rec,
        scaling_policy_action: { instance_number: 1, instance_percentage: 10 },
      }),
    ).toMatchObject({ code: 'AS.3036' });
    expect(
      pol({
        scaling_policy_type: 'RECURRENCE',
        scheduled_policy: rec,
        scaling_policy_action: { instance_number: 0 },
      }),
    ).toMatchObject({
      code: 'AS.3018',
    });
    expect(t.fail('GET', `${V1}/scaling_policy/nope`)).toMatchObject({ code: 'AS.3020' });
    expect(
      t.fail('POST', `${V1}/scaling_policy/${AS_SEED.policies.promo}/action`, { action: 'run' }),
    ).toMatchObject({ code: 'AS.3022' });
    expect(
      t.fail('POST', `${V1}/scaling_policy/${AS_SEED.policies.nightly}/action`, { action: 'execute' }),
    ).toMatchObject({
      code: 'AS.3027',
    });
    // The alarm policy waits for the group's cooldown after an activity; other triggers do not.
    t.ok('POST', `${V1}/scaling_policy/${AS_SEED.policies.promo}/action`, { action: 'execute' });
    t.clock.advance(31_000);
    expect(
      t.fail('POST', `${V1}/scaling_policy/${AS_SEED.policies.cpuHigh}/action`, { action: 'execute' }),
    ).toMatchObject({
      code: 'AS.0026',
      message: 'Scaling action is not allowed in the cooling duration.',
    });
    t.ok('POST', `${V1}/scaling_policy/${AS_SEED.policies.morning}/action`, { action: 'execute' });
    const hook = (body: Json) =>
      t.fail('POST', `${V1}/scaling_lifecycle_hook/${G.web.id}`, {
        lifecycle_hook_name: 'h',
        lifecycle_hook_type: 'INSTANCE_LAUNCHING',
        notification_topic_urn: 'urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh',
        ...body,
      });
    expect(hook({ lifecycle_hook_name: '' })).toMatchObject({ code: 'AS.7032' });
    expect(hook({ lifecycle_hook_name: 'bad name' })).toMatchObject({ code: 'AS.7031' });
    expect(hook({ lifecycle_hook_type: 'INSTANCE_REBOOTING' })).toMatchObject({ code: 'AS.7033' });
    expect(hook({ default_timeout: 30 })).toMatchObject({ code: 'AS.7030' });
    expect(hook({ default_result: 'EXTEND' })).toMatchObject({ code: 'AS.7034' });
    expect(hook({ notification_metadata: 'a<b' })).toMatchObject({ code: 'AS.7055' });
    expect(hook({ notification_metadata: 'x'.repeat(257) })).toMatchObject({ code: 'AS.7035' });
    expect(hook({ notification_topic_urn: 'gsh' })).toMatchObject({ code: 'AS.7043' });
    expect(
      t.fail('POST', `${V1}/scaling_lifecycle_hook/${G.hooked.id}`, {
        lifecycle_hook_name: AS_SEED.hooks.launch,
        lifecycle_hook_type: 'INSTANCE_LAUNCHING',
        notification_topic_urn: 'urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh',
      }),
    ).toMatchObject({ code: 'AS.7041' });
    expect(
      t.fail('DELETE', `${V1}/scaling_lifecycle_hook/${G.hooked.id}/${AS_SEED.hooks.launch}`),
    ).toMatchObject({ code: 'AS.2047' });
    const cb = (body: Json) => t.fail('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, body);
    expect(cb({ lifecycle_action_key: AS_SEED.lifecycleActionKey })).toMatchObject({ code: 'AS.7039' });
    expect(
      cb({ lifecycle_action_result: 'RETRY', lifecycle_action_key: AS_SEED.lifecycleActionKey }),
    ).toMatchObject({ code: 'AS.7034' });
    expect(cb({ lifecycle_action_result: 'CONTINUE', instance_id: AS_SEED.waitingInstance })).toMatchObject({
      code: 'AS.7040',
    });
    expect(cb({ lifecycle_action_result: 'CONTINUE', lifecycle_action_key: 'nope' })).toMatchObject({
      code: 'AS.7042',
    });
    const topic = (body: Json) => t.fail('PUT', `${V1}/scaling_notification/${G.web.id}`, body);
    expect(topic({ topic_scene: ['SCALING_UP'] })).toMatchObject({ code: 'AS.7027' });
    expect(topic({ topic_urn: 'gsh', topic_scene: ['SCALING_UP'] })).toMatchObject({ code: 'AS.7025' });
    expect(topic({ topic_urn: 'urn:smn:r:p:t', topic_scene: ['SCALING_SIDEWAYS'] })).toMatchObject({
      code: 'AS.7026',
    });
    for (let i = 0; i < 4; i++)
      t.ok('PUT', `${V1}/scaling_notification/${G.web.id}`, {
        topic_urn: `urn:smn:r:p:t${i}`,
        topic_scene: ['SCALING_UP'],
      });
    expect(topic({ topic_urn: 'urn:smn:r:p:t9', topic_scene: ['SCALING_UP'] })).toMatchObject({
      code: 'AS.7028',
    });
    const tags = (body: Json) => t.fail('POST', `${V1}/scaling_group_tag/${G.web.id}/tags/action`, body);
    expect(tags({ action: 'create', tags: [{ key: '' }] })).toMatchObject({ code: 'AS.7046' });
    expect(tags({ action: 'Create', tags: [{ key: 'a', value: 'b' }] })).toMatchObject({ code: 'AS.0022' });
    expect(t.fail('GET', `${V1}/scaling_cluster_tag/tags`)).toMatchObject({ status: 404, code: 'AS.0007' });
    const q = (body: Json) =>
      t.fail('POST', `${V1}/scaling_group_tag/resource_instances/action`, { action: 'filter', ...body });
    expect(q({ tags: [{ key: 'env', values: ['a', 'a'] }] })).toMatchObject({ code: 'AS.7054' });
    expect(q({ matches: [{ key: 'resource_id', value: 'x' }] })).toMatchObject({ code: 'AS.7052' });
    expect(q({ offset: '-1' })).toMatchObject({ code: 'AS.1067' });
    expect(q({ limit: '0' })).toMatchObject({ code: 'AS.1002' });
  });
});

describe('AS simulator — state in time', () => {
  it('seeds an in-service group, a paused one and one waiting on a launch hook', () => {
    const t = setup();
    const list = t.ok('GET', `${V1}/scaling_group`);
    expect(list.total_number).toBe(3);
    expect(t.group(G.web.id)).toMatchObject({
      scaling_group_status: 'INSERVICE',
      current_instance_number: 3,
      is_scaling: false,
    });
    expect(t.group(G.batch.id)).toMatchObject({ scaling_group_status: 'PAUSED', current_instance_number: 2 });
    expect(t.group(G.hooked.id)).toMatchObject({
      scaling_group_status: 'INSERVICE',
      is_scaling: true,
      desire_instance_number: 2,
    });
    expect(t.instances(G.hooked.id, { life_cycle_state: 'PENDING_WAIT' })).toMatchObject([
      { instance_id: AS_SEED.waitingInstance, health_status: 'INITIALIZING' },
    ]);
    expect(t.hanging(G.hooked.id)).toEqual([
      {
        instance_id: AS_SEED.waitingInstance,
        scaling_group_id: G.hooked.id,
        lifecycle_hook_name: AS_SEED.hooks.launch,
        lifecycle_action_key: AS_SEED.lifecycleActionKey,
        default_result: 'ABANDON',
        timeout: '2026-01-05T06:55:00Z',
        lifecycle_hook_status: 'HANGING',
      },
    ]);
    expect(t.instances(G.web.id, { protect_from_scaling_down: 'true' })).toHaveLength(1);
    expect(t.logs(G.hooked.id)[0]).toMatchObject({ status: 'DOING', end_time: null });
    expect(t.ok('GET', `${V1}/scaling_notification/${G.web.id}`).topics).toHaveLength(1);
  });

  it('scales out step by step: PENDING (INITIALIZING) → INSERVICE (NORMAL), the activity DOING → SUCCESS', () => {
    const t = setup();
    // The seed's spelling in the create sample: desire_instance_number.
    const gid = createGroup(t, { desire_instance_number: 2, scaling_group_name: 'scale-out' });
    // Joining instances are not counted in current_instance_number yet.
    expect(t.group(gid)).toMatchObject({ current_instance_number: 0, is_scaling: true });
    expect(t.instances(gid).map((i) => [i.life_cycle_state, i.health_status])).toEqual([
      ['PENDING', 'INITIALIZING'],
      ['PENDING', 'INITIALIZING'],
    ]);
    expect(t.logs(gid)[0]).toMatchObject({
      status: 'DOING',
      scaling_value: 2,
      instance_value: 0,
      desire_value: 2,
    });
    t.clock.advance(29_000);
    expect(t.instances(gid, { life_cycle_state: 'PENDING' })).toHaveLength(2);
    t.clock.advance(1_000);
    expect(t.instances(gid, { life_cycle_state: 'INSERVICE', health_status: 'NORMAL' })).toHaveLength(2);
    const log = t.logs(gid)[0] as Json;
    expect(log).toMatchObject({
      status: 'SUCCESS',
      start_time: '2026-01-05T06:00:00Z',
      end_time: '2026-01-05T06:00:30Z',
    });
    expect(log.instance_added_list).toHaveLength(2);
    expect(JSON.parse(log.description).reason[0]).toMatchObject({
      change_reason: 'DIFF',
      old_value: 0,
      new_value: 2,
    });
    expect(t.instances(gid)[0]?.instance_name).toMatch(/^as-config-web-[A-Z0-9]{8}$/);

    // The update table's spelling, then the update sample's.
    t.ok('PUT', `${V1}/scaling_group/${gid}`, { desire_instance_number: 1 });
    expect(t.instances(gid, { life_cycle_state: 'REMOVING' })).toHaveLength(1);
    t.clock.advance(30_000);
    expect(t.instances(gid)).toHaveLength(1);
    const v1 = t.ok('GET', `${V1}/scaling_activity_log/${gid}`).scaling_activity_log[0];
    expect(v1).toMatchObject({
      status: 'SUCCESS',
      instance_value: 2,
      desire_value: 1,
      scaling_value: 1,
      instance_removed_list: null,
    });
    expect(v1.instance_deleted_list).toMatch(/^as-config-web-/);
    expect(JSON.parse(v1.description).reason[0]).toMatchObject({
      change_reason: 'MANNUAL',
      old_value: 2,
      new_value: 1,
    });
    t.ok('PUT', `${V1}/scaling_group/${gid}`, { desired_instance_number: 3 });
    expect(t.group(gid).desire_instance_number).toBe(3);
    expect(t.fail('PUT', `${V1}/scaling_group/${gid}`, { desire_instance_number: 3 })).toMatchObject({
      code: 'AS.2028',
    });
    expect(t.fail('PUT', `${V1}/scaling_group/${gid}`, { desire_instance_number: 11 })).toMatchObject({
      code: 'AS.2005',
    });
    expect(t.fail('PUT', `${V1}/scaling_group/${gid}`, { networks: NETWORKS })).toMatchObject({
      code: 'AS.2030',
    });
    expect(t.fail('DELETE', `${V1}/scaling_group/${gid}`)).toMatchObject({ code: 'AS.2047' });
  });

  it('removes instances by the terminate policy and never the protected ones', () => {
    const t = setup();
    t.ok('POST', `${V1}/scaling_group_instance/${G.web.id}/action`, {
      action: 'PROTECT',
      instances_id: ['a1b2c3d4-0003-4a4a-8a8a-000000000003'],
    });
    expect(t.fail('PUT', `${V1}/scaling_group/${G.web.id}`, { desire_instance_number: 1 })).toMatchObject({
      code: 'AS.2010',
    });
    t.ok('POST', `${V1}/scaling_group_instance/${G.web.id}/action`, {
      action: 'UNPROTECT',
      instances_id: ['a1b2c3d4-0003-4a4a-8a8a-000000000003'],
    });
    t.ok('PUT', `${V1}/scaling_group/${G.web.id}`, { desire_instance_number: 1 });
    // OLD_CONFIG_OLD_INSTANCE: the oldest unprotected (w2) and then the newest (w3); w1 is protected.
    expect(
      t
        .instances(G.web.id, { life_cycle_state: 'REMOVING' })
        .map((i) => i.instance_id)
        .sort(),
    ).toEqual(['a1b2c3d4-0002-4a4a-8a8a-000000000002', 'a1b2c3d4-0003-4a4a-8a8a-000000000003']);
    t.clock.advance(30_000);
    expect(t.instances(G.web.id).map((i) => i.instance_id)).toEqual(['a1b2c3d4-0001-4a4a-8a8a-000000000001']);
  });

  it('holds a launching instance until CONTINUE, then puts it in service', () => {
    const t = setup();
    t.clock.advance(10 * 60_000);
    expect(t.instances(G.hooked.id, { life_cycle_state: 'PENDING_WAIT' })).toHaveLength(1);
    expect(t.fail('DELETE', `${V1}/scaling_group_instance/${AS_SEED.waitingInstance}`)).toMatchObject({
      code: 'AS.4015',
    });
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      instance_id: AS_SEED.waitingInstance,
      lifecycle_hook_name: AS_SEED.hooks.launch,
    });
    expect(t.instances(G.hooked.id).map((i) => i.life_cycle_state)).toEqual(['INSERVICE', 'INSERVICE']);
    expect(t.group(G.hooked.id).is_scaling).toBe(false);
    expect(t.logs(G.hooked.id)[0]).toMatchObject({
      status: 'SUCCESS',
      instance_added_list: [{ instance_id: AS_SEED.waitingInstance }],
    });
    expect(t.hanging(G.hooked.id)).toEqual([]);
    expect(
      t.fail('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
        lifecycle_action_result: 'CONTINUE',
        lifecycle_action_key: AS_SEED.lifecycleActionKey,
      }),
    ).toMatchObject({ code: 'AS.7042' });

    // Scale-in passes the terminating hook: REMOVING → REMOVING_WAIT → (CONTINUE) → REMOVING → gone.
    t.ok('PUT', `${V1}/scaling_group/${G.hooked.id}`, { desire_instance_number: 1 });
    expect(t.instances(G.hooked.id, { life_cycle_state: 'REMOVING' })).toHaveLength(1);
    t.clock.advance(10_000);
    const waiting = t.instances(G.hooked.id, { life_cycle_state: 'REMOVING_WAIT' });
    expect(waiting).toHaveLength(1);
    const [record] = t.hanging(G.hooked.id);
    expect(record).toMatchObject({
      lifecycle_hook_name: AS_SEED.hooks.terminate,
      lifecycle_hook_status: 'HANGING',
      default_result: 'CONTINUE',
    });
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      lifecycle_action_key: record?.lifecycle_action_key,
    });
    expect(t.instances(G.hooked.id, { life_cycle_state: 'REMOVING' })).toHaveLength(1);
    t.clock.advance(20_000);
    expect(t.instances(G.hooked.id)).toHaveLength(1);
    expect(t.logs(G.hooked.id)[0]).toMatchObject({
      status: 'SUCCESS',
      instance_deleted_list: [{ instance_id: waiting[0]?.instance_id }],
    });
  });

  it('ABANDON terminates the launching instance, fails the activity and launches a new one', () => {
    const t = setup();
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'ABANDON',
      lifecycle_action_key: AS_SEED.lifecycleActionKey,
    });
    expect(t.instances(G.hooked.id, { life_cycle_state: 'REMOVING' })).toMatchObject([
      { instance_id: AS_SEED.waitingInstance, health_status: 'ERROR' },
    ]);
    t.clock.advance(20_000);
    const [next, failed] = t.logs(G.hooked.id) as Json[];
    expect(failed).toMatchObject({
      status: 'FAIL',
      instance_failed_list: [{ instance_id: AS_SEED.waitingInstance }],
      instance_deleted_list: [{ instance_id: AS_SEED.waitingInstance }],
    });
    expect(t.group(G.hooked.id)).toMatchObject({ scaling_group_status: 'ERROR', current_instance_number: 1 });
    expect(t.group(G.hooked.id).detail).toContain('LIFECYCLE_HOOK_ABANDON');
    // current 1 < desired 2: a replacement starts right away and waits on the hook again.
    expect(next).toMatchObject({ status: 'DOING', scaling_value: 1 });
    t.clock.advance(30_000);
    expect(t.instances(G.hooked.id, { life_cycle_state: 'PENDING_WAIT' })).toHaveLength(1);
    const [again] = t.hanging(G.hooked.id);
    expect(again).toMatchObject({ lifecycle_hook_status: 'HANGING', timeout: '2026-01-05T07:00:50Z' });
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      lifecycle_action_key: again?.lifecycle_action_key,
    });
    // The next activity succeeds: the group is back in service, the error text is gone.
    expect(t.group(G.hooked.id)).toMatchObject({
      scaling_group_status: 'INSERVICE',
      current_instance_number: 2,
      detail: null,
    });
  });

  it('EXTEND adds an hour; at the timeout the default result applies', () => {
    const t = setup();
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'EXTEND',
      lifecycle_action_key: AS_SEED.lifecycleActionKey,
    });
    expect(t.hanging(G.hooked.id)[0]?.timeout).toBe('2026-01-05T07:55:00Z');
    t.clock.advance(55 * 60_000 + 1_000);
    expect(t.instances(G.hooked.id, { life_cycle_state: 'PENDING_WAIT' })).toHaveLength(1);
    t.clock.advance(61 * 60_000);
    // default_result ABANDON: terminated; the replacement is already waiting again.
    const v2 = t.logs(G.hooked.id);
    expect(v2.find((a) => a.status === 'FAIL')).toMatchObject({
      instance_failed_list: [{ instance_id: AS_SEED.waitingInstance }],
    });
    expect(t.instances(G.hooked.id).map((i) => i.instance_id)).not.toContain(AS_SEED.waitingInstance);
  });

  it('a CONTINUE default result at timeout puts the instance in service', () => {
    const t = setup(false);
    const cfg = t.ok('POST', `${V1}/scaling_configuration`, {
      scaling_configuration_name: 'cfg',
      instance_config: {
        flavorRef: 'f',
        imageRef: 'i',
        disk: [{ size: 40, volume_type: 'SSD', disk_type: 'SYS' }],
        key_name: 'k',
      },
    }).scaling_configuration_id;
    const gid = t.ok('POST', `${V1}/scaling_group`, {
      scaling_group_name: 'hooked',
      scaling_configuration_id: cfg,
      vpc_id: 'v',
      networks: NETWORKS,
      max_instance_number: 3,
    }).scaling_group_id;
    t.ok('POST', `${V1}/scaling_lifecycle_hook/${gid}`, {
      lifecycle_hook_name: 'warm-up',
      lifecycle_hook_type: 'INSTANCE_LAUNCHING',
      default_result: 'CONTINUE',
      default_timeout: 60,
      notification_topic_urn: 'urn:smn:r:p:hooks',
    });
    t.ok('PUT', `${V1}/scaling_group/${gid}`, { desire_instance_number: 1 });
    t.clock.advance(30_000);
    expect(t.instances(gid, { life_cycle_state: 'PENDING_WAIT' })).toHaveLength(1);
    expect(t.hanging(gid)[0]).toMatchObject({ default_result: 'CONTINUE', timeout: '2026-01-05T06:01:30Z' });
    t.clock.advance(59_000);
    expect(t.instances(gid, { life_cycle_state: 'PENDING_WAIT' })).toHaveLength(1);
    t.clock.advance(1_000);
    expect(t.instances(gid, { life_cycle_state: 'INSERVICE' })).toHaveLength(1);
    expect(t.logs(gid)[0]).toMatchObject({ status: 'SUCCESS', end_time: '2026-01-05T06:01:30Z' });
  });

  it('fires a scheduled policy on the clock and marks it EXECUTING while its activity runs', () => {
    const t = setup();
    const pid = t.ok('POST', `${V1}/scaling_policy`, {
      scaling_policy_name: 'at-0610',
      scaling_group_id: G.web.id,
      scaling_policy_type: 'SCHEDULED',
      scheduled_policy: { launch_time: '2026-01-05T06:10Z' },
      scaling_policy_action: { operation: 'SET', instance_number: 5 },
    }).scaling_policy_id;
    expect(t.ok('GET', `${V1}/scaling_policy/${pid}`).scaling_policy.scheduled_policy).toEqual({
      launch_time: '2026-01-05T06:10Z',
    });
    t.clock.advance(9 * 60_000);
    expect(t.group(G.web.id).desire_instance_number).toBe(3);
    t.clock.advance(60_000);
    expect(t.group(G.web.id)).toMatchObject({ desire_instance_number: 5, is_scaling: true });
    expect(t.ok('GET', `${V1}/scaling_policy/${pid}`).scaling_policy.policy_status).toBe('EXECUTING');
    t.clock.advance(30_000);
    expect(t.ok('GET', `${V1}/scaling_policy/${pid}`).scaling_policy.policy_status).toBe('INSERVICE');
    const log = t.logs(G.web.id)[0] as Json;
    expect(log).toMatchObject({
      status: 'SUCCESS',
      scaling_value: 2,
      desire_value: 5,
      start_time: '2026-01-05T06:10:00Z',
    });
    expect(JSON.parse(log.description).reason[0]).toMatchObject({
      change_reason: 'SCHEDULED',
      old_value: 3,
      new_value: 5,
      scaling_policy_id: pid,
      scaling_policy_name: 'at-0610',
    });
  });

  it('fires recurrence policies on their days (the seeded daily 08:00 and a weekly one)', () => {
    const t = setup();
    t.ok('POST', `${V1}/scaling_policy`, {
      scaling_policy_name: 'tuesday-noon',
      scaling_group_id: G.web.id,
      scaling_policy_type: 'RECURRENCE',
      // 3 = Tuesday (1 is Sunday).
      scheduled_policy: {
        launch_time: '12:00',
        recurrence_type: 'Weekly',
        recurrence_value: '3',
        end_time: '2026-03-01T00:00Z',
      },
      scaling_policy_action: { operation: 'ADD', instance_percentage: 50 },
    });
    t.clock.advance(Date.UTC(2026, 0, 6, 12, 0) - START);
    // 3 instances × 50 % → 2 more.
    expect(t.group(G.web.id).desire_instance_number).toBe(5);
    t.clock.advance(60_000);
    const reasons = t.logs(G.web.id).map((a) => JSON.parse(a.description as string).reason[0].change_reason);
    expect(reasons[0]).toBe('RECURRENT');
    // The next morning the daily SET 3 policy brings it back.
    t.clock.advance(Date.UTC(2026, 0, 7, 8, 0) - t.clock.now());
    expect(t.group(G.web.id).desire_instance_number).toBe(3);
  });

  it('a paused group starts no activity until it is resumed', () => {
    const t = setup();
    t.ok('POST', `${V1}/scaling_group/${G.web.id}/action`, { action: 'pause' });
    expect(t.group(G.web.id).scaling_group_status).toBe('PAUSED');
    t.ok('PUT', `${V1}/scaling_group/${G.web.id}`, { desire_instance_number: 4 });
    t.clock.advance(60_000);
    expect(t.group(G.web.id)).toMatchObject({ current_instance_number: 3, is_scaling: false });
    expect(
      t.fail('POST', `${V1}/scaling_policy/${AS_SEED.policies.promo}/action`, { action: 'execute' }),
    ).toMatchObject({
      code: 'AS.3027',
    });
    expect(
      t.fail('POST', `${V1}/scaling_group_instance/${G.web.id}/action`, {
        action: 'ADD',
        instances_id: ['ecs-1'],
      }),
    ).toMatchObject({
      code: 'AS.2033',
      message:
        'You are not allowed to perform the operation when the AS group is in current [PAUSED] status.',
    });
    t.ok('POST', `${V1}/scaling_group/${G.web.id}/action`, { action: 'resume' });
    expect(t.group(G.web.id)).toMatchObject({
      scaling_group_status: 'INSERVICE',
      current_instance_number: 3,
      is_scaling: true,
    });
    // The seeded paused group resumes into its two instances; a group without a configuration cannot.
    const bare = t.ok('POST', `${V1}/scaling_group`, {
      scaling_group_name: 'bare',
      vpc_id: 'v',
      networks: NETWORKS,
    }).scaling_group_id;
    expect(t.group(bare).scaling_group_status).toBe('PAUSED');
    expect(t.fail('POST', `${V1}/scaling_group/${bare}/action`, { action: 'resume' })).toMatchObject({
      code: 'AS.2018',
    });
  });

  it('executes a policy by hand: AS.0034 while the group is scaling', () => {
    const t = setup();
    t.ok('POST', `${V1}/scaling_policy/${AS_SEED.policies.promo}/action`, { action: 'execute' });
    expect(t.group(G.web.id)).toMatchObject({ desire_instance_number: 5, is_scaling: true });
    expect(
      t.fail('POST', `${V1}/scaling_policy/${AS_SEED.policies.promo}/action`, { action: 'execute' }),
    ).toMatchObject({
      code: 'AS.0034',
    });
    t.clock.advance(30_000);
    expect(t.instances(G.web.id, { life_cycle_state: 'INSERVICE' })).toHaveLength(5);
  });

  it('force delete empties the group through DELETING, then it is gone with its policies and tags', () => {
    const t = setup();
    t.ok('DELETE', `${V1}/scaling_group/${G.web.id}`, undefined, { force_delete: 'yes' });
    expect(t.group(G.web.id)).toMatchObject({ scaling_group_status: 'DELETING', is_scaling: true });
    expect(t.instances(G.web.id, { life_cycle_state: 'REMOVING' })).toHaveLength(3);
    expect(t.fail('PUT', `${V1}/scaling_group/${G.web.id}`, { desire_instance_number: 2 })).toMatchObject({
      code: 'AS.2033',
    });
    t.clock.advance(30_000);
    expect(t.fail('GET', `${V1}/scaling_group/${G.web.id}`)).toMatchObject({ code: 'AS.2007' });
    expect(t.fail('GET', `${V1}/scaling_policy/${AS_SEED.policies.promo}`)).toMatchObject({
      code: 'AS.3020',
    });
    expect(t.ok('GET', `${V1}/scaling_group_tag/tags`).tags).not.toContainEqual({
      key: 'env',
      values: ['prod'],
    });
    expect(t.ok('GET', `${V1}/quotas`).quotas.resources[0].used).toBe(2);
  });

  it('a terminating hook times out into its default result; a paused group ignores its scheduled policy', () => {
    const t = setup();
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      lifecycle_action_key: AS_SEED.lifecycleActionKey,
    });
    t.ok('PUT', `${V1}/scaling_group/${G.hooked.id}`, { desire_instance_number: 0 });
    t.clock.advance(10_000);
    expect(t.instances(G.hooked.id, { life_cycle_state: 'REMOVING_WAIT' })).toHaveLength(2);
    expect(t.hanging(G.hooked.id).map((h) => h.timeout)).toEqual([
      '2026-01-05T06:10:10Z',
      '2026-01-05T06:10:10Z',
    ]);
    t.clock.advance(600_000);
    // drain-logs defaults to CONTINUE: both go on their way out and are released.
    expect(t.instances(G.hooked.id, { life_cycle_state: 'REMOVING' })).toHaveLength(2);
    t.clock.advance(20_000);
    expect(t.group(G.hooked.id)).toMatchObject({ current_instance_number: 0, is_scaling: false });
    t.ok('DELETE', `${V1}/scaling_group/${G.hooked.id}`);
    expect(t.fail('GET', `${V1}/scaling_group/${G.hooked.id}`)).toMatchObject({ code: 'AS.2007' });

    t.ok('POST', `${V1}/scaling_group/${G.web.id}/action`, { action: 'pause' });
    t.clock.advance(4 * 3_600_000);
    expect(t.group(G.web.id).desire_instance_number).toBe(3);
  });

  it('hand-added instances join through the launch hook and are only removed, never deleted', () => {
    const t = setup();
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      lifecycle_action_key: AS_SEED.lifecycleActionKey,
    });
    t.ok('POST', `${V1}/scaling_group_instance/${G.hooked.id}/action`, {
      action: 'ADD',
      instances_id: ['ecs-manual-1'],
    });
    expect(t.group(G.hooked.id)).toMatchObject({ desire_instance_number: 3, is_scaling: true });
    t.clock.advance(30_000);
    const [held] = t.hanging(G.hooked.id);
    expect(held).toMatchObject({ instance_id: 'ecs-manual-1', lifecycle_hook_status: 'HANGING' });
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'CONTINUE',
      instance_id: 'ecs-manual-1',
      lifecycle_hook_name: AS_SEED.hooks.launch,
    });
    const manual = t.instances(G.hooked.id).find((i) => i.instance_id === 'ecs-manual-1');
    expect(manual).toMatchObject({
      life_cycle_state: 'INSERVICE',
      scaling_configuration_id: '',
      scaling_configuration_name: '',
    });
    expect(
      t.fail('DELETE', `${V1}/scaling_group_instance/ecs-manual-1`, undefined, { instance_delete: 'yes' }),
    ).toMatchObject({
      code: 'AS.4007',
    });
    t.ok('DELETE', `${V1}/scaling_group_instance/ecs-manual-1`);
    t.clock.advance(10_000);
    t.ok('PUT', `${V1}/scaling_instance_hook/${G.hooked.id}/callback`, {
      lifecycle_action_result: 'ABANDON',
      instance_id: 'ecs-manual-1',
      lifecycle_hook_name: AS_SEED.hooks.terminate,
    });
    t.clock.advance(20_000);
    expect(t.logs(G.hooked.id)[0]).toMatchObject({
      type: 'MANUAL_REMOVE',
      status: 'SUCCESS',
      instance_removed_list: [{ instance_id: 'ecs-manual-1' }],
      instance_deleted_list: [],
    });
    expect(t.group(G.hooked.id)).toMatchObject({
      desire_instance_number: 2,
      current_instance_number: 2,
      activity_type: 'MANUAL_REMOVE',
    });
  });

  it('deletes a notification whose URN is percent-encoded in the path', () => {
    const t = setup();
    const [topic] = t.ok('GET', `${V1}/scaling_notification/${G.web.id}`).topics as Json[];
    t.ok('DELETE', `${V1}/scaling_notification/${G.web.id}/${encodeURIComponent(topic?.topic_urn)}`);
    expect(t.ok('GET', `${V1}/scaling_notification/${G.web.id}`).topics).toEqual([]);
    expect(t.fail('DELETE', `${V1}/scaling_notification/${G.web.id}/${topic?.topic_urn}`)).toMatchObject({
      status: 404,
      code: 'AS.0007',
    });
  });

  it('reset brings the seeded state back', () => {
    const t = setup();
    t.ok('DELETE', `${V1}/scaling_group/${G.batch.id}`, undefined, { force_delete: 'yes' });
    t.clock.advance(60_000);
    t.world.reset();
    expect(t.group(G.batch.id).scaling_group_status).toBe('PAUSED');
    expect(t.hanging(G.hooked.id)).toHaveLength(1);
  });
});
