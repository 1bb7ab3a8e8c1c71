import { signHuawei } from '@console/signing';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import type { Json } from './helpers';

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', timeScale: 0, tickMs: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.calls.clear();
});

interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

async function call(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const res = await fetch(`${sim.url}${path}`, { method, headers: init.headers, body: init.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

function passwordAuth(
  overrides: { user?: string; password?: string; domain?: string; scope?: Json } = {},
): string {
  const account = sim.huawei;
  return JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: overrides.user ?? account.user,
            password: overrides.password ?? account.password,
            domain: { name: overrides.domain ?? account.domain },
          },
        },
      },
      scope: overrides.scope ?? { project: { name: account.region } },
    },
  });
}

const json = { 'Content-Type': 'application/json' };

async function issueToken(scope?: Json): Promise<string> {
  const reply = await call('POST', '/v3/auth/tokens', { headers: json, body: passwordAuth({ scope }) });
  expect(reply.status).toBe(201);
  return reply.headers.get('x-subject-token') as string;
}

const aosPath = () => '/v2/stacks';
const asPath = (project = sim.huawei.projectId) => `/autoscaling-api/v1/${project}/scaling_group`;
const AUTH_CODES = ['SVCSTG.AOS.4010002', 'SVCSTG.AOS.4030006', 'AS.0005', 'AS.0006', 'AS.0008', 'AS.00011'];

/** The front let the call through: whatever the product answers, it is not an authentication refusal. */
function expectAuthenticated(reply: Reply) {
  expect([401, 403]).not.toContain(reply.status);
  expect(AUTH_CODES).not.toContain(reply.body.code ?? reply.body.error?.code);
  expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
}

