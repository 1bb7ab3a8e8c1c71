import { z } from 'zod';

export const Role = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

export const roleRank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
export const hasRole = (actual: Role, needed: Role): boolean => roleRank[actual] >= roleRank[needed];

/** The cloud's own answer when an upstream call failed; shown to the operator as it is. */
export const UpstreamError = z.object({
  product: z.string(),
  httpStatus: z.number().int(),
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
});
export type UpstreamError = z.infer<typeof UpstreamError>;

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    upstream: UpstreamError.optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * A cloud's time as the console carries it: ISO 8601 with its zone, always UTC
 * (`2026-12-07T12:31:05.000Z`). The BFF reads each cloud's own form with the cloud's zone (SAE's
 * change-order text is UTC+8, Retail Cloud's text UTC, Huawei's ISO `…Z`), so the SPA never guesses one.
 * Numeric times in the contract are epoch milliseconds (`EpochMs`).
 */
export const IsoTime = z.string().describe('ISO 8601 in UTC with its zone, e.g. 2026-12-07T12:31:05.000Z');
/** Milliseconds since 1970-01-01T00:00:00Z. */
export const EpochMs = z.number().describe('epoch milliseconds');

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
