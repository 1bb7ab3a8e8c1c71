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
  /** `unknown`: the change was sent once and its answer lost; the detail says what the re-read showed. */
  outcome: z.enum(['success', 'failure', 'denied', 'stale', 'unknown']),
  upstreamRequestId: z.string().optional(),
  detail: z.string().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** An ISO 8601 time with offset, as the UTC instant the database compares (years 1970 to 9999). */
const AuditTime = z.iso
  .datetime({ offset: true })
  .refine((v) => {
    const t = Date.parse(v);
    return Number.isFinite(t) && t >= Date.UTC(1970, 0, 1) && t < Date.UTC(10_000, 0, 1);
  }, 'must be a time between 1970 and 9999')
  .transform((v) => new Date(v).toISOString());

const auditFilterFields = z.object({
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  accountId: z.string().max(64).optional(),
  outcome: AuditRecord.shape.outcome.optional(),
  /** Inclusive lower bound of `at`, an ISO 8601 time with offset. */
  from: AuditTime.optional(),
  /** Exclusive upper bound of `at`. */
  to: AuditTime.optional(),
});

const timeRangeInOrder = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to);
const timeRangeIssue = { message: 'must not be later than "to"', path: ['from'] };

/** Filters shared by the page and the CSV export; every one narrows the records (AND). */
export const AuditFilter = auditFilterFields.refine(timeRangeInOrder, timeRangeIssue);
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = auditFilterFields
  .extend({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(timeRangeInOrder, timeRangeIssue);
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The columns of the CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'username',
  'role',
  'action',
  'accountId',
  'resource',
  'batchId',
  'decision',
  'outcome',
  'upstreamRequestId',
  'detail',
] as const satisfies readonly (keyof AuditRecord)[];

export const AuditPage = Page(AuditRecord);
export type AuditPage = z.infer<typeof AuditPage>;