describe('Huawei IAM tokens', () => {
  it('issues a project-scoped token: 201, X-Subject-Token, the token body, 24 h on the simulated clock', async () => {
    const reply = await call('POST', '/v3/auth/tokens', { headers: json, body: passwordAuth() });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-subject-token')).toMatch(/^MII/);
    expect(reply.headers.get('x-iam-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    const token = reply.body.token;
    expect(token.methods).toEqual(['password']);
    expect(token.project).toEqual({
      id: sim.huawei.projectId,
      name: sim.huawei.region,
      domain: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: sim.huawei.domain },
    });
    expect(token.user).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: sim.huawei.user,
      domain: { name: sim.huawei.domain },
    });
    expect(token.issued_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(24 * 3_600_000);
    expect(Date.parse(token.issued_at)).toBe(sim.clock.now());
    const types = token.catalog.map((entry: Json) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['identity', 'aos', 'as']));
    expect(token.catalog[0].endpoints[0].url).toBe(`${sim.url}/v3`);
    expect(sim.calls.list({ product: 'IAM' })).toMatchObject([
      { api: 'KeystoneCreateUserTokenByPassword', status: 201 },
    ]);
  });

  it('scopes by project id too, and leaves the catalogue out on nocatalog=true', async () => {
    const reply = await call('POST', '/v3/auth/tokens?nocatalog=true', {
      headers: json,
      body: passwordAuth({ scope: { project: { id: sim.huawei.projectId } } }),
    });
    expect(reply.status).toBe(201);
    expect(reply.body.token.project.id).toBe(sim.huawei.projectId);
    expect(reply.body.token.catalog).toBeUndefined();
  });

  it('refuses a wrong password, user or domain with 401 and the IAM error body', async () => {
    for (const wrong of [{ password: 'nope' }, { user: 'someone-else' }, { domain: 'other-domain' }]) {
      const reply = await call('POST', '/v3/auth/tokens', { headers: json, body: passwordAuth(wrong) });
      expect(reply.status).toBe(401);
      expect(reply.headers.get('x-subject-token')).toBeNull();
      expect(reply.body).toEqual({
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      });
    }
  });

  it('refuses a project that is not the account’s and a body that is not an auth request', async () => {
    const other = await call('POST', '/v3/auth/tokens', {
      headers: json,
      body: passwordAuth({ scope: { project: { name: 'eu-west-0' } } }),
    });
    expect(other.status).toBe(401);
    expect(other.body.error).toMatchObject({ code: 401, title: 'Unauthorized' });
    const garbage = await call('POST', '/v3/auth/tokens', { headers: json, body: '{"auth":' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: 400, title: 'Bad Request' });
  });

  it('lists the project for a token, filtered by name as the SDK asks', async () => {
    const token = await issueToken();
    const all = await call('GET', '/v3/projects', { headers: { 'X-Auth-Token': token } });
    expect(all.status).toBe(200);
    expect(all.body.projects).toMatchObject([{ id: sim.huawei.projectId, name: sim.huawei.region }]);
    const named = await call('GET', `/v3/projects?name=${sim.huawei.region}`, {
      headers: { 'X-Auth-Token': token },
    });
    expect(named.body.projects).toHaveLength(1);
    const none = await call('GET', '/v3/projects?name=eu-west-0', { headers: { 'X-Auth-Token': token } });
    expect(none.body.projects).toEqual([]);
    const anonymous = await call('GET', '/v3/projects');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 401, title: 'Unauthorized' });
  });
  it('validates a token (GET /v3/auth/tokens with X-Subject-Token) for an authenticated caller', async () => {
    const token = await issueToken();
    const ok = await call('GET', '/v3/auth/tokens', {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.token.project.id).toBe(sim.huawei.projectId);
    const unknown = await call('GET', '/v3/auth/tokens', {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': 'MIIunknown' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 404, title: 'Not Found' });
  });
});

describe('Huawei products behind the front: token authentication', () => {
  it('lets a token through to AOS and AS', async () => {
    const token = await issueToken();
    const headers = { ...json, 'X-Auth-Token': token };
    expectAuthenticated(await call('GET', aosPath(), { headers }));
    expectAuthenticated(await call('GET', asPath(), { headers }));
  });

  it('answers the product’s own not-found for a path no API has, once authenticated', async () => {
    const headers = { ...json, 'X-Auth-Token': await issueToken() };
    const aos = await call('GET', '/v2/cloudsim-no-such-api', { headers });
    expect(aos.status).toBe(400);
    expect(aos.body).toMatchObject({ code: 'SVCSTG.AOS.4000007', showdetail: false });
    expect(typeof aos.body.message).toBe('string');
    const as = await call('GET', `/autoscaling-api/v1/${sim.huawei.projectId}/cloudsim_no_such_api`, {
      headers,
    });
    expect(as.status).toBe(404);
    expect(as.body).toEqual({
      error: {
        code: 'AS.0007',
        message: `The requested resource [/autoscaling-api/v1/${sim.huawei.projectId}/cloudsim_no_such_api] could not be found.`,
      },
    });
    const version = await call('GET', `/autoscaling-api/v9/${sim.huawei.projectId}/scaling_group`, {
      headers,
    });
    expect(version.status).toBe(404);
    expect(version.body.error.code).toBe('AS.0033');
    expect(sim.calls.list({ product: 'AS' }).map((c) => c.code)).toEqual(['AS.0007', 'AS.0033']);
  });

  it('refuses a call without credentials and with an unknown token, in each product’s error body', async () => {
    const aos = await call('GET', aosPath(), { headers: json });
    expect(aos.status).toBe(401);
    expect(aos.body).toMatchObject({ code: 'SVCSTG.AOS.4010002', showdetail: false });
    expect(Object.keys(aos.body).sort()).toEqual(['code', 'extend', 'message', 'showdetail']);
    const as = await call('GET', asPath(), { headers: json });
    expect(as.status).toBe(401);
    expect(as.body).toEqual({
      error: { code: 'AS.0005', message: 'The token of the header in the request is null.' },
    });
    const bogus = { ...json, 'X-Auth-Token': 'MIIbogus' };
    expect((await call('GET', aosPath(), { headers: bogus })).body.code).toBe('SVCSTG.AOS.4010002');
    const asBogus = await call('GET', asPath(), { headers: bogus });
    expect(asBogus.status).toBe(401);
    expect(asBogus.body.error.code).toBe('AS.0006');
    // Refused calls never reached a product.
    expect(sim.calls.list({ product: 'AS' })).toEqual([]);
    expect(sim.calls.list({ product: 'AOS' })).toEqual([]);
  });

  it('refuses a token once the simulated clock is past its 24 hours', async () => {
    const token = await issueToken();
    const headers = { ...json, 'X-Auth-Token': token };
    sim.clock.advance(24 * 3_600_000 - 1_000);
    expectAuthenticated(await call('GET', asPath(), { headers }));
    sim.clock.advance(2_000);
    const as = await call('GET', asPath(), { headers });
    expect(as.status).toBe(401);
    expect(as.body.error.code).toBe('AS.0006');
    const aos = await call('GET', aosPath(), { headers });
    expect(aos.status).toBe(401);
    expect(aos.body.code).toBe('SVCSTG.AOS.4010002');
    // A fresh token works again.
    expectAuthenticated(
      await call('GET', asPath(), { headers: { ...json, 'X-Auth-Token': await issueToken() } }),
    );
  });

  it('refuses on AS, with AS.0008, a path naming a project that is not the token’s', async () => {
    const headers = { ...json, 'X-Auth-Token': await issueToken() };
    const other = 'ffffffffffffffffffffffffffffffff';
    const reply = await call('GET', asPath(other), { headers });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { code: 'AS.0008', message: 'Incorrect ProjectID.' } });
    const header = await call('GET', aosPath(), { headers: { ...headers, 'X-Project-Id': other } });
    expect(header.status).toBe(403);
    expect(header.body.code).toBe('SVCSTG.AOS.4030006');
  });

  it('refuses a domain-scoped token on the products (they need a project)', async () => {
    const token = await issueToken({ domain: { name: sim.huawei.domain } });
    const headers = { ...json, 'X-Auth-Token': token };
    const as = await call('GET', asPath(), { headers });
    expect(as.status).toBe(403);
    expect(as.body.error.code).toBe('AS.00011');
    expect((await call('GET', aosPath(), { headers })).body.code).toBe('SVCSTG.AOS.4030006');
  });
});

