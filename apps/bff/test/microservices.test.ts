import type { ApiError, ApplicationPage, AppServices, AuditPage, GreyRoute } from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let admin: ConsoleClient;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let appId: string;
const base = '/api/accounts/sae-demo/applications';

beforeAll(async () => {
  stack = await startStack();
  [admin, operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  const page = await viewer.get<ApplicationPage>(`${base}?q=user-center&namespaceId=cn-hangzhou:prod`);
  const found = page.body.items.find((a) => a.name === 'user-center');
  if (!found) throw new Error('the demo data has no prod/user-center');
  appId = found.id;
});

afterAll(() => stack?.stop());

const route = async () => (await viewer.get<GreyRoute | null>(`${base}/${appId}/grey-route`)).body;

describe('microservices and grey routes through the console API', () => {
  it('lists what an application publishes and consumes, each consumed service published by someone', async () => {
    const services = (await viewer.get<AppServices>(`${base}/${appId}/services`)).body;
    expect(services.published.length).toBeGreaterThan(0);
    for (const s of services.published) expect(s.ips.length).toBeGreaterThan(0);
    const all = (await viewer.get<ApplicationPage>(`${base}?namespaceId=cn-hangzhou:prod&pageSize=100`)).body
      .items;
    const published = new Set<string>();
    for (const app of all) {
      const s = (await viewer.get<AppServices>(`${base}/${app.id}/services`)).body;
      for (const p of s.published) published.add(p.name);
    }
    for (const app of all) {
      const s = (await viewer.get<AppServices>(`${base}/${app.id}/services`)).body;
      for (const c of s.consumed) expect(published).toContain(c.name);
    }
  });

  it('changes, deletes and re-creates the one grey route of an application; audited', async () => {
    const seeded = await route();
    expect(seeded?.scRules.length).toBeGreaterThan(0);
    const rule = {
      condition: 'AND' as const,
      path: '/api/orders',
      items: [
        {
          type: 'header' as const,
          name: 'x-canary',
          operator: 'rawvalue' as const,
          cond: '==' as const,
          value: 'yes',
        },
        { type: 'cookie' as const, name: 'uid', operator: 'mod' as const, cond: '<' as const, value: '10' },
      ],
    };
    const changed = await operator.request('PUT', `${base}/${appId}/grey-route`, {
      name: seeded?.name,
      scRules: [rule],
    });
    expect(changed.status).toBe(200);
    expect((await route())?.scRules).toEqual([rule]);

    expect((await operator.request('DELETE', `${base}/${appId}/grey-route`)).status).toBe(200);
    expect(await route()).toBeNull();
    expect((await operator.request('DELETE', `${base}/${appId}/grey-route`)).status).toBe(404);

    const created = await operator.request<{ id: string }>('PUT', `${base}/${appId}/grey-route`, {
      name: 'canary-users',
      description: 'header',
      scRules: [rule],
    });
    expect(created.status).toBe(200);
    expect((await route())?.name).toBe('canary-users');

    const audit = await admin.get<AuditPage>('/api/audit?action=grey-route');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses malformed rules with a 400 naming the field, and viewers with a 403', async () => {
    const badName = await operator.request<ApiError>('PUT', `${base}/${appId}/grey-route`, {
      name: 'Bad Name',
      scRules: [
        {
          condition: 'OR',
          path: '/',
          items: [{ type: 'header', name: 'a', operator: 'rawvalue', cond: '==', value: '1' }],
        },
      ],
    });
    expect(badName.status).toBe(400);
    expect(badName.body.error.field).toBe('name');
    const noRules = await operator.request<ApiError>('PUT', `${base}/${appId}/grey-route`, { name: 'empty' });
    expect(noRules.status).toBe(400);
    expect(noRules.body.error.field).toBe('scRules');
    const badPath = await operator.request<ApiError>('PUT', `${base}/${appId}/grey-route`, {
      name: 'bad-path',
      scRules: [
        {
          condition: 'OR',
          path: 'api',
          items: [{ type: 'header', name: 'a', operator: 'rawvalue', cond: '==', value: '1' }],
        },
      ],
    });
    expect(badPath.body.error.field).toBe('scRules.0.path');
    expect((await viewer.request('DELETE', `${base}/${appId}/grey-route`)).status).toBe(403);
  });
});
