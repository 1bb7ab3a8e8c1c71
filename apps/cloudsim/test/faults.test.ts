import { randomUUID } from 'node:crypto';
import { encodeRpcParams, signHuawei, signRoa, signRpc } from '@console/signing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningCloudSim, startCloudSim } from '../src/index';
import { KEY } from './helpers';

/**
 * Fault injection as tests and demos switch it at run time: through the control endpoint and the JS
 * API, per product and per action, by rate or count, before the product or after it applied the call.
 */

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', aliyun: KEY, timeScale: 0, tickMs: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.calls.clear();
});

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
}

async function send(url: string, init: RequestInit, timeoutMs = 5_000): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, headers: res.headers, body, ms: Date.now() - started };
}

/** A signed SAE ROA call, as the BFF sends it. */
function sae(method: string, path: string, query: Record<string, string> = {}, timeoutMs?: number) {
  const host = new URL(sim.url).host;
  const headers = signRoa(
    { method, path, query, headers: { host, 'content-type': 'application/json' }, body: '' },
    KEY,
    { apiVersion: '2019-05-06', regionId: 'cn-hangzhou', nonce: randomUUID() },
  );
  const search = new URLSearchParams(query).toString();
  return send(`${sim.url}${path}${search ? `?${search}` : ''}`, { method, headers }, timeoutMs);
}

/** A signed Retail Cloud RPC call (POST, form body, JSON answer). */
function retail(action: string, params: Record<string, string> = {}, timeoutMs?: number) {
  const signed = signRpc({ ...params, Action: action, Version: '2018-03-13' }, KEY, {
    method: 'POST',
    format: 'JSON',
  });
  return send(
    `${sim.url}/`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encodeRpcParams(signed),
    },
    timeoutMs,
  );
}

/** A Huawei call signed with the account's AK/SK (SDK-HMAC-SHA256). */
function huawei(path: string, timeoutMs?: number) {
  const url = new URL(`${sim.url}${path}`);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: url.host,
    'x-project-id': sim.huawei.projectId,
  };
  Object.assign(
    headers,
    signHuawei(
      { method: 'GET', path: url.pathname, query: url.searchParams, headers },
      { ak: sim.huawei.ak, sk: sim.huawei.sk },
    ),
  );
  return send(url.toString(), { method: 'GET', headers }, timeoutMs);
}

const asGroups = () => huawei(`/autoscaling-api/v1/${sim.huawei.projectId}/scaling_group`);
const aosStacks = () => huawei(`/v2/stacks?project_id=${sim.huawei.projectId}`);
const saeList = () => sae('GET', '/pop/v1/sam/app/listApplications');

