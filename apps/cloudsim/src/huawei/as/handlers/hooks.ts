import { asLimits } from '@console/catalogue';
import { type AsCtx, type AsHandlers, findGroup, isInt, isStr, NO_CONTENT, ok, readBody } from '../context';
import { type AsHook, check, type Json, TOPIC_URN } from '../model';
import { hangingView, hookView } from '../views';

const HOOK_NAME = /^[A-Za-z0-9_-]{1,32}$/;
const TYPES = ['INSTANCE_LAUNCHING', 'INSTANCE_TERMINATING'];

/** The settable fields of a hook, validated onto it. */
function applyFields(h: AsHook, body: Json): void {
  if (body.lifecycle_hook_type !== undefined) {
    check(body.lifecycle_hook_type !== null && body.lifecycle_hook_type !== '', 'AS.7037');
    check(TYPES.includes(body.lifecycle_hook_type as string), 'AS.7033');
    h.type = body.lifecycle_hook_type as AsHook['type'];
  }
  if (body.default_result !== undefined) {
    check(body.default_result === 'ABANDON' || body.default_result === 'CONTINUE', 'AS.7034');
    h.defaultResult = body.default_result;
  }
  if (body.default_timeout !== undefined) {
    const v = body.default_timeout;
    check(isInt(v) && v >= asLimits.hookTimeoutMinSeconds && v <= asLimits.hookTimeoutMaxSeconds, 'AS.7030');
    h.defaultTimeout = v;
  }
  if (body.notification_topic_urn !== undefined) {
    check(isStr(body.notification_topic_urn) && TOPIC_URN.test(body.notification_topic_urn), 'AS.7043');
    h.topicUrn = body.notification_topic_urn;
  }
  if (body.notification_metadata !== undefined && body.notification_metadata !== null) {
    const m = body.notification_metadata;
    check(isStr(m), 'AS.7055');
    check(m.length <= 256, 'AS.7035');
    check(!/[<>&'()]/.test(m), 'AS.7055');
    h.metadata = m;
  }
}

function create(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const body = readBody(ctx);
  const name = body.lifecycle_hook_name;
  check(isStr(name) && name, 'AS.7032');
  check(HOOK_NAME.test(name), 'AS.7031');
  const hooks = ctx.p.groupHooks(g.id);
  check(!hooks.some((h) => h.name === name), 'AS.7041');
  check(hooks.length < asLimits.hooksPerGroup, 'AS.7038');
  check(body.lifecycle_hook_type, 'AS.7037');
  check(body.notification_topic_urn, 'AS.7043');
  const h: AsHook = {
    groupId: g.id,
    name,
    type: 'INSTANCE_LAUNCHING',
    defaultResult: 'ABANDON',
    defaultTimeout: asLimits.hookTimeoutDefaultSeconds,
    topicUrn: '',
    metadata: null,
    createdAt: ctx.now,
  };
  applyFields(h, body);
  hooks.push(h);
  return ok(hookView(h));
}

function list(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  return ok({ lifecycle_hooks: ctx.p.groupHooks(g.id).map(hookView) });
}

function findHook(ctx: AsCtx): AsHook {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const name = ctx.params.lifecycle_hook_name ?? '';
  const h = ctx.p.groupHooks(g.id).find((x) => x.name === name);
  check(h, 'AS.0007', name);
  return h;
}

function show(ctx: AsCtx) {
  return ok(hookView(findHook(ctx)));
}

function update(ctx: AsCtx) {
  const h = findHook(ctx);
  const body = readBody(ctx);
  const next = { ...h };
  applyFields(next, body);
  Object.assign(h, next);
  return ok(hookView(h));
}

function remove(ctx: AsCtx) {
  const h = findHook(ctx);
  check(!ctx.p.doing(h.groupId), 'AS.2047');
  const hooks = ctx.p.groupHooks(h.groupId);
  hooks.splice(hooks.indexOf(h), 1);
  return NO_CONTENT;
}

/** CONTINUE / ABANDON end the wait on that hook; EXTEND adds an hour to its timeout. */
function callback(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const body = readBody(ctx);
  const result = body.lifecycle_action_result;
  check(result !== undefined && result !== null && result !== '', 'AS.7039');
  check(['ABANDON', 'CONTINUE', 'EXTEND'].includes(result as string), 'AS.7034');
  const key = body.lifecycle_action_key;
  const instanceId = body.instance_id;
  const hookName = body.lifecycle_hook_name;
  check((isStr(key) && key) || (isStr(instanceId) && instanceId && isStr(hookName) && hookName), 'AS.7040');
  const record = key
    ? ctx.p.hanging.get(key as string)
    : [...ctx.p.hanging.values()].find(
        (h) => h.instanceId === instanceId && h.hookName === hookName && h.status === 'HANGING',
      );
  check(record && record.groupId === g.id && record.status === 'HANGING', 'AS.7042');
  if (result === 'EXTEND') record.timeoutAt += asLimits.hookExtendSeconds * 1000;
  else ctx.engine.resolveHanging(ctx.p, record, result as 'ABANDON' | 'CONTINUE', ctx.now);
  return NO_CONTENT;
}

function hanging(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const instanceId = ctx.query.get('instance_id');
  const list = [...ctx.p.hanging.values()].filter(
    (h) => h.groupId === g.id && (!instanceId || h.instanceId === instanceId),
  );
  return ok({ instance_hanging_info: list.map(hangingView) });
}

export const hookHandlers: AsHandlers = {
  CreateLifecycleHook: create,
  ListLifecycleHooks: list,
  ShowLifecycleHook: show,
  UpdateLifecycleHook: update,
  CompleteLifecycleAction: callback,
  ListHookInstances: hanging,
  DeleteLifecycleHook: remove,
};
