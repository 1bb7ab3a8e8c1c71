import type { Logger } from 'pino';

const WATCH_MS = 30 * 60_000;

/**
 * Applications someone looked at in the last half hour, sampled on a timer so that a dashboard left on
 * a screen has a curve, without polling every application of every account. Old samples are purged.
 */
export class Watchlist {
  private readonly watched = new Map<string, { accountId: string; appId: string; until: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly sample: (accountId: string, appId: string) => Promise<unknown>,
    private readonly purgeBefore: (before: Date) => Promise<void>,
    private readonly keepMs: number,
  ) {}

  /** Keeps sampling the application for the next half hour. */
  touch(accountId: string, appId: string): void {
    this.watched.set(`${accountId}/${appId}`, { accountId, appId, until: Date.now() + WATCH_MS });
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
        this.logger.warn(
          { err: { message: (err as Error).message }, app: key },
          `${this.what} sample failed`,
        ),
      );
    }
    await this.purgeBefore(new Date(now - this.keepMs)).catch(() => undefined);
  }
}
