import type { AsActivityType } from '@console/catalogue';
import {
  type AsActivity,
  type AsGroup,
  type AsHanging,
  type AsInstance,
  type AsPolicy,
  DETACH_MS,
  isoSeconds,
  type Json,
  LAUNCH_MS,
  MAX_PER_ACTIVITY,
  parseMinutes,
  REMOVE_MS,
} from './model';
import type { AsProject, IdSource } from './store';

const DAY_MS = 86_400_000;

/**
 * Moves AS state in simulated time: scaling activities reconcile each group's instances with its desired
 * count, instances go through their lifecycle stages, lifecycle hooks hold them until called back or timed
 * out, scheduled and recurrence policies fire.
 */
export class AsEngine {
  constructor(readonly ids: IdSource) {}

  /** Runs everything due up to `now`, each event at its own instant. */
  advanceTo(projects: Iterable<AsProject>, now: number): void {
    const list = [...projects];
    for (let guard = 0; guard < 10_000; guard++) {
      let t = Number.POSITIVE_INFINITY;
      for (const p of list) t = Math.min(t, this.nextEventAt(p));
      if (!(t <= now)) break;
      for (const p of list) this.runAt(p, t);
    }
  }

  private nextEventAt(p: AsProject): number {
    let t = Number.POSITIVE_INFINITY;
    for (const i of p.instances.values()) if (i.nextAt !== undefined) t = Math.min(t, i.nextAt);
    for (const h of p.hanging.values()) if (h.status === 'HANGING') t = Math.min(t, h.timeoutAt);
    for (const pol of p.policies.values()) {
      if (pol.status === 'INSERVICE' && pol.nextFireAt !== undefined) t = Math.min(t, pol.nextFireAt);
    }
    return t;
  }

  private runAt(p: AsProject, t: number): void {
    for (const i of [...p.instances.values()])
      if (i.nextAt !== undefined && i.nextAt <= t) this.stepInstance(p, i, t);
    for (const h of [...p.hanging.values()]) {
      if (h.status === 'HANGING' && h.timeoutAt <= t) this.resolveHanging(p, h, h.defaultResult, t);
    }
    for (const pol of [...p.policies.values()]) {
      if (pol.status !== 'INSERVICE' || pol.nextFireAt === undefined || pol.nextFireAt > t) continue;
      const at = pol.nextFireAt;
      pol.nextFireAt = pol.type === 'RECURRENCE' ? nextRecurrence(pol, at) : undefined;
      const group = p.groups.get(pol.groupId);
      if (group && group.status === 'INSERVICE') {
        this.applyPolicy(p, group, pol, at, pol.type === 'RECURRENCE' ? 'RECURRENT' : 'SCHEDULED');
      }
    }
    for (const g of [...p.groups.values()]) this.reconcile(p, g, t);
  }

  // ---- instances ---------------------------------------------------------------------------------------

  private stepInstance(p: AsProject, i: AsInstance, t: number): void {
    i.nextAt = undefined;
    if (i.state === 'PENDING') {
      if (!i.hooked && this.hold(p, i, 'INSTANCE_LAUNCHING', t)) return;
      this.putInService(p, i);
    } else if (i.state === 'REMOVING') {
      if (i.releasing) {
        this.finishRemoval(p, i);
        return;
      }
      // Detached from the group (and its listeners); terminating hooks hold it here, then it is released.
      if (!i.hooked && !i.skipHooks && this.hold(p, i, 'INSTANCE_TERMINATING', t)) return;
      this.release(i, t);
    }
  }

  /** Suspends the instance on the group's hooks of that type; false when the group has none. */
  private hold(p: AsProject, i: AsInstance, type: AsHanging['hookType'], t: number): boolean {
    const hooks = p.groupHooks(i.groupId).filter((h) => h.type === type);
    i.hooked = true;
    if (!hooks.length) return false;
    i.state = type === 'INSTANCE_LAUNCHING' ? 'PENDING_WAIT' : 'REMOVING_WAIT';
    for (const h of hooks) {
      const key = this.ids.uuid();
      p.hanging.set(key, {
        key,
        instanceId: i.id,
        groupId: i.groupId,
        hookName: h.name,
        hookType: h.type,
        status: 'HANGING',
        timeoutAt: t + h.defaultTimeout * 1000,
        defaultResult: h.defaultResult,
      });
    }
    return true;
  }

