import type { Role, User } from '@console/contract';
import type { Database } from '../db/database';
import { hashPassword, verifyPassword } from './passwords';

export interface UserSeed {
  username: string;
  password: string;
  role: Role;
}

export class UserStore {
  /** A hash computed once so that an unknown user costs as much time as a wrong password. */
  private decoyHash: Promise<string> | undefined;

  constructor(private readonly db: Database) {}

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row?.n ?? 0;
  }

  /** Creates the user unless one with that name exists; never overwrites a stored password. */
  async ensure(seed: UserSeed): Promise<void> {
    const hash = await hashPassword(seed.password);
    await this.db.query(
      'INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING',
      [seed.username, hash, seed.role],
    );
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
