import { describe, expect, it } from 'vitest';
import { SimClock } from '../src/clock';
import { PARTITION_MIN_MS, PARTITION_SPREAD_MS, PREPARE_MS, splitEven } from '../src/retailcloud/engine';
import { describeAppMonitorMetric, METRIC_NAMES, podCountAt } from '../src/retailcloud/metrics';
import { RC_ERRORS, type RcDeployOrder, type RetailCloudError } from '../src/retailcloud/model';
import { RetailCloudWorld } from '../src/retailcloud/world';

const START = Date.UTC(2025, 5, 15, 8, 0, 0);
const PARTITION_MAX = PARTITION_MIN_MS + PARTITION_SPREAD_MS;
const REGISTRY = 'registry-vpc.cn-zhangjiakou.aliyuncs.com/jst-demo';

function world() {
  const clock = new SimClock({ timeScale: 0, start: START });
  const rc = new RetailCloudWorld({ clock });
  const step = (ms: number) => {
    clock.advance(ms);
    return rc.advance();
  };
  const env = (name: string) => {
    const found = rc.findEnv(name);
    if (!found) throw new Error(`no env ${name}`);
    return found;
  };
  return { clock, rc, step, env };
}

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    return (e as RetailCloudError).code;
  }
  return undefined;
}

/** Steps time until the order leaves Status 0/1, or gives up. */
function runUntilSettled(order: RcDeployOrder, step: (ms: number) => number): void {
  for (let i = 0; i < 200 && (order.Status === 0 || order.Status === 1); i++) step(1_000);
}