  /** CONTINUE or ABANDON on one hanging record (a callback, or the default result at timeout). */
  resolveHanging(p: AsProject, h: AsHanging, result: 'CONTINUE' | 'ABANDON', t: number): void {
    h.status = result;
    const i = p.instances.get(h.instanceId);
    if (!i) return;
    const records = [...p.hanging.values()].filter((r) => r.instanceId === i.id && r.hookType === h.hookType);
    if (result === 'ABANDON') {
      // ABANDON stops the instance's other hooks.
      for (const r of records) if (r.status === 'HANGING') r.status = 'ABANDON';
    }
    if (records.some((r) => r.status === 'HANGING')) return;
    const abandoned = records.some((r) => r.status === 'ABANDON');
    if (i.state === 'PENDING_WAIT') {
      if (abandoned) {
        // The custom action failed: the instance is terminated, the activity fails, a new one is made later.
        i.abandoned = true;
        i.state = 'REMOVING';
        i.health = 'ERROR';
        i.deleteOnRemove = true;
        this.release(i, t);
      } else {
        this.putInService(p, i);
      }
    } else if (i.state === 'REMOVING_WAIT') {
      i.state = 'REMOVING';
      this.release(i, t);
    }
    this.reconcile(p, p.groups.get(i.groupId), t);
  }

  /** The last stage out: the ECS is released (or only detached) REMOVE_MS later. */
  private release(i: AsInstance, t: number): void {
    i.releasing = true;
    i.nextAt = t + REMOVE_MS;
  }

  private putInService(p: AsProject, i: AsInstance): void {
    i.state = 'INSERVICE';
    i.health = 'NORMAL';
    i.hooked = false;
    const a = i.activityId ? p.activities.get(i.activityId) : undefined;
    i.activityId = undefined;
    if (a) {
      a.added.push({ instance_id: i.id, instance_name: i.name });
      a.pending.delete(i.id);
    }
  }

  private finishRemoval(p: AsProject, i: AsInstance): void {
    p.instances.delete(i.id);
    const a = i.activityId ? p.activities.get(i.activityId) : undefined;
    if (!a) return;
    const item = { instance_id: i.id, instance_name: i.name };
    if (i.abandoned) {
      a.failed.push({
        ...item,
        failed_reason: 'LIFECYCLE_HOOK_ABANDON',
        failed_details: 'The lifecycle hook result is ABANDON.',
      });
      a.deleted.push(item);
    } else if (i.deleteOnRemove) a.deleted.push(item);
    else a.removed.push(item);
    a.pending.delete(i.id);
  }

  // ---- activities --------------------------------------------------------------------------------------

