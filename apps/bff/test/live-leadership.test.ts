import type { Overview } from '@console/contract';
import { EventStreamReader } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Cluster, type Instance, startCluster } from './bff-process';

let cluster: Cluster | undefined;
let instances: Instance[] = [];
const ACCOUNTS = ['sae-demo', 'retail-demo'];

/** Which accounts an instance's watcher leads, from its own /metrics. */
async function leading(instance: Instance): Promise<Set<string>> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  const led = [...text.matchAll(/^console_live_leading\{account="([^"]+)"[^}]*\} 1$/gm)].map(
    (m) => m[1] ?? '',
  );
  return new Set(led);
}

async function session(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: csrfToken };
}

async function overview(url: string, who: { cookie: string }): Promise<Overview> {
  const response = await fetch(`${url}/api/overview`, { headers: { cookie: who.cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cluster = await startCluster('live_leadership', [
    { id: 'sae-demo', product: 'sae', regionId: 'cn-hangzhou' },
    { id: 'retail-demo', product: 'retailcloud', regionId: 'cn-zhangjiakou' },
  ]);
  instances = cluster.instances;
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('live state across two instances on one PostgreSQL', () => {
  it('watches each account from exactly one instance, serves it from both, and hands it over when the leader dies', async () => {
    const [a, b] = instances as [Instance, Instance];
    // The first look at every account, by whichever instance leads it.
    const first = await session(a.url);
    const deadline = Date.now() + 30_000;
    while ((await overview(a.url, first)).accounts.filter((x) => x.state === 'ok').length < ACCOUNTS.length) {
      if (Date.now() > deadline) throw new Error(`no first look:\n${a.output()}\n${b.output()}`);
      await sleep(200);
    }
    // Steady state: every account led by exactly one of the two, over several looks.
    for (let look = 0; look < 5; look++) {
      const [ledByA, ledByB] = await Promise.all([leading(a), leading(b)]);
      for (const account of ACCOUNTS) {
        expect({ account, leaders: Number(ledByA.has(account)) + Number(ledByB.has(account)) }).toEqual({
          account,
          leaders: 1,
        });
      }
      await sleep(600);
    }
    // Both answer with the leader's state: the follower reads what the leader shared.
    const [cookieA, cookieB] = await Promise.all([session(a.url), session(b.url)]);
    const seen = await Promise.all([overview(a.url, cookieA), overview(b.url, cookieB)]);
    for (const view of seen) {
      expect(view.accounts.map((x) => [x.accountId, x.state])).toEqual([
        ['sae-demo', 'ok'],
        ['retail-demo', 'ok'],
      ]);
      expect(view.accounts.map((x) => x.waiting.length)).toEqual([1, 1]);
    }
    expect(seen[0].accounts.map((x) => x.version)).toEqual(seen[1].accounts.map((x) => x.version));

    // A stream on the survivor-to-be follows a change the leader sees.
    const [ledByA] = await Promise.all([leading(a)]);
    const [leader, survivor, survivorCookie] = ledByA.has('sae-demo') ? [a, b, cookieB] : [b, a, cookieA];
    const stream = await EventStreamReader.open(survivor.url, survivorCookie.cookie);
    await stream.waitFor(() => stream.named('account').length >= 2);

    // The leader dies without a word: its database connection goes, and with it its leadership.
    const killedAt = Date.now();
    leader.child.kill('SIGKILL');
    await leader.exited;
    let tookOverMs = -1;
    while (Date.now() - killedAt < 20_000) {
      const led = await leading(survivor);
      if (ACCOUNTS.every((x) => led.has(x))) {
        tookOverMs = Date.now() - killedAt;
        break;
      }
      await sleep(100);
    }
    console.log(`live leadership taken over ${tookOverMs} ms after SIGKILL of the leader`);
    expect(tookOverMs).toBeGreaterThanOrEqual(0);
    // The survivor now looks itself: a batch confirmed straight on the cloud leaves its inbox.
    const after = await overview(survivor.url, survivorCookie);
    const waiting = after.accounts.find((x) => x.accountId === 'sae-demo')?.waiting[0];
    if (!waiting) throw new Error('nothing waits on sae-demo');
    const answer = await fetch(
      `${survivor.url}/api/accounts/sae-demo/rollouts/${encodeURIComponent(waiting.rolloutId)}/confirm`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: survivorCookie.cookie,
          'x-csrf-token': survivorCookie.csrf,
        },
        body: JSON.stringify({ batchId: waiting.batch.id, idempotencyKey: 'leadership-confirm-1' }),
      },
    );
    expect(answer.status).toBe(200);
    await stream.waitFor((e) => {
      if (e.event !== 'account') return false;
      const live = JSON.parse(e.data) as Overview['accounts'][number];
      return live.accountId === 'sae-demo' && !live.waiting.some((w) => w.key === waiting.key);
    });
    await stream.close();
  });
});
