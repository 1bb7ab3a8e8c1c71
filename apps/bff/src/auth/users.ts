import type { Role, User } from '@console/contract';
import type { Database } from '../db/database';
import { HttpError } from '../http/errors';
import { hashPassword, newPasswordProblem, verifyPassword } from './passwords';

export interface UserSeed {
  username: string;
  password: string;
  role: Role;
}

export interface StoredUser extends User {
  createdAt: string;
}

/** A 400 naming the password rule that failed, on the field that carried the password. */
export function weakPasswordError(problem: string, field: string): HttpError {
  return new HttpError(400, 'WeakPassword', `${field} ${problem}.`, { field });
}

export class UserStore {
  /** A hash computed once so that an unknown user costs as much time as a wrong password. */
  private decoyHash: Promise<string> | undefined;

  constructor(private readonly db: Database) {}

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row?.n ?? 0;
  }

  /**
   * Creates the user unless one with that name exists; never overwrites a stored password. A seed
   * (demo users, the first admin from the environment) obeys the same password rules as any user.
   */
  async ensure(seed: UserSeed): Promise<void> {
    const problem = newPasswordProblem(seed.password, seed.username);
    if (problem) throw new Error(`The password of the configured user "${seed.username}" ${problem}.`);
    const hash = await hashPassword(seed.password);
    await this.db.query(
      'INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING',
      [seed.username, hash, seed.role],
    );
  }

  /** Creates a user for an admin: 400 on a weak password, 409 when the name is taken. */
  async create(seed: UserSeed): Promise<StoredUser> {
    const problem = newPasswordProblem(seed.password, seed.username);
    if (problem) throw weakPasswordError(problem, 'password');
    const hash = await hashPassword(seed.password);
    const [row] = await this.db.query<{ created_at: Date }>(
      `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT (username) DO NOTHING RETURNING created_at`,
      [seed.username, hash, seed.role],
    );
    if (!row) {
      throw new HttpError(409, 'UserExists', `A user named "${seed.username}" already exists.`, {
        field: 'username',
      });
    }
    return { username: seed.username, role: seed.role, createdAt: new Date(row.created_at).toISOString() };
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.db.query<{ username: string; role: Role; created_at: Date }>(
      'SELECT username, role, created_at FROM users ORDER BY username',
    );
    return rows.map((r) => ({
      username: r.username,
      role: r.role,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** Stores a new password for a user whose current password was just verified. */
  async setPassword(username: string, password: string): Promise<void> {
    const problem = newPasswordProblem(password, username);
    if (problem) throw weakPasswordError(problem, 'newPassword');
    await this.db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [
      username,
      await hashPassword(password),
    ]);
  }

  async authenticate(username: string, password: string): Promise<User | undefined> {
    const [row] = await this.db.query<{ username: string; password_hash: string; role: Role }>(
      'SELECT username, password_hash, role FROM users WHERE username = $1',
      [username],
    );
    if (!row) {
      this.decoyHash ??= hashPassword('decoy-password-1');
      await verifyPassword(password, await this.decoyHash);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash))
      ? { username: row.username, role: row.role }
      : undefined;
  }
}
