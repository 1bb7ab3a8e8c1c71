import { nextFire } from './engine';
import {
  type AsActivity,
  type AsConfig,
  type AsGroup,
  type AsHook,
  type AsInstance,
  type AsPolicy,
  isoMinutes,
  isoSeconds,
  type Json,
} from './model';
import type { AsProject } from './store';

const HOUR = 3_600_000;
/** The waiting instance was launched this long before its hook took hold. */
const LAUNCH_DELAY = 30_000;
const DAY = 24 * HOUR;

/** Fixed ids of the demo data, for tests and the console's first run. */
export const AS_SEED = {
  configs: {
    web: { id: '47683a91-93ee-462a-a7d7-484c006f4440', name: 'as-config-web' },
    batch: { id: '1d281494-6085-4579-b817-c1f813be835f', name: 'as-config-batch' },
    legacy: { id: '6afe46f9-7d3d-4046-8748-3b2a1085ad86', name: 'as-config-legacy' },
  },
  groups: {
    /** INSERVICE with three instances (one protected), three policies, a notification topic, tags. */
    web: { id: '77a7a397-7d2f-4e79-9da9-6a35e2709150', name: 'as-group-web' },
    /** PAUSED with two instances and a paused recurrence policy. */
    batch: { id: 'd4e50321-3777-4135-97f8-9f5e9714a4b0', name: 'as-group-batch' },
    /** INSERVICE, scaling out: one instance in PENDING_WAIT held by the launch hook `install-agent`. */
    hooked: { id: 'e5d27f5c-dd76-4a61-b4bc-a67c5686719a', name: 'as-group-hooked' },
  },
  policies: {
    morning: 'fd7d63ce-8f5c-443e-b9a0-bef9386b23b3',
    promo: '906f73ff-56e8-41b2-a005-8157d0c60361',
    cpuHigh: '05545d3d-ccf9-4bca-ae4f-1e5e73ca0bf6',
    nightly: '0b327883-3240-4d2d-9c61-68d03ee191dd',
  },
  hooks: { launch: 'install-agent', terminate: 'drain-logs' },
  waitingInstance: 'b25c1589-c96c-465b-9fef-d06540d1945c',
  lifecycleActionKey: '6ebe6e72-4b09-4adb-ae4a-a91dc0560069',
  alarmId: 'al1598000000000AbCdEf',
} as const;

const VPC = '863ccae2-ee85-4d27-bc5b-3ba2a198a9e2';
const SUBNET = '3cd35bca-5a10-416f-8994-f79169559870';
const SG = '8a4b1d5b-0054-419f-84b1-5c8a59ebc829';
const IMAGE = '627a1223-2ca3-46a7-8d5f-7aef22c74ee6';

function group(over: Partial<AsGroup> & Pick<AsGroup, 'id' | 'name' | 'createdAt'>): AsGroup {
  return {
    status: 'INSERVICE',
    configId: AS_SEED.configs.web.id,
    desired: 0,
    min: 0,
    max: 1,
    coolDown: 300,
    lbListenerId: null,
    lbaasListeners: null,
    availableZones: ['ae-ad-1a', 'ae-ad-1b'],
    networks: [{ id: SUBNET }],
    securityGroups: [{ id: SG }],
    vpcId: VPC,
    healthMethod: 'NOVA_AUDIT',
    healthTime: 5,
    healthGrace: 600,
    terminatePolicy: 'OLD_CONFIG_OLD_INSTANCE',
    notifications: null,
    deletePublicip: false,
    deleteVolume: false,
    multiAzPolicy: 'EQUILIBRIUM_DISTRIBUTE',
    description: null,
    detail: null,
    activityType: null,
    coolDownUntil: 0,
    pendingReasons: [],
    pendingPolicyId: null,
    ...over,
  };
}

function instance(
  g: AsGroup,
  config: { id: string; name: string },
  id: string,
  suffix: string,
  createdAt: number,
  over: Partial<AsInstance> = {},
): AsInstance {
  return {
    id,
    name: `${config.name}-${suffix}`,
    groupId: g.id,
    state: 'INSERVICE',
    health: 'NORMAL',
    configId: config.id,
    configName: config.name,
    az: g.availableZones[0] ?? null,
    createdAt,
    protect: false,
    hooked: false,
    abandoned: false,
    deleteOnRemove: true,
    ...over,
  };
}

