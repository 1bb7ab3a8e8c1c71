import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenApiUtil from '@alicloud/openapi-util';
import RPCClient from '@alicloud/pop-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeRpcParams,
  flattenRpcParams,
  NonceCache,
  type RpcInputValue,
  type RpcParams,
  rpcCanonicalQuery,
  rpcPercentEncode,
  rpcSignature,
  signRpc,
  signV3,
  verifyAliyunRpc,
  verifyRpc,
} from '../src';

const credentials = { accessKeyId: 'LTAI5tRpcTest', accessKeySecret: 'rpc-test-secret' };
const NOW = new Date('2026-03-04T05:06:07.890Z');
const NONCE = '5b1f6c2e-7d0a-4e8b-9c11-0123456789ab';
const VERSION = '2018-03-13';

const cases: { name: string; params: Record<string, RpcInputValue> }[] = [
  { name: 'plain read', params: { Action: 'ListApp', Version: VERSION, PageNumber: 1, PageSize: 20 } },
  {
    name: 'unicode',
    params: { Action: 'CreateApp', Version: VERSION, Title: '零售云应用', Description: 'Café ⻢明伟 😀' },
  },
  {
    name: 'reserved characters',
    params: {
      Action: 'DeployApp',
      Version: VERSION,
      Name: "a b+c*d~e!f'g(h)i&j=k/l?m#n%o",
      DeployPacketUrl: 'https://oss.example.com/app-1.0.jar?Expires=1&Signature=a%2Bb',
    },
  },
  {
    name: 'repeated parameters',
    params: {
      Action: 'CreateApp',
      Version: VERSION,
      UserRoles: [
        { RoleName: 'Owner', UserId: 'u1', UserType: 'TAOBAO' },
        { RoleName: 'Dev', UserId: 'u2', UserType: 'DING_TALK' },
      ],
      MiddleWareIdList: [3, 1, 2],
      EcsInstanceIdList: Array.from({ length: 11 }, (_, i) => `i-${i}`),
    },
  },
  { name: 'empty values', params: { Action: 'ListAppEnvironment', Version: VERSION, EnvName: '', AppId: 7 } },
];

function official(signed: Record<string, string>, method: string): string {
  const { Signature: _, ...rest } = signed;
  return OpenApiUtil.getRPCSignature(rest, method, credentials.accessKeySecret);
}

function verifyOptions(nonces = new NonceCache(30 * 60_000), now = NOW) {
  return {
    lookupSecret: (id: string) => (id === credentials.accessKeyId ? credentials.accessKeySecret : undefined),
    now,
    nonceSeen: (nonce: string) => nonces.seenBefore(nonce),
  };
}

