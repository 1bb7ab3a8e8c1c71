import { z } from 'zod';
import { AppParams } from './applications';
import { EpochMs, IsoTime } from './common';

const tagText = z
  .string()
  .min(1)
  .max(128)
  .refine((v) => !/^(aliyun|acs:)/i.test(v), 'must not start with aliyun or acs:')
  .refine((v) => !/^https?:\/\//i.test(v), 'must not start with http:// or https://');

/** The full set of an application's tags; the console works out what to add, change and remove. */
export const TagsBody = z.object({
  tags: z
    .array(z.object({ key: tagText, value: tagText }))
    .max(20)
    .refine((tags) => new Set(tags.map((t) => t.key)).size === tags.length, 'a key appears twice'),
});
export type TagsBody = z.infer<typeof TagsBody>;

export const LogConfig = z.object({
  name: z.string(),
  logDir: z.string(),
  logType: z.string().optional(),
  storeType: z.string().optional(),
  slsProject: z.string().optional(),
  slsLogStore: z.string().optional(),
  createTime: IsoTime.optional(),
});
export type LogConfig = z.infer<typeof LogConfig>;

export const RunJobBody = z.object({
  /** Makes a retried request run the job only once (ExecJob `EventId`). */
  eventId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  command: z.string().max(1024).optional(),
  commandArgs: z.string().max(4096).optional(),
  envs: z
    .array(z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), value: z.string().max(4096) }))
    .max(50)
    .optional(),
});
export type RunJobBody = z.infer<typeof RunJobBody>;

export const JobState = z.enum(['pending', 'succeeded', 'failed', 'running', 'unknown']);

export const Job = z.object({
  jobId: z.string(),
  /** DescribeJobStatus `State`: 0 not run, 1 succeeded, 2 failed, 3 running. */
  state: JobState,
  nativeState: z.string(),
  active: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  startTime: EpochMs.optional(),
  completionTime: EpochMs.optional(),
  message: z.string().optional(),
  startedBy: z.string().optional(),
});
export type Job = z.infer<typeof Job>;

export const JobParams = AppParams.extend({ jobId: z.string().min(1).max(128) });
