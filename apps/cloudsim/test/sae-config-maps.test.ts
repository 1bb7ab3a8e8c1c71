import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
});
afterAll(() => sim.close());

const PATH = '/pop/v1/sam/configmap/configMap';
const JSON_BODY = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/test';

const configMaps = {
  create: (query: object, data?: object) =>
    client.request(
      'POST',
      PATH,
      query,
      data ? JSON.stringify({ Data: JSON.stringify(data) }) : '',
      JSON_BODY,
    ),
  update: (query: object, data: object) =>
    client.request('PUT', PATH, query, JSON.stringify({ Data: JSON.stringify(data) }), JSON_BODY),
  remove: (id: number) => client.request('DELETE', PATH, { ConfigMapId: id }),
  describe: (id: number) => client.request('GET', PATH, { ConfigMapId: id }),
  list: (namespaceId: string) =>
    client.request('GET', '/pop/v1/sam/configmap/listNamespacedConfigMaps', { NamespaceId: namespaceId }),
};

const finished = (o: Json) => [2, 3, 6, 10].includes(o.Status);

async function settle(changeOrderId: string): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const order = (await api.describeChangeOrder({ ChangeOrderId: changeOrderId })).Data;
    if (finished(order)) return order;
    sim.clock.advance(5_000);
  }
  throw new Error(`change order ${changeOrderId} never finished`);
}

async function newMap(namespaceId: string, name: string, data: object): Promise<number> {
  const created = await configMaps.create({ Name: name, NamespaceId: namespaceId }, data);
  return created.Data.ConfigMapId as number;
}

