import type { SaeContext, SaeHandlers } from '../context';
import { newTraceId, SaeError } from '../envelope';
import type { Params } from '../params';
import {
  checkRuleName,
  MAX_RULES_PER_APP,
  parseMetric,
  parsePeriod,
  parseTimer,
  type ScalingRule,
  type ScalingTimer,
} from '../scaling';

/** Seed 000 §11 examples: Create/Update/Describe answer `{RequestId, TraceId, Data}` only. */
const withData = (data: unknown) => ({ body: { TraceId: newTraceId(), Data: data } });
/** Delete/Enable/Disable answer `{RequestId, TraceId}` only. */
const bare = () => ({ body: { TraceId: newTraceId() } });

function checkAvailability(params: Params, replicas: number): void {
  const ratio = params.int('MinReadyInstanceRatio');
  if (ratio !== undefined && ratio !== -1 && (ratio < 0 || ratio > 100)) {
    throw new SaeError('MinReadyInstanceRatio.Invalid');
  }
  const minReady = params.int('MinReadyInstances');
  if (minReady !== undefined && minReady > 0 && replicas > 1 && minReady >= replicas) {
    throw new SaeError('MinReadyInstances.Not.Smaller.Replicas');
  }
}

/** The largest count a rule may set: the bound MinReadyInstances is compared with. */
function ruleCeiling(rule: Pick<ScalingRule, 'timer' | 'metric'>): number {
  if (rule.metric) return rule.metric.maxReplicas;
  return Math.max(0, ...(rule.timer?.schedules.map((s) => s.targetReplicas) ?? []));
}

/** Two timing rules of one app may not fire at the same minute on a common day. */
function checkTimerConflict(ctx: SaeContext, appId: string, name: string, timer: ScalingTimer): void {
  const period = parsePeriod(timer.period);
  const times = new Set(timer.schedules.map((s) => s.atTime));
  for (const other of ctx.store.scaling.rules(appId)) {
    if (other.name === name || !other.timer) continue;
    if (!other.timer.schedules.some((s) => times.has(s.atTime))) continue;
    const o = parsePeriod(other.timer.period);
    const datesOverlap =
      (!timer.endDate || !other.timer.beginDate || other.timer.beginDate <= timer.endDate) &&
      (!other.timer.endDate || !timer.beginDate || timer.beginDate <= other.timer.endDate);
    const daysOverlap =
      (!period.weekdays || !o.weekdays || [...period.weekdays].some((d) => o.weekdays?.has(d))) &&
      (!period.days || !o.days || [...period.days].some((d) => o.days?.has(d)));
    if (datesOverlap && daysOverlap) throw new SaeError('InvalidScalingRuleTime.Conflict');
  }
}

function ruleOf(ctx: SaeContext): ScalingRule {
  const app = ctx.store.app(ctx.params.req('AppId'));
  return ctx.store.scaling.rule(app.AppId, ctx.params.req('ScalingRuleName'));
}

/** 弹性伸缩: timing and metric scaling rules; the autoscaler in ../scaling.ts applies them over time. */
export const scalingHandlers: SaeHandlers = {
  CreateApplicationScalingRule(ctx) {
    const { params, store, engine, now } = ctx;
    const app = store.app(params.req('AppId'));
    const name = params.req('ScalingRuleName');
    checkRuleName(name);
    const type = params.req('ScalingRuleType');
    if (type !== 'timing' && type !== 'metric') {
      throw new SaeError('InvalidParameter.WithMessage', 'ScalingRuleType', 'must be timing or metric');
    }
    const rules = store.scaling.rules(app.AppId);
    if (rules.some((r) => r.name === name)) throw new SaeError('InstanceExist.ScalingRuleName');
    if (rules.length >= MAX_RULES_PER_APP) throw new SaeError('QuotaExceeded.ScalingRule');
    // Seed §11: no rule can be added while the app is being scaled, deployed, restarted or stopped.
    engine.assertIdle(app);
    // The seed's own example passes both JSON parameters; only the one of the rule's type counts.
    const timerRaw = params.json<unknown>('ScalingRuleTimer');
    const metricRaw = params.json<unknown>('ScalingRuleMetric');
    const rule: ScalingRule = {
      AppId: app.AppId,
      name,
      type,
      enabled: false,
      createdAt: now,
      updatedAt: now,
      cursor: now,
    };
    if (type === 'timing') {
      if (timerRaw === undefined) throw new SaeError('InvalidParameter.NotEmpty', 'ScalingRuleTimer');
      rule.timer = parseTimer(timerRaw);
      checkTimerConflict(ctx, app.AppId, name, rule.timer);
    } else {
      if (metricRaw === undefined) throw new SaeError('InvalidParameter.NotEmpty', 'ScalingRuleMetric');
      rule.metric = parseMetric(metricRaw);
    }
    checkAvailability(params, ruleCeiling(rule));
    rule.minReadyInstances = params.int('MinReadyInstances');
    rule.minReadyInstanceRatio = params.int('MinReadyInstanceRatio');
    store.scaling.add(rule);
    if (params.bool('ScalingRuleEnable') === true) store.scaling.enable(rule, now);
    return withData(store.scaling.view(rule, now, false));
  },

  UpdateApplicationScalingRule(ctx) {
    const { params, store, now } = ctx;
    const rule = ruleOf(ctx);
    const next = { timer: rule.timer, metric: rule.metric };
    if (rule.type === 'timing') {
      const raw = params.json<unknown>('ScalingRuleTimer');
      if (raw !== undefined) {
        next.timer = parseTimer(raw);
        checkTimerConflict(ctx, rule.AppId, rule.name, next.timer);
      }
    } else {
      const raw = params.json<unknown>('ScalingRuleMetric');
      if (raw !== undefined) next.metric = parseMetric(raw);
    }
    checkAvailability(params, ruleCeiling(next));
    rule.timer = next.timer;
    rule.metric = next.metric;
    if (params.has('MinReadyInstances')) rule.minReadyInstances = params.int('MinReadyInstances');
    if (params.has('MinReadyInstanceRatio')) rule.minReadyInstanceRatio = params.int('MinReadyInstanceRatio');
    rule.updatedAt = now;
    // A changed timer starts from now: its earlier trigger times are not replayed.
    if (rule.enabled) store.scaling.enable(rule, now);
    return withData(store.scaling.view(rule, now, false));
  },

  DeleteApplicationScalingRule(ctx) {
    const rule = ruleOf(ctx);
    ctx.store.scaling.disable(rule, ctx.now);
    ctx.store.scaling.remove(rule.AppId, rule.name);
    return bare();
  },

  EnableApplicationScalingRule(ctx) {
    const rule = ruleOf(ctx);
    ctx.engine.assertIdle(ctx.store.app(rule.AppId));
    if (!rule.enabled) ctx.store.scaling.enable(rule, ctx.now);
    return bare();
  },

  DisableApplicationScalingRule(ctx) {
    const rule = ruleOf(ctx);
    ctx.engine.assertIdle(ctx.store.app(rule.AppId));
    ctx.store.scaling.disable(rule, ctx.now);
    return bare();
  },

  DescribeApplicationScalingRule(ctx) {
    return withData(ctx.store.scaling.view(ruleOf(ctx), ctx.now, true));
  },

  DescribeApplicationScalingRules({ params, store, now }) {
    const app = store.app(params.req('AppId'));
    const rules = store.scaling.rules(app.AppId);
    return withData({
      CurrentPage: 1,
      PageSize: 10,
      TotalSize: rules.length,
      ApplicationScalingRules: rules.map((r) => store.scaling.view(r, now, true)),
    });
  },
};
