import type {
  AccountLive,
  ApplicationSummary,
  ConsoleStatus,
  Product,
  RecentFailure,
  Rollout,
  RunningRollout,
  WaitingItem,
} from '@console/contract';
import { HttpError } from '../http/errors';
import { UpstreamError } from '../upstream/errors';
import { mapLimited } from '../upstream/map-limited';
import type { LiveSource, WaitFacts } from './source';

export interface WatchedAccount {
  id: string;
  name: string;
  product: Product;
  regionId: string;
}

/** How often the watcher looks; every figure in milliseconds. */
export interface LiveCadence {
  /** Whole account (every application's state) while someone watches it. */
  sweepWatchedMs: number;
  /** Whole account while nobody does. */
  sweepIdleMs: number;
  /** Open rollouts while someone watches the account. */
  trackWatchedMs: number;
  /** Open rollouts while nobody does. */
  trackIdleMs: number;
  /** Longest wait after failures (throttling, an unreachable cloud). */
  maxBackoffMs: number;
  /** Samples of what the cloud keeps no history of (SAE usage, AS capacity), of every application. */
  sampleMs: number;
}

export const DEFAULT_CADENCE: LiveCadence = {
  sweepWatchedMs: 5_000,
  sweepIdleMs: 30_000,
  trackWatchedMs: 1_000,
  trackIdleMs: 10_000,
  maxBackoffMs: 60_000,
  sampleMs: 60_000,
};

export interface Publication {
  live: AccountLive;
  /** The open rollouts the watcher follows (and those that just finished), as the rollout page shows them. */
  rollouts: Rollout[];
}

const DAY_MS = 24 * 3_600_000;
const OPEN = new Set(['preparing', 'running', 'waiting']);
const STATUSES: ConsoleStatus[] = ['running', 'stopped', 'deploying', 'waiting', 'failed', 'unknown'];
/** Reads of one account in flight at once: the clouds' quotas are per account. */
const CONCURRENCY = 4;

const throttled = (error: unknown) =>
  error instanceof UpstreamError &&
  (error.body.httpStatus === 429 || /Throttl/i.test(error.body.code) || error.body.code.endsWith('0308'));

function describe(error: unknown): NonNullable<AccountLive['error']> {
  if (error instanceof UpstreamError) {
    return { code: error.body.code, message: error.body.message, upstream: error.body };
  }
  if (error instanceof HttpError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.extra.upstream ? { upstream: error.extra.upstream } : {}),
    };
  }
  return { code: 'UpstreamUnavailable', message: (error as Error).message };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The cloud's time of a rollout field when it is unambiguous (a zone or epoch), else undefined. */
