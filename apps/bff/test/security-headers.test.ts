import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type RawSession, rawLogin, send } from './security-routes';

let stack: Stack;
let webDist: string;
let admin: RawSession;

beforeAll(async () => {
  // A stand-in SPA build: the headers are the BFF's, whatever the build holds.
  webDist = mkdtempSync(join(tmpdir(), 'console-web-'));
  writeFileSync(
    join(webDist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>',
  );
  stack = await startStack({ webDist });
  admin = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await stack?.stop();
  rmSync(webDist, { recursive: true, force: true });
});

function csp(headers: Headers): Map<string, string[]> {
  const policy = headers.get('content-security-policy') ?? '';
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectSecurityHeaders(headers: Headers, where: string) {
  const directives = csp(headers);
  expect(directives.get('script-src'), where).toEqual(["'self'"]);
  expect(directives.get('script-src-attr'), where).toEqual(["'none'"]);
  expect(directives.get('default-src'), where).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  expect(directives.get('base-uri'), where).toEqual(["'self'"]);
  for (const [name, values] of directives) {
    if (name.startsWith('script')) expect(values, `${where} ${name}`).not.toContain("'unsafe-inline'");
    expect(values, `${where} ${name}`).not.toContain("'unsafe-eval'");
  }
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toBe('no-referrer');
  expect(headers.get('x-frame-options'), where).toBe('SAMEORIGIN');
  expect(headers.get('x-powered-by'), where).toBeNull();
}

describe('security headers', () => {
  it('are on the SPA index, on API answers and on every kind of error', async () => {
    const index = await send(stack.bff.url, 'GET', '/accounts/sae-demo/applications');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="root">');
    expectSecurityHeaders(index.headers, 'SPA index');

    const api = await send(stack.bff.url, 'GET', '/api/accounts', { session: admin });
    expect(api.status).toBe(200);
    expectSecurityHeaders(api.headers, 'API answer');
    expect(api.headers.get('cache-control')).toBe('no-store');

    const errors = [
      await send(stack.bff.url, 'GET', '/api/accounts'),
      await send(stack.bff.url, 'GET', '/api/no-such-route', { session: admin }),
      await send(stack.bff.url, 'POST', '/api/accounts/sae-demo/applications/x/restart', {
        session: admin,
        body: '{"minReadyInstances": "x"',
      }),
      await send(stack.bff.url, 'GET', '/api/accounts/sae-demo/applications/%E0%A4%A', { session: admin }),
    ];
    expect(errors.map((e) => e.status)).toEqual([401, 404, 400, 400]);
    for (const error of errors) {
      expectSecurityHeaders(error.headers, `error ${error.status}`);
      expect(error.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect(errors.map((e) => errorOf(e)?.code)).toEqual([
      'Unauthenticated',
      'NotFound',
      'MalformedJson',
      'InvalidPath',
    ]);
  });
});

/** A server that stands where a forged endpoint would send the BFF; it must never be called. */
async function decoy(): Promise<{ server: Server; url: string; host: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, hits };
}

/** node:http rather than fetch, which does not let a caller set Host. */
function rawRequest(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('upstream endpoints come from configuration only', () => {
  it('never calls an endpoint, host or region named in a body, a query or a header', async () => {
    const trap = await decoy();
    try {
      const hostile = {
        endpoint: trap.url,
        url: trap.url,
        host: trap.host,
        iamEndpoint: trap.url,
        regionId: trap.host,
        baseUrl: trap.url,
        callbackUrl: trap.url,
      };
      const query = new URLSearchParams(hostile).toString();
      const headers = {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
        host: trap.host,
        'x-forwarded-host': trap.host,
        'x-forwarded-proto': 'http',
        forwarded: `host=${trap.host};proto=http`,
        'x-original-url': trap.url,
        'x-rewrite-url': trap.url,
        'x-endpoint': trap.url,
      };
      const paths = [
        ['GET', '/api/accounts/sae-demo/applications'],
        ['GET', '/api/accounts/sae-demo/namespaces'],
        ['GET', '/api/accounts/retail-demo/applications'],
        ['GET', '/api/accounts/aos-demo/applications'],
        ['GET', '/api/accounts/as-demo/applications'],
        ['POST', '/api/accounts/sae-demo/namespaces'],
        ['POST', '/api/accounts/sae-demo/applications/no-such-app/restart'],
        ['POST', '/api/accounts/sae-demo/applications/no-such-app/deploy'],
        ['POST', '/api/accounts/as-demo/applications/no-such-group/start'],
      ] as const;
      const before = ((await (await fetch(`${stack.sim.url}/__sim/calls`)).json()) as { calls: unknown[] })
        .calls.length;
      const statuses: number[] = [];
      for (const [method, path] of paths) {
        const body =
          method === 'GET'
            ? undefined
            : JSON.stringify({ ...hostile, namespaceId: 'cn-hangzhou:trap', name: 'trap' });
        statuses.push(await rawRequest(stack.bff.url, method, `${path}?${query}`, headers, body));
      }
      // Requests were answered (by the BFF from the configured simulator), none by the decoy.
      expect(statuses.every((s) => s > 0 && s < 500)).toBe(true);
      expect(trap.hits).toEqual([]);
      const after = ((await (await fetch(`${stack.sim.url}/__sim/calls`)).json()) as { calls: unknown[] })
        .calls.length;
      expect(after).toBeGreaterThan(before);
      // Account answers never carry an endpoint a browser could change or learn from.
      const accounts = await send(stack.bff.url, 'GET', '/api/accounts', { session: admin });
      expect(accounts.text).not.toContain(stack.sim.url);
    } finally {
      await new Promise((resolve) => trap.server.close(resolve));
    }
  });
});
