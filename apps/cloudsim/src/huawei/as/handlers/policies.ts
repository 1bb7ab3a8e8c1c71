import { asLimits } from '@console/catalogue';
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
import { nextFire } from '../engine';
import { type AsPolicy, check, isoMinutes, type Json, parseMinutes, RESOURCE_NAME } from '../model';
import { policyView } from '../views';

const TYPES = ['ALARM', 'SCHEDULED', 'RECURRENCE'];

function checkName(name: unknown): void {
  check(isStr(name) && name.length > 0, 'AS.3013');
  check(name.length <= 64, 'AS.3014');
  check(RESOURCE_NAME.test(name), 'AS.3031');
}

function actionOf(v: unknown): AsPolicy['action'] {
  if (v === undefined || v === null) return { operation: 'ADD', instance_number: 1 };
  check(typeof v === 'object' && !Array.isArray(v), 'AS.3015');
  const a = v as Json;
  const op = a.operation ?? 'ADD';
  check(['ADD', 'REMOVE', 'REDUCE', 'SET'].includes(op as string), 'AS.3017');
  const operation = (op === 'REDUCE' ? 'REMOVE' : op) as AsPolicy['action']['operation'];
  check(!(a.instance_number !== undefined && a.instance_percentage !== undefined), 'AS.3036');
  const low = operation === 'SET' ? 0 : 1;
  if (a.instance_percentage !== undefined) {
    const pct = a.instance_percentage;
    check(isInt(pct) && pct >= low && pct <= 20000, 'AS.3035');
    return { operation, instance_percentage: pct };
  }
  const n = a.instance_number ?? 1;
  check(isInt(n) && n >= low && n <= 200, 'AS.3018');
  return { operation, instance_number: n };
}

/** Table 5-70's rules, per policy type; the result is stored as given (minute precision). */
function scheduledOf(type: string, v: unknown, now: number): AsPolicy['scheduled'] {
  check(v && typeof v === 'object' && !Array.isArray(v), 'AS.3003');
  const s = v as Json;
  check(s.launch_time !== undefined && s.launch_time !== null && s.launch_time !== '', 'AS.3008');
  if (type === 'SCHEDULED') {
    const at = parseMinutes(s.launch_time);
    check(at !== undefined, 'AS.3009');
    check(at > now, 'AS.3010');
    return { launch_time: s.launch_time as string };
  }
  check(isStr(s.launch_time) && /^([01]\d|2[0-3]):[0-5]\d$/.test(s.launch_time), 'AS.3009');
  check(s.recurrence_type, 'AS.3023');
  check(['Daily', 'Weekly', 'Monthly'].includes(s.recurrence_type as string), 'AS.3004');
  let value: string | null = null;
  if (s.recurrence_type !== 'Daily') {
    check(isStr(s.recurrence_value) && s.recurrence_value, 'AS.3024');
    const [lo, hi] = s.recurrence_type === 'Weekly' ? [1, 7] : [1, 31];
    const parts = s.recurrence_value.split(',');
    check(
      parts.every((x) => /^\d+$/.test(x) && +x >= lo && +x <= hi) && new Set(parts).size === parts.length,
      'AS.3025',
    );
    value = s.recurrence_value;
  }
  check(s.end_time, 'AS.3005');
  const end = parseMinutes(s.end_time);
  check(end !== undefined, 'AS.3006');
  check(end > now, 'AS.3007');
  let start = now;
  if (s.start_time !== undefined && s.start_time !== null) {
    const t = parseMinutes(s.start_time);
    check(t !== undefined, 'AS.3028');
    start = t;
  }
  check(start < end, 'AS.3029');
  const startText = (s.start_time as string | undefined) ?? isoMinutes(now);
  return {
    launch_time: s.launch_time,
    recurrence_type: s.recurrence_type as string,
    recurrence_value: value,
    start_time: startText,
    end_time: s.end_time as string,
  };
}

/** Validates a whole policy (after an update's fields are merged) and schedules its next firing. */
function settle(ctx: AsCtx, pol: AsPolicy, body: Json, fresh: boolean): void {
  checkName(pol.name);
  check(TYPES.includes(pol.type), 'AS.3002');
  if (pol.type === 'ALARM') {
    check(isStr(pol.alarmId) && pol.alarmId, 'AS.3026');
    check(/^[A-Za-z0-9_-]{1,64}$/.test(pol.alarmId), 'AS.3050');
    for (const other of ctx.p.policies.values()) {
      check(
        !(other.id !== pol.id && other.alarmId === pol.alarmId && other.groupId !== pol.groupId),
        'AS.3034',
      );
    }
    pol.scheduled = null;
  } else {
    if (fresh || body.scheduled_policy !== undefined || body.scaling_policy_type !== undefined) {
      pol.scheduled = scheduledOf(pol.type, body.scheduled_policy ?? pol.scheduled, ctx.now);
    }
    pol.alarmId = null;
  }
  check(isInt(pol.coolDown) && pol.coolDown >= 0 && pol.coolDown <= 86400, 'AS.3012');
  pol.nextFireAt = nextFire(pol, ctx.now);
  check(pol.type !== 'RECURRENCE' || pol.nextFireAt !== undefined, 'AS.3033');
}

