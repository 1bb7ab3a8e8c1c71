import { z } from 'zod';
import { EpochMs, IdempotencyKey, IsoTime, Page, UpstreamError } from './common';

export const RolloutStatus = z.enum(['preparing', 'running', 'waiting', 'succeeded', 'failed', 'aborted']);
export type RolloutStatus = z.infer<typeof RolloutStatus>;

export const BatchStatus = z.enum(['pending', 'running', 'succeeded', 'failed', 'aborted']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const Batch = z.object({
  id: z.string(),
  index: z.number().int(),
  name: z.string(),
  status: BatchStatus,
  nativeStatus: z.number().int(),
  startTime: EpochMs.optional(),
  updateTime: EpochMs.optional(),
});
export type Batch = z.infer<typeof Batch>;

export const ActionState = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
  /** Why not, as a code the console translates; `reason` says it in English. */
  code: z.enum(['noWaitingBatch', 'finished', 'role', 'unsupported']).optional(),
});
export type ActionState = z.infer<typeof ActionState>;

export const RolloutSummary = z.object({
  id: z.string(),
  appId: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  status: RolloutStatus,
  nativeStatus: z.number().int(),
  nativeStatusName: z.string(),
  batchCount: z.number().int(),
  batchType: z.string(),
  description: z.string().optional(),
  createTime: IsoTime.optional(),
  /** Absent until the rollout has finished. */
  finishTime: IsoTime.optional(),
});
export type RolloutSummary = z.infer<typeof RolloutSummary>;

export const RolloutPage = Page(RolloutSummary);
export type RolloutPage = z.infer<typeof RolloutPage>;

export const Rollout = RolloutSummary.extend({
  appName: z.string().optional(),
  subStatus: z.number().int(),
  errorMessage: z.string().optional(),
  batchWaitMinutes: z.number().optional(),
  currentBatchId: z.string().optional(),
  /** The batch an operator would release now; null unless the rollout waits for a manual confirmation. */
  waitingBatch: z
    .object({ id: z.string(), index: z.number().int(), name: z.string(), instanceCount: z.number().int() })
    .nullable(),
  /** Instances running and healthy right now, for the confirmation dialog. */
  health: z.object({ healthy: z.number().int(), total: z.number().int() }),
  batches: z.array(Batch),
  actions: z.object({
    confirm: ActionState,
    abort: ActionState,
    abortAndRollback: ActionState,
    /** Hold the waiting batch longer (an AS lifecycle hook's EXTEND); absent where the product has none. */
    extend: ActionState.optional(),
  }),
});
export type Rollout = z.infer<typeof Rollout>;

export const RolloutParams = z.object({
  accountId: z.string().min(1).max(64),
  rolloutId: z.string().min(1).max(128),
});

export const Task = z.object({
  id: z.string(),
  name: z.string(),
  status: z.number().int(),
  message: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export const Stage = z.object({
  id: z.string(),
  name: z.string(),
  status: z.number().int(),
  tasks: z.array(Task),
});
export const BatchDetail = z.object({
  id: z.string(),
  name: z.string(),
  status: z.number().int(),
  nextBatchId: z.string().optional(),
  stages: z.array(Stage),
});
export type BatchDetail = z.infer<typeof BatchDetail>;

export const BatchParams = RolloutParams.extend({ batchId: z.string().min(1).max(128) });

export const ConfirmBody = z.object({
  /** The batch the operator saw waiting; the confirm is refused if another batch is waiting now. */
  batchId: z.string().min(1).max(128),
  idempotencyKey: IdempotencyKey,
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;

export const AbortBody = z.object({
  idempotencyKey: IdempotencyKey,
  /** The batch the operator saw waiting, where stopping acts on one batch (AS: ABANDON of one held instance). */
  batchId: z.string().min(1).max(128).optional(),
});
export type AbortBody = z.infer<typeof AbortBody>;

export const RolloutActionResult = z.object({
  outcome: z.enum(['confirmed', 'aborted', 'rolling-back', 'extended']),
  requestId: z.string().optional(),
  /** Set when the action started another rollout (abort and roll back; an AOS retry is a new execution). */
  followUpRolloutId: z.string().optional(),
  rollout: Rollout,
});
export type RolloutActionResult = z.infer<typeof RolloutActionResult>;

/** 409 body: the action no longer matches the rollout; here is its fresh state. */
export const StaleRollout = z.object({
  error: z.object({
    code: z.literal('StaleRollout'),
    message: z.string(),
    /** Set when the cloud itself refused: another console instance or client acted first. */
    upstream: UpstreamError.optional(),
  }),
  rollout: Rollout,
});
export type StaleRollout = z.infer<typeof StaleRollout>;

export const RolloutPodParams = RolloutParams.extend({ podName: z.string().min(1).max(253) });

/** One instance's part in a deploy order (Retail Cloud's DescribePodLog and DescribePodEvents). */
export const PodDeployLog = z.object({
  podName: z.string(),
  steps: z.array(z.object({ code: z.string(), name: z.string(), status: z.string(), log: z.string() })),
  events: z.array(
    z.object({
      type: z.string(),
      reason: z.string(),
      message: z.string(),
      count: z.number().int(),
      firstTimestamp: IsoTime.optional(),
      lastTimestamp: IsoTime.optional(),
    }),
  ),
});
export type PodDeployLog = z.infer<typeof PodDeployLog>;
