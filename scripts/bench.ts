/**
 * Benchmarks of the console against the embedded cloud, all on loopback, in one process run so
 * that the figures compare with each other (the machine is shared; absolute numbers are noisy).
 */
import type { ApplicationPage, Rollout } from '@console/contract';
import { ConsoleClient, startStack } from '@console/testkit';
import { benchLive } from './bench-live';
import { bundleReport, printBundleReport } from './bundle-size';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function series(label: string, n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(fn))[1]);
  times.sort((a, b) => a - b);
  return { label, n, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function run(cacheMs: number) {
  const stack = await startStack({ timeScale: 1, upstreamReadCacheMs: cacheMs });
  console.log(`\n### Upstream read cache ${cacheMs} ms\n`);
  const base = '/api/accounts/sae-demo';
  try {
    const viewer = await ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1');
    const operator = await ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1');
    const page = await viewer.get<ApplicationPage>(`${base}/applications?pageSize=100`);
    const appId = page.body.items[0]?.id as string;

    const rows = [
      await series('GET applications (20 per page, statuses included)', 50, () =>
        viewer.get(`${base}/applications`),
      ),
      await series('GET application detail', 50, () => viewer.get(`${base}/applications/${appId}`)),
      await series('GET application instances', 50, () =>
        viewer.get(`${base}/applications/${appId}/instances`),
      ),
    ];

    // Coalescing: 50 viewers open the same page at once, after the cache has expired.
    await new Promise((resolve) => setTimeout(resolve, cacheMs + 50));
    const before = await stack.upstreamCalls('DescribeApplicationConfig');
    const [, burstMs] = await timed(() =>
      Promise.all(Array.from({ length: 50 }, () => viewer.get(`${base}/applications/${appId}?burst=1`))),
    );
    const configCalls = (await stack.upstreamCalls('DescribeApplicationConfig')) - before;

    // Safe confirm: 20 concurrent confirms of the same waiting batch.
    const waiting = await viewer.get<ApplicationPage>(`${base}/applications?status=waiting`);
    const rolloutId = waiting.body.items[0]?.native.lastChangeOrderId as string;
    const rollout = await operator.get<Rollout>(`${base}/rollouts/${rolloutId}`);
    const confirmsBefore = await stack.upstreamCalls('ConfirmPipelineBatch');
    const [results, confirmMs] = await timed(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          operator.post(`${base}/rollouts/${rolloutId}/confirm`, {
            batchId: rollout.body.waitingBatch?.id,
            idempotencyKey: `bench-confirm-${i}`,
          }),
        ),
      ),
    );
    const confirms = (await stack.upstreamCalls('ConfirmPipelineBatch')) - confirmsBefore;

    // Retail Cloud: app × environment rows (three upstream reads each), and the paused seeded order.
    const rc = '/api/accounts/retail-demo';
    const rcPage = await viewer.get<ApplicationPage>(`${rc}/applications?status=waiting`);
    const rcApp = rcPage.body.items[0];
    const rcRolloutId = rcApp?.native.lastChangeOrderId as string;
    rows.push(
      await series('Retail Cloud: GET applications (all environments)', 30, () =>
        viewer.get(`${rc}/applications`),
      ),
      await series('Retail Cloud: GET deploy order (partitions, pods, health)', 30, () =>
        viewer.get(`${rc}/rollouts/${rcRolloutId}`),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, cacheMs + 50));
    const rcEnvBefore = await stack.upstreamCalls('DescribeAppEnvironmentDetail');
    await Promise.all(
      Array.from({ length: 50 }, () => viewer.get(`${rc}/applications/${rcApp?.id}?burst=1`)),
    );
    const rcEnvCalls = (await stack.upstreamCalls('DescribeAppEnvironmentDetail')) - rcEnvBefore;
    const rcRollout = await operator.get<Rollout>(`${rc}/rollouts/${rcRolloutId}`);
    const resumesBefore = await stack.upstreamCalls('ResumeDeploy');
    const [rcResults, rcConfirmMs] = await timed(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          operator.post(`${rc}/rollouts/${rcRolloutId}/confirm`, {
            batchId: rcRollout.body.waitingBatch?.id,
            idempotencyKey: `bench-rc-confirm-${i}`,
          }),
        ),
      ),
    );
    const resumes = (await stack.upstreamCalls('ResumeDeploy')) - resumesBefore;

    // Huawei: AS groups (three reads each: group list, newest activity, held instances) and AOS stacks;
    // 20 concurrent Continue of the instance a launch hook holds.
    const as = '/api/accounts/as-demo';
    const aos = '/api/accounts/aos-demo';
    const asPage = await viewer.get<ApplicationPage>(`${as}/applications?pageSize=100`);
    const hooked = asPage.body.items.find((a) => a.name === 'as-group-hooked');
    rows.push(
      await series('AS: GET applications (scaling groups)', 30, () => viewer.get(`${as}/applications`)),
      await series('AS: GET capacity over 6 h (activities + samples)', 30, () =>
        viewer.get(`${as}/applications/${hooked?.id}/capacity?range=360`),
      ),
      await series('AOS: GET applications (stacks)', 30, () => viewer.get(`${aos}/applications`)),
    );
    const asRolloutId = hooked?.native.lastChangeOrderId as string;
    const asRollout = await operator.get<Rollout>(`${as}/rollouts/${asRolloutId}`);
    const callbacksBefore = await stack.upstreamCalls('CompleteLifecycleAction');
    const [asResults, asConfirmMs] = await timed(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          operator.post(`${as}/rollouts/${asRolloutId}/confirm`, {
            batchId: asRollout.body.waitingBatch?.id,
            idempotencyKey: `bench-as-confirm-${i}`,
          }),
        ),
      ),
    );
    const callbacks = (await stack.upstreamCalls('CompleteLifecycleAction')) - callbacksBefore;

    console.log('| measurement | n | p50 ms | p95 ms |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.label} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
    console.log();
    console.log(
      `50 concurrent viewers of one application: ${burstMs.toFixed(0)} ms in all, ${configCalls} upstream DescribeApplicationConfig call(s)`,
    );
    console.log(
      `20 concurrent confirms of one batch: ${confirmMs.toFixed(0)} ms in all, ${confirms} upstream ConfirmPipelineBatch call(s), ` +
        `answers ${JSON.stringify(countBy(results.map((r) => r.status)))}`,
    );
    console.log(
      `Retail Cloud, 50 concurrent viewers of one environment: ${rcEnvCalls} upstream DescribeAppEnvironmentDetail call(s)`,
    );
    console.log(
      `Retail Cloud, 20 concurrent confirms of one paused deploy order: ${rcConfirmMs.toFixed(0)} ms in all, ${resumes} upstream ResumeDeploy call(s), ` +
        `answers ${JSON.stringify(countBy(rcResults.map((r) => r.status)))}`,
    );
    console.log(
      `AS, 20 concurrent Continue of one held instance: ${asConfirmMs.toFixed(0)} ms in all, ${callbacks} upstream lifecycle callback(s), ` +
        `answers ${JSON.stringify(countBy(asResults.map((r) => r.status)))}`,
    );
  } finally {
    await stack.stop();
  }
}

// BENCH_ONLY=live runs only the operations center's part (it takes about eight minutes).
if (process.env.BENCH_ONLY !== 'live') {
  await run(0);
  await run(1_000);
  printBundleReport(bundleReport());
}
await benchLive();

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
