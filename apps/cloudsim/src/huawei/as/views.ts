import {
  type AsActivity,
  type AsConfig,
  type AsGroup,
  type AsHanging,
  type AsHook,
  type AsInstance,
  type AsPolicy,
  isoSeconds,
  type Json,
  topicName,
} from './model';
import type { AsProject } from './store';

/**
 * The group as list and detail answer it. The desired count goes out under both spellings: the response
 * tables say `desired_instance_number`, every response sample says `desire_instance_number`.
 */
export function groupView(p: AsProject, g: AsGroup): Json {
  const config = g.configId ? p.configs.get(g.configId) : undefined;
  return {
    scaling_group_name: g.name,
    scaling_group_id: g.id,
    scaling_group_status: g.status,
    scaling_configuration_id: g.configId,
    scaling_configuration_name: config?.name ?? null,
    // Joining instances are not counted yet (the detail sample: current 7, desired 8, is_scaling true).
    current_instance_number: p
      .groupInstances(g.id)
      .filter((i) => i.state !== 'PENDING' && i.state !== 'PENDING_WAIT').length,
    desire_instance_number: g.desired,
    desired_instance_number: g.desired,
    min_instance_number: g.min,
    max_instance_number: g.max,
    cool_down_time: g.coolDown,
    lb_listener_id: g.lbListenerId,
    lbaas_listeners: g.lbaasListeners,
    available_zones: g.availableZones,
    networks: g.networks.map((n) => ({
      id: n.id,
      ipv6_enable: n.ipv6_enable ?? false,
      ipv6_bandwidth: n.ipv6_bandwidth ?? null,
    })),
    security_groups: g.securityGroups,
    create_time: isoSeconds(g.createdAt),
    vpc_id: g.vpcId,
    detail: g.detail,
    is_scaling: !!p.doing(g.id),
    health_periodic_audit_method: g.healthMethod,
    health_periodic_audit_time: g.healthTime,
    health_periodic_audit_grace_period: g.healthGrace,
    instance_terminate_policy: g.terminatePolicy,
    notifications: g.notifications,
    delete_publicip: g.deletePublicip,
    delete_volume: g.deleteVolume,
    cloud_location_id: null,
    activity_type: g.activityType ?? latestActivityType(p, g.id),
    multi_az_priority_policy: g.multiAzPolicy,
    description: g.description,
  };
}

/** The type of the group's latest activity (the seed's sample shows `MODIFY_ELB`). */
function latestActivityType(p: AsProject, groupId: string): string | null {
  let latest: AsActivity | undefined;
  for (const a of p.activities.values())
    if (a.groupId === groupId && (!latest || a.startAt >= latest.startAt)) latest = a;
  return latest?.type ?? null;
}

const INSTANCE_CONFIG_KEYS = [
  'flavorRef',
  'imageRef',
  'disk',
  'key_name',
  'key_fingerprint',
  'instance_name',
  'instance_id',
  'adminPass',
  'personality',
  'public_ip',
  'user_data',
  'metadata',
  'security_groups',
  'server_group_id',
  'tenancy',
  'dedicated_host_id',
  'market_type',
  'multi_flavor_priority_policy',
] as const;

export function configView(p: AsProject, c: AsConfig): Json {
  const ic = c.instanceConfig;
  const metadata = { ...((ic.metadata as Json | undefined) ?? {}) };
  const hasPassword = typeof metadata.admin_pass === 'string';
  delete metadata.admin_pass;
  const out: Json = {};
  for (const k of INSTANCE_CONFIG_KEYS) out[k] = ic[k] ?? null;
  out.metadata = metadata;
  out.adminPass = hasPassword ? '****' : null;
  out.key_fingerprint = typeof ic.key_name === 'string' ? fingerprint(ic.key_name) : null;
  const group = [...p.groups.values()].find((g) => g.configId === c.id);
  return {
    tenant: p.projectId,
    scaling_configuration_id: c.id,
    scaling_configuration_name: c.name,
    instance_config: out,
    create_time: isoSeconds(c.createdAt),
    scaling_group_id: group?.id ?? null,
  };
}

