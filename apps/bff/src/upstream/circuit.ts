import { UpstreamError } from './errors';
import { type UpstreamScope, upstreamPolicy } from './policy';

export type CircuitState = 'closed' | 'open' | 'half-open';

/** The code of the answer given at once while an account's circuit is open. */
export const CIRCUIT_OPEN_CODE = 'UpstreamCircuitOpen';

export interface CircuitSnapshot {
  product: string;
  account: string | undefined;
  state: CircuitState;
  consecutiveFailures: number;
  /** The code of the last failure that counted. */
  lastFailure?: string;
  /** While open: when one probe call will be let through (ms epoch). */
  retryAt?: number;
}

/** A call not sent because the account's circuit is open: nothing reached the cloud. */
export class UpstreamCircuitOpenError extends UpstreamError {
  constructor(
    product: string,
    account: string | undefined,
    readonly retryAt: number,
    failures: number,
    lastFailure: string | undefined,
  ) {
    const who = account ? `${product} account ${account}` : product;
    const after = `${failures} consecutive failure${failures === 1 ? '' : 's'}${lastFailure ? ` (last: ${lastFailure})` : ''}`;
    super({
      product,
      // Nothing was sent: what the console itself answers for the cloud is "unavailable".
      httpStatus: 503,
      code: CIRCUIT_OPEN_CODE,
      message: `Upstream circuit open for ${who} after ${after}; the console tries again at ${new Date(retryAt).toISOString()}. Nothing was sent.`,
    });
    this.name = 'UpstreamCircuitOpenError';
  }
}

/** Every circuit made, by account and product, for the tests and diagnostics that look at them. */
const registry = new Map<string, CircuitBreaker>();

const keyOf = (account: string | undefined, product: string) => `${account ?? '-'}/${product}`;

/** The circuit of one account and product (the last one made under that name). */
export function circuitFor(account: string, product: string): CircuitBreaker | undefined {
  return registry.get(keyOf(account, product));
}

export function circuitSnapshots(): CircuitSnapshot[] {
  return [...registry.values()].map((c) => c.snapshot());
}

export function forgetCircuits(): void {
  registry.clear();
}

/**
 * One account's circuit for one product: after `circuitThreshold` consecutive failed calls it opens
 * and answers at once (no call reaches the cloud) for `circuitCooldownMs`; then one probe call goes
 * through (half-open): its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private lastFailure: string | undefined;
  private retryAt = 0;
  private probing = false;

  constructor(
    readonly product: string,
    private readonly scope: UpstreamScope | undefined,
  ) {
    registry.set(keyOf(scope?.account, product), this);
  }

  get account(): string | undefined {
    return this.scope?.account;
  }

  snapshot(): CircuitSnapshot {
    return {
      product: this.product,
      account: this.account,
      state: this.state,
      consecutiveFailures: this.failures,
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
      ...(this.state === 'open' ? { retryAt: this.retryAt } : {}),
    };
  }

  /**
   * Before a call: `call` when closed, `probe` for the one call let through once the cooldown is
   * over; throws UpstreamCircuitOpenError otherwise.
   */
  admit(now = Date.now()): 'call' | 'probe' {
    if (this.state === 'closed') return 'call';
    if (this.state === 'open' && now >= this.retryAt) {
      this.state = 'half-open';
      this.probing = false;
      this.log('info', 'upstream circuit half-open: one probe call goes through');
    }
    if (this.state === 'half-open' && !this.probing) {
      this.probing = true;
      return 'probe';
    }
    const retryAt = this.state === 'open' ? this.retryAt : now + upstreamPolicy().circuitCooldownMs;
    throw new UpstreamCircuitOpenError(this.product, this.account, retryAt, this.failures, this.lastFailure);
  }

  /** The cloud answered (even a refusal of the request itself says the service is up). */
  succeeded(): void {
    const was = this.state;
    this.state = 'closed';
    this.failures = 0;
    this.probing = false;
    this.lastFailure = undefined;
    if (was !== 'closed') this.log('info', 'upstream circuit closed: the probe call succeeded');
  }

  /** A 5xx, a throttling refusal, a reset or a timeout. */
  failed(code: string, now = Date.now()): void {
    this.failures++;
    this.lastFailure = code;
    const { circuitThreshold, circuitCooldownMs } = upstreamPolicy();
    if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= circuitThreshold)) {
      this.state = 'open';
      this.probing = false;
      this.retryAt = now + circuitCooldownMs;
      this.log('warn', 'upstream circuit open: calls are answered at once until the retry time');
    }
  }

  /** The probe ended without telling anything (the call was never sent): let another one try. */
  abandoned(): void {
    this.probing = false;
  }

  private log(level: 'info' | 'warn', message: string): void {
    this.scope?.log?.(
      level,
      {
        product: this.product,
        account: this.account,
        circuit: this.state,
        consecutiveFailures: this.failures,
        lastFailure: this.lastFailure,
        ...(this.state === 'open' ? { retryAt: new Date(this.retryAt).toISOString() } : {}),
      },
      message,
    );
  }
}
