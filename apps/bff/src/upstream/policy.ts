/** How the BFF treats every upstream: timeouts, read retries, the circuit per account and product. */
export interface UpstreamPolicy {
  /** Per attempt: no answer within this is a timeout. */
  timeoutMs: number;
  /** Attempts for an idempotent read (writes are sent once). */
  readAttempts: number;
  /** First backoff step; each retry doubles it, full jitter picks a delay in [0, step]. */
  backoffMs: number;
  /** No backoff step (nor a Retry-After the cloud asked for) is longer than this. */
  maxBackoffMs: number;
  /** A read, all its attempts and waits included, gives up after this. */
  readBudgetMs: number;
  /** Consecutive failed calls (5xx, throttling, reset, timeout) that open an account's circuit. */
  circuitThreshold: number;
  /** How long an open circuit answers at once before one probe call is let through. */
  circuitCooldownMs: number;
}

export const DEFAULT_UPSTREAM_POLICY: Readonly<UpstreamPolicy> = Object.freeze({
  timeoutMs: 10_000,
  readAttempts: 3,
  backoffMs: 200,
  maxBackoffMs: 2_000,
  readBudgetMs: 15_000,
  circuitThreshold: 5,
  circuitCooldownMs: 10_000,
});

let current: UpstreamPolicy = { ...DEFAULT_UPSTREAM_POLICY };

/** The policy every client reads on each call, so that a change applies at once. */
export function upstreamPolicy(): Readonly<UpstreamPolicy> {
  return current;
}

/** Changes the policy (tests shorten the waits); returns the previous one so that it can be restored. */
export function configureUpstream(change: Partial<UpstreamPolicy>): UpstreamPolicy {
  const previous = current;
  current = { ...current, ...change };
  return previous;
}

/** What a client learns about its account when it is made: the circuit's name and where it logs. */
export interface UpstreamScope {
  account: string;
  /** Receives a line whenever a circuit opens, probes or closes. */
  log?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

let constructing: UpstreamScope | undefined;

/**
 * Builds one account's clients: every HttpClient made inside `build` belongs to that account, so its
 * circuit is the account's and its messages name it. Clients are made synchronously at start-up.
 */
export function forUpstreamAccount<T>(scope: UpstreamScope, build: () => T): T {
  const outer = constructing;
  constructing = scope;
  try {
    return build();
  } finally {
    constructing = outer;
  }
}

/** The scope of the client being made now, if any. */
export function currentUpstreamScope(): UpstreamScope | undefined {
  return constructing;
}
