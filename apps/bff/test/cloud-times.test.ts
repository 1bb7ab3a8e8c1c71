import type {
  ApplicationDetail,
  Batch,
  RcAppSummary,
  RcEnvironment,
  RcPvc,
  Rollout,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudIso, readCloudTime, ZONE } from '../src/upstream/cloud-time';

/** The instant the cloud printed, to the second (the clouds' texts have no milliseconds). */
const toSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

describe('reading cloud times', () => {
  it('reads text without a zone in the zone its cloud writes it in', () => {
    // SAE's change orders: "2026-12-08 04:25:35" is China Standard Time.
    expect(cloudIso('2026-12-08 04:25:35', ZONE.chinaStandardTime)).toBe('2026-12-07T20:25:35.000Z');
    // Retail Cloud's texts are UTC, in all their forms.
    expect(cloudIso('2020-01-01 00:00:00', ZONE.utc)).toBe('2020-01-01T00:00:00.000Z');
    expect(cloudIso('2019-12-31T10:01:05', ZONE.utc)).toBe('2019-12-31T10:01:05.000Z');
    expect(cloudIso('2020-01-05T17:03Z', ZONE.utc)).toBe('2020-01-05T17:03:00.000Z');
    expect(cloudIso('2022-05-08', ZONE.utc)).toBe('2022-05-08T00:00:00.000Z');
  });

  it('keeps a zone the text names, and reads digits as epoch milliseconds', () => {
    expect(cloudIso('2019-02-13T06:52:13.855000Z', ZONE.chinaStandardTime)).toBe('2019-02-13T06:52:13.855Z');
    expect(cloudIso('2026-12-08T04:25:35+08:00', ZONE.utc)).toBe('2026-12-07T20:25:35.000Z');
    expect(cloudIso('2026-12-07T20:25:35-0530', ZONE.utc)).toBe('2026-12-08T01:55:35.000Z');
    expect(readCloudTime('1563373372746', ZONE.chinaStandardTime)).toBe(1563373372746);
    expect(readCloudTime(1563373372746, ZONE.utc)).toBe(1563373372746);
  });

  it('gives nothing for absent, zero or unreadable times', () => {
    for (const value of [undefined, null, '', 0, '0', 'yesterday', '2026-13-45 99:99']) {
      expect(cloudIso(value, ZONE.utc)).toBeUndefined();
    }
  });
});

describe('cloud times through the console API', () => {
  let stack: Stack;
  let viewer: ConsoleClient;

  beforeAll(async () => {
    stack = await startStack({ timeScale: 0 });
    viewer = await ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1');
  });
  afterAll(() => stack?.stop());

  it('carries SAE change-order times, which the cloud writes in UTC+8, as ISO 8601 in UTC', async () => {
    const order = stack.sim.sae.waitingOrder();
    if (!order) throw new Error('the demo data has no waiting change order');
    const rollout = await viewer.get<Rollout>(`/api/accounts/sae-demo/rollouts/${order.ChangeOrderId}`);
    expect(rollout.status).toBe(200);
    expect(rollout.body.createTime).toBe(toSecond(order.createdAt));
    expect(rollout.body.finishTime).toBeUndefined();
  });

  it('carries Retail Cloud times, which the cloud writes without a zone, as ISO 8601 in UTC', async () => {
    const rc = '/api/accounts/retail-demo/retailcloud';
    const app = (await viewer.get<RcAppSummary[]>(`${rc}/apps`)).body.find((a) => a.title === 'trade-center');
    const env = (await viewer.get<RcEnvironment[]>(`${rc}/apps/${app?.appId}/environments`)).body.find(
      (e) => e.envName === 'trade-center-prod',
    );
    const pvcs = await viewer.get<RcPvc[]>(`${rc}/applications/${env?.id}/pvcs`);
    const claim = pvcs.body.find((p) => p.name === 'trade-data');
    const stored = [...stack.sim.retailcloud.store.pvcs.values()].find((p) => p.Name === 'trade-data');
    if (!stored) throw new Error('the demo data has no claim trade-data');
    expect(claim?.createTime).toBe(toSecond(stored.createdAt));
  });

  it('shows no end time for a batch that has not finished, and no start for one that has not begun', async () => {
    const ended = (b: Batch) => b.status === 'succeeded' || b.status === 'failed' || b.status === 'aborted';
    const expectHonest = (batches: Batch[]) => {
      for (const b of batches) {
        if (!ended(b)) expect(b, `batch ${b.index} (${b.status})`).not.toHaveProperty('updateTime');
        if (b.status === 'pending') expect(b, `batch ${b.index}`).not.toHaveProperty('startTime');
        if (ended(b) && b.startTime !== undefined) expect(b.updateTime).toBeGreaterThanOrEqual(b.startTime);
      }
    };
    // SAE: the cloud stamps every pipeline's UpdateTime when the order is made.
    const order = stack.sim.sae.waitingOrder();
    const sae = await viewer.get<Rollout>(`/api/accounts/sae-demo/rollouts/${order?.ChangeOrderId}`);
    expect(sae.body.batches.map((b) => b.status)).toContain('pending');
    expect(sae.body.batches.find((b) => b.status === 'succeeded')?.updateTime).toBeDefined();
    expectHonest(sae.body.batches);
    // Retail Cloud: the deploy order paused after partition 1 of 3.
    const rc = '/api/accounts/retail-demo';
    const apps = await viewer.get<{ items: { id: string; name: string }[] }>(
      `${rc}/applications?search=trade-center-prod`,
    );
    const appId = apps.body.items.find((a) => a.name === 'trade-center-prod')?.id;
    const detail = await viewer.get<ApplicationDetail>(`${rc}/applications/${appId}`);
    const paused = await viewer.get<Rollout>(`${rc}/rollouts/${detail.body.native.lastChangeOrderId}`);
    expect(paused.body.batches.map((b) => b.status)).toEqual(['succeeded', 'pending', 'pending']);
    expectHonest(paused.body.batches);
  });
});
