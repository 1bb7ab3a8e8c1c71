import type { Request } from 'express';
import type { Logger } from 'pino';
import type { SessionRecord } from '../auth/sessions';
import type { AccountConfig } from '../config';
import type { Database } from '../db/database';
import { NotFoundError } from '../http/errors';
import type { DisplayGrant } from '../http/routing';
import type { ApplicationProvider } from '../providers';
import type { RolloutActions } from '../rollouts/rollout-actions';
import { mapLimited } from '../upstream/map-limited';
import type { LiveCadence } from './account-watcher';
import { coordinationFor } from './coordination';
import { type LiveHandlerDeps, liveHandlers } from './live-handlers';
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
  /** Series of chosen applications for wallboard tiles. */
  wallApps: LiveHandlerDeps['wallApps'];
  /** Takes one sample of an application whose product keeps no history the console shows (SAE, AS). */
  sample?(config: AccountConfig, appId: string): Promise<void>;
}

/** Samples every application given, two at a time (the account's quota is shared with people). */
const sampleAll =
  (config: AccountConfig, sample: NonNullable<LiveDeps['sample']>) =>
  async (appIds: string[]): Promise<void> => {
    await mapLimited(appIds, 2, (appId) => sample(config, appId).catch(() => undefined));
  };

/** The operations center: live state of every account, its routes, and the event stream. */
export function openLive(deps: LiveDeps) {
  const live = new LiveState({
    accounts: () =>
      deps.accounts().map(({ config, live: source }) => ({
        account: { id: config.id, name: config.name, product: config.product, regionId: config.regionId },
        source,
        ...(deps.sample ? { sample: sampleAll(config, deps.sample) } : {}),
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
    enabled: deps.cadence !== 'off',
    wallApps: deps.wallApps,
  });
  return { live, handlers };
}
