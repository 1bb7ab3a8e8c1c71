import { createHash } from 'node:crypto';
import OpenApiUtil from '@alicloud/openapi-util';
import * as $tea from '@alicloud/tea-typescript';
import { describe, expect, it } from 'vitest';
import {
  NonceCache,
  type QueryValue,
  signRoa,
  signV3,
  V3_ALGORITHM,
  type V3RequestParts,
  verifyAliyun,
  verifyV3,
} from '../src';

const credentials = { accessKeyId: 'LTAI5tV3Test', accessKeySecret: 'v3-test-secret' };
const NOW = new Date('2026-03-04T05:06:07.890Z');
const NOW_TEXT = '2026-03-04T05:06:07Z';
const NONCE = '3a6f0f5e-2c1b-4d7e-9f00-0123456789ab';
const VERSION = '2019-05-06';

interface Case {
  name: string;
  method: string;
  /** Decoded path, as the simulator's router sees it. */
  path: string;
  query: Record<string, QueryValue>;
  headers: Record<string, string>;
  body?: string;
  action: string;
}

const host = 'sae.cn-hangzhou.aliyuncs.com';

const cases: Case[] = [
  {
    name: 'plain GET',
    method: 'GET',
    path: '/pop/v1/sam/app/listApplications',
    query: { CurrentPage: '1', PageSize: '10' },
    headers: { host, accept: 'application/json', 'user-agent': 'probe' },
    action: 'ListApplications',
  },
  {
    name: 'unsorted keys, flattened lists, an empty value',
    method: 'GET',
    path: '/pop/v1/sam/app/describeApplicationConfig',
    query: { 'Key.10': 'j', b: 'x', 'Key.2': 'b', AppId: 'app-1', 'Key.1': 'a', Z: '', a_b: 'y' },
    headers: { host },
    action: 'DescribeApplicationConfig',
  },
  {
    name: 'a repeated query parameter',
    method: 'GET',
    path: '/pop/v1/sam/app/listApplications',
    query: { Tag: ['env', 'blue', 'a b'], AppName: 'x' },
    headers: { host },
    action: 'ListApplications',
  },
  {
    name: 'unicode and reserved characters in path, query and body',
    method: 'POST',
    path: "/pop/v1/sam/应用/a b+c*d~e!'()",
    query: { NamespaceName: '生产 环境', Desc: "it's (really) *fine* ~ok! 50%+1/2=?&#", Emoji: '🚀' },
    headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'AppDescription=%E4%B8%AD%E6%96%87&x=1',
    action: 'CreateApplication',
  },
  {
    name: 'empty body on a POST',
    method: 'POST',
    path: '/pop/v1/paas/namespace',
    query: { NamespaceId: 'cn-hangzhou:dev', NamespaceName: 'dev' },
    headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    action: 'CreateNamespace',
  },
  {
    name: 'header case and padding, extra x-acs headers, unsigned headers',
    method: 'PUT',
    path: '/pop/v1/sam/app/rescaleApplication',
    query: { AppId: 'app-1', Replicas: '3' },
    headers: {
      Host: host,
      'Content-Type': 'application/json; charset=utf-8',
      'X-Acs-Region-Id': '  cn-hangzhou  ',
      'x-acs-security-token': 'token\twith tab',
      'X-ACS-Zeta': 'last',
      Accept: 'application/json',
      'User-Agent': 'AlibabaCloud (linux) Node.js/20',
    },
    body: '{"MinReadyInstances":1,"名":"值"}',
    action: 'RescaleApplication',
  },
];

/** What the official SDK signs for the same request (its own inputs, built independently). */
function officialAuthorization(c: Case): { authorization: string; headers: Record<string, string> } {
  const payload = createHash('sha256')
    .update(c.body ?? '')
    .digest('hex');
  const headers: Record<string, string> = {
    ...c.headers,
    'x-acs-action': c.action,
    'x-acs-version': VERSION,
    'x-acs-date': NOW_TEXT,
    'x-acs-signature-nonce': NONCE,
    'x-acs-content-sha256': payload,
  };
  const request = new $tea.Request();
  request.method = c.method;
  // Generated product clients encode path parameters with getEncodePath before signing.
  request.pathname = OpenApiUtil.getEncodePath(c.path);
  request.query = c.query as Record<string, string>;
  request.headers = headers;
  const authorization = OpenApiUtil.getAuthorization(
    request,
    V3_ALGORITHM,
    payload,
    credentials.accessKeyId,
    credentials.accessKeySecret,
  );
  return { authorization, headers };
}

