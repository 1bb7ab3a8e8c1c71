import type {
  ApiError,
  AuditPage,
  RcCluster,
  RcClusterDetail,
  RcClusterNode,
  RcClusterPage,
  RcNodeLabelBindingPage,
  RcNodeLabelPage,
  RcPvPage,
  RcRdsAccount,
  RcRdsBackupPage,
  RcRdsDatabase,
  RcResourceAlloc,
  RcResourceAllocPage,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let viewer: ConsoleClient;
let operator: ConsoleClient;
let admin: ConsoleClient;
let prod: RcCluster;
let test: RcCluster;
let rdsId: string;

const rc = '/api/accounts/retail-demo/retailcloud';
/** Every password this file sends: none may come back in any answer or audit record. */
const secrets = ['Cluster#Pass9', 'Db_Pass_2024x', 'Db-Reset-77aa', 'weakpass'];
const answers: string[] = [];

function keep<T>(response: { status: number; body: T }) {
  answers.push(JSON.stringify(response.body));
  return response;
}

async function auditOf(action: string) {
  return (await admin.get<AuditPage>(`/api/audit?action=${action}&pageSize=200`)).body.items;
}

beforeAll(async () => {
  stack = await startStack();
  [viewer, operator, admin] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
  ]);
  const clusters = (await viewer.get<RcClusterPage>(`${rc}/clusters`)).body.items;
  prod = clusters.find((c) => c.title === 'jst-prod-cluster') as RcCluster;
  test = clusters.find((c) => c.title === 'jst-test-cluster') as RcCluster;
  // Retail Cloud has no action that lists RDS instances: the operator types the id; the test reads it.
  rdsId = [...stack.sim.retailcloud.store.rds.keys()][0] as string;
});

afterAll(() => stack?.stop());

