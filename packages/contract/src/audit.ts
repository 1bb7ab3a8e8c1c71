import { z } from 'zod';
import { Page } from './common';

export const AuditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  role: z.string(),
  action: z.string(),
  accountId: z.string().optional(),
  resource: z.string().optional(),
  batchId: z.string().optional(),
  decision: z.string().optional(),
  outcome: z.enum(['success', 'failure', 'denied', 'stale']),
  upstreamRequestId: z.string().optional(),
  detail: z.string().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: AuditRecord.shape.outcome.optional(),
});

export const AuditPage = Page(AuditRecord);
export type AuditPage = z.infer<typeof AuditPage>;