describe('retail cloud deploy-order engine', () => {
  it('splits pods evenly over partitions, larger partitions first', () => {
    expect(splitEven(6, 3)).toEqual([2, 2, 2]);
    expect(splitEven(5, 2)).toEqual([3, 2]);
    expect(splitEven(2, 5)).toEqual([1, 1]);
    expect(splitEven(0, 3)).toEqual([0]);
  });

  it('is deterministic for a given clock, however time is stepped', () => {
    const a = world();
    const b = world();
    const snap = (rc: RetailCloudWorld) => ({
      orders: [...rc.store.orders.values()].map((o) => [
        o.DeployOrderId,
        o.Status,
        o.Result,
        o.CurrentPartitionNum,
      ]),
      pods: [...rc.store.instances.values()].map((i) => [i.AppInstanceId, i.Status, i.Version]),
      events: rc.store.events.length,
      jobs: rc.store.jobs.length,
    });
    expect(snap(a.rc)).toEqual(snap(b.rc));
    a.step(20 * 60_000);
    for (let i = 0; i < 1200; i++) b.step(1_000);
    expect(snap(a.rc)).toEqual(snap(b.rc));
  });

  it('starts with a seeded order paused after its first partition, waiting for ResumeDeploy', () => {
    const { rc, step } = world();
    const order = rc.waitingOrder();
    expect(order?.Status).toBe(2);
    const record = rc.engine.record(order as RcDeployOrder, rc.clock.now());
    expect(record).toMatchObject({
      Status: 2,
      StatusName: '暂停',
      Result: 0,
      CurrentPartitionNum: 1,
      TotalPartitions: 3,
    });
    expect(record.DeployPauseType).toBe('each');
    // The §3.3 field set, exactly.
    expect(Object.keys(record).sort()).toEqual(
      [
        'AppInstanceType',
        'CurrentPartitionNum',
        'DeployOrderId',
        'DeployPauseType',
        'DeployPauseTypeName',
        'DeployType',
        'DeployTypeName',
        'Description',
        'ElapsedTime',
        'EndTime',
        'EnvId',
        'EnvType',
        'FailureRate',
        'FinishAppInstanceCt',
        'Name',
        'PartitionType',
        'PartitionTypeName',
        'ResultName',
        'Result',
        'SchemaId',
        'StartTime',
        'Status',
        'StatusName',
        'TotalAppInstanceCt',
        'TotalPartitions',
        'UserId',
        'UserNick',
      ].sort(),
    );
    // A paused order waits however long nobody confirms.
    step(60 * 60_000);
    expect(order?.Status).toBe(2);
  });

  it('PauseType each over three partitions pauses after partitions 1 and 2; the third finishes the order', () => {
    const { rc, step, env } = world();
    const prod = env('mini-shop-prod');
    prod.admissionCode = undefined;
    prod.Replicas = 3;
    const answer = rc.engine.deploy(
      {
        envId: prod.EnvId,
        name: 'mini-3.2.0',
        totalPartitions: 3,
        pauseType: 'each',
        images: [`${REGISTRY}/mini-shop:3.2.0`],
      },
      rc.clock.now(),
    );
    expect(answer).toMatchObject({ Admitted: true, BusinessCode: '0' });
    const order = rc.store.order(answer.DeployOrderId as number);
    expect(order.Status).toBe(0);
    step(PREPARE_MS);
    expect(order.Status).toBe(1);
    const seen: number[] = [];
    for (let pause = 1; pause <= 2; pause++) {
      runUntilSettled(order, step);
      expect(order.Status).toBe(2);
      expect(order.CurrentPartitionNum).toBe(pause);
      seen.push(order.pauses);
      const rows = rc.engine.podRecords(order);
      expect(
        rows.filter((r) => r.DeployPartitionNum <= pause).every((r) => r.Status === 3 && r.Result === 1),
      ).toBe(true);
      expect(
        rows
          .filter((r) => r.DeployPartitionNum > pause)
          .every((r) => r.Status === 2 && r.DeploySteps.length === 0),
      ).toBe(true);
      expect(rc.engine.record(order, rc.clock.now()).FinishAppInstanceCt).toBe(pause);
      rc.engine.resume(order.DeployOrderId, rc.clock.now());
      expect(order.Status).toBe(1);
      expect(order.CurrentPartitionNum).toBe(pause + 1);
    }
    runUntilSettled(order, step);
    expect(seen).toEqual([1, 2]);
    expect(order).toMatchObject({ Status: 3, Result: 1, pauses: 2, CurrentPartitionNum: 3 });
    const pods = rc.store.envInstances(prod.EnvId);
    expect(pods.map((p) => [p.Status, p.Version])).toEqual([
      ['Normal', '3.2.0'],
      ['Normal', '3.2.0'],
      ['Normal', '3.2.0'],
    ]);
    expect(prod.baseline?.version).toBe('3.2.0');
    expect(prod.baseline?.PacketUrl).toBe(`${REGISTRY}/mini-shop:3.2.0`);
    // Resuming a finished order is refused.
    expect(codeOf(() => rc.engine.resume(order.DeployOrderId, rc.clock.now()))).toBe(
      RC_ERRORS.orderState.code,
    );
  });

  it('PauseType first pauses once; none runs every partition without stopping', () => {
    const { rc, step, env } = world();
    const mini = env('mini-shop-prod');
    mini.admissionCode = undefined;
    mini.Replicas = 4;
    const first = rc.store.order(
      rc.engine.deploy(
        { envId: mini.EnvId, name: 'a', totalPartitions: 4, pauseType: 'first', images: [`${REGISTRY}/x:1`] },
        rc.clock.now(),
      ).DeployOrderId as number,
    );
    runUntilSettled(first, step);
    step(PARTITION_MAX);
    expect(first.Status).toBe(2);
    rc.engine.resume(first.DeployOrderId, rc.clock.now());
    runUntilSettled(first, step);
    expect(first).toMatchObject({ Status: 3, Result: 1, pauses: 1 });

    const none = rc.store.order(
      rc.engine.deploy(
        { envId: mini.EnvId, name: 'b', totalPartitions: 2, images: [`${REGISTRY}/x:2`] },
        rc.clock.now(),
      ).DeployOrderId as number,
    );
    expect(none.pauseType).toBe('none');
    runUntilSettled(none, step);
    expect(none).toMatchObject({ Status: 3, Result: 1, pauses: 0 });
  });

  it('records per-pod steps, pod logs and pod events, and moves instances through the documented statuses', () => {
    const { rc, step, env } = world();
    const order = rc.waitingOrder() as RcDeployOrder;
    rc.engine.resume(order.DeployOrderId, rc.clock.now());
    const statuses = new Set<string>();
    const prodId = env('trade-center-prod').EnvId;
    for (let i = 0; i < 45 && order.Status === 1; i++) {
      step(1_000);
      for (const p of rc.store.envInstances(prodId)) statuses.add(p.Status);
    }
    expect([...statuses]).toEqual(
      expect.arrayContaining(['Offlining', 'ToBeSchedule', 'Starting', 'Normal']),
    );
    const row = rc.engine.podRecords(order).find((r) => r.DeployPartitionNum === 2);
    expect(row?.DeploySteps.map((s) => [s.StepCode, s.Status])).toEqual([
      ['StopAppInstance', 'SUCCESS'],
      ['StartAppInstance', 'SUCCESS'],
    ]);
    const log = rc.engine.podLog(order, row?.AppInstanceId as string);
    expect(log.DeployOrderName).toBe('trade-center-1.5.0');
    expect(log.EnvTypeName).toBe('正式');
    expect(log.DeployStepList[1]?.StepLog).toContain('Pulling image');
    const events = rc.engine.podEvents(order, row?.AppInstanceId as string);
    expect(events.PodEvents.map((e) => e.Reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Pulling', 'Started']),
    );
    expect(events.PodEvents[0]?.EventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(rc.store.events.some((e) => e.EnvId === prodId && e.Reason === 'Scheduled')).toBe(true);
  });

  it('close ends an open order with Result 4 and unblocks the environment', () => {
    const { rc, step } = world();
    const order = rc.waitingOrder() as RcDeployOrder;
    const envId = order.EnvId;
    // One open order per environment: DeployApp and ScaleApp are refused.
    expect(codeOf(() => rc.engine.deploy({ envId, name: 'x', totalPartitions: 2 }, rc.clock.now()))).toBe(
      RC_ERRORS.orderInProgress.code,
    );
    expect(codeOf(() => rc.engine.scale({ envId, replicas: 2 }, rc.clock.now()))).toBe(
      RC_ERRORS.orderInProgress.code,
    );
    rc.engine.close(order.DeployOrderId, rc.clock.now());
    expect(order).toMatchObject({ Status: 3, Result: 4 });
    const record = rc.engine.record(order, rc.clock.now());
    expect(record.ResultName).toBe('人为置为失败');
    expect(record.EndTime).not.toBe('');
    expect(
      rc.engine
        .podRecords(order)
        .filter((r) => r.DeployPartitionNum > 1)
        .every((r) => r.Result === 4),
    ).toBe(true);
    // Nothing moves afterwards, and closing twice is refused.
    step(10 * 60_000);
    expect(order.Status).toBe(3);
    expect(codeOf(() => rc.engine.close(order.DeployOrderId, rc.clock.now()))).toBe(
      RC_ERRORS.orderState.code,
    );
    expect(rc.engine.deploy({ envId, name: 'next', totalPartitions: 2 }, rc.clock.now()).Admitted).toBe(true);
  });

  it('closing mid-partition completes the pod moves in flight', () => {
    const { rc, step } = world();
    const order = rc.waitingOrder() as RcDeployOrder;
    rc.engine.resume(order.DeployOrderId, rc.clock.now());
    step(PARTITION_MIN_MS / 2);
    rc.engine.close(order.DeployOrderId, rc.clock.now());
    const pods = rc.store.envInstances(order.EnvId);
    expect(pods).toHaveLength(6);
    expect(pods.every((p) => p.Status === 'Normal')).toBe(true);
  });

  it('a failing image tag fails the partition and the order', () => {
    const { rc, step, env } = world();
    const test = env('trade-center-test');
    const answer = rc.engine.deploy(
      {
        envId: test.EnvId,
        name: 'broken',
        totalPartitions: 3,
        pauseType: 'none',
        images: [`${REGISTRY}/trade-center:fail`],
      },
      rc.clock.now(),
    );
    const order = rc.store.order(answer.DeployOrderId as number);
    runUntilSettled(order, step);
    expect(order).toMatchObject({ Status: 3, Result: 2, CurrentPartitionNum: 1 });
    const record = rc.engine.record(order, rc.clock.now());
    expect(record.ResultName).toBe('失败');
    expect(Number(record.FailureRate)).toBeGreaterThan(0);
    const rows = rc.engine.podRecords(order);
    expect(rows[0]?.DeploySteps.find((s) => s.StepCode === 'StartAppInstance')?.Status).toBe('FAIL');
    expect(
      rc.store.envInstances(test.EnvId).some((p) => p.Status === 'Failed' && p.Health === 'ABNORMAL'),
    ).toBe(true);
    expect(test.baseline?.version).not.toBe('fail');
    expect(rc.store.events.some((e) => e.EnvId === test.EnvId && e.Level === 'Warning')).toBe(true);
  });

  it('scale orders add and remove pods and update Replicas', () => {
    const { rc, step, env } = world();
    const test = env('trade-center-test');
    const out = rc.engine.scale({ envId: test.EnvId, replicas: 5 }, rc.clock.now());
    const order = rc.store.order(out.DeployOrderId as number);
    expect(order).toMatchObject({ category: 'scale', TotalPartitions: 2, Name: '应用实例数扩缩容至5个' });
    expect(test.Replicas).toBe(5);
    runUntilSettled(order, step);
    expect(order).toMatchObject({ Status: 3, Result: 1 });
    expect(rc.store.envInstances(test.EnvId).filter((p) => p.Status === 'Normal')).toHaveLength(5);

    const inn = rc.store.order(
      rc.engine.scale({ envId: test.EnvId, replicas: 1, totalPartitions: 1 }, rc.clock.now())
        .DeployOrderId as number,
    );
    runUntilSettled(inn, step);
    expect(inn).toMatchObject({ Status: 3, Result: 1, TotalPartitions: 1 });
    expect(rc.store.envInstances(test.EnvId)).toHaveLength(1);
    expect(rc.engine.podRecords(inn)[0]?.DeploySteps.map((s) => s.StepCode)).toEqual([
      'StopAppInstance',
      'DeleteAppInstance',
    ]);
  });

  it('answers Admitted=false with the BusinessCode during a freeze and creates no order', () => {
    const { rc, env } = world();
    const frozen = env('mini-shop-prod');
    const before = rc.store.orders.size;
    expect(rc.engine.deploy({ envId: frozen.EnvId, name: 'x', totalPartitions: 2 }, rc.clock.now())).toEqual({
      Admitted: false,
      BusinessCode: '102001',
    });
    expect(rc.engine.scale({ envId: frozen.EnvId, replicas: 3 }, rc.clock.now()).Admitted).toBe(false);
    expect(rc.store.orders.size).toBe(before);
  });

  it('rebuilds an instance: the old pod goes away and a new one becomes Normal', () => {
    const { rc, step, env } = world();
    const mini = env('mini-shop-prod');
    const old = rc.store.envInstances(mini.EnvId)[0];
    const name = old?.AppInstanceId as string;
    rc.engine.rebuild(mini.AppId, mini.EnvId, name, rc.clock.now());
    expect(old?.Status).toBe('Offlining');
    step(30_000);
    const pods = rc.store.envInstances(mini.EnvId);
    expect(pods).toHaveLength(2);
    expect(pods.some((p) => p.AppInstanceId === name)).toBe(false);
    expect(pods.every((p) => p.Status === 'Normal' && p.Version === '3.1.0')).toBe(true);
    expect(codeOf(() => rc.engine.rebuild(mini.AppId, mini.EnvId, 'nope', rc.clock.now()))).toBe(
      RC_ERRORS.notFound.code,
    );
  });

  it('generates job histories for cron-type apps', () => {
    const { rc, env } = world();
    const cron = env('report-job-prod');
    const jobs = rc.store.jobs.filter((j) => j.EnvId === cron.EnvId);
    expect(jobs.length).toBeGreaterThan(10);
    expect(jobs.some((j) => j.Failed > 0)).toBe(true);
    expect(jobs.every((j) => j.PodList.length === 1 && j.logs[j.PodList[0] as string])).toBe(true);
  });
});

describe('retail cloud store helpers', () => {
  it('deploys a code package: the version comes from the file name and the sidecar log names the URL', () => {
    const { rc, step, env } = world();
    const report = env('report-job-prod');
    const url = 'https://jst-demo-packages.oss-cn-zhangjiakou.aliyuncs.com/report-job-0.4.0.zip';
    const order = rc.store.order(
      rc.engine.deploy(
        { envId: report.EnvId, name: 'report-0.4.0', totalPartitions: 1, packetUrl: url },
        rc.clock.now(),
      ).DeployOrderId as number,
    );
    runUntilSettled(order, step);
    expect(order.Result).toBe(1);
    expect(report.baseline).toMatchObject({ version: 'report-job-0.4.0', PacketUrl: url });
    const pod = rc.store.envInstances(report.EnvId)[0];
    expect(rc.store.instanceView(pod as NonNullable<typeof pod>)).toMatchObject({
      Limits: '1vcpu 2GB',
      Requests: '0.5vcpu 1GB',
      Status: 'Normal',
    });
    const logs = rc.store.containerLogs(report, pod?.AppInstanceId as string, 5, rc.clock.now());
    expect(logs.map((l) => l.ContainerName)).toContain('jck-sidecar-deploytool');
    expect(logs[0]?.Content.split('\n').length).toBeLessThanOrEqual(5);
  });

  it('summarises cluster workload from the pods placed on it', () => {
    const { rc } = world();
    const cluster = [...rc.store.clusters.values()].find((c) => c.EnvType === 'PRO');
    const detail = rc.store.clusterWorkload(cluster?.InstanceId as string);
    expect(detail.WorkLoad.AllNodeCount).toBe(3);
    expect(detail.InstanceInfo.AllocatePodCount).toBeGreaterThan(0);
    expect(detail.WorkLoad.CpuRequestPercent).toBeGreaterThan(0);
    expect(detail.WorkLoad.CpuRequestPercent).toBeLessThanOrEqual(1);
  });

  it('offlines and deletes environments and apps, refusing while an order is open', () => {
    const { rc, env } = world();
    const prod = env('trade-center-prod');
    expect(codeOf(() => rc.engine.offline(prod, false, rc.clock.now()))).toBe(RC_ERRORS.orderInProgress.code);
    expect(codeOf(() => rc.engine.deleteEnv(prod, false, rc.clock.now()))).toBe(
      RC_ERRORS.orderInProgress.code,
    );
    const mini = env('mini-shop-prod');
    rc.engine.offline(mini, false, rc.clock.now());
    expect(mini.offline).toBe(true);
    expect(rc.store.envInstances(mini.EnvId)).toHaveLength(0);
    expect(rc.store.envs.has(mini.EnvId)).toBe(true);
    expect(codeOf(() => rc.engine.deleteApp(prod.AppId, false, rc.clock.now()))).toBe(RC_ERRORS.inUse.code);
    rc.engine.deleteApp(prod.AppId, true, rc.clock.now());
    expect(rc.store.apps.has(prod.AppId)).toBe(false);
    expect(rc.store.envs.has(prod.EnvId)).toBe(false);
    expect(rc.waitingOrder()).toBeUndefined();
  });
});

describe('retail cloud list helpers', () => {
  it('filters deploy orders as ListDeployOrders does, newest first', () => {
    const { rc, env } = world();
    const prod = env('trade-center-prod');
    const test = env('trade-center-test');
    const all = rc.engine.listOrders(prod.AppId);
    expect(all.length).toBe(rc.store.envOrders(prod.EnvId).length + rc.store.envOrders(test.EnvId).length);
    expect(all.map((o) => o.createdAt)).toEqual([...all.map((o) => o.createdAt)].sort((a, b) => b - a));
    expect(rc.engine.listOrders(prod.AppId, { StatusList: [2] }).map((o) => o.DeployOrderId)).toEqual([
      rc.waitingOrder()?.DeployOrderId,
    ]);
    expect(rc.engine.listOrders(prod.AppId, { DeployCategory: 'scale' })).toHaveLength(1);
    expect(rc.engine.listOrders(prod.AppId, { ResultList: [4] })).toHaveLength(1);
    expect(rc.engine.listOrders(prod.AppId, { EnvType: 'test', PauseType: 'first' })).toHaveLength(1);
    const recent = rc.engine.listOrders(prod.AppId, { StartTimeGreaterThanOrEqualTo: '2025-06-15 07:00:00' });
    expect(recent.map((o) => o.Status)).toEqual([2]);
    expect(
      rc.engine
        .listOrders(prod.AppId, { EndTimeLessThan: '2025-06-15 07:00:00' })
        .every((o) => o.Status === 3),
    ).toBe(true);
    expect(codeOf(() => rc.engine.listOrders(prod.AppId, { StartTimeLessThan: 'ç' }))).toBe(
      RC_ERRORS.invalidParameter.code,
    );
  });

  it('lists monitor events of an environment by time range and filters', () => {
    const { rc, env } = world();
    const test = env('member-portal-test');
    const now = rc.clock.now();
    const events = rc.store.monitorEvents(test.EnvId, { start: now - 3 * 3_600_000, end: now });
    expect(events.length).toBeGreaterThan(0);
    const failed = rc.store.monitorEvents(test.EnvId, {
      start: now - 3 * 3_600_000,
      end: now,
      type: 'POD_FAILED',
    });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.Level === 'Warning')).toBe(true);
    expect(rc.store.monitorEvents(test.EnvId, { start: now - 60_000, end: now })).toHaveLength(0);
  });
});