const partsOf = (c: Case): V3RequestParts => ({
  method: c.method,
  path: c.path,
  query: c.query,
  headers: c.headers,
  body: c.body,
});

const lookupSecret = (id: string) =>
  id === credentials.accessKeyId ? credentials.accessKeySecret : undefined;

function verifier(cache = new NonceCache(30 * 60_000), now = NOW) {
  return (parts: V3RequestParts, at = now) =>
    verifyAliyun(parts, {
      lookupSecret,
      now: at,
      maxSkewMs: 15 * 60_000,
      nonceSeen: (n) => cache.seenBefore(n),
    });
}

describe('signature V3 against @alicloud/openapi-util getAuthorization', () => {
  for (const c of cases) {
    it(`signs like the official SDK: ${c.name}`, () => {
      const mine = signV3(partsOf(c), credentials, {
        action: c.action,
        version: VERSION,
        now: NOW,
        nonce: NONCE,
      });
      const official = officialAuthorization(c);
      expect(mine.authorization).toBe(official.authorization);
      expect(mine['x-acs-date']).toBe(NOW_TEXT);
      expect(mine['x-acs-content-sha256']).toBe(official.headers['x-acs-content-sha256']);
    });

    it(`verifies what the official SDK signed: ${c.name}`, () => {
      const official = officialAuthorization(c);
      const parts = {
        ...partsOf(c),
        headers: { ...official.headers, Authorization: official.authorization },
      };
      expect(verifier()(parts)).toEqual({ ok: true, accessKeyId: credentials.accessKeyId });
    });
  }

  it('lists the signed headers sorted and lowercase: host, content-type and every x-acs-* header', () => {
    const c = cases[5] as Case;
    const signed = signV3(partsOf(c), credentials, {
      action: c.action,
      version: VERSION,
      now: NOW,
      nonce: NONCE,
    });
    expect(signed.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tV3Test,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-region-id;x-acs-security-token;x-acs-signature-nonce;x-acs-version;x-acs-zeta,Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('signature V3 verification refusals', () => {
  const c = cases[3] as Case;
  const signed = (options: { now?: Date; nonce?: string; secret?: string } = {}) => {
    const headers = signV3(
      partsOf(c),
      { ...credentials, accessKeySecret: options.secret ?? credentials.accessKeySecret },
      { action: c.action, version: VERSION, now: options.now ?? NOW, nonce: options.nonce ?? NONCE },
    );
    return { ...partsOf(c), headers };
  };
  const refusal = (parts: V3RequestParts) => {
    const result = verifier()(parts);
    return result.ok ? result : { status: result.status, code: result.code };
  };

  it('accepts its own signature', () => {
    expect(verifier()(signed())).toEqual({ ok: true, accessKeyId: credentials.accessKeyId });
  });

  it('refuses a missing or malformed Authorization and another algorithm', () => {
    const parts = signed();
    const without = { ...parts, headers: { ...parts.headers, authorization: undefined } };
    expect(refusal(without)).toEqual({ status: 400, code: 'MissingAuthorization' });
    const malformed = {
      ...parts,
      headers: { ...parts.headers, authorization: 'ACS3-HMAC-SHA256 Credential=x' },
    };
    expect(refusal(malformed)).toEqual({ status: 400, code: 'IncompleteSignature' });
    const sm3 = parts.headers.authorization?.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3') as string;
    expect(refusal({ ...parts, headers: { ...parts.headers, authorization: sm3 } })).toEqual({
      status: 400,
      code: 'InvalidSignatureMethod',
    });
  });

  it('refuses an unknown AccessKeyId (404) and a wrong secret', () => {
    const parts = signed();
    const other = parts.headers.authorization?.replace(
      'Credential=LTAI5tV3Test',
      'Credential=LTAIunknown',
    ) as string;
    expect(refusal({ ...parts, headers: { ...parts.headers, authorization: other } })).toEqual({
      status: 404,
      code: 'InvalidAccessKeyId.NotFound',
    });
    expect(refusal(signed({ secret: 'wrong' }))).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('refuses any change to what was signed', () => {
    const parts = signed();
    const tamper = (change: Partial<V3RequestParts>) => refusal({ ...parts, ...change });
    expect(tamper({ method: 'PUT' })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(tamper({ path: '/pop/v1/sam/app/other' })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(tamper({ query: { ...parts.query, NamespaceName: 'prod' } })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(tamper({ headers: { ...parts.headers, host: 'evil.example' } })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(tamper({ headers: { ...parts.headers, 'x-acs-version': '2022-01-01' } })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('refuses a body that does not match x-acs-content-sha256, and a re-hashed body', () => {
    const parts = signed();
    expect(refusal({ ...parts, body: 'x=2' })).toEqual({ status: 400, code: 'InvalidContentSHA256' });
    const rehashed = createHash('sha256').update('x=2').digest('hex');
    expect(
      refusal({ ...parts, body: 'x=2', headers: { ...parts.headers, 'x-acs-content-sha256': rehashed } }),
    ).toEqual({ status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('refuses missing signing headers and unsigned x-acs headers', () => {
    const parts = signed();
    for (const name of ['x-acs-action', 'x-acs-version', 'x-acs-content-sha256']) {
      expect(refusal({ ...parts, headers: { ...parts.headers, [name]: undefined } })).toEqual({
        status: 400,
        code: 'IncompleteSignature',
      });
    }
    expect(refusal({ ...parts, headers: { ...parts.headers, 'x-acs-date': undefined } })).toMatchObject({
      code: 'MissingDate',
    });
    expect(
      refusal({ ...parts, headers: { ...parts.headers, 'x-acs-signature-nonce': undefined } }),
    ).toMatchObject({
      code: 'MissingSignatureNonce',
    });
    expect(refusal({ ...parts, headers: { ...parts.headers, 'x-acs-extra': 'smuggled' } })).toMatchObject({
      code: 'IncompleteSignature',
    });
  });

  it('refuses an x-acs-date that is not ISO 8601 UTC or is more than 15 minutes off', () => {
    const parts = signed();
    expect(
      refusal({ ...parts, headers: { ...parts.headers, 'x-acs-date': 'Wed, 04 Mar 2026 05:06:07 GMT' } }),
    ).toMatchObject({ code: 'InvalidDate' });
    const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
    expect(verifier(new NonceCache(1))(signed({ now: minutes(-14) }))).toMatchObject({ ok: true });
    expect(verifier(new NonceCache(1))(signed({ now: minutes(14) }))).toMatchObject({ ok: true });
    expect(refusal(signed({ now: minutes(-16) }))).toEqual({ status: 400, code: 'InvalidTimeStamp.Expired' });
    expect(refusal(signed({ now: minutes(16) }))).toEqual({ status: 400, code: 'InvalidTimeStamp.Expired' });
  });

  it('refuses a reused nonce, also across the ROA and V3 schemes', () => {
    const verify = verifier();
    expect(verify(signed())).toMatchObject({ ok: true });
    expect(verify(signed())).toMatchObject({ ok: false, status: 400, code: 'SignatureNonceUsed' });

    const shared = verifier();
    const roa = {
      method: 'GET',
      path: '/pop/v1/sam/app/listApplications',
      query: { PageSize: '10' },
      body: '',
    };
    const roaHeaders = signRoa({ ...roa, headers: {} }, credentials, { now: NOW, nonce: 'shared-nonce' });
    expect(shared({ ...roa, headers: roaHeaders })).toMatchObject({ ok: true });
    expect(shared(signed({ nonce: 'shared-nonce' }))).toMatchObject({
      ok: false,
      code: 'SignatureNonceUsed',
    });
  });

  it('verifyV3 refuses an ROA Authorization; verifyAliyun sends each scheme to its verifier', () => {
    const roa = { method: 'GET', path: '/p', query: {}, body: '' };
    const headers = signRoa({ ...roa, headers: {} }, credentials, { now: NOW, nonce: 'n-roa' });
    const options = { lookupSecret, now: NOW, nonceSeen: () => false };
    expect(verifyV3({ ...roa, headers }, options)).toMatchObject({ ok: false, code: 'IncompleteSignature' });
    expect(verifyAliyun({ ...roa, headers }, options)).toMatchObject({ ok: true });
  });
});
