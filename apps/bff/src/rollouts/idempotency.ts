import type { Database } from '../db/database';

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

  async put(scope: string, key: string, username: string, reply: StoredReply): Promise<void> {
    await this.db.query(
      `INSERT INTO idempotency (scope, key, username, status, body, fingerprint) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, key) DO NOTHING`,
      [scope, key, username, reply.status, JSON.stringify(reply.body), reply.fingerprint],
    );
  }

  async purgeOlderThan(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency WHERE created_at < now() - make_interval(hours => $1)`, [
      hours,
    ]);
  }
}
