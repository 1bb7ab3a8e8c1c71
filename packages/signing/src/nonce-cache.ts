/** Remembers nonces for a fixed window so that a replayed request is refused. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the nonce and answers whether it had been seen within the window. */
  seenBefore(nonce: string): boolean {
    const now = this.now();
    if (this.seen.size > 10_000) this.prune(now);
    const at = this.seen.get(nonce);
    if (at !== undefined && now - at <= this.windowMs) return true;
    this.seen.set(nonce, now);
    return false;
  }

  private prune(now: number): void {
    for (const [nonce, at] of this.seen) if (now - at > this.windowMs) this.seen.delete(nonce);
  }
}
