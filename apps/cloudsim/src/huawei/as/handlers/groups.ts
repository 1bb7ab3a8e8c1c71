import {
  AS_DESIRED_FIELDS,
  asHealthAuditMethods,
  asHealthAuditTimes,
  asInstanceTerminatePolicies,
  asLimits,
  asMultiAzPriorityPolicies,
  asScalingGroupStatuses,
} from '@console/catalogue';
import {
  type AsCtx,
  type AsHandlers,
  findGroup,
  isInt,
  isStr,
  NO_CONTENT,
  newestFirst,
  ok,
  page,
  paging,
  readBody,
} from '../context';
import { type AsGroup, type AsNetwork, check, isoSeconds, type Json, RESOURCE_NAME } from '../model';
import { groupView } from '../views';

const MAX_INSTANCES = 300;

/** Both spellings of the desired count; the update table's `desire_` wins when a body has both. */
function desiredOf(body: Json): unknown {
  return body.desire_instance_number ?? body.desired_instance_number;
}

function checkName(name: unknown): void {
  check(isStr(name) && name.length > 0, 'AS.2002');
  check(name.length <= 64, 'AS.2003');
  check(RESOURCE_NAME.test(name), 'AS.2022');
}

function networksOf(v: unknown): AsNetwork[] {
  check(Array.isArray(v) && v.length > 0, 'AS.2013');
  check(v.length <= 5, 'AS.2024');
  return v.map((n) => {
    check(n && typeof n === 'object' && isStr((n as Json).id) && (n as Json).id, 'AS.2013');
    return { id: (n as Json).id as string };
  });
}

function securityGroupsOf(v: unknown): { id: string }[] {
  check(Array.isArray(v), 'AS.2014');
  check(v.length <= 1, 'AS.2025');
  return v.map((s) => {
    check(s && typeof s === 'object' && isStr((s as Json).id) && (s as Json).id, 'AS.2014');
    return { id: (s as Json).id as string };
  });
}

/** The optional settings shared by create and update, validated and written onto the group. */
function applySettings(g: AsGroup, body: Json): void {
  if (body.cool_down_time !== undefined) {
    check(isInt(body.cool_down_time) && body.cool_down_time >= 0 && body.cool_down_time <= 86400, 'AS.2006');
    g.coolDown = body.cool_down_time;
  }
  if (body.health_periodic_audit_method !== undefined) {
    check(
      (asHealthAuditMethods as readonly unknown[]).includes(body.health_periodic_audit_method),
      'AS.2029',
    );
    g.healthMethod = body.health_periodic_audit_method as string;
  }
  if (body.health_periodic_audit_time !== undefined) {
    check((asHealthAuditTimes as readonly unknown[]).includes(body.health_periodic_audit_time), 'AS.2031');
    g.healthTime = body.health_periodic_audit_time as number;
  }
  if (body.health_periodic_audit_grace_period !== undefined) {
    const v = body.health_periodic_audit_grace_period;
    check(isInt(v) && v >= 0 && v <= 86400, 'AS.2046');
    g.healthGrace = v;
  }
  if (body.instance_terminate_policy !== undefined) {
    check(
      (asInstanceTerminatePolicies as readonly unknown[]).includes(body.instance_terminate_policy),
      'AS.2032',
    );
    g.terminatePolicy = body.instance_terminate_policy as AsGroup['terminatePolicy'];
  }
  if (body.multi_az_priority_policy !== undefined) {
    check(
      (asMultiAzPriorityPolicies as readonly unknown[]).includes(body.multi_az_priority_policy),
      'AS.2053',
    );
    g.multiAzPolicy = body.multi_az_priority_policy as string;
  }
  if (body.notifications !== undefined) {
    const n = body.notifications;
    check(n === null || (Array.isArray(n) && n.every((x) => x === 'EMAIL')), 'AS.2034');
    g.notifications = n as string[] | null;
  }
  if (body.delete_publicip !== undefined) {
    check(typeof body.delete_publicip === 'boolean', 'AS.0022');
    g.deletePublicip = body.delete_publicip;
  }
  if (body.delete_volume !== undefined) {
    check(typeof body.delete_volume === 'boolean', 'AS.0022');
    g.deleteVolume = body.delete_volume;
  }
  if (body.description !== undefined) {
    check(
      body.description === null || (isStr(body.description) && body.description.length <= 256),
      'AS.0022',
    );
    g.description = body.description as string | null;
  }
  if (body.lb_listener_id !== undefined) {
    const v = body.lb_listener_id;
    check(v === null || isStr(v), 'AS.2015');
    check(!v || v.split(',').length <= 6, 'AS.2037');
    g.lbListenerId = v || null;
  }
  if (body.lbaas_listeners !== undefined) {
    check(body.lbaas_listeners === null || Array.isArray(body.lbaas_listeners), 'AS.2042');
    g.lbaasListeners = body.lbaas_listeners as Json[] | null;
  }
  if (body.available_zones !== undefined) {
    check(Array.isArray(body.available_zones) && body.available_zones.every(isStr), 'AS.2011');
    g.availableZones = body.available_zones as string[];
  }
}