describe('retail cloud monitor metrics', () => {
  it('answers one-minute series for all 14 metrics, group and instance', () => {
    const { rc, env } = world();
    const prod = env('trade-center-prod');
    const order = rc.waitingOrder() as RcDeployOrder;
    const pod = rc.store.envInstances(prod.EnvId)[0]?.AppInstanceId as string;
    const now = rc.clock.now();
    expect(METRIC_NAMES).toHaveLength(14);
    for (const metric of METRIC_NAMES) {
      const group = metric.startsWith('deployment.');
      const [item, ...rest] = describeAppMonitorMetric(
        rc.store,
        {
          envId: prod.EnvId,
          metric,
          type: group ? 'group' : 'instance',
          startTime: now - 30 * 60_000,
          endTime: now,
          deployOrderId: group ? order.DeployOrderId : undefined,
          podName: group ? undefined : pod,
        },
        now,
      );
      expect(rest).toHaveLength(0);
      expect(item?.Name).toBeTruthy();
      expect(item?.Categories).toHaveLength(item?.Data.length as number);
      expect(item?.Categories.length).toBeGreaterThan(0);
      expect(item?.Categories[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/);
      expect(item?.Data.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      if (metric.endsWith('utilization')) expect(item?.Data.every((v) => v <= 1)).toBe(true);
    }
    // Deterministic.
    const q = {
      envId: prod.EnvId,
      metric: 'deployment.cpu.usage_rate',
      type: 'group',
      startTime: now - 3_600_000,
      endTime: now,
    };
    expect(describeAppMonitorMetric(rc.store, q, now)).toEqual(describeAppMonitorMetric(rc.store, q, now));
    expect(codeOf(() => describeAppMonitorMetric(rc.store, { ...q, metric: 'nope' }, now))).toBe(
      RC_ERRORS.invalidParameter.code,
    );
    expect(codeOf(() => describeAppMonitorMetric(rc.store, { ...q, type: 'instance' }, now))).toBe(
      RC_ERRORS.invalidParameter.code,
    );
  });

  it('StartTime equal to EndTime answers the ten minutes before it, as the seed example', () => {
    const { rc, env } = world();
    const prod = env('trade-center-prod');
    const now = rc.clock.now();
    const [item] = describeAppMonitorMetric(
      rc.store,
      {
        envId: prod.EnvId,
        metric: 'deployment.memory.working_set',
        type: 'group',
        startTime: now,
        endTime: now,
      },
      now,
    );
    expect(item?.Data).toHaveLength(10);
  });

  it('group CPU follows the number of pods through a scale out and in', () => {
    const { rc, step, env } = world();
    const test = env('trade-center-test');
    const t0 = rc.clock.now();
    const scaleTo = (replicas: number) => {
      const order = rc.store.order(
        rc.engine.scale({ envId: test.EnvId, replicas }, rc.clock.now()).DeployOrderId as number,
      );
      runUntilSettled(order, step);
      step(30 * 60_000);
    };
    step(30 * 60_000);
    scaleTo(8);
    const t1 = rc.clock.now();
    scaleTo(1);
    const t2 = rc.clock.now();
    const q = {
      envId: test.EnvId,
      metric: 'deployment.cpu.usage_rate',
      type: 'group',
      startTime: t0,
      endTime: t2,
    };
    const [item] = describeAppMonitorMetric(rc.store, q, t2);
    const at = (t: number) => {
      const i = item?.Categories.indexOf(
        new Date(Math.floor(t / 60_000) * 60_000).toISOString().slice(0, 19).replace('T', ' '),
      );
      return item?.Data[i as number] as number;
    };
    const before = at(t0 + 20 * 60_000);
    const many = at(t1 - 5 * 60_000);
    const few = at(t2 - 5 * 60_000);
    expect(podCountAt(rc.store, test.EnvId, t1 - 5 * 60_000)).toBe(8);
    expect(podCountAt(rc.store, test.EnvId, t2 - 5 * 60_000)).toBe(1);
    expect(many).toBeGreaterThan(before * 1.8);
    expect(few).toBeLessThan(many / 3);
    // Instance series cover only the minutes the pod lived.
    const gone = rc.store.retired.find((p) => p.EnvId === test.EnvId && (p.removedAt as number) > t1);
    const [series] = describeAppMonitorMetric(
      rc.store,
      {
        envId: test.EnvId,
        metric: 'pod.cpu.usage_rate',
        type: 'instance',
        podName: gone?.AppInstanceId,
        startTime: t0,
        endTime: t2,
      },
      t2,
    );
    expect(series?.Data.length).toBeGreaterThan(0);
    expect(series?.Data.length).toBeLessThan(item?.Data.length as number);
  });
});
