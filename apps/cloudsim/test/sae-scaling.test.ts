import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;
let appSeq = 0;

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
});
afterAll(() => sim.close());

const RULE = '/pop/v1/sam/scale/applicationScalingRule';
const rules = {
  create: (q: object) => client.request('POST', RULE, q, ''),
  update: (q: object) => client.request('PUT', RULE, q, ''),
  remove: (q: object) => client.request('DELETE', RULE, q),
  describe: (q: object) => client.request('GET', RULE, q),
  list: (q: object) => client.request('GET', '/pop/v1/sam/scale/applicationScalingRules', q),
  enable: (q: object) => client.request('PUT', '/pop/v1/sam/scale/enableApplicationScalingRule', q, ''),
  disable: (q: object) => client.request('PUT', '/pop/v1/sam/scale/disableApplicationScalingRule', q, ''),
};
const batchStart = (q: object) => client.request('PUT', '/pop/v1/sam/app/batchStartApplications', q, '');
const batchStop = (q: object) => client.request('PUT', '/pop/v1/sam/app/batchStopApplications', q, '');
const listNamespaceOrders = (q: object) =>
  client.request('GET', '/pop/v1/sam/changeorder/listNamespaceChangeOrders', q);

const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/test';
const finished = (o: Json) => [2, 3, 6, 10].includes(o.Status);

async function order(id: string): Promise<Json> {
  return (await api.describeChangeOrder({ ChangeOrderId: id })).Data;
}

async function stepUntil(id: string, done: (o: Json) => boolean = finished, stepMs = 5_000): Promise<Json> {
  for (let i = 0; i < 360; i++) {
    const current = await order(id);
    if (done(current)) return current;
    sim.clock.advance(stepMs);
  }
  throw new Error(`change order ${id} never reached the expected state`);
}

async function runningApp(replicas: number, namespaceId = 'cn-hangzhou:dev'): Promise<string> {
  const name = `scale-${++appSeq}`;
  const created = await api.createApplication({
    AppName: name,
    NamespaceId: namespaceId,
    PackageType: 'Image',
    ImageUrl: `${REGISTRY}/${name}:1.0`,
    Replicas: replicas,
    Cpu: 500,
    Memory: 1024,
  });
  await stepUntil(created.Data.ChangeOrderId);
  return created.Data.AppId as string;
}

async function replicas(appId: string): Promise<number> {
  return (await api.describeConfig({ AppId: appId })).Data.Replicas;
}

async function running(appId: string): Promise<number> {
  return (await api.describeStatus({ AppId: appId })).Data.RunningInstances;
}

