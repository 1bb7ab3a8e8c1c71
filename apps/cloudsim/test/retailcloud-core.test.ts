import * as $OpenApi from '@alicloud/openapi-client';
import RetailCloud, * as $RC from '@alicloud/retailcloud20180313';
import * as $Util from '@alicloud/tea-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, KEY, startFrozen } from './helpers';

/**
 * The core Retail Cloud flow through the official `@alicloud/retailcloud20180313` client: app, deploy
 * config, environment, deploy orders paused per batch and resumed, closed, refused while one is open,
 * scaling, per-pod steps and monitor metrics. The clock is frozen; the tests step it.
 */

let sim: RunningCloudSim;
let rc: RetailCloud;

beforeAll(async () => {
  sim = await startFrozen();
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
afterAll(() => sim.close());

/** Any action by name with raw parameters (to send what the typed client cannot). */
function callAction(action: string, query: Record<string, string>) {
  return rc.callApi(
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
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function detail(orderId: number) {
  const answer = await rc.describeDeployOrderDetail(
    new $RC.DescribeDeployOrderDetailRequest({ deployOrderId: orderId }),
  );
  expect(answer.body?.code).toBe(0);
  return answer.body?.result as $RC.DescribeDeployOrderDetailResponseBodyResult;
}

/** Steps simulated time 5 s at a time until the order leaves Status 0/1 (paused or finished). */
async function settle(orderId: number) {
  for (let i = 0; i < 60; i++) {
    const order = await detail(orderId);
    if (order.status === 2 || order.status === 3) return order;
    sim.clock.advance(5_000);
  }
  throw new Error(`order ${orderId} did not settle`);
}

/** A fresh app with an online deploy config and an environment of `replicas` pods. */
async function newEnvironment(title: string, replicas: number) {
  const user = sim.retailcloud.store.users[0];
  const app = await rc.createApp(
    new $RC.CreateAppRequest({
      bizCode: 'JST',
      language: 'Java',
      operatingSystem: 'Linux',
      serviceType: 'StoreApplication',
      title,
      stateType: 1,
      userRoles: [
        new $RC.CreateAppRequestUserRoles({
          roleName: 'Owner',
          userId: user?.UserId,
          userType: user?.UserType,
        }),
      ],
    }),
  );
  expect(app.body).toMatchObject({ code: 0, errMsg: '' });
  const appId = app.body?.result?.appId as number;
  const schema = await rc.createDeployConfig(
    new $RC.CreateDeployConfigRequest({
      appId,
      envType: 'online',
      name: `${title}-online`,
      codePath: '/opt/app/app.jar',
      deployment: b64(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${title}\n`),
      configMapList: [b64('apiVersion: v1\nkind: ConfigMap\n')],
    }),
  );
  expect(schema.body).toMatchObject({ code: 0, errMessage: '' });
  const env = await rc.createEnvironment(
    new $RC.CreateEnvironmentRequest({
      appId,
      appSchemaId: schema.body?.result?.schemaId,
      envName: `${title}-prod`,
      envType: 1,
      region: 'cn-zhangjiakou',
      replicas,
    }),
  );
  expect(env.body?.code).toBe(0);
  return { appId, envId: env.body?.result?.appEnvId as number };
}

describe('Retail Cloud core flow through the official SDK', () => {
  let appId: number;
  let envId: number;
  let firstOrder: number;

  beforeAll(async () => {
    ({ appId, envId } = await newEnvironment('core-flow', 3));
  });

  it('creates what it reads back: app detail, environment detail and list, deploy config list', async () => {
    const app = await rc.describeAppDetail(new $RC.DescribeAppDetailRequest({ appId }));
    expect(app.body?.result).toMatchObject({ title: 'core-flow', bizName: 'JST', appStateType: 'stateless' });
    const env = await rc.describeAppEnvironmentDetail(
      new $RC.DescribeAppEnvironmentDetailRequest({ appId, envId }),
    );
    expect(env.body?.result).toMatchObject({ envId, envType: 1, envTypeName: '正式', replicas: 3 });
    const envs = await rc.listAppEnvironment(
      new $RC.ListAppEnvironmentRequest({ appId, pageNumber: 1, pageSize: 10 }),
    );
    expect(envs.body).toMatchObject({ code: 0, errorMsg: '', totalCount: 1, pageNumber: 1 });
    const configs = await rc.listDeployConfig(new $RC.ListDeployConfigRequest({ appId }));
    expect(configs.body?.data?.[0]?.containerYamlConf?.deployment).toContain('kind: Deployment');
    expect(configs.body?.data?.[0]?.containerYamlConf?.configMapList).toEqual([
      'apiVersion: v1\nkind: ConfigMap\n',
    ]);
  });

  it('pauses a PauseType=each order after each of three batches until ResumeDeploy, then succeeds', async () => {
    const deployed = await rc.deployApp(
      new $RC.DeployAppRequest({
        envId,
        name: 'core-flow-1.0.0',
        totalPartitions: 3,
        pauseType: 'each',
        containerImageList: ['registry.cn-zhangjiakou.aliyuncs.com/jst/core-flow:1.0.0'],
      }),
    );
    expect(deployed.body).toMatchObject({ code: 0, errMsg: '', success: true });
    expect(deployed.body?.result).toMatchObject({ admitted: true, businessCode: '0' });
    firstOrder = deployed.body?.result?.deployOrderId as number;

    let order = await settle(firstOrder);
    expect(order).toMatchObject({
      status: 2,
      statusName: '暂停',
      currentPartitionNum: 1,
      finishAppInstanceCt: 1,
    });
    expect(order).toMatchObject({
      deployPauseType: 'each',
      deployPauseTypeName: '每批暂停',
      totalPartitions: 3,
    });

    const pods = await rc.listPods(
      new $RC.ListPodsRequest({ deployOrderId: firstOrder, pageNumber: 1, pageSize: 10 }),
    );
    expect(pods.body).toMatchObject({ code: 0, errorMsg: '', totalCount: 3 });
    const rows = pods.body?.data ?? [];
    expect(rows.map((p) => p.deployPartitionNum)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ status: 3, result: 1 });
    expect(rows[0]?.deploySteps?.map((s) => [s.stepCode, s.status])).toContainEqual([
      'StartAppInstance',
      'SUCCESS',
    ]);
    expect(rows[1]?.status).not.toBe(3);

    const log = await rc.describePodLog(
      new $RC.DescribePodLogRequest({ deployOrderId: firstOrder, appInstId: rows[0]?.appInstanceId }),
    );
    expect(log.body?.result?.deployStepList?.length).toBeGreaterThan(0);

    for (const batch of [2, 3]) {
      const resumed = await rc.resumeDeploy(new $RC.ResumeDeployRequest({ deployOrderId: firstOrder }));
      expect(resumed.body).toMatchObject({ code: 0, success: true });
      order = await settle(firstOrder);
      expect(order.currentPartitionNum).toBe(batch);
    }
    expect(order).toMatchObject({ status: 3, result: 1, resultName: '成功', finishAppInstanceCt: 3 });

    const instances = await rc.listAppInstance(
      new $RC.ListAppInstanceRequest({ appId, envId, pageNumber: 1, pageSize: 10 }),
    );
    expect(instances.body?.totalCount).toBe(3);
    expect(instances.body?.data?.every((i) => i.version === '1.0.0' && i.status === 'Normal')).toBe(true);
  });

  it('refuses a second DeployApp while an order is open, and CloseDeployOrder ends a paused one', async () => {
    const deployed = await rc.deployApp(
      new $RC.DeployAppRequest({ envId, name: 'core-flow-1.1.0', totalPartitions: 3, pauseType: 'first' }),
    );
    const orderId = deployed.body?.result?.deployOrderId as number;
    expect((await settle(orderId)).status).toBe(2);

    const second = await rc.deployApp(
      new $RC.DeployAppRequest({ envId, name: 'core-flow-1.2.0', totalPartitions: 2 }),
    );
    expect(second.statusCode).toBe(200);
    expect(second.body).toMatchObject({ code: 4, success: false });
    expect(second.body?.errMsg).toContain('存在未完成的发布单');

    const closed = await rc.closeDeployOrder(new $RC.CloseDeployOrderRequest({ deployOrderId: orderId }));
    expect(closed.body).toMatchObject({ code: 0, success: true });
    expect(await detail(orderId)).toMatchObject({ status: 3, result: 4, resultName: '人为置为失败' });

    const again = await rc.closeDeployOrder(new $RC.CloseDeployOrderRequest({ deployOrderId: orderId }));
    expect(again.body).toMatchObject({ code: 5, success: false });

    const listed = await rc.listDeployOrders(
      new $RC.ListDeployOrdersRequest({ appId, pageNumber: 1, pageSize: 10, resultList: [4] }),
    );
    expect(listed.body?.data?.map((o) => o.deployOrderId)).toEqual([orderId]);
  });

  it('scales the environment with a scale order and shows the new pods', async () => {
    const scaled = await rc.scaleApp(new $RC.ScaleAppRequest({ envId, replicas: 5 }));
    expect(scaled.body).toMatchObject({ code: 0, success: true });
    const orderId = scaled.body?.result?.deployOrderId as number;
    const order = await settle(orderId);
    expect(order).toMatchObject({ status: 3, result: 1, totalPartitions: 2, name: '应用实例数扩缩容至5个' });
    const instances = await rc.listAppInstance(
      new $RC.ListAppInstanceRequest({ appId, envId, pageNumber: 1, pageSize: 10 }),
    );
    expect(instances.body?.totalCount).toBe(5);
    const orders = await rc.listDeployOrders(
      new $RC.ListDeployOrdersRequest({ appId, pageNumber: 1, pageSize: 10, deployCategory: 'scale' }),
    );
    expect(orders.body?.data?.map((o) => o.deployOrderId)).toEqual([orderId]);
  });

  it('returns a metric series for the group and for one pod', async () => {
    sim.clock.advance(10 * 60_000);
    const end = sim.clock.now();
    const group = await rc.describeAppMonitorMetric(
      new $RC.DescribeAppMonitorMetricRequest({
        appId,
        envId,
        startTime: end - 5 * 60_000,
        endTime: end,
        metric: 'deployment.cpu.usage_rate',
        type: 'group',
        deployOrderId: String(firstOrder),
      }),
    );
    expect(group.body).toMatchObject({ code: 0, success: true, errMsg: '' });
    const item = group.body?.result?.[0];
    expect(item?.categories?.length).toBeGreaterThan(1);
    expect(item?.data).toHaveLength(item?.categories?.length as number);
    expect(item?.data?.at(-1)).toBeGreaterThan(0);

    const pods = await rc.listAppInstance(
      new $RC.ListAppInstanceRequest({ appId, envId, pageNumber: 1, pageSize: 1 }),
    );
    const pod = await rc.describeAppMonitorMetric(
      new $RC.DescribeAppMonitorMetricRequest({
        appId,
        envId,
        startTime: end - 5 * 60_000,
        endTime: end,
        metric: 'pod.memory.utilization',
        type: 'instance',
        podName: pods.body?.data?.[0]?.appInstanceId,
      }),
    );
    expect(pod.body?.result?.[0]?.name).toBe('实例内存使用率');
    expect(pod.body?.result?.[0]?.data?.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('refuses missing and malformed parameters at the gateway, bad values as business errors', async () => {
    const missing = await expectSdkError(
      rc.deployApp(new $RC.DeployAppRequest({ envId, totalPartitions: 2 })),
    );
    expect(missing.code).toBe('MissingName');
    expect(missing.message).toMatch(/code: 400/);

    const malformed = await expectSdkError(
      callAction('ScaleApp', { EnvId: String(envId), Replicas: 'many' }),
    );
    expect(malformed.code).toBe('InvalidParameter');

    const noOrder = await expectSdkError(
      rc.describeAppMonitorMetric(
        new $RC.DescribeAppMonitorMetricRequest({
          appId,
          envId,
          startTime: 0,
          endTime: 1,
          metric: 'deployment.cpu.usage_rate',
          type: 'group',
        }),
      ),
    );
    expect(noOrder.code).toBe('MissingDeployOrderId');

    const pause = await rc.deployApp(
      new $RC.DeployAppRequest({ envId, name: 'x', totalPartitions: 2, pauseType: 'sometimes' }),
    );
    expect(pause.statusCode).toBe(200);
    expect(pause.body).toMatchObject({ code: 1, success: false });
    expect(pause.body?.errMsg).toContain('PauseType');

    const unknownEnv = await rc.describeAppEnvironmentDetail(
      new $RC.DescribeAppEnvironmentDetailRequest({ appId, envId: 1 }),
    );
    expect(unknownEnv.body).toMatchObject({ code: 2 });
    expect(unknownEnv.body?.errMsg).toBeTruthy();

    const noPage = await expectSdkError(
      rc.listAppEnvironment(new $RC.ListAppEnvironmentRequest({ appId, pageSize: 10 })),
    );
    expect(noPage.code).toBe('MissingPageNumber');
  });
});

describe('Retail Cloud lifecycle around the deploy flow', () => {
  let appId: number;
  let envId: number;
  let orderId: number;

  beforeAll(async () => {
    ({ appId, envId } = await newEnvironment('core-ops', 2));
    const deployed = await rc.deployApp(
      new $RC.DeployAppRequest({
        envId,
        name: 'core-ops-2.0.0',
        totalPartitions: 1,
        containerImageList: ['registry.cn-zhangjiakou.aliyuncs.com/jst/core-ops:2.0.0'],
      }),
    );
    orderId = deployed.body?.result?.deployOrderId as number;
    expect(await settle(orderId)).toMatchObject({ status: 3, result: 1, deployPauseType: 'none' });
  });

  it('answers the deploy baseline, pod events, container logs and the event centre', async () => {
    const baseline = await rc.describeAppEnvDeployBaseline(
      new $RC.DescribeAppEnvDeployBaselineRequest({ appId, envId }),
    );
    expect(baseline.body).toMatchObject({ code: 0, success: true });
    expect(baseline.body?.result?.packetUrl).toBe('registry.cn-zhangjiakou.aliyuncs.com/jst/core-ops:2.0.0');
    expect(baseline.body?.result?.createTime).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const pods = await rc.listPods(
      new $RC.ListPodsRequest({ deployOrderId: orderId, pageNumber: 1, pageSize: 10 }),
    );
    const pod = pods.body?.data?.[0]?.appInstanceId as string;
    const events = await rc.describePodEvents(
      new $RC.DescribePodEventsRequest({ deployOrderId: orderId, appInstId: pod }),
    );
    expect(events.body?.result?.deployOrderName).toBe('core-ops-2.0.0');
    expect(events.body?.result?.podEvents?.map((e) => e.reason)).toContain('Scheduled');

    const logs = await rc.describePodContainerLogList(
      new $RC.DescribePodContainerLogListRequest({ appId, envId, line: 50, podName: pod }),
    );
    expect(logs.body?.result?.containerLogList?.[0]?.containerName).toBe(
      `jck-app-container-${appId}-${envId}`,
    );

    const now = sim.clock.now();
    const monitor = await rc.describeEventMonitorList(
      new $RC.DescribeEventMonitorListRequest({
        appId,
        envId,
        startTime: now - 3_600_000,
        endTime: now,
        pageNum: 1,
        pageSize: 100,
      }),
    );
    expect(monitor.body).toMatchObject({ code: 0, errorMsg: '', pageNumber: 1, pageSize: 100 });
    expect(monitor.body?.totalCount).toBeGreaterThan(0);
    expect(monitor.body?.data?.[0]?.nameSpace).toBe(`jck-namespace-${appId}`);
  });

  it('updates and guards deploy configs', async () => {
    const configs = await rc.listDeployConfig(new $RC.ListDeployConfigRequest({ appId }));
    const id = configs.body?.data?.[0]?.id as number;
    const updated = await rc.updateDeployConfig(
      new $RC.UpdateDeployConfigRequest({ appId, id, configMapList: [b64('kind: ConfigMap\nname: a\n')] }),
    );
    expect(updated.body).toMatchObject({ code: 0, result: { success: true } });
    const after = await rc.listDeployConfig(new $RC.ListDeployConfigRequest({ appId, id }));
    expect(after.body?.data?.[0]?.containerYamlConf?.configMapList).toEqual(['kind: ConfigMap\nname: a\n']);
    expect(after.body?.data?.[0]?.containerCodePath?.codePath).toBe('/opt/app/app.jar');

    const inUse = await rc.deleteDeployConfig(new $RC.DeleteDeployConfigRequest({ schemaId: id }));
    expect(inUse.body).toMatchObject({ code: 7 });

    const stateful = await rc.createDeployConfig(
      new $RC.CreateDeployConfigRequest({
        appId,
        envType: 'test',
        name: 'sts',
        statefulSet: b64('kind: StatefulSet'),
      }),
    );
    expect(stateful.body?.code).toBe(1);
    expect(stateful.body?.errMessage).toContain('StatefulSet');
  });

  it('rebuilds a pod, scales through UpdateEnvironment, takes the environment offline and deletes the app', async () => {
    const instances = await rc.listAppInstance(
      new $RC.ListAppInstanceRequest({ appId, envId, pageNumber: 1, pageSize: 10 }),
    );
    const pod = instances.body?.data?.[0]?.appInstanceId as string;
    const rebuilt = await rc.rebuildAppInstance(
      new $RC.RebuildAppInstanceRequest({ appId, envId, appInstanceId: pod }),
    );
    expect(rebuilt.body).toMatchObject({ code: 0, result: { success: true } });
    sim.clock.advance(60_000);

    const env = await rc.updateEnvironment(
      new $RC.UpdateEnvironmentRequest({ appId, appEnvId: envId, replicas: 4 }),
    );
    expect(env.body).toMatchObject({ code: 0, result: { success: true } });
    const read = await rc.describeAppEnvironmentDetail(
      new $RC.DescribeAppEnvironmentDetailRequest({ appId, envId }),
    );
    expect(read.body?.result?.replicas).toBe(4);

    const offline = await rc.offlineAppEnvironment(new $RC.OfflineAppEnvironmentRequest({ appId, envId }));
    expect(offline.body).toMatchObject({ code: 0, success: true, result: { success: true } });
    const empty = await rc.listAppInstance(
      new $RC.ListAppInstanceRequest({ appId, envId, pageNumber: 1, pageSize: 10 }),
    );
    expect(empty.body?.totalCount).toBe(0);

    const app = await rc.updateApp(
      new $RC.UpdateAppRequest({
        appId,
        description: '运维演练',
        userRoles: [new $RC.UpdateAppRequestUserRoles({ roleName: 'PE', userId: 'u-1', userType: 'TAOBAO' })],
      }),
    );
    expect(app.body).toMatchObject({ code: 0, result: { success: true } });
    const described = await rc.describeAppDetail(new $RC.DescribeAppDetailRequest({ appId }));
    expect(described.body?.result).toMatchObject({ description: '运维演练' });
    expect(described.body?.result?.userRoles?.map((r) => r.roleName)).toEqual(['PE']);

    const guarded = await rc.deleteAppDetail(new $RC.DeleteAppDetailRequest({ appId }));
    expect(guarded.body?.code).toBe(7);
    const deleted = await rc.deleteAppDetail(new $RC.DeleteAppDetailRequest({ appId, force: true }));
    expect(deleted.body).toMatchObject({ code: 0, result: { success: true } });
    const gone = await rc.describeAppDetail(new $RC.DescribeAppDetailRequest({ appId }));
    expect(gone.body?.code).toBe(2);
  });
});

describe('Retail Cloud seeded deploy states', () => {
  it('answers Admitted=false with the seeded BusinessCode and creates no order', async () => {
    const env = sim.retailcloud.findEnv('mini-shop-prod');
    const before = sim.retailcloud.store.orders.size;
    const answer = await rc.deployApp(
      new $RC.DeployAppRequest({ envId: env?.EnvId, name: 'frozen', totalPartitions: 2 }),
    );
    expect(answer.body).toMatchObject({
      code: 0,
      success: true,
      result: { admitted: false, businessCode: '102001' },
    });
    expect(answer.body?.result?.deployOrderId).toBeUndefined();
    expect(sim.retailcloud.store.orders.size).toBe(before);
  });

  it('refuses ResumeDeploy on an order that is not paused', async () => {
    const env = sim.retailcloud.findEnv('trade-center-test');
    const orders = await rc.listDeployOrders(
      new $RC.ListDeployOrdersRequest({
        appId: env?.AppId,
        envId: env?.EnvId,
        pageNumber: 1,
        pageSize: 10,
        statusList: [3],
      }),
    );
    const done = orders.body?.data?.[0]?.deployOrderId;
    expect(done).toBeTypeOf('number');
    const resumed = await rc.resumeDeploy(new $RC.ResumeDeployRequest({ deployOrderId: done }));
    expect(resumed.body).toMatchObject({ code: 5, success: false });
    expect(resumed.body?.errMsg).toBeTruthy();
  });
});
