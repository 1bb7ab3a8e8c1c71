import type {
  AccountLive,
  InboxAction,
  InboxActionResult,
  Role,
  RolloutActionResult,
  RolloutEvent,
  routes,
  WaitingItem,
  WallApp,
} from '@console/contract';
import type { Request, Response } from 'express';
import type { SessionRecord } from '../auth/sessions';
import { HttpError, toHttpError } from '../http/errors';
import { type DisplayGrant, type HandlersOf, Streamed } from '../http/routing';
import type { ApplicationProvider } from '../providers';
import { actionsForRole, rolloutForRole } from '../rollouts/role-actions';
import type { RolloutActionKind, RolloutActions } from '../rollouts/rollout-actions';
import { mapLimited } from '../upstream/map-limited';
import type { LiveEvent } from './live-hub';
import type { LiveState } from './live-state';

type LiveRoutes = Pick<
  typeof routes,
  'getOverview' | 'getInbox' | 'actOnInbox' | 'streamEvents' | 'getWall' | 'getWallApps' | 'streamWall'
>;

export interface LiveHandlerDeps {
  live: LiveState;
  /** Account ids in the order the console lists them. */
  accountOrder(): string[];
  provider(accountId: string): ApplicationProvider;
  rolloutActions: RolloutActions;
  /** The request's session as it is now (a stream re-checks it on every heartbeat). */
  session(req: Request): Promise<SessionRecord | undefined>;
  /** The request's display link as it is now; throws once it is revoked or expired. */
  display(req: Request): Promise<DisplayGrant | undefined>;
  /** Series of chosen applications for wallboard tiles. */
  wallApps(apps: { accountId: string; appId: string }[], rangeMinutes: number): Promise<WallApp[]>;
  /** False when no watcher runs (a console configured without live state): streams are refused. */
  enabled: boolean;
  /** Heartbeat (and session check) of a person's stream. */
  heartbeatMs?: number;
  /** Heartbeat (and link check) of a wall screen's stream: a revocation stops it within this. */
  displayHeartbeatMs?: number;
}

interface StreamOptions {
  role: Role;
  /** Only events of these accounts (all when undefined). */
  accounts: ReadonlySet<string> | undefined;
  /** Whether rollout events go out too (not to wall screens: they show no rollout page). */
  rollouts: boolean;
  heartbeatMs: number;
  /** Checked on every heartbeat: undefined while the reader may go on, else why it may not. */
  recheck(): Promise<{ state: 'ended' | 'revoked' | 'expired'; message?: string } | undefined>;
}

const KINDS: Record<InboxAction, RolloutActionKind> = {
  confirm: 'confirm-batch',
  extend: 'extend-batch',
  abort: 'abort',
  'abort-and-rollback': 'abort-and-rollback',
};

const itemForRole = (role: Role, item: WaitingItem): WaitingItem => ({
  ...item,
  actions: actionsForRole(role, item.actions),
});

const accountForRole = (role: Role, account: AccountLive): AccountLive => ({
  ...account,
  waiting: account.waiting.map((item) => itemForRole(role, item)),
});

/** What one stream sends of an event: the user's role decides which actions it offers. */
function eventData(role: Role, event: LiveEvent): unknown {
  if (event.name === 'account') return accountForRole(role, event.data as AccountLive);
  if (event.name === 'rollout') {
    const { accountId, rollout } = event.data as RolloutEvent;
    return { accountId, rollout: rolloutForRole(role, rollout) } satisfies RolloutEvent;
  }
  return event.data;
}