function cloudTime(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (!value || !/(Z|[+-]\d\d:?\d\d)$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Keeps one account's live state: every application's state on a slow sweep, the open rollouts on a
 * fast one, each faster while someone watches. One per account and console (or per cluster, with a
 * shared database: only the leader's runs), never one per viewer.
 */
export class AccountWatcher {
  private apps: ApplicationSummary[] = [];
  /** Rollouts read so far, by id: open ones are re-read, finished ones are not (they no longer change). */
  private readonly rollouts = new Map<string, Rollout>();
  private readonly facts = new Map<string, WaitFacts>();
  /** When the console first saw each waiting item, for clouds that do not say. */
  private readonly firstSeen = new Map<string, number>();
  private readonly failures = new Map<string, RecentFailure>();
  private state: AccountLive['state'] = 'starting';
  private error: AccountLive['error'];
  private checkedAt: number | undefined;
  private version = 0;
  private lastPublished = '';
  /** Rollouts open at the last publication: one that finished since goes out once more, finished. */
  private lastOpen = new Set<string>();
  private failuresInRow = 0;
  private sweepTimer: NodeJS.Timeout | undefined;
  private trackTimer: NodeJS.Timeout | undefined;
  private running = false;
  private lastSampleAt = 0;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    readonly account: WatchedAccount,
    private readonly source: LiveSource,
    private readonly cadence: LiveCadence,
    private readonly watched: () => boolean,
    private readonly publish: (publication: Publication) => void,
    private readonly onError: (error: unknown) => void,
    /** Continues from what another instance published (a take-over), so versions keep growing. */
    resumeFrom?: AccountLive,
    /** Records samples of these applications (the product's own history), if the product needs any. */
    private readonly sampler?: (appIds: string[]) => Promise<void>,
  ) {
    if (resumeFrom) {
      this.version = resumeFrom.version;
      for (const f of resumeFrom.failures) this.failures.set(f.rolloutId ?? f.appId, f);
      for (const w of resumeFrom.waiting) this.firstSeen.set(w.key, Date.parse(w.waitingSince));
    }
  }

  start(): void {
    this.running = true;
    this.schedule('sweep', 0);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.sweepTimer);
    clearTimeout(this.trackTimer);
  }

  /** Looks again at once: something was just done to the account from this console. */
  poke(): void {
    if (!this.running) return;
    this.schedule('track', 0);
    this.schedule('sweep', 300);
  }

  /** Runs one look now and waits for it (tests, and the first answer of a new console). */
  async sweepNow(): Promise<void> {
    await this.serial(() => this.sweep());
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.busy.then(fn, fn);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private schedule(what: 'sweep' | 'track', delayMs: number): void {
    if (!this.running) return;
    const run = () => {
      void this.serial(() => (what === 'sweep' ? this.sweep() : this.track())).finally(() =>
        this.schedule(what, this.delay(what)),
      );
    };
    if (what === 'sweep') {
      clearTimeout(this.sweepTimer);
      this.sweepTimer = setTimeout(run, delayMs);
      this.sweepTimer.unref();
    } else {
      clearTimeout(this.trackTimer);
      this.trackTimer = setTimeout(run, delayMs);
      this.trackTimer.unref();
    }
  }

  private delay(what: 'sweep' | 'track'): number {
    const watched = this.watched();
    if (this.failuresInRow > 0) {
      // Backoff with full jitter; throttling counts double.
      const base = Math.min(this.cadence.maxBackoffMs, 2_000 * 2 ** Math.min(this.failuresInRow, 10));
      return Math.max(1_000, Math.random() * base);
    }
    if (what === 'sweep') return watched ? this.cadence.sweepWatchedMs : this.cadence.sweepIdleMs;
    return watched ? this.cadence.trackWatchedMs : this.cadence.trackIdleMs;
  }

  private open(): Rollout[] {
    return [...this.rollouts.values()].filter((r) => OPEN.has(r.status));
  }

  private async sweep(): Promise<void> {
    try {
      const apps = await this.source.applications();
      const wanted = new Map<string, string>();
      for (const app of apps) {
        const id = this.source.rolloutOf(app);
        if (id) wanted.set(id, app.id);
      }
      const toRead = [...wanted.keys()].filter((id) => {
        const known = this.rollouts.get(id);
        return !known || OPEN.has(known.status);
      });
      await this.readRollouts(toRead);
      // Forget rollouts no application points at any more.
      for (const id of this.rollouts.keys()) if (!wanted.has(id)) this.rollouts.delete(id);
      this.apps = apps;
      this.state = 'ok';
      this.error = undefined;
      this.checkedAt = Date.now();
      this.failuresInRow = 0;
      this.sampleIfDue();
    } catch (error) {
      this.failuresInRow += throttled(error) ? 2 : 1;
      this.state = 'unreachable';
      this.error = describe(error);
      this.onError(error);
    }
    this.emit();
  }

  /**
   * Charts over the last hours stay full even when nobody watched: every application with instances
   * is sampled at a low steady cadence, in the background of the sweep and never two rounds at once.
   */
  private sampleIfDue(): void {
    if (!this.sampler || Date.now() - this.lastSampleAt < this.cadence.sampleMs) return;
    this.lastSampleAt = Date.now();
    const ids = this.apps.filter((a) => a.status !== 'stopped' && a.instances > 0).map((a) => a.id);
    this.sampler(ids).catch(this.onError);
  }

  private async track(): Promise<void> {
    const open = this.open();
    if (open.length === 0) return;
    const before = new Map(open.map((r) => [r.id, r.status]));
    try {
      await this.readRollouts(open.map((r) => r.id));
    } catch (error) {
      this.onError(error);
    }
    const moved = [...before].some(([id, status]) => this.rollouts.get(id)?.status !== status);
    this.emit();
    // A rollout that moved changed its application's state too: look at the whole account soon.
    if (moved) this.schedule('sweep', 0);
  }

  private async readRollouts(ids: string[]): Promise<void> {
    await mapLimited(ids, CONCURRENCY, async (id) => {
      let rollout: Rollout;
      try {
        rollout = await this.source.rollout(id);
      } catch (error) {
        // One unreadable rollout does not hide the rest of the account: one deleted meanwhile is
        // forgotten, one the cloud failed to answer keeps what was last read until the next look.
        if (error instanceof HttpError && error.status === 404) this.rollouts.delete(id);
        else this.onError(error);
        return;
      }
      const previous = this.rollouts.get(id);
      this.rollouts.set(id, rollout);
      if (rollout.waitingBatch && this.source.waitFacts) {
        const key = `${rollout.id}/${rollout.waitingBatch.id}`;
        if (previous?.waitingBatch?.id !== rollout.waitingBatch.id || !this.facts.has(key)) {
          this.facts.set(key, await this.source.waitFacts(rollout).catch(() => ({})));
        }
      }
      if (rollout.status === 'failed' || (rollout.status === 'waiting' && rollout.errorMessage)) {
        this.noteFailure(rollout);
      }
    });
  }

  private noteFailure(rollout: Rollout): void {
    const key = rollout.id;
    if (this.failures.has(key)) return;
    const at = cloudTime(rollout.finishTime) ?? Date.now();
    this.failures.set(key, {
      appId: rollout.appId,
      appName: rollout.appName ?? rollout.appId,
      rolloutId: rollout.id,
      at: iso(at),
      message: rollout.errorMessage ?? rollout.nativeStatusName,
    });
  }

  private waitingItems(): WaitingItem[] {
    const items: WaitingItem[] = [];
    const apps = new Map(this.apps.map((a) => [a.id, a]));
    const seen = new Set<string>();
    for (const rollout of this.rollouts.values()) {
      const batch = rollout.waitingBatch;
      if (!batch) continue;
      const key = `${this.account.id}/${rollout.id}/${batch.id}`;
      seen.add(key);
      const facts = this.facts.get(`${rollout.id}/${batch.id}`) ?? {};
      const first = this.firstSeen.get(key) ?? Date.now();
      this.firstSeen.set(key, first);
      // The cloud's word on when it began: the previous batch's end, else the product's own fact.
      const previousEnd = rollout.batches
        .filter((b) => b.index < batch.index)
        .reduce<number | undefined>((max, b) => {
          const end = cloudTime(b.updateTime);
          return end !== undefined && (max === undefined || end > max) ? end : max;
        }, undefined);
      const since = Math.min(facts.since ?? previousEnd ?? first, Date.now());
      const app = apps.get(rollout.appId);
      items.push({
        key,
        accountId: this.account.id,
        accountName: this.account.name,
        product: this.account.product,
        appId: rollout.appId,
        appName: rollout.appName ?? app?.name ?? rollout.appId,
        ...(app?.namespaceId ? { namespaceId: app.namespaceId } : {}),
        rolloutId: rollout.id,
        rolloutTypeLabel: rollout.typeLabel,
        kind: this.source.waitKind,
        batch,
        batchCount: rollout.batchCount,
        nativeStatus: rollout.nativeStatus,
        nativeStatusName: rollout.nativeStatusName,
        waitingSince: iso(since),
        ...(facts.timeout ? { timeout: facts.timeout } : {}),
        health: rollout.health,
        actions: rollout.actions,
      });
    }
    for (const key of this.firstSeen.keys()) if (!seen.has(key)) this.firstSeen.delete(key);
    return items.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.key.localeCompare(b.key));
  }

  private runningRollouts(): RunningRollout[] {
    return this.open()
      .filter((r) => r.status !== 'waiting')
      .map((r) => ({
        rolloutId: r.id,
        appId: r.appId,
        appName: r.appName ?? r.appId,
        status: r.status,
        typeLabel: r.typeLabel,
        batchesDone: r.batches.filter((b) => b.status === 'succeeded').length,
        batchCount: r.batchCount,
      }));
  }

  private recentFailures(): RecentFailure[] {
    const since = Date.now() - DAY_MS;
    for (const [key, f] of this.failures) if (Date.parse(f.at) < since) this.failures.delete(key);
    return [...this.failures.values()].sort((a, b) => b.at.localeCompare(a.at));
  }

  private emit(): void {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ConsoleStatus, number>;
    for (const app of this.apps) byStatus[app.status] += 1;
    const body = {
      accountId: this.account.id,
      accountName: this.account.name,
      product: this.account.product,
      regionId: this.account.regionId,
      state: this.state,
      ...(this.error ? { error: this.error } : {}),
      applications: { total: this.apps.length, byStatus },
      waiting: this.waitingItems(),
      running: this.runningRollouts(),
      failures: this.recentFailures(),
    };
    const open = this.open();
    const finished = [...this.lastOpen]
      .map((id) => this.rollouts.get(id))
      .filter((r): r is Rollout => r !== undefined && !OPEN.has(r.status));
    const rollouts = [...open, ...finished];
    const fingerprint = JSON.stringify([body, rollouts]);
    if (fingerprint === this.lastPublished) return;
    this.lastPublished = fingerprint;
    this.lastOpen = new Set(open.map((r) => r.id));
    this.version += 1;
    const checkedAt = this.checkedAt === undefined ? null : iso(this.checkedAt);
    this.publish({ live: { ...body, checkedAt, version: this.version }, rollouts });
  }
}
