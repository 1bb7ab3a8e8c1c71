import * as $OpenApi from '@alicloud/openapi-client';
import RetailCloud from '@alicloud/retailcloud20180313';
import * as $Util from '@alicloud/tea-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../src/clock';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { type Json, KEY, sae, sdk } from './helpers';

const HOUR = 3_600_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the simulated clock reported on the real one (SimClock.toWall)', () => {
  /** A clock on a hand-moved real clock. */
  function clockAt(real: { now: number }, options: { timeScale: number; start?: number }) {
    return new SimClock(options, () => real.now);
  }

  it('reports now as the real clock while time runs scaled, and scaled durations shortened', () => {
    const real = { now: Date.UTC(2026, 11, 7, 12, 0, 0) };
    const clock = clockAt(real, { timeScale: 10 });
    const t0 = clock.now();
    real.now += 60_000;
    // Ten simulated minutes went by in one real minute; reported, they took that one minute.
    expect(clock.now() - t0).toBe(600_000);
    expect(clock.wallNow()).toBe(real.now);
    expect(clock.toWall(t0 + 300_000)).toBe(real.now - 30_000);
    // What was reported stays put while time runs on.
    const before = clock.toWall(t0 + 300_000);
    real.now += 3_600_000;
    expect(clock.toWall(t0 + 300_000)).toBe(before);
    expect(clock.wallNow()).toBe(real.now);
    expect(clock.fromWall(real.now - 30_000)).toBe(clock.now() - 300_000);
  });

  it('moves the past back on a step instead of reporting the future, keeping durations and order', () => {
    const real = { now: Date.UTC(2026, 11, 7, 12, 0, 0) };
    const clock = clockAt(real, { timeScale: 0 });
    const t0 = clock.now();
    clock.advance(2 * HOUR);
    const t1 = clock.now();
    expect(t1 - t0).toBe(2 * HOUR);
    expect(clock.wallNow()).toBe(real.now);
    expect(clock.toWall(t0)).toBe(real.now - 2 * HOUR);
    real.now += 5_000;
    clock.advance(60_000);
    expect(clock.wallNow()).toBeLessThanOrEqual(real.now);
    // Stepped time keeps its length and order when reported.
    expect(clock.toWall(t1) - clock.toWall(t0)).toBe(2 * HOUR);
    expect(clock.toWall(clock.now()) - clock.toWall(t1)).toBe(60_000);
    expect(clock.fromWall(clock.toWall(t1))).toBe(t1);
    // A simulation that starts in the past is reported as it is.
    const past = clockAt(real, { timeScale: 0, start: Date.UTC(2026, 0, 5) });
    past.advance(HOUR);
    expect(past.wallNow()).toBe(Date.UTC(2026, 0, 5) + HOUR);
  });

  it('rejoins the real clock when frozen time runs again', () => {
    const real = { now: Date.UTC(2026, 11, 7, 12, 0, 0) };
    const clock = clockAt(real, { timeScale: 0 });
    const frozenAt = clock.now();
    real.now += 10 * 60_000;
    expect(clock.wallNow()).toBe(real.now - 10 * 60_000);
    clock.setTimeScale(1);
    expect(clock.wallNow()).toBe(real.now);
    // What happened at the frozen moment keeps the time it was reported at.
    expect(clock.toWall(frozenAt)).toBe(real.now - 10 * 60_000);
  });
});

