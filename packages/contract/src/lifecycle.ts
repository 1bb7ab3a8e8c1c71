import { z } from 'zod';
import { ApplicationDetail } from './applications';
import { UpstreamError } from './common';

export const BatchStrategy = z
  .object({
    type: z.enum(['BatchUpdate', 'GrayBatchUpdate']),
    batches: z.number().int().min(1).max(50),
    releaseType: z.enum(['auto', 'manual']),
    /** Minutes between automatic batches. */
    batchWaitMinutes: z.number().int().min(0).max(1440).default(0),
    /** Instances in the gray batch; GrayBatchUpdate only. */
    grayInstances: z.number().int().min(1).max(50).optional(),
  })
  .refine((s) => s.type !== 'GrayBatchUpdate' || s.grayInstances !== undefined, {
    message: 'grayInstances is required for GrayBatchUpdate',
    path: ['grayInstances'],
  });
export type BatchStrategy = z.infer<typeof BatchStrategy>;

export const PauseType = z.enum(['first', 'each', 'none']);
export type PauseType = z.infer<typeof PauseType>;
export const UpdateStrategyType = z.enum(['offline_old_then_online_new', 'online_new_then_offline_old']);

/**
 * One deploy for every product. SAE takes `imageUrl` or `packageUrl` (with `strategy`); Retail Cloud
 * takes a deploy order `name`, `partitions` with a `pauseType`, and optionally a package URL or container
 * images (none keeps the images of the environment's deploy config).
 */
export const DeployBody = z.object({
  imageUrl: z.string().min(1).max(512).optional(),
  packageUrl: z.string().url().max(1024).optional(),
  packageVersion: z.string().min(1).max(128).optional(),
  strategy: BatchStrategy.optional(),
  minReadyInstances: z.number().int().min(-1).max(50).optional(),
  description: z.string().max(255).optional(),
  /** Retail Cloud: the deploy order's name. */
  name: z.string().min(1).max(128).optional(),
  /** Retail Cloud: TotalPartitions, the number of batches. */
  partitions: z.number().int().min(1).max(50).optional(),
  /** Retail Cloud: pause after the first batch, after each batch, or never (the cloud's default). */
  pauseType: PauseType.optional(),
  /** Retail Cloud, stateless apps: which comes first, taking old instances offline or bringing new ones up. */
  updateStrategyType: UpdateStrategyType.optional(),
  /** Retail Cloud: images in the order of the deploy config's containers. */
  images: z.array(z.string().min(1).max(512)).min(1).max(20).optional(),
  /** Retail Cloud: images of the deploy config's init containers. */
  initImages: z.array(z.string().min(1).max(512)).min(1).max(20).optional(),
  /** Retail Cloud: switch ARMS monitoring on for the new instances. */
  arms: z.boolean().optional(),
});
export type DeployBody = z.infer<typeof DeployBody>;

export const EmptyBody = z.object({}).strict();
export const RestartBody = z.object({ minReadyInstances: z.number().int().min(-1).max(50).optional() });
export const ScaleBody = z.object({
  replicas: z.number().int().min(0).max(50),
  /** Retail Cloud: batches of the scale order (the cloud's default is 2). */
  partitions: z.number().int().min(1).max(50).optional(),
});
export const OfflineBody = z.object({
  /** Retail Cloud: also delete the environment's persistent volume claims. */
  deletePvc: z.boolean().optional(),
});
export const ResizeBody = z.object({
  cpu: z.number().int().positive(),
  memory: z.number().int().positive(),
});
export const RollbackBody = z.object({
  versionId: z.string().min(1).max(128),
  strategy: BatchStrategy.optional(),
  minReadyInstances: z.number().int().min(-1).max(50).optional(),
});
export const DeleteAppBody = z.object({
  /** The application name, typed by the operator to confirm. */
  confirmName: z.string().min(1),
});

export const ChangeOrderRef = z.object({ changeOrderId: z.string(), requestId: z.string().optional() });
export type ChangeOrderRef = z.infer<typeof ChangeOrderRef>;

/** 409 body: the cloud refused the action because the application moved on; here is its fresh state. */
export const StaleApplication = z.object({
  error: z.object({
    code: z.literal('StaleApplication'),
    message: z.string(),
    upstream: UpstreamError.optional(),
  }),
  /** Absent only when the fresh read failed too. */
  application: ApplicationDetail.optional(),
});
export type StaleApplication = z.infer<typeof StaleApplication>;

export const InstanceIdsBody = z.object({
  instanceIds: z
    .array(z.string().min(1).max(128))
    .min(1, 'choose at least one instance')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'instance ids must not repeat'),
});
export type InstanceIdsBody = z.infer<typeof InstanceIdsBody>;
