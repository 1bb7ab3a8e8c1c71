import { randomUUID } from 'node:crypto';
import { AccountLive, Rollout } from '@console/contract';
import { z } from 'zod';
import type { Database, SessionLocks } from '../db/database';
import type { Publication } from './account-watcher';

/** How instances of one console agree on who watches an account, and share what it sees. */
export interface Coordination {
  /** True while this instance leads the account (it then runs the account's watcher). */
  tryLead(accountId: string): Promise<boolean>;
  resign(accountId: string): Promise<void>;
  /** Called when every leadership of this instance was lost at once (its database connection went). */
  onLeadershipLost(callback: () => void): void;
  /** Hands a leader's publication to every other instance. */
  share(publication: Publication): Promise<void>;
  /** The last publication of the account's leader, if any. */
  read(accountId: string): Promise<Publication | undefined>;
  /** Calls back with each publication another instance shares. */
  listen(callback: (publication: Publication) => void): Promise<() => Promise<void>>;
  /** Someone on this instance watches: the leaders of every account should look often. */
  markWatched(): Promise<void>;
  /** Whether someone on another instance watched recently (as last read). */
  watchedElsewhere(): boolean;
  /** Asks the account's leader, wherever it runs, to look again now. */
  poke(accountId: string): Promise<void>;
  onPoke(accountId: string, callback: () => void): void;
  close(): Promise<void>;
}

/** One console on its own database: it leads every account and shares with nobody. */
export class LocalCoordination implements Coordination {
  async tryLead(): Promise<boolean> {
    return true;
  }
  async resign(): Promise<void> {}
  onLeadershipLost(): void {}
  async share(): Promise<void> {}
  async read(): Promise<undefined> {
    return undefined;
  }
  async listen(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
  async markWatched(): Promise<void> {}
  watchedElsewhere(): boolean {
    return false;
  }
  async poke(): Promise<void> {}
  onPoke(): void {}
  async close(): Promise<void> {}
}

const StoredPublication = z.object({ live: AccountLive, rollouts: z.array(Rollout) });

const STATE_CHANNEL = 'console_live';
const POKE_CHANNEL = 'console_live_poke';
/** A viewer mark lasts this long; instances renew theirs while someone watches. */
const VIEWER_MARK_MS = 30_000;
const MARK_EVERY_MS = 5_000;

/**
 * Instances sharing a PostgreSQL database: an account is led by whoever holds its session-level
 * advisory lock (released by the server the moment the leader's connection dies), the leader writes
 * each publication to `live_state` and announces it with NOTIFY; the others read it from there.
 */
export class PostgresCoordination implements Coordination {
  private readonly instance = randomUUID();
  private readonly pokes = new Map<string, () => void>();
  private lastMark = 0;
  private elsewhere = false;
  private stopListening: (() => Promise<void>)[] = [];

  constructor(
    private readonly db: Database,
    private readonly listenTo: NonNullable<Database['listen']>,
    private readonly locks: SessionLocks,
  ) {}

  tryLead(accountId: string): Promise<boolean> {
    void this.refreshViewers();
    return this.locks.tryLock(`live:${accountId}`);
  }

  resign(accountId: string): Promise<void> {
    return this.locks.unlock(`live:${accountId}`);
  }

  onLeadershipLost(callback: () => void): void {
    this.locks.onLost(callback);
  }

  async share({ live, rollouts }: Publication): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO live_state (account_id, version, data, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, updated_at = now()`,
        [live.accountId, live.version, JSON.stringify({ live, rollouts })],
      );
      await tx.query('SELECT pg_notify($1, $2)', [STATE_CHANNEL, live.accountId]);
    });
  }

  async read(accountId: string): Promise<Publication | undefined> {
    const rows = await this.db.query<{ data: unknown }>('SELECT data FROM live_state WHERE account_id = $1', [
      accountId,
    ]);
    const parsed = StoredPublication.safeParse(rows[0]?.data);
    return parsed.success ? parsed.data : undefined;
  }

  async listen(callback: (publication: Publication) => void): Promise<() => Promise<void>> {
    const deliver = async (accountId: string | undefined) => {
      const ids = accountId
        ? [accountId]
        : (await this.db.query<{ account_id: string }>('SELECT account_id FROM live_state')).map(
            (r) => r.account_id,
          );
      for (const id of ids) {
        const publication = await this.read(id);
        if (publication) callback(publication);
      }
    };
    const stopState = await this.listenTo(
      STATE_CHANNEL,
      (payload) => void deliver(payload).catch(() => undefined),
    );
    const stopPoke = await this.listenTo(POKE_CHANNEL, (payload) => {
      if (payload) this.pokes.get(payload)?.();
    });
    this.stopListening = [stopState, stopPoke];
    return async () => {
      await Promise.all(this.stopListening.map((stop) => stop()));
      this.stopListening = [];
    };
  }

  async markWatched(): Promise<void> {
    const now = Date.now();
    if (now - this.lastMark < MARK_EVERY_MS) return;
    this.lastMark = now;
    await this.db.query(
      `INSERT INTO live_viewers (instance_id, until) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (instance_id) DO UPDATE SET until = EXCLUDED.until`,
      [this.instance, VIEWER_MARK_MS / 1000],
    );
  }

  private async refreshViewers(): Promise<void> {
    const rows = await this.db
      .query<{ n: number }>(
        'SELECT count(*)::int AS n FROM live_viewers WHERE until > now() AND instance_id <> $1',
        [this.instance],
      )
      .catch(() => [{ n: 0 }]);
    this.elsewhere = (rows[0]?.n ?? 0) > 0;
  }

  watchedElsewhere(): boolean {
    return this.elsewhere;
  }

  async poke(accountId: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, accountId]);
  }

  onPoke(accountId: string, callback: () => void): void {
    this.pokes.set(accountId, callback);
  }

  async close(): Promise<void> {
    await this.locks.close();
    await this.db
      .query('DELETE FROM live_viewers WHERE instance_id = $1', [this.instance])
      .catch(() => undefined);
  }
}

/** The coordination a database allows: shared when other instances can use it, else local. */
export function coordinationFor(db: Database): Coordination {
  return db.listen && db.sessionLocks
    ? new PostgresCoordination(db, db.listen.bind(db), db.sessionLocks())
    : new LocalCoordination();
}