/** The official SDK's signer: what `@huaweicloud/huaweicloud-sdk-core` sends for the request. */
function officialSigned(
  method: string,
  path: string,
  options: {
    query?: Record<string, string>;
    headers?: Record<string, string>;
    data?: object;
    sk?: string;
  } = {},
): { url: string; init: RequestInit } {
  const signed = AKSKSigner.sign(
    {
      method,
      endpoint: `${sim.url}${path}`,
      headers: { 'content-type': 'application/json', ...options.headers },
      queryParams: options.query ?? {},
      data: options.data,
    },
    new BasicCredentials().withAk(sim.huawei.ak).withSk(options.sk ?? sim.huawei.sk),
  ) as Record<string, string>;
  const { host: _host, ...headers } = signed;
  const query = new URLSearchParams(options.query ?? {}).toString();
  return {
    url: `${sim.url}${path}${query ? `?${query}` : ''}`,
    init: { method, headers, body: options.data === undefined ? undefined : JSON.stringify(options.data) },
  };
}

async function send({ url, init }: { url: string; init: RequestInit }): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

describe('Huawei products behind the front: AK/SK (SDK-HMAC-SHA256)', () => {
  it('accepts requests the official SDK signer signed, on AOS and AS, with or without X-Project-Id', async () => {
    expectAuthenticated(
      await send(officialSigned('GET', aosPath(), { query: { project_id: sim.huawei.projectId } })),
    );
    expectAuthenticated(
      await send(
        officialSigned('GET', asPath(), {
          query: { limit: '20', start_number: '0' },
          headers: { 'X-Project-Id': sim.huawei.projectId },
        }),
      ),
    );
    expectAuthenticated(
      await send(
        officialSigned('POST', '/v2/stacks', {
          headers: { 'X-Project-Id': sim.huawei.projectId },
          data: { name: 'probe', template_id: 'none', project_id: sim.huawei.projectId },
        }),
      ),
    );
  });

  it('accepts the official SDK client end to end: it finds the project through IAM, then calls AS signed', async () => {
    // As ClientBuilder.build() assembles it (ClientBuilder itself needs `uuid`, which the package
    // does not declare, for its User-Agent).
    const { HcClient } = await import('@huaweicloud/huaweicloud-sdk-core/HcClient');
    const { DefaultHttpClient } = await import('@huaweicloud/huaweicloud-sdk-core/http/DefaultHttpClient');
    const { Region } = await import('@huaweicloud/huaweicloud-sdk-core/region/region');
    const endpoints = [sim.url];
    const quiet = () => {};
    const logger = { debug: quiet, info: quiet, warn: quiet, error: quiet, setLevel: quiet, setName: quiet };
    const options = {
      disableSslVerification: true,
      headers: {},
      logger: { ...logger, getLevel: () => 'error' as never },
    };
    const client = new HcClient(new DefaultHttpClient(options, endpoints))
      .withRegion(new Region(sim.huawei.region, endpoints))
      .withCredential(
        new BasicCredentials().withAk(sim.huawei.ak).withSk(sim.huawei.sk).withIamEndpoint(sim.url),
      )
      .withEndpoints(endpoints);
    const outcome = await client
      .sendRequest({
        method: 'GET',
        url: '/autoscaling-api/v1/{project_id}/scaling_group',
        contentType: 'application/json',
        queryParams: { limit: 10 },
        pathParams: {},
        headers: {},
        data: {},
      })
      .then(
        (response: Json) => ({ status: response.httpStatusCode as number, code: undefined }),
        (error: Json) => ({
          status: error.httpStatusCode as number,
          code: error.errorCode as string | undefined,
        }),
      );
    expect([401, 403]).not.toContain(outcome.status);
    expect(AUTH_CODES).not.toContain(outcome.code);
    expect(sim.calls.list({ product: 'IAM' })).toMatchObject([{ api: 'KeystoneListProjects', status: 200 }]);
    expect(sim.calls.list({ product: 'AS' })).toMatchObject([
      { method: 'GET', path: `/autoscaling-api/v1/${sim.huawei.projectId}/scaling_group` },
    ]);
  });

  it('refuses a bad signature, a tampered request and an unknown AK', async () => {
    const wrongKey = await send(officialSigned('GET', asPath(), { sk: 'not-the-secret' }));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body).toEqual({
      error: {
        code: 'AS.0006',
        message: 'Incorrect IAM authentication information: verify aksk signature fail',
      },
    });
    const aos = await send(officialSigned('GET', aosPath(), { sk: 'not-the-secret' }));
    expect(aos.status).toBe(401);
    expect(aos.body).toMatchObject({
      code: 'SVCSTG.AOS.4010002',
      extend: 'Incorrect IAM authentication information: verify aksk signature fail',
    });

    const signed = officialSigned('POST', '/v2/stacks', { data: { name: 'a' } });
    const tampered = await send({
      url: signed.url,
      init: { ...signed.init, body: JSON.stringify({ name: 'b' }) },
    });
    expect(tampered.status).toBe(401);
    const query = officialSigned('GET', asPath(), { query: { limit: '20' } });
    expect((await send({ url: query.url.replace('limit=20', 'limit=21'), init: query.init })).status).toBe(
      401,
    );

    const headers = { ...json, host: new URL(sim.url).host };
    const unknown = signHuawei(
      { method: 'GET', path: asPath(), query: {}, headers },
      { ak: 'HWUNKNOWN', sk: 'x' },
    );
    const reply = await call('GET', asPath(), { headers: { ...json, ...unknown } });
    expect(reply.status).toBe(401);
    expect(reply.body.error.message).toBe('Incorrect IAM authentication information: ak HWUNKNOWN not exist');
  });

  it('refuses an X-Sdk-Date more than 15 minutes off the real clock', async () => {
    const headers = { ...json, host: new URL(sim.url).host };
    const parts = { method: 'GET', path: asPath(), query: {}, headers };
    const stale = signHuawei(parts, sim.huawei, { now: new Date(Date.now() - 16 * 60_000) });
    const reply = await call('GET', asPath(), { headers: { ...json, ...stale } });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('AS.0006');
    expect(reply.body.error.message).toMatch(/X-Sdk-Date .* more than 15 minutes/);
    const fresh = signHuawei(parts, sim.huawei, { now: new Date(Date.now() - 10 * 60_000) });
    expectAuthenticated(await call('GET', asPath(), { headers: { ...json, ...fresh } }));
  });

  it('refuses on AS a project in the path or X-Project-Id that is not the account’s', async () => {
    const other = 'ffffffffffffffffffffffffffffffff';
    const path = await send(officialSigned('GET', asPath(other)));
    expect(path.status).toBe(400);
    expect(path.body.error.code).toBe('AS.0008');
    const header = await send(officialSigned('GET', asPath(), { headers: { 'X-Project-Id': other } }));
    expect(header.body.error.code).toBe('AS.0008');
  });

  it('lists projects for an AK/SK caller and refuses a bad signature in the API Gateway’s body', async () => {
    const ok = await send(officialSigned('GET', '/v3/projects', { query: { name: sim.huawei.region } }));
    expect(ok.status).toBe(200);
    expect(ok.body.projects).toMatchObject([{ id: sim.huawei.projectId }]);
    const bad = await send(officialSigned('GET', '/v3/projects', { sk: 'nope' }));
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ error_code: 'APIGW.0301', request_id: bad.headers.get('x-request-id') });
  });
});

