/**
 * The operations center under many viewers: upstream calls of 100 viewers against 1 (one watcher per
 * account, never one per viewer), of two instances sharing PostgreSQL, how soon a change made in the
 * cloud by someone else reaches an open page, and what an open event stream costs.
 */
import { type RunningBff, startBff } from '@console/bff';
import type { AccountLive, ApplicationPage, Overview, Rollout } from '@console/contract';
import {
  ConsoleClient,
  EventStreamReader,
  type Stack,
  startStack,
  startTestPostgres,
} from '@console/testkit';

const WINDOW_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Calls of every product that reached the cloud between two instants. */
const cloudCalls = (stack: Stack, from: number, to: number) =>
  stack.sim.calls.list().filter((c) => c.at >= from && c.at < to).length;

interface Viewer {
  stream: EventStreamReader;
  stop(): Promise<void>;
}

/**
 * One person with the overview, the inbox and a rollout page open, as the SPA does it: the three
 * reads, the tab's event stream, and the slow fallback polls while the stream is live.
 */
async function openViewer(url: string, index: number, rolloutPath: string): Promise<Viewer> {
  const user = ['viewer', 'operator', 'admin'][index % 3] as string;
  const client = await ConsoleClient.login(url, user, `${user}-demo-1`);
  const check = (status: number, what: string) => {
    if (status !== 200) throw new Error(`${what} answered ${status}`);
  };
  const pages = async () => {
    const answers = await Promise.all([
      client.get('/api/overview'),
      client.get('/api/inbox'),
      client.get(rolloutPath),
    ]);
    for (const [i, a] of answers.entries()) check(a.status, ['overview', 'inbox', 'rollout'][i] as string);
  };
  const stream = await EventStreamReader.open(url, client.sessionCookie);
  check(stream.status, 'event stream');
  await pages();
  const timers = [
    setInterval(() => void client.get(rolloutPath), 30_000),
    setInterval(() => void Promise.all([client.get('/api/overview'), client.get('/api/inbox')]), 60_000),
  ];
  return {
    stream,
    async stop() {
      for (const t of timers) clearInterval(t);
      await stream.close();
    },
  };
}

/** Opens n viewers spread over the consoles, keeps them WINDOW_MS, counts the cloud's calls meanwhile. */
async function window(stack: Stack, urls: string[], n: number, rolloutPath: string) {
  const from = Date.now();
  const viewers = await Promise.all(
    Array.from({ length: n }, (_, i) => openViewer(urls[i % urls.length] as string, i, rolloutPath)),
  );
  await sleep(WINDOW_MS - (Date.now() - from));
  const to = Date.now();
  const bytes = viewers.map((v) => v.stream.bytes);
  await Promise.all(viewers.map((v) => v.stop()));
  return { calls: cloudCalls(stack, from, to), bytesPerMinute: Math.max(...bytes) / ((to - from) / 60_000) };
}

async function rolloutPathOf(stack: Stack): Promise<string> {
  const admin = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
  const waiting = await admin.get<ApplicationPage>('/api/accounts/sae-demo/applications?status=waiting');
  const id = waiting.body.items[0]?.native.lastChangeOrderId;
  if (!id) throw new Error('no waiting change order in the demo data');
  return `/api/accounts/sae-demo/rollouts/${encodeURIComponent(id)}`;
}

async function viewersOnOneInstance() {
  const stack = await startStack({ timeScale: 1, upstreamReadCacheMs: 1_000, live: true });
  try {
    const rollout = await rolloutPathOf(stack);
    // Warm-up: the first looks at every account, caches filled.
    await window(stack, [stack.bff.url], 1, rollout).catch(() => undefined);
    const runs: { n: number; calls: number; bytesPerMinute: number }[] = [];
    for (const n of [1, 100, 1, 100]) runs.push({ n, ...(await window(stack, [stack.bff.url], n, rollout)) });
    return runs;
  } finally {
    await stack.stop();
  }
}

async function viewersOnTwoInstances() {
  const pg = await startTestPostgres();
  const stack = await startStack({ timeScale: 1, upstreamReadCacheMs: 1_000, live: false });
  const consoles: RunningBff[] = [];
  try {
    const databaseUrl = await pg.createDatabase('bench_live');
    for (let i = 0; i < 2; i++) {
      consoles.push(await startBff({ ...stack.config, port: 0, databaseUrl, liveCadence: {} }));
    }
    const urls = consoles.map((c) => c.url);
    const rollout = await rolloutPathOf(stack);
    await window(stack, urls, 2, rollout).catch(() => undefined);
    const runs: { n: number; calls: number }[] = [];
    for (const n of [1, 100, 1, 100]) {
      const result = await window(stack, n === 1 ? [urls[0] as string] : urls, n, rollout);
      runs.push({ n, calls: result.calls });
    }
    return runs;
  } finally {
    for (const c of consoles) await c.stop();
    await stack.stop();
    await pg.stop();
  }
}

