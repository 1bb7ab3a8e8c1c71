import type { ChangeOrderEngine, OrderObserver } from './engine';
import { UNFINISHED } from './engine';
import { SaeError } from './envelope';
import { hashUnit } from './ids';
import type { ChangeOrder, SaeApp } from './model';
import type { SaeStore } from './store';
import { epochMs, formatIsoSeconds } from './time-format';

/** Seed 000 §11 limits. */
export const MAX_RULES_PER_APP = 5;
export const MAX_SCHEDULES = 20;
export const MAX_SCALING_REPLICAS = 50;
/** How often an enabled metric rule looks at the load (the Kubernetes HPA sync period). */
export const METRIC_EVAL_MS = 15_000;
/** A timing trigger that meets the autoscaler's own order still in flight is retried this much later. */
const RETRY_MS = 5_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The user the autoscaler's change orders are recorded under. */
export const AUTOSCALER_USER = 'sae-autoscaler';

export type MetricType = 'CPU' | 'MEMORY' | 'tcpActiveConn' | 'SLB_QPS' | 'SLB_RT';
export const METRIC_TYPES: readonly MetricType[] = ['CPU', 'MEMORY', 'tcpActiveConn', 'SLB_QPS', 'SLB_RT'];

export interface TimerSchedule {
  atTime: string;
  targetReplicas: number;
}

export interface ScalingTimer {
  beginDate: string | null;
  endDate: string | null;
  period: string;
  schedules: TimerSchedule[];
}

export interface StepRule {
  step: number;
  disabled: boolean;
  stabilizationWindowSeconds: number;
}

export interface ScalingMetricSpec {
  maxReplicas: number;
  minReplicas: number;
  metrics: { metricType: MetricType; target: number }[];
  scaleUp: StepRule;
  scaleDown: StepRule;
}

export interface ScalingRule {
  AppId: string;
  name: string;
  type: 'timing' | 'metric';
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  lastDisableTime?: number;
  timer?: ScalingTimer;
  metric?: ScalingMetricSpec;
  minReadyInstances?: number;
  minReadyInstanceRatio?: number;
  /** The change order that switched this rule off; it comes back on only if that order succeeds. */
  suspendedBy?: string;
  /** Timing: triggers up to this instant have been handled. */
  cursor: number;
  /** Metric: next evaluation. */
  nextEvalAt?: number;
  lastScaleTime?: number;
  desiredReplicas?: number;
}

// ---- parsing and validation of the request JSON (seed 000 §11.1) ----

const bad = (name: string, why: string) => new SaeError('InvalidParameter.WithMessage', name, why);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `* * *` daily, `* * Fri,Mon` weekly, `1,2,3,28,31 * *` monthly. */
export function parsePeriod(period: string): { days?: Set<number>; weekdays?: Set<number> } {
  const parts = period.trim().split(/\s+/);
  const fail = () =>
    bad('ScalingRuleTimer', `period "${period}" must be "* * *", "* * Mon,Fri" or "1,15 * *"`);
  if (parts.length !== 3 || parts[1] !== '*') throw fail();
  const [dom, , dow] = parts as [string, string, string];
  if (dom === '*' && dow === '*') return {};
  if (dom === '*') {
    const weekdays = new Set<number>();
    for (const name of dow.split(',')) {
      const i = DAYS.findIndex((d) => d.toLowerCase() === name.trim().toLowerCase());
      if (i < 0) throw fail();
      weekdays.add(i);
    }
    return { weekdays };
  }
  if (dow !== '*') throw fail();
  const days = new Set<number>();
  for (const text of dom.split(',')) {
    const n = Number(text);
    if (!/^\d{1,2}$/.test(text.trim()) || n < 1 || n > 31) throw fail();
    days.add(n);
  }
  return { days };
}

function asInt(value: unknown, name: string, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw bad(name, `${field} must be an integer`);
  return n;
}

function asObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(name, 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** Accepts the seed's lower-camel keys and the capitalised variant its own example mixes in. */
function field(o: Record<string, unknown>, key: string): unknown {
  return o[key] ?? o[key.charAt(0).toUpperCase() + key.slice(1)];
}

function checkReplicas(n: number, name: string, what: string): void {
  if (n > MAX_SCALING_REPLICAS) throw new SaeError('NoComputeResourceQuota.App.Exceed', MAX_SCALING_REPLICAS);
  if (n < 1) throw bad(name, `${what} must be within [1,${MAX_SCALING_REPLICAS}]`);
}

export function parseTimer(raw: unknown): ScalingTimer {
  const name = 'ScalingRuleTimer';
  const o = asObject(raw, name);
  const date = (key: string): string | null => {
    const v = field(o, key);
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'string' || !validDate(v)) throw new SaeError('InvalidScalingRuleDate.Format');
    return v;
  };
  const beginDate = date('beginDate');
  const endDate = date('endDate');
  if (beginDate && endDate && beginDate > endDate) throw new SaeError('InvalidScalingRuleDate.BeginAfterEnd');
  const periodRaw = field(o, 'period');
  const period = periodRaw === undefined || periodRaw === null ? '* * *' : String(periodRaw);
  parsePeriod(period);
  const list = field(o, 'schedules');
  if (!Array.isArray(list) || list.length === 0)
    throw bad(name, 'schedules must list at least one trigger time');
  if (list.length > MAX_SCHEDULES) throw new SaeError('QuotaExceeded.ScalingRuleTime');
  const seen = new Set<string>();
  const schedules = list.map((item) => {
    const s = asObject(item, name);
    const atTime = field(s, 'atTime');
    if (typeof atTime !== 'string' || !TIME.test(atTime)) throw new SaeError('InvalidScalingRuleTime.Format');
    if (seen.has(atTime)) throw new SaeError('InvalidScalingRuleTime.Conflict');
    seen.add(atTime);
    const targetReplicas = asInt(field(s, 'targetReplicas'), name, 'targetReplicas');
    checkReplicas(targetReplicas, name, 'targetReplicas');
    return { atTime, targetReplicas };
  });
  schedules.sort((a, b) => a.atTime.localeCompare(b.atTime));
  return { beginDate, endDate, period, schedules };
}

function parseStep(raw: unknown, name: string, which: string): StepRule {
  if (raw === undefined || raw === null) return { step: 100, disabled: false, stabilizationWindowSeconds: 0 };
  const o = asObject(raw, name);
  const stepRaw = field(o, 'step');
  const step = stepRaw === undefined ? 100 : asInt(stepRaw, name, `${which}.step`);
  if (step < 1) throw bad(name, `${which}.step must be at least 1`);
  const windowRaw = field(o, 'stabilizationWindowSeconds');
  const window = windowRaw === undefined ? 0 : asInt(windowRaw, name, `${which}.stabilizationWindowSeconds`);
  if (window < 0 || window > 3600)
    throw bad(name, `${which}.stabilizationWindowSeconds must be within [0,3600]`);
  const disabled = field(o, 'disabled');
  if (disabled !== undefined && typeof disabled !== 'boolean')
    throw bad(name, `${which}.disabled must be a boolean`);
  return { step, disabled: disabled === true, stabilizationWindowSeconds: window };
}

