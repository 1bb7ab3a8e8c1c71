import type {
  AsActivity,
  AsConfig,
  AsGroup,
  AsHanging,
  AsHook,
  AsInstance,
  AsNotification,
  AsPolicy,
  AsQuota,
  AsTag,
} from '@console/contract';
import { hwArr as arr, hwNum as num, hwObj as obj, type Raw, hwStr as str, hwTime as time } from '../gateway';

/*
 * AS's answers (seed 004 tables 5-9 … 5-95) in the console's shapes. The cloud's own values are kept
 * (statuses, reasons, types); only names and structure change.
 */

const ids = (v: unknown): string[] =>
  arr(v)
    .map((x) => str(x.id))
    .filter((x): x is string => x !== undefined);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter(Boolean) : []);

const optNum = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);

export function groupView(g: Raw): AsGroup {
  return {
    id: String(g.scaling_group_id ?? ''),
    name: String(g.scaling_group_name ?? ''),
    status: String(g.scaling_group_status ?? 'UNKNOWN'),
    configId: str(g.scaling_configuration_id),
    configName: str(g.scaling_configuration_name),
    current: num(g.current_instance_number),
    // Response tables say `desired_`, every response sample `desire_`: either is read.
    desired: num(g.desire_instance_number ?? g.desired_instance_number),
    min: num(g.min_instance_number),
    max: num(g.max_instance_number),
    coolDown: num(g.cool_down_time),
    isScaling: g.is_scaling === true,
    vpcId: str(g.vpc_id),
    subnetIds: ids(g.networks),
    securityGroupIds: ids(g.security_groups),
    availableZones: strings(g.available_zones),
    lbListenerIds: (str(g.lb_listener_id) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    healthAuditMethod: str(g.health_periodic_audit_method),
    healthAuditTime: optNum(g.health_periodic_audit_time),
    healthAuditGracePeriod: optNum(g.health_periodic_audit_grace_period),
    terminatePolicy: str(g.instance_terminate_policy),
    multiAzPolicy: str(g.multi_az_priority_policy),
    deletePublicip: g.delete_publicip === true,
    deleteVolume: g.delete_volume === true,
    description: str(g.description),
    detail: str(g.detail),
    activityType: str(g.activity_type),
    createTime: time(g.create_time),
  };
}

export function configView(c: Raw): AsConfig {
  const ic = obj(c.instance_config);
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(ic.metadata))) {
    // A password is never passed on, whatever the cloud answers.
    if (k !== 'admin_pass' && v !== null && v !== undefined) metadata[k] = String(v);
  }
  const bandwidth = obj(obj(obj(ic.public_ip).eip).bandwidth);
  return {
    id: String(c.scaling_configuration_id ?? ''),
    name: String(c.scaling_configuration_name ?? ''),
    createTime: time(c.create_time),
    groupId: str(c.scaling_group_id),
    instanceId: str(ic.instance_id),
    flavorRef: str(ic.flavorRef),
    imageRef: str(ic.imageRef),
    disks: arr(ic.disk).map((d) => ({
      size: num(d.size),
      volumeType: String(d.volume_type ?? ''),
      diskType: String(d.disk_type ?? ''),
    })),
    keyName: str(ic.key_name),
    hasAdminPass: str(ic.adminPass) !== undefined,
    securityGroupIds: ids(ic.security_groups),
    eipBandwidth: optNum(bandwidth.size),
    hasUserData: str(ic.user_data) !== undefined,
    personalityFiles: arr(ic.personality).length,
    metadata,
    multiFlavorPriorityPolicy: str(ic.multi_flavor_priority_policy),
  };
}

export function instanceView(i: Raw): AsInstance {
  const configId = str(i.scaling_configuration_id);
  return {
    id: String(i.instance_id ?? ''),
    name: String(i.instance_name ?? i.instance_id ?? ''),
    groupId: String(i.scaling_group_id ?? ''),
    lifeCycleState: String(i.life_cycle_state ?? 'UNKNOWN'),
    healthStatus: String(i.health_status ?? 'UNKNOWN'),
    configId,
    configName: str(i.scaling_configuration_name),
    manual: configId === undefined,
    protected: i.protect_from_scaling_down === true,
    createTime: time(i.create_time),
  };
}

