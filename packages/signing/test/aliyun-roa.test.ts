import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Core from '@alicloud/pop-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizedHeaders,
  canonicalizedResource,
  contentMd5,
  NonceCache,
  type RoaRequestParts,
  roaStringToSign,
  signRoa,
  verifyRoa,
} from '../src';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

interface Captured {
  parts: RoaRequestParts;
}

/** A loopback server that records what the official SDK sends. */
let server: Server;
let endpoint: string;
const captured: Captured[] = [];

function toParts(req: IncomingMessage, body: string): RoaRequestParts {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] as string);
  }
  return { method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, body };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({ parts: toParts(req, Buffer.concat(chunks).toString('utf8')) });
      res.setHeader('content-type', 'application/json');
      res.end('{"RequestId":"r","Success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  new Core.ROAClient({ ...credentials, endpoint, apiVersion: '2019-05-06' }) as unknown as {
    request(method: string, path: string, query?: object, body?: string, headers?: object): Promise<unknown>;
  };

async function viaSdk(method: string, path: string, query: object, body = '', headers: object = {}) {
  captured.length = 0;
  await client().request(method, path, query, body, headers);
  const request = captured[0];
  if (!request) throw new Error('nothing captured');
  return request.parts;
}

const nonces = () => new NonceCache(15 * 60_000);
const verify = (parts: RoaRequestParts, now = new Date(), cache = nonces()) =>
  verifyRoa(parts, {
    lookupSecret: (id) => (id === credentials.accessKeyId ? credentials.accessKeySecret : undefined),
    now,
    nonceSeen: (n) => cache.seenBefore(n),
  });

describe('ROA signature against the official @alicloud/pop-core client', () => {
  const cases: [string, string, string, Record<string, unknown>, string, Record<string, string>][] = [
    ['plain GET', 'GET', '/pop/v1/sam/app/listApplications', { CurrentPage: 1, PageSize: 10 }, '', {}],
    [
      'unsorted query',
      'GET',
      '/pop/v1/sam/app/describeApplicationConfig',
      { Zeta: 'z', AppId: 'a', Mid: 'm' },
      '',
      {},
    ],
    [
      'unicode values',
      'POST',
      '/pop/v1/paas/namespace',
      { NamespaceName: '生产环境 ü', NamespaceId: 'cn-hangzhou:prod' },
      '',
      {},
    ],
    [
      'repeated parameter',
      'GET',
      '/pop/v1/sam/app/listApplications',
      { Tag: ['b', 'a'], AppName: 'x' },
      '',
      {},
    ],
    ['empty query and body', 'GET', '/pop/v1/paas/regionConfig', {}, '', {}],
    [
      'form body',
      'POST',
      '/tags',
      { RegionId: 'cn-hangzhou' },
      'ResourceType=application&Tags=%5B%5D',
      {
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    ],
    [
      'mixed-case extra x-acs header',
      'PUT',
      '/pop/v1/sam/app/startApplication',
      { AppId: 'a' },
      '',
      {
        'X-Acs-Region-Id': 'cn-hangzhou',
      },
    ],
  ];

  for (const [name, method, path, query, body, headers] of cases) {
    it(`${name}: verify accepts the SDK's request and sign reproduces its Authorization`, async () => {
      const parts = await viaSdk(method, path, query, body, headers);
      expect(verify(parts)).toEqual({ ok: true, accessKeyId: 'testid' });
      const ours = signRoa(
        {
          ...parts,
          headers: Object.fromEntries(Object.entries(parts.headers).filter(([k]) => k !== 'authorization')),
        },
        credentials,
        {
          now: new Date(String(parts.headers.date)),
          nonce: String(parts.headers['x-acs-signature-nonce']),
          apiVersion: String(parts.headers['x-acs-version']),
        },
      );
      expect(ours.authorization).toBe(parts.headers.authorization);
    });
  }
});

describe('ROA signature rules', () => {
  const base = (): RoaRequestParts => ({
    method: 'GET',
    path: '/pop/v1/sam/app/listApplications',
    query: { b: '2', a: '1' },
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: '',
  });

  it('builds StringToSign in the documented order', () => {
    const headers = signRoa(base(), credentials, {
      now: new Date('2018-02-22T07:46:12Z'),
      nonce: 'n-1',
      apiVersion: '2019-05-06',
    });
    expect(roaStringToSign({ ...base(), headers })).toBe(
      [
        'GET',
        'application/json',
        contentMd5(''),
        'application/json',
        'Thu, 22 Feb 2018 07:46:12 GMT',
        'x-acs-signature-method:HMAC-SHA1',
        'x-acs-signature-nonce:n-1',
        'x-acs-signature-version:1.0',
        'x-acs-version:2019-05-06',
        '/pop/v1/sam/app/listApplications?a=1&b=2',
      ].join('\n'),
    );
  });

  it('lower-cases, sorts and trims x-acs headers and ignores others', () => {
    expect(canonicalizedHeaders({ 'X-Acs-B': ' two ', 'x-acs-a': 'one', Host: 'h' })).toBe(
      'x-acs-a:one\nx-acs-b:two\n',
    );
  });

  it('leaves the query off when there is none', () => {
    expect(canonicalizedResource('/tags', {})).toBe('/tags');
  });

  it('refuses a wrong secret, a tampered query, a stale date and a reused nonce', () => {
    const signed = { ...base(), headers: signRoa(base(), credentials) };
    const cache = nonces();
    expect(verify(signed, new Date(), cache).ok).toBe(true);
    expect(verify(signed, new Date(), cache)).toMatchObject({ ok: false, code: 'SignatureNonceUsed' });
    const wrong = { ...base(), headers: signRoa(base(), { ...credentials, accessKeySecret: 'nope' }) };
    expect(verify(wrong)).toMatchObject({ ok: false, status: 400, code: 'SignatureDoesNotMatch' });
    expect(verify({ ...signed, query: { a: '1', b: '3' } })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    const old = {
      ...base(),
      headers: signRoa(base(), credentials, { now: new Date(Date.now() - 16 * 60_000) }),
    };
    expect(verify(old)).toMatchObject({ ok: false, code: 'InvalidTimeStamp.Expired' });
    const unknown = { ...base(), headers: signRoa(base(), { ...credentials, accessKeyId: 'other' }) };
    expect(verify(unknown)).toMatchObject({ ok: false, status: 404, code: 'InvalidAccessKeyId.NotFound' });
    expect(verify({ ...base(), headers: {} })).toMatchObject({ ok: false, code: 'MissingAuthorization' });
  });

  it('refuses a body that does not match its Content-MD5', () => {
    const req = { ...base(), method: 'POST', body: 'a=1' };
    const signed = { ...req, headers: signRoa(req, credentials), body: 'a=2' };
    expect(verify(signed)).toMatchObject({ ok: false, code: 'InvalidContentMD5' });
  });
});