  /** Starts the next activity the group needs, finishes the one whose instances are all done. */
  reconcile(p: AsProject, g: AsGroup | undefined, t: number): void {
    if (!g || !p.groups.has(g.id)) return;
    const doing = p.doing(g.id);
    if (doing) {
      if (doing.pending.size) return;
      this.finishActivity(p, g, doing, t);
    }
    const members = p.groupInstances(g.id);
    if (g.status === 'DELETING') {
      if (!members.length) {
        p.dropGroup(g.id);
        return;
      }
      const reason = {
        change_reason: 'MANNUAL',
        old_value: g.desired,
        new_value: 0,
        change_time: isoSeconds(t),
      };
      g.desired = 0;
      const a = this.openActivity(p, g, 'NORMAL', t, members.length, members.length, [reason]);
      // AS-created instances are deleted, hand-added ones only removed; no hook holds a group being deleted.
      for (const i of members) this.startRemoval(i, a, t, !!i.configId, true);
      return;
    }
    // A group in ERROR keeps trying (an abandoned launch is replaced); a PAUSED one starts nothing.
    if (g.status !== 'INSERVICE' && g.status !== 'ERROR') return;
    const count = members.length;
    const diff = g.desired - count;
    if (diff === 0) {
      g.pendingReasons = [];
      g.pendingPolicyId = null;
      return;
    }
    const reasons = g.pendingReasons.length
      ? g.pendingReasons
      : [{ change_reason: 'DIFF', old_value: count, new_value: g.desired, change_time: isoSeconds(t) }];
    if (diff > 0) {
      const config = g.configId ? p.configs.get(g.configId) : undefined;
      if (!config) return;
      const n = Math.min(diff, MAX_PER_ACTIVITY);
      const a = this.openActivity(p, g, 'NORMAL', t, n, count, reasons);
      for (let k = 0; k < n; k++) {
        const id = this.ids.uuid();
        const az = g.availableZones.length
          ? (g.availableZones[(count + k) % g.availableZones.length] ?? null)
          : null;
        p.instances.set(id, {
          id,
          name: `${config.name}-${this.ids.suffix()}`,
          groupId: g.id,
          state: 'PENDING',
          health: 'INITIALIZING',
          configId: config.id,
          configName: config.name,
          az,
          createdAt: t,
          protect: false,
          nextAt: t + LAUNCH_MS,
          activityId: a.id,
          hooked: false,
          abandoned: false,
          deleteOnRemove: true,
        });
        a.pending.add(id);
      }
    } else {
      const victims = this.pickVictims(p, g, members).slice(0, Math.min(-diff, MAX_PER_ACTIVITY));
      if (!victims.length) return;
      const a = this.openActivity(p, g, 'NORMAL', t, victims.length, count, reasons);
      for (const i of victims) this.startRemoval(i, a, t, !!i.configId, false);
    }
  }

  /** Scale-in order by the group's removal policy; protected instances are never picked. */
  private pickVictims(p: AsProject, g: AsGroup, members: AsInstance[]): AsInstance[] {
    const candidates = members.filter((i) => i.state === 'INSERVICE' && !i.protect);
    const configAge = (i: AsInstance) => {
      if (!i.configId) return Number.POSITIVE_INFINITY; // added by hand: last
      if (i.configId === g.configId) return Number.MAX_SAFE_INTEGER;
      return p.configs.get(i.configId)?.createdAt ?? 0;
    };
    const byAge = (a: AsInstance, b: AsInstance) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
    const sorters: Record<string, (a: AsInstance, b: AsInstance) => number> = {
      OLD_CONFIG_OLD_INSTANCE: (a, b) => configAge(a) - configAge(b) || byAge(a, b),
      OLD_CONFIG_NEW_INSTANCE: (a, b) => configAge(a) - configAge(b) || byAge(b, a),
      OLD_INSTANCE: (a, b) => (a.configId ? 0 : 1) - (b.configId ? 0 : 1) || byAge(a, b),
      NEW_INSTANCE: (a, b) => (a.configId ? 0 : 1) - (b.configId ? 0 : 1) || byAge(b, a),
    };
    return candidates.sort(sorters[g.terminatePolicy] ?? sorters.OLD_CONFIG_OLD_INSTANCE);
  }

  openActivity(
    p: AsProject,
    g: AsGroup,
    type: AsActivityType,
    t: number,
    scalingValue: number,
    instanceValue: number,
    reasons: Json[],
  ): AsActivity {
    const a: AsActivity = {
      id: this.ids.uuid(),
      groupId: g.id,
      status: 'DOING',
      type,
      startAt: t,
      endAt: null,
      added: [],
      removed: [],
      deleted: [],
      failed: [],
      scalingValue,
      instanceValue,
      desireValue: g.desired,
      reasons,
      policyId: g.pendingPolicyId,
      pending: new Set(),
    };
    p.activities.set(a.id, a);
    g.pendingReasons = [];
    g.pendingPolicyId = null;
    return a;
  }

  /** Puts an in-service instance on its way out. */
  startRemoval(i: AsInstance, a: AsActivity, t: number, deleteOnRemove: boolean, skipHooks: boolean): void {
    i.state = 'REMOVING';
    i.hooked = false;
    i.releasing = false;
    i.skipHooks = skipHooks;
    i.deleteOnRemove = deleteOnRemove;
    i.activityId = a.id;
    i.nextAt = t + DETACH_MS;
    a.pending.add(i.id);
  }

