import type { ScalingMetric, ScalingRule, ScalingTimer } from '@console/contract';
import { cloudIso, ZONE } from '../upstream/cloud-time';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const optNum = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : num(v);
const dateOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The request shape of `ScalingRuleTimer` (seed 000 §11: lower-case keys). */
export function timerJson(timer: ScalingTimer): string {
  return JSON.stringify({
    beginDate: timer.beginDate,
    endDate: timer.endDate,
    period: timer.period,
    schedules: timer.schedules.map((s) => ({ atTime: s.atTime, targetReplicas: s.targetReplicas })),
  });
}

/** The request shape of `ScalingRuleMetric`; `step` travels as a string, as in the seed's example. */
export function metricJson(metric: ScalingMetric): string {
  const step = (r: ScalingMetric['scaleUp']) =>
    r && {
      step: String(r.step),
      disabled: r.disabled,
      stabilizationWindowSeconds: r.stabilizationWindowSeconds,
    };
  return JSON.stringify({
    maxReplicas: metric.maxReplicas,
    minReplicas: metric.minReplicas,
    metrics: metric.metrics.map((m) => ({ metricType: m.type, metricTargetAverageUtilization: m.target })),
    ...(metric.scaleUp ? { scaleUpRules: step(metric.scaleUp) } : {}),
    ...(metric.scaleDown ? { scaleDownRules: step(metric.scaleDown) } : {}),
  });
}

function stepRule(v: unknown) {
  const r = obj(v);
  if (Object.keys(r).length === 0) return undefined;
  return {
    step: num(r.Step ?? r.step),
    stabilizationWindowSeconds: num(r.StabilizationWindowSeconds ?? r.stabilizationWindowSeconds),
    disabled: r.Disabled === true || r.disabled === true,
  };
}

/** The response rule object (`ScaleRule*` names, capitalised keys) as the console shows it. */
export function scalingRuleView(raw: unknown): ScalingRule {
  const r = obj(raw);
  const timer = obj(r.Timer);
  const metric = obj(r.Metric);
  const status = obj(metric.MetricsStatus);
  const type = String(r.ScaleRuleType ?? 'timing');
  const view: ScalingRule = {
    name: String(r.ScaleRuleName ?? ''),
    type: type === 'metric' || type === 'mix' ? type : 'timing',
    enabled: r.ScaleRuleEnabled === true || r.ScaleRuleEnabled === 'true',
    createTime: optNum(r.CreateTime),
    updateTime: optNum(r.UpdateTime),
  };
  if (Object.keys(timer).length > 0) {
    view.timer = {
      beginDate: dateOrNull(timer.BeginDate),
      endDate: dateOrNull(timer.EndDate),
      period: String(timer.Period ?? '* * *'),
      schedules: arr(timer.Schedules).map((s) => ({
        atTime: String(s.AtTime ?? ''),
        targetReplicas: num(s.TargetReplicas),
      })),
    };
  }
  if (Object.keys(metric).length > 0) {
    view.metric = {
      minReplicas: num(metric.MinReplicas),
      maxReplicas: num(metric.MaxReplicas),
      metrics: arr(metric.Metrics).map((m) => ({
        type: String(m.MetricType) as ScalingMetric['metrics'][number]['type'],
        target: num(m.MetricTargetAverageUtilization),
      })),
      scaleUp: stepRule(metric.ScaleUpRules),
      scaleDown: stepRule(metric.ScaleDownRules),
    };
  }
  if (Object.keys(status).length > 0) {
    view.status = {
      desiredReplicas: optNum(status.DesiredReplicas),
      currentReplicas: optNum(status.CurrentReplicas),
      lastScaleTime: cloudIso(status.LastScaleTime, ZONE.utc),
      currentMetrics: arr(status.CurrentMetrics).map((m) => ({
        name: String(m.Name ?? ''),
        value: num(m.CurrentValue),
      })),
    };
  }
  return view;
}
