import type { Database, Queryable } from '../db/database';

export interface StoredReply {
  status: number;
  body: unknown;
  fingerprint: string;
}

/** Answers stored under an idempotency key, so that a replay gets the very same answer. */
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  async get(scope: string, key: string): Promise<StoredReply | undefined> {
    const [row] = await this.db.query<{ status: number; body: unknown; fingerprint: string }>(
      'SELECT status, body, fingerprint FROM idempotency WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    return row ? { status: row.status, body: row.body, fingerprint: row.fingerprint } : undefined;
  }

  /** `via`: a transaction, when the answer is written together with the records of the action. */
  async put(
    scope: string,
    key: string,
    username: string,
    reply: StoredReply,
    via: Queryable = this.db,
  ): Promise<void> {
    await via.query(
      `INSERT INTO idempotency (scope, key, username, status, body, fingerprint) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, key) DO NOTHING`,
      [scope, key, username, reply.status, JSON.stringify(reply.body), reply.fingerprint],
    );
  }

  /**
   * Runs one action of a scope at a time, across every console instance sharing the database, so
   * that the action decides on what the one before it did and stored.
   */
  exclusive<T>(scope: string, action: () => Promise<T>): Promise<T> {
    return this.db.withLock(`idempotency:${scope}`, action);
  }

  /** Writes an answer and what goes with it (the action's audit records) all together or not at all. */
  together<T>(write: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(write);
  }

  async purgeOlderThan(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency WHERE created_at < now() - make_interval(hours => $1)`, [
      hours,
    ]);
  }
}
