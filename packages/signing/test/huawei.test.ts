import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { describe, expect, it } from 'vitest';
import {
  HUAWEI_ALGORITHM,
  type HuaweiRequestParts,
  huaweiSdkDate,
  isHuaweiAuthorization,
  parseHuaweiSdkDate,
  signHuawei,
  verifyHuawei,
} from '../src';

const credentials = { ak: 'HWTESTAK0000000000001', sk: 'huawei-test-sk' };
const NOW = new Date('2026-03-04T05:06:07.890Z');
const NOW_TEXT = '20260304T050607Z';
const PROJECT = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
const host = 'as.cn-north-4.myhuaweicloud.com';

interface Case {
  name: string;
  method: string;
  /** The path as it goes on the wire. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** A JSON body: the SDK hashes JSON.stringify(data) and sends the same text. */
  data?: object;
}

const cases: Case[] = [
  {
    name: 'a GET with paging parameters',
    method: 'GET',
    path: `/autoscaling-api/v1/${PROJECT}/scaling_group`,
    query: { start_number: '0', limit: '20', scaling_group_name: 'web' },
    headers: { host, 'Content-Type': 'application/json' },
  },
  {
    name: 'a POST with a JSON body and X-Project-Id',
    method: 'POST',
    path: '/v2/stacks',
    query: {},
    headers: {
      host: 'aos.cn-north-4.myhuaweicloud.com',
      'content-type': 'application/json',
      'X-Project-Id': PROJECT,
    },
    data: {
      name: 'web-stack',
      template_id: 't-1',
      project_id: PROJECT,
      inputs_json: { replicas: 3 },
      名: '值',
    },
  },
  {
    name: 'unsorted, repeated, empty, unicode and reserved query values',
    method: 'GET',
    path: `/autoscaling-api/v2/${PROJECT}/scaling_activity_log/g-1`,
    query: {
      type: ['SCALE_OUT', 'MANNUAL_ADD', 'SCALE_IN'],
      start_time: '2026-03-01T00:00:00Z',
      a_b: '',
      Zeta: "it's (really) *fine* ~ok! 50%+1/2=?&#",
      emoji: '生产 🚀',
    },
    headers: { host, 'content-type': 'application/json;charset=UTF-8' },
  },
  {
    name: 'a DELETE whose path carries a topic URN with colons',
    method: 'DELETE',
    path: `/autoscaling-api/v1/${PROJECT}/scaling_notification/g-1/urn:smn:cn-north-4:b53e5554fad0494d96206fb84296510b:gsh`,
    query: {},
    headers: { host, 'content-type': 'application/json', 'X-Project-Id': PROJECT },
  },
  {
    name: 'a PUT with a trailing slash, a custom header and a port in host',
    method: 'PUT',
    path: `/autoscaling-api/v1/${PROJECT}/scaling_group/g-1/`,
    query: {},
    headers: { host: '127.0.0.1:9100', 'content-type': 'application/json', 'x-custom-thing': 'v a l' },
    data: { desire_instance_number: 2 },
  },
];

/** What the official SDK signer produces for the case (its own inputs), with the headers it sends. */
function official(c: Case, at = NOW_TEXT, credential = credentials) {
  const signed = AKSKSigner.sign(
    {
      method: c.method,
      endpoint: `https://${c.headers.host}${c.path}`,
      headers: { ...c.headers, 'X-Sdk-Date': at },
      queryParams: c.query,
      data: c.data,
    },
    new BasicCredentials().withAk(credential.ak).withSk(credential.sk),
  ) as Record<string, string>;
  return signed;
}

const bodyOf = (c: Case) => (c.data === undefined ? '' : JSON.stringify(c.data));

const partsOf = (c: Case, headers: Record<string, string> = c.headers): HuaweiRequestParts => ({
  method: c.method,
  path: c.path,
  query: c.query,
  headers,
  body: bodyOf(c),
});