export function parseMetric(raw: unknown): ScalingMetricSpec {
  const name = 'ScalingRuleMetric';
  const o = asObject(raw, name);
  const maxReplicas = asInt(field(o, 'maxReplicas'), name, 'maxReplicas');
  const minReplicas = asInt(field(o, 'minReplicas'), name, 'minReplicas');
  checkReplicas(maxReplicas, name, 'maxReplicas');
  checkReplicas(minReplicas, name, 'minReplicas');
  if (minReplicas > maxReplicas) throw bad(name, 'minReplicas must not exceed maxReplicas');
  const list = field(o, 'metrics');
  if (!Array.isArray(list) || list.length === 0) throw bad(name, 'metrics must list at least one metric');
  const seen = new Set<string>();
  const metrics = list.map((item) => {
    const m = asObject(item, name);
    const type = field(m, 'metricType');
    if (!METRIC_TYPES.includes(type as MetricType)) {
      throw bad(name, `metricType must be one of ${METRIC_TYPES.join(', ')}`);
    }
    if (seen.has(type as string)) throw bad(name, `metricType ${type} is listed twice`);
    seen.add(type as string);
    const target = asInt(field(m, 'metricTargetAverageUtilization'), name, 'metricTargetAverageUtilization');
    if (target < 1 || ((type === 'CPU' || type === 'MEMORY') && target > 100)) {
      throw bad(name, `metricTargetAverageUtilization of ${type} is out of range`);
    }
    return { metricType: type as MetricType, target };
  });
  return {
    maxReplicas,
    minReplicas,
    metrics,
    scaleUp: parseStep(field(o, 'scaleUpRules'), name, 'scaleUpRules'),
    scaleDown: parseStep(field(o, 'scaleDownRules'), name, 'scaleDownRules'),
  };
}

export function checkRuleName(name: string): void {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(name)) {
    throw bad(
      'ScalingRuleName',
      'must start with a lowercase letter and contain at most 32 lowercase letters, digits or hyphens',
    );
  }
}

// ---- timing: trigger instants in GMT+8 ----

const pad = (n: number) => String(n).padStart(2, '0');

/** Trigger instants of a timer within (after, until], in time order. */
export function timerTriggers(timer: ScalingTimer, after: number, until: number, limit = 10_000): number[] {
  const out: number[] = [];
  const { days, weekdays } = parsePeriod(timer.period);
  const firstDay = Math.floor((after + CST_OFFSET_MS) / DAY_MS);
  const lastDay = Math.floor((until + CST_OFFSET_MS) / DAY_MS);
  for (let day = firstDay; day <= lastDay && out.length < limit; day++) {
    const d = new Date(day * DAY_MS);
    const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (timer.beginDate && ymd < timer.beginDate) continue;
    if (timer.endDate && ymd > timer.endDate) break;
    if (weekdays && !weekdays.has(d.getUTCDay())) continue;
    if (days && !days.has(d.getUTCDate())) continue;
    for (const s of timer.schedules) {
      const [h, m] = s.atTime.split(':').map(Number) as [number, number];
      const at = day * DAY_MS - CST_OFFSET_MS + (h * 60 + m) * 60_000;
      if (at > after && at <= until) out.push(at);
    }
  }
  return out;
}

/** The first trigger after `after` (looks at most about 13 months ahead). */
export function nextTrigger(timer: ScalingTimer, after: number): number | undefined {
  return timerTriggers(timer, after, after + 400 * DAY_MS, 1)[0];
}

function scheduleAt(timer: ScalingTimer, at: number): TimerSchedule | undefined {
  const minutes = Math.floor(((at + CST_OFFSET_MS) % DAY_MS) / 60_000);
  const hhmm = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return timer.schedules.find((s) => s.atTime === hhmm);
}

// ---- simulated load ----

/**
 * Work an app asks for, in instances busy at 100 % CPU: a per-app base, a daily curve peaking at
 * 14:00 and lowest at 02:00 (GMT+8), and ±10 % noise that changes every five minutes.
 */
export function demand(appId: string, at: number): number {
  const base = 0.8 + 2.4 * hashUnit(`${appId}:load`);
  const hour = ((at + CST_OFFSET_MS) % DAY_MS) / 3_600_000;
  const daily = 0.55 + 0.45 * Math.sin((2 * Math.PI * (hour - 8)) / 24);
  const noise = 0.9 + 0.2 * hashUnit(`${appId}:${Math.floor(at / 300_000)}`);
  return base * daily * noise;
}

