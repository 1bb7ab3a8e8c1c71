import { UpstreamError } from './errors';
import { markStale, staleAllowed } from './stale';

interface Entry {
  value: Promise<unknown>;
  /** When the load settled; undefined while it is in flight. */
  settledAt?: number;
}

interface LastGood {
  value: unknown;
  fetchedAt: number;
}

/** Whether a failed read means the cloud is unavailable (not that the request was wrong). */
export function isUpstreamOutage(error: unknown): boolean {
  return error instanceof UpstreamError && error.retryable;
}

/**
 * Shares one upstream read among every caller that asks for the same thing while it is in flight,
 * and keeps the answer for `ttlMs` after: upstream quotas, not the BFF, are the real limit.
 *
 * It also keeps the last good answer of each read (at most `lastGoodLimit`, least recently used
 * first out): when the cloud is unavailable (retries exhausted, circuit open) a GET request may be
 * answered with it, marked stale with the time it was fetched. A refusal of the request itself (not
 * found, invalid parameter) is never hidden that way.
 */
export class ReadCoalescer {
  private readonly entries = new Map<string, Entry>();
  private readonly lastGood = new Map<string, LastGood>();

  constructor(
    private readonly ttlMs: number,
    private readonly lastGoodLimit = 500,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.shared(key, load).catch((error: unknown) => {
      const kept = this.lastGood.get(key);
      if (!kept || !staleAllowed() || !isUpstreamOutage(error)) throw error;
      markStale(kept.fetchedAt);
      return kept.value as T;
    });
  }

  /** Forgets everything about a resource after a change to it (the last good answers stay, as such). */
  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && (hit.settledAt === undefined || Date.now() - hit.settledAt < this.ttlMs)) {
      return hit.value as Promise<T>;
    }
    const entry: Entry = { value: load() };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        entry.settledAt = Date.now();
        this.remember(key, value, entry.settledAt);
        if (this.ttlMs <= 0 && this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    if (this.entries.size > 5_000) this.prune();
    return entry.value as Promise<T>;
  }

  private remember(key: string, value: unknown, fetchedAt: number): void {
    this.lastGood.delete(key);
    this.lastGood.set(key, { value, fetchedAt });
    while (this.lastGood.size > this.lastGoodLimit) {
      const oldest = this.lastGood.keys().next().value;
      if (oldest === undefined) break;
      this.lastGood.delete(oldest);
    }
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && now - entry.settledAt >= this.ttlMs) this.entries.delete(key);
    }
  }
}
