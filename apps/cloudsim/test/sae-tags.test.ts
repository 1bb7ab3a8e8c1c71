import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;
let apps: Json[];

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const REGION = 'cn-hangzhou';

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
  apps = (await api.listApplications({ PageSize: 100 })).Data.Applications;
});
afterAll(() => sim.close());

const appId = (name: string) => apps.find((a) => a.AppName === name)?.AppId as string;

/** TagResources sends its parameters as FormData, as the seed places them. */
function tag(resourceIds: string[], tags: object[], extra: Record<string, string> = {}) {
  const form = new URLSearchParams({
    RegionId: REGION,
    ResourceType: 'application',
    ResourceIds: JSON.stringify(resourceIds),
    Tags: JSON.stringify(tags),
    ...extra,
  });
  return client.request('POST', '/tags', {}, form.toString(), FORM);
}

const untag = (query: Record<string, unknown>) =>
  client.request('DELETE', '/tags', { RegionId: REGION, ResourceType: 'application', ...query });
const list = (query: Record<string, unknown>) =>
  client.request('GET', '/tags', { RegionId: REGION, ResourceType: 'application', ...query });

async function appTags(id: string): Promise<Json[]> {
  const all = (await api.listApplications({ PageSize: 100 })).Data.Applications as Json[];
  return all.find((a) => a.AppId === id)?.Tags ?? [];
}

