import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningBff, startBff } from '@console/bff';
import { startCloudSim } from '@console/cloudsim';
import type { ApplicationPage, Rollout, RolloutActionResult } from '@console/contract';
import { ConsoleClient, TEST_ALIYUN_KEY } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../src/db/database';

let sim: Awaited<ReturnType<typeof startCloudSim>>;
const dirs: string[] = [];
const running: RunningBff[] = [];

let plain: RunningBff;
let draining: RunningBff;
let drainingDir: string;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', aliyun: TEST_ALIYUN_KEY });
  drainingDir = mkdtempSync(join(tmpdir(), 'console-shutdown-'));
  dirs.push(drainingDir);
  [plain, draining] = await Promise.all([bff(), bff({ dataDir: drainingDir, shutdownDrainMs: 400 })]);
});

afterAll(async () => {
  for (const bff of running) await bff.stop();
  await sim?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function bff(options: { dataDir?: string; shutdownDrainMs?: number } = {}): Promise<RunningBff> {
  const started = await startBff({
    host: '127.0.0.1',
    port: 0,
    dataDir: options.dataDir,
    accounts: [
      {
        id: 'sae-demo',
        name: 'SAE (embedded cloud)',
        product: 'sae',
        regionId: 'cn-hangzhou',
        endpoint: sim.url,
        profile: '2022',
        accessKeyId: TEST_ALIYUN_KEY.accessKeyId,
        accessKeySecret: TEST_ALIYUN_KEY.accessKeySecret,
        embedded: true,
      },
    ],
    users: [{ username: 'ops-q7', password: 'ops-password-1', role: 'operator' }],
    sessionTtlMs: 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'silent',
    usageSampleSeconds: 3600,
    upstreamReadCacheMs: 0,
    shutdownDrainMs: options.shutdownDrainMs,
    shutdownGraceMs: 10_000,
  });
  running.push(started);
  return started;
}

/** The value of one series of a Prometheus text exposition, found by name and some of its labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const body = match[2] as string;
    if (Object.entries(labels).every(([k, v]) => body.includes(`${k}="${v}"`))) return Number(match[3]);
  }
  return undefined;
}

async function waitingRollout(client: ConsoleClient): Promise<Rollout> {
  const page = await client.get<ApplicationPage>('/api/accounts/sae-demo/applications?status=waiting');
  const id = page.body.items[0]?.native.lastChangeOrderId;
  if (!id) throw new Error('the demo data has no rollout waiting for confirmation');
  return (await client.get<Rollout>(`/api/accounts/sae-demo/rollouts/${id}`)).body;
}

describe('operations endpoints', () => {
  it('answers health and readiness, and counts requests and upstream calls by pattern and product', async () => {
    const server = plain;
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true, database: 'ok' }]);

    const client = await ConsoleClient.login(server.url, 'ops-q7', 'ops-password-1');
    const page = await client.get<ApplicationPage>('/api/accounts/sae-demo/applications');
    expect(page.status).toBe(200);
    const appId = page.body.items[0]?.id as string;
    expect((await client.get(`/api/accounts/sae-demo/applications/${appId}`)).status).toBe(200);
    expect((await client.get('/api/no-such-route')).status).toBe(404);
    sim.faults.set({ product: 'sae', errorRate: 1 });
    try {
      // The answer may be the last good one, marked stale; the cloud's 5xx are counted either way.
      await client.get(`/api/accounts/sae-demo/applications/${appId}`);
    } finally {
      sim.faults.clear('sae');
    }

    // Scrapers cannot sign in: the endpoint answers without a session.
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    const route = { route: '/api/accounts/:accountId/applications', method: 'GET', status: '200' };
    expect(sample(text, 'console_http_requests_total', route)).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'console_http_request_duration_seconds_bucket', { ...route, le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'console_http_requests_total', {
        route: '/api/accounts/:accountId/applications/:appId',
        method: 'GET',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'console_http_requests_total', { route: '/api/session', method: 'POST', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'console_http_requests_total', { route: '(no route)', method: 'GET', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'console_upstream_calls_total', { product: 'SAE', status: '200' })).toBeGreaterThan(
      0,
    );
    expect(sample(text, 'console_upstream_errors_total', { product: 'SAE', kind: '5xx' })).toBeGreaterThan(0);
    expect(sample(text, 'console_upstream_call_duration_seconds_count', { product: 'SAE' })).toBeGreaterThan(
      0,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    // Patterns only: no concrete id, account credential or user in any series.
    expect(text).not.toContain(appId);
    expect(text).not.toContain(TEST_ALIYUN_KEY.accessKeySecret);
    expect(text).not.toContain('ops-q7');
  }, 60_000);
});

describe('graceful shutdown', () => {
  it('finishes a confirm in flight with all its records, turns unready, then closes', async () => {
    const server = draining;
    const client = await ConsoleClient.login(server.url, 'ops-q7', 'ops-password-1');
    const rollout = await waitingRollout(client);
    const batchId = rollout.waitingBatch?.id as string;
    expect(batchId).toBeTruthy();

    sim.faults.set({ product: 'sae', latencyMs: 600 });
    let confirm: Promise<{ status: number; body: RolloutActionResult }>;
    let stopping: Promise<void>;
    try {
      confirm = client.post<RolloutActionResult>(`/api/accounts/sae-demo/rollouts/${rollout.id}/confirm`, {
        batchId,
        idempotencyKey: 'shutdown-confirm-0001',
      });
      await sleep(200);
      stopping = server.stop();
      const ready = await fetch(`${server.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, { ready: false, reason: 'shutting-down' }]);
      const answer = await confirm;
      expect(answer.status).toBe(200);
      expect(answer.body.outcome).toBe('confirmed');
      await stopping;
    } finally {
      sim.faults.clear('sae');
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.db.query('SELECT 1')).rejects.toThrow();

    // What the confirm had to write is all there: its audit record and its stored answer.
    const db = await openEmbeddedDatabase(drainingDir);
    try {
      const audits = await db.query<{ outcome: string; upstream_request_id: string }>(
        `SELECT outcome, upstream_request_id FROM audit_log WHERE action = 'confirm-batch' AND batch_id = $1`,
        [batchId],
      );
      expect(audits).toEqual([{ outcome: 'success', upstream_request_id: (await confirm).body.requestId }]);
      const stored = await db.query<{ status: number }>('SELECT status FROM idempotency WHERE key = $1', [
        'shutdown-confirm-0001',
      ]);
      expect(stored).toEqual([{ status: 200 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