async function control(method: string, body?: unknown, query = '') {
  const res = await fetch(`${sim.url}/__sim/faults${query}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the control endpoint', () => {
  it('takes a rule, a list of rules or the legacy rates, and lists them with their injections', async () => {
    expect((await control('POST', { product: 'sae', kind: 'throttle', count: 1 })).status).toBe(200);
    await control('POST', {
      rules: [
        { product: 'retailcloud', action: 'ListApp', kind: 'error', status: 503 },
        { product: 'AS', kind: 'latency', latencyMs: 20 },
      ],
    });
    await control('POST', { product: 'AOS', resetRate: 0.5 });
    const listed = await control('GET');
    expect(listed.body.rules).toMatchObject([
      { product: 'sae', kind: 'throttle', count: 1, injected: 0 },
      { product: 'retailcloud', action: 'ListApp', kind: 'error', status: 503 },
      { product: 'AS', kind: 'latency', latencyMs: 20 },
      { product: 'AOS', kind: 'reset', rate: 0.5 },
    ]);
    expect(listed.body.faults).toEqual(
      expect.arrayContaining([
        { product: 'AOS', resetRate: 0.5 },
        { product: 'AS', latencyMs: 20 },
      ]),
    );
    const cleared = await control('DELETE', undefined, '?product=retailcloud&action=ListApp');
    expect((cleared.body.rules as unknown[]).length).toBe(3);
    expect(((await control('DELETE')).body.rules as unknown[]).length).toBe(0);
  });

  it('refuses a rule it cannot apply with a 400 naming the field', async () => {
    const unknownKind = await control('POST', { product: 'sae', kind: 'meteor' });
    expect(unknownKind.status).toBe(400);
    expect(JSON.stringify(unknownKind.body)).toContain('kind');
    const noLatency = await control('POST', { product: 'sae', kind: 'latency' });
    expect(noLatency.status).toBe(400);
    expect(JSON.stringify(noLatency.body)).toContain('latencyMs');
    const badRate = await control('POST', { product: 'sae', kind: 'error', rate: 2 });
    expect(badRate.status).toBe(400);
    expect(sim.faults.rules()).toEqual([]);
  });
});

describe('each kind, switched on and off at run time', () => {
  it('throttles with each cloud’s own refusal', async () => {
    for (const product of ['sae', 'retailcloud', 'AS', 'AOS']) sim.faults.add({ product, kind: 'throttle' });
    const s = await saeList();
    expect([s.status, s.body.Code]).toEqual([400, 'Throttling.User']);
    const r = await retail('ListApp');
    expect([r.status, r.body.Code]).toEqual([400, 'Throttling.User']);
    const as = await asGroups();
    expect([as.status, as.body.error_code]).toEqual([429, 'APIGW.0308']);
    expect(as.headers.get('retry-after')).toBe('1');
    const aos = await aosStacks();
    expect([aos.status, aos.body.code]).toEqual([429, 'SVCSTG.AOS.4290009']);

    sim.faults.clear();
    expect((await saeList()).status).toBe(200);
    expect((await retail('ListApp')).body.Code).toBe(0);
    expect((await asGroups()).status).toBe(200);
    expect((await aosStacks()).status).toBe(200);
    expect(sim.calls.list().map((c) => c.fault ?? '-')).toEqual([
      'throttle',
      'throttle',
      'throttle',
      'throttle',
      '-',
      '-',
      '-',
      '-',
    ]);
  });

  it('answers 5xx in each product’s body, with the status asked for', async () => {
    for (const product of ['sae', 'retailcloud', 'AS', 'AOS']) {
      await control('POST', { product, kind: 'error', status: 503 });
    }
    const s = await saeList();
    expect([s.status, s.body.Code]).toEqual([503, 'ServiceUnavailable']);
    const r = await retail('ListApp');
    expect([r.status, r.body.Code]).toEqual([503, 'ServiceUnavailable']);
    expect((await asGroups()).body).toEqual({ error: { code: 'AS.0001', message: 'System error.' } });
    expect((await aosStacks()).body.code).toBe('SVCSTG.AOS.5001002');
    await control('POST', { product: 'sae', kind: 'error', status: 500 });
    expect((await saeList()).body.Code).toBe('InternalError');
  });

  it('drops the connection on reset and logs the call as reset', async () => {
    for (const product of ['sae', 'retailcloud', 'AS', 'AOS']) sim.faults.add({ product, kind: 'reset' });
    await expect(saeList()).rejects.toThrow();
    await expect(retail('ListApp')).rejects.toThrow();
    await expect(asGroups()).rejects.toThrow();
    await expect(aosStacks()).rejects.toThrow();
    await expect
      .poll(() => sim.calls.list().map((c) => [c.product, c.api, c.status, c.code, c.fault]))
      .toEqual([
        ['sae', 'ListApplications', 0, 'ConnectionReset', 'reset-before'],
        ['retailcloud', 'ListApp', 0, 'ConnectionReset', 'reset-before'],
        ['AS', 'ListScalingGroups', 0, 'ConnectionReset', 'reset-before'],
        ['AOS', 'ListStacks', 0, 'ConnectionReset', 'reset-before'],
      ]);
  });

  it('leaves a call unanswered on timeout until the caller gives up', async () => {
    for (const product of ['sae', 'retailcloud', 'AS', 'AOS']) sim.faults.add({ product, kind: 'timeout' });
    const started = Date.now();
    await expect(sae('GET', '/pop/v1/sam/app/listApplications', {}, 300)).rejects.toThrow(/timeout|abort/i);
    await expect(retail('ListApp', {}, 300)).rejects.toThrow(/timeout|abort/i);
    await expect(huawei(`/autoscaling-api/v1/${sim.huawei.projectId}/scaling_group`, 300)).rejects.toThrow(
      /timeout|abort/i,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    await expect
      .poll(() => sim.calls.list().map((c) => [c.product, c.code, c.fault]))
      .toEqual([
        ['sae', 'NoAnswer', 'timeout-before'],
        ['retailcloud', 'NoAnswer', 'timeout-before'],
        ['AS', 'NoAnswer', 'timeout-before'],
      ]);
    sim.faults.clear('AS');
    expect((await asGroups()).status).toBe(200);
    sim.faults.clear();
    // Gone for good: the simulator has closed the connections it held.
    await expect.poll(() => sim.calls.list().length).toBe(4);
  });

  it('closes an unanswered call itself after holdMs', async () => {
    sim.faults.add({ product: 'sae', kind: 'timeout', holdMs: 100 });
    await expect(saeList()).rejects.toThrow();
    await expect.poll(() => sim.calls.list()).toMatchObject([{ code: 'NoAnswer' }]);
  });

  it('delays on latency, then answers normally', async () => {
    sim.faults.add({ product: 'retailcloud', kind: 'latency', latencyMs: 150 });
    const slow = await retail('ListApp');
    expect(slow.body.Code).toBe(0);
    expect(slow.ms).toBeGreaterThanOrEqual(140);
    expect(sim.calls.list()).toMatchObject([{ api: 'ListApp', status: 200, fault: 'latency' }]);
  });
});

describe('aim, rate and count', () => {
  it('aims at one action and leaves the others alone', async () => {
    sim.faults.add({ product: 'sae', action: 'DescribeNamespaceList', kind: 'error', status: 500 });
    expect((await saeList()).status).toBe(200);
    const aimed = await sae('GET', '/pop/v1/sam/namespace/describeNamespaceList', {});
    expect([aimed.status, aimed.body.Code]).toEqual([500, 'InternalError']);
    sim.faults.add({ product: 'AS', action: 'ListScalingGroups', kind: 'throttle' });
    expect((await asGroups()).status).toBe(429);
    expect((await aosStacks()).status).toBe(200);
  });

  it('stops after count injections and counts what it injected', async () => {
    sim.faults.resetCounts();
    sim.faults.add({ product: 'sae', kind: 'error', status: 503, count: 2 });
    expect((await saeList()).status).toBe(503);
    expect(sim.faults.rules()).toMatchObject([{ injected: 1 }]);
    expect((await saeList()).status).toBe(503);
    expect(sim.faults.rules()).toEqual([]);
    expect((await saeList()).status).toBe(200);
    expect(sim.faults.injected()).toEqual([{ product: 'sae', kind: 'error', count: 2 }]);
  });

  it('injects at the rate asked for', async () => {
    sim.faults.add({ product: 'retailcloud', kind: 'throttle', rate: 0.5 });
    let throttled = 0;
    for (let i = 0; i < 40; i++) if ((await retail('ListApp')).body.Code === 'Throttling.User') throttled++;
    expect(throttled).toBeGreaterThan(5);
    expect(throttled).toBeLessThan(35);
  });
});

describe('after the product applied the call', () => {
  it('loses the answer of a write that took effect (reset after)', async () => {
    const { applications } = (await (await fetch(`${sim.url}/__sim/sae`)).json()) as {
      applications: { AppId: string }[];
    };
    let running: string | undefined;
    for (const a of applications) {
      const s = await sae('GET', '/pop/v1/sam/app/describeApplicationStatus', { AppId: a.AppId });
      const data = s.body.Data as { CurrentStatus?: string; LastChangeOrderRunning?: boolean };
      if (data.CurrentStatus === 'RUNNING' && !data.LastChangeOrderRunning) {
        running = a.AppId;
        break;
      }
    }
    expect(running).toBeDefined();
    const appId = running as string;
    const before = await sae('GET', '/pop/v1/sam/app/describeApplicationStatus', { AppId: appId });
    sim.faults.add({ product: 'sae', action: 'StopApplication', kind: 'reset', phase: 'after', count: 1 });
    await expect(sae('PUT', '/pop/v1/sam/app/stopApplication', { AppId: appId })).rejects.toThrow();
    const after = await sae('GET', '/pop/v1/sam/app/describeApplicationStatus', { AppId: appId });
    const lastOrder = (a: Answer) => (a.body.Data as { LastChangeOrderId?: string }).LastChangeOrderId;
    expect(lastOrder(after)).toBeDefined();
    expect(lastOrder(after)).not.toBe(lastOrder(before));
    expect(sim.calls.list({ api: 'StopApplication' })).toMatchObject([
      { status: 0, code: 'ConnectionReset', fault: 'reset-after' },
    ]);
  });

  it('holds the answer of a call that took effect (timeout after)', async () => {
    sim.faults.add({ product: 'retailcloud', action: 'ListApp', kind: 'timeout', phase: 'after' });
    await expect(retail('ListApp', {}, 300)).rejects.toThrow(/timeout|abort/i);
    await expect.poll(() => sim.calls.list()).toMatchObject([{ api: 'ListApp', code: 'NoAnswer' }]);
    expect(sim.calls.list()[0]?.fault).toBe('timeout-after');
  });
});