describe('SAE tags', () => {
  it('tags applications, overwrites a value, and the application list shows and filters by it', async () => {
    const search = appId('search-indexer');
    const report = appId('report-batch');
    const tagged = await tag(
      [search, report],
      [
        { key: 'owner', value: 'data' },
        { key: 'env', value: 'dev' },
      ],
    );
    expect(tagged).toMatchObject({ Data: true, Code: '200', Success: true });
    await tag([report], [{ key: 'env', value: 'staging' }]);
    expect(await appTags(search)).toEqual([
      { Key: 'owner', Value: 'data' },
      { Key: 'env', Value: 'dev' },
    ]);
    expect(await appTags(report)).toContainEqual({ Key: 'env', Value: 'staging' });

    const owned = await api.listApplications({ Tags: JSON.stringify([{ key: 'owner', value: 'data' }]) });
    expect((owned.Data.Applications as Json[]).map((a) => a.AppName).sort()).toEqual([
      'report-batch',
      'search-indexer',
    ]);
    const dev = await api.listApplications({
      Tags: JSON.stringify([
        { key: 'owner', value: 'data' },
        { key: 'env', value: 'dev' },
      ]),
    });
    expect((dev.Data.Applications as Json[]).map((a) => a.AppName)).toEqual(['search-indexer']);
    // DescribeApplicationConfig carries the same tag list.
    expect((await api.describeConfig({ AppId: search })).Data.Tags).toContainEqual({
      Key: 'owner',
      Value: 'data',
    });
  });

  it('lists tag bindings by resource or by tag', async () => {
    const order = appId('order-service');
    const byResource = (await list({ ResourceIds: JSON.stringify([order]) })).Data;
    expect(byResource.NextToken).toBe('');
    expect(byResource.TagResources).toEqual([
      { ResourceId: order, ResourceType: 'ALIYUN::SAE::APPLICATION', TagKey: 'team', TagValue: 'trade' },
      { ResourceId: order, ResourceType: 'ALIYUN::SAE::APPLICATION', TagKey: 'tier', TagValue: 'core' },
    ]);
    const byTag = (await list({ Tags: JSON.stringify([{ key: 'tier', value: 'core' }]) })).Data;
    expect(new Set((byTag.TagResources as Json[]).map((r) => r.TagKey))).toEqual(new Set(['tier']));
    expect((byTag.TagResources as Json[]).map((r) => r.ResourceId)).toContain(order);
    const neither = await expectSdkError(list({}));
    expect([neither.statusCode, neither.code]).toEqual([400, 'InvalidParameter.NotEmpty']);
  });

  it('pages the bindings 50 at a time with NextToken', async () => {
    const ids = apps.map((a) => a.AppId as string);
    const many = Array.from({ length: 6 }, (_, i) => ({ key: `page${i}`, value: 'x' }));
    await tag(ids, many);
    const filter = { Tags: JSON.stringify([{ key: 'page0' }]) };
    const first = (await list({ ResourceIds: JSON.stringify(ids) })).Data;
    expect(first.TagResources).toHaveLength(50);
    expect(first.NextToken).not.toBe('');
    const rows: Json[] = [...first.TagResources];
    let token = first.NextToken as string;
    while (token) {
      const next = (await list({ ResourceIds: JSON.stringify(ids), NextToken: token })).Data;
      rows.push(...next.TagResources);
      token = next.NextToken;
    }
    const pageRows = rows.filter((r) => String(r.TagKey).startsWith('page'));
    expect(new Set(pageRows.map((r) => `${r.ResourceId}/${r.TagKey}`)).size).toBe(ids.length * 6);
    expect(new Set(rows.map((r) => `${r.ResourceId}/${r.TagKey}`)).size).toBe(rows.length);
    expect((await list(filter)).Data.TagResources).toHaveLength(apps.length);
    const bad = await expectSdkError(list({ ...filter, NextToken: 'garbage' }));
    expect(bad.code).toBe('InvalidParameter.Obviously');
    await untag({ ResourceIds: JSON.stringify(ids), TagKeys: JSON.stringify(many.map((t) => t.key)) });
    expect((await list(filter)).Data.TagResources).toEqual([]);
  });

  it('untags by key or all at once', async () => {
    const cart = appId('cart-service');
    await tag(
      [cart],
      [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    );
    await untag({ ResourceIds: JSON.stringify([cart]), TagKeys: JSON.stringify(['a', 'not-there']) });
    expect((await appTags(cart)).map((t) => t.Key)).toEqual(['team', 'b']);
    const nothing = await expectSdkError(untag({ ResourceIds: JSON.stringify([cart]) }));
    expect([nothing.statusCode, nothing.code]).toEqual([400, 'Missing.TagKey']);
    const removed = await untag({ ResourceIds: JSON.stringify([cart]), DeleteAll: true });
    expect(removed.Data).toBe(true);
    expect(await appTags(cart)).toEqual([]);
  });

  it('answers the documented errors and changes nothing when refused', async () => {
    const web = appId('web-frontend');
    const before = await appTags(web);
    const cases: [Promise<unknown>, number, string][] = [
      [
        tag([web], [{ key: 'k', value: 'v' }], { ResourceType: 'instance' }),
        400,
        'InvalidResourceType.NotFound',
      ],
      [tag([web], [{ value: 'v' }]), 400, 'Missing.TagKey'],
      [tag([web], [{ key: 'aliyun-x', value: 'v' }]), 400, 'InvalidParameter.TagKey'],
      [tag([web], [{ key: 'k'.repeat(129), value: 'v' }]), 400, 'InvalidParameter.TagKey'],
      [tag([web], [{ key: 'k', value: 'https://x' }]), 400, 'InvalidParameter.TagValue'],
      [tag([web], [{ key: 'k', value: '' }]), 400, 'InvalidParameter.TagValue'],
      [
        tag(
          [web],
          [
            { key: 'k', value: '1' },
            { key: 'k', value: '2' },
          ],
        ),
        400,
        'Duplicate.TagKey',
      ],
      [
        tag(
          Array.from({ length: 51 }, () => web),
          [{ key: 'k', value: 'v' }],
        ),
        400,
        'NumberExceed.ResourceIds',
      ],
      [
        tag(
          [web],
          Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })),
        ),
        400,
        'NumberExceed.Tags',
      ],
      [tag([web, 'no-such-app'], [{ key: 'k', value: 'v' }]), 404, 'InvalidAppId.NotFound'],
      [
        untag({ ResourceIds: JSON.stringify([web]), TagKeys: JSON.stringify(['x', 'x']) }),
        400,
        'Duplicate.TagKey',
      ],
      [untag({ ResourceIds: 'not-json', TagKeys: '["x"]' }), 400, 'InvalidParameter.Obviously'],
    ];
    for (const [call, status, code] of cases) {
      const error = await expectSdkError(call);
      expect([error.statusCode, error.code]).toEqual([status, code]);
    }
    // 20 tags per application, counting the ones it already has.
    const room = 20 - before.length;
    const full = await expectSdkError(
      tag(
        [web],
        Array.from({ length: room + 1 }, (_, i) => ({ key: `fill${i}`, value: 'v' })),
      ),
    );
    expect(full.code).toBe('NumberExceed.Tags');
    expect(await appTags(web)).toEqual(before);
  });
});
