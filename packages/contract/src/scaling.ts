import { z } from 'zod';
import { AppParams } from './applications';
import { EpochMs, IsoTime } from './common';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `* * *` daily, `* * Mon,Fri` weekly, `1,15 * *` monthly (seed 000 §11, GMT+8). */
const PERIOD =
  /^(\* \* \*|\* \* (Sun|Mon|Tue|Wed|Thu|Fri|Sat)(,(Sun|Mon|Tue|Wed|Thu|Fri|Sat))*|([1-9]|[12]\d|3[01])(,([1-9]|[12]\d|3[01]))* \* \*)$/;

export const TimerSchedule = z.object({
  atTime: z.string().regex(HHMM, 'must be HH:mm'),
  targetReplicas: z.number().int().min(1).max(50),
});

export const ScalingTimer = z
  .object({
    beginDate: z.string().regex(DATE, 'must be yyyy-MM-dd').nullable().default(null),
    endDate: z.string().regex(DATE, 'must be yyyy-MM-dd').nullable().default(null),
    period: z.string().regex(PERIOD, 'must be "* * *", "* * Mon,Fri" or "1,15 * *"'),
    schedules: z.array(TimerSchedule).min(1).max(20),
  })
  .refine((t) => (t.beginDate === null) === (t.endDate === null), {
    message: 'give both dates or neither',
    path: ['endDate'],
  })
  .refine((t) => t.beginDate === null || t.endDate === null || t.beginDate <= t.endDate, {
    message: 'must not be before beginDate',
    path: ['endDate'],
  })
  .refine((t) => new Set(t.schedules.map((s) => s.atTime)).size === t.schedules.length, {
    message: 'two schedules at the same time',
    path: ['schedules'],
  });
export type ScalingTimer = z.infer<typeof ScalingTimer>;

export const ScalingMetricType = z.enum(['CPU', 'MEMORY', 'tcpActiveConn']);

export const ScaleStepRule = z.object({
  step: z.number().int().min(1).max(1000),
  stabilizationWindowSeconds: z.number().int().min(0).max(3600),
  disabled: z.boolean(),
});

export const ScalingMetric = z
  .object({
    minReplicas: z.number().int().min(1).max(50),
    maxReplicas: z.number().int().min(1).max(50),
    metrics: z
      .array(z.object({ type: ScalingMetricType, target: z.number().int().min(1).max(100) }))
      .min(1)
      .max(3),
    scaleUp: ScaleStepRule.optional(),
    scaleDown: ScaleStepRule.optional(),
  })
  .refine((m) => m.minReplicas <= m.maxReplicas, {
    message: 'must not be above maxReplicas',
    path: ['minReplicas'],
  })
  .refine((m) => new Set(m.metrics.map((x) => x.type)).size === m.metrics.length, {
    message: 'a metric type appears twice',
    path: ['metrics'],
  });
export type ScalingMetric = z.infer<typeof ScalingMetric>;

export const ScalingRuleStatus = z.object({
  desiredReplicas: z.number().int().optional(),
  currentReplicas: z.number().int().optional(),
  lastScaleTime: IsoTime.optional(),
  currentMetrics: z.array(z.object({ name: z.string(), value: z.number() })),
});

export const ScalingRule = z.object({
  name: z.string(),
  type: z.enum(['timing', 'metric', 'mix']),
  enabled: z.boolean(),
  createTime: EpochMs.optional(),
  updateTime: EpochMs.optional(),
  timer: ScalingTimer.optional(),
  metric: ScalingMetric.optional(),
  status: ScalingRuleStatus.optional(),
});
export type ScalingRule = z.infer<typeof ScalingRule>;

export const ScalingRuleParams = AppParams.extend({ ruleName: z.string().min(1).max(32) });

export const CreateScalingRuleBody = z
  .object({
    name: z
      .string()
      .max(32)
      .regex(/^[a-z][a-z0-9-]*$/, 'must start with a lowercase letter; lowercase letters, digits and - only'),
    type: z.enum(['timing', 'metric']),
    enabled: z.boolean().default(false),
    timer: ScalingTimer.optional(),
    metric: ScalingMetric.optional(),
  })
  .refine((b) => b.type !== 'timing' || b.timer !== undefined, {
    message: 'required for a timing rule',
    path: ['timer'],
  })
  .refine((b) => b.type !== 'metric' || b.metric !== undefined, {
    message: 'required for a metric rule',
    path: ['metric'],
  });
export type CreateScalingRuleBody = z.infer<typeof CreateScalingRuleBody>;

export const UpdateScalingRuleBody = z
  .object({ timer: ScalingTimer.optional(), metric: ScalingMetric.optional() })
  .refine((b) => b.timer !== undefined || b.metric !== undefined, {
    message: 'give the timer or the metric settings',
    path: ['timer'],
  });
export type UpdateScalingRuleBody = z.infer<typeof UpdateScalingRuleBody>;