function done(
  id: string,
  g: AsGroup,
  startAt: number,
  added: AsInstance[],
  instanceValue: number,
  reason: Json,
): AsActivity {
  return {
    id,
    groupId: g.id,
    status: 'SUCCESS',
    type: 'NORMAL',
    startAt,
    endAt: startAt + 41_000,
    added: added.map((i) => ({ instance_id: i.id, instance_name: i.name })),
    removed: [],
    deleted: [],
    failed: [],
    scalingValue: added.length,
    instanceValue,
    desireValue: instanceValue + added.length,
    reasons: [{ ...reason, change_time: isoSeconds(startAt) }],
    policyId: null,
    pending: new Set(),
  };
}

/** Demo data: three configurations, three groups in interesting states, policies, hooks, a topic, tags. */
export function seedAs(p: AsProject, now: number): void {
  const t0 = Math.floor(now / 1000) * 1000;
  const topic = (name: string) =>
    `urn:smn:ae-ad-1:${p.projectId.replace(/[^A-Za-z0-9]/g, '') || 'project'}:${name}`;
  const configs: AsConfig[] = [
    {
      ...AS_SEED.configs.legacy,
      createdAt: t0 - 60 * DAY,
      instanceConfig: {
        flavorRef: 's3.small.1',
        imageRef: IMAGE,
        disk: [{ size: 40, volume_type: 'SATA', disk_type: 'SYS' }],
        key_name: 'legacy-keypair',
      },
    },
    {
      ...AS_SEED.configs.web,
      createdAt: t0 - 30 * DAY,
      instanceConfig: {
        flavorRef: 's3.large.2',
        imageRef: IMAGE,
        disk: [
          { size: 40, volume_type: 'SATA', disk_type: 'SYS' },
          { size: 100, volume_type: 'SSD', disk_type: 'DATA' },
        ],
        key_name: 'web-keypair',
        security_groups: [{ id: SG }],
        multi_flavor_priority_policy: 'PICK_FIRST',
      },
    },
    {
      ...AS_SEED.configs.batch,
      createdAt: t0 - 20 * DAY,
      instanceConfig: {
        flavorRef: 'c6.xlarge.2,c6.2xlarge.2',
        imageRef: '37ca2b35-6fc7-47ab-93c7-900324809c5c',
        disk: [{ size: 40, volume_type: 'SSD', disk_type: 'SYS' }],
        metadata: { admin_pass: 'Cl0ud$im-Batch' },
        public_ip: {
          eip: { ip_type: '5_bgp', bandwidth: { size: 10, share_type: 'PER', charging_mode: 'traffic' } },
        },
      },
    },
  ];
  for (const c of configs) p.configs.set(c.id, c);

  // as-group-web: in service, three instances, one of them protected from scale-in.
  const web = group({
    ...AS_SEED.groups.web,
    createdAt: t0 - 14 * DAY,
    desired: 3,
    min: 1,
    max: 10,
    lbListenerId: 'f06c0112570743b51c0e8fbe1f235bab',
    healthMethod: 'ELB_AUDIT',
    description: 'Storefront web tier',
  });
  const webCfg = AS_SEED.configs.web;
  const w1 = instance(
    web,
    webCfg,
    'a1b2c3d4-0001-4a4a-8a8a-000000000001',
    'ONQE551S',
    t0 - 14 * DAY + 30_000,
    { protect: true },
  );
  const w2 = instance(
    web,
    webCfg,
    'a1b2c3d4-0002-4a4a-8a8a-000000000002',
    'K7TD2MXA',
    t0 - 14 * DAY + 30_000,
    {
      az: 'ae-ad-1b',
    },
  );
  const w3 = instance(web, webCfg, 'a1b2c3d4-0003-4a4a-8a8a-000000000003', 'Z9PL0QWE', t0 - 2 * DAY + 30_000);
  p.groups.set(web.id, web);
  for (const i of [w1, w2, w3]) p.instances.set(i.id, i);
  for (const a of [
    done('66e0f775-c4ac-4b52-9d5c-f93ba217aa5f', web, t0 - 14 * DAY, [w1, w2], 0, {
      change_reason: 'DIFF',
      old_value: 0,
      new_value: 2,
    }),
    done('c3a1fff6-84a3-4cbc-8ac0-e3b0f645ecd8', web, t0 - 2 * DAY, [w3], 2, {
      change_reason: 'MANNUAL',
      old_value: 2,
      new_value: 3,
    }),
  ]) {
    p.activities.set(a.id, a);
  }
  const policies: AsPolicy[] = [
    {
      id: AS_SEED.policies.morning,
      groupId: web.id,
      name: 'as-policy-morning',
      type: 'RECURRENCE',
      alarmId: null,
      scheduled: {
        launch_time: '08:00',
        recurrence_type: 'Daily',
        recurrence_value: null,
        start_time: isoMinutes(t0 - 14 * DAY),
        end_time: isoMinutes(t0 + 90 * DAY),
      },
      action: { operation: 'SET', instance_number: 3 },
      coolDown: 300,
      status: 'INSERVICE',
      createdAt: t0 - 14 * DAY,
      nextFireAt: undefined,
    },
    {
      id: AS_SEED.policies.promo,
      groupId: web.id,
      name: 'as-policy-promo',
      type: 'SCHEDULED',
      alarmId: null,
      scheduled: { launch_time: isoMinutes(Math.floor((t0 + 2 * HOUR) / 60_000) * 60_000) },
      action: { operation: 'ADD', instance_number: 2 },
      coolDown: 300,
      status: 'INSERVICE',
      createdAt: t0 - DAY,
      nextFireAt: undefined,
    },
    {
      id: AS_SEED.policies.cpuHigh,
      groupId: web.id,
      name: 'as-policy-cpu-high',
      type: 'ALARM',
      alarmId: AS_SEED.alarmId,
      scheduled: null,
      action: { operation: 'ADD', instance_percentage: 50 },
      coolDown: 600,
      status: 'INSERVICE',
      createdAt: t0 - 7 * DAY,
      nextFireAt: undefined,
    },
  ];
  p.groupTopics(web.id).push({
    urn: topic('as-web-alerts'),
    scenes: ['SCALING_UP', 'SCALING_UP_FAIL', 'SCALING_DOWN', 'SCALING_DOWN_FAIL', 'SCALING_GROUP_ABNORMAL'],
  });
  p.groupTags(web.id).push({ key: 'env', value: 'prod' }, { key: 'team', value: 'web' });

  // as-group-batch: paused with two instances; nothing scales it until it is resumed.
  const batch = group({
    ...AS_SEED.groups.batch,
    status: 'PAUSED',
    configId: AS_SEED.configs.batch.id,
    createdAt: t0 - 10 * DAY,
    desired: 2,
    min: 0,
    max: 5,
    terminatePolicy: 'NEW_INSTANCE',
    description: 'Nightly batch workers',
  });
  const batchCfg = AS_SEED.configs.batch;
  const b1 = instance(
    batch,
    batchCfg,
    'b1b2c3d4-0001-4b4b-9b9b-000000000001',
    'Q2WS7ERT',
    t0 - 10 * DAY + 30_000,
  );
  const b2 = instance(
    batch,
    batchCfg,
    'b1b2c3d4-0002-4b4b-9b9b-000000000002',
    'H5JK8LMN',
    t0 - 10 * DAY + 30_000,
  );
  p.groups.set(batch.id, batch);
  for (const i of [b1, b2]) p.instances.set(i.id, i);
  const batchLog = done('44152cf2-a005-4507-b6e9-66a2a64eff52', batch, t0 - 10 * DAY, [b1, b2], 0, {
    change_reason: 'DIFF',
    old_value: 0,
    new_value: 2,
  });
  p.activities.set(batchLog.id, batchLog);
  policies.push({
    id: AS_SEED.policies.nightly,
    groupId: batch.id,
    name: 'as-policy-nightly',
    type: 'RECURRENCE',
    alarmId: null,
    scheduled: {
      launch_time: '22:00',
      recurrence_type: 'Weekly',
      recurrence_value: '2,4,6',
      start_time: isoMinutes(t0 - 10 * DAY),
      end_time: isoMinutes(t0 + 180 * DAY),
    },
    action: { operation: 'SET', instance_number: 0 },
    coolDown: 300,
    status: 'PAUSED',
    createdAt: t0 - 10 * DAY,
    nextFireAt: undefined,
  });
  p.groupTags(batch.id).push({ key: 'env', value: 'dev' }, { key: 'team', value: 'data' });

  // as-group-hooked: scaling from 1 to 2; the new instance waits on the launch hook for 55 more minutes.
  const hooked = group({
    ...AS_SEED.groups.hooked,
    createdAt: t0 - 3 * DAY,
    desired: 2,
    min: 0,
    max: 4,
    description: 'Workers that need an agent before they serve',
  });
  const h1 = instance(hooked, webCfg, 'c1b2c3d4-0001-4c4c-acac-000000000001', 'R4TY6UIO', t0 - DAY);
  const h2 = instance(hooked, webCfg, AS_SEED.waitingInstance, 'P0OI9UYT', t0 - 5 * 60_000, {
    state: 'PENDING_WAIT',
    health: 'INITIALIZING',
    hooked: true,
    activityId: '8753a18c-931d-4cb8-8d49-6c99396af348',
    az: 'ae-ad-1b',
  });
  p.groups.set(hooked.id, hooked);
  for (const i of [h1, h2]) p.instances.set(i.id, i);
  const first = done('9d0d1a51-2b1f-4e5e-9f7c-3c9b5b0d7a11', hooked, t0 - DAY, [h1], 0, {
    change_reason: 'DIFF',
    old_value: 0,
    new_value: 1,
  });
  p.activities.set(first.id, first);
  const doing: AsActivity = {
    id: '8753a18c-931d-4cb8-8d49-6c99396af348',
    groupId: hooked.id,
    status: 'DOING',
    type: 'NORMAL',
    startAt: t0 - 5 * 60_000 - LAUNCH_DELAY,
    endAt: null,
    added: [],
    removed: [],
    deleted: [],
    failed: [],
    scalingValue: 1,
    instanceValue: 1,
    desireValue: 2,
    reasons: [
      {
        change_reason: 'MANNUAL',
        old_value: 1,
        new_value: 2,
        change_time: isoSeconds(t0 - 5 * 60_000 - LAUNCH_DELAY),
      },
    ],
    policyId: null,
    pending: new Set([h2.id]),
  };
  p.activities.set(doing.id, doing);
  const hooks: AsHook[] = [
    {
      groupId: hooked.id,
      name: AS_SEED.hooks.launch,
      type: 'INSTANCE_LAUNCHING',
      defaultResult: 'ABANDON',
      defaultTimeout: 3600,
      topicUrn: topic('as-hooks'),
      metadata: 'agent=v2',
      createdAt: t0 - 3 * DAY,
    },
    {
      groupId: hooked.id,
      name: AS_SEED.hooks.terminate,
      type: 'INSTANCE_TERMINATING',
      defaultResult: 'CONTINUE',
      defaultTimeout: 600,
      topicUrn: topic('as-hooks'),
      metadata: null,
      createdAt: t0 - 3 * DAY,
    },
  ];
  p.groupHooks(hooked.id).push(...hooks);
  p.hanging.set(AS_SEED.lifecycleActionKey, {
    key: AS_SEED.lifecycleActionKey,
    instanceId: h2.id,
    groupId: hooked.id,
    hookName: AS_SEED.hooks.launch,
    hookType: 'INSTANCE_LAUNCHING',
    status: 'HANGING',
    timeoutAt: t0 - 5 * 60_000 + 3600 * 1000,
    defaultResult: 'ABANDON',
  });
  p.groupTags(hooked.id).push({ key: 'env', value: 'staging' }, { key: 'team', value: 'web' });

  for (const pol of policies) {
    pol.nextFireAt = pol.status === 'INSERVICE' ? nextFire(pol, t0) : undefined;
    p.policies.set(pol.id, pol);
  }
}
