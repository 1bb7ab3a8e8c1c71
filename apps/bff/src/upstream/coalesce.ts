interface Entry {
  value: Promise<unknown>;
  /** When the load settled; undefined while it is in flight. */
  settledAt?: number;
}

/**
 * Shares one upstream read among every caller that asks for the same thing while it is in flight,
 * and keeps the answer for `ttlMs` after: upstream quotas, not the BFF, are the real limit.
 */
export class ReadCoalescer {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && (hit.settledAt === undefined || Date.now() - hit.settledAt < this.ttlMs)) {
      return hit.value as Promise<T>;
    }
    const entry: Entry = { value: load() };
    this.entries.set(key, entry);
    entry.value.then(
      () => {
        entry.settledAt = Date.now();
        if (this.ttlMs <= 0 && this.entries.get(key) === entry) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    if (this.entries.size > 5_000) this.prune();
    return entry.value as Promise<T>;
  }

  /** Forgets everything about a resource after a change to it. */
  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && now - entry.settledAt >= this.ttlMs) this.entries.delete(key);
    }
  }
}