function create(ctx: AsCtx) {
  const body = readBody(ctx);
  checkName(body.scaling_policy_name);
  check(isStr(body.scaling_group_id) && body.scaling_group_id, 'AS.3019');
  const g = findGroup(ctx, body.scaling_group_id);
  check(body.scaling_policy_type, 'AS.3011');
  check(TYPES.includes(body.scaling_policy_type as string), 'AS.3002');
  const count = [...ctx.p.policies.values()].filter((p) => p.groupId === g.id).length;
  check(count < asLimits.policiesPerGroup, 'AS.3032');
  const pol: AsPolicy = {
    id: ctx.engine.ids.uuid(),
    groupId: g.id,
    name: body.scaling_policy_name as string,
    type: body.scaling_policy_type as AsPolicy['type'],
    alarmId: (body.alarm_id as string | undefined) ?? null,
    scheduled: null,
    action: actionOf(body.scaling_policy_action),
    coolDown: (body.cool_down_time as number | undefined) ?? 300,
    status: 'INSERVICE',
    createdAt: ctx.now,
    nextFireAt: undefined,
  };
  settle(ctx, pol, body, true);
  ctx.p.policies.set(pol.id, pol);
  return ok({ scaling_policy_id: pol.id });
}

function findPolicy(ctx: AsCtx): AsPolicy {
  const pol = ctx.p.policies.get(ctx.params.scaling_policy_id ?? '');
  check(pol, 'AS.3020');
  return pol;
}

function update(ctx: AsCtx) {
  const pol = findPolicy(ctx);
  const body = readBody(ctx);
  const next: AsPolicy = { ...pol };
  if (body.scaling_policy_name !== undefined) next.name = body.scaling_policy_name as string;
  if (body.scaling_policy_type !== undefined) next.type = body.scaling_policy_type as AsPolicy['type'];
  if (body.alarm_id !== undefined) next.alarmId = body.alarm_id as string;
  if (body.scaling_policy_action !== undefined) next.action = actionOf(body.scaling_policy_action);
  if (body.cool_down_time !== undefined) next.coolDown = body.cool_down_time as number;
  settle(ctx, next, body, false);
  Object.assign(pol, next);
  return ok({ scaling_policy_id: pol.id });
}

function list(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const { start, limit } = paging(ctx.query);
  const name = ctx.query.get('scaling_policy_name');
  const type = ctx.query.get('scaling_policy_type');
  const id = ctx.query.get('scaling_policy_id');
  check(!type || TYPES.includes(type), 'AS.3002');
  const all = newestFirst([...ctx.p.policies.values()]).filter(
    (p) =>
      p.groupId === g.id &&
      (!name || p.name.includes(name)) &&
      (!type || p.type === type) &&
      (!id || p.id === id),
  );
  return ok({
    limit,
    total_number: all.length,
    start_number: start,
    scaling_policies: page(all, start, limit).map((p) => policyView(ctx.p, p)),
  });
}

function show(ctx: AsCtx) {
  return ok({ scaling_policy: policyView(ctx.p, findPolicy(ctx)) });
}

function action(ctx: AsCtx) {
  const pol = findPolicy(ctx);
  const body = readBody(ctx);
  check(['execute', 'resume', 'pause'].includes(body.action as string), 'AS.3022');
  const g = findGroup(ctx, pol.groupId);
  if (body.action === 'pause') {
    pol.status = 'PAUSED';
    return NO_CONTENT;
  }
  if (body.action === 'resume') {
    pol.status = 'INSERVICE';
    pol.nextFireAt = nextFire(pol, ctx.now);
    return NO_CONTENT;
  }
  // Execute: group and policy enabled, no activity running; cooldown holds back alarm policies only.
  check(g.status === 'INSERVICE' && pol.status === 'INSERVICE', 'AS.3027');
  check(!ctx.p.doing(g.id), 'AS.0034');
  check(!(pol.type === 'ALARM' && ctx.now < g.coolDownUntil), 'AS.0026');
  ctx.engine.applyPolicy(ctx.p, g, pol, ctx.now, 'MANNUAL');
  ctx.engine.reconcile(ctx.p, g, ctx.now);
  return NO_CONTENT;
}

function remove(ctx: AsCtx) {
  const pol = findPolicy(ctx);
  ctx.p.policies.delete(pol.id);
  return NO_CONTENT;
}

export const policyHandlers: AsHandlers = {
  CreateScalingPolicy: create,
  UpdateScalingPolicy: update,
  ListScalingPolicies: list,
  ShowScalingPolicy: show,
  ExecuteOrEnableOrDisableScalingPolicy: action,
  DeleteScalingPolicy: remove,
};