/**
 * A batch released by someone else (another console on the same cloud, its own database): how long
 * until an open page's stream says that batch no longer waits.
 */
async function changeLatency() {
  const stack = await startStack({ timeScale: 1, upstreamReadCacheMs: 1_000, live: true });
  const elsewhere = await startBff({ ...stack.config, port: 0, liveCadence: 'off' });
  try {
    const here = await ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1');
    const there = await ConsoleClient.login(elsewhere.url, 'operator', 'operator-demo-1');
    // Two-batch manual deploys on every running application with two instances or more.
    const targets: { account: string; appId: string }[] = [];
    for (const account of ['sae-demo', 'sae-legacy']) {
      const page = await here.get<ApplicationPage>(
        `/api/accounts/${account}/applications?status=running&pageSize=100`,
      );
      for (const app of page.body.items.filter((a) => a.instances >= 2))
        targets.push({ account, appId: app.id });
    }
    for (const [i, t] of targets.entries()) {
      const r = await here.post(`/api/accounts/${t.account}/applications/${t.appId}/deploy`, {
        imageUrl: `registry.example.com/bench/app:live-${i}`,
        strategy: { type: 'BatchUpdate', batches: 2, releaseType: 'manual', batchWaitMinutes: 0 },
      });
      if (r.status !== 200) throw new Error(`deploy answered ${r.status}: ${JSON.stringify(r.body)}`);
    }
    const stream = await EventStreamReader.open(stack.bff.url, here.sessionCookie);
    const latencies: number[] = [];
    const deadline = Date.now() + 180_000;
    const done = new Set<string>();
    while (done.size < targets.length && Date.now() < deadline) {
      const overview = await here.get<Overview>('/api/overview');
      const items = overview.body.accounts
        .flatMap((a) => a.waiting)
        .filter((w) => targets.some((t) => t.appId === w.appId) && !done.has(w.key));
      if (items.length === 0) {
        await sleep(1_000);
        continue;
      }
      for (const item of items) {
        done.add(item.key);
        // Out of step with the watcher's own rhythm.
        await sleep(Math.random() * 1_000);
        const seenBefore = stream.events.length;
        const answer = await there.post<Rollout>(
          `/api/accounts/${item.accountId}/rollouts/${encodeURIComponent(item.rolloutId)}/confirm`,
          { batchId: item.batch.id, idempotencyKey: `bench-latency-${latencies.length}-${Date.now()}` },
        );
        if (answer.status !== 200) continue;
        const released = Date.now();
        await stream.waitFor(
          (e) =>
            stream.events.indexOf(e) >= seenBefore &&
            e.event === 'account' &&
            !(JSON.parse(e.data) as AccountLive).waiting.some((w) => w.key === item.key),
          15_000,
        );
        latencies.push(Date.now() - released);
      }
    }
    await stream.close();
    latencies.sort((a, b) => a - b);
    return {
      targets: targets.length,
      n: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
  } finally {
    await elsewhere.stop();
    await stack.stop();
  }
}

export async function benchLive(): Promise<void> {
  console.log('\n### Operations center (time scale 1, default cadence, 60 s windows)\n');
  const one = await viewersOnOneInstance();
  console.log(
    '| viewers (overview + inbox + one rollout page, event stream) | cloud calls in 60 s | busiest stream, bytes/min |',
  );
  console.log('|---|---|---|');
  for (const r of one) console.log(`| ${r.n} | ${r.calls} | ${r.bytesPerMinute.toFixed(0)} |`);
  const ratio = (runs: { n: number; calls: number }[]) => {
    const single = runs.filter((r) => r.n === 1).map((r) => r.calls);
    const many = runs.filter((r) => r.n > 1).map((r) => r.calls);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return avg(many) / avg(single);
  };
  console.log(`\n100 viewers / 1 viewer, cloud calls: ${ratio(one).toFixed(2)}×`);
  const two = await viewersOnTwoInstances();
  console.log(
    `Two instances on PostgreSQL, cloud calls in 60 s windows: ${two.map((r) => `${r.n === 1 ? '1 viewer' : '50 + 50 viewers'} ${r.calls}`).join(', ')}: ${ratio(two).toFixed(2)}×`,
  );
  const latency = await changeLatency();
  console.log(
    `A batch released in the cloud by someone else reaches an open page's stream: n ${latency.n} (of ${latency.targets} deploys), p50 ${latency.p50} ms, p95 ${latency.p95} ms`,
  );
}
