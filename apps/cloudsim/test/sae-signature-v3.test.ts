import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { saeApis } from '@console/catalogue';
import { signRoa, signV3, v3Timestamp } from '@console/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { expectSdkError, type Json, KEY } from './helpers';

/**
 * The current official SDK core (`@alicloud/openapi-client`, as the generated `@alicloud/sae20190506`
 * client uses it): `callApi` with style ROA signs with signature V3 (ACS3-HMAC-SHA256) by default.
 */

const LEGACY = { accessKeyId: 'LTAI4CloudSimV3Legacy01', accessKeySecret: 'cloudsim-v3-legacy-secret' };

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, aliyun: KEY, aliyunLegacy: LEGACY, timeScale: 0, tickMs: 0 });
});
afterAll(() => sim.close());

function client(credentials: { accessKeyId: string; accessKeySecret: string } = KEY) {
  return new OpenApi(
    new $OpenApi.Config({
      ...credentials,
      endpoint: new URL(sim.url).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    }),
  );
}

interface CallOptions {
  query?: Record<string, string>;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  credentials?: { accessKeyId: string; accessKeySecret: string };
}

/** One SAE API by its catalogue name, sent the way the generated SAE client sends it. */
async function callApi(name: string, options: CallOptions = {}) {
  const api = saeApis.find((a) => a.name === name);
  if (!api) throw new Error(`${name} is not catalogued`);
  const params = new $OpenApi.Params({
    action: name,
    version: '2019-05-06',
    protocol: 'HTTP',
    pathname: api.path,
    method: api.method,
    authType: 'AK',
    style: 'ROA',
    reqBodyType: options.form ? 'formData' : 'json',
    bodyType: 'json',
  });
  const request = new $OpenApi.OpenApiRequest({
    query: options.query ?? {},
    body: options.form,
    headers: options.headers ?? {},
  });
  const response = await client(options.credentials).callApi(params, request, new $Util.RuntimeOptions({}));
  return { status: response.statusCode as number, body: response.body as Json };
}

interface OpenApiError extends Error {
  code: string;
  statusCode: number;
  data: Record<string, unknown>;
}

const refused = (promise: Promise<unknown>) => expectSdkError(promise) as unknown as Promise<OpenApiError>;