describe('Huawei fault injection', () => {
  it('answers 5xx in the product’s body when errorRate is 1, and logs the call', async () => {
    const headers = { ...json, 'X-Auth-Token': await issueToken() };
    sim.faults.set({ product: 'AS', errorRate: 1 });
    const reply = await call('GET', asPath(), { headers });
    expect([500, 503]).toContain(reply.status);
    expect(reply.body).toEqual({ error: { code: 'AS.0001', message: 'System error.' } });
    expectAuthenticated(await call('GET', aosPath(), { headers }));
    sim.faults.set({ product: 'AOS', errorRate: 1 });
    const aos = await call('GET', aosPath(), { headers });
    expect([500, 503]).toContain(aos.status);
    expect(aos.body.code).toBe('SVCSTG.AOS.5001002');
    expect(sim.calls.list({ product: 'AS' })).toMatchObject([{ status: reply.status, code: 'AS.0001' }]);
    expect(sim.calls.list({ product: 'AS' })[0]?.requestId).toBe(reply.headers.get('x-request-id'));
  });

  it('throttles with AOS’s 429 code and, for AS, the API Gateway’s', async () => {
    const headers = { ...json, 'X-Auth-Token': await issueToken() };
    sim.faults.set({ product: 'AOS', throttleRate: 1 });
    const aos = await call('GET', aosPath(), { headers });
    expect(aos.status).toBe(429);
    expect(aos.body.code).toBe('SVCSTG.AOS.4290009');
    expect(aos.headers.get('retry-after')).toBe('1');
    sim.faults.set({ product: 'AS', throttleRate: 1 });
    const as = await call('GET', asPath(), { headers });
    expect(as.status).toBe(429);
    expect(as.body).toMatchObject({ error_code: 'APIGW.0308', request_id: as.headers.get('x-request-id') });
  });

  it('drops the connection on reset and delays on latency', async () => {
    const headers = { ...json, 'X-Auth-Token': await issueToken() };
    sim.faults.set({ product: 'AS', resetRate: 1 });
    await expect(fetch(`${sim.url}${asPath()}`, { headers })).rejects.toThrow();
    await expect
      .poll(() => sim.calls.list({ product: 'AS' }))
      .toMatchObject([{ status: 0, code: 'ConnectionReset' }]);
    sim.faults.set({ product: 'AS', latencyMs: 150 });
    const started = Date.now();
    expectAuthenticated(await call('GET', asPath(), { headers }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('checks authentication before faults: an unauthenticated call is refused, not faulted', async () => {
    sim.faults.set({ product: 'AS', errorRate: 1 });
    const reply = await call('GET', asPath(), { headers: json });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('AS.0005');
  });
});
