import pg from 'pg';
import { KeyedLock } from '../rollouts/keyed-lock';
import { type Database, migrate, type Queryable, type SessionLocks } from './database';

export interface PostgresOptions {
  /** Connections for queries and transactions. */
  poolSize?: number;
  /** Connections that only hold locks (one per key held at a time in this process). */
  lockPoolSize?: number;
  /** Told about connections the server dropped while idle; without it they are ignored. */
  onError?: (error: Error) => void;
}

/** Class of the two-key advisory locks taken by withLock (the one-key space holds migrations). */
const LOCK_CLASS = 72_406;
/** Class of the locks held for a long time (leadership of an account's watcher). */
const SESSION_LOCK_CLASS = 72_407;

/** The URL with its password replaced, fit for a log line. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function queryable(client: pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

/**
 * Runs fn on one checked-out connection; a connection that failed is destroyed rather than put
 * back, so the next caller never inherits a broken session or an open transaction.
 */
async function onClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onLost = (error: Error) => {
    broken = error;
  };
  client.on('error', onLost);
  try {
    return await fn(client);
  } catch (error) {
    if (!broken) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(broken);
  }
}

/**
 * A real PostgreSQL server through a connection pool: the same schema and migrations as the
 * embedded database, shared by every console instance pointed at it.
 */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const settings = { connectionString: url, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 };
  const pool = new pg.Pool({ ...settings, max: options.poolSize ?? 10 });
  // Lock holders wait on their own connections, so that they can never starve the queries they run.
  const lockPool = new pg.Pool({ ...settings, max: options.lockPoolSize ?? 10 });
  const onError = options.onError ?? (() => undefined);
  pool.on('error', onError);
  lockPool.on('error', onError);
  // One waiter per key and process holds a connection; the others queue here.
  const local = new KeyedLock();

  const listeners = new Set<() => Promise<void>>();

  /** One connection of its own per channel, reconnected a second after the server drops it. */
  async function listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    let stopped = false;
    const connect = async (again: boolean): Promise<void> => {
      const c = new pg.Client(settings);
      c.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload || undefined);
      });
      c.on('error', (error) => {
        onError(error);
        c.end().catch(() => undefined);
        if (client === c) client = undefined;
        if (!stopped) schedule();
      });
      // The server may also end the connection without an error (a restart, an administrator).
      c.on('end', () => {
        if (client !== c) return;
        client = undefined;
        if (!stopped) schedule();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      } catch (error) {
        await c.end().catch(() => undefined);
        throw error;
      }
      if (stopped) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      if (again) onNotify();
    };
    const schedule = () => {
      clearTimeout(retry);
      retry = setTimeout(() => {
        connect(true).catch((error: Error) => {
          onError(error);
          if (!stopped) schedule();
        });
      }, 1_000);
      retry.unref();
    };
    await connect(false);
    const stop = async () => {
      stopped = true;
      clearTimeout(retry);
      listeners.delete(stop);
      await client?.end().catch(() => undefined);
      client = undefined;
    };
    listeners.add(stop);
    return stop;
  }

  /** Session-level advisory locks on one connection of their own, made when first needed. */
  function sessionLocks(): SessionLocks {
    let client: Promise<pg.Client> | undefined;
    const held = new Set<string>();
    const lost = new Set<() => void>();
    let closed = false;
    const drop = (c: pg.Client) => {
      c.end().catch(() => undefined);
      client = undefined;
      if (held.size === 0) return;
      held.clear();
      for (const callback of lost) callback();
    };
    const connection = (): Promise<pg.Client> => {
      if (closed) return Promise.reject(new Error('session locks closed'));
      if (!client) {
        const c = new pg.Client(settings);
        c.on('error', (error) => {
          onError(error);
          drop(c);
        });
        c.on('end', () => {
          if (!closed) drop(c);
        });
        client = c.connect().then(
          () => c,
          (error: Error) => {
            client = undefined;
            throw error;
          },
        );
      }
      return client;
    };
    return {
      async tryLock(key) {
        if (held.has(key)) return true;
        const c = await connection();
        const rows = (
          await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
            SESSION_LOCK_CLASS,
            key,
          ])
        ).rows;
        if (rows[0]?.ok) held.add(key);
        return held.has(key);
      },
      async unlock(key) {
        if (!held.delete(key) || !client) return;
        const c = await client;
        await c.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SESSION_LOCK_CLASS, key]);
      },
      onLost(callback) {
        lost.add(callback);
      },
      async close() {
        closed = true;
        held.clear();
        const c = await client?.catch(() => undefined);
        await c?.end().catch(() => undefined);
        client = undefined;
      },
    };
  }

  const db: Database = {
    sessionLocks,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    listen,
    async exec(sql) {
      await pool.query(sql);
    },
    transaction(fn) {
      return onClient(pool, async (client) => {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      });
    },
    withLock(key, fn) {
      return local.run(key, () =>
        onClient(lockPool, async (client) => {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, key]);
          const result = await fn();
          // Nothing was written on this connection: ending its transaction only releases the lock.
          await client.query('ROLLBACK');
          return result;
        }),
      );
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