function checkBounds(min: number, max: number, desired: number): void {
  check(min >= 0 && max >= 0 && min <= max, 'AS.2004');
  check(max <= MAX_INSTANCES, 'AS.2045');
  check(desired >= min && desired <= max, 'AS.2005');
}

const GROUP_EXTRA = [...AS_DESIRED_FIELDS, 'lbaas_listeners'];

function create(ctx: AsCtx) {
  const body = readBody(ctx, GROUP_EXTRA);
  checkName(body.scaling_group_name);
  // Table 5-2 marks the configuration required, the quick start says a group may be created without one and
  // only needs one to be enabled: without it the group is created PAUSED.
  const configId = body.scaling_configuration_id;
  check(configId === undefined || configId === null || isStr(configId), 'AS.1004');
  if (configId) check(ctx.p.configs.has(configId as string), 'AS.1004');
  check(isStr(body.vpc_id) && body.vpc_id, 'AS.2017');
  const networks = networksOf(body.networks);
  const securityGroups = body.security_groups === undefined ? [] : securityGroupsOf(body.security_groups);
  for (const k of ['min_instance_number', 'max_instance_number', ...AS_DESIRED_FIELDS]) {
    check(body[k] === undefined || isInt(body[k]), k.startsWith('desire') ? 'AS.2005' : 'AS.2004');
  }
  const min = (body.min_instance_number as number | undefined) ?? 0;
  const max = (body.max_instance_number as number | undefined) ?? 1;
  const desired = (desiredOf(body) as number | undefined) ?? min;
  checkBounds(min, max, desired);
  check(ctx.p.groups.size < asLimits.groupsPerTenant, 'AS.2023');
  const g: AsGroup = {
    id: ctx.engine.ids.uuid(),
    name: body.scaling_group_name as string,
    status: configId ? 'INSERVICE' : 'PAUSED',
    configId: (configId as string | undefined) || null,
    desired,
    min,
    max,
    coolDown: 300,
    lbListenerId: null,
    lbaasListeners: null,
    availableZones: [],
    networks,
    securityGroups,
    vpcId: body.vpc_id,
    healthMethod: body.lb_listener_id || body.lbaas_listeners ? 'ELB_AUDIT' : 'NOVA_AUDIT',
    healthTime: 5,
    healthGrace: 600,
    terminatePolicy: 'OLD_CONFIG_OLD_INSTANCE',
    notifications: null,
    deletePublicip: false,
    deleteVolume: false,
    multiAzPolicy: 'EQUILIBRIUM_DISTRIBUTE',
    description: null,
    createdAt: ctx.now,
    detail: null,
    activityType: null,
    coolDownUntil: 0,
    pendingReasons: [],
    pendingPolicyId: null,
  };
  applySettings(g, body);
  ctx.p.groups.set(g.id, g);
  ctx.engine.reconcile(ctx.p, g, ctx.now);
  return ok({ scaling_group_id: g.id });
}

function list(ctx: AsCtx) {
  const { start, limit } = paging(ctx.query);
  const name = ctx.query.get('scaling_group_name');
  const configId = ctx.query.get('scaling_configuration_id');
  const status = ctx.query.get('scaling_group_status');
  check(!status || (asScalingGroupStatuses as readonly string[]).includes(status), 'AS.2020');
  const all = newestFirst([...ctx.p.groups.values()]).filter(
    (g) =>
      (!name || g.name.includes(name)) &&
      (!configId || g.configId === configId) &&
      (!status || g.status === status),
  );
  return ok({
    limit,
    scaling_groups: page(all, start, limit).map((g) => groupView(ctx.p, g)),
    total_number: all.length,
    start_number: start,
  });
}

