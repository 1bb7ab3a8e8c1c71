import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { KeyedLock } from '../rollouts/keyed-lock';
import { migrations } from './migrations';

export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements at once, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs fn while no other holder of the same key runs it, in this process or in any other process
   * using the same database (several console instances behind a load balancer). fn's own queries go
   * through the database as usual; the lock is released when fn settles or the process dies.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Calls onNotify on each `NOTIFY channel` any process sends (once committed), and once after a lost
   * connection is back, since what was sent meanwhile is lost. Only a database other processes share
   * has it; the embedded one is this process's alone.
   */
  listen?(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  /**
   * Locks held for as long as this process wants them (leadership), on a connection of their own: the
   * server releases them the moment that connection dies. Only a database other processes share has it.
   */
  sessionLocks?(): SessionLocks;
  close(): Promise<void>;
}

export interface SessionLocks {
  /** Takes the lock if nobody holds it; true while this process holds it. */
  tryLock(key: string): Promise<boolean>;
  unlock(key: string): Promise<void>;
  /** Called when the connection holding the locks was lost: none of them is held any more. */
  onLost(callback: () => void): void;
  close(): Promise<void>;
}

/**
 * A migrated in-memory database to copy instead of running initdb and the migrations again: the test
 * suites start a fresh console (and its in-memory database) for almost every file, and initdb in
 * WebAssembly takes seconds. Databases in a directory never use it.
 */
let memoryTemplate: Blob | undefined;

export function startInMemoryDatabasesFrom(template: Blob | undefined): void {
  memoryTemplate = template;
}

/** An in-memory database with every migration applied, as a tar of its data directory. */
export async function migratedTemplate(): Promise<Blob> {
  const pg = await PGlite.create();
  try {
    await migrate(wrap(pg));
    return await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in a directory or in memory.
 * One SQL dialect with a real PostgreSQL server.
 */
export async function openEmbeddedDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir
    ? await PGlite.create(dataDir)
    : await PGlite.create(memoryTemplate ? { loadDataDir: memoryTemplate } : {});
  const db = wrap(pg);
  await migrate(db);
  return db;
}

function wrap(pg: PGlite): Database {
  // Only this process can open the embedded database, so a lock in this process is a lock for all.
  const locks = new KeyedLock();
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pg.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction(fn) {
      return pg.transaction(async (tx) =>
        fn({
          async query<T>(sql: string, params: unknown[] = []) {
            return (await tx.query<T>(sql, params)).rows;
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      );
    },
    withLock(key, fn) {
      return locks.run(key, fn);
    },
    async close() {
      await pg.close();
    },
  };
}

/** Serialises migrations of every process that starts against the same database at the same time. */
const MIGRATION_LOCK = 72_406_001;

/** Applies the migrations not applied yet, all or none, once even when several instances start at once. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}