  /** Hand-added instances join through the same stages as created ones. */
  startJoin(i: AsInstance, a: AsActivity, t: number): void {
    i.state = 'PENDING';
    i.health = 'INITIALIZING';
    i.hooked = false;
    i.activityId = a.id;
    i.nextAt = t + LAUNCH_MS;
    a.pending.add(i.id);
  }

  private finishActivity(p: AsProject, g: AsGroup, a: AsActivity, t: number): void {
    a.status = a.failed.length ? 'FAIL' : 'SUCCESS';
    a.endAt = t;
    a.desireValue = g.desired;
    g.coolDownUntil = t + g.coolDown * 1000;
    g.detail = a.failed.length
      ? `Scaling activity failed: ${a.failed.map((f) => `${f.instance_name} (${f.failed_reason})`).join(', ')}`
      : null;
    // A failed activity leaves the group abnormal until one succeeds.
    if (a.failed.length && g.status === 'INSERVICE') g.status = 'ERROR';
    else if (!a.failed.length && g.status === 'ERROR') g.status = 'INSERVICE';
    // Resolved hook records of the finished activity's instances are of no further use.
    for (const [key, h] of p.hanging) if (h.groupId === g.id && h.status !== 'HANGING') p.hanging.delete(key);
  }

  // ---- policies ----------------------------------------------------------------------------------------

  /** The desired count after the policy's action, clamped to the group's bounds and its protected instances. */
  policyTarget(p: AsProject, g: AsGroup, pol: AsPolicy): number {
    const members = p.groupInstances(g.id);
    const { operation, instance_number, instance_percentage } = pol.action;
    const n =
      instance_number ??
      (instance_percentage !== undefined ? Math.ceil((members.length * instance_percentage) / 100) : 1);
    let target = operation === 'ADD' ? g.desired + n : operation === 'REMOVE' ? g.desired - n : n;
    const protectedCount = members.filter((i) => i.protect).length;
    target = Math.max(g.min, protectedCount, Math.min(g.max, target));
    return target;
  }

  /** Sets the group's desired count as the policy says; the next reconcile starts the activity. */
  applyPolicy(p: AsProject, g: AsGroup, pol: AsPolicy, t: number, reason: string): void {
    const target = this.policyTarget(p, g, pol);
    if (target === g.desired) return;
    g.pendingReasons.push({
      change_reason: reason,
      old_value: g.desired,
      new_value: target,
      change_time: isoSeconds(t),
      scaling_policy_name: pol.name,
      scaling_policy_id: pol.id,
    });
    g.pendingPolicyId = pol.id;
    g.desired = target;
  }
}

/** When a scheduled or recurrence policy fires next after `after` (exclusive). */
export function nextFire(pol: AsPolicy, after: number): number | undefined {
  if (!pol.scheduled) return undefined;
  if (pol.type === 'SCHEDULED') {
    const at = parseMinutes(pol.scheduled.launch_time);
    return at !== undefined && at > after ? at : undefined;
  }
  if (pol.type === 'RECURRENCE') return nextRecurrence(pol, after);
  return undefined;
}

function nextRecurrence(pol: AsPolicy, after: number): number | undefined {
  const s = pol.scheduled;
  if (!s) return undefined;
  const m = /^(\d{2}):(\d{2})$/.exec(s.launch_time);
  if (!m) return undefined;
  const start = s.start_time ? (parseMinutes(s.start_time) ?? 0) : 0;
  const end = s.end_time ? (parseMinutes(s.end_time) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const values = new Set((s.recurrence_value ?? '').split(',').filter(Boolean).map(Number));
  const from = Math.max(after, start - 1);
  const day0 = Math.floor(from / DAY_MS) * DAY_MS;
  for (let d = 0; d < 800; d++) {
    const at = day0 + d * DAY_MS + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
    if (at > end) return undefined;
    if (at <= after || at < start) continue;
    const date = new Date(at);
    if (s.recurrence_type === 'Weekly' && !values.has(date.getUTCDay() + 1)) continue;
    if (s.recurrence_type === 'Monthly' && !values.has(date.getUTCDate())) continue;
    return at;
  }
  return undefined;
}
