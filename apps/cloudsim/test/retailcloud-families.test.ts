import * as $OpenApi from '@alicloud/openapi-client';
import RetailCloud, * as $RC from '@alicloud/retailcloud20180313';
import * as $Util from '@alicloud/tea-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { RC_SEED } from '../src/retailcloud/seed';
import { expectSdkError, KEY } from './helpers';

/**
 * Storage, groups, users, SLB, services, jobs, node labels, resource allocation, clusters and RDS,
 * through the official `@alicloud/retailcloud20180313` client.
 */

let sim: RunningCloudSim;
let rc: RetailCloud;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0 });
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

/** The raw JSON body of an action, as the server wrote it (the SDK models drop unknown keys). */
async function raw(action: string, query: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await rc.callApi(
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
  return res.body as Record<string, unknown>;
}

const env = (name: string) => {
  const found = sim.retailcloud.findEnv(name);
  if (!found) throw new Error(`no env ${name}`);
  return found;
};
const cluster = (title: string) => {
  const found = [...sim.retailcloud.store.clusters.values()].find((c) => c.ClusterTitle === title);
  if (!found) throw new Error(`no cluster ${title}`);
  return found;
};

describe('存储卷 PV and 存储卷声明 PVC', () => {
  it('binds a claim to a volume of its cluster and keeps a bound volume', async () => {
    const prod = env(RC_SEED.pausedOrder.env);
    const clusterId = prod.clusterInstanceId as string;
    const pv = await rc.createPersistentVolume(
      new $RC.CreatePersistentVolumeRequest({
        clusterInstanceId: clusterId,
        name: 'nas-orders-pv',
        accessModes: 'ReadWriteMany',
        capacity: '50Gi',
        mountTargetDomain: 'abc123-xyz.cn-zhangjiakou.nas.aliyuncs.com',
        NFSVersion: '3',
        reclaimPolicy: 'Retain',
        storageClass: 'nas-orders',
      }),
    );
    expect(pv.body?.code).toBe(0);
    expect(pv.body?.errMsg).toBe('');
    expect(pv.body?.result?.persistentVolumeId).toBeTypeOf('number');

    const pvc = await rc.createPersistentVolumeClaim(
      new $RC.CreatePersistentVolumeClaimRequest({
        appId: prod.AppId,
        envId: prod.EnvId,
        name: 'orders-data',
        accessModes: 'ReadWriteMany',
        capacity: '50Gi',
        storageClass: 'nas-orders',
      }),
    );
    expect(pvc.body?.code).toBe(0);
    expect(pvc.body?.result?.persistentVolumeClaimId).toBeTypeOf('number');

    const claims = await rc.listPersistentVolumeClaim(
      new $RC.ListPersistentVolumeClaimRequest({
        appId: prod.AppId,
        envId: prod.EnvId,
        pageNumber: 1,
        pageSize: 10,
      }),
    );
    expect(claims.body?.errorMsg).toBe('');
    const claim = claims.body?.data?.find((c) => c.name === 'orders-data');
    expect(claim).toMatchObject({ status: 'Bound', volumeName: 'nas-orders-pv', storageClass: 'nas-orders' });
    expect(claim?.createTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const volumes = await rc.listPersistentVolume(
      new $RC.ListPersistentVolumeRequest({ clusterInstanceId: clusterId, pageNumber: 1, pageSize: 100 }),
    );
    expect(volumes.body?.errMsg).toBe('');
    expect(volumes.body?.data?.find((v) => v.name === 'nas-orders-pv')).toMatchObject({
      status: 'Bound',
      pvcName: 'orders-data',
    });

    // A bound volume cannot be deleted.
    const refused = await rc.deletePersistentVolume(
      new $RC.DeletePersistentVolumeRequest({
        clusterInstanceId: clusterId,
        persistentVolumeName: 'nas-orders-pv',
      }),
    );
    expect(refused.body?.code).toBe(7);
    expect(refused.body?.errMsg).toContain('nas-orders-pv');

    const deleted = await rc.deletePersistentVolumeClaim(
      new $RC.DeletePersistentVolumeClaimRequest({
        appId: prod.AppId,
        envId: prod.EnvId,
        persistentVolumeClaimName: 'orders-data',
      }),
    );
    expect(deleted.body?.result?.success).toBe(true);
    const after = await rc.listPersistentVolume(
      new $RC.ListPersistentVolumeRequest({ clusterInstanceId: clusterId, pageNumber: 1, pageSize: 100 }),
    );
    expect(after.body?.data?.find((v) => v.name === 'nas-orders-pv')?.status).toBe('Released');
    const gone = await rc.deletePersistentVolume(
      new $RC.DeletePersistentVolumeRequest({
        clusterInstanceId: clusterId,
        persistentVolumeName: 'nas-orders-pv',
      }),
    );
    expect(gone.body?.result?.success).toBe(true);
  });

  it('refuses a malformed capacity, a page over 100 and a missing parameter', async () => {
    const prod = env(RC_SEED.pausedOrder.env);
    const bad = await rc.createPersistentVolumeClaim(
      new $RC.CreatePersistentVolumeClaimRequest({
        appId: prod.AppId,
        envId: prod.EnvId,
        name: 'x',
        accessModes: 'ReadWriteOnce',
        capacity: 'lots',
        storageClass: 'nas-x',
      }),
    );
    expect(bad.body?.code).toBe(1);
    expect(bad.body?.errMsg).toContain('Capacity');
    const big = await rc.listPersistentVolume(
      new $RC.ListPersistentVolumeRequest({
        clusterInstanceId: prod.clusterInstanceId,
        pageNumber: 1,
        pageSize: 101,
      }),
    );
    expect(big.body?.code).toBe(1);
    const missing = await expectSdkError(
      rc.listPersistentVolumeClaim(
        new $RC.ListPersistentVolumeClaimRequest({ appId: prod.AppId, envId: prod.EnvId }),
      ),
    );
    expect(missing.code).toBe('MissingPageNumber');
  });
});

describe('应用分组 and 用户管理', () => {
  it('creates a group, binds an app and refuses a non-forced delete while mapped', async () => {
    const app = sim.retailcloud.store.apps.get(env(RC_SEED.pausedOrder.env).AppId);
    const created = await rc.createAppGroup(
      new $RC.CreateAppGroupRequest({ bizCode: 'JST', name: 'ops-group' }),
    );
    const groupId = created.body?.result?.appGroupId as number;
    expect(groupId).toBeTypeOf('number');
    const dup = await rc.createAppGroup(new $RC.CreateAppGroupRequest({ bizCode: 'JST', name: 'ops-group' }));
    expect(dup.body?.code).toBe(6);

    const bound = await rc.bindGroup(
      new $RC.BindGroupRequest({ appId: app?.AppId, bizCode: 'JST', name: 'ops-group' }),
    );
    expect(bound.body?.result?.success).toBe(true);
    const mappings = await rc.listAppGroupMapping(
      new $RC.ListAppGroupMappingRequest({ bizCode: 'JST', name: 'ops-group', pageNumber: 1, pageSize: 10 }),
    );
    expect(mappings.body?.data).toEqual([
      expect.objectContaining({ appId: app?.AppId, groupId, name: 'ops-group' }),
    ]);

    const refused = await rc.deleteAppGroup(new $RC.DeleteAppGroupRequest({ groupId, force: false }));
    expect(refused.body?.code).toBe(7);
    const forced = await rc.deleteAppGroup(new $RC.DeleteAppGroupRequest({ groupId, force: true }));
    expect(forced.body?.result?.success).toBe(true);
    const groups = await rc.listAppGroup(
      new $RC.ListAppGroupRequest({ bizCode: 'JST', pageNumber: 1, pageSize: 50 }),
    );
    expect(groups.body?.data?.some((g) => g.id === groupId)).toBe(false);
    expect(groups.body?.data?.[0]).toMatchObject({ bizName: 'JST', name: 'trade-group' });
  });

  it('unbinding an app that is not in the group is refused', async () => {
    const res = await rc.unbindGroup(
      new $RC.UnbindGroupRequest({ appId: 1, bizCode: 'JST', name: 'trade-group' }),
    );
    expect(res.body?.code).toBe(2);
  });

  it('pages the users of the main account', async () => {
    const res = await rc.listUsers(new $RC.ListUsersRequest({ pageNumber: 2, pageSize: 3 }));
    expect(res.body).toMatchObject({ code: 0, errorMsg: '', pageNumber: 2, pageSize: 3, totalCount: 4 });
    expect(res.body?.data).toHaveLength(1);
    expect(res.body?.data?.[0]?.userType).toBe('DING_TALK');
  });
});

describe('SLB接入 and Service管理', () => {
  it('creates, lists, modifies and deletes an SLB access point', async () => {
    const prod = env(RC_SEED.pausedOrder.env);
    const created = await rc.createSlbAP(
      new $RC.CreateSlbAPRequest({
        envId: prod.EnvId,
        name: 'trade-tcp',
        slbId: 'lb-8vbtcp0001',
        listenerPort: 9000,
        realServerPort: 9000,
        protocol: 'TCP',
        establishedTimeout: 60,
      }),
    );
    expect(created.body?.success).toBe(true);
    const id = created.body?.result?.slbAPId as number;
    const listed = await rc.listSlbAPs(
      new $RC.ListSlbAPsRequest({ appId: prod.AppId, pageNumber: 1, pageSize: 10, protocolList: ['TCP'] }),
    );
    expect(listed.body?.data?.map((a) => a.slbAPId)).toEqual([id]);

    // StickySession exists only for HTTP/HTTPS; the protocol never changes.
    const refused = await rc.modifySlbAP(new $RC.ModifySlbAPRequest({ slbAPId: id, stickySession: 1 }));
    expect(refused.body).toMatchObject({ code: 1, success: false });
    const modified = await rc.modifySlbAP(
      new $RC.ModifySlbAPRequest({ slbAPId: id, establishedTimeout: 120 }),
    );
    expect(modified.body?.success).toBe(true);
    const detail = await rc.describeSlbAPDetail(new $RC.DescribeSlbAPDetailRequest({ slbAPId: id }));
    expect(detail.body?.result).toMatchObject({
      establishedTimeout: 120,
      protocol: 'TCP',
      appId: prod.AppId,
    });

    const dupPort = await rc.createSlbAP(
      new $RC.CreateSlbAPRequest({
        envId: prod.EnvId,
        name: 'again',
        slbId: 'lb-8vbtcp0001',
        listenerPort: 9000,
        realServerPort: 80,
        protocol: 'UDP',
      }),
    );
    expect(dupPort.body?.code).toBe(6);

    expect((await rc.deleteSlbAP(new $RC.DeleteSlbAPRequest({ slbAPId: id }))).body?.success).toBe(true);
    const gone = await rc.describeSlbAPDetail(new $RC.DescribeSlbAPDetailRequest({ slbAPId: id }));
    expect(gone.body).toMatchObject({ code: 2, success: false });
  });

  it('creates a NodePort service with its port mappings and refuses Headless on it', async () => {
    const prod = env(RC_SEED.pausedOrder.env);
    const mapping = new $RC.CreateServiceRequestPortMappings({
      name: 'http',
      port: 80,
      targetPort: '8080',
      protocol: 'TCP',
      nodePort: 30080,
    });
    const refused = await rc.createService(
      new $RC.CreateServiceRequest({
        envId: prod.EnvId,
        name: 'bad',
        serviceType: 'NodePort',
        k8sServiceId: 'trade-np',
        headless: true,
        portMappings: [mapping],
      }),
    );
    expect(refused.body).toMatchObject({ code: 1, success: false });

    const created = await rc.createService(
      new $RC.CreateServiceRequest({
        envId: prod.EnvId,
        name: 'trade-nodeport',
        serviceType: 'NodePort',
        k8sServiceId: 'trade-np',
        portMappings: [mapping],
      }),
    );
    const id = created.body?.result?.serviceId as number;
    expect(id).toBeTypeOf('number');
    const listed = await rc.listServices(
      new $RC.ListServicesRequest({
        appId: prod.AppId,
        serviceType: 'NodePort',
        pageNumber: 1,
        pageSize: 10,
      }),
    );
    expect(listed.body?.data?.[0]).toMatchObject({
      serviceId: id,
      k8sServiceId: 'trade-np',
      headless: false,
      portMappings: [{ name: 'http', port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30080 }],
    });
    const modified = await rc.modifyService(new $RC.ModifyServiceRequest({ serviceId: id, name: 'renamed' }));
    expect(modified.body?.success).toBe(true);
    const detail = await rc.describeServiceDetail(new $RC.DescribeServiceDetailRequest({ serviceId: id }));
    expect(detail.body?.result?.name).toBe('renamed');
    expect((await rc.deleteService(new $RC.DeleteServiceRequest({ serviceId: id }))).body?.success).toBe(
      true,
    );
  });
});

describe('任务管理', () => {
  it('lists the job runs of a cron app and reads a pod log with its events', async () => {
    const cron = env(RC_SEED.cronEnv.env);
    const all = await rc.listJobHistories(
      new $RC.ListJobHistoriesRequest({
        appId: cron.AppId,
        envId: cron.EnvId,
        status: 'ALL',
        pageNumber: 1,
        pageSize: 100,
      }),
    );
    expect(all.body?.errorMsg).toBe('');
    expect(all.body?.totalCount).toBeGreaterThan(0);
    const failed = await rc.listJobHistories(
      new $RC.ListJobHistoriesRequest({
        appId: cron.AppId,
        envId: cron.EnvId,
        status: 'FAILED',
        pageNumber: 1,
        pageSize: 100,
      }),
    );
    expect(failed.body?.data?.every((j) => (j.failed ?? 0) > 0 && (j.succeeded ?? 0) === 0)).toBe(true);
    const job = all.body?.data?.[0];
    expect(job?.podList?.length).toBeGreaterThan(0);
    const log = await rc.describeJobLog(
      new $RC.DescribeJobLogRequest({ appId: cron.AppId, envId: cron.EnvId, podName: job?.podList?.[0] }),
    );
    expect(log.body?.errMsg).toBe('');
    expect(log.body?.result?.jobLog).toBeTruthy();
    const events = (
      (await raw('DescribeJobLog', {
        AppId: String(cron.AppId),
        EnvId: String(cron.EnvId),
        PodName: job?.podList?.[0] as string,
      })) as { Result: { Events: Record<string, unknown>[] } }
    ).Result.Events;
    if (events.length > 0) expect(events[0]).toHaveProperty('Mesage');
  });

  it('refuses an unknown Status filter and an unknown pod', async () => {
    const cron = env(RC_SEED.cronEnv.env);
    const bad = await rc.listJobHistories(
      new $RC.ListJobHistoriesRequest({
        appId: cron.AppId,
        envId: cron.EnvId,
        status: 'DONE',
        pageNumber: 1,
        pageSize: 10,
      }),
    );
    expect(bad.body?.code).toBe(1);
    const none = await rc.describeJobLog(
      new $RC.DescribeJobLogRequest({ appId: cron.AppId, envId: cron.EnvId, podName: 'no-such-pod' }),
    );
    expect(none.body?.code).toBe(2);
  });
});

describe('节点资源打标', () => {
  it('binds a label to a node, shows the binding, and needs Force to delete a bound label', async () => {
    const pro = cluster('jst-prod-cluster');
    const nodes = await rc.listClusterNode(
      new $RC.ListClusterNodeRequest({ clusterInstanceId: pro.InstanceId, pageNum: 1, pageSize: 10 }),
    );
    const node = nodes.body?.data?.[1]?.instanceId as string;
    const badKey = await rc.createNodeLabel(
      new $RC.CreateNodeLabelRequest({ clusterId: pro.InstanceId, labelKey: 'tier', labelValue: 'edge' }),
    );
    expect(badKey.body).toMatchObject({ code: 1, success: false });
    const created = await rc.createNodeLabel(
      new $RC.CreateNodeLabelRequest({
        clusterId: pro.InstanceId,
        labelKey: 'label.jst.com/zone',
        labelValue: 'a',
      }),
    );
    expect(created.body?.result).toMatchObject({ clusterId: pro.InstanceId, labelKey: 'label.jst.com/zone' });

    const bound = await rc.bindNodeLabel(
      new $RC.BindNodeLabelRequest({
        clusterId: pro.InstanceId,
        instanceId: node,
        labelKey: 'label.jst.com/zone',
        labelValue: 'a',
      }),
    );
    expect(bound.body?.success).toBe(true);
    const bindings = await rc.listNodeLabelBindings(
      new $RC.ListNodeLabelBindingsRequest({ instanceId: node, pageNumber: 1, pageSize: 10 }),
    );
    expect(bindings.body?.data).toEqual([
      expect.objectContaining({
        instanceId: node,
        instanceType: 'ecs',
        labelKey: 'label.jst.com/zone',
        labelValue: 'a',
      }),
    ]);

    const refused = await rc.deleteNodeLabel(
      new $RC.DeleteNodeLabelRequest({
        clusterId: pro.InstanceId,
        labelKey: 'label.jst.com/zone',
        labelValue: 'a',
        force: false,
      }),
    );
    expect(refused.body).toMatchObject({ code: 7, success: false });
    const forced = await rc.deleteNodeLabel(
      new $RC.DeleteNodeLabelRequest({
        clusterId: pro.InstanceId,
        labelKey: 'label.jst.com/zone',
        labelValue: 'a',
        force: true,
      }),
    );
    expect(forced.body?.success).toBe(true);
    const after = await rc.listNodeLabelBindings(
      new $RC.ListNodeLabelBindingsRequest({ instanceId: node, pageNumber: 1, pageSize: 10 }),
    );
    expect(after.body?.totalCount).toBe(0);
    const labels = await rc.listNodeLabels(
      new $RC.ListNodeLabelsRequest({ clusterId: pro.InstanceId, pageNumber: 1, pageSize: 10 }),
    );
    expect(labels.body?.data?.map((l) => l.labelKey)).toEqual(['label.jst.com/tier']);
  });
});

describe('集群资源分配策略', () => {
  it('describes, refuses a second and an in-use delete, and reallocates an idle environment', async () => {
    const prod = env(RC_SEED.pausedOrder.env);
    const test = cluster('jst-test-cluster');
    const detail = await rc.describeAppResourceAlloc(
      new $RC.DescribeAppResourceAllocRequest({ appEnvId: prod.EnvId }),
    );
    expect(detail.body?.result).toMatchObject({
      appEnvId: prod.EnvId,
      appId: prod.AppId,
      resourceDef: '暂不支持',
    });
    const twice = await rc.createAppResourceAlloc(
      new $RC.CreateAppResourceAllocRequest({
        appEnvId: prod.EnvId,
        appId: prod.AppId,
        clusterId: test.InstanceId,
      }),
    );
    expect(twice.body).toMatchObject({ code: 6, success: false });
    const busy = await rc.deleteAppResourceAlloc(
      new $RC.DeleteAppResourceAllocRequest({ appEnvId: prod.EnvId }),
    );
    expect(busy.body?.code).toBe(7);

    const idle = env(RC_SEED.offlineEnv.env);
    expect(
      (await rc.deleteAppResourceAlloc(new $RC.DeleteAppResourceAllocRequest({ appEnvId: idle.EnvId }))).body
        ?.success,
    ).toBe(true);
    const created = await rc.createAppResourceAlloc(
      new $RC.CreateAppResourceAllocRequest({
        appEnvId: idle.EnvId,
        appId: idle.AppId,
        clusterId: test.InstanceId,
      }),
    );
    expect(created.body?.result).toMatchObject({ appEnvId: idle.EnvId, clusterId: test.InstanceId });
    const listed = await rc.listAppResourceAllocs(
      new $RC.ListAppResourceAllocsRequest({ clusterId: test.InstanceId, pageNumber: 1, pageSize: 50 }),
    );
    expect(listed.body?.data?.some((a) => a.appEnvId === idle.EnvId)).toBe(true);
  });
});

describe('集群管理', () => {
  it('refuses a pod CIDR inside the VPC, creates a cluster, moves a node in and out, deletes it', async () => {
    const pro = cluster('jst-prod-cluster');
    const base = {
      businessCode: 'JST',
      clusterEnvType: 'TEST',
      clusterTitle: 'sandbox',
      clusterType: 'Standard',
      regionId: 'cn-zhangjiakou',
      vpcId: pro.VpcId,
      vswitchids: [pro.VswitchIds[0] as string],
      password: 'Sandbox#2024',
      serviceCIDR: '172.22.0.0/20',
    };
    const conflict = await rc.createCluster(
      new $RC.CreateClusterRequest({ ...base, podCIDR: '192.168.128.0/17' }),
    );
    expect(conflict.body).toMatchObject({ code: 1, success: false });
    expect(conflict.body?.errMsg).toContain('POD网段和VPC网段冲突');

    const created = await rc.createCluster(
      new $RC.CreateClusterRequest({ ...base, podCIDR: '172.24.0.0/16' }),
    );
    const id = created.body?.result?.clusterInstanceId as string;
    expect(id).toMatch(/^c[0-9a-f]{32}$/);

    const listed = await rc.listCluster(
      new $RC.ListClusterRequest({ envType: 'TEST', pageNum: 1, pageSize: 10 }),
    );
    expect(listed.body?.pageNumber).toBe(1);
    const row = listed.body?.data?.find((c) => c.instanceId === id);
    expect(row).toMatchObject({
      clusterTitle: 'sandbox',
      password: '*********',
      status: 'running',
      ecsIds: [],
    });
    expect(JSON.stringify(listed.body)).not.toContain('Sandbox#2024');

    const available = await rc.listAvailableClusterNode(
      new $RC.ListAvailableClusterNodeRequest({ clusterInstanceId: id, pageNum: 1, pageSize: 10 }),
    );
    const free = available.body?.data?.[0]?.instanceId as string;
    expect(free).toMatch(/^i-/);
    const notIn = await rc.removeClusterNode(
      new $RC.RemoveClusterNodeRequest({ clusterInstanceId: id, ecsInstanceIdList: [free] }),
    );
    expect(notIn.body?.success).toBe(false);
    expect(notIn.body?.errMsg).toContain('节点不在集群中');

    const added = await rc.addClusterNode(
      new $RC.AddClusterNodeRequest({ clusterInstanceId: id, ecsInstanceIdList: [free] }),
    );
    expect(added.body?.success).toBe(true);
    const nodes = await rc.listClusterNode(
      new $RC.ListClusterNodeRequest({ clusterInstanceId: id, pageNum: 1, pageSize: 10 }),
    );
    expect(nodes.body?.data?.map((n) => n.instanceId)).toEqual([free]);
    expect(nodes.body?.data?.[0]?.ecsMemory).toBeTypeOf('string');
    const detail = await rc.queryClusterDetail(new $RC.QueryClusterDetailRequest({ clusterInstanceId: id }));
    expect(detail.body?.result?.basicInfo).toMatchObject({
      clusterInstanceId: id,
      clusterName: 'sandbox',
      ecsIds: [free],
    });
    expect(detail.body?.result?.netInfo?.prodCIDR).toBe('172.24.0.0/16');
    expect(detail.body?.result?.workLoad?.allNodeCount).toBe(1);

    expect(
      (
        await rc.removeClusterNode(
          new $RC.RemoveClusterNodeRequest({ clusterInstanceId: id, ecsInstanceIdList: [free] }),
        )
      ).body?.success,
    ).toBe(true);
    const deleted = await rc.deleteCluster(new $RC.DeleteClusterRequest({ clusterInstanceId: id }));
    expect(deleted.body?.success).toBe(true);
    expect(deleted.body?.result?.nonsense).toBe(0);
  });

  it('refuses to delete a cluster that runs environments', async () => {
    const res = await rc.deleteCluster(
      new $RC.DeleteClusterRequest({ clusterInstanceId: cluster('jst-prod-cluster').InstanceId }),
    );
    expect(res.body).toMatchObject({ code: 7, success: false });
    expect(res.body?.errMsg).toContain('删除集群失败');
  });
});

describe('rds数据库', () => {
  const rdsId = () => [...sim.retailcloud.store.rds.keys()][0] as string;

  it('creates a database and an account, grants it, and never returns the password', async () => {
    const id = rdsId();
    const db = await rc.createDb(
      new $RC.CreateDbRequest({
        dbInstanceId: id,
        dbName: 'orders',
        characterSetName: 'utf8mb4',
        dbDescription: '订单库',
      }),
    );
    expect(db.body).toMatchObject({ code: 0, errMsg: '' });
    const weak = await rc.createAccount(
      new $RC.CreateAccountRequest({
        dbInstanceId: id,
        accountName: 'orders_rw',
        accountPassword: 'password',
      }),
    );
    expect(weak.body?.code).toBe(1);
    const account = await rc.createAccount(
      new $RC.CreateAccountRequest({
        dbInstanceId: id,
        accountName: 'orders_rw',
        accountPassword: 'Orders#Pass1',
      }),
    );
    expect(account.body?.code).toBe(0);
    const grant = await rc.grantDbToAccount(
      new $RC.GrantDbToAccountRequest({
        dbInstanceId: id,
        dbName: 'orders',
        accountName: 'orders_rw',
        accountPrivilege: 'ReadWrite',
      }),
    );
    expect(grant.body?.code).toBe(0);

    const dbs = await rc.describeDatabases(new $RC.DescribeDatabasesRequest({ instanceId: id }));
    const orders = dbs.body?.result?.databases?.find((d) => d.DBName === 'orders');
    expect(orders).toMatchObject({ DBStatus: 'Running', characterSetName: 'utf8mb4', engine: 'MySQL' });
    expect(orders?.accounts?.[0]).toMatchObject({ account: 'orders_rw', accountPrivilege: 'ReadWrite' });

    const reset = await rc.resetAccountPassword(
      new $RC.ResetAccountPasswordRequest({
        dbInstanceId: id,
        accountName: 'orders_rw',
        accountPassword: 'Next#Pass22',
      }),
    );
    expect(reset.body?.code).toBe(0);
    const accounts = await raw('DescribeRdsAccounts', { DbInstanceId: id, AccountName: 'orders_rw' });
    const text = JSON.stringify(accounts);
    expect(text).toContain('orders_rw');
    expect(text).not.toMatch(/Orders#Pass1|Next#Pass22|[Pp]assword/);

    const deleted = await rc.deleteRdsAccount(
      new $RC.DeleteRdsAccountRequest({ dbInstanceId: id, accountName: 'orders_rw' }),
    );
    expect(deleted.body?.result?.requestId).toBe(deleted.body?.requestId);
    const dropped = await rc.deleteDatabase(
      new $RC.DeleteDatabaseRequest({ DBInstanceId: id, DBName: 'orders' }),
    );
    expect(dropped.body?.code).toBe(0);
    const again = await rc.deleteDatabase(
      new $RC.DeleteDatabaseRequest({ DBInstanceId: id, DBName: 'orders' }),
    );
    expect(again.body?.code).toBe(2);
  });

  it('pages backups by the documented sizes only', async () => {
    const id = rdsId();
    const backups = await rc.getRdsBackUp(new $RC.GetRdsBackUpRequest({ dbInstanceId: id }));
    expect(backups.body?.result).toMatchObject({
      pageNumber: '1',
      totalRecordCount: '7',
      pageRecordCount: '7',
    });
    expect(backups.body?.result?.items?.[0]?.backupStartTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const odd = await rc.getRdsBackUp(new $RC.GetRdsBackUpRequest({ dbInstanceId: id, pageSize: 20 }));
    expect(odd.body?.code).toBe(1);
  });
});
