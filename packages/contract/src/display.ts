import { z } from 'zod';
import { Product } from './accounts';
import { AccountLive } from './live';
import { route } from './route-def';

/**
 * A display link: a named, read-only, revocable grant for a wall screen. It reads the wallboard of
 * chosen accounts and nothing else; its token is shown once, stored hashed, and sent by the screen in
 * `Authorization: Display <token>`.
 */
export const DisplayLink = z.object({
  id: z.string(),
  name: z.string(),
  accountIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  /** ISO 8601, or null: never expires. */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** ISO 8601 of the last read by a screen (written at most once a minute), or null. */
  lastUsedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type DisplayLink = z.infer<typeof DisplayLink>;

export const CreateDisplayLinkBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  accountIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  /** Hours until the link stops working; absent: it never expires (revoke it instead). */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional(),
});
export type CreateDisplayLinkBody = z.infer<typeof CreateDisplayLinkBody>;

export const CreatedDisplayLink = z.object({
  link: DisplayLink,
  /** Shown once: the screen's secret. The console keeps only its hash. */
  token: z.string(),
});
export type CreatedDisplayLink = z.infer<typeof CreatedDisplayLink>;

export const DisplayLinkParams = z.object({ linkId: z.string().min(1).max(64) });

const accountList = z
  .string()
  .max(2_000)
  .regex(/^[^,]+(,[^,]+)*$/, 'comma-separated account ids')
  .transform((s) => s.split(','));

export const WallQuery = z.object({
  /** Only these accounts (within what the link or the person may see). */
  accounts: accountList.optional(),
});
export type WallQuery = z.input<typeof WallQuery>;

export const Wall = z.object({
  generatedAt: z.string(),
  /** The display link the screen uses; null for a signed-in person. */
  display: z.object({ name: z.string(), expiresAt: z.string().nullable() }).nullable(),
  accounts: z.array(AccountLive),
});
export type Wall = z.infer<typeof Wall>;

const appList = z
  .string()
  .max(2_000)
  .regex(/^[^,/]+\/[^,/]+(,[^,/]+\/[^,/]+)*$/, 'comma-separated account/application ids')
  .transform((s) =>
    s.split(',').map((pair) => {
      const [accountId = '', appId = ''] = pair.split('/');
      return { accountId, appId };
    }),
  )
  .refine((apps) => apps.length <= 12, 'at most 12 applications');

export const WallAppsQuery = z.object({
  /** `accountId/appId,…`: the applications a wallboard charts (within the accounts it may read). */
  apps: appList,
  /** Minutes back from now. */
  range: z.coerce.number().int().min(15).max(1_440).default(360),
});

export const WallApp = z.object({
  accountId: z.string(),
  appId: z.string(),
  appName: z.string(),
  /** Null when the account is not connected (any more). */
  product: Product.nullable(),
  /**
   * What the console sampled: `running` instances (SAE) or group size (AS), `cpu` cores in use (SAE),
   * `desired` group size (AS); none for products whose cloud keeps its own history.
   */
  series: z.array(
    z.object({
      name: z.enum(['running', 'cpu', 'desired']),
      points: z.array(z.object({ at: z.number(), value: z.number() })),
    }),
  ),
});
export type WallApp = z.infer<typeof WallApp>;

export const displayRoutes = {
  listDisplayLinks: route({
    method: 'get',
    path: '/api/admin/display-links',
    summary: 'Display links for wall screens, with their state and last use (never their tokens)',
    role: 'admin',
    response: z.array(DisplayLink),
  }),
  createDisplayLink: route({
    method: 'post',
    path: '/api/admin/display-links',
    summary: 'Create a read-only display link for a wall screen (the token is shown once)',
    role: 'admin',
    body: CreateDisplayLinkBody,
    response: CreatedDisplayLink,
    audit: 'display-link-create',
  }),
  revokeDisplayLink: route({
    method: 'delete',
    path: '/api/admin/display-links/:linkId',
    summary: 'Revoke a display link: every screen using it stops within seconds',
    role: 'admin',
    params: DisplayLinkParams,
    response: DisplayLink,
    audit: 'display-link-revoke',
  }),
  getWall: route({
    method: 'get',
    path: '/api/wall',
    summary: 'What a wallboard shows: the live state of the accounts a display link (or a person) may see',
    role: 'display',
    query: WallQuery,
    response: Wall,
  }),
  getWallApps: route({
    method: 'get',
    path: '/api/wall/apps',
    summary: 'Series of chosen applications for wallboard tiles, from the samples the console keeps',
    role: 'display',
    query: WallAppsQuery,
    response: z.object({ apps: z.array(WallApp) }),
  }),
  streamWall: route({
    method: 'get',
    path: '/api/wall/events',
    summary:
      'Server-Sent Events for a wallboard: `account` changes of its accounts, `reset`, and `session` when the link is revoked or expires',
    role: 'display',
    query: WallQuery,
    response: z.string(),
  }),
};
