import { randomBytes } from 'node:crypto';
import type { AccountLive, LiveEventName, Rollout } from '@console/contract';
import type { Publication } from './account-watcher';

export interface LiveEvent {
  /** `<epoch>.<sequence>`: the epoch names this process, so that an id from another one is a gap. */
  id: string;
  name: LiveEventName;
  accountId?: string;
  data: unknown;
}

/** Events kept for clients that come back after a short break (a reconnect, a hidden tab). */
const KEEP_EVENTS = 1_000;
/** How long a read of the overview or the inbox counts as someone watching. */
const WATCH_AFTER_READ_MS = 30_000;

/**
 * The one place that knows what is waiting: the latest state of every account, the open rollouts its
 * watcher follows, and the events that moved them, for every stream of this process.
 */
export class LiveHub {
  readonly epoch = randomBytes(4).toString('hex');
  private sequence = 0;
  private readonly accounts = new Map<string, AccountLive>();
  private readonly rollouts = new Map<string, { json: string; accountId: string; rollout: Rollout }>();
  private readonly events: LiveEvent[] = [];
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  /** Streams open per account ('*' for all), and reads that count as watching until a time. */
  private streams = 0;
  private watchedUntil = 0;

  /** Applies what a watcher (here or on the leading instance) published; emits only what changed. */
  apply(publication: Publication): void {
    const { live } = publication;
    const known = this.accounts.get(live.accountId);
    if (known && known.version >= live.version && known.checkedAt === live.checkedAt) return;
    this.accounts.set(live.accountId, live);
    if (!known || known.version !== live.version) this.emit('account', live, live.accountId);
    for (const rollout of publication.rollouts) {
      const key = `${live.accountId}/${rollout.id}`;
      const json = JSON.stringify(rollout);
      if (this.rollouts.get(key)?.json === json) continue;
      this.rollouts.set(key, { json, accountId: live.accountId, rollout });
      this.emit('rollout', { accountId: live.accountId, rollout }, live.accountId);
    }
    // Rollouts no longer published are finished and told: keep none of them.
    const current = new Set(publication.rollouts.map((r) => `${live.accountId}/${r.id}`));
    for (const [key, entry] of this.rollouts) {
      if (entry.accountId === live.accountId && !current.has(key)) this.rollouts.delete(key);
    }
  }

  /** Forgets an account that was removed. */
  remove(accountId: string): void {
    this.accounts.delete(accountId);
    for (const [key, entry] of this.rollouts) if (entry.accountId === accountId) this.rollouts.delete(key);
  }

  account(accountId: string): AccountLive | undefined {
    return this.accounts.get(accountId);
  }

  accountsLive(): AccountLive[] {
    return [...this.accounts.values()];
  }

  /** Tells every stream to read everything again (e.g. this instance just became a follower). */
  reset(): void {
    this.emit('reset', {});
  }

  private emit(name: LiveEventName, data: unknown, accountId?: string): void {
    this.sequence += 1;
    const event: LiveEvent = {
      id: `${this.epoch}.${this.sequence}`,
      name,
      data,
      ...(accountId ? { accountId } : {}),
    };
    this.events.push(event);
    if (this.events.length > KEEP_EVENTS) this.events.splice(0, this.events.length - KEEP_EVENTS);
    for (const listener of this.listeners) listener(event);
  }

  /**
   * The events after `lastEventId`, or undefined when they cannot be told (another process's id, or
   * older than what is kept): the client must then read everything again.
   */
  since(lastEventId: string): LiveEvent[] | undefined {
    const [epoch, seq] = lastEventId.split('.');
    const n = Number(seq);
    if (epoch !== this.epoch || !Number.isInteger(n) || n > this.sequence) return undefined;
    const oldest = this.events[0];
    const oldestSeq = oldest ? Number(oldest.id.split('.')[1]) : this.sequence + 1;
    if (n < oldestSeq - 1) return undefined;
    return this.events.filter((e) => Number(e.id.split('.')[1]) > n);
  }

  /** The id a new stream starts after: everything up to now is in what it reads first. */
  lastEventId(): string {
    return `${this.epoch}.${this.sequence}`;
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    this.streams += 1;
    return () => {
      if (this.listeners.delete(listener)) this.streams -= 1;
    };
  }

  /** Someone read the overview or the inbox: watch closely for a while. */
  touch(): void {
    this.watchedUntil = Date.now() + WATCH_AFTER_READ_MS;
  }

  /** Whether anyone on this instance watches: an open stream, or a recent read. */
  watched(): boolean {
    return this.streams > 0 || Date.now() < this.watchedUntil;
  }

  streamCount(): number {
    return this.streams;
  }
}