/** HH:mm in GMT+8 of the simulated clock plus `minutes`. */
function cstTime(minutes: number): string {
  const d = new Date(sim.clock.now() + minutes * 60_000 + 8 * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Advances the frozen clock in small steps so every request sees the world move. */
async function pass(ms: number, appId: string, stepMs = 30_000): Promise<void> {
  for (let left = ms; left > 0; left -= stepMs) {
    sim.clock.advance(Math.min(stepMs, left));
    await api.describeStatus({ AppId: appId });
  }
}

const timer = (schedules: { atTime: string; targetReplicas: number }[], extra: object = {}) =>
  JSON.stringify({ beginDate: null, endDate: null, period: '* * *', schedules, ...extra });

describe('scaling rules: envelopes and validation', () => {
  it('answers Create/Describe with only RequestId, TraceId, Data and Enable/Disable/Delete with only RequestId, TraceId', async () => {
    const appId = await runningApp(1);
    const created = await rules.create({
      AppId: appId,
      ScalingRuleName: 'timer-0800-2100',
      ScalingRuleType: 'timing',
      ScalingRuleTimer: timer([
        { atTime: '08:00', targetReplicas: 10 },
        { atTime: '20:00', targetReplicas: 3 },
      ]),
      // The seed's example also passes a metric JSON for a timing rule; it is ignored.
      ScalingRuleMetric: JSON.stringify({ maxReplicas: 3, minReplicas: 1, metrics: [] }),
      MinReadyInstances: 3,
      MinReadyInstanceRatio: -1,
      ScalingRuleEnable: true,
    });
    expect(Object.keys(created).sort()).toEqual(['Data', 'RequestId', 'TraceId']);
    expect(created.Data).toMatchObject({
      AppId: appId,
      ScaleRuleName: 'timer-0800-2100',
      ScaleRuleType: 'timing',
      ScaleRuleEnabled: true,
      Timer: {
        BeginDate: null,
        EndDate: null,
        Period: '* * *',
        Schedules: [
          { AtTime: '08:00', TargetReplicas: 10 },
          { AtTime: '20:00', TargetReplicas: 3 },
        ],
      },
    });
    expect(created.Data.CreateTime).toBe(sim.clock.wallNow());

    const disabled = await rules.disable({ AppId: appId, ScalingRuleName: 'timer-0800-2100' });
    expect(Object.keys(disabled).sort()).toEqual(['RequestId', 'TraceId']);
    const described = await rules.describe({ AppId: appId, ScalingRuleName: 'timer-0800-2100' });
    expect(Object.keys(described).sort()).toEqual(['Data', 'RequestId', 'TraceId']);
    expect(described.Data.ScaleRuleEnabled).toBe(false);
    expect(described.Data.LastDisableTime).toBe(sim.clock.wallNow());
    expect(
      Object.keys(await rules.enable({ AppId: appId, ScalingRuleName: 'timer-0800-2100' })).sort(),
    ).toEqual(['RequestId', 'TraceId']);
    const list = await rules.list({ AppId: appId });
    expect(list.Data).toMatchObject({ CurrentPage: 1, TotalSize: 1 });
    expect(list.Data.ApplicationScalingRules[0].ScaleRuleEnabled).toBe(true);

    const deleted = await rules.remove({ AppId: appId, ScalingRuleName: 'timer-0800-2100' });
    expect(Object.keys(deleted).sort()).toEqual(['RequestId', 'TraceId']);
    const gone = await expectSdkError(rules.describe({ AppId: appId, ScalingRuleName: 'timer-0800-2100' }));
    expect([gone.statusCode, gone.code]).toEqual([400, 'InvalidScalingRuleName.NotFound']);
  });

  it('rejects what seed §11 rejects, with its error codes', async () => {
    const appId = await runningApp(1);
    const base = { AppId: appId, ScalingRuleType: 'timing' };
    const fails = async (query: object, code: string, status = 400) => {
      const e = await expectSdkError(rules.create({ ...base, ...query }));
      expect([e.statusCode, e.code]).toEqual([status, code]);
    };
    const ok = timer([{ atTime: '09:00', targetReplicas: 2 }]);
    await fails({ ScalingRuleName: 'Upper', ScalingRuleTimer: ok }, 'InvalidParameter.WithMessage');
    await fails({ ScalingRuleName: 'a'.repeat(33), ScalingRuleTimer: ok }, 'InvalidParameter.WithMessage');
    await fails({ ScalingRuleName: 'no-timer' }, 'InvalidParameter.NotEmpty');
    await fails(
      { ScalingRuleName: 'bad-time', ScalingRuleTimer: timer([{ atTime: '8:00', targetReplicas: 2 }]) },
      'InvalidScalingRuleTime.Format',
    );
    await fails(
      {
        ScalingRuleName: 'bad-date',
        ScalingRuleTimer: timer([], { beginDate: '2021/03/25', schedules: [] }),
      },
      'InvalidScalingRuleDate.Format',
    );
    await fails(
      {
        ScalingRuleName: 'backwards',
        ScalingRuleTimer: timer([{ atTime: '09:00', targetReplicas: 2 }], {
          beginDate: '2021-04-25',
          endDate: '2021-03-25',
        }),
      },
      'InvalidScalingRuleDate.BeginAfterEnd',
    );
    const many = Array.from({ length: 21 }, (_, i) => ({
      atTime: `${String(i).padStart(2, '0')}:00`,
      targetReplicas: 1,
    }));
    await fails({ ScalingRuleName: 'many', ScalingRuleTimer: timer(many) }, 'QuotaExceeded.ScalingRuleTime');
    await fails(
      { ScalingRuleName: 'huge', ScalingRuleTimer: timer([{ atTime: '09:00', targetReplicas: 51 }]) },
      'NoComputeResourceQuota.App.Exceed',
    );
    await fails(
      { ScalingRuleName: 'ratio', ScalingRuleTimer: ok, MinReadyInstanceRatio: 101 },
      'MinReadyInstanceRatio.Invalid',
    );
    await fails(
      { ScalingRuleName: 'ready', ScalingRuleTimer: ok, MinReadyInstances: 2 },
      'MinReadyInstances.Not.Smaller.Replicas',
    );
    await fails(
      {
        ScalingRuleName: 'bad-metric',
        ScalingRuleType: 'metric',
        ScalingRuleMetric: JSON.stringify({
          maxReplicas: 3,
          minReplicas: 1,
          metrics: [{ metricType: 'DISK', metricTargetAverageUtilization: 20 }],
        }),
      },
      'InvalidParameter.WithMessage',
    );

    await rules.create({ ...base, ScalingRuleName: 'first', ScalingRuleTimer: ok });
    await fails({ ScalingRuleName: 'first', ScalingRuleTimer: ok }, 'InstanceExist.ScalingRuleName');
    await fails({ ScalingRuleName: 'same-minute', ScalingRuleTimer: ok }, 'InvalidScalingRuleTime.Conflict');
    // A weekly rule meets a daily one on its weekdays; two weekly rules on different days do not collide.
    await fails(
      {
        ScalingRuleName: 'mondays-nine',
        ScalingRuleTimer: timer([{ atTime: '09:00', targetReplicas: 2 }], { period: '* * Mon' }),
      },
      'InvalidScalingRuleTime.Conflict',
    );
    await rules.create({
      ...base,
      ScalingRuleName: 'mondays',
      ScalingRuleTimer: timer([{ atTime: '09:30', targetReplicas: 2 }], { period: '* * Mon' }),
    });
    await rules.create({
      ...base,
      ScalingRuleName: 'fridays',
      ScalingRuleTimer: timer([{ atTime: '09:30', targetReplicas: 2 }], { period: '* * Fri' }),
    });
    await fails(
      {
        ScalingRuleName: 'month-days',
        ScalingRuleTimer: timer([{ atTime: '09:30', targetReplicas: 2 }], { period: '1,15 * *' }),
      },
      'InvalidScalingRuleTime.Conflict',
    );
    for (const name of ['fourth', 'fifth']) {
      await rules.create({
        ...base,
        ScalingRuleName: name,
        ScalingRuleTimer: timer([{ atTime: name === 'fourth' ? '10:00' : '11:00', targetReplicas: 2 }]),
      });
    }
    await fails(
      { ScalingRuleName: 'sixth', ScalingRuleTimer: timer([{ atTime: '12:00', targetReplicas: 2 }]) },
      'QuotaExceeded.ScalingRule',
    );
    const missing = await expectSdkError(rules.enable({ AppId: appId, ScalingRuleName: 'nope' }));
    expect([missing.statusCode, missing.code]).toEqual([400, 'InvalidScalingRuleName.NotFound']);
    const noApp = await expectSdkError(rules.list({ AppId: '00000000-0000-4000-8000-000000000000' }));
    expect(noApp.code).toBe('InvalidAppId.NotFound');
  });
});

describe('scaling rules in time', () => {
  it('an enabled timing rule sets the replica count at its trigger times (GMT+8)', async () => {
    const appId = await runningApp(2);
    const up = cstTime(10);
    const down = cstTime(40);
    await rules.create({
      AppId: appId,
      ScalingRuleName: 'day-night',
      ScalingRuleType: 'timing',
      ScalingRuleTimer: timer([
        { atTime: up, targetReplicas: 4 },
        { atTime: down, targetReplicas: 1 },
      ]),
      ScalingRuleEnable: true,
    });
    await pass(5 * 60_000, appId);
    expect(await replicas(appId)).toBe(2);
    await pass(7 * 60_000, appId);
    expect(await replicas(appId)).toBe(4);
    expect(await running(appId)).toBe(4);
    const orders = (await api.listChangeOrders({ AppId: appId })).Data.ChangeOrderList as Json[];
    expect(orders[0]).toMatchObject({ CoTypeCode: 'CoScaleOut', Status: 2, UserId: 'sae-autoscaler' });
    const events = await api.listAppEvents({
      Namespace: 'cn-hangzhou:dev',
      AppId: appId,
      ObjectKind: 'HorizontalPodAutoscaler',
    });
    expect(events.Data.AppEventEntity[0].Message).toContain('New size: 4');

    await pass(30 * 60_000, appId);
    expect(await replicas(appId)).toBe(1);
    expect(await running(appId)).toBe(1);

    // Disabled, the next day's triggers do nothing.
    await rules.disable({ AppId: appId, ScalingRuleName: 'day-night' });
    await pass(24 * 3_600_000, appId, 3_600_000);
    expect(await replicas(appId)).toBe(1);
  });

  it('a timing rule outside its date range does not fire', async () => {
    const appId = await runningApp(1);
    await rules.create({
      AppId: appId,
      ScalingRuleName: 'expired',
      ScalingRuleType: 'timing',
      ScalingRuleTimer: timer([{ atTime: cstTime(5), targetReplicas: 3 }], {
        beginDate: '2021-03-25',
        endDate: '2021-04-25',
      }),
      ScalingRuleEnable: true,
    });
    await pass(10 * 60_000, appId);
    expect(await replicas(appId)).toBe(1);
  });

  it('an enabled metric rule scales between its bounds with the simulated load, by its steps', async () => {
    const appId = await runningApp(1);
    // Any CPU use at all is above 1 %: the rule scales out to its maximum.
    const created = await rules.create({
      AppId: appId,
      ScalingRuleName: 'cpu',
      ScalingRuleType: 'metric',
      ScalingRuleMetric: JSON.stringify({
        maxReplicas: 4,
        minReplicas: 1,
        metrics: [{ metricType: 'CPU', metricTargetAverageUtilization: 1 }],
        scaleUpRules: { step: '100', disabled: false, stabilizationWindowSeconds: 0 },
        scaleDownRules: { step: '1', disabled: false, stabilizationWindowSeconds: 0 },
      }),
      ScalingRuleEnable: true,
    });
    expect(created.Data.Metric).toEqual({
      Metrics: [{ MetricType: 'CPU', MetricTargetAverageUtilization: 1 }],
      MaxReplicas: 4,
      MinReplicas: 1,
    });
    await pass(2 * 60_000, appId);
    expect(await replicas(appId)).toBe(4);
    expect(await running(appId)).toBe(4);
    const live = (await rules.describe({ AppId: appId, ScalingRuleName: 'cpu' })).Data.Metric;
    expect(live.MetricsStatus).toMatchObject({ CurrentReplicas: 4, DesiredReplicas: 4 });
    expect(live.MetricsStatus.LastScaleTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(live.MetricsStatus.CurrentMetrics[0]).toMatchObject({ Type: 'Resource', Name: 'cpu' });
    expect(live.MetricsStatus.CurrentMetrics[0].CurrentValue).toBeGreaterThanOrEqual(1);
    expect(live.MetricsStatus.NextScaleMetrics[0]).toMatchObject({
      Name: 'cpu',
      NextScaleOutAverageUtilization: 2,
      NextScaleInAverageUtilization: 0,
    });
    expect(live.ScaleUpRules).toEqual({ Step: 100, StabilizationWindowSeconds: 0, Disabled: false });
    expect(live.ScaleDownRules).toEqual({ Step: 1, StabilizationWindowSeconds: 0, Disabled: false });

    // Memory stays below 99 %: the rule scales in, one instance per step, down to its minimum.
    await rules.update({
      AppId: appId,
      ScalingRuleName: 'cpu',
      ScalingRuleMetric: JSON.stringify({
        maxReplicas: 4,
        minReplicas: 2,
        metrics: [{ metricType: 'MEMORY', metricTargetAverageUtilization: 99 }],
        scaleDownRules: { step: 1, stabilizationWindowSeconds: 0 },
      }),
    });
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) {
      await pass(15_000, appId);
      seen.push(await replicas(appId));
    }
    expect(seen).toContain(3);
    expect(seen.at(-1)).toBe(2);
    const scaleIns = ((await api.listChangeOrders({ AppId: appId })).Data.ChangeOrderList as Json[]).filter(
      (o) => o.CoTypeCode === 'CoScaleIn',
    );
    expect(scaleIns).toHaveLength(2);
  });

  it('rules are off while a change order runs, back on when it succeeds, and stay off when it fails', async () => {
    const appId = await runningApp(1);
    await rules.create({
      AppId: appId,
      ScalingRuleName: 'night',
      ScalingRuleType: 'timing',
      ScalingRuleTimer: timer([{ atTime: '03:00', targetReplicas: 1 }]),
      ScalingRuleEnable: true,
    });
    const state = async () => (await rules.describe({ AppId: appId, ScalingRuleName: 'night' })).Data;
    const restart = await api.restartApplication({ AppId: appId });
    expect((await state()).ScaleRuleEnabled).toBe(false);
    const refused = await expectSdkError(rules.enable({ AppId: appId, ScalingRuleName: 'night' }));
    expect([refused.statusCode, refused.code]).toEqual([400, 'Application.ChangerOrderRunning']);
    const refusedCreate = await expectSdkError(
      rules.create({
        AppId: appId,
        ScalingRuleName: 'while-busy',
        ScalingRuleType: 'timing',
        ScalingRuleTimer: timer([{ atTime: '04:00', targetReplicas: 1 }]),
      }),
    );
    expect(refusedCreate.code).toBe('Application.ChangerOrderRunning');
    await stepUntil(restart.Data.ChangeOrderId);
    expect((await state()).ScaleRuleEnabled).toBe(true);

    const broken = await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/broken:fail` });
    expect((await state()).ScaleRuleEnabled).toBe(false);
    expect((await stepUntil(broken.Data.ChangeOrderId)).Status).toBe(3);
    const after = await state();
    expect(after.ScaleRuleEnabled).toBe(false);
    expect(after.LastDisableTime).toBeGreaterThan(after.CreateTime - 1);
  });
});

describe('scaling rules and other operations', () => {
  it('AutoEnableApplicationScalingRule=false keeps the rules off after a successful rescale', async () => {
    const appId = await runningApp(1);
    const create = (name: string, atTime: string) =>
      rules.create({
        AppId: appId,
        ScalingRuleName: name,
        ScalingRuleType: 'timing',
        ScalingRuleTimer: timer([{ atTime, targetReplicas: 1 }]),
        ScalingRuleEnable: true,
      });
    await create('keep-off', '05:00');
    const enabled = async () => (await rules.describe({ AppId: appId, ScalingRuleName: 'keep-off' })).Data;
    const off = await api.rescaleApplication({
      AppId: appId,
      Replicas: 2,
      AutoEnableApplicationScalingRule: false,
    });
    expect((await stepUntil(off.Data.ChangeOrderId)).Status).toBe(2);
    expect((await enabled()).ScaleRuleEnabled).toBe(false);

    await rules.enable({ AppId: appId, ScalingRuleName: 'keep-off' });
    const on = await api.rescaleApplication({
      AppId: appId,
      Replicas: 1,
      AutoEnableApplicationScalingRule: true,
    });
    expect((await stepUntil(on.Data.ChangeOrderId)).Status).toBe(2);
    expect((await enabled()).ScaleRuleEnabled).toBe(true);
  });

  it('a timing trigger that meets the autoscaler’s own order in flight applies once that order ends', async () => {
    const appId = await runningApp(1);
    // Line up: the metric rule's first evaluation 5 s before a whole minute, the timing trigger on it.
    const toMinute = 60_000 - (((sim.clock.now() % 60_000) + 60_000) % 60_000);
    sim.clock.advance(toMinute + 40_000);
    await rules.create({
      AppId: appId,
      ScalingRuleName: 'at-minute',
      ScalingRuleType: 'timing',
      ScalingRuleTimer: timer([{ atTime: cstTime(1), targetReplicas: 2 }]),
      ScalingRuleEnable: true,
    });
    await rules.create({
      AppId: appId,
      ScalingRuleName: 'busy-maker',
      ScalingRuleType: 'metric',
      ScalingRuleMetric: JSON.stringify({
        maxReplicas: 3,
        minReplicas: 1,
        metrics: [{ metricType: 'CPU', metricTargetAverageUtilization: 1 }],
        scaleUpRules: { step: 100, stabilizationWindowSeconds: 3600 },
        scaleDownRules: { step: 100, stabilizationWindowSeconds: 3600 },
      }),
      ScalingRuleEnable: true,
    });
    await pass(2 * 60_000, appId, 5_000);
    const orders = ((await api.listChangeOrders({ AppId: appId })).Data.ChangeOrderList as Json[]).reverse();
    const auto = orders.filter((o) => o.UserId === 'sae-autoscaler');
    expect(auto.map((o) => [o.CoTypeCode, o.Status])).toEqual([
      ['CoScaleOut', 2],
      ['CoScaleIn', 2],
    ]);
    expect(auto[0]?.Description).toContain('busy-maker');
    expect(auto[1]?.Description).toContain('at-minute');
    expect(await replicas(appId)).toBe(2);
  });

  it('the demo data has switched-off rules to try: a metric rule on prod/web-frontend, a timing rule on dev/echo-server', async () => {
    const apps = (await api.listApplications({ PageSize: 100 })).Data.Applications as Json[];
    const web = apps.find((a) => a.AppName === 'web-frontend' && a.NamespaceId === 'cn-hangzhou:prod');
    const listed = (await rules.list({ AppId: web?.AppId })).Data.ApplicationScalingRules as Json[];
    expect(listed.map((r) => [r.ScaleRuleName, r.ScaleRuleType, r.ScaleRuleEnabled])).toEqual([
      ['cpu-memory', 'metric', false],
    ]);
    expect(listed[0]?.Metric.MetricsStatus.CurrentMetrics.map((m: Json) => m.Name)).toEqual([
      'cpu',
      'memory',
    ]);
    const echo = apps.find((a) => a.AppName === 'echo-server');
    const timing = (await rules.list({ AppId: echo?.AppId })).Data.ApplicationScalingRules[0];
    expect(timing).toMatchObject({ ScaleRuleName: 'office-hours', ScaleRuleType: 'timing', Metric: null });
  });
});

describe('BatchStartApplications / BatchStopApplications', () => {
  it('stops and starts several apps of a namespace in one namespace-wide change order', async () => {
    await client.request('POST', '/pop/v1/paas/namespace', {
      NamespaceId: 'cn-hangzhou:batch',
      NamespaceName: 'batch',
    });
    const a = await runningApp(2, 'cn-hangzhou:batch');
    const b = await runningApp(1, 'cn-hangzhou:batch');
    // The seed's example separates the ids with a full-width comma.
    const stopped = await batchStop({ NamespaceId: 'cn-hangzhou:batch', AppIds: `${a}，${b}` });
    expect(stopped).toMatchObject({ Code: '200', Success: true, Message: 'success' });
    const stopId = stopped.Data.ChangeOrderId as string;
    expect(await order(stopId)).toMatchObject({ CoTypeCode: 'CoBatchStopApplication', Status: 1 });
    const perApp = (await api.listChangeOrders({ AppId: a })).Data.ChangeOrderList[0];
    expect(perApp.CoTypeCode).toBe('CoStop');
    expect([0, 1]).toContain(perApp.Status);
    const busy = await expectSdkError(api.startApplication({ AppId: a }));
    expect(busy.code).toBe('Application.ChangerOrderRunning');

    expect((await stepUntil(stopId)).Status).toBe(2);
    expect(await running(a)).toBe(0);
    expect(await running(b)).toBe(0);
    const listed = await listNamespaceOrders({
      NamespaceId: 'cn-hangzhou:batch',
      CoType: 'CoBatchStopApplication',
    });
    expect(listed.Data.ChangeOrderList).toHaveLength(1);
    expect(listed.Data.ChangeOrderList[0]).toMatchObject({ ChangeOrderId: stopId, Status: 2 });

    // Without AppIds the whole namespace starts.
    const started = await batchStart({ NamespaceId: 'cn-hangzhou:batch' });
    expect((await stepUntil(started.Data.ChangeOrderId)).Status).toBe(2);
    expect(await running(a)).toBe(2);
    expect(await running(b)).toBe(1);
  });

  it('aborting the namespace order aborts the per-app orders', async () => {
    const a = await runningApp(1, 'cn-hangzhou:batch');
    const stopped = await batchStop({ NamespaceId: 'cn-hangzhou:batch', AppIds: a });
    // A namespace order has no app version to roll back to: refused, and it keeps running.
    const refused = await expectSdkError(api.abortAndRollback({ ChangeOrderId: stopped.Data.ChangeOrderId }));
    expect(refused.code).toBe('InvalidAppId.NotFound');
    expect((await order(stopped.Data.ChangeOrderId)).Status).toBe(1);
    await api.abortChangeOrder({ ChangeOrderId: stopped.Data.ChangeOrderId });
    expect((await order(stopped.Data.ChangeOrderId)).Status).toBe(6);
    const perApp = (await api.listChangeOrders({ AppId: a })).Data.ChangeOrderList[0];
    expect(perApp).toMatchObject({ CoTypeCode: 'CoStop', Status: 6 });
  });

  it('answers the documented errors', async () => {
    await client.request('POST', '/pop/v1/paas/namespace', {
      NamespaceId: 'cn-hangzhou:empty',
      NamespaceName: 'empty',
    });
    const empty = await expectSdkError(batchStart({ NamespaceId: 'cn-hangzhou:empty' }));
    expect([empty.statusCode, empty.code]).toEqual([400, 'Mamespace.Have.No.Applications']);
    const other = await runningApp(1, 'cn-hangzhou:dev');
    const mixed = await expectSdkError(batchStop({ NamespaceId: 'cn-hangzhou:batch', AppIds: other }));
    expect([mixed.statusCode, mixed.code]).toEqual([400, 'Invalid.App.List.Not.Same.Namespace']);
    const unknown = await expectSdkError(batchStop({ NamespaceId: 'cn-hangzhou:nowhere' }));
    expect([unknown.statusCode, unknown.code]).toEqual([404, 'InvalidNamespaceId.NotFound']);
    const restart = await api.restartApplication({ AppId: other });
    const busy = await expectSdkError(batchStop({ NamespaceId: 'cn-hangzhou:dev', AppIds: other }));
    expect(busy.code).toBe('Application.ChangerOrderRunning');
    await stepUntil(restart.Data.ChangeOrderId);
  });
});