/** Current per-instance value of a metric with `running` instances serving the demand. */
export function metricValue(appId: string, type: MetricType, running: number, at: number): number {
  if (running <= 0) return 0;
  const load = demand(appId, at);
  const cpu = Math.min(100, Math.round((100 * load) / running));
  switch (type) {
    case 'CPU':
      return cpu;
    case 'MEMORY':
      return Math.min(95, Math.round(20 + 15 * hashUnit(`${appId}:mem`) + 0.4 * cpu));
    case 'tcpActiveConn':
      return Math.round((load * 35) / running);
    case 'SLB_QPS':
      return Math.round((load * 150) / running);
    case 'SLB_RT':
      return Math.round(20 + 2 * cpu);
  }
}

const METRIC_NAMES: Record<MetricType, { Name: string; Type: string }> = {
  CPU: { Name: 'cpu', Type: 'Resource' },
  MEMORY: { Name: 'memory', Type: 'Resource' },
  tcpActiveConn: { Name: 'tcpActiveConn', Type: 'Pods' },
  SLB_QPS: { Name: 'slb_incall_qps', Type: 'External' },
  SLB_RT: { Name: 'slb_incall_rt', Type: 'External' },
};

/** HPA arithmetic: the replica count a metric asks for, clamped by the rule's bounds and steps. */
export function metricDecision(
  spec: ScalingMetricSpec,
  current: number,
  values: number[],
): { desired: number; direction: 'up' | 'down' | 'none' } {
  const wants = spec.metrics.map((m, i) => Math.ceil((current * (values[i] ?? 0)) / m.target));
  const anyAtOrAbove = spec.metrics.some((m, i) => (values[i] ?? 0) >= m.target);
  let desired = current;
  if (current < spec.minReplicas) desired = spec.minReplicas;
  else if (current > spec.maxReplicas) desired = spec.maxReplicas;
  else if (anyAtOrAbove)
    desired = Math.min(spec.maxReplicas, Math.max(current, ...wants), current + spec.scaleUp.step);
  else if (!spec.scaleDown.disabled) {
    desired = Math.max(spec.minReplicas, Math.max(1, ...wants), current - spec.scaleDown.step);
  }
  return { desired, direction: desired > current ? 'up' : desired < current ? 'down' : 'none' };
}

// ---- the rule book and the autoscaler ----

/** Scaling rules of every app, and the autoscaler that applies them as simulated time passes. */
export class ScalingRules implements OrderObserver {
  private readonly byApp = new Map<string, ScalingRule[]>();
  private engine?: ChangeOrderEngine;
  /** Set while the autoscaler creates its own order, which must not switch the rules off. */
  private scaling = false;
  /** Orders sent with AutoEnableApplicationScalingRule=false: their success leaves the rules off. */
  private readonly keepOff = new Set<string>();
  /** Timing targets that met a busy app, per app. */
  private readonly pending = new Map<string, { target: number; rule: string; retryAt: number }>();

  constructor(private readonly store: SaeStore) {}

  attach(engine: ChangeOrderEngine): void {
    this.engine = engine;
    engine.observers.push(this);
  }

  rules(appId: string): ScalingRule[] {
    let list = this.byApp.get(appId);
    if (!list) {
      list = [];
      this.byApp.set(appId, list);
    }
    return list;
  }

  rule(appId: string, name: string): ScalingRule {
    const found = this.byApp.get(appId)?.find((r) => r.name === name);
    if (!found) throw new SaeError('InvalidScalingRuleName.NotFound');
    return found;
  }

  add(rule: ScalingRule): void {
    this.rules(rule.AppId).push(rule);
  }

  remove(appId: string, name: string): void {
    const list = this.rules(appId);
    const i = list.findIndex((r) => r.name === name);
    if (i < 0) throw new SaeError('InvalidScalingRuleName.NotFound');
    list.splice(i, 1);
  }

