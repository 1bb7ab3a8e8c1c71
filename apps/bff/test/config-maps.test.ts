import type { ApiError, ConfigMap } from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let operator: ConsoleClient;
let viewer: ConsoleClient;
const ns = '/api/accounts/sae-demo/namespaces/cn-hangzhou:prod/config-maps';
const one = (id: string) => `/api/accounts/sae-demo/config-maps/${id}`;

beforeAll(async () => {
  stack = await startStack();
  [operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
});

afterAll(() => stack?.stop());

describe('config maps through the console API', () => {
  it('creates, reads, edits and deletes a config map of key/value data', async () => {
    const created = await operator.post<{ id: string; requestId?: string }>(ns, {
      name: 'app_settings',
      description: 'feature-flags',
      data: { 'flags.yaml': 'beta: true\n', LOG_LEVEL: 'info' },
    });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^\d+$/);

    const listed = (await viewer.get<ConfigMap[]>(ns)).body.find((c) => c.id === created.body.id);
    expect(listed).toMatchObject({
      name: 'app_settings',
      namespaceId: 'cn-hangzhou:prod',
      data: { 'flags.yaml': 'beta: true\n', LOG_LEVEL: 'info' },
      relatedApps: [],
    });

    const updated = await operator.request('PUT', one(created.body.id), { data: { LOG_LEVEL: 'debug' } });
    expect(updated.status).toBe(200);
    const read = await viewer.get<ConfigMap>(one(created.body.id));
    expect(read.body.data).toEqual({ LOG_LEVEL: 'debug' });

    expect((await operator.request('DELETE', one(created.body.id))).status).toBe(200);
    expect((await viewer.get<ConfigMap[]>(ns)).body.some((c) => c.id === created.body.id)).toBe(false);
    expect((await viewer.get(one(created.body.id))).status).toBe(404);
  });

  it('refuses malformed config maps with a 400 naming the field, and viewers with a 403', async () => {
    const badName = await operator.post<ApiError>(ns, { name: '1bad', data: { a: '1' } });
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe('name');
    const empty = await operator.post<ApiError>(ns, { name: 'empty', data: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('data');
    const badKey = await operator.post<ApiError>(ns, { name: 'badkey', data: { 'a b': '1' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.field).toMatch(/^data/);
    const badId = await viewer.get<ApiError>(one('not-a-number'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('configMapId');
    expect((await viewer.post(ns, { name: 'viewer', data: { a: '1' } })).status).toBe(403);
  });
});