describe('times the embedded cloud reports after its clock ran ahead', () => {
  let sim: RunningCloudSim;
  let rc: RetailCloud;

  beforeAll(async () => {
    sim = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 10, tickMs: 50 });
    rc = new RetailCloud(
      new $OpenApi.Config({
        accessKeyId: KEY.accessKeyId,
        accessKeySecret: KEY.accessKeySecret,
        endpoint: new URL(sim.url).host,
        protocol: 'http',
        regionId: 'cn-zhangjiakou',
      }),
    );
  });
  afterAll(() => sim?.close());

  /** Any Retail Cloud action by name, its raw answer. */
  async function rcAction(action: string, query: Record<string, string>): Promise<Json> {
    const answer = await rc.callApi(
      new $OpenApi.Params({
        action,
        version: '2018-03-13',
        protocol: 'HTTP',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      }),
      new $OpenApi.OpenApiRequest({ query }),
      new $Util.RuntimeOptions({}),
    );
    return answer.body as Json;
  }

  async function huawei(token: string, path: string): Promise<{ body: Json; date: number }> {
    const res = await fetch(`${sim.url}${path}`, {
      headers: { 'X-Auth-Token': token, 'X-Project-Id': sim.huawei.projectId },
    });
    expect(res.status, `${path}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
    return { body: (await res.json()) as Json, date: Date.parse(res.headers.get('date') ?? '') };
  }

  /**
   * Every time under a time-like key (`CreateTime`, `StartTime`, `start_time`, `creationTimestamp`,
   * `updateAt`…) of an answer, as epoch ms: SAE's text is UTC+8, other text without a zone UTC, digits
   * epoch ms.
   */
  function timesIn(value: unknown, zoneText: '+08:00' | 'Z', path = ''): { path: string; ms: number }[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => timesIn(v, zoneText, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return [];
    const out: { path: string; ms: number }[] = [];
    for (const [key, v] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (typeof v === 'object' && v !== null) {
        out.push(...timesIn(v, zoneText, at));
        continue;
      }
      if (!/(Time|TimeStamp|Timestamp|_time|_at|At)$/.test(key) || /Wait|Out/i.test(key)) continue;
      if (typeof v === 'number' && v > 1e12) out.push({ path: at, ms: v });
      if (typeof v === 'string' && /^\d{13}$/.test(v)) out.push({ path: at, ms: Number(v) });
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v)) {
        const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v.replace(' ', 'T')}${zoneText}`;
        out.push({ path: at, ms: Date.parse(zoned) });
      }
    }
    return out;
  }

  it('names no moment later than the real clock: SAE orders, Retail Cloud deploy orders, Huawei activities and executions, the Date header', async () => {
    // Something to happen while time runs ten times too fast: an SAE deploy in automatic batches and a
    // Huawei group asked to grow.
    const api = sae(sdk(sim));
    const running = [...sim.sae.store.apps.values()].find(
      (a) =>
        a.deployed &&
        !a.deleting &&
        !a.deleted &&
        a.spec.config.PackageType === 'Image' &&
        !sim.sae.store.appOrders(a.AppId).some((o) => o.finishedAt === undefined),
    );
    if (!running) throw new Error('the demo data has no running application without an order in flight');
    const deployed = await api.deployApplication({
      AppId: running.AppId,
      ImageUrl: 'registry.cn-hangzhou.aliyuncs.com/demo/reported-time:2',
      UpdateStrategy: JSON.stringify({
        type: 'BatchUpdate',
        batchUpdate: { batch: 2, releaseType: 'auto', batchWaitTime: 0 },
      }),
    });
    const tokenReply = await fetch(`${sim.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: sim.huawei.user,
                password: sim.huawei.password,
                domain: { name: sim.huawei.domain },
              },
            },
          },
          scope: { project: { name: sim.huawei.region } },
        },
      }),
    });
    const token = tokenReply.headers.get('x-subject-token') as string;
    const project = sim.huawei.projectId;
    const groups = (await huawei(token, `/autoscaling-api/v1/${project}/scaling_group`)).body
      .scaling_groups as Json[];

    // A while at scale 10, then a step of three hours: simulated time is far ahead of the real clock.
    await pause(1_500);
    const step = await fetch(`${sim.url}/__sim/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 3 * HOUR }),
    });
    expect(step.status).toBe(200);
    const stepped = (await step.json()) as { now: number; reportedNow: number };
    expect(stepped.now - stepped.reportedNow).toBeGreaterThan(3 * HOUR);
    expect(stepped.reportedNow).toBeLessThanOrEqual(Date.now());
    await pause(500);
    expect(sim.clock.now() - Date.now()).toBeGreaterThan(3 * HOUR);

    const seen: { source: string; path: string; ms: number; real: number }[] = [];
    const collect = (source: string, answer: unknown, zone: '+08:00' | 'Z' = 'Z') => {
      const real = Date.now();
      for (const t of timesIn(answer, zone)) seen.push({ source, ...t, real });
    };

    for (const app of sim.sae.store.apps.values()) {
      const orders = await api.listChangeOrders({ AppId: app.AppId, PageSize: 100 });
      collect(`SAE ListChangeOrders ${app.AppName}`, orders.Data, '+08:00');
      for (const o of orders.Data.ChangeOrderList as Json[]) {
        const order = await api.describeChangeOrder({ ChangeOrderId: o.ChangeOrderId });
        collect(`SAE DescribeChangeOrder ${o.ChangeOrderId}`, order.Data, '+08:00');
      }
    }
    for (const app of sim.retailcloud.store.apps.values()) {
      const orders = await rcAction('ListDeployOrders', {
        AppId: String(app.AppId),
        PageNumber: '1',
        PageSize: '100',
      });
      collect(`Retail Cloud ListDeployOrders ${app.AppId}`, orders.Data);
      for (const o of orders.Data as Json[]) {
        const detail = await rcAction('DescribeDeployOrderDetail', {
          DeployOrderId: String(o.DeployOrderId),
        });
        collect(`Retail Cloud DescribeDeployOrderDetail ${o.DeployOrderId}`, detail.Result);
      }
    }
    const dates: { date: number; real: number }[] = [];
    for (const g of groups) {
      const log = await huawei(
        token,
        `/autoscaling-api/v2/${project}/scaling_activity_log/${g.scaling_group_id}`,
      );
      dates.push({ date: log.date, real: Date.now() });
      collect(`AS activities ${g.scaling_group_name}`, log.body.scaling_activity_log);
    }
    const stacks = (await huawei(token, `/v2/stacks?project_id=${project}`)).body as unknown as Json[];
    for (const s of stacks) {
      const actions = await huawei(token, `/v2/stacks/${s.guid}/actions`);
      dates.push({ date: actions.date, real: Date.now() });
      collect(`AOS executions ${s.name}`, actions.body);
    }

    // The answers did carry times, including the order made during the run.
    for (const source of ['SAE', 'Retail Cloud', 'AS', 'AOS'])
      expect(seen.filter((t) => t.source.startsWith(source)).length, source).toBeGreaterThan(0);
    const ours = seen.filter((t) => t.source === `SAE DescribeChangeOrder ${deployed.Data.ChangeOrderId}`);
    expect(ours.length).toBeGreaterThan(0);
    expect(seen.every((t) => Number.isFinite(t.ms))).toBe(true);

    const ahead = seen.filter((t) => t.ms > t.real);
    expect(ahead.map((t) => `${t.source} ${t.path} ${new Date(t.ms).toISOString()}`)).toEqual([]);
    expect(dates.filter((d) => !(d.date <= d.real))).toEqual([]);
    // The Date header is now, not a moment long past.
    expect(dates.every((d) => d.real - d.date < 5_000)).toBe(true);
  });
});
