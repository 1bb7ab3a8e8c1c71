import type { Usage } from '@console/contract';
import type { Logger } from 'pino';
import type { ApplicationProvider } from '../providers';
import type { UsageStore } from './usage-store';

const WATCH_MS = 30 * 60_000;
const KEEP_MS = 8 * 24 * 3_600_000;

/**
 * Keeps usage history for applications someone looked at in the last half hour, so that a
 * dashboard left on a screen has a curve, without polling every application of every account.
 */
export class UsageWatcher {
  private readonly watched = new Map<string, { accountId: string; appId: string; until: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: UsageStore,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly providerOf: (accountId: string) => ApplicationProvider | undefined,
  ) {}

  async read(accountId: string, appId: string, rangeMinutes: number): Promise<Usage> {
    this.watched.set(`${accountId}/${appId}`, { accountId, appId, until: Date.now() + WATCH_MS });
    const snapshot = await this.sample(accountId, appId);
    const samples = await this.store.since(accountId, appId, new Date(Date.now() - rangeMinutes * 60_000));
    return { monthToDate: snapshot.monthToDate, now: snapshot.now, samples };
  }

  private async sample(accountId: string, appId: string) {
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
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, entry] of this.watched) {
      if (entry.until < now) {
        this.watched.delete(key);
        continue;
      }
      await this.sample(entry.accountId, entry.appId).catch((err) =>
        this.logger.warn({ err: { message: (err as Error).message }, app: key }, 'usage sample failed'),
      );
    }
    await this.store.purgeBefore(new Date(now - KEEP_MS)).catch(() => undefined);
  }
}
