import { z } from 'zod';
import { Product } from './accounts';
import { ConsoleStatus } from './applications';
import { IdempotencyKey, UpstreamError } from './common';
import { Rollout, RolloutActionResult, RolloutStatus } from './rollouts';
import { route } from './route-def';

/**
 * What a person is asked to decide: release the next batch of a change order (SAE), resume a deploy
 * order paused after a partition (Retail Cloud), continue or abandon an instance held by a lifecycle
 * hook (AS), retry or roll back a failed execution (AOS).
 */
export const WaitKind = z.enum(['batch', 'pause', 'hook', 'failed-execution']);
export type WaitKind = z.infer<typeof WaitKind>;

export const WaitingItem = z.object({
  /** Stable while the same batch of the same rollout waits: `<accountId>/<rolloutId>/<batchId>`. */
  key: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  product: Product,
  appId: z.string(),
  appName: z.string(),
  namespaceId: z.string().optional(),
  rolloutId: z.string(),
  rolloutTypeLabel: z.string(),
  kind: WaitKind,
  batch: z.object({
    id: z.string(),
    index: z.number().int(),
    name: z.string(),
    instanceCount: z.number().int(),
  }),
  batchCount: z.number().int(),
  nativeStatus: z.number().int(),
  nativeStatusName: z.string(),
  /** ISO 8601 (UTC): when the cloud says the wait began, or when the console first saw it. */
  waitingSince: z.string(),
  /** A lifecycle hook gives up by itself at `at` and then does `action` (CONTINUE or ABANDON). */
  timeout: z.object({ at: z.string(), action: z.string() }).optional(),
  health: z.object({ healthy: z.number().int(), total: z.number().int() }),
  /** What the signed-in user may do here, as on the rollout page. */
  actions: Rollout.shape.actions,
});
export type WaitingItem = z.infer<typeof WaitingItem>;

export const RunningRollout = z.object({
  rolloutId: z.string(),
  appId: z.string(),
  appName: z.string(),
  status: RolloutStatus,
  typeLabel: z.string(),
  batchesDone: z.number().int(),
  batchCount: z.number().int(),
});
export type RunningRollout = z.infer<typeof RunningRollout>;

export const RecentFailure = z.object({
  appId: z.string(),
  appName: z.string(),
  rolloutId: z.string().optional(),
  /** ISO 8601 (UTC). */
  at: z.string(),
  message: z.string(),
});
export type RecentFailure = z.infer<typeof RecentFailure>;

export const LiveAccountState = z.enum(['starting', 'ok', 'unreachable']);

/** One account as its watcher last saw it. */
export const AccountLive = z.object({
  accountId: z.string(),
  accountName: z.string(),
  product: Product,
  regionId: z.string(),
  state: LiveAccountState,
  /** Why the last look failed, with the cloud's own code and RequestId where it answered. */
  error: z.object({ code: z.string(), message: z.string(), upstream: UpstreamError.optional() }).optional(),
  /** ISO 8601: the last complete look at the account; null before the first one. */
  checkedAt: z.string().nullable(),
  applications: z.object({
    total: z.number().int(),
    byStatus: z.record(ConsoleStatus, z.number().int()),
  }),
  waiting: z.array(WaitingItem),
  running: z.array(RunningRollout),
  /** Rollouts that failed in the last 24 hours. */
  failures: z.array(RecentFailure),
  /** Grows with every change the watcher publishes. */
  version: z.number().int(),
});
export type AccountLive = z.infer<typeof AccountLive>;

export const Overview = z.object({ generatedAt: z.string(), accounts: z.array(AccountLive) });
export type Overview = z.infer<typeof Overview>;

export const Inbox = z.object({
  generatedAt: z.string(),
  /** Oldest wait first. */
  items: z.array(WaitingItem),
  /** Accounts whose watcher could not look: their items may be missing. */
  unreachable: z.array(
    AccountLive.pick({ accountId: true, accountName: true, error: true, checkedAt: true }),
  ),
});
export type Inbox = z.infer<typeof Inbox>;

export const InboxAction = z.enum(['confirm', 'extend', 'abort', 'abort-and-rollback']);
export type InboxAction = z.infer<typeof InboxAction>;

export const InboxActionsBody = z.object({
  actions: z
    .array(
      z.object({
        accountId: z.string().min(1).max(64),
        rolloutId: z.string().min(1).max(128),
        /** The batch the operator saw waiting: the action is refused if another one waits now. */
        batchId: z.string().min(1).max(128),
        action: InboxAction,
        idempotencyKey: IdempotencyKey,
      }),
    )
    .min(1)
    .max(50),
});
export type InboxActionsBody = z.infer<typeof InboxActionsBody>;

export const InboxActionResult = z.object({
  accountId: z.string(),
  rolloutId: z.string(),
  batchId: z.string(),
  action: InboxAction,
  /** The HTTP status the same action answers on the rollout page: 200 done, 409 moved on, 4xx/5xx failed. */
  status: z.number().int(),
  outcome: RolloutActionResult.shape.outcome.optional(),
  error: z.object({ code: z.string(), message: z.string(), upstream: UpstreamError.optional() }).optional(),
});
export type InboxActionResult = z.infer<typeof InboxActionResult>;

export const InboxActionsResult = z.object({ results: z.array(InboxActionResult) });
export type InboxActionsResult = z.infer<typeof InboxActionsResult>;

export const EventsQuery = z.object({
  /** Same as the Last-Event-ID header, for clients that cannot set it. */
  lastEventId: z.string().max(64).optional(),
});

/**
 * Events on `GET /api/events` (text/event-stream), each with an id to resume from:
 * - `account`: an AccountLive, whenever that account's live state changed;
 * - `rollout`: `{ accountId, rollout }`, an open rollout the watcher follows, whenever it changed;
 * - `reset`: what the client holds may have missed changes (a gap, another server): read everything again;
 * - `session`: `{ state: 'ended' }`, the session is over; the stream ends.
 * A comment line is sent every 15 s to keep the connection open.
 */
export const LiveEventName = z.enum(['account', 'rollout', 'reset', 'session']);
export type LiveEventName = z.infer<typeof LiveEventName>;

export const RolloutEvent = z.object({ accountId: z.string(), rollout: Rollout });
export type RolloutEvent = z.infer<typeof RolloutEvent>;

export const liveRoutes = {
  getOverview: route({
    method: 'get',
    path: '/api/overview',
    summary:
      'Every account at a glance: applications by state, rollouts in progress, waiting items, failures',
    role: 'viewer',
    response: Overview,
  }),
  getInbox: route({
    method: 'get',
    path: '/api/inbox',
    summary: 'Everything waiting for a person across every account, oldest first',
    role: 'viewer',
    response: Inbox,
  }),
  actOnInbox: route({
    method: 'post',
    path: '/api/inbox/actions',
    summary:
      'Act on several waiting items at once: each is its own audited rollout action, bound to the batch shown',
    role: 'operator',
    body: InboxActionsBody,
    response: InboxActionsResult,
  }),
  streamEvents: route({
    method: 'get',
    path: '/api/events',
    summary: 'Server-Sent Events: live account state and followed rollouts (text/event-stream)',
    role: 'viewer',
    query: EventsQuery,
    response: z.string(),
  }),
};
