import type { Rollout, StaleRollout } from '@console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import type { SessionRecord } from '../src/auth/sessions';
import { type Database, openEmbeddedDatabase } from '../src/db/database';
import type { Reply } from '../src/http/routing';
import type { ApplicationProvider } from '../src/providers';
import { IdempotencyStore } from '../src/rollouts/idempotency';
import { RolloutActions } from '../src/rollouts/rollout-actions';
import { UpstreamError } from '../src/upstream/errors';

let db: Database;
beforeAll(async () => {
  db = await openEmbeddedDatabase();
});
afterAll(() => db?.close());

const session: SessionRecord = {
  user: { username: 'op', role: 'operator' },
  csrfToken: 'x',
  expiresAt: new Date(Date.now() + 60_000),
};

function rollout(waitingId: string | null): Rollout {
  const allowed = { allowed: true };
  return {
    id: 'co-1',
    appId: 'app-1',
    type: 'CoDeploy',
    typeLabel: 'Deploy',
    status: waitingId ? 'waiting' : 'running',
    nativeStatus: waitingId ? 8 : 1,
    nativeStatusName: waitingId ? 'WAIT_BATCH_CONFIRM' : 'RUNNING',
    batchCount: 2,
    batchType: 'manual',
    subStatus: 0,
    waitingBatch: waitingId ? { id: waitingId, index: 2, name: 'Batch 2 Change', instanceCount: 1 } : null,
    health: { healthy: 1, total: 2 },
    batches: [],
    actions: { confirm: allowed, abort: allowed, abortAndRollback: allowed },
  };
}

/**
 * A provider whose cloud already moved on: our fresh read still shows batch p-2 waiting, but by the
 * time the confirm arrives someone else has released it.
 */
function racedProvider() {
  const reads: Rollout[] = [rollout('p-2'), rollout(null)];
  let confirms = 0;
  const provider = {
    async getRollout() {
      return reads.length > 1 ? (reads.shift() as Rollout) : (reads[0] as Rollout);
    },
    async confirmBatch() {
      confirms++;
      throw new UpstreamError({
        product: 'SAE',
        httpStatus: 400,
        code: 'Pipeline.Can.Not.Start.Next.Batch',
        message: 'You cannot start the next batch under the current status.',
        requestId: 'REQ-RACE',
      });
    },
  } as unknown as ApplicationProvider;
  return { provider, confirms: () => confirms };
}

describe('rollout actions', () => {
  it('turns a confirm the cloud refused as too late into 409 with the fresh rollout, and replays it', async () => {
    const audit = new AuditLog(db);
    const actions = new RolloutActions(new IdempotencyStore(db), audit);
    const { provider, confirms } = racedProvider();
    const request = {
      kind: 'confirm-batch' as const,
      accountId: 'acc',
      rolloutId: 'co-1',
      batchId: 'p-2',
      idempotencyKey: 'race-key-0001',
      provider,
      session,
    };
    const reply = (await actions.perform(request)) as Reply;
    expect(reply.status).toBe(409);
    const body = reply.body as StaleRollout;
    expect(body.error).toMatchObject({
      code: 'StaleRollout',
      upstream: { code: 'Pipeline.Can.Not.Start.Next.Batch', requestId: 'REQ-RACE' },
    });
    expect(body.rollout.waitingBatch).toBeNull();
    const replay = (await actions.perform(request)) as Reply;
    expect([replay.status, replay.body]).toEqual([409, JSON.parse(JSON.stringify(body))]);
    expect(confirms()).toBe(1);
    const page = await audit.list({ page: 1, pageSize: 10, action: 'confirm-batch' });
    expect(page.items[0]).toMatchObject({
      outcome: 'stale',
      batchId: 'p-2',
      upstreamRequestId: 'REQ-RACE',
    });
  });
});

describe('idempotency store', () => {
  it('forgets answers older than the given age', async () => {
    const store = new IdempotencyStore(db);
    await store.put('acc/co-9', 'purge-key-0001', 'op', {
      status: 200,
      body: { ok: true },
      fingerprint: 'f',
    });
    await db.query(`UPDATE idempotency SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      'purge-key-0001',
    ]);
    await store.put('acc/co-9', 'purge-key-0002', 'op', {
      status: 200,
      body: { ok: true },
      fingerprint: 'f',
    });
    await store.purgeOlderThan(24);
    expect(await store.get('acc/co-9', 'purge-key-0001')).toBeUndefined();
    expect(await store.get('acc/co-9', 'purge-key-0002')).toMatchObject({ status: 200 });
  });
});
