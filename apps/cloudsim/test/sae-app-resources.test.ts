import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;
let apps: Json[];

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
  apps = (await api.listApplications({ PageSize: 100 })).Data.Applications;
});
afterAll(() => sim.close());

const appId = (name: string) => apps.find((a) => a.AppName === name)?.AppId as string;
const get = (path: string, query: object = {}) => client.request('GET', path, query);
const logConfigs = (query: object) => get('/pop/v1/sam/log/listLogConfigs', query);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('SAE application resources', () => {
  it('lists JDK and Tomcat components, with or without an application', async () => {
    const jdks = await get('/pop/v1/sam/resource/components', { Type: 'JDK' });
    expect(jdks).toMatchObject({ Code: '200', Success: true });
    expect(jdks.Data).toContainEqual({
      Type: 'JDK',
      ComponentKey: 'Open JDK 8',
      ComponentDescription: 'Open JDK 8',
      Expired: false,
    });
    expect(jdks.Data).toContainEqual(expect.objectContaining({ ComponentKey: 'Open JDK 7', Expired: true }));
    const tomcats = (
      await get('/pop/v1/sam/resource/components', { Type: 'TOMCAT', AppId: appId('user-center') })
    ).Data as Json[];
    expect(tomcats.map((c) => c.ComponentKey)).toEqual(['apache-tomcat-7.0.91', 'apache-tomcat-8.5.42']);
    const badType = await expectSdkError(get('/pop/v1/sam/resource/components', { Type: 'NODE' }));
    expect([badType.statusCode, badType.code]).toEqual([400, 'InvalidComponentType.NotFound']);
    const noType = await expectSdkError(get('/pop/v1/sam/resource/components', {}));
    expect(noType.code).toBe('InvalidParameter.NotEmpty');
  });

  it('lists EDAS containers', async () => {
    const data = (await get('/pop/v1/sam/resource/edasContainers')).Data as Json[];
    expect(data).toContainEqual({ Disabled: false, EdasContainerVersion: '3.5.3' });
    expect(data.some((c) => c.Disabled === true)).toBe(true);
  });

  it('describes a Container Registry image', async () => {
    const image = await get('/pop/v1/sam/container/describeApplicationImage', {
      AppId: appId('api-gateway'),
      ImageUrl: 'registry-vpc.cn-beijing.aliyuncs.com/demo/demo:latest',
    });
    expect(image.Data).toEqual({
      Logo: '',
      RepoOriginType: 'ALI_HUB',
      CrUrl: '',
      RepoTag: 'latest',
      RepoType: '',
      RepoName: 'demo',
      RepoNamespace: 'demo',
      RegionId: 'cn-beijing',
    });
    const enterprise = await get('/pop/v1/sam/container/describeApplicationImage', {
      AppId: appId('api-gateway'),
      ImageUrl: 'acme-registry-vpc.cn-shanghai.cr.aliyuncs.com/shop/cart',
    });
    expect(enterprise.Data).toMatchObject({
      RegionId: 'cn-shanghai',
      RepoNamespace: 'shop',
      RepoName: 'cart',
      RepoTag: 'latest',
    });
    const foreign = await expectSdkError(
      get('/pop/v1/sam/container/describeApplicationImage', {
        AppId: appId('api-gateway'),
        ImageUrl: 'nginx:1.25',
      }),
    );
    expect(foreign.code).toBe('InvalidParameter.WithMessage');
    const noApp = await expectSdkError(
      get('/pop/v1/sam/container/describeApplicationImage', {
        AppId: 'no-such-app',
        ImageUrl: 'registry.cn-hangzhou.aliyuncs.com/a/b:1',
      }),
    );
    expect([noApp.statusCode, noApp.code]).toEqual([404, 'InvalidAppId.NotFound']);
  });

  it('lists the file log configs of the application SLS settings', async () => {
    const managed = (await logConfigs({ AppId: appId('user-center'), PageSize: 10, CurrentPage: 1 })).Data;
    expect(managed).toMatchObject({ CurrentPage: 1, PageSize: 10, TotalSize: 1 });
    // The stdout entry is not a file log config.
    expect(managed.LogConfigs).toEqual([
      {
        ConfigName: expect.stringMatching(/^sae-[0-9a-f]{32}$/),
        LogDir: '/opt/app/logs/user-center.log',
        SlsLogStore: expect.stringMatching(/^sae-[0-9a-f]{32}$/),
        CreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        StoreType: 'sls',
        SlsProject: `sae-${appId('user-center')}`,
        LogType: 'file_log',
        RegionId: 'cn-hangzhou',
      },
    ]);
    const own = (await logConfigs({ AppId: appId('api-gateway'), PageSize: 10, CurrentPage: 1 })).Data
      .LogConfigs;
    expect(own).toEqual([
      expect.objectContaining({
        ConfigName: 'nginx-access',
        SlsProject: 'edge-logs',
        SlsLogStore: 'nginx-access',
        LogDir: '/var/log/nginx/access.log',
      }),
    ]);
    expect(
      (await logConfigs({ AppId: appId('cart-service'), PageSize: 10, CurrentPage: 1 })).Data,
    ).toMatchObject({
      TotalSize: 0,
      LogConfigs: [],
    });
    const badSize = await expectSdkError(
      logConfigs({ AppId: appId('cart-service'), PageSize: 0, CurrentPage: 1 }),
    );
    expect(badSize.code).toBe('InvalidParameter.WithMessage');
    const missing = await expectSdkError(logConfigs({ AppId: appId('cart-service'), PageSize: 10 }));
    expect(missing.code).toBe('InvalidParameter.NotEmpty');
  });

  it('follows SlsConfigs set by a deploy', async () => {
    const id = appId('cart-service');
    const sls = JSON.stringify([
      { logDir: '', logType: 'stdout' },
      { logDir: '/app/logs/cart.log' },
      { logDir: '/app/logs/gc.log' },
    ]);
    const deployed = await client.request(
      'POST',
      '/pop/v1/sam/app/deployApplication',
      { AppId: id, ImageUrl: 'registry-vpc.cn-hangzhou.aliyuncs.com/sae-demo/cart-service:1.0.3' },
      new URLSearchParams({ SlsConfigs: sls }).toString(),
      FORM,
    );
    expect(deployed.Data.ChangeOrderId).toBeTruthy();
    const page = (await logConfigs({ AppId: id, PageSize: 1, CurrentPage: 2 })).Data;
    expect(page).toMatchObject({ CurrentPage: 2, PageSize: 1, TotalSize: 2 });
    expect(page.LogConfigs.map((c: Json) => c.LogDir)).toEqual(['/app/logs/gc.log']);
  });
});
