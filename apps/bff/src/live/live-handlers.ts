import type {
  AccountLive,
  InboxAction,
  InboxActionResult,
  Role,
  RolloutActionResult,
  RolloutEvent,
  routes,
  WaitingItem,
} from '@console/contract';
import type { Request, Response } from 'express';
import type { SessionRecord } from '../auth/sessions';
import { toHttpError } from '../http/errors';
import { type HandlersOf, Streamed } from '../http/routing';
import type { ApplicationProvider } from '../providers';
import { actionsForRole, rolloutForRole } from '../rollouts/role-actions';
import type { RolloutActionKind, RolloutActions } from '../rollouts/rollout-actions';
import { mapLimited } from '../upstream/map-limited';
import type { LiveEvent } from './live-hub';
import type { LiveState } from './live-state';

type LiveRoutes = Pick<typeof routes, 'getOverview' | 'getInbox' | 'actOnInbox' | 'streamEvents'>;

export interface LiveHandlerDeps {
  live: LiveState;
  /** Account ids in the order the console lists them. */
  accountOrder(): string[];
  provider(accountId: string): ApplicationProvider;
  rolloutActions: RolloutActions;
  /** The request's session as it is now (a stream re-checks it on every heartbeat). */
  session(req: Request): Promise<SessionRecord | undefined>;
  heartbeatMs?: number;
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
      const role = session.user.role;
      res.status(200);
      res.setHeader('content-type', 'text/event-stream; charset=utf-8');
      res.setHeader('x-accel-buffering', 'no');
      res.flushHeaders();
      res.write('retry: 3000\n\n');
      streams.add(res);
      const send = (event: LiveEvent) => {
        res.write(frame(event.id, event.name, eventData(role, event)));
      };
      const unsubscribe = live.hub.subscribe(send);
      live.touch();
      const lastEventId = req.get('last-event-id') ?? query.lastEventId;
      const missed = lastEventId ? live.hub.since(lastEventId) : undefined;
      if (missed) {
        for (const event of missed) send(event);
      } else {
        // A new stream, or one whose gap cannot be told: a reset (for a client that held something),
        // then every account as it is now.
        const id = live.hub.lastEventId();
        if (lastEventId) res.write(frame(id, 'reset', {}));
        for (const account of ordered()) res.write(frame(id, 'account', accountForRole(role, account)));
      }
      const heartbeat = setInterval(() => {
        void deps.session(req).then(
          (now) => {
            if (now) {
              res.write(': ping\n\n');
              live.touch();
              return;
            }
            res.write(frame(live.hub.lastEventId(), 'session', { state: 'ended' }));
            res.end();
          },
          () => res.write(': ping\n\n'),
        );
      }, deps.heartbeatMs ?? 15_000);
      heartbeat.unref();
      res.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
      });
      return new Streamed();
    },
  };
}
