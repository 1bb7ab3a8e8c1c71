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

const ROUTE = '/pop/v1/sam/tagroute/greyTagRoute';
const grey = {
  create: (q: object) => client.request('POST', ROUTE, q, ''),
  update: (q: object) => client.request('PUT', ROUTE, q, ''),
  remove: (q: object) => client.request('DELETE', ROUTE, q),
  describe: (q: object) => client.request('GET', ROUTE, q),
  list: (q: object) => client.request('GET', '/pop/v1/sam/tagroute/greyTagRouteList', q),
};

const appId = (ns: string, name: string): string => {
  const app = sim.sae.findApp(`cn-hangzhou:${ns}`, name);
  if (!app) throw new Error(`no seeded app ${ns}/${name}`);
  return app.AppId;
};

/** The seed's own example rules (§19.1). */
const SC_RULES = [
  {
    condition: 'OR',
    items: [
      { cond: '==', name: 'grey', operator: 'rawvalue', type: 'param', value: 'true' },
      { cond: '==', name: 'grey', operator: 'rawvalue', type: 'cookie', value: 'true' },
      { cond: '==', name: 'grey', operator: 'rawvalue', type: 'header', value: 'true' },
    ],
    path: '/post-echo/hi',
  },
];
const DUBBO_RULES = [
  {
    condition: 'OR',
    group: 'DUBBO',
    items: [
      { cond: '==', expr: '.key1', index: 0, operator: 'rawvalue', value: 'value1' },
      { cond: '==', expr: '.key2', index: 0, operator: 'rawvalue', value: 'value2' },
    ],
    methodName: 'score',
    serviceName: 'com.example.risk.RiskScoringService',
    version: '1.0.0',
  },
];

async function expectError(promise: Promise<unknown>, status: number, code: string) {
  const error = await expectSdkError(promise);
  expect([error.statusCode, error.code]).toEqual([status, code]);
  return error;
}

