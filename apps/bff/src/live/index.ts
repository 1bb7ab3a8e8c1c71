import type { Request } from 'express';
import type { Logger } from 'pino';
import type { SessionRecord } from '../auth/sessions';
import type { AccountConfig } from '../config';
import type { Database } from '../db/database';
import { NotFoundError } from '../http/errors';
import type { DisplayGrant } from '../http/routing';
import type { ApplicationProvider } from '../providers';
import type { RolloutActions } from '../rollouts/rollout-actions';
import type { LiveCadence } from './account-watcher';
import { coordinationFor } from './coordination';
import { liveHandlers } from './live-handlers';
import { LiveState } from './live-state';
import type { LiveSource } from './source';

export type { LiveCadence } from './account-watcher';
export { LiveState } from './live-state';
export type { LiveSource } from './source';

export interface LiveDeps {
  db: Database;
  logger: Logger;
  /** The accounts connected now, in the order the console lists them. */
  accounts(): { config: AccountConfig; provider: ApplicationProvider; live: LiveSource }[];
  rolloutActions: RolloutActions;
  session(req: Request): Promise<SessionRecord | undefined>;
  display(req: Request): Promise<DisplayGrant | undefined>;
  cadence?: Partial<LiveCadence> | 'off';
}

/** The operations center: live state of every account, its routes, and the event stream. */
export function openLive(deps: LiveDeps) {
  const live = new LiveState({
    accounts: () =>
      deps.accounts().map(({ config, live: source }) => ({
        account: { id: config.id, name: config.name, product: config.product, regionId: config.regionId },
        source,
      })),
    coordination: coordinationFor(deps.db),
    logger: deps.logger,
    ...(deps.cadence === 'off' ? { off: true } : { cadence: deps.cadence }),
  });
  const handlers = liveHandlers({
    live,
    accountOrder: () => deps.accounts().map((a) => a.config.id),
    provider: (accountId) => {
      const found = deps.accounts().find((a) => a.config.id === accountId);
      if (!found) throw new NotFoundError(`No account with id "${accountId}" is configured.`);
      return found.provider;
    },
    rolloutActions: deps.rolloutActions,
    session: deps.session,
    display: deps.display,
  });
  return { live, handlers };
}