const frame = (id: string, name: string, data: unknown) =>
  `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** The operations center's routes: overview, inbox (and acting on it), and the event stream. */
export function liveHandlers(deps: LiveHandlerDeps): HandlersOf<LiveRoutes> & { endStreams(): void } {
  const { live } = deps;
  const streams = new Set<Response>();

  const ordered = (): AccountLive[] => {
    const order = new Map(deps.accountOrder().map((id, index) => [id, index]));
    return live.hub
      .accountsLive()
      .filter((a) => order.has(a.accountId))
      .sort((a, b) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0));
  };

  /**
   * One event stream: what the reader missed since its last event id (or a reset and every account),
   * then every change as it happens, and a heartbeat that re-checks the reader may still read.
   */
  const stream = (req: Request, res: Response, queryLastId: string | undefined, options: StreamOptions) => {
    if (!deps.enabled) {
      // Nothing would ever come: the pages are told to refresh on their own instead.
      throw new HttpError(
        404,
        'LiveStateOff',
        'This console runs without live state; pages refresh on their own.',
      );
    }
    const { role, accounts } = options;
    const wanted = (event: LiveEvent) =>
      (event.name !== 'rollout' || options.rollouts) &&
      (accounts === undefined || event.accountId === undefined || accounts.has(event.accountId));
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    streams.add(res);
    const send = (event: LiveEvent) => {
      if (wanted(event)) res.write(frame(event.id, event.name, eventData(role, event)));
    };
    const unsubscribe = live.hub.subscribe(send);
    live.touch();
    const lastEventId = req.get('last-event-id') ?? queryLastId;
    const missed = lastEventId ? live.hub.since(lastEventId) : undefined;
    if (missed) {
      for (const event of missed) send(event);
    } else {
      // A new stream, or one whose gap cannot be told: a reset (for a reader that held something),
      // then every account as it is now.
      const id = live.hub.lastEventId();
      if (lastEventId) res.write(frame(id, 'reset', {}));
      for (const account of ordered()) {
        if (accounts === undefined || accounts.has(account.accountId)) {
          res.write(frame(id, 'account', accountForRole(role, account)));
        }
      }
    }
    const heartbeat = setInterval(() => {
      void options.recheck().then(
        (stop) => {
          if (!stop) {
            res.write(': ping\n\n');
            live.touch();
            return;
          }
          res.write(frame(live.hub.lastEventId(), 'session', stop));
          res.end();
        },
        () => res.write(': ping\n\n'),
      );
    }, options.heartbeatMs);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  };

  /** The accounts a wallboard reads: those asked for, within those its display link names. */
  const wallAccounts = (display: DisplayGrant | undefined, asked: string[] | undefined) => {
    if (!display) return asked ? new Set(asked) : undefined;
    const granted = new Set(display.accountIds);
    return new Set((asked ?? display.accountIds).filter((id) => granted.has(id)));
  };

  return {
    endStreams() {
      for (const res of streams) res.end();
      streams.clear();
    },

    async getOverview({ session }) {
      live.touch();
      return {
        generatedAt: new Date().toISOString(),
        accounts: ordered().map((a) => accountForRole(session.user.role, a)),
      };
    },

    async getInbox({ session }) {
      live.touch();
      const accounts = ordered();
      const items = accounts
        .flatMap((a) => a.waiting)
        .map((item) => itemForRole(session.user.role, item))
        .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.key.localeCompare(b.key));
      return {
        generatedAt: new Date().toISOString(),
        items,
        unreachable: accounts
          .filter((a) => a.state === 'unreachable')
          .map(({ accountId, accountName, error, checkedAt }) => ({
            accountId,
            accountName,
            checkedAt,
            ...(error ? { error } : {}),
          })),
      };
    },

    async actOnInbox({ body, session }) {
      // Each item is its own rollout action (lock, fresh read, bound batch, key, audit): one refusal
      // stops none of the others.
      const results = await mapLimited(body.actions, 4, async (item): Promise<InboxActionResult> => {
        const { accountId, rolloutId, batchId, action } = item;
        const base = { accountId, rolloutId, batchId, action };
        try {
          const reply = await deps.rolloutActions.perform({
            kind: KINDS[action],
            accountId,
            rolloutId,
            // Abort and roll back acts on the whole rollout; every other action on the batch shown.
            ...(action === 'abort-and-rollback' ? {} : { batchId }),
            idempotencyKey: item.idempotencyKey,
            provider: deps.provider(accountId),
            session,
          });
          const answer = reply.body as Partial<RolloutActionResult> & { error?: InboxActionResult['error'] };
          return {
            ...base,
            status: reply.status,
            ...(answer.outcome ? { outcome: answer.outcome } : {}),
            ...(answer.error ? { error: answer.error } : {}),
          };
        } catch (error) {
          const http = toHttpError(error);
          return {
            ...base,
            status: http.status,
            error: {
              code: http.code,
              message: http.message,
              ...(http.extra.upstream ? { upstream: http.extra.upstream } : {}),
            },
          };
        }
      });
      for (const accountId of new Set(body.actions.map((a) => a.accountId))) live.poke(accountId);
      return { results };
    },

    async streamEvents({ req, res, session, query }) {
      stream(req, res, query.lastEventId, {
        role: session.user.role,
        accounts: undefined,
        rollouts: true,
        heartbeatMs: deps.heartbeatMs ?? 15_000,
        recheck: async () => ((await deps.session(req)) ? undefined : { state: 'ended' }),
      });
      return new Streamed();
    },

    async getWall({ query, session, display }) {
      live.touch();
      const allowed = wallAccounts(display, query.accounts);
      return {
        generatedAt: new Date().toISOString(),
        display: display ? { name: display.name, expiresAt: display.expiresAt } : null,
        accounts: ordered()
          .filter((a) => allowed === undefined || allowed.has(a.accountId))
          .map((a) => accountForRole(display ? 'viewer' : session.user.role, a)),
      };
    },

    async getWallApps({ query, display }) {
      // A display link charts only applications of the accounts it names; the others are left out.
      const granted = display ? new Set(display.accountIds) : undefined;
      const apps = query.apps.filter((a) => granted === undefined || granted.has(a.accountId));
      return { apps: await deps.wallApps(apps, query.range) };
    },

    async streamWall({ req, res, session, display, query }) {
      stream(req, res, undefined, {
        role: display ? 'viewer' : session.user.role,
        accounts: wallAccounts(display, query.accounts),
        rollouts: false,
        heartbeatMs: display ? (deps.displayHeartbeatMs ?? 5_000) : (deps.heartbeatMs ?? 15_000),
        recheck: async () => {
          if (!display) return (await deps.session(req)) ? undefined : { state: 'ended' };
          try {
            return (await deps.display(req)) ? undefined : { state: 'revoked' };
          } catch (error) {
            const code = error instanceof HttpError ? error.code : '';
            return {
              state: code === 'DisplayLinkExpired' ? 'expired' : 'revoked',
              message: (error as Error).message,
            };
          }
        },
      });
      return new Streamed();
    },
  };
}
