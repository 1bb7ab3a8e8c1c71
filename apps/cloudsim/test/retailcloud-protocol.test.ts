import type { AddressInfo } from 'node:net';
import * as $OpenApi from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import RetailCloud, * as $RC from '@alicloud/retailcloud20180313';
import Util, * as $Util from '@alicloud/tea-util';
import { encodeRpcParams, rpcSignature, signRpc } from '@console/signing';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FaultInjector } from '../src/faults';
import { CallLog, type RunningCloudSim, SimClock, startCloudSim } from '../src/index';
import { RcParams, validateParams } from '../src/retailcloud/context';
import { RC_ACTIONS, RcGatewayError } from '../src/retailcloud/envelope';
import { retailCloudHandlers } from '../src/retailcloud/handlers';
import { createRetailCloudRequestHandler } from '../src/retailcloud/router';
import { RetailCloudWorld } from '../src/retailcloud/world';
import { expectSdkError, KEY, sae, sdk } from './helpers';

/**
 * Retail Cloud through the official `@alicloud/retailcloud20180313` client, both ways it signs:
 * signature V3 (its default) and the classic RPC signature (`signatureAlgorithm: 'v2'`).
 */

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, aliyun: KEY, timeScale: 0, tickMs: 0 });
});
afterAll(() => sim.close());
afterEach(() => {
  vi.restoreAllMocks();
});

type Algorithm = 'v3' | 'v2';

