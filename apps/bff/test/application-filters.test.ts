import type { ApiError, ApplicationPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let viewer: ConsoleClient;
const base = '/api/accounts/sae-demo/applications';

beforeAll(async () => {
  stack = await startStack();
  viewer = await ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1');
});

afterAll(() => stack?.stop());

const page = async (query: string) =>
  (await viewer.get<ApplicationPage>(`${base}?pageSize=100&${query}`)).body;

describe('application list filters', () => {
  it('filters by tag key or key=value, combined with the other filters', async () => {
    const all = await page('');
    const withTeam = all.items.filter((a) => a.tags.some((t) => t.key === 'team'));
    const trade = all.items.filter((a) => a.tags.some((t) => t.key === 'team' && t.value === 'trade'));
    expect(trade.length).toBeGreaterThan(0);
    expect(trade.length).toBeLessThan(withTeam.length);

    const byKey = await page('tag=team');
    expect(byKey.items.map((a) => a.id).sort()).toEqual(withTeam.map((a) => a.id).sort());
    const byValue = await page(`tag=${encodeURIComponent('team=trade')}`);
    expect(byValue.items.map((a) => a.id).sort()).toEqual(trade.map((a) => a.id).sort());

    const namespaceId = trade[0]?.namespaceId ?? '';
    const combined = await page(
      `tag=${encodeURIComponent('team=trade')}&namespaceId=${encodeURIComponent(namespaceId)}`,
    );
    expect(combined.items.length).toBeGreaterThan(0);
    for (const app of combined.items) expect(app.namespaceId).toBe(namespaceId);
    expect((await page('tag=no-such-tag')).total).toBe(0);
  });

  it('pages on the server and reports the total', async () => {
    const first = (await viewer.get<ApplicationPage>(`${base}?pageSize=5&page=1`)).body;
    const second = (await viewer.get<ApplicationPage>(`${base}?pageSize=5&page=2`)).body;
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('refuses a malformed filter with a 400 naming it', async () => {
    const bad = await viewer.get<ApiError>(`${base}?tag=${encodeURIComponent('=oops')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('tag');
    const badStatus = await viewer.get<ApiError>(`${base}?status=sleeping`);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.field).toBe('status');
  });
});
