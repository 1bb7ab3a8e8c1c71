import type { Database, Queryable } from '../db/database';

export interface LoginThrottleOptions {
  /** Failed sign-ins of one user name within the window before further attempts are refused. */
  maxFailuresPerUser: number;
  /** Failed sign-ins from one client address (any user name) within the window. */
  maxFailuresPerAddress: number;
  windowMs: number;
}

/**
 * An address gets more attempts than a user name: several operators may sit behind one NAT, while
 * guessing one user's password is what the per-user limit stops.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60_000,
};

const userKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `addr:${address}`;

/**
 * Failed sign-ins counted in the database, so that every BFF instance behind a load balancer sees
 * the same counts. A window starts at the first failure and lasts `windowMs`; while a key has
 * reached its limit, sign-ins for it are refused, even with the right password.
 */
export class LoginThrottle {
  private readonly windowSeconds: number;

  constructor(
    private readonly db: Database,
    private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
  ) {
    this.windowSeconds = options.windowMs / 1000;
  }

  /** Seconds until a sign-in of that user from that address may be tried again; undefined when it may now. */
  async retryAfter(username: string, address: string): Promise<number | undefined> {
    const rows = await this.db.query<{ key: string; failures: number; seconds_left: number }>(
      `SELECT key, failures,
              extract(epoch FROM (window_start + make_interval(secs => $2) - now()))::float8 AS seconds_left
         FROM login_failures
        WHERE key = ANY($1::text[]) AND window_start > now() - make_interval(secs => $2)`,
      [[userKey(username), addressKey(address)], this.windowSeconds],
    );
    let wait: number | undefined;
    for (const row of rows) {
      const limit = row.key.startsWith('user:')
        ? this.options.maxFailuresPerUser
        : this.options.maxFailuresPerAddress;
      if (row.failures < limit) continue;
      const seconds = Math.max(1, Math.ceil(row.seconds_left));
      wait = Math.max(wait ?? 0, seconds);
    }
    return wait;
  }

  async failed(username: string, address: string, via: Queryable = this.db): Promise<void> {
    for (const key of [userKey(username), addressKey(address)]) {
      await via.query(
        `INSERT INTO login_failures (key, failures, window_start) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_failures.window_start <= now() - make_interval(secs => $2)
                           THEN 1 ELSE login_failures.failures + 1 END,
           window_start = CASE WHEN login_failures.window_start <= now() - make_interval(secs => $2)
                               THEN now() ELSE login_failures.window_start END`,
        [key, this.windowSeconds],
      );
    }
  }

  /**
   * A successful sign-in clears the user name's count. The address count stays: one valid account
   * must not let its holder reset the limit on trying other users' passwords.
   */
  async succeeded(username: string, via: Queryable = this.db): Promise<void> {
    await via.query('DELETE FROM login_failures WHERE key = $1', [userKey(username)]);
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(
      'DELETE FROM login_failures WHERE window_start <= now() - make_interval(secs => $1)',
      [this.windowSeconds],
    );
  }
}