describe('SAE config maps', () => {
  it('creates, describes, lists, updates and deletes a config map', async () => {
    const created = await configMaps.create(
      { Name: 'app_env', NamespaceId: 'cn-hangzhou:dev', Description: 'test-desc' },
      { 'env.home': '/root', 'env.shell': '/bin/sh' },
    );
    expect(created).toMatchObject({ Code: '200', Success: true, Message: 'success' });
    const id = created.Data.ConfigMapId;
    expect(typeof id).toBe('number');

    const described = (await configMaps.describe(id)).Data;
    expect(described).toEqual({
      ConfigMapId: id,
      Name: 'app_env',
      NamespaceId: 'cn-hangzhou:dev',
      Description: 'test-desc',
      Data: { 'env.home': '/root', 'env.shell': '/bin/sh' },
      CreateTime: sim.clock.now(),
      UpdateTime: sim.clock.now(),
      RelateApps: [],
    });

    sim.clock.advance(60_000);
    const updated = await configMaps.update({ ConfigMapId: id, Description: 'v2' }, { 'env.home': '/home' });
    // The seed documents UpdateConfigMap's ConfigMapId as a String.
    expect(updated.Data).toEqual({ ConfigMapId: String(id) });
    const after = (await configMaps.describe(id)).Data;
    expect(after).toMatchObject({ Description: 'v2', Data: { 'env.home': '/home' } });
    expect(after.UpdateTime - after.CreateTime).toBe(60_000);

    const listed = (await configMaps.list('cn-hangzhou:dev')).Data.ConfigMaps as Json[];
    expect(listed.map((c) => c.Name)).toContain('app_env');

    expect((await configMaps.remove(id)).Data).toEqual({ ConfigMapId: id });
    const gone = await expectSdkError(configMaps.describe(id));
    expect([gone.statusCode, gone.code, gone.result.Message]).toEqual([
      400,
      'NotFound.ConfigMap',
      `The ConfigMap object (ID: ${id}) does not exist.`,
    ]);
    const again = await expectSdkError(configMaps.remove(id));
    expect(again.code).toBe('NotFound.ConfigMap');
  });

  it('validates name, description, data and the namespace', async () => {
    const cases: [object, object | undefined, number, string][] = [
      [{ Name: '1bad', NamespaceId: 'cn-hangzhou:dev' }, { k: 'v' }, 400, 'InvalidParameter.WithMessage'],
      [{ Name: 'bad-name', NamespaceId: 'cn-hangzhou:dev' }, { k: 'v' }, 400, 'InvalidParameter.WithMessage'],
      [
        { Name: 'spaced', NamespaceId: 'cn-hangzhou:dev', Description: 'has spaces' },
        { k: 'v' },
        400,
        'InvalidParameter.WithMessage',
      ],
      [{ Name: 'nodata', NamespaceId: 'cn-hangzhou:dev' }, undefined, 400, 'InvalidParameter.NotEmpty'],
      [
        { Name: 'nested', NamespaceId: 'cn-hangzhou:dev' },
        { k: { a: 1 } },
        400,
        'InvalidParameter.WithMessage',
      ],
      [{ Name: 'nowhere', NamespaceId: 'cn-hangzhou:nope' }, { k: 'v' }, 404, 'InvalidNamespaceId.NotFound'],
      [
        { Name: 'huge', NamespaceId: 'cn-hangzhou:dev' },
        Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])),
        400,
        'TooMany.Configmap',
      ],
    ];
    for (const [query, data, status, code] of cases) {
      const error = await expectSdkError(configMaps.create(query, data));
      expect([error.statusCode, error.code], JSON.stringify(query)).toEqual([status, code]);
    }
    await newMap('cn-hangzhou:dev', 'unique_name', { k: 'v' });
    const duplicate = await expectSdkError(
      configMaps.create({ Name: 'unique_name', NamespaceId: 'cn-hangzhou:dev' }, { k: 'v' }),
    );
    expect(duplicate.code).toBe('InvalidParameter.WithMessage');
    const unknownNs = await expectSdkError(configMaps.list('cn-hangzhou:nope'));
    expect([unknownNs.statusCode, unknownNs.code]).toEqual([404, 'InvalidNamespaceId.NotFound']);
  });

  it('caps the config maps of a namespace', async () => {
    const ns = 'cn-hangzhou:staging';
    const existing = (await configMaps.list(ns)).Data.ConfigMaps.length as number;
    for (let i = existing; i < 50; i++) await newMap(ns, `cap_${i}`, { i: String(i) });
    const over = await expectSdkError(configMaps.create({ Name: 'cap_over', NamespaceId: ns }, { k: 'v' }));
    expect([over.statusCode, over.code]).toEqual([400, 'Exceed.ConfigMap']);
  });

  it('shows the seeded mounts and refuses to delete a mounted config map', async () => {
    const prod = (await configMaps.list('cn-hangzhou:prod')).Data.ConfigMaps as Json[];
    const userCenter = prod.find((c) => c.Name === 'user_center_conf');
    expect(userCenter?.RelateApps).toEqual([{ AppId: expect.any(String), AppName: 'user-center' }]);
    const refused = await expectSdkError(configMaps.remove(userCenter?.ConfigMapId));
    expect([refused.statusCode, refused.code, refused.result.Message]).toEqual([
      400,
      'DeleteFail.ConfigMapReferenced',
      'Failed to delete the ConfigMap. It has been used by other applications.',
    ]);
    expect((await configMaps.describe(userCenter?.ConfigMapId)).Data.Name).toBe('user_center_conf');
    const config = (await api.describeConfig({ AppId: userCenter?.RelateApps[0].AppId })).Data;
    expect(config.ConfigMapMountDesc).toEqual([
      {
        ConfigMapId: userCenter?.ConfigMapId,
        ConfigMapName: 'user_center_conf',
        Key: 'sae-sys-configmap-all',
        MountPath: '/opt/app/config',
      },
    ]);
  });

  it('tracks mounts through create, deploy and delete of an application', async () => {
    const ns = 'cn-hangzhou:dev';
    const id = await newMap(ns, 'mounted_conf', { 'app.yaml': 'port: 8080', 'extra.txt': 'x' });
    const other = await newMap('cn-hangzhou:prod', 'elsewhere', { k: 'v' });
    const create = (mounts: object[]) =>
      client.request(
        'POST',
        '/pop/v1/sam/app/createApplication',
        {
          AppName: `cm-app-${mounts.length}-${Math.floor(sim.clock.now() % 100000)}`,
          NamespaceId: ns,
          PackageType: 'Image',
          ImageUrl: `${REGISTRY}/cm:1.0`,
          Replicas: 1,
          Cpu: 500,
          Memory: 1024,
        },
        new URLSearchParams({ ConfigMapMountDesc: JSON.stringify(mounts) }).toString(),
        FORM,
      );

    for (const [mounts, code] of [
      [[{ configMapId: 999_999, key: 'app.yaml', mountPath: '/etc/app' }], 'NotFound.ConfigMap'],
      [[{ configMapId: other, key: 'k', mountPath: '/etc/app' }], 'NotFound.ConfigMap'],
      [[{ configMapId: id, key: 'missing', mountPath: '/etc/app' }], 'NotFound.ConfigMapKey'],
      [
        [
          { configMapId: id, key: 'app.yaml', mountPath: '/etc/app' },
          { configMapId: id, key: 'extra.txt', mountPath: '/etc/app/' },
        ],
        'MountConflict.ConfigMap',
      ],
    ] as const) {
      const error = await expectSdkError(create([...mounts]));
      expect([error.statusCode, error.code]).toEqual([400, code]);
    }

    const created = await create([{ configMapId: id, key: 'app.yaml', mountPath: '/etc/app/app.yaml' }]);
    const appId = created.Data.AppId as string;
    expect((await configMaps.describe(id)).Data.RelateApps).toEqual([
      { AppId: appId, AppName: expect.stringMatching(/^cm-app-/) },
    ]);
    expect((await expectSdkError(configMaps.remove(id))).code).toBe('DeleteFail.ConfigMapReferenced');
    await settle(created.Data.ChangeOrderId);
    const config = (await api.describeConfig({ AppId: appId })).Data;
    expect(config.ConfigMapMountDesc).toEqual([
      { ConfigMapId: id, ConfigMapName: 'mounted_conf', Key: 'app.yaml', MountPath: '/etc/app/app.yaml' },
    ]);

    // Unmounting: the old instances keep the map until the deploy has replaced them.
    const deploy = await client.request(
      'POST',
      '/pop/v1/sam/app/deployApplication',
      { AppId: appId, ImageUrl: `${REGISTRY}/cm:1.1` },
      new URLSearchParams({ ConfigMapMountDesc: '' }).toString(),
      FORM,
    );
    expect((await configMaps.describe(id)).Data.RelateApps).toHaveLength(1);
    expect((await settle(deploy.Data.ChangeOrderId)).Status).toBe(2);
    expect((await configMaps.describe(id)).Data.RelateApps).toEqual([]);

    // Rolling back to the version that mounted it mounts it again.
    const versions = (await api.listAppVersions({ AppId: appId })).Data as Json[];
    const first = versions[versions.length - 1];
    const rollback = await api.rollbackApplication({ AppId: appId, VersionId: first?.Id });
    expect((await configMaps.describe(id)).Data.RelateApps).toHaveLength(1);
    await settle(rollback.Data.ChangeOrderId);

    const removed = await api.deleteApplication({ AppId: appId });
    expect((await configMaps.describe(id)).Data.RelateApps).toHaveLength(1);
    await settle(removed.Data.ChangeOrderId);
    expect((await configMaps.describe(id)).Data.RelateApps).toEqual([]);
    expect((await configMaps.remove(id)).Data.ConfigMapId).toBe(id);
  });
});
