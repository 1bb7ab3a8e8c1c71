import type {
  ApiError,
  AuditPage,
  RcAppDetail,
  RcAppGroup,
  RcAppSummary,
  RcCreated,
  RcDeployBaseline,
  RcDeployConfig,
  RcEnvironment,
  RcJobLog,
  RcJobPage,
  RcPvc,
  RcService,
  RcSlbAp,
  RcUser,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let admin: ConsoleClient;
const rc = '/api/accounts/retail-demo/retailcloud';

beforeAll(async () => {
  stack = await startStack();
  [operator, viewer, admin] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

async function appByTitle(title: string): Promise<RcAppSummary> {
  const apps = await viewer.get<RcAppSummary[]>(`${rc}/apps`);
  const app = apps.body.find((a) => a.title === title);
  if (!app) throw new Error(`no app ${title}`);
  return app;
}

async function envByName(title: string, envName: string): Promise<RcEnvironment> {
  const app = await appByTitle(title);
  const envs = await viewer.get<RcEnvironment[]>(`${rc}/apps/${app.appId}/environments`);
  const env = envs.body.find((e) => e.envName === envName);
  if (!env) throw new Error(`no env ${envName}`);
  return env;
}

async function auditOf(action: string) {
  return (await admin.get<AuditPage>(`/api/audit?action=${action}&pageSize=50`)).body.items;
}

const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n`;

describe('Retail Cloud apps through the console API', () => {
  it('creates an app with user roles from ListUsers, edits it, and deletes it with its title typed', async () => {
    const users = (await viewer.get<RcUser[]>(`${rc}/users`)).body;
    expect(users.length).toBeGreaterThanOrEqual(4);
    const [owner, dev] = users as [RcUser, RcUser];
    expect(owner.realName).not.toBe('');

    const created = await operator.post<RcCreated>(`${rc}/apps`, {
      title: 'api-test-app',
      bizCode: 'JST',
      language: 'Java',
      operatingSystem: 'Linux',
      serviceType: 'StoreApplication',
      stateType: 1,
      description: 'made by a test',
      userRoles: [{ roleName: 'Owner', userId: owner.userId, userType: owner.userType }],
    });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^\d+$/);
    const one = `${rc}/apps/${created.body.id}`;

    const detail = await viewer.get<RcAppDetail>(one);
    expect(detail.body).toMatchObject({
      title: 'api-test-app',
      bizName: 'JST',
      language: 'Java',
      deployType: 'ContainerDeployment',
      appStateType: 'stateless',
      userRoles: [{ userId: owner.userId, roleName: 'Owner', realName: owner.realName }],
    });
    expect(
      (await viewer.get<RcAppSummary[]>(`${rc}/apps`)).body.some((a) => a.appId === created.body.id),
    ).toBe(true);

    const updated = await operator.request('PUT', one, {
      description: 'edited',
      userRoles: [
        { roleName: 'Owner', userId: owner.userId, userType: owner.userType },
        { roleName: 'Dev', userId: dev.userId, userType: dev.userType },
      ],
    });
    expect(updated.status).toBe(200);
    const edited = (await viewer.get<RcAppDetail>(one)).body;
    expect(edited.description).toBe('edited');
    expect(edited.userRoles.map((r) => r.roleName)).toEqual(['Owner', 'Dev']);

    const wrongName = await operator.request<ApiError>('DELETE', one, { confirmName: 'api-test' });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.field).toBe('confirmName');
    expect((await operator.request('DELETE', one, { confirmName: 'api-test-app' })).status).toBe(200);
    expect((await viewer.get(one)).status).toBe(404);

    const audited = await auditOf('rc-app-delete');
    expect(audited[0]).toMatchObject({ resource: `rc-app/${created.body.id}`, outcome: 'success' });
    expect(audited[0]?.upstreamRequestId).toBeTruthy();
    expect((await auditOf('rc-app-create'))[0]?.upstreamRequestId).toBeTruthy();
  });

  it('refuses bad apps with a 400 naming the field, viewers with a 403, and carries the cloud refusal', async () => {
    const good = {
      title: 'dup-test',
      bizCode: 'JST',
      language: 'Java',
      operatingSystem: 'Linux',
      serviceType: 'StoreApplication',
      userRoles: [{ roleName: 'Owner', userId: '2208800000001', userType: 'TAOBAO' }],
    };
    const badBiz = await operator.post<ApiError>(`${rc}/apps`, { ...good, bizCode: 'SHOP' });
    expect(badBiz.status).toBe(400);
    expect(badBiz.body.error.field).toBe('bizCode');
    const noRoles = await operator.post<ApiError>(`${rc}/apps`, { ...good, userRoles: [] });
    expect(noRoles.status).toBe(400);
    expect(noRoles.body.error.field).toBe('userRoles');
    const badRole = await operator.post<ApiError>(`${rc}/apps`, {
      ...good,
      userRoles: [{ roleName: 'owner', userId: 'x', userType: 'TAOBAO' }],
    });
    expect(badRole.body.error.field).toBe('userRoles.0.roleName');
    const badState = await operator.post<ApiError>(`${rc}/apps`, { ...good, stateType: 4 });
    expect(badState.body.error.field).toBe('stateType');
    expect((await viewer.post(`${rc}/apps`, good)).status).toBe(403);

    // The title is unique: the cloud refuses a second app with the same one.
    const dup = await operator.post<ApiError>(`${rc}/apps`, { ...good, title: 'trade-center' });
    expect(dup.status).toBe(422);
    expect(dup.body.error.upstream).toMatchObject({ product: 'RetailCloud', code: '6' });
    expect(dup.body.error.upstream?.requestId).toBeTruthy();
    const failed = (await auditOf('rc-app-create')).find((a) => a.outcome === 'failure');
    expect(failed?.upstreamRequestId).toBe(dup.body.error.upstream?.requestId);

    expect((await viewer.get(`${rc}/apps/999999`)).status).toBe(404);
    expect((await viewer.get<ApiError>(`${rc}/apps/abc`)).body.error.field).toBe('rcAppId');
    const seeded = await appByTitle('trade-center');
    // An app with environments is deleted only with force.
    const busy = await operator.request<ApiError>('DELETE', `${rc}/apps/${seeded.appId}`, {
      confirmName: 'trade-center',
    });
    expect(busy.status).toBe(422);
    expect(busy.body.error.upstream?.code).toBe('7');
    expect((await viewer.request('DELETE', `${rc}/apps/${seeded.appId}`, { confirmName: 'x' })).status).toBe(
      403,
    );
  });
});

describe('Retail Cloud deploy configs and environments', () => {
  it('keeps YAML plain for the operator while the cloud gets Base64, and binds environments to configs', async () => {
    const app = await appByTitle('member-portal');
    const configs = `${rc}/apps/${app.appId}/deploy-configs`;
    const seeded = (await viewer.get<RcDeployConfig[]>(configs)).body;
    expect(seeded.length).toBeGreaterThanOrEqual(2);
    expect(seeded[0]?.deployment).toContain('kind: Deployment');
    expect(seeded[0]?.configMapList[0]).toContain('kind: ConfigMap');

    const created = await operator.post<RcCreated>(configs, {
      name: 'member-portal-canary',
      envType: 'online',
      codePath: '',
      deployment: deployment('member-portal-canary'),
      configMapList: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: "1"\n'],
    });
    expect(created.status).toBe(200);
    const schemaId = created.body.id;
    const read = (await viewer.get<RcDeployConfig[]>(configs)).body.find((c) => c.id === schemaId);
    expect(read).toMatchObject({
      name: 'member-portal-canary',
      envType: 'online',
      deployment: deployment('member-portal-canary'),
      configMapList: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: "1"\n'],
      secretCount: 0,
    });

    const both = await operator.post<ApiError>(configs, {
      name: 'x',
      envType: 'online',
      deployment: 'a: 1',
      cronJob: 'b: 2',
    });
    expect(both.status).toBe(400);
    expect(both.body.error.field).toBe('cronJob');
    const badEnvType = await operator.post<ApiError>(configs, { name: 'x', envType: 'prod' });
    expect(badEnvType.body.error.field).toBe('envType');
    // A stateless app takes no CronJob: the cloud says so.
    const cron = await operator.post<ApiError>(configs, { name: 'cron', envType: 'test', cronJob: 'a: 1\n' });
    expect(cron.status).toBe(422);
    expect(cron.body.error.upstream?.code).toBe('1');

    // ConfigMapList replaces the whole list; the code path is kept when not given.
    const edit = await operator.request('PUT', `${configs}/${schemaId}`, {
      deployment: deployment('member-portal-canary-2'),
      configMapList: ['kind: ConfigMap\nmetadata:\n  name: b\n', 'kind: ConfigMap\nmetadata:\n  name: c\n'],
    });
    expect(edit.status).toBe(200);
    const edited = (await viewer.get<RcDeployConfig[]>(configs)).body.find((c) => c.id === schemaId);
    expect(edited?.deployment).toContain('member-portal-canary-2');
    expect(edited?.configMapList).toHaveLength(2);
    expect((await operator.request('PUT', `${configs}/999999`, { codePath: '' })).status).toBe(404);

    // An environment on that config; the config then cannot be deleted.
    const envs = `${rc}/apps/${app.appId}/environments`;
    const wrongType = await operator.post<ApiError>(envs, {
      envName: 'member-portal-canary',
      envType: 0,
      appSchemaId: schemaId,
      replicas: 1,
    });
    expect(wrongType.status).toBe(422);
    const env = await operator.post<RcCreated>(envs, {
      envName: 'member-portal-canary',
      envType: 1,
      appSchemaId: schemaId,
      replicas: 2,
    });
    expect(env.status).toBe(200);
    expect(env.body.id).toMatch(new RegExp(`^${app.appId}-\\d+$`));
    const envId = env.body.id.split('-')[1];
    const listed = (await viewer.get<RcEnvironment[]>(envs)).body.find((e) => e.id === env.body.id);
    expect(listed).toMatchObject({
      envName: 'member-portal-canary',
      envType: 1,
      appSchemaId: schemaId,
      replicas: 2,
      region: 'cn-zhangjiakou',
    });
    const inUse = await operator.request<ApiError>('DELETE', `${configs}/${schemaId}`);
    expect(inUse.status).toBe(422);
    expect(inUse.body.error.upstream?.code).toBe('7');

    const noChange = await operator.request<ApiError>('PUT', `${envs}/${envId}`, {});
    expect(noChange.status).toBe(400);
    expect(noChange.body.error.field).toBe('replicas');
    expect((await operator.request('PUT', `${envs}/${envId}`, { replicas: 4 })).status).toBe(200);
    expect((await viewer.get<RcEnvironment>(`${envs}/${envId}`)).body.replicas).toBe(4);
    expect((await viewer.request('PUT', `${envs}/${envId}`, { replicas: 1 })).status).toBe(403);

    const baseline = await viewer.get<RcDeployBaseline>(`${rc}/applications/${env.body.id}/baseline`);
    expect(baseline.body).toEqual({ baseline: null });

    const mismatch = await operator.request<ApiError>('DELETE', `${envs}/${envId}`, { confirmName: 'nope' });
    expect(mismatch.body.error.field).toBe('confirmName');
    expect(
      (await operator.request('DELETE', `${envs}/${envId}`, { confirmName: 'member-portal-canary' })).status,
    ).toBe(200);
    expect((await viewer.get(`${envs}/${envId}`)).status).toBe(404);
    expect((await operator.request('DELETE', `${configs}/${schemaId}`)).status).toBe(200);
    expect((await viewer.get<RcDeployConfig[]>(configs)).body.some((c) => c.id === schemaId)).toBe(false);

    const actions = new Set(
      (await admin.get<AuditPage>('/api/audit?pageSize=200')).body.items.map((a) => a.action),
    );
    for (const a of [
      'rc-deploy-config-create',
      'rc-deploy-config-update',
      'rc-env-create',
      'rc-env-update',
    ]) {
      expect(actions.has(a)).toBe(true);
    }
  });
});

describe('Retail Cloud app groups', () => {
  it('creates a group, binds an app, refuses to delete it while bound unless forced', async () => {
    const app = await appByTitle('trade-center');
    const created = await operator.post<RcCreated>(`${rc}/app-groups`, { bizCode: 'JST', name: 'api-group' });
    expect(created.status).toBe(200);
    const group = `${rc}/app-groups/JST/api-group`;
    expect((await operator.post(`${group}/apps`, { appId: app.appId })).status).toBe(200);
    // Only apps of the group's business domain can join it: the cloud refuses the others.
    const supply = await appByTitle('report-job');
    const otherDomain = await operator.post<ApiError>(`${group}/apps`, { appId: supply.appId });
    expect(otherDomain.status).toBe(422);
    expect(otherDomain.body.error.upstream?.code).toBe('1');
    const refused = (await auditOf('rc-app-group-bind')).find((a) => a.outcome === 'failure');
    expect(refused?.upstreamRequestId).toBe(otherDomain.body.error.upstream?.requestId);
    expect((await viewer.post(`${group}/apps`, { appId: app.appId })).status).toBe(403);
    const listed = (await viewer.get<RcAppGroup[]>(`${rc}/app-groups?bizCode=JST`)).body;
    expect(listed.find((g) => g.name === 'api-group')?.apps.map((a) => a.appId)).toEqual([app.appId]);
    expect(listed.find((g) => g.name === 'trade-group')?.apps.length).toBe(2);

    const bound = await operator.request<ApiError>('DELETE', group, { force: false });
    expect(bound.status).toBe(422);
    expect(bound.body.error.upstream?.code).toBe('7');
    expect((await operator.request('DELETE', `${group}/apps/${app.appId}`)).status).toBe(200);
    expect((await operator.request('DELETE', `${group}/apps/${app.appId}`)).status).toBe(404);
    expect((await operator.post(`${group}/apps`, { appId: app.appId })).status).toBe(200);
    expect((await operator.request('DELETE', group, { force: true })).status).toBe(200);
    expect(
      (await viewer.get<RcAppGroup[]>(`${rc}/app-groups`)).body.some((g) => g.name === 'api-group'),
    ).toBe(false);
    expect((await operator.request('DELETE', group, { force: true })).status).toBe(404);

    expect((await viewer.get<ApiError>(`${rc}/app-groups?bizCode=SHOP`)).body.error.field).toBe('bizCode');
    expect((await viewer.post(`${rc}/app-groups`, { bizCode: 'JST', name: 'v' })).status).toBe(403);
    expect((await auditOf('rc-app-group-bind'))[0]?.upstreamRequestId).toBeTruthy();
  });
});

describe('Retail Cloud operations of one environment', () => {
  it('reads the baseline and manages SLB access points with the protocol rules', async () => {
    const env = await envByName('trade-center', 'trade-center-prod');
    const base = `${rc}/applications/${env.id}`;
    const baseline = (await viewer.get<RcDeployBaseline>(`${base}/baseline`)).body.baseline;
    expect(baseline?.packetUrl).toContain('trade-center');

    const seeded = (await viewer.get<RcSlbAp[]>(`${base}/slb-aps`)).body;
    expect(seeded.map((a) => a.protocol)).toEqual(['HTTPS']);
    const slbId = seeded[0]?.slbId as string;

    const tcpTimeout = await operator.post<ApiError>(`${base}/slb-aps`, {
      name: 'http-bad',
      slbId,
      listenerPort: 8081,
      realServerPort: 8080,
      protocol: 'HTTP',
      establishedTimeout: 60,
    });
    expect(tcpTimeout.status).toBe(400);
    expect(tcpTimeout.body.error.field).toBe('establishedTimeout');
    const httpsNoCert = await operator.post<ApiError>(`${base}/slb-aps`, {
      name: 'https-bad',
      slbId,
      listenerPort: 8443,
      realServerPort: 8080,
      protocol: 'HTTPS',
    });
    expect(httpsNoCert.body.error.field).toBe('sslCertId');

    const created = await operator.post<RcCreated>(`${base}/slb-aps`, {
      name: 'trade-tcp',
      slbId,
      listenerPort: 9000,
      realServerPort: 9000,
      protocol: 'TCP',
      establishedTimeout: 120,
    });
    expect(created.status).toBe(200);
    const one = `${base}/slb-aps/${created.body.id}`;
    expect((await viewer.get<RcSlbAp>(one)).body).toMatchObject({
      name: 'trade-tcp',
      protocol: 'TCP',
      listenerPort: 9000,
      establishedTimeout: 120,
      slbIp: seeded[0]?.slbIp,
    });
    // The listener port is taken now.
    const taken = await operator.post<ApiError>(`${base}/slb-aps`, {
      name: 'trade-tcp-2',
      slbId,
      listenerPort: 9000,
      realServerPort: 9001,
      protocol: 'TCP',
    });
    expect(taken.status).toBe(422);
    expect(taken.body.error.upstream?.code).toBe('6');

    const sticky = await operator.request<ApiError>('PUT', one, { stickySession: 1 });
    expect(sticky.status).toBe(400);
    expect(sticky.body.error.field).toBe('stickySession');
    expect(
      (await operator.request('PUT', one, { name: 'trade-tcp-x', establishedTimeout: 300 })).status,
    ).toBe(200);
    expect((await viewer.get<RcSlbAp>(one)).body).toMatchObject({
      name: 'trade-tcp-x',
      establishedTimeout: 300,
    });

    // An access point is reachable only under its own environment.
    const other = await envByName('trade-center', 'trade-center-test');
    expect((await viewer.get(`${rc}/applications/${other.id}/slb-aps/${created.body.id}`)).status).toBe(404);
    expect((await viewer.request('DELETE', one)).status).toBe(403);
    expect((await operator.request('DELETE', one)).status).toBe(200);
    expect((await viewer.get(one)).status).toBe(404);
    expect((await auditOf('rc-slb-ap-delete'))[0]).toMatchObject({
      outcome: 'success',
      detail: 'trade-tcp-x',
    });
  });

  it('manages services with port mappings, PVCs, and reads cron job runs with their logs', async () => {
    const env = await envByName('trade-center', 'trade-center-prod');
    const base = `${rc}/applications/${env.id}`;
    expect((await viewer.get<RcService[]>(`${base}/services`)).body[0]?.k8sServiceId).toBe('trade-center');

    const clusterIpNodePort = await operator.post<ApiError>(`${base}/services`, {
      name: 'bad',
      serviceType: 'ClusterIP',
      k8sServiceId: 'bad',
      portMappings: [{ name: 'http', port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30080 }],
    });
    expect(clusterIpNodePort.status).toBe(400);
    expect(clusterIpNodePort.body.error.field).toBe('portMappings.0.nodePort');
    const noPorts = await operator.post<ApiError>(`${base}/services`, {
      name: 'bad',
      serviceType: 'ClusterIP',
      k8sServiceId: 'bad',
      portMappings: [],
    });
    expect(noPorts.body.error.field).toBe('portMappings');

    const created = await operator.post<RcCreated>(`${base}/services`, {
      name: 'trade-node',
      serviceType: 'NodePort',
      k8sServiceId: 'trade-node',
      portMappings: [{ name: 'http', port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30080 }],
    });
    expect(created.status).toBe(200);
    const one = `${base}/services/${created.body.id}`;
    expect((await viewer.get<RcService>(one)).body).toMatchObject({
      serviceType: 'NodePort',
      headless: false,
      portMappings: [{ name: 'http', port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30080 }],
    });
    const modified = await operator.request('PUT', one, {
      portMappings: [
        { name: 'http', port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30081 },
        { name: 'metrics', port: 9100, targetPort: '9100', protocol: 'TCP' },
      ],
    });
    expect(modified.status).toBe(200);
    expect((await viewer.get<RcService>(one)).body.portMappings).toHaveLength(2);
    expect((await operator.request('DELETE', one)).status).toBe(200);
    expect((await viewer.get(one)).status).toBe(404);

    // PVCs.
    const pvcs = `${base}/pvcs`;
    const claim = {
      name: 'cache',
      accessModes: 'ReadWriteOnce',
      capacity: '10Gi',
      storageClass: 'nas-cache',
    };
    expect((await viewer.post(pvcs, claim)).status).toBe(403);
    expect((await viewer.post(`${base}/services`, { name: 'x' })).status).toBe(403);
    expect((await viewer.get<RcPvc[]>(pvcs)).body.map((p) => p.name)).toContain('trade-data');
    const badCap = await operator.post<ApiError>(pvcs, {
      name: 'cache',
      accessModes: 'ReadWriteOnce',
      capacity: '10 GB',
      storageClass: 'nas-cache',
    });
    expect(badCap.body.error.field).toBe('capacity');
    const pvc = await operator.post<RcCreated>(pvcs, claim);
    expect(pvc.status).toBe(200);
    expect((await viewer.get<RcPvc[]>(pvcs)).body.find((p) => p.name === 'cache')).toMatchObject({
      capacity: '10Gi',
      status: 'Pending',
    });
    expect((await operator.request('DELETE', `${pvcs}/cache`)).status).toBe(200);
    expect((await operator.request('DELETE', `${pvcs}/cache`)).status).toBe(404);
    expect((await auditOf('rc-pvc-create'))[0]?.upstreamRequestId).toBeTruthy();

    // Jobs of the cron app.
    const cron = await envByName('report-job', 'report-job-prod');
    const jobs = await viewer.get<RcJobPage>(`${rc}/applications/${cron.id}/jobs?status=ALL`);
    expect(jobs.status).toBe(200);
    expect(jobs.body.total).toBeGreaterThan(0);
    const job = jobs.body.items[0];
    expect(job?.podList.length).toBeGreaterThan(0);
    const log = await viewer.get<RcJobLog>(
      `${rc}/applications/${cron.id}/jobs/pods/${encodeURIComponent(job?.podList[0] as string)}/log`,
    );
    expect(log.status).toBe(200);
    expect(log.body.podName).toBe(job?.podList[0]);
    expect(log.body.events.length).toBeGreaterThan(0);
    expect(log.body.events[0]?.message).not.toBe('');
    const failed = await viewer.get<RcJobPage>(`${rc}/applications/${cron.id}/jobs?status=FAILED`);
    expect(failed.body.items.every((j) => j.failed > 0 && j.succeeded === 0)).toBe(true);
    expect(
      (await viewer.get<ApiError>(`${rc}/applications/${cron.id}/jobs?status=RUNNING`)).body.error.field,
    ).toBe('status');

    expect((await viewer.get<ApiError>(`${rc}/applications/nope/pvcs`)).body.error.field).toBe('appId');
    expect((await viewer.get(`${rc}/applications/${cron.id.split('-')[0]}-999999/baseline`)).status).toBe(
      404,
    );
  });
});

describe('Retail Cloud application routes in the API document', () => {
  it('lists every application-side family with its methods', async () => {
    const doc = await viewer.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const at = (p: string) => doc.body.paths[`/api/accounts/{accountId}/retailcloud${p}`] ?? {};
    expect(Object.keys(at('/apps')).sort()).toEqual(['get', 'post']);
    expect(Object.keys(at('/apps/{rcAppId}')).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(at('/apps/{rcAppId}/environments/{envId}')).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(at('/apps/{rcAppId}/deploy-configs/{schemaId}')).sort()).toEqual(['delete', 'put']);
    expect(at('/app-groups/{bizCode}/{groupName}/apps')).toHaveProperty('post');
    expect(at('/users')).toHaveProperty('get');
    for (const part of ['pvcs', 'slb-aps', 'services']) {
      expect(Object.keys(at(`/applications/{appId}/${part}`)).sort()).toEqual(['get', 'post']);
    }
    expect(at('/applications/{appId}/jobs/pods/{podName}/log')).toHaveProperty('get');
  });
});