function show(ctx: AsCtx) {
  return ok({ scaling_group: groupView(ctx.p, findGroup(ctx, ctx.params.scaling_group_id)) });
}

function update(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const body = readBody(ctx, GROUP_EXTRA);
  check(g.status !== 'DELETING', 'AS.2033', g.status);
  const doing = ctx.p.doing(g.id);
  const members = ctx.p.groupInstances(g.id);
  const next: AsGroup = { ...g };
  if (body.scaling_group_name !== undefined) {
    checkName(body.scaling_group_name);
    next.name = body.scaling_group_name as string;
  }
  if (body.scaling_configuration_id !== undefined) {
    const id = body.scaling_configuration_id;
    check(isStr(id) && ctx.p.configs.has(id), 'AS.1004');
    next.configId = id;
  }
  // Subnets, security groups and listeners only change on an idle, empty, not enabled group.
  const structural = ['networks', 'security_groups', 'lb_listener_id', 'lbaas_listeners'].filter(
    (k) => body[k] !== undefined,
  );
  if (structural.length) check(!doing && members.length === 0 && g.status !== 'INSERVICE', 'AS.2030');
  if (body.available_zones !== undefined) check(!doing, 'AS.2054');
  if (body.networks !== undefined) next.networks = networksOf(body.networks);
  if (body.security_groups !== undefined) next.securityGroups = securityGroupsOf(body.security_groups);
  applySettings(next, body);
  for (const k of ['min_instance_number', 'max_instance_number', ...AS_DESIRED_FIELDS]) {
    check(body[k] === undefined || isInt(body[k]), k.startsWith('desire') ? 'AS.2005' : 'AS.2004');
  }
  if (body.min_instance_number !== undefined) next.min = body.min_instance_number as number;
  if (body.max_instance_number !== undefined) next.max = body.max_instance_number as number;
  const desired = desiredOf(body) as number | undefined;
  if (desired !== undefined) {
    // AS.2028 only when the call changes nothing but the desired count, to the value it already has.
    const onlyDesired = Object.keys(body).every((k) => (AS_DESIRED_FIELDS as readonly string[]).includes(k));
    check(!(onlyDesired && desired === g.desired), 'AS.2028');
    next.desired = desired;
  }
  checkBounds(next.min, next.max, next.desired);
  check(next.desired >= members.filter((i) => i.protect).length, 'AS.2010');
  if (next.desired !== g.desired) {
    next.pendingReasons = [
      ...g.pendingReasons,
      {
        change_reason: 'MANNUAL',
        old_value: g.desired,
        new_value: next.desired,
        change_time: isoSeconds(ctx.now),
      },
    ];
  }
  Object.assign(g, next);
  ctx.engine.reconcile(ctx.p, g, ctx.now);
  return ok({ scaling_group_id: g.id });
}

function remove(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const force = ctx.query.get('force_delete') ?? 'no';
  check(force === 'no' || force === 'yes', 'AS.2019');
  if (force === 'no') {
    check(!ctx.p.doing(g.id), 'AS.2047');
    check(ctx.p.groupInstances(g.id).length === 0, 'AS.2021');
    ctx.p.dropGroup(g.id);
    return NO_CONTENT;
  }
  // Force: DELETING, waits for the running activity, removes every instance, then the group goes.
  g.status = 'DELETING';
  ctx.engine.reconcile(ctx.p, g, ctx.now);
  return NO_CONTENT;
}

function action(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const body = readBody(ctx);
  check(body.action === 'resume' || body.action === 'pause', 'AS.2008');
  check(g.status !== 'DELETING', 'AS.2033', g.status);
  if (body.action === 'resume') {
    check(g.configId && ctx.p.configs.has(g.configId), 'AS.2018');
    g.status = 'INSERVICE';
    ctx.engine.reconcile(ctx.p, g, ctx.now);
  } else {
    // A running activity is not stopped; the group only starts no new one.
    g.status = 'PAUSED';
  }
  return NO_CONTENT;
}

export const groupHandlers: AsHandlers = {
  CreateScalingGroup: create,
  ListScalingGroups: list,
  ShowScalingGroup: show,
  UpdateScalingGroup: update,
  DeleteScalingGroup: remove,
  EnableOrDisableScalingGroup: action,
};
