import type { Logger } from 'pino';
import {
  AccountWatcher,
  DEFAULT_CADENCE,
  type LiveCadence,
  type Publication,
  type WatchedAccount,
} from './account-watcher';
import type { Coordination } from './coordination';
import { LiveHub } from './live-hub';
import { exportLiveMetrics } from './live-metrics';
import type { LiveSource } from './source';

export interface LiveAccount {
  account: WatchedAccount;
  source: LiveSource;
  /** Records samples of the account's applications, for products whose cloud keeps no history. */
  sample?: (appIds: string[]) => Promise<void>;
}

export interface LiveStateOptions {
  /** The accounts connected now (configured and stored ones); read again on every round. */
  accounts(): LiveAccount[];
  coordination: Coordination;
  logger: Logger;
  cadence?: Partial<LiveCadence>;
  /** How often leadership is sought for the accounts nobody here watches (take-over time). */
  roundMs?: number;
  /** No watcher at all: the hub stays empty. */
  off?: boolean;
}

/**
 * The console's live state: one watcher per account in the whole cluster (the instance that leads the
 * account runs it), its publications shared with every instance, and the hub every stream reads.
 */
export class LiveState {
  readonly hub = new LiveHub();
  private readonly watchers = new Map<string, AccountWatcher>();
  private readonly cadence: LiveCadence;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;
  private unexport: (() => void) | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly options: LiveStateOptions) {
    // A figure that is no number of milliseconds (a typo in the environment) keeps its default.
    const given = Object.entries(options.cadence ?? {}).filter(([, ms]) => Number.isFinite(ms) && ms >= 100);
    this.cadence = { ...DEFAULT_CADENCE, ...Object.fromEntries(given) };
  }

  async start(): Promise<void> {
    this.unexport = exportLiveMetrics(this.hub, (id) => this.watchers.has(id));
    if (this.options.off) {
      this.stopped = true;
      return;
    }
    const { coordination } = this.options;
    coordination.onLeadershipLost(() => {
      // Another instance may lead these accounts now: stop watching, take what it publishes.
      for (const id of [...this.watchers.keys()]) this.stopWatching(id);
      this.hub.reset();
    });
    this.unlisten = await coordination.listen((publication) => {
      if (!this.watchers.has(publication.live.accountId)) this.hub.apply(publication);
    });
    await this.runRound();
    const every = this.options.roundMs ?? 2_000;
    const loop = () => {
      this.timer = setTimeout(() => {
        this.round = this.runRound().finally(() => {
          if (!this.stopped) loop();
        });
      }, every);
      this.timer.unref();
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round.catch(() => undefined);
    for (const id of [...this.watchers.keys()]) this.stopWatching(id);
    await this.unlisten?.();
    await this.options.coordination.close();
    this.unexport?.();
  }

  /** Something was just done to the account: whoever watches it looks again now. */
  poke(accountId: string): void {
    const watcher = this.watchers.get(accountId);
    if (watcher) watcher.poke();
    else void this.options.coordination.poke(accountId).catch(() => undefined);
  }

  /** Marks that someone on this instance watches (a stream, a read): cadences speed up everywhere. */
  touch(): void {
    this.hub.touch();
    void this.options.coordination.markWatched().catch(() => undefined);
  }

  /** Whether the watcher of this account leads here (for tests and the operations log). */
  leads(accountId: string): boolean {
    return this.watchers.has(accountId);
  }

  private stopWatching(accountId: string): void {
    this.watchers.get(accountId)?.stop();
    this.watchers.delete(accountId);
  }

  /** Starts watchers for the accounts this instance may lead, stops those of removed accounts. */
  private async runRound(): Promise<void> {
    const { coordination, logger } = this.options;
    const current = new Map(this.options.accounts().map((a) => [a.account.id, a]));
    for (const id of [...this.watchers.keys()]) {
      if (!current.has(id)) {
        this.stopWatching(id);
        await coordination.resign(id).catch(() => undefined);
        this.hub.remove(id);
      }
    }
    for (const known of this.hub.accountsLive())
      if (!current.has(known.accountId)) this.hub.remove(known.accountId);
    const watchedHere = this.hub.watched();
    if (watchedHere) await coordination.markWatched().catch(() => undefined);
    for (const [id, { account, source, sample }] of current) {
      if (this.watchers.has(id) || this.stopped) continue;
      let leads: boolean;
      try {
        leads = await coordination.tryLead(id);
      } catch (err) {
        logger.warn(
          { err: { message: (err as Error).message }, account: id },
          'live: leadership check failed',
        );
        continue;
      }
      if (!leads) {
        // Someone else watches: show what it last shared until its next change arrives.
        if (!this.hub.account(id)) {
          const shared = await coordination.read(id).catch(() => undefined);
          if (shared) this.hub.apply(shared);
        }
        continue;
      }
      const resumeFrom = (await coordination.read(id).catch(() => undefined))?.live ?? this.hub.account(id);
      const watcher = new AccountWatcher(
        account,
        source,
        this.cadence,
        () => this.hub.watched() || coordination.watchedElsewhere(),
        (publication: Publication) => {
          this.hub.apply(publication);
          coordination
            .share(publication)
            .catch((err: Error) =>
              logger.warn({ err: { message: err.message }, account: id }, 'live: sharing the state failed'),
            );
        },
        (err) =>
          logger.debug(
            { err: { message: (err as Error).message }, account: id },
            'live: look at account failed',
          ),
        resumeFrom,
        sample,
      );
      this.watchers.set(id, watcher);
      coordination.onPoke(id, () => watcher.poke());
      logger.debug({ account: id }, 'live: watching account');
      watcher.start();
    }
  }
}