  /** Switches a rule on from `now`: past timing triggers are not replayed. */
  enable(rule: ScalingRule, now: number): void {
    rule.enabled = true;
    rule.suspendedBy = undefined;
    rule.cursor = now;
    rule.nextEvalAt = rule.type === 'metric' ? now + METRIC_EVAL_MS : undefined;
  }

  disable(rule: ScalingRule, now: number): void {
    if (rule.enabled) rule.lastDisableTime = now;
    rule.enabled = false;
    rule.suspendedBy = undefined;
    rule.nextEvalAt = undefined;
    if (this.pending.get(rule.AppId)?.rule === rule.name) this.pending.delete(rule.AppId);
  }

  /** The next instant at which the autoscaler has something to do, if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    const consider = (at: number | undefined) => {
      if (at !== undefined && (next === undefined || at < next)) next = at;
    };
    for (const [appId, list] of this.byApp) {
      if (!this.liveApp(appId)) continue;
      for (const rule of list) {
        if (!rule.enabled) continue;
        if (rule.type === 'metric') consider(rule.nextEvalAt);
        else if (rule.timer) consider(nextTrigger(rule.timer, rule.cursor));
      }
    }
    for (const p of this.pending.values()) consider(p.retryAt);
    return next;
  }

  /** Runs every trigger and evaluation up to `now`, interleaved in time with the change orders. */
  advanceTo(now: number): void {
    const engine = this.engine;
    if (!engine) return;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const at = this.nextDue();
      if (at === undefined || at > now) return;
      engine.advanceTo(at);
      this.fire(at);
    }
  }

  private liveApp(appId: string): SaeApp | undefined {
    const app = this.store.apps.get(appId);
    return app && !app.deleted && !app.deleting ? app : undefined;
  }

  private busy(appId: string): boolean {
    return this.store.appOrders(appId).some((o) => UNFINISHED.has(o.Status));
  }

  private fire(at: number): void {
    for (const [appId, p] of [...this.pending]) {
      if (p.retryAt > at) continue;
      this.pending.delete(appId);
      this.applyTarget(appId, p.target, p.rule, at, 'timing');
    }
    for (const [appId, list] of this.byApp) {
      if (!this.liveApp(appId)) continue;
      for (const rule of list) {
        if (!rule.enabled) continue;
        if (rule.type === 'timing' && rule.timer) {
          const due = nextTrigger(rule.timer, rule.cursor);
          if (due === undefined || due > at) continue;
          rule.cursor = due;
          const schedule = scheduleAt(rule.timer, due);
          if (!schedule) continue;
          rule.desiredReplicas = schedule.targetReplicas;
          rule.lastScaleTime = due;
          this.applyTarget(appId, schedule.targetReplicas, rule.name, due, 'timing');
        } else if (rule.type === 'metric' && rule.nextEvalAt !== undefined && rule.nextEvalAt <= at) {
          rule.nextEvalAt = at + METRIC_EVAL_MS;
          this.evaluateMetric(rule, at);
        }
      }
    }
  }

  private evaluateMetric(rule: ScalingRule, at: number): void {
    const app = this.liveApp(rule.AppId);
    const spec = rule.metric;
    if (!app || !spec || !app.deployed || !app.spec.running || this.busy(app.AppId)) return;
    const current = app.spec.config.Replicas;
    const running = this.runningCount(app.AppId);
    if (running === 0) return;
    const values = spec.metrics.map((m) => metricValue(app.AppId, m.metricType, running, at));
    const { desired, direction } = metricDecision(spec, current, values);
    rule.desiredReplicas = desired;
    if (direction === 'none') return;
    const window = (direction === 'up' ? spec.scaleUp : spec.scaleDown).stabilizationWindowSeconds * 1000;
    if (rule.lastScaleTime !== undefined && at - rule.lastScaleTime < window) return;
    const reason = spec.metrics
      .map((m, i) => `${METRIC_NAMES[m.metricType].Name} ${values[i]}/${m.target}`)
      .join(', ');
    if (this.rescale(app, desired, rule.name, at, `metric ${reason}`)) rule.lastScaleTime = at;
  }

  private applyTarget(appId: string, target: number, ruleName: string, at: number, kind: string): void {
    const app = this.liveApp(appId);
    if (!app) return;
    if (this.busy(appId)) {
      this.pending.set(appId, { target, rule: ruleName, retryAt: at + RETRY_MS });
      return;
    }
    // A stopped or never deployed app keeps the count for its next start.
    if (!app.deployed || !app.spec.running) {
      app.spec = { ...app.spec, config: { ...app.spec.config, Replicas: target } };
      return;
    }
    this.rescale(app, target, ruleName, at, `${kind} schedule`);
  }

  private rescale(app: SaeApp, target: number, ruleName: string, at: number, reason: string): boolean {
    const engine = this.engine;
    const current = app.spec.config.Replicas;
    if (!engine || target === current) return false;
    this.scaling = true;
    try {
      engine.create({
        app,
        coType: target > current ? 'CoScaleOut' : 'CoScaleIn',
        target: { ...app.spec, config: { ...app.spec.config, Replicas: target } },
        at,
        description: `弹性伸缩策略 ${ruleName}：${current} → ${target} 实例`,
        userId: AUTOSCALER_USER,
      });
    } finally {
      this.scaling = false;
    }
    this.store.addEvent({
      AppId: app.AppId,
      NamespaceId: app.NamespaceId,
      ObjectKind: 'HorizontalPodAutoscaler',
      ObjectName: ruleName,
      EventType: 'Normal',
      Reason: 'SuccessfulRescale',
      Message: `New size: ${target}; reason: ${reason}`,
      at,
    });
    return true;
  }

  runningCount(appId: string): number {
    return this.store.appInstances(appId).filter((i) => i.status === 'Running').length;
  }

  // ---- change-order observer: rules pause while an order runs ----

  created(order: ChangeOrder): void {
    if (this.scaling) return;
    this.pending.delete(order.AppId);
    for (const rule of this.byApp.get(order.AppId) ?? []) {
      if (!rule.enabled) continue;
      this.disable(rule, order.createdAt);
      rule.suspendedBy = order.ChangeOrderId;
    }
  }

  /** Deploy, Rollback and Rescale take AutoEnableApplicationScalingRule (Boolean, or String "true"/"false"). */
  autoEnableAfter(order: ChangeOrder, flag: string | undefined): void {
    if (flag?.trim().toLowerCase() === 'false') this.keepOff.add(order.ChangeOrderId);
  }

  finished(order: ChangeOrder, at: number): void {
    const keepOff = this.keepOff.delete(order.ChangeOrderId);
    const list = this.byApp.get(order.AppId);
    if (!list) return;
    if (order.CoTypeCode === 'CoDeleteApp' && order.Status === 2) {
      this.byApp.delete(order.AppId);
      this.pending.delete(order.AppId);
      return;
    }
    for (const rule of list) {
      if (rule.suspendedBy !== order.ChangeOrderId) continue;
      if (order.Status === 2 && !keepOff) this.enable(rule, at);
      else rule.suspendedBy = undefined;
    }
  }

  // ---- response views ----

  /** The rule object of Create/Update; `live` adds what only the two Describe APIs return. */
  view(rule: ScalingRule, now: number, live: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {
      AppId: rule.AppId,
      ScaleRuleName: rule.name,
      ScaleRuleType: rule.type,
      ScaleRuleEnabled: rule.enabled,
      CreateTime: epochMs(rule.createdAt),
      UpdateTime: epochMs(rule.updatedAt),
      LastDisableTime: rule.lastDisableTime !== undefined ? epochMs(rule.lastDisableTime) : 0,
      Timer: rule.timer
        ? {
            BeginDate: rule.timer.beginDate,
            EndDate: rule.timer.endDate,
            Period: rule.timer.period,
            Schedules: rule.timer.schedules.map((s) => ({
              AtTime: s.atTime,
              TargetReplicas: s.targetReplicas,
            })),
          }
        : null,
      Metric: null,
    };
    const spec = rule.metric;
    if (!spec) return out;
    const metric: Record<string, unknown> = {
      Metrics: spec.metrics.map((m) => ({
        MetricType: m.metricType,
        MetricTargetAverageUtilization: m.target,
      })),
      MaxReplicas: spec.maxReplicas,
      MinReplicas: spec.minReplicas,
    };
    if (live) {
      const app = this.store.apps.get(rule.AppId);
      const running = this.runningCount(rule.AppId);
      const current = app?.spec.config.Replicas ?? 0;
      const values = spec.metrics.map((m) => metricValue(rule.AppId, m.metricType, running, now));
      metric.MetricsStatus = {
        DesiredReplicas: rule.desiredReplicas ?? current,
        CurrentReplicas: running,
        // Seconds until the next evaluation; 0 while the rule is off.
        NextScaleTimePeriod:
          rule.enabled && rule.nextEvalAt !== undefined
            ? Math.max(0, Math.ceil((rule.nextEvalAt - now) / 1000))
            : 0,
        LastScaleTime: rule.lastScaleTime !== undefined ? formatIsoSeconds(rule.lastScaleTime) : '',
        CurrentMetrics: spec.metrics.map((m, i) => ({
          Type: METRIC_NAMES[m.metricType].Type,
          Name: METRIC_NAMES[m.metricType].Name,
          CurrentValue: values[i],
        })),
        NextScaleMetrics: spec.metrics.map((m) => ({
          Name: METRIC_NAMES[m.metricType].Name,
          NextScaleOutAverageUtilization: m.target + 1,
          NextScaleInAverageUtilization: current > 1 ? Math.floor((m.target * (current - 1)) / current) : 0,
        })),
      };
      const step = (r: StepRule) => ({
        Step: r.step,
        StabilizationWindowSeconds: r.stabilizationWindowSeconds,
        Disabled: r.disabled,
      });
      metric.ScaleUpRules = step(spec.scaleUp);
      metric.ScaleDownRules = step(spec.scaleDown);
    }
    out.Metric = metric;
    return out;
  }
}

