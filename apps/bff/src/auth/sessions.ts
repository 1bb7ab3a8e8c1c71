import { createHash, randomBytes } from 'node:crypto';
import type { Role, User } from '@console/contract';
import type { Database, Queryable } from '../db/database';

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session's last use is written at most this often: a burst of requests costs one write. */
const SEEN_WRITE_MS = 30_000;

/**
 * Server-side sessions; the browser holds only a random token, the database only its hash. A session
 * ends at its absolute lifetime, or earlier once it has been idle (no request by the person) that long.
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
    private readonly idleMs: number = ttlMs,
  ) {}

  /** `via`: a transaction the new session is part of (with its audit record). */
  async create(user: User, via: Queryable = this.db): Promise<{ token: string; session: SessionRecord }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await via.query(
      'INSERT INTO sessions (token_hash, username, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
      [hashToken(token), user.username, csrfToken, expiresAt],
    );
    return { token, session: { user, csrfToken, expiresAt } };
  }

  /**
   * The live session of a token. `active`: the request comes from the person (not a background refresh
   * of a page left open), so it counts as use and postpones the idle timeout.
   */
  async find(token: string, options: { active?: boolean } = {}): Promise<SessionRecord | undefined> {
    const hash = hashToken(token);
    const [row] = await this.db.query<{
      username: string;
      role: Role;
      csrf_token: string;
      expires_at: Date;
      seen_ms: number;
    }>(
      `SELECT s.username, u.role, s.csrf_token, s.expires_at,
              (extract(epoch FROM now() - s.last_seen_at) * 1000)::float8 AS seen_ms
         FROM sessions s JOIN users u ON u.username = s.username
        WHERE s.token_hash = $1 AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2)`,
      [hash, this.idleMs / 1000],
    );
    if (!row) return undefined;
    if (options.active && row.seen_ms > SEEN_WRITE_MS) {
      await this.db.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [hash]);
    }
    return {
      user: { username: row.username, role: row.role },
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
    };
  }

  async destroy(token: string, via: Queryable = this.db): Promise<void> {
    await via.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
  }

  /** Ends every session of a user but the one of `keepToken` (after a password change). */
  async destroyOthers(username: string, keepToken: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE username = $1 AND token_hash <> $2', [
      username,
      hashToken(keepToken),
    ]);
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(
      'DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)',
      [this.idleMs / 1000],
    );
  }
}
