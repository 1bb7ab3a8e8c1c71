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

export const DeployBody = z
  .object({
    imageUrl: z.string().min(1).max(512).optional(),
    packageUrl: z.string().url().max(1024).optional(),
    packageVersion: z.string().min(1).max(128).optional(),
    strategy: BatchStrategy.optional(),
    minReadyInstances: z.number().int().min(-1).max(50).optional(),
    description: z.string().max(255).optional(),
  })
  .refine((b) => b.imageUrl !== undefined || b.packageUrl !== undefined, {
    message: 'either imageUrl or packageUrl is required',
    path: ['imageUrl'],
  });
export type DeployBody = z.infer<typeof DeployBody>;

export const EmptyBody = z.object({}).strict();
export const RestartBody = z.object({ minReadyInstances: z.number().int().min(-1).max(50).optional() });
export const ScaleBody = z.object({ replicas: z.number().int().min(0).max(50) });
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