/** Demo rules, switched off so the seeded world only changes when someone turns them on. */
export function seedScalingRules(store: SaeStore, now: number): void {
  const find = (namespaceId: string, appName: string) =>
    store.liveApps().find((a) => a.NamespaceId === namespaceId && a.AppName === appName);
  const base = { enabled: false, createdAt: now, updatedAt: now, cursor: now };
  const web = find(`${store.regionId}:prod`, 'web-frontend');
  if (web) {
    store.scaling.add({
      ...base,
      AppId: web.AppId,
      name: 'cpu-memory',
      type: 'metric',
      metric: {
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          { metricType: 'CPU', target: 40 },
          { metricType: 'MEMORY', target: 80 },
        ],
        scaleUp: { step: 100, disabled: false, stabilizationWindowSeconds: 0 },
        scaleDown: { step: 1, disabled: false, stabilizationWindowSeconds: 300 },
      },
    });
  }
  const echo = find(`${store.regionId}:dev`, 'echo-server');
  if (echo) {
    store.scaling.add({
      ...base,
      AppId: echo.AppId,
      name: 'office-hours',
      type: 'timing',
      timer: {
        beginDate: null,
        endDate: null,
        period: '* * Mon,Tue,Wed,Thu,Fri',
        schedules: [
          { atTime: '08:45', targetReplicas: 3 },
          { atTime: '21:15', targetReplicas: 1 },
        ],
      },
    });
  }
}