function fingerprint(name: string): string {
  let h = 2166136261;
  const bytes: string[] = [];
  for (let i = 0; i < 16; i++) {
    for (const ch of `${name}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    bytes.push((h & 0xff).toString(16).padStart(2, '0'));
  }
  return `SHA256:${bytes.join(':')}`;
}

export function instanceView(p: AsProject, i: AsInstance): Json {
  return {
    instance_id: i.id,
    instance_name: i.name,
    scaling_group_id: i.groupId,
    scaling_group_name: p.groups.get(i.groupId)?.name ?? null,
    life_cycle_state: i.state,
    health_status: i.health,
    scaling_configuration_name: i.configName ?? '',
    scaling_configuration_id: i.configId ?? '',
    create_time: isoSeconds(i.createdAt),
    protect_from_scaling_down: i.protect,
  };
}

/** EXECUTING while an activity it triggered is in progress. */
export function policyView(p: AsProject, pol: AsPolicy): Json {
  const doing = p.doing(pol.groupId);
  const out: Json = {
    scaling_policy_id: pol.id,
    scaling_group_id: pol.groupId,
    scaling_policy_name: pol.name,
    scaling_policy_type: pol.type,
  };
  if (pol.type === 'ALARM') out.alarm_id = pol.alarmId;
  else if (pol.scheduled) {
    out.scheduled_policy =
      pol.type === 'SCHEDULED'
        ? { launch_time: pol.scheduled.launch_time }
        : {
            launch_time: pol.scheduled.launch_time,
            recurrence_type: pol.scheduled.recurrence_type ?? null,
            recurrence_value: pol.scheduled.recurrence_value ?? null,
            start_time: pol.scheduled.start_time ?? null,
            end_time: pol.scheduled.end_time ?? null,
          };
  }
  out.cool_down_time = pol.coolDown;
  out.scaling_policy_action = {
    operation: pol.action.operation,
    ...(pol.action.instance_percentage !== undefined
      ? { instance_percentage: pol.action.instance_percentage }
      : { instance_number: pol.action.instance_number ?? 1 }),
  };
  out.policy_status = pol.status === 'INSERVICE' && doing?.policyId === pol.id ? 'EXECUTING' : pol.status;
  out.create_time = isoSeconds(pol.createdAt);
  return out;
}

function names(list: { instance_name: string }[]): string | null {
  return list.length ? list.map((i) => i.instance_name).join(',') : null;
}

function description(a: AsActivity): string {
  return JSON.stringify({ reason: a.reasons });
}

/** v1: instance lists are comma-separated names (null when empty). */
export function activityV1View(a: AsActivity): Json {
  return {
    id: a.id,
    instance_value: a.instanceValue,
    desire_value: a.desireValue,
    scaling_value: a.scalingValue,
    start_time: isoSeconds(a.startAt),
    end_time: a.endAt === null ? null : isoSeconds(a.endAt),
    instance_added_list: names(a.added),
    instance_deleted_list: names(a.deleted),
    instance_removed_list: names(a.removed),
    status: a.status,
    description: description(a),
  };
}

/** v2: lists of instance objects, the LB lists and the activity type. */
export function activityV2View(a: AsActivity): Json {
  const plain = (l: AsActivity['added']) =>
    l.map((i) => ({ instance_id: i.instance_id, instance_name: i.instance_name }));
  return {
    id: a.id,
    instance_value: a.instanceValue,
    desire_value: a.desireValue,
    scaling_value: a.scalingValue,
    start_time: isoSeconds(a.startAt),
    end_time: a.endAt === null ? null : isoSeconds(a.endAt),
    instance_added_list: plain(a.added),
    instance_deleted_list: plain(a.deleted),
    instance_removed_list: plain(a.removed),
    instance_failed_list: a.failed.map((i) => ({ ...i })),
    lb_bind_success_list: [],
    lb_bind_failed_list: [],
    lb_unbind_success_list: [],
    lb_unbind_failed_list: [],
    status: a.status,
    description: description(a),
    type: a.type,
  };
}

export function hookView(h: AsHook): Json {
  return {
    lifecycle_hook_name: h.name,
    lifecycle_hook_type: h.type,
    default_result: h.defaultResult,
    default_timeout: h.defaultTimeout,
    notification_topic_urn: h.topicUrn,
    notification_topic_name: topicName(h.topicUrn),
    notification_metadata: h.metadata,
    create_time: isoSeconds(h.createdAt),
  };
}

export function hangingView(h: AsHanging): Json {
  return {
    instance_id: h.instanceId,
    scaling_group_id: h.groupId,
    lifecycle_hook_name: h.hookName,
    lifecycle_action_key: h.key,
    default_result: h.defaultResult,
    timeout: isoSeconds(h.timeoutAt),
    lifecycle_hook_status: h.status,
  };
}