describe('RPC signature matches @alicloud/openapi-util getRPCSignature', () => {
  for (const { name, params } of cases) {
    for (const method of ['GET', 'POST']) {
      it(`${name} (${method})`, () => {
        const signed = signRpc(params, credentials, { method, now: NOW, nonce: NONCE });
        expect(signed.Signature).toBe(official(signed, method));
        // The SDK flattens nested parameters the same way.
        const { Signature: _, ...rest } = signed;
        expect(OpenApiUtil.query(params)).toEqual(flattenRpcParams(params));
        expect(rest.Timestamp).toBe('2026-03-04T05:06:07Z');
      });
    }
  }

  it('encodes as Alibaba documents: space %20, * %2A, ~ kept, UTF-8 bytes', () => {
    expect(rpcPercentEncode("a b*c~d+e!'()")).toBe('a%20b%2Ac~d%2Be%21%27%28%29');
    expect(rpcPercentEncode('零')).toBe('%E9%9B%B6');
    expect(rpcCanonicalQuery({ b: '2', a: '1', Signature: 'x' })).toBe('a=1&b=2');
  });

  it('signs the documented example string', () => {
    // The canonical string of the classic RPC documentation example, with secret "testsecret".
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(rpcSignature('testsecret', 'GET', params)).toBe(
      OpenApiUtil.getRPCSignature(params, 'GET', 'testsecret'),
    );
    expect(rpcSignature('testsecret', 'GET', params)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

function parts(signed: RpcParams, method = 'GET', asForm = false) {
  return asForm
    ? {
        method,
        query: {},
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: encodeRpcParams(signed),
      }
    : { method, query: signed, headers: {} };
}

describe('verifyRpc', () => {
  it('accepts its own signature from the query and from a form body, and answers the parameters', () => {
    for (const { params } of cases) {
      for (const asForm of [false, true]) {
        const method = asForm ? 'POST' : 'GET';
        const signed = signRpc(params, credentials, { method, now: NOW });
        const result = verifyRpc(parts(signed, method, asForm), verifyOptions());
        expect(result.ok, JSON.stringify(params)).toBe(true);
        if (result.ok) expect(result.params.Action).toBe(params.Action);
      }
    }
  });

  it('accepts parameters split between the query and the body', () => {
    const signed = signRpc({ Action: 'ListApp', Version: VERSION, PageSize: 5 }, credentials, {
      method: 'POST',
      now: NOW,
    });
    const { PageSize, ...query } = signed;
    const result = verifyRpc(
      {
        method: 'POST',
        query,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: `PageSize=${PageSize}`,
      },
      verifyOptions(),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses with the standard codes', () => {
    const signed = signRpc({ Action: 'ListApp', Version: VERSION }, credentials, { now: NOW });
    const check = (query: RpcParams, options = verifyOptions()) => {
      const result = verifyRpc({ method: 'GET', query, headers: {} }, options);
      return result.ok ? 'ok' : `${result.status} ${result.code}`;
    };
    expect(check({ ...signed, AccessKeyId: undefined })).toBe('400 MissingParameter');
    expect(check({ ...signed, Signature: undefined })).toBe('400 MissingParameter');
    expect(check({ ...signed, AccessKeyId: 'LTAInobody' })).toBe('404 InvalidAccessKeyId.NotFound');
    expect(check({ ...signed, PageSize: '9' })).toBe('400 SignatureDoesNotMatch');
    expect(check({ ...signed, SignatureMethod: 'HMAC-SHA256' })).toBe('400 InvalidSignatureMethod');
    expect(check({ ...signed, SignatureVersion: '2.0' })).toBe('400 InvalidSignatureVersion');
    expect(check({ ...signed, Timestamp: 'yesterday' })).toBe('400 InvalidTimeStamp.Format');
    expect(check(signed, verifyOptions(undefined, new Date(NOW.getTime() + 16 * 60_000)))).toBe(
      '400 InvalidTimeStamp.Expired',
    );
    expect(check(signed, verifyOptions(undefined, new Date(NOW.getTime() + 14 * 60_000)))).toBe('ok');
    const wrong = signRpc(
      { Action: 'ListApp', Version: VERSION },
      { ...credentials, accessKeySecret: 'nope' },
      { now: NOW },
    );
    expect(check(wrong)).toBe('400 SignatureDoesNotMatch');
    const nonces = new NonceCache(30 * 60_000);
    expect(check(signed, verifyOptions(nonces))).toBe('ok');
    expect(check(signed, verifyOptions(nonces))).toBe('400 SignatureNonceUsed');
    // The method is signed: the same parameters replayed as POST do not verify.
    expect(verifyRpc({ method: 'POST', query: signed, headers: {} }, verifyOptions()).ok).toBe(false);
  });

  it('dispatches a V3-signed RPC request to verifyV3 and reads Action from x-acs-action', () => {
    const query = { PageNumber: '1' };
    const headers = signV3(
      { method: 'POST', path: '/', query, headers: { host: 'retailcloud.aliyuncs.com' } },
      credentials,
      {
        action: 'ListApp',
        version: VERSION,
        now: NOW,
      },
    );
    const result = verifyAliyunRpc({ method: 'POST', query, headers }, verifyOptions());
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.params).toMatchObject({ Action: 'ListApp', Version: VERSION, PageNumber: '1' });
    const tampered = verifyAliyunRpc(
      { method: 'POST', query: { PageNumber: '2' }, headers },
      verifyOptions(),
    );
    expect(tampered.ok ? 'ok' : tampered.code).toBe('SignatureDoesNotMatch');
    const classic = signRpc({ Action: 'ListApp', Version: VERSION }, credentials, { now: NOW });
    expect(verifyAliyunRpc({ method: 'GET', query: classic, headers: {} }, verifyOptions()).ok).toBe(true);
  });
});

describe('@alicloud/pop-core RPCClient against verifyRpc', () => {
  let endpoint = '';
  const seen: string[] = [];
  const nonces = new NonceCache(30 * 60_000);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const query: RpcParams = {};
      for (const key of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(key);
        query[key] = all.length > 1 ? all : all[0];
      }
      const result = verifyRpc(
        { method: req.method ?? 'GET', query, headers: req.headers, body: Buffer.concat(chunks) },
        { ...verifyOptions(nonces, new Date()) },
      );
      seen.push(result.ok ? 'ok' : result.code);
      res.setHeader('content-type', 'application/json');
      res.statusCode = result.ok ? 200 : result.status;
      res.end(
        JSON.stringify(
          result.ok
            ? { RequestId: 'r', Code: 0 }
            : { RequestId: 'r', Code: result.code, Message: result.message },
        ),
      );
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const method of ['GET', 'POST']) {
    it(`verifies pop-core's ${method} requests, unicode, reserved characters and repeat lists included`, async () => {
      const client = new RPCClient({ ...credentials, endpoint, apiVersion: VERSION });
      for (const { params } of cases) {
        const { Action, Version: _, ...rest } = params;
        const answer = await client.request(String(Action), rest, { method, formatParams: false });
        expect(answer.Code).toBe(0);
      }
      expect(seen.every((s) => s === 'ok')).toBe(true);
    });
  }

  it('is refused by the server when the secret is wrong', async () => {
    const client = new RPCClient({ ...credentials, accessKeySecret: 'wrong', endpoint, apiVersion: VERSION });
    await expect(client.request('ListApp', {}, { method: 'GET' })).rejects.toThrow(/Specified signature/);
  });
});