function client(algorithm: Algorithm, secret = KEY.accessKeySecret): RetailCloud {
  return new RetailCloud(
    new $OpenApi.Config({
      accessKeyId: KEY.accessKeyId,
      accessKeySecret: secret,
      endpoint: new URL(sim.url).host,
      protocol: 'http',
      regionId: 'cn-zhangjiakou',
      ...(algorithm === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

/** Any action by name, as the generated client sends it (GET, query parameters). */
function callAction(
  algorithm: Algorithm,
  action: string,
  query: Record<string, string> = {},
  body?: Record<string, string>,
) {
  return client(algorithm).callApi(
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
    new $OpenApi.OpenApiRequest({ query, body }),
    new $Util.RuntimeOptions({}),
  );
}

describe.each(['v3', 'v2'] as const)('official SDK, signature %s', (algorithm) => {
  it('lists the seeded apps and describes one', async () => {
    const listed = await client(algorithm).listApp(new $RC.ListAppRequest({ pageNumber: 1, pageSize: 50 }));
    expect(listed.statusCode).toBe(200);
    expect(listed.body?.code).toBe(0);
    expect(listed.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(listed.body?.totalCount).toBeGreaterThan(0);
    const first = listed.body?.data?.[0];
    expect(first?.appId).toBeTypeOf('number');
    expect(first?.title).toBeTruthy();

    const detail = await client(algorithm).describeAppDetail(
      new $RC.DescribeAppDetailRequest({ appId: first?.appId }),
    );
    expect(detail.body?.code).toBe(0);
    expect(detail.body?.errMessage).toBe('');
    expect(detail.body?.result?.appId).toBe(first?.appId);
    expect(detail.body?.result?.title).toBe(first?.title);
    expect(detail.body?.result?.userRoles?.length).toBeGreaterThan(0);

    const calls = sim.calls.list({ product: 'retailcloud', api: 'DescribeAppDetail' });
    expect(calls.at(-1)).toMatchObject({ status: 200, code: '0', path: '/' });
  });

  it('answers a business failure with HTTP 200, Code ≠ 0 and the action’s message key', async () => {
    const detail = await client(algorithm).describeAppDetail(new $RC.DescribeAppDetailRequest({ appId: 1 }));
    expect(detail.statusCode).toBe(200);
    expect(detail.body?.code).not.toBe(0);
    expect(detail.body?.errMessage).toBeTruthy();
  });

  it('reads parameters from the form body of a POST', async () => {
    const answer = await callAction(algorithm, 'ListApp', { PageNumber: '2' }, { PageSize: '1' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatchObject({ Code: 0, ErrorMsg: '' });
    expect(answer.body.Data).toHaveLength(1);
    const all = await client(algorithm).listApp(new $RC.ListAppRequest({ pageSize: 100 }));
    expect(answer.body.Data[0].AppId).toBe(all.body?.data?.[1]?.appId);
  });

  it('refuses a wrong secret', async () => {
    const error = await expectSdkError(
      client(algorithm, 'not-the-secret').listApp(new $RC.ListAppRequest({})),
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/code: 400/);
  });

  it('refuses a stale timestamp', async () => {
    const stale = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    vi.spyOn(OpenApiUtil, 'getTimestamp').mockReturnValue(stale);
    const error = await expectSdkError(client(algorithm).listApp(new $RC.ListAppRequest({})));
    expect(error.code).toBe('InvalidTimeStamp.Expired');
    expect(error.message).toMatch(/code: 400/);
  });

  it('refuses a reused nonce', async () => {
    vi.spyOn(Util, 'getNonce').mockReturnValue(`nonce-${algorithm}-${Date.now()}`);
    await client(algorithm).listApp(new $RC.ListAppRequest({}));
    const error = await expectSdkError(client(algorithm).listApp(new $RC.ListAppRequest({})));
    expect(error.code).toBe('SignatureNonceUsed');
    expect(error.message).toMatch(/code: 400/);
  });

  it('answers an unknown action 404 InvalidAction.NotFound and a seed action without a handler 501', async () => {
    const unknown = await expectSdkError(callAction(algorithm, 'DescribeNothing'));
    expect(unknown.code).toBe('InvalidAction.NotFound');
    expect(unknown.message).toMatch(/code: 404/);
    const pending = RC_ACTIONS.find((action) => !retailCloudHandlers[action]);
    if (pending) {
      const error = await expectSdkError(callAction(algorithm, pending));
      expect(error.code).toBe('InvalidAction.NotImplemented');
      expect(error.message).toMatch(/code: 501/);
    }
  });
});

describe('RPC requests signed by @console/signing', () => {
  const signed = (params: Record<string, string>, method = 'GET', secret = KEY.accessKeySecret) =>
    signRpc({ Version: '2018-03-13', ...params }, { ...KEY, accessKeySecret: secret }, { method });

  it('answers XML when Format is not given (the classic default), with <{Action}Response> and repeated Data', async () => {
    const noFormat = signRpc({ Action: 'ListApp', Version: '2018-03-13' }, KEY, { format: null });
    expect(noFormat).not.toHaveProperty('Format');
    const res = await fetch(`${sim.url}/?${encodeRpcParams(noFormat)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const text = await res.text();
    expect(text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><ListAppResponse><RequestId>/);
    expect(text.match(/<Data>/g)?.length).toBeGreaterThan(1);
  });

  it('takes POST parameters from a form body', async () => {
    const res = await fetch(`${sim.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encodeRpcParams(signed({ Action: 'ListApp', PageSize: '1' }, 'POST')),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ Code: 0, ErrorMsg: '' });
    expect(body.Data).toHaveLength(1);
    expect(body).not.toHaveProperty('PageNumber');
  });

  it('refuses a missing signature, an unknown key, a wrong version, and a catalogued action with no handler', async () => {
    const get = async (params: Record<string, string | undefined>) => {
      const res = await fetch(`${sim.url}/?${encodeRpcParams(params)}`);
      return `${res.status} ${((await res.json()) as { Code: string }).Code}`;
    };
    expect(await get({ ...signed({ Action: 'ListApp' }), Signature: undefined })).toBe(
      '400 MissingParameter',
    );
    expect(
      await get(
        signRpc(
          { Action: 'ListApp', Version: '2018-03-13' },
          { accessKeyId: 'LTAInobody', accessKeySecret: 'x' },
        ),
      ),
    ).toBe('404 InvalidAccessKeyId.NotFound');
    expect(await get(signed({ Action: 'ListApp', Version: '2017-01-01' }))).toBe('400 InvalidVersion');
    const { Action: _, Signature: __, ...noAction } = signed({ Action: 'ListApp' });
    const resigned = { ...noAction, Signature: rpcSignature(KEY.accessKeySecret, 'GET', noAction) };
    expect(await get(resigned)).toBe('400 MissingParameter');
    // Other families fill the registry over time: any catalogued action still without a handler answers 501.
    const pending = RC_ACTIONS.find((action) => !retailCloudHandlers[action]);
    if (pending) expect(await get(signed({ Action: pending }))).toBe('501 InvalidAction.NotImplemented');
    expect(await get(signed({ Action: 'DescribeAppDetail' }))).toBe('400 MissingAppId');
  });

  it("checks catalogue parameters at the gateway, with the seed's contradictory required flags settled", async () => {
    const get = async (params: Record<string, string>) => {
      const res = await fetch(`${sim.url}/?${encodeRpcParams(signed(params))}`);
      return `${res.status} ${((await res.json()) as { Code: string | number }).Code}`;
    };
    const app = {
      Action: 'CreateApp',
      BizCode: 'JST',
      Language: 'Java',
      OperatingSystem: 'Linux',
      ServiceType: 'GeneralApplication',
      Title: `gw-${Date.now()}`,
    };
    expect(await get(app)).toBe('400 MissingUserRolesRoleName');
    expect(await get({ ...app, 'UserRoles.1.RoleName': 'Owner', 'UserRoles.1.UserType': 'TAOBAO' })).toBe(
      '400 MissingUserRolesUserId',
    );
    expect(await get({ Action: 'ListApp', PageSize: 'ten' })).toBe('400 InvalidParameter');
    // Marked required in the seed's table, optional in its prose: the gateway lets them through.
    const listed = await get({ Action: 'ListDeployOrders', AppId: '1', PageNumber: '1', PageSize: '10' });
    expect(listed).toMatch(/^200 /);
    expect(await get({ Action: 'ListDeployOrders', PageNumber: '1', PageSize: '10' })).toBe(
      '400 MissingAppId',
    );
    expect(await get({ Action: 'DeleteAppDetail' })).toBe('400 MissingAppId');
  });

  it('leaves SAE working on the same port and key', async () => {
    const answer = await sae(sdk(sim)).listApplications();
    expect(answer.Success).toBe(true);
  });
});

describe('parameter reads and catalogue rules', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof RcGatewayError) return `${error.status} ${error.code}`;
      throw error;
    }
    return 'ok';
  };

  it('reads RepeatLists flattened with 1-based indexes, in index order', () => {
    const params = new RcParams({
      'EcsInstanceIdList.10': 'i-10',
      'EcsInstanceIdList.2': 'i-2',
      'EcsInstanceIdList.1': 'i-1',
      'UserRoles.2.RoleName': 'Dev',
      'UserRoles.1.RoleName': 'Owner',
      'UserRoles.1.UserId': 'u1',
      AppId: '42',
      Force: 'TRUE',
    });
    expect(params.list('EcsInstanceIdList')).toEqual(['i-1', 'i-2', 'i-10']);
    expect(params.objects('UserRoles')).toEqual([{ RoleName: 'Owner', UserId: 'u1' }, { RoleName: 'Dev' }]);
    expect(params.list('Missing')).toBeUndefined();
    expect(params.int('AppId', true)).toBe(42);
    expect(params.bool('Force')).toBe(true);
    expect(refusal(() => params.int('EnvId', true))).toBe('400 MissingEnvId');
    expect(refusal(() => new RcParams({ AppId: '4.2' }).int('AppId'))).toBe('400 InvalidParameter');
  });

  it('checks required parameters and types as the gateway does', () => {
    const rules = [
      { name: 'AppId', type: 'Long', required: true },
      { name: 'Force', type: 'Boolean' },
      { name: 'UserRoles.N.RoleName', type: 'String', required: true },
      { name: 'EcsInstanceIdList.N', type: 'RepeatList', required: true },
    ];
    const ok = { AppId: '1', 'UserRoles.1.RoleName': 'Owner', 'EcsInstanceIdList.1': 'i-1' };
    expect(refusal(() => validateParams(rules, ok))).toBe('ok');
    expect(refusal(() => validateParams(rules, { ...ok, AppId: undefined as unknown as string }))).toBe(
      '400 MissingAppId',
    );
    expect(refusal(() => validateParams(rules, { ...ok, Force: 'yes' }))).toBe('400 InvalidParameter');
    expect(refusal(() => validateParams(rules, { ...ok, 'UserRoles.2.UserId': 'u2' }))).toBe(
      '400 MissingUserRolesRoleName',
    );
    const { 'EcsInstanceIdList.1': _, ...noList } = ok;
    expect(refusal(() => validateParams(rules, noList))).toBe('400 MissingEcsInstanceIdList');
  });
});

describe('the action registry', () => {
  it('answers 501 InvalidAction.NotImplemented for a seed action without a handler', async () => {
    const app = express();
    app.use(express.raw({ type: () => true }));
    app.use(
      createRetailCloudRequestHandler({
        credentials: () => [KEY],
        world: new RetailCloudWorld({ clock: new SimClock({ timeScale: 0 }), seed: false }),
        handlers: {},
        calls: new CallLog(),
        faults: new FaultInjector(),
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const params = signRpc({ Action: RC_ACTIONS[0] as string, Version: '2018-03-13' }, KEY);
      const res = await fetch(`${url}/?${encodeRpcParams(params)}`);
      expect(res.status).toBe(501);
      expect(await res.json()).toMatchObject({ Code: 'InvalidAction.NotImplemented' });
    } finally {
      server.close();
    }
  });
});