describe('Retail Cloud clusters and nodes', () => {
  it('lists clusters one page at a time (PageNum) and never passes a password on', async () => {
    const page = keep(await viewer.get<RcClusterPage>(`${rc}/clusters?page=1&pageSize=1`));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(page.body.items).toHaveLength(1);
    expect(await stack.upstreamCalls('ListCluster')).toBeGreaterThan(0);
    // Page 2 is the other cluster: the page number reached the cloud as PageNum.
    const second = keep(await viewer.get<RcClusterPage>(`${rc}/clusters?page=2&pageSize=1`));
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.instanceId).not.toBe(page.body.items[0]?.instanceId);
    const all = keep(await viewer.get<RcClusterPage>(`${rc}/clusters?envType=PRO`));
    expect(all.body.items.map((c) => c.title)).toEqual(['jst-prod-cluster']);
    expect(prod).toMatchObject({ envType: 'PRO', status: 'running', login: 'password', businessCode: 'JST' });
    expect(prod.ecsIds).toHaveLength(3);
    const text = JSON.stringify(all.body);
    expect(text).not.toMatch(/password"\s*:/i);
    expect(text).not.toContain('*****');
    const bad = await viewer.get<ApiError>(`${rc}/clusters?envType=prod`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('envType');
  });

  it('shows a cluster with its capacity: workload fractions, allocated pods and network', async () => {
    const detail = keep(await viewer.get<RcClusterDetail>(`${rc}/clusters/${prod.instanceId}`));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      instanceId: prod.instanceId,
      title: 'jst-prod-cluster',
      envType: 'PRO',
    });
    expect(detail.body.net).toEqual({
      plugin: 'Terway',
      podCidr: '172.20.0.0/16',
      serviceCidr: '172.21.0.0/20',
    });
    const w = detail.body.workLoad;
    expect(w.nodeCount).toBe(3);
    expect(w.cpuTotal).toBe(12);
    expect(w.cpuRequestPercent).toBeGreaterThan(0);
    expect(w.cpuRequestPercent).toBeLessThanOrEqual(1);
    expect(w.memTotal).toBe(3 * 8192 * 1024 * 1024);
    expect(detail.body.instances.allocated.length).toBeGreaterThan(0);
    expect(detail.body.instances.allocated[0]).toMatchObject({ cpuRequest: expect.stringMatching(/vcpu$/) });
    expect((await viewer.get(`${rc}/clusters/c0000000000000000000000000000000`)).status).toBe(404);
    const badId = await viewer.get<ApiError>(`${rc}/clusters/${encodeURIComponent('bad id!')}`);
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('clusterId');
  });

  it('adds a free ECS machine to a cluster and removes it again, audited with the RequestId', async () => {
    const free = (await viewer.get<RcClusterNode[]>(`${rc}/clusters/${test.instanceId}/available-nodes`))
      .body;
    expect(free.length).toBeGreaterThanOrEqual(2);
    const node = free[0] as RcClusterNode;
    expect(node).toMatchObject({ cpu: 4, memoryMb: 8192 });
    const path = `${rc}/clusters/${test.instanceId}/nodes`;
    expect((await viewer.post(path, { instanceIds: [node.instanceId] })).status).toBe(403);
    const empty = await operator.post<ApiError>(path, { instanceIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('instanceIds');
    const badId = await operator.post<ApiError>(path, { instanceIds: ['x-1'] });
    expect(badId.body.error.field).toBe('instanceIds.0');

    const added = await operator.post<{ requestId: string }>(path, { instanceIds: [node.instanceId] });
    expect(added.status).toBe(200);
    expect(added.body.requestId).toBeTruthy();
    const nodes = (await viewer.get<RcClusterNode[]>(path)).body.map((n) => n.instanceId);
    expect(nodes).toContain(node.instanceId);
    expect(nodes).toHaveLength(3);
    const [record] = await auditOf('rc-cluster-node-add');
    expect(record).toMatchObject({
      username: 'operator',
      outcome: 'success',
      resource: `cluster/${test.instanceId}`,
      upstreamRequestId: added.body.requestId,
    });

    // Adding it twice: the cloud's refusal, with its code and RequestId.
    const again = await operator.post<ApiError>(path, { instanceIds: [node.instanceId] });
    expect(again.status).toBe(422);
    expect(again.body.error.upstream).toMatchObject({ product: 'RetailCloud', code: '1' });
    expect(again.body.error.upstream?.requestId).toBeTruthy();

    const removed = await operator.post(`${path}/remove`, { instanceIds: [node.instanceId] });
    expect(removed.status).toBe(200);
    expect((await viewer.get<RcClusterNode[]>(path)).body).toHaveLength(2);
    const notThere = await operator.post<ApiError>(`${path}/remove`, { instanceIds: [node.instanceId] });
    expect(notThere.status).toBe(404);
    expect((await auditOf('rc-cluster-node-remove'))[0]).toMatchObject({ outcome: 'failure' });
  });

  it('creates a cluster (admin only, password write-only) and deletes it with its title typed out', async () => {
    const body = {
      title: 'e2e-bff-cluster',
      businessCode: 'JST',
      envType: 'TEST',
      clusterType: 'Standard',
      vpcId: prod.vpcId,
      vswitchIds: prod.vswitchIds,
      podCidr: '172.30.0.0/16',
      serviceCidr: '172.31.0.0/20',
      password: 'Cluster#Pass9',
    };
    expect((await operator.post(`${rc}/clusters`, body)).status).toBe(403);
    const weak = keep(await admin.post<ApiError>(`${rc}/clusters`, { ...body, password: 'weakpass' }));
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');
    const both = await admin.post<ApiError>(`${rc}/clusters`, { ...body, keyPair: 'kp-1' });
    expect(both.body.error.field).toBe('password');
    const noCidr = await admin.post<ApiError>(`${rc}/clusters`, { ...body, podCidr: undefined });
    expect(noCidr.status).toBe(400);
    expect(noCidr.body.error.field).toBe('podCidr');
    const badVpc = await admin.post<ApiError>(`${rc}/clusters`, { ...body, vpcId: 'vpv-sss' });
    expect(badVpc.body.error.field).toBe('vpcId');

    // The seed's own refusal: pod CIDR inside the VPC's.
    const conflict = keep(
      await admin.post<ApiError>(`${rc}/clusters`, { ...body, podCidr: '192.168.0.0/24' }),
    );
    expect(conflict.status).toBe(422);
    expect(conflict.body.error.upstream?.message).toContain('POD网段和VPC网段冲突');
    expect(conflict.body.error.upstream?.requestId).toBeTruthy();

    const created = keep(await admin.post<{ clusterId: string; requestId: string }>(`${rc}/clusters`, body));
    expect(created.status).toBe(200);
    expect(created.body.clusterId).toMatch(/^c[0-9a-f]+$/);
    const listed = keep(await viewer.get<RcClusterPage>(`${rc}/clusters?pageSize=50`));
    expect(listed.body.items.find((c) => c.instanceId === created.body.clusterId)).toMatchObject({
      title: 'e2e-bff-cluster',
      login: 'password',
    });

    const one = `${rc}/clusters/${created.body.clusterId}`;
    expect((await operator.request('DELETE', one, { confirmTitle: 'e2e-bff-cluster' })).status).toBe(403);
    const wrong = await admin.request<ApiError>('DELETE', one, { confirmTitle: 'other' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('confirmTitle');
    const deleted = await admin.request('DELETE', one, { confirmTitle: 'e2e-bff-cluster' });
    expect(deleted.status).toBe(200);
    expect((await viewer.get(one)).status).toBe(404);

    const records = await auditOf('rc-cluster-create');
    expect(records.map((r) => r.outcome)).toEqual(['success', 'failure']);
    expect(records[0]?.upstreamRequestId).toBe(created.body.requestId);
    expect((await auditOf('rc-cluster-delete'))[0]).toMatchObject({ outcome: 'success', username: 'admin' });
  });

  it('refuses to delete a cluster environments still run on, with the cloud code', async () => {
    const refused = await admin.request<ApiError>('DELETE', `${rc}/clusters/${prod.instanceId}`, {
      confirmTitle: 'jst-prod-cluster',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream).toMatchObject({ code: '7' });
    expect(refused.body.error.upstream?.message).toContain('删除集群失败');
  });
});

describe('Retail Cloud node labels and bindings', () => {
  it('creates a label, binds it to a node, refuses to delete it while bound unless forced', async () => {
    const labels = `${rc}/node-labels`;
    const seeded = (await viewer.get<RcNodeLabelPage>(`${labels}?clusterId=${prod.instanceId}`)).body;
    expect(seeded.items).toEqual([
      expect.objectContaining({ key: 'label.jst.com/tier', value: 'core', clusterId: prod.instanceId }),
    ]);
    const label = { clusterId: prod.instanceId, key: 'label.jst.com/zone', value: 'blue' };
    expect((await viewer.post(labels, label)).status).toBe(403);
    const badKey = await operator.post<ApiError>(labels, { ...label, key: 'zone' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.field).toBe('key');
    const noCluster = await viewer.get<ApiError>(labels);
    expect(noCluster.body.error.field).toBe('clusterId');

    const created = await operator.post<{ id: number; key: string }>(labels, label);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ key: 'label.jst.com/zone', value: 'blue' });
    expect(created.body.id).toBeGreaterThan(0);
    const dup = await operator.post<ApiError>(labels, label);
    expect(dup.status).toBe(422);
    expect(dup.body.error.upstream?.code).toBe('6');

    const node = prod.ecsIds[1] as string;
    const bindings = `${labels}/bindings`;
    const bound = await operator.post(bindings, { ...label, instanceId: node });
    expect(bound.status).toBe(200);
    const listed = (
      await viewer.get<RcNodeLabelBindingPage>(`${bindings}?clusterId=${prod.instanceId}&instanceId=${node}`)
    ).body;
    expect(listed.items).toEqual([
      expect.objectContaining({ instanceId: node, key: 'label.jst.com/zone', value: 'blue' }),
    ]);

    const refused = await operator.request<ApiError>('DELETE', labels, label);
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream).toMatchObject({ code: '7' });
    expect(refused.body.error.upstream?.requestId).toBeTruthy();

    const unbound = await operator.request('DELETE', bindings, { ...label, instanceId: node });
    expect(unbound.status).toBe(200);
    expect((await operator.request('DELETE', bindings, { ...label, instanceId: node })).status).toBe(404);
    // Bound again, then deleted with force: the binding goes with it.
    await operator.post(bindings, { ...label, instanceId: node });
    const forced = await operator.request('DELETE', labels, { ...label, force: true });
    expect(forced.status).toBe(200);
    const after = (await viewer.get<RcNodeLabelBindingPage>(`${bindings}?instanceId=${node}`)).body;
    expect(after.items.some((b) => b.key === 'label.jst.com/zone')).toBe(false);
    expect((await auditOf('rc-node-label-delete')).map((r) => r.outcome)).toEqual(['success', 'failure']);
    expect(await auditOf('rc-node-label-bind')).toHaveLength(2);
  });
});

describe('Retail Cloud cluster resource allocation', () => {
  it('lists allocations, describes one, refuses to remove one in use, and moves a quiet environment', async () => {
    const page = (await viewer.get<RcResourceAllocPage>(`${rc}/resource-allocs?pageSize=100`)).body;
    expect(page.total).toBeGreaterThan(0);
    const store = stack.sim.retailcloud.store;
    const busy = page.items.find((a) => store.envInstances(a.envId).length > 0) as RcResourceAlloc;
    const one = await viewer.get<RcResourceAlloc>(`${rc}/resource-allocs/${busy.envId}`);
    expect(one.body).toMatchObject({ envId: busy.envId, appId: busy.appId, clusterId: busy.clusterId });
    expect((await viewer.get(`${rc}/resource-allocs/999999`)).status).toBe(404);
    expect((await viewer.get<ApiError>(`${rc}/resource-allocs/abc`)).body.error.field).toBe('envId');
    const inUse = await operator.request<ApiError>('DELETE', `${rc}/resource-allocs/${busy.envId}`);
    expect(inUse.status).toBe(422);
    expect(inUse.body.error.upstream?.code).toBe('7');
    const dup = await operator.post<ApiError>(`${rc}/resource-allocs`, {
      appId: busy.appId,
      envId: busy.envId,
      clusterId: busy.clusterId,
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.upstream?.code).toBe('6');

    const quiet = page.items.find((a) => store.envInstances(a.envId).length === 0);
    if (quiet) {
      expect((await operator.request('DELETE', `${rc}/resource-allocs/${quiet.envId}`)).status).toBe(200);
      expect((await viewer.get(`${rc}/resource-allocs/${quiet.envId}`)).status).toBe(404);
      const target = quiet.clusterId === prod.instanceId ? test.instanceId : prod.instanceId;
      const created = await operator.post<RcResourceAlloc>(`${rc}/resource-allocs`, {
        appId: quiet.appId,
        envId: quiet.envId,
        clusterId: target,
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ envId: quiet.envId, clusterId: target });
      expect((await auditOf('rc-resource-alloc-create'))[0]).toMatchObject({ outcome: 'success' });
    }
  });
});

describe('Retail Cloud persistent volumes', () => {
  it('creates a NAS volume, lists it, refuses to delete a bound one, and deletes it', async () => {
    const pvs = `${rc}/pvs`;
    const seeded = (await viewer.get<RcPvPage>(`${pvs}?clusterId=${prod.instanceId}`)).body;
    expect(seeded.items.find((v) => v.name === 'nas-trade-pv')).toMatchObject({ status: 'Bound' });
    const body = {
      clusterId: prod.instanceId,
      name: 'bff-test-pv',
      capacity: '20Gi',
      accessModes: 'ReadWriteMany',
      mountTargetDomain: '0a1b2c-xyz.cn-zhangjiakou.nas.aliyuncs.com',
      mountDir: '/data',
      nfsVersion: '4.0',
      reclaimPolicy: 'Retain',
      storageClass: 'bff-test-nas',
    };
    const badCapacity = await operator.post<ApiError>(pvs, { ...body, capacity: 'lots' });
    expect(badCapacity.status).toBe(400);
    expect(badCapacity.body.error.field).toBe('capacity');
    const badNfs = await operator.post<ApiError>(pvs, { ...body, nfsVersion: '4.1' });
    expect(badNfs.body.error.field).toBe('nfsVersion');
    expect((await viewer.post(pvs, body)).status).toBe(403);
    const created = await operator.post<{ id: string }>(pvs, body);
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^\d+$/);
    const listed = (await viewer.get<RcPvPage>(`${pvs}?clusterId=${prod.instanceId}`)).body;
    expect(listed.items.find((v) => v.name === 'bff-test-pv')).toMatchObject({
      status: 'Available',
      capacity: '20Gi',
      storageClass: 'bff-test-nas',
      mountDir: '/data',
    });
    const bound = await operator.request<ApiError>('DELETE', `${pvs}/${prod.instanceId}/nas-trade-pv`);
    expect(bound.status).toBe(422);
    expect(bound.body.error.upstream?.code).toBe('7');
    expect((await operator.request('DELETE', `${pvs}/${prod.instanceId}/bff-test-pv`)).status).toBe(200);
    expect((await operator.request('DELETE', `${pvs}/${prod.instanceId}/bff-test-pv`)).status).toBe(404);
    expect((await auditOf('rc-pv-delete')).map((r) => r.outcome)).toEqual(['failure', 'success', 'failure']);
  });
});

describe('Retail Cloud RDS', () => {
  it('lists, creates and deletes databases (DbInstanceId / DBInstanceId as each action names it)', async () => {
    const dbs = `${rc}/rds/${rdsId}/databases`;
    const listed = (await viewer.get<RcRdsDatabase[]>(dbs)).body;
    expect(listed.map((d) => d.name)).toEqual(['trade', 'member']);
    expect(listed[0]).toMatchObject({ engine: 'MySQL', characterSet: 'utf8mb4', instanceId: rdsId });
    expect(listed[0]?.accounts).toEqual([
      expect.objectContaining({ account: 'trade_rw', privilege: 'ReadWrite' }),
    ]);
    expect((await viewer.get(`${rc}/rds/rm-000000000000000/databases`)).status).toBe(404);
    expect((await viewer.get<ApiError>(`${rc}/rds/nope/databases`)).body.error.field).toBe('rdsId');

    const bad = await operator.post<ApiError>(dbs, { name: 'Orders', characterSet: 'utf8mb4' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('name');
    const badCharset = await operator.post<ApiError>(dbs, { name: 'orders', characterSet: 'utf16' });
    expect(badCharset.body.error.field).toBe('characterSet');
    // SQL Server collations on a MySQL instance: the cloud says no.
    const refused = await operator.post<ApiError>(dbs, { name: 'orders', characterSet: 'Chinese_PRC_CI_AS' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.upstream?.requestId).toBeTruthy();
    expect((await viewer.post(dbs, { name: 'orders', characterSet: 'utf8mb4' })).status).toBe(403);
    const created = await operator.post(dbs, {
      name: 'orders',
      characterSet: 'utf8mb4',
      description: '订单库',
    });
    expect(created.status).toBe(200);
    expect((await viewer.get<RcRdsDatabase[]>(dbs)).body.find((d) => d.name === 'orders')).toMatchObject({
      status: 'Running',
      description: '订单库',
    });
    expect((await operator.request('DELETE', `${dbs}/orders`)).status).toBe(200);
    expect((await operator.request('DELETE', `${dbs}/orders`)).status).toBe(404);
    expect((await auditOf('rc-rds-db-create'))[0]).toMatchObject({ resource: `rds/${rdsId}/db/orders` });
  });

  it('manages accounts as an admin: passwords write-only, never answered or audited', async () => {
    const accounts = `${rc}/rds/${rdsId}/accounts`;
    const body = { name: 'report_ro', password: 'Db_Pass_2024x', type: 'Normal' };
    expect((await operator.post(accounts, body)).status).toBe(403);
    const weak = keep(await admin.post<ApiError>(accounts, { ...body, password: 'weakpass' }));
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');
    const badName = await admin.post<ApiError>(accounts, { ...body, name: 'Report' });
    expect(badName.body.error.field).toBe('name');

    const created = keep(await admin.post<{ requestId: string }>(accounts, body));
    expect(created.status).toBe(200);
    const dup = keep(await admin.post<ApiError>(accounts, body));
    expect(dup.status).toBe(422);
    expect(dup.body.error.upstream?.code).toBe('6');

    const grant = await admin.post(`${accounts}/report_ro/grants`, {
      dbName: 'member',
      privilege: 'ReadOnly',
    });
    expect(grant.status).toBe(200);
    const dbOwner = await admin.post<ApiError>(`${accounts}/report_ro/grants`, {
      dbName: 'member',
      privilege: 'DBOwner',
    });
    expect(dbOwner.status).toBe(422);
    const noDb = await admin.post(`${accounts}/report_ro/grants`, {
      dbName: 'nothing',
      privilege: 'ReadOnly',
    });
    expect(noDb.status).toBe(404);
    const listed = keep(await viewer.get<RcRdsAccount[]>(accounts));
    expect(listed.body.find((a) => a.name === 'report_ro')).toMatchObject({
      status: 'Available',
      type: 'Normal',
      privileges: [expect.objectContaining({ dbName: 'member', privilege: 'ReadOnly' })],
    });
    const filtered = keep(await viewer.get<RcRdsAccount[]>(`${accounts}?accountName=trade_rw`));
    expect(filtered.body.map((a) => a.name)).toEqual(['trade_rw']);

    const reset = keep(await admin.post(`${accounts}/report_ro/password`, { password: 'Db-Reset-77aa' }));
    expect(reset.status).toBe(200);
    expect(
      (await operator.post(`${accounts}/report_ro/password`, { password: 'Db-Reset-77aa' })).status,
    ).toBe(403);
    const resetMissing = keep(await admin.post(`${accounts}/nobody/password`, { password: 'Db-Reset-77aa' }));
    expect(resetMissing.status).toBe(404);

    expect((await operator.request('DELETE', `${accounts}/report_ro`)).status).toBe(403);
    expect((await admin.request('DELETE', `${accounts}/report_ro`)).status).toBe(200);
    expect((await admin.request('DELETE', `${accounts}/report_ro`)).status).toBe(404);

    expect((await auditOf('rc-rds-account-create')).map((r) => r.outcome)).toEqual(['failure', 'success']);
    expect((await auditOf('rc-rds-account-reset-password')).map((r) => r.outcome)).toEqual([
      'failure',
      'success',
    ]);
  });

  it('pages backups newest first, 30, 50 or 100 at a time', async () => {
    const backups = `${rc}/rds/${rdsId}/backups`;
    const page = (await viewer.get<RcRdsBackupPage>(backups)).body;
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 30 });
    expect(page.items).toHaveLength(7);
    expect(page.totalSize).toBe(page.items.reduce((a, b) => a + b.size, 0));
    expect(page.items[0]).toMatchObject({ status: 'Success', type: 'FullBackup', instanceId: rdsId });
    const starts = page.items.map((b) => b.startTime ?? '');
    expect([...starts].sort().reverse()).toEqual(starts);
    const bad = await viewer.get<ApiError>(`${backups}?pageSize=20`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pageSize');
    const incremental = (await viewer.get<RcRdsBackupPage>(`${backups}?backupType=IncrementalBackup`)).body;
    expect(incremental.items).toHaveLength(0);
  });
});

describe('contract', () => {
  it('documents every cluster-side route in the OpenAPI document', async () => {
    const doc = await viewer.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.includes('/retailcloud/'));
    for (const prefix of ['clusters', 'node-labels', 'resource-allocs', 'pvs', 'rds']) {
      expect(paths.some((p) => p.includes(`/retailcloud/${prefix}`))).toBe(true);
    }
    expect(doc.body.paths['/api/accounts/{accountId}/retailcloud/rds/{rdsId}/accounts']).toHaveProperty(
      'post',
    );
  });
});

describe('secrets', () => {
  it('no password sent to the console appears in any answer or audit record', async () => {
    const audit = JSON.stringify((await admin.get<AuditPage>('/api/audit?pageSize=200')).body);
    expect(audit).toContain('rc-rds-account-create');
    for (const secret of secrets) {
      expect(audit).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
  });
});