describe('grey tag routes', () => {
  it('seeds one rule on prod/user-center, listed and described as documented', async () => {
    const id = appId('prod', 'user-center');
    const list = await grey.list({ AppId: id });
    expect(list).toMatchObject({ Code: '200', Success: true, Message: 'success' });
    expect(list.Data).toMatchObject({ CurrentPage: 1, PageSize: 1, TotalSize: 1 });
    const rule = list.Data.Result[0];
    expect(rule).toMatchObject({ Name: 'beta-testers', DubboRules: [] });
    expect(rule.ScRules[0].items[0]).toEqual({
      type: 'header',
      name: 'x-user-group',
      operator: 'rawvalue',
      value: 'beta',
      cond: '==',
      expr: 'N/A',
    });
    expect(rule.CreateTime).toBeLessThan(rule.UpdateTime);
    const described = await grey.describe({ GreyTagRouteId: rule.GreyTagRouteId });
    expect(described.Data).toEqual({ ...rule, AppId: id });
    // An app without a rule lists none.
    expect((await grey.list({ AppId: appId('prod', 'cart-service') })).Data).toMatchObject({
      TotalSize: 0,
      Result: [],
    });
  });

  it('allows one rule per application', async () => {
    const error = await expectError(
      grey.create({ AppId: appId('prod', 'user-center'), Name: 'second', ScRules: JSON.stringify(SC_RULES) }),
      400,
      'InvalidParameter.WithMessage',
    );
    expect(error.message).toContain('only one');
  });

  it('refuses an application that is neither Spring Cloud nor Dubbo', async () => {
    const error = await expectError(
      grey.create({ AppId: appId('prod', 'api-gateway'), Name: 'edge', ScRules: JSON.stringify(SC_RULES) }),
      400,
      'InvalidParameter.WithMessage',
    );
    expect(error.message).toContain('Spring Cloud and Dubbo');
    expect((await grey.list({ AppId: appId('prod', 'api-gateway') })).Data.TotalSize).toBe(0);
  });

  it('creates, updates and deletes a Dubbo rule; ids are never reused', async () => {
    const id = appId('prod', 'risk-engine');
    await expectError(grey.create({ AppId: id, Name: 'vip' }), 400, 'InvalidParameter.NotEmpty');
    // The Spring Cloud kind does not satisfy a Dubbo app.
    await expectError(
      grey.create({ AppId: id, Name: 'vip', ScRules: JSON.stringify(SC_RULES) }),
      400,
      'InvalidParameter.NotEmpty',
    );
    const created = await grey.create({
      AppId: id,
      Name: 'vip',
      Description: '灰度发布-地域灰度',
      DubboRules: JSON.stringify(DUBBO_RULES),
    });
    expect(created).toMatchObject({ Code: '200', Success: true });
    const routeId = created.Data.GreyTagRouteId;
    expect(routeId).toBeTypeOf('number');

    const described = (await grey.describe({ GreyTagRouteId: routeId })).Data;
    expect(described).toMatchObject({ GreyTagRouteId: routeId, AppId: id, Name: 'vip', ScRules: [] });
    expect(described.Description).toBe('灰度发布-地域灰度');
    expect(described.DubboRules[0]).toMatchObject({
      serviceName: 'com.example.risk.RiskScoringService',
      group: 'DUBBO',
      version: '1.0.0',
      methodName: 'score',
      condition: 'OR',
    });
    expect(described.DubboRules[0].items[0]).toEqual({
      index: 0,
      expr: '.key1',
      operator: 'rawvalue',
      value: 'value1',
      cond: '==',
      type: 'N/A',
      name: 'N/A',
    });

    sim.clock.advance(60_000);
    const percent = [
      {
        ...DUBBO_RULES[0],
        condition: 'AND',
        items: [
          {
            cond: '<',
            expr: '',
            index: 1,
            operator: 'deterministic_proportional_steaming_division',
            value: '20',
          },
        ],
      },
    ];
    const updated = await grey.update({ GreyTagRouteId: routeId, DubboRules: JSON.stringify(percent) });
    expect(updated.Data).toEqual({ GreyTagRouteId: routeId });
    const after = (await grey.describe({ GreyTagRouteId: routeId })).Data;
    expect(after.DubboRules[0].condition).toBe('AND');
    expect(after.DubboRules[0].items).toHaveLength(1);
    expect(after.Description).toBe('灰度发布-地域灰度');
    expect(after.UpdateTime - after.CreateTime).toBe(60_000);

    const removed = await grey.remove({ GreyTagRouteId: routeId });
    expect(removed.Data).toEqual({ GreyTagRouteId: routeId });
    await expectError(grey.describe({ GreyTagRouteId: routeId }), 400, 'InvalidParameter.WithMessage');
    await expectError(grey.remove({ GreyTagRouteId: routeId }), 400, 'InvalidParameter.WithMessage');
    expect((await grey.list({ AppId: id })).Data.TotalSize).toBe(0);

    const again = await grey.create({ AppId: id, Name: 'vip', DubboRules: JSON.stringify(DUBBO_RULES) });
    expect(again.Data.GreyTagRouteId).toBeGreaterThan(routeId);
  });

  it('accepts the seed example that sends both kinds, requiring the one of the app framework', async () => {
    const id = appId('staging', 'user-center');
    const created = await grey.create({
      AppId: id,
      Name: 'dubbo-echo',
      ScRules: JSON.stringify(SC_RULES),
      DubboRules: JSON.stringify(DUBBO_RULES),
    });
    const rule = (await grey.describe({ GreyTagRouteId: created.Data.GreyTagRouteId })).Data;
    expect(rule.ScRules[0].path).toBe('/post-echo/hi');
    expect(rule.ScRules[0].items).toHaveLength(3);
    await expectError(
      grey.update({ GreyTagRouteId: created.Data.GreyTagRouteId, ScRules: '[]' }),
      400,
      'InvalidParameter.NotEmpty',
    );
  });

  it('validates the name, description and rule shapes', async () => {
    const id = appId('prod', 'cart-service');
    const sc = JSON.stringify(SC_RULES);
    for (const Name of ['Upper', '1starts-with-digit', 'ends-with-dash-', 'a'.repeat(65), 'has_underscore']) {
      await expectError(grey.create({ AppId: id, Name, ScRules: sc }), 400, 'InvalidParameter.WithMessage');
    }
    await expectError(
      grey.create({ AppId: id, Name: 'ok', Description: 'x'.repeat(65), ScRules: sc }),
      400,
      'InvalidParameter.WithMessage',
    );
    const bad = (patch: Json) => JSON.stringify([{ ...SC_RULES[0], ...patch }]);
    const badItem = (patch: Json) => bad({ items: [{ ...SC_RULES[0]?.items[0], ...patch }] });
    for (const rules of [
      bad({ condition: 'XOR' }),
      bad({ path: 'no-slash' }),
      bad({ items: [] }),
      badItem({ type: 'body' }),
      badItem({ cond: '=~' }),
      badItem({ operator: 'regex' }),
      badItem({ operator: 'mod', value: '150' }),
      badItem({ name: '' }),
    ]) {
      await expectError(
        grey.create({ AppId: id, Name: 'ok', ScRules: rules }),
        400,
        'InvalidParameter.WithMessage',
      );
    }
    await expectError(
      grey.create({ AppId: id, Name: 'ok', ScRules: '{not json' }),
      400,
      'InvalidParameter.Obviously',
    );
    await expectError(grey.create({ AppId: id, ScRules: sc }), 400, 'InvalidParameter.NotEmpty');
    await expectError(
      grey.create({ AppId: '00000000-0000-0000-0000-000000000000', Name: 'ok', ScRules: sc }),
      404,
      'InvalidAppId.NotFound',
    );
    await expectError(grey.describe({ GreyTagRouteId: 'abc' }), 400, 'InvalidParameter.Obviously');
    await expectError(grey.describe({}), 400, 'InvalidParameter.NotEmpty');
    expect((await grey.list({ AppId: id })).Data.TotalSize).toBe(0);
  });

  it('refuses a change while a change order runs on the application', async () => {
    // prod/order-service waits for batch confirmation at start.
    const id = appId('prod', 'order-service');
    await expectError(
      grey.create({ AppId: id, Name: 'canary', ScRules: JSON.stringify(SC_RULES) }),
      400,
      'Application.ChangerOrderRunning',
    );
    const userCenter = appId('prod', 'user-center');
    const rule = (await grey.list({ AppId: userCenter })).Data.Result[0];
    const restarted = await api.restartApplication({ AppId: userCenter });
    expect(restarted.Data.ChangeOrderId).toBeTruthy();
    await expectError(
      grey.update({ GreyTagRouteId: rule.GreyTagRouteId, Description: 'changed' }),
      400,
      'Application.ChangerOrderRunning',
    );
    expect((await grey.describe({ GreyTagRouteId: rule.GreyTagRouteId })).Data.Description).toBe(
      rule.Description,
    );
  });

  it('drops the rule with its application', async () => {
    const id = appId('prod', 'notification-service');
    const created = await grey.create({
      AppId: id,
      Name: 'notify-canary',
      DubboRules: JSON.stringify([
        { ...DUBBO_RULES[0], serviceName: 'com.example.notify.NotificationService', methodName: 'send' },
      ]),
    });
    const deleted = await api.deleteApplication({ AppId: id });
    for (let i = 0; i < 200; i++) {
      const order = (await api.describeChangeOrder({ ChangeOrderId: deleted.Data.ChangeOrderId })).Data;
      if ([2, 3, 6, 10].includes(order.Status)) break;
      sim.clock.advance(5_000);
    }
    await expectError(
      grey.describe({ GreyTagRouteId: created.Data.GreyTagRouteId }),
      400,
      'InvalidParameter.WithMessage',
    );
  });
});
