import type { CapacityHistory } from '@console/contract';
import type { Logger } from 'pino';
import type { InsightsProvider } from '../providers';
import type { CapacityStore } from './capacity-store';
import { Watchlist } from './watchlist';

const KEEP_MS = 8 * 24 * 3_600_000;

type CapacityReader = Required<Pick<InsightsProvider, 'capacity'>>;

/**
 * A group's size over time: the cloud's scaling activities (when each began and what it reached) merged
 * with the console's own samples of the groups someone is looking at.
 */
export class CapacityWatcher {
  private readonly watchlist: Watchlist;

  constructor(
    private readonly store: CapacityStore,
    intervalMs: number,
    logger: Logger,
    private readonly providerOf: (accountId: string) => CapacityReader | undefined,
  ) {
    this.watchlist = new Watchlist(
      'capacity',
      intervalMs,
      logger,
      (accountId, appId) => this.sample(accountId, appId),
      (before) => store.purgeBefore(before),
      KEEP_MS,
    );
  }

  async read(provider: CapacityReader, accountId: string, appId: string, rangeMinutes: number) {
    this.watchlist.touch(accountId, appId);
    const { now, activities } = await provider.capacity(appId);
    await this.store.record(accountId, appId, now);
    // The range ends now on the cloud's clock, which its activities and the console's samples share.
    const from = now.at - rangeMinutes * 60_000;
    const samples = await this.store.since(accountId, appId, new Date(from));
    const points = [...activities.filter((p) => p.at >= from), ...samples].sort((a, b) => a.at - b.at);
    const history: CapacityHistory = { now, points };
    return history;
  }

  /** One sample now (the operations center's watcher takes one of every application, steadily). */
  async sample(accountId: string, appId: string): Promise<void> {
    const provider = this.providerOf(accountId);
    if (!provider) throw new Error(`unknown account ${accountId}`);
    const { now } = await provider.capacity(appId, false);
    await this.store.record(accountId, appId, now);
  }

  start(): void {
    this.watchlist.start();
  }

  stop(): void {
    this.watchlist.stop();
  }
}
