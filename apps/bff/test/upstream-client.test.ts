import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SaeClient } from '../src/sae/client';
import { UpstreamError } from '../src/upstream/errors';
import { closeUpstreamAgents, HttpClient } from '../src/upstream/http-client';

type Behaviour = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

let server: Server;
let origin: string;
let url: string;
const paths: string[] = [];
let behaviour: Behaviour = (_req, res) => res.end('{}');
let attempts = 0;
let connections = 0;
const nonces: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    attempts++;
    nonces.push(String(req.headers['x-nonce'] ?? req.headers['x-acs-signature-nonce']));
    paths.push(String(req.url).split('?')[0] as string);
    req.resume();
    req.on('end', () => behaviour(req, res, attempts));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = `${origin}/pop/v1/sam/app/x`;
});

afterEach(() => {
  attempts = 0;
  connections = 0;
  nonces.length = 0;
  paths.length = 0;
});

afterAll(async () => {
  await closeUpstreamAgents();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (timeoutMs = 2_000) => new HttpClient({ product: 'SAE', timeoutMs, backoffMs: 5 });
let seq = 0;
const build =
  (method = 'GET') =>
  () => ({
    method,
    url,
    headers: { 'x-nonce': `n-${++seq}` },
  });

const json = (res: ServerResponse, status: number, body: object) => {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
};

describe('upstream HTTP client', () => {
  it('retries a read after 5xx and throttling, re-signing each attempt', async () => {
    behaviour = (_req, res, n) => {
      if (n === 1) return json(res, 503, { Code: 'ServiceUnavailable' });
      if (n === 2) return json(res, 400, { Code: 'Throttling.User' });
      json(res, 200, { Success: true });
    };
    const response = await client().send(true, build());
    expect(response.status).toBe(200);
    expect(attempts).toBe(3);
    expect(new Set(nonces).size).toBe(3);
  });

  it('gives up on a read after the configured attempts and returns the last answer', async () => {
    behaviour = (_req, res) => json(res, 500, { Code: 'InternalError' });
    const response = await client().send(true, build());
    expect(response.status).toBe(500);
    expect(attempts).toBe(3);
  });

  it('does not retry a read the cloud refused', async () => {
    behaviour = (_req, res) => json(res, 400, { Code: 'InvalidParameter.NotEmpty' });
    expect((await client().send(true, build())).status).toBe(400);
    expect(attempts).toBe(1);
  });

  it('sends a write once, even after a 5xx', async () => {
    behaviour = (_req, res) => json(res, 503, { Code: 'ServiceUnavailable' });
    expect((await client().send(false, build('PUT'))).status).toBe(503);
    expect(attempts).toBe(1);
  });

  it('sends a write once when the connection drops, and says the outcome is unknown', async () => {
    behaviour = (req) => req.socket.destroy();
    const error = await client()
      .send(false, build('PUT'))
      .catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).outcomeUnknown).toBe(true);
    expect((error as UpstreamError).body.code).toBe('UpstreamUnreachable');
  });

  it('retries a read whose connection dropped', async () => {
    behaviour = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, {}));
    expect((await client().send(true, build())).status).toBe(200);
    expect(attempts).toBe(2);
  });

  it('times out a silent upstream', async () => {
    behaviour = () => undefined;
    const started = Date.now();
    const error = await client(150)
      .send(false, build('PUT'))
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((error as UpstreamError).body).toMatchObject({ code: 'UpstreamTimeout', httpStatus: 0 });
  });

  it('keeps connections alive between calls', async () => {
    await closeUpstreamAgents();
    connections = 0;
    behaviour = (_req, res) => json(res, 200, {});
    const http = client();
    for (let i = 0; i < 10; i++) await http.send(true, build());
    expect(attempts).toBe(10);
    // The pool may open a second socket while the first is still being released; never one per call.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('never retries ConfirmPipelineBatch, an HTTP GET that changes state', async () => {
    behaviour = (_req, res) =>
      json(res, 503, { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'R-1' });
    const sae = new SaeClient({
      endpoint: origin,
      regionId: 'cn-hangzhou',
      credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
    });
    const confirm = await sae
      .call('ConfirmPipelineBatch', { PipelineId: 'p', Confirm: true })
      .catch((e) => e);
    expect(confirm).toBeInstanceOf(UpstreamError);
    expect((confirm as UpstreamError).body).toMatchObject({ code: 'ServiceUnavailable', requestId: 'R-1' });
    expect(paths).toEqual(['/pop/v1/sam/changeorder/ConfirmPipelineBatch']);
    paths.length = 0;
    await sae.call('DescribeChangeOrder', { ChangeOrderId: 'c' }).catch(() => undefined);
    expect(paths).toHaveLength(3);
  });
});
