import { z } from 'zod';

/** A group's size at one moment: what runs, what is asked for, and its bounds. */
export const CapacityPoint = z.object({
  /** Milliseconds since the epoch. */
  at: z.number(),
  current: z.number().int(),
  desired: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  /** Read off a scaling activity (the cloud's record), or sampled by the console itself. */
  source: z.enum(['activity', 'sample']),
});
export type CapacityPoint = z.infer<typeof CapacityPoint>;

export const CapacityHistory = z.object({
  now: CapacityPoint.omit({ source: true }),
  /** Oldest first: activity starts and ends, and the console's samples, in the range asked for. */
  points: z.array(CapacityPoint),
});
export type CapacityHistory = z.infer<typeof CapacityHistory>;

export const CapacityQuery = z.object({
  /** Look-back window in minutes. */
  range: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(360),
});

/** What an application's parts are doing, counted by one dimension each. */
export const HealthDimension = z.enum([
  /** AS instance lifecycle state (INSERVICE, PENDING, PENDING_WAIT, REMOVING…). */
  'lifecycle',
  /** AS instance health (NORMAL, ERROR, INITIALIZING). */
  'health',
  /** AS instance protection from scale-in. */
  'protection',
  /** AOS stack element status. */
  'elementStatus',
  /** AOS stack element type. */
  'elementType',
]);
export type HealthDimension = z.infer<typeof HealthDimension>;

export const HealthBreakdown = z.object({
  total: z.number().int(),
  dimensions: z.array(
    z.object({
      dimension: HealthDimension,
      counts: z.array(z.object({ key: z.string(), count: z.number().int() })),
    }),
  ),
});
export type HealthBreakdown = z.infer<typeof HealthBreakdown>;
