import { setTimeout as sleep } from 'node:timers/promises';
import { startTestPostgres, type TestPostgres } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { SessionStore } from '../src/auth/sessions';
import { UserStore } from '../src/auth/users';
import type { Database } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { openDatabase } from '../src/db/open-database';
import { openPostgresDatabase, redactDatabaseUrl } from '../src/db/postgres';
import { IdempotencyStore } from '../src/rollouts/idempotency';
import { CapacityStore } from '../src/usage/capacity-store';
import { UsageStore } from '../src/usage/usage-store';

let server: TestPostgres;
let url: string;
/** Two pools on one database, as two console instances would have. */
let one: Database;
let two: Database;
const opened: Database[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  url = await server.createDatabase('storage');
  [one, two] = await Promise.all([openDatabase({ databaseUrl: url }), openDatabase({ databaseUrl: url })]);
  opened.push(one, two);
});

afterAll(async () => {
  for (const db of opened) await db.close().catch(() => undefined);
  await server?.stop();
});

describe('PostgreSQL storage', () => {
  it('applies the migrations once, also when several instances start at the same time', async () => {
    const fresh = await server.createDatabase('concurrent_start');
    const dbs = await Promise.all(Array.from({ length: 5 }, () => openPostgresDatabase(fresh)));
    opened.push(...dbs);
    const first = dbs[0] as Database;
    const versions = await first.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(migrations.map((_, i) => i + 1));
    const again = await openPostgresDatabase(fresh);
    opened.push(again);
    const [count] = await again.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(count?.n).toBe(migrations.length);
    const tables = await again.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['audit_log', 'idempotency', 'sessions', 'usage_samples', 'capacity_samples']),
    );
  });

  it('keeps sessions that every instance finds, until they are ended or expire', async () => {
    const users = new UserStore(one);
    await users.ensure({ username: 'pg-operator', password: 'pg-password-1', role: 'operator' });
    await new UserStore(two).ensure({ username: 'pg-operator', password: 'another-pass-2', role: 'admin' });
    const user = await new UserStore(two).authenticate('pg-operator', 'pg-password-1');
    expect(user).toEqual({ username: 'pg-operator', role: 'operator' });

    const { token, session } = await new SessionStore(one, 60_000).create(user as NonNullable<typeof user>);
    const found = await new SessionStore(two, 60_000).find(token);
    expect(found).toMatchObject({
      user: { username: 'pg-operator', role: 'operator' },
      csrfToken: session.csrfToken,
    });
    expect(found?.expiresAt).toBeInstanceOf(Date);
    await new SessionStore(two, 60_000).destroy(token);
    expect(await new SessionStore(one, 60_000).find(token)).toBeUndefined();

    const short = await new SessionStore(one, 1).create(user as NonNullable<typeof user>);
    await sleep(20);
    expect(await new SessionStore(two, 60_000).find(short.token)).toBeUndefined();
    await new SessionStore(two, 60_000).purgeExpired();
    const [left] = await one.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE username = 'pg-operator'`,
    );
    expect(left?.n).toBe(0);
  });

  it('keeps the first answer under an idempotency key and forgets old ones', async () => {
    const store = new IdempotencyStore(one);
    const body = { outcome: 'confirmed', rollout: { id: 'co-1', batches: [1, 2] }, note: '批次' };
    await store.put('acc/co-1', 'pg-key-0001', 'op', { status: 200, body, fingerprint: 'confirm-batch:p-2' });
    await new IdempotencyStore(two).put('acc/co-1', 'pg-key-0001', 'op', {
      status: 409,
      body: { other: true },
      fingerprint: 'confirm-batch:p-2',
    });
    expect(await new IdempotencyStore(two).get('acc/co-1', 'pg-key-0001')).toEqual({
      status: 200,
      body,
      fingerprint: 'confirm-batch:p-2',
    });
    await store.put('acc/co-1', 'pg-key-0002', 'op', { status: 200, body: {}, fingerprint: 'f' });
    await one.query(`UPDATE idempotency SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      'pg-key-0002',
    ]);
    await store.purgeOlderThan(24);
    expect(await store.get('acc/co-1', 'pg-key-0002')).toBeUndefined();
    expect(await store.get('acc/co-1', 'pg-key-0001')).toBeDefined();
  });

  it('appends audit records and refuses UPDATE, DELETE and TRUNCATE of them', async () => {
    const audit = new AuditLog(one);
    await audit.append({
      username: 'pg-operator',
      role: 'operator',
      action: 'confirm-batch',
      accountId: 'acc',
      resource: 'rollout/co-1',
      batchId: 'p-2',
      decision: 'release-next-batch',
      outcome: 'success',
      upstreamRequestId: 'REQ-PG-1',
    });
    const page = await new AuditLog(two).list({ page: 1, pageSize: 10, action: 'confirm-batch' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      batchId: 'p-2',
      upstreamRequestId: 'REQ-PG-1',
      outcome: 'success',
    });
    expect(typeof page.items[0]?.id).toBe('number');
    await expect(one.query(`UPDATE audit_log SET outcome = 'failure'`)).rejects.toThrow(/append-only/);
    await expect(one.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(one.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(
      one.transaction((tx) => tx.query(`UPDATE audit_log SET detail = 'rewritten'`)),
    ).rejects.toThrow(/append-only/);
    expect((await audit.list({ page: 1, pageSize: 10 })).items[0]).toMatchObject({ outcome: 'success' });
    expect((await audit.list({ page: 1, pageSize: 10 })).items[0]?.detail).toBeUndefined();
  });

  it('stores usage and capacity samples with their times and values', async () => {
    const usage = new UsageStore(one);
    const at = Date.UTC(2024, 0, 1, 12, 0, 0);
    await usage.record('acc', 'app-1', { at, cpuCores: 1.25, memoryGiB: 2.5, runningInstances: 3 });
    await usage.record('acc', 'app-1', { at: at + 30_000, cpuCores: 0.5, memoryGiB: 2, runningInstances: 2 });
    await usage.record('acc', 'app-1', { at, cpuCores: 9, memoryGiB: 9, runningInstances: 9 });
    expect(await new UsageStore(two).since('acc', 'app-1', new Date(at - 1))).toEqual([
      { at, cpuCores: 1.25, memoryGiB: 2.5, runningInstances: 3 },
      { at: at + 30_000, cpuCores: 0.5, memoryGiB: 2, runningInstances: 2 },
    ]);
    await usage.purgeBefore(new Date(at + 1));
    expect(await usage.since('acc', 'app-1', new Date(0))).toHaveLength(1);

    const capacity = new CapacityStore(one);
    await capacity.record('acc', 'group-1', { at, current: 2, desired: 3, min: 1, max: 5 });
    expect(await new CapacityStore(two).since('acc', 'group-1', new Date(at - 1))).toEqual([
      { at, current: 2, desired: 3, min: 1, max: 5, source: 'sample' },
    ]);
  });

  it('writes all of a transaction or nothing of it', async () => {
    await one.exec('CREATE TABLE tx_probe (v text NOT NULL)');
    await expect(
      one.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (v) VALUES ($1)', ['first']);
        await tx.query('INSERT INTO tx_probe (v) VALUES ($1)', [null]);
      }),
    ).rejects.toThrow(/null/i);
    await one.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (v) VALUES ($1)', ['kept']);
    });
    expect(await two.query('SELECT v FROM tx_probe')).toEqual([{ v: 'kept' }]);
  });

  it('runs one holder of a key at a time across instances, and different keys side by side', async () => {
    let active = 0;
    let most = 0;
    const order: string[] = [];
    const hold = (db: Database, key: string, name: string) =>
      db.withLock(key, async () => {
        active++;
        most = Math.max(most, active);
        order.push(`${name}+`);
        await sleep(40);
        order.push(`${name}-`);
        active--;
        return name;
      });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => hold(i % 2 ? two : one, 'rollout:acc/co-1', `h${i}`)),
    );
    expect(results).toEqual(['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7']);
    expect(most).toBe(1);
    for (let i = 0; i < order.length; i += 2) expect(order[i]?.slice(0, -1)).toBe(order[i + 1]?.slice(0, -1));

    active = 0;
    most = 0;
    await Promise.all([hold(one, 'rollout:acc/a', 'a'), hold(two, 'rollout:acc/b', 'b')]);
    expect(most).toBe(2);

    await expect(
      one.withLock('rollout:acc/c', async () => {
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await two.withLock('rollout:acc/c', async () => 'free again')).toBe('free again');
  });

  it('never shows the password of the URL', async () => {
    expect(redactDatabaseUrl(url)).not.toContain(server.password);
    expect(redactDatabaseUrl(url)).toMatch(/^postgres:\/\/console:\*\*\*@127\.0\.0\.1:\d+\/storage$/);
    const wrong = url.replace(encodeURIComponent(server.password), 'wrong-secret-123');
    const error = await openPostgresDatabase(wrong).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error?.message)).toMatch(/password authentication failed/);
    expect(`${error?.message} ${error?.stack}`).not.toContain('wrong-secret-123');
  });
});