describe('SAE through the official @alicloud/openapi-client (signature V3)', () => {
  it('reads namespaces and applications', async () => {
    const namespaces = await callApi('DescribeNamespaceList');
    expect(namespaces.status).toBe(200);
    expect(namespaces.body).toMatchObject({ Code: '200', Success: true, Message: 'success' });
    expect(namespaces.body.Data.map((n: { NamespaceId: string }) => n.NamespaceId)).toContain(
      'cn-hangzhou:prod',
    );

    const apps = await callApi('ListApplications', {
      query: { NamespaceId: 'cn-hangzhou:prod', PageSize: '3' },
    });
    expect(apps.body).toMatchObject({ CurrentPage: 1, PageSize: 3, Success: true });
    expect(apps.body.Data.Applications).toHaveLength(3);
  });

  it('writes: creates a namespace from the query, renames it from a form body with unicode', async () => {
    const created = await callApi('CreateNamespace', {
      query: {
        NamespaceId: 'cn-hangzhou:v3test',
        NamespaceName: 'v3 test',
        NamespaceDescription: "it's (V3)*",
      },
    });
    expect(created.body).toMatchObject({ Success: true, Data: { NamespaceId: 'cn-hangzhou:v3test' } });

    await callApi('UpdateNamespace', {
      form: { NamespaceId: 'cn-hangzhou:v3test', NamespaceName: '签名 V3 测试' },
    });
    const described = await callApi('DescribeNamespace', { query: { NamespaceId: 'cn-hangzhou:v3test' } });
    expect(described.body.Data).toMatchObject({
      NamespaceId: 'cn-hangzhou:v3test',
      NamespaceName: '签名 V3 测试',
      NamespaceDescription: "it's (V3)*",
    });
  });

  it('answers the legacy account through V3 as the 2019 profile', async () => {
    const namespaces = await callApi('DescribeNamespaceList', {
      credentials: LEGACY,
      query: { ContainCustom: 'true' },
    });
    expect(namespaces.body).toMatchObject({ Code: 200, ErrorCode: 'success', Success: true });
  });

  it('refuses a wrong secret and an unknown AccessKeyId', async () => {
    const wrong = await refused(
      callApi('DescribeNamespaceList', { credentials: { ...KEY, accessKeySecret: 'not-the-secret' } }),
    );
    expect(wrong).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(wrong.data).toMatchObject({ Code: 'SignatureDoesNotMatch', Success: false });

    const unknown = await refused(
      callApi('DescribeNamespaceList', {
        credentials: { accessKeyId: 'LTAI5tNobody', accessKeySecret: 'x' },
      }),
    );
    expect(unknown).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
  });

  it('refuses an x-acs-date more than 15 minutes off, either way', async () => {
    for (const minutes of [-16, 16]) {
      const date = v3Timestamp(new Date(Date.now() + minutes * 60_000));
      const stale = await refused(callApi('DescribeNamespaceList', { headers: { 'x-acs-date': date } }));
      expect(stale).toMatchObject({ code: 'InvalidTimeStamp.Expired', statusCode: 400 });
    }
    const recent = v3Timestamp(new Date(Date.now() - 10 * 60_000));
    expect((await callApi('DescribeNamespaceList', { headers: { 'x-acs-date': recent } })).status).toBe(200);
  });

  it('refuses a reused nonce, and a nonce used by V3 on the ROA path too', async () => {
    const nonce = `v3-nonce-${Date.now()}`;
    const headers = { 'x-acs-signature-nonce': nonce };
    expect((await callApi('DescribeNamespaceList', { headers })).status).toBe(200);
    const replay = await refused(callApi('DescribeNamespaceList', { headers }));
    expect(replay).toMatchObject({ code: 'SignatureNonceUsed', statusCode: 400 });
    // A refused replay must not have changed anything either.
    const write = { query: { NamespaceId: 'cn-hangzhou:nonce', NamespaceName: 'nonce' }, headers };
    expect(await refused(callApi('CreateNamespace', write))).toMatchObject({ code: 'SignatureNonceUsed' });
    const list = await callApi('DescribeNamespaceList');
    expect(list.body.Data.map((n: { NamespaceId: string }) => n.NamespaceId)).not.toContain(
      'cn-hangzhou:nonce',
    );

    const path = '/pop/v1/sam/namespace/describeNamespaceList';
    const roa = signRoa({ method: 'GET', path, query: {}, headers: {}, body: '' }, KEY, {
      nonce,
      apiVersion: '2019-05-06',
    });
    const response = await fetch(`${sim.url}${path}`, { headers: roa });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
  });

  it('refuses a body that does not match x-acs-content-sha256', async () => {
    // The official client always hashes the body it sends, so forge the mismatch by hand.
    const path = '/pop/v1/paas/namespace';
    const query = { NamespaceId: 'cn-hangzhou:prod' };
    const contentType = 'application/x-www-form-urlencoded';
    const headers = signV3(
      {
        method: 'PUT',
        path,
        query,
        headers: { host: new URL(sim.url).host, 'content-type': contentType },
        body: 'NamespaceName=signed',
      },
      KEY,
      { action: 'UpdateNamespace', version: '2019-05-06' },
    );
    const send = (body: string) =>
      fetch(`${sim.url}${path}?${new URLSearchParams(query)}`, { method: 'PUT', headers, body });
    const forged = await send('NamespaceName=forged');
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ Code: 'InvalidContentSHA256', Success: false });
    // The same signed request with the body it was signed for passes: only the body was wrong.
    expect((await send('NamespaceName=signed')).status).toBe(200);
  });
});