const lookupSecret = (ak: string) => (ak === credentials.ak ? credentials.sk : undefined);
const verify = (parts: HuaweiRequestParts, now = NOW) => verifyHuawei(parts, { lookupSecret, now });
const reason = (parts: HuaweiRequestParts, now = NOW) => {
  const result = verify(parts, now);
  return result.ok ? 'ok' : result.reason;
};

describe('SDK-HMAC-SHA256 against the official AKSKSigner (@huaweicloud/huaweicloud-sdk-core)', () => {
  for (const c of cases) {
    it(`signs like the official signer: ${c.name}`, () => {
      const mine = signHuawei(partsOf(c), credentials, { now: NOW });
      const theirs = official(c);
      expect(mine.Authorization).toBe(theirs.Authorization);
      expect(mine['X-Sdk-Date']).toBe(NOW_TEXT);
    });

    it(`accepts what the official signer signed: ${c.name}`, () => {
      expect(verify(partsOf(c, official(c)))).toEqual({
        ok: true,
        ak: credentials.ak,
        signedHeaders: expect.arrayContaining(['host', 'x-sdk-date']),
      });
    });
  }

  it('writes the Authorization header as the gateway documents it', () => {
    const signed = signHuawei(partsOf(cases[1] as Case), credentials, { now: NOW });
    expect(signed.Authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=HWTESTAK0000000000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(isHuaweiAuthorization(signed.Authorization)).toBe(true);
    expect(isHuaweiAuthorization('ACS3-HMAC-SHA256 Credential=x')).toBe(false);
  });

  it('accepts the official signature over a path the client had percent-encoded (the SDK encodes it again)', () => {
    const c: Case = {
      name: 'encoded path',
      method: 'GET',
      path: '/v2/stacks/web%20stack/elements',
      query: {},
      headers: { host, 'content-type': 'application/json' },
    };
    expect(verify(partsOf(c, official(c)))).toMatchObject({ ok: true });
    // Our own signer canonicalises the decoded path once, as the gateway's other SDKs do.
    expect(
      verify(partsOf(c, { ...c.headers, ...signHuawei(partsOf(c), credentials, { now: NOW }) })),
    ).toMatchObject({
      ok: true,
    });
  });

  it('accepts an UNSIGNED-PAYLOAD multipart upload, whose content-type the SDK leaves unsigned', () => {
    const c: Case = {
      name: 'multipart',
      method: 'POST',
      path: '/v2/templates',
      query: {},
      headers: {
        host: 'aos.cn-north-4.myhuaweicloud.com',
        'content-type': 'multipart/form-data; boundary=xyz',
        'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD',
      },
    };
    const signed = official(c);
    expect(signed.Authorization).not.toContain('content-type');
    const parts = {
      ...partsOf(c, signed),
      headers: { ...signed, 'content-type': c.headers['content-type'] },
    };
    expect(
      verify({ ...parts, body: '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nt\r\n--xyz--' }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('SDK-HMAC-SHA256 refusals', () => {
  const c = cases[1] as Case;
  const signed = (at = NOW, credential = credentials) =>
    partsOf(c, { ...c.headers, ...signHuawei(partsOf(c), credential, { now: at }) });
  const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

  it('accepts its own signature, whatever the header names’ case', () => {
    const parts = signed();
    expect(verify(parts)).toMatchObject({ ok: true, ak: credentials.ak });
    const lower = Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verify({ ...parts, headers: lower })).toMatchObject({ ok: true });
  });

  it('refuses a tampered body, header, path, query or method', () => {
    const parts = signed();
    expect(reason({ ...parts, body: bodyOf(c).replace('web-stack', 'evil') })).toBe('signature');
    expect(reason({ ...parts, headers: { ...parts.headers, 'X-Project-Id': 'another' } })).toBe('signature');
    expect(reason({ ...parts, headers: { ...parts.headers, host: 'evil.example' } })).toBe('signature');
    expect(reason({ ...parts, path: '/v2/stacks/x' })).toBe('signature');
    expect(reason({ ...parts, query: { project_id: PROJECT } })).toBe('signature');
    expect(reason({ ...parts, method: 'PUT' })).toBe('signature');
    const get = cases[0] as Case;
    const signedGet = partsOf(get, {
      ...get.headers,
      ...signHuawei(partsOf(get), credentials, { now: NOW }),
    });
    expect(reason({ ...signedGet, query: { ...get.query, limit: '100' } })).toBe('signature');
    expect(reason({ ...signedGet, query: new URLSearchParams(get.query as Record<string, string>) })).toBe(
      'ok',
    );
  });

  it('refuses a wrong secret and an unknown AK', () => {
    expect(reason(signed(NOW, { ...credentials, sk: 'wrong' }))).toBe('signature');
    const unknown = verify(signed(NOW, { ...credentials, ak: 'HWUNKNOWN' }));
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown-ak', status: 401, code: 'APIGW.0301' });
  });

  it('refuses an X-Sdk-Date that was changed, is malformed, or is more than 15 minutes off', () => {
    const parts = signed();
    expect(reason({ ...parts, headers: { ...parts.headers, 'X-Sdk-Date': '20260304T050608Z' } })).toBe(
      'signature',
    );
    expect(reason({ ...parts, headers: { ...parts.headers, 'X-Sdk-Date': '2026-03-04T05:06:07Z' } })).toBe(
      'invalid-date',
    );
    expect(reason({ ...parts, headers: { ...parts.headers, 'X-Sdk-Date': '20260231T050607Z' } })).toBe(
      'invalid-date',
    );
    expect(reason(signed(minutes(-14)))).toBe('ok');
    expect(reason(signed(minutes(14)))).toBe('ok');
    expect(reason(signed(minutes(-16)))).toBe('expired-date');
    expect(reason(signed(minutes(16)))).toBe('expired-date');
    expect(verify(signed(minutes(-16)))).toMatchObject({ status: 401, code: 'APIGW.0301' });
  });

  it('refuses a missing or malformed Authorization, another algorithm, and unsigned host or date', () => {
    const parts = signed();
    const auth = parts.headers.Authorization as string;
    const withAuth = (authorization: string | undefined) => ({
      ...parts,
      headers: { ...parts.headers, Authorization: authorization },
    });
    expect(reason(withAuth(undefined))).toBe('missing');
    expect(reason(withAuth('SDK-HMAC-SHA256'))).toBe('malformed');
    expect(reason(withAuth(`${HUAWEI_ALGORITHM} Access=${credentials.ak}`))).toBe('malformed');
    expect(reason(withAuth(auth.replace(/Signature=[0-9a-f]+/, 'Signature=xyz')))).toBe('malformed');
    expect(reason(withAuth(auth.replace('SDK-HMAC-SHA256', 'SDK-HMAC-SM3')))).toBe('algorithm');
    expect(reason(withAuth(auth.replace('content-type;host;', 'content-type;')))).toBe('unsigned-header');
    expect(reason(withAuth(auth.replace(';x-sdk-date', '')))).toBe('unsigned-header');
    expect(reason(withAuth(auth.replace('host', 'Host')))).toBe('malformed');
    const { 'X-Project-Id': _dropped, ...withoutProject } = parts.headers;
    expect(reason({ ...parts, headers: withoutProject })).toBe('unsigned-header');
  });

  it('checks X-Sdk-Content-Sha256 against the body', () => {
    const headers = { ...c.headers, 'X-Sdk-Content-Sha256': '0'.repeat(64) };
    const parts = partsOf(c, { ...headers, ...signHuawei(partsOf(c, headers), credentials, { now: NOW }) });
    expect(reason(parts)).toBe('payload-hash');
  });

  it('formats and parses X-Sdk-Date', () => {
    expect(huaweiSdkDate(NOW)).toBe(NOW_TEXT);
    expect(parseHuaweiSdkDate(NOW_TEXT)).toBe(Date.parse('2026-03-04T05:06:07Z'));
    expect(parseHuaweiSdkDate('20260304T050607')).toBeNaN();
  });
});
