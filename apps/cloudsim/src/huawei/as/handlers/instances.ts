import { asInstanceHealthStatuses, asLifeCycleStates, asLimits } from '@console/catalogue';
import {
  type AsCtx,
  type AsHandlers,
  findGroup,
  isStr,
  NO_CONTENT,
  ok,
  page,
  paging,
  readBody,
} from '../context';
import { type AsGroup, type AsInstance, check, isoSeconds } from '../model';
import { instanceView } from '../views';

function list(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id, 'AS.4005');
  const { start, limit } = paging(ctx.query, 'AS.4000', 'AS.4001');
  const state = ctx.query.get('life_cycle_state');
  const health = ctx.query.get('health_status');
  const protect = ctx.query.get('protect_from_scaling_down');
  check(!state || (asLifeCycleStates as readonly string[]).includes(state), 'AS.4003');
  check(!health || (asInstanceHealthStatuses as readonly string[]).includes(health), 'AS.4004');
  const all = ctx.p
    .groupInstances(g.id)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))
    .filter(
      (i) =>
        (!state || i.state === state) &&
        (!health || i.health === health) &&
        (protect !== 'true' || i.protect) &&
        (protect !== 'false' || !i.protect),
    );
  return ok({
    limit,
    total_number: all.length,
    start_number: start,
    scaling_group_instances: page(all, start, limit).map((i) => instanceView(ctx.p, i)),
  });
}

/** Manual removal: the desired count drops with it, so nothing comes back in its place. */
function removeInstances(ctx: AsCtx, g: AsGroup, members: AsInstance[], instanceDelete: boolean): void {
  const type = instanceDelete ? 'MANUAL_DELETE' : 'MANUAL_REMOVE';
  const old = g.desired;
  g.desired = Math.max(0, g.desired - members.length);
  g.pendingReasons.push({
    change_reason: 'MANNUAL',
    old_value: old,
    new_value: g.desired,
    change_time: isoSeconds(ctx.now),
  });
  const a = ctx.engine.openActivity(
    ctx.p,
    g,
    type,
    ctx.now,
    members.length,
    ctx.p.groupInstances(g.id).length,
    g.pendingReasons,
  );
  // Instances added by hand are only ever removed, never deleted.
  for (const i of members) ctx.engine.startRemoval(i, a, ctx.now, instanceDelete && !!i.configId, false);
}

function removeOne(ctx: AsCtx) {
  const i = ctx.p.instances.get(ctx.params.instance_id ?? '');
  check(i, 'AS.4006');
  const del = ctx.query.get('instance_delete') ?? 'no';
  check(del === 'no' || del === 'yes', 'AS.4007');
  check(!(del === 'yes' && !i.configId), 'AS.4007');
  const g = findGroup(ctx, i.groupId);
  check(i.state === 'INSERVICE', 'AS.4015');
  check(!ctx.p.doing(g.id), 'AS.2047');
  check(g.status !== 'DELETING', 'AS.2033', g.status);
  check(ctx.p.groupInstances(g.id).length - 1 >= g.min, 'AS.2036');
  removeInstances(ctx, g, [i], del === 'yes');
  return NO_CONTENT;
}

function batch(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id, 'AS.4005');
  const body = readBody(ctx);
  const action = body.action;
  check(['ADD', 'REMOVE', 'PROTECT', 'UNPROTECT'].includes(action as string), 'AS.4018');
  const ids = body.instances_id;
  check(Array.isArray(ids) && ids.length > 0 && ids.every((x) => isStr(x) && x), 'AS.4032');
  check(ids.length <= asLimits.batchInstances, 'AS.4043');
  const unique = [...new Set(ids as string[])];
  const del = body.instance_delete ?? 'no';
  check(del === 'no' || del === 'yes', 'AS.4007');
  const members = ctx.p.groupInstances(g.id);
  if (action === 'ADD') {
    check(g.status === 'INSERVICE', 'AS.2033', g.status);
    check(!ctx.p.doing(g.id), 'AS.2047');
    for (const id of unique) {
      const existing = ctx.p.instances.get(id);
      check(!existing || existing.groupId !== g.id, 'AS.4023');
      check(!existing, 'AS.4027');
    }
    check(members.length + unique.length <= g.max, 'AS.2035');
    const old = g.desired;
    g.desired = Math.min(g.max, g.desired + unique.length);
    g.pendingReasons.push({
      change_reason: 'MANNUAL',
      old_value: old,
      new_value: g.desired,
      change_time: isoSeconds(ctx.now),
    });
    const a = ctx.engine.openActivity(
      ctx.p,
      g,
      'MANUAL_ADD',
      ctx.now,
      unique.length,
      members.length,
      g.pendingReasons,
    );
    for (const id of unique) {
      const inst: AsInstance = {
        id,
        name: `ecs-${id.slice(0, 8)}`,
        groupId: g.id,
        state: 'PENDING',
        health: 'INITIALIZING',
        configId: null,
        configName: null,
        az: g.availableZones[0] ?? null,
        createdAt: ctx.now,
        protect: false,
        hooked: false,
        abandoned: false,
        deleteOnRemove: false,
      };
      ctx.p.instances.set(id, inst);
      ctx.engine.startJoin(inst, a, ctx.now);
    }
    return NO_CONTENT;
  }
  const targets = unique.map((id) => {
    const i = ctx.p.instances.get(id);
    check(i, 'AS.4006');
    check(i.groupId === g.id, 'AS.4014');
    check(i.state === 'INSERVICE', 'AS.4015');
    return i;
  });
  if (action === 'REMOVE') {
    check(!ctx.p.doing(g.id), 'AS.2047');
    check(g.status !== 'DELETING', 'AS.2033', g.status);
    check(members.length - targets.length >= g.min, 'AS.2036');
    check(del === 'no' || targets.every((i) => i.configId), 'AS.4007');
    removeInstances(ctx, g, targets, del === 'yes');
    return NO_CONTENT;
  }
  for (const i of targets) i.protect = action === 'PROTECT';
  return NO_CONTENT;
}

export const instanceHandlers: AsHandlers = {
  ListScalingInstances: list,
  DeleteScalingInstance: removeOne,
  BatchOperateScalingInstances: batch,
};