export function policyView(p: Raw): AsPolicy {
  const s =
    p.scheduled_policy === undefined || p.scheduled_policy === null ? undefined : obj(p.scheduled_policy);
  const a = obj(p.scaling_policy_action);
  return {
    id: String(p.scaling_policy_id ?? ''),
    groupId: String(p.scaling_group_id ?? ''),
    name: String(p.scaling_policy_name ?? ''),
    type: String(p.scaling_policy_type ?? ''),
    status: String(p.policy_status ?? 'UNKNOWN'),
    alarmId: str(p.alarm_id),
    scheduled: s
      ? {
          launchTime: String(s.launch_time ?? ''),
          recurrenceType: str(s.recurrence_type),
          recurrenceValue: str(s.recurrence_value),
          startTime: str(s.start_time),
          endTime: str(s.end_time),
        }
      : undefined,
    action: {
      // The seed accepts REDUCE for REMOVE on input; the console says REMOVE.
      operation: a.operation === 'REDUCE' ? 'REMOVE' : String(a.operation ?? 'ADD'),
      instanceNumber: optNum(a.instance_number),
      instancePercentage: optNum(a.instance_percentage),
    },
    coolDown: num(p.cool_down_time),
    createTime: time(p.create_time),
  };
}

/** v2 lists are instance objects; v1's comma-separated names are read too. */
function activityInstances(v: unknown): AsActivity['added'] {
  if (typeof v === 'string') {
    return v
      .split(',')
      .filter(Boolean)
      .map((name) => ({ name }));
  }
  return arr(v).map((i) => ({
    id: str(i.instance_id),
    name: str(i.instance_name),
    reason: str(i.failed_reason),
    details: str(i.failed_details),
  }));
}

/** The description is JSON (`{"reason":[…]}`): its reasons are read, anything else is kept as text. */
function reasonsOf(description: unknown): Pick<AsActivity, 'reasons' | 'description'> {
  const text = str(description);
  if (!text) return { reasons: [] };
  try {
    const reasons = arr(obj(JSON.parse(text)).reason);
    if (reasons.length === 0) return { reasons: [], description: text };
    return {
      reasons: reasons.map((r) => ({
        changeReason: String(r.change_reason ?? ''),
        oldValue: optNum(r.old_value),
        newValue: optNum(r.new_value),
        changeTime: time(r.change_time),
        policyName: str(r.scaling_policy_name),
        policyId: str(r.scaling_policy_id),
      })),
    };
  } catch {
    return { reasons: [], description: text };
  }
}

export function activityView(groupId: string, a: Raw): AsActivity {
  const id = String(a.id ?? '');
  return {
    id,
    status: String(a.status ?? 'UNKNOWN'),
    type: str(a.type),
    startTime: time(a.start_time),
    endTime: time(a.end_time),
    scalingValue: num(a.scaling_value),
    instanceValue: num(a.instance_value),
    desireValue: num(a.desire_value),
    ...reasonsOf(a.description),
    added: activityInstances(a.instance_added_list),
    removed: activityInstances(a.instance_removed_list),
    deleted: activityInstances(a.instance_deleted_list),
    failed: activityInstances(a.instance_failed_list),
    rolloutId: `${groupId}.${id}`,
  };
}

export function hookView(h: Raw): AsHook {
  return {
    name: String(h.lifecycle_hook_name ?? ''),
    type: String(h.lifecycle_hook_type ?? ''),
    defaultResult: String(h.default_result ?? ''),
    defaultTimeout: num(h.default_timeout),
    topicUrn: String(h.notification_topic_urn ?? ''),
    topicName: str(h.notification_topic_name),
    metadata: str(h.notification_metadata),
    createTime: time(h.create_time),
  };
}

/** The action key is the callback's credential: it stays in the BFF. */
export function hangingView(h: Raw, names: Map<string, string>, rolloutId: string | undefined): AsHanging {
  const instanceId = String(h.instance_id ?? '');
  const status = String(h.lifecycle_hook_status ?? 'UNKNOWN');
  return {
    instanceId,
    instanceName: names.get(instanceId),
    hookName: String(h.lifecycle_hook_name ?? ''),
    status,
    timeout: time(h.timeout),
    defaultResult: str(h.default_result),
    rolloutId: status === 'HANGING' ? rolloutId : undefined,
  };
}

export function notificationView(t: Raw): AsNotification {
  return {
    topicUrn: String(t.topic_urn ?? ''),
    topicName: str(t.topic_name),
    scenes: strings(t.topic_scene),
  };
}

export function tagView(t: Raw): AsTag {
  return { key: String(t.key ?? ''), value: String(t.value ?? '') };
}

export function quotasView(body: Raw): AsQuota[] {
  return arr(obj(body.quotas).resources).map((r) => ({
    type: String(r.type ?? ''),
    used: num(r.used),
    quota: num(r.quota),
    max: num(r.max),
    min: num(r.min),
  }));
}
