import { saeApis } from '@console/catalogue';
import { signRoa } from '@console/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { saeHandlers } from '../src/sae/handlers';
import { expectSdkError, KEY, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startFrozen();
});
afterAll(() => sim.close());

/** A raw signed request, to control Date, nonce and body. */
async function raw(
  method: string,
  path: string,
  query: Record<string, string>,
  options: { now?: Date; nonce?: string; body?: string; contentType?: string; secret?: string } = {},
) {
  const body = options.body ?? '';
  const headers = signRoa(
    { method, path, query, headers: { 'content-type': options.contentType ?? 'application/json' }, body },
    { accessKeyId: KEY.accessKeyId, accessKeySecret: options.secret ?? KEY.accessKeySecret },
    { now: options.now, nonce: options.nonce, apiVersion: '2019-05-06', regionId: 'cn-hangzhou' },
  );
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${sim.url}${path}${search ? `?${search}` : ''}`, {
    method,
    headers,
    body: body || undefined,
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-acs-request-id'),
    body: (await response.json()) as Record<string, any>,
  };
}

describe('SAE protocol through the official pop-core ROA client', () => {
  it('answers the documented success envelope', async () => {
    const result = await sdk(sim).request('GET', '/pop/v1/sam/namespace/describeNamespaceList', {});
    expect(result).toMatchObject({ Message: 'success', Code: '200', Success: true });
    expect(result.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(result.TraceId).toEqual(expect.any(String));
    expect(result).not.toHaveProperty('ErrorCode');
    expect(result.Data.map((n: { NamespaceId: string }) => n.NamespaceId)).toEqual([
      'cn-hangzhou:prod',
      'cn-hangzhou:staging',
      'cn-hangzhou:dev',
    ]);
  });

  it('keeps the documented envelope exceptions (ListApplications paging, DescribeRegions)', async () => {
    const list = await sae(sdk(sim)).listApplications({ NamespaceId: 'cn-hangzhou:prod', PageSize: 5 });
    expect(list).toMatchObject({ CurrentPage: 1, PageSize: 5, TotalSize: 8, Success: true });
    expect(list).not.toHaveProperty('TraceId');
    expect(list.Data.Applications).toHaveLength(5);
    const regions = await sdk(sim).request('GET', '/pop/v1/paas/regionConfig', {});
    expect(regions.Code).toBe(200);
    expect(regions).not.toHaveProperty('Data');
    expect(regions.Regions[0]).toMatchObject({
      RegionId: 'cn-hangzhou',
      RegionEndpoint: 'sae.cn-hangzhou.aliyuncs.com',
    });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch and does not log the call', async () => {
    sim.calls.clear();
    const error = await expectSdkError(
      sdk(sim, 'wrong-secret').request('GET', '/pop/v1/sam/app/listApplications', {}),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.result).toMatchObject({ ErrorCode: 'SignatureDoesNotMatch', Success: false });
    expect(sim.calls.list({ api: 'ListApplications' })).toHaveLength(0);
  });

  it('refuses a Date more than 15 minutes off and a reused nonce', async () => {
    const stale = await raw(
      'GET',
      '/pop/v1/sam/app/listApplications',
      {},
      { now: new Date(Date.now() - 16 * 60_000) },
    );
    expect(stale.status).toBe(400);
    expect(stale.body.Code).toBe('InvalidTimeStamp.Expired');
    const first = await raw('GET', '/pop/v1/sam/app/listApplications', {}, { nonce: 'nonce-once-only' });
    expect(first.status).toBe(200);
    const replay = await raw('GET', '/pop/v1/sam/app/listApplications', {}, { nonce: 'nonce-once-only' });
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ Code: 'SignatureNonceUsed', Success: false });
    expect(replay.requestId).toBe(replay.body.RequestId);
  });

  it('refuses an unsigned request', async () => {
    const response = await fetch(`${sim.url}/pop/v1/sam/app/listApplications`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'MissingAuthorization', Success: false });
  });

  it('names a missing or mistyped parameter', async () => {
    const missing = await expectSdkError(sae(sdk(sim)).describeStatus({}));
    expect(missing.code).toBe('InvalidParameter.NotEmpty');
    expect(missing.result.Message).toBe('You must specify the parameter AppId.');
    const mistyped = await expectSdkError(sae(sdk(sim)).listApplications({ PageSize: 'ten' }));
    expect(mistyped.code).toBe('InvalidParameter.Obviously');
    expect(mistyped.result.Message).toContain('PageSize');
  });

  it('takes parameters from a form body or a JSON body too', async () => {
    const form = await raw(
      'POST',
      '/pop/v1/paas/namespace',
      {},
      {
        body: 'NamespaceId=cn-hangzhou%3Aqa&NamespaceName=QA',
        contentType: 'application/x-www-form-urlencoded',
      },
    );
    expect(form.body.Data).toMatchObject({ NamespaceId: 'cn-hangzhou:qa', NamespaceName: 'QA' });
    const json = await raw(
      'PUT',
      '/pop/v1/paas/namespace',
      {},
      {
        body: JSON.stringify({ NamespaceId: 'cn-hangzhou:qa', NamespaceName: 'QA 2' }),
      },
    );
    expect(json.body.Data.NamespaceName).toBe('QA 2');
    const gone = await raw('DELETE', '/pop/v1/paas/namespace', { NamespaceId: 'cn-hangzhou:qa' });
    expect(gone.body.Success).toBe(true);
  });

  it('answers 404 for an unknown path and 501 for a catalogued API without a handler', async () => {
    const unknown = await expectSdkError(sdk(sim).request('GET', '/pop/v1/sam/app/nope', {}));
    expect([unknown.statusCode, unknown.code]).toEqual([404, 'InvalidApi.NotFound']);
    // Whichever catalogued API still lacks a handler, if any, answers 501.
    const unhandled = saeApis.find((api) => !(api.name in saeHandlers));
    if (unhandled) {
      const later = await expectSdkError(
        sdk(sim).request(unhandled.method, unhandled.path, {}, unhandled.method === 'GET' ? undefined : ''),
      );
      expect([later.statusCode, later.code]).toEqual([501, 'InvalidApi.NotImplemented']);
    }
  });

  it('logs verified calls and injects throttling on demand', async () => {
    await fetch(`${sim.url}/__sim/calls`, { method: 'DELETE' });
    await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ product: 'sae', throttleRate: 1 }),
    });
    const throttled = await expectSdkError(sae(sdk(sim)).listApplications({}));
    expect(throttled.code).toBe('Throttling.User');
    expect(throttled.result.Message).toBe('Request was denied due to user flow control.');
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    await sae(sdk(sim)).listApplications({});
    const calls = (await (await fetch(`${sim.url}/__sim/calls?api=ListApplications`)).json()) as {
      calls: { status: number; code: string }[];
    };
    expect(calls.calls.map((c) => [c.status, c.code])).toEqual([
      [400, 'Throttling.User'],
      [200, '200'],
    ]);
  });

  it('exposes the clock on the control API', async () => {
    const before = (await (await fetch(`${sim.url}/__sim/health`)).json()) as {
      ok: boolean;
      now: number;
      timeScale: number;
    };
    expect(before).toMatchObject({ ok: true, timeScale: 0 });
    const after = (await (
      await fetch(`${sim.url}/__sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: 60_000 }),
      })
    ).json()) as { now: number };
    expect(after.now - before.now).toBe(60_000);
  });
});
