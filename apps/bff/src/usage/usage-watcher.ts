import type { Usage } from '@console/contract';
import type { Logger } from 'pino';
import type { ApplicationProvider } from '../providers';
import type { UsageStore } from './usage-store';
import { Watchlist } from './watchlist';

const KEEP_MS = 8 * 24 * 3_600_000;

/** Usage history of the applications someone is looking at: SAE itself only answers with a snapshot. */
export class UsageWatcher {
  private readonly watchlist: Watchlist;

  constructor(
    private readonly store: UsageStore,
    intervalMs: number,
    logger: Logger,
    private readonly providerOf: (accountId: string) => ApplicationProvider | undefined,
  ) {
    this.watchlist = new Watchlist(
      'usage',
      intervalMs,
      logger,
      (accountId, appId) => this.sample(accountId, appId),
      (before) => store.purgeBefore(before),
      KEEP_MS,
    );
  }

  async read(accountId: string, appId: string, rangeMinutes: number): Promise<Usage> {
    this.watchlist.touch(accountId, appId);
    const snapshot = await this.sample(accountId, appId);
    const samples = await this.store.since(accountId, appId, new Date(Date.now() - rangeMinutes * 60_000));
    return { monthToDate: snapshot.monthToDate, now: snapshot.now, samples };
  }

  /** One sample now (the operations center's watcher takes one of every application, steadily). */
  async sample(accountId: string, appId: string) {
    const provider = this.providerOf(accountId);
    if (!provider) throw new Error(`unknown account ${accountId}`);
    const snapshot = await provider.usage(appId);
    await this.store.record(accountId, appId, {
      at: Date.now(),
      cpuCores: snapshot.now.cpuCores,
      memoryGiB: snapshot.now.memoryGiB,
      runningInstances: snapshot.runningInstances,
    });
    return snapshot;
  }

  start(): void {
    this.watchlist.start();
  }

  stop(): void {
    this.watchlist.stop();
  }
}
