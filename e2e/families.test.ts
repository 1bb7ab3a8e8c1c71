import { SAE_NETWORK_SEED } from '@console/cloudsim';
import type { ApplicationDetail, ApplicationPage, AppSlbs } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

beforeAll(async () => {
  stack = await startStack({ timeScale: 60, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function appNamed(account: string, namespaceId: string, name: string): Promise<string> {
  const page = await api.get<ApplicationPage>(
    `/api/accounts/${account}/applications?namespaceId=${encodeURIComponent(namespaceId)}&pageSize=100`,
  );
  const found = page.body.items.find((a) => a.name === name);
  if (!found) throw new Error(`no ${namespaceId}/${name} on ${account}`);
  return found.id;
}

/** An idle running application without an internet load balancer. */
async function unboundApp(account: string): Promise<string> {
  const page = await api.get<ApplicationPage>(
    `/api/accounts/${account}/applications?status=running&pageSize=100`,
  );
  for (const app of page.body.items) {
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${app.id}`);
    const slbs = await api.get<AppSlbs>(`/api/accounts/${account}/applications/${app.id}/slb`);
    if (!detail.body.native.lastChangeOrderRunning && slbs.body.internet === null) return app.id;
  }
  throw new Error(`no idle application without an internet load balancer on ${account}`);
}

async function bindInternetSlb(page: Page, account: string, appId: string): Promise<void> {
  await page.goto(`/accounts/${account}/applications/${appId}?tab=network`);
  await page.getByTestId('slb-bind-internet').click();
  await page.getByTestId('slb-port').first().fill('80');
  await page.getByTestId('slb-target-port').first().fill('8080');
  await page.getByTestId('slb-submit').click();
  await page.waitForURL(/\/rollouts\//);
  await page
    .getByTestId('rollout-status')
    .and(page.locator('[data-status="succeeded"]'))
    .waitFor({ timeout: 60_000 });
  await page.goto(`/accounts/${account}/applications/${appId}?tab=network`);
  await page.locator('[data-testid="slb-internet"][data-bound="true"]').waitFor();
  expect(await page.getByTestId('slb-ip-internet').textContent()).toMatch(/\d+\.\d+\.\d+\.\d+/);
}

describe('each SAE family in the browser', () => {
  it('config maps: create one with two keys; a mounted one cannot be deleted and says who mounts it', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto('/accounts/sae-demo/namespaces/cn-hangzhou:prod/config-maps');
    const mounted = page.getByTestId('config-map-row').filter({ hasText: 'user_center_conf' });
    await mounted.waitFor();
    expect(await mounted.getByTestId('config-map-apps').textContent()).toContain('user-center');
    expect(await mounted.getByTestId('config-map-delete').isDisabled()).toBe(true);

    await page.getByTestId('config-map-create').click();
    await page.getByTestId('config-map-name').fill('e2e_settings');
    await page.getByTestId('config-map-key').first().fill('LOG_LEVEL');
    await page.getByTestId('config-map-value').first().fill('debug');
    await page.getByTestId('config-map-add').click();
    await page.getByTestId('config-map-key').nth(1).fill('LOG_LEVEL');
    expect(await page.getByTestId('config-map-submit').isDisabled()).toBe(true);
    await page.getByTestId('config-map-key').nth(1).fill('app.yaml');
    await page.getByTestId('config-map-value').nth(1).fill('server:\n  port: 8080\n');
    await page.getByTestId('config-map-submit').click();
    const created = page.getByTestId('config-map-row').filter({ hasText: 'e2e_settings' });
    await created.waitFor();
    expect(await created.textContent()).toContain('app.yaml');
    await screenshot(page, 'config-maps');
    await context.close();
  });

  it('ingress: route a domain and path of the prod load balancer to an application', async () => {
    const target = await appNamed('sae-demo', 'cn-hangzhou:prod', 'order-service');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto('/accounts/sae-demo/namespaces/cn-hangzhou:prod/ingresses');
    await page.getByTestId('ingress-create').click();
    await page.getByTestId('ingress-slb').fill(SAE_NETWORK_SEED.intranetSlbs.prod);
    await page.getByTestId('ingress-port').fill('8089');
    await page.getByTestId('ingress-name').fill('e2e-orders');
    await page.getByTestId('ingress-default-app').selectOption(target);
    await page.getByTestId('ingress-add-rule').click();
    await page.getByTestId('ingress-rule-domain').fill('orders.example.com');
    await page.getByTestId('ingress-rule-path').fill('/v1');
    await page.getByTestId('ingress-rule-app').selectOption(target);
    await page.getByTestId('ingress-submit').click();
    await page.getByTestId('ingress-dialog').waitFor({ state: 'hidden' });
    const row = page.getByTestId('ingress-row').filter({ hasText: 'e2e-orders' });
    await expect.poll(() => row.textContent()).toContain('orders.example.com/v1');
    expect(await row.textContent()).toContain('order-service');
    await context.close();
  });

  it('load balancer: bind an internet listener through a change order', async () => {
    const appId = await unboundApp('sae-demo');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await bindInternetSlb(page, 'sae-demo', appId);
    await screenshot(page, 'load-balancers');
    await context.close();
  });

  it('microservices: services are listed and the grey route is edited in the form', async () => {
    const appId = await appNamed('sae-demo', 'cn-hangzhou:prod', 'user-center');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/sae-demo/applications/${appId}?tab=services`);
    await page.locator('[data-testid="published-services"] [data-testid="service-row"]').first().waitFor();
    await page.getByTestId('grey-summary').waitFor();
    await page.getByTestId('grey-edit').click();
    await page.getByTestId('grey-path').first().fill('/users/beta');
    await page.getByTestId('grey-submit').click();
    await page.getByTestId('grey-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('grey-summary').textContent()).toContain('/users/beta');
    await screenshot(page, 'microservices');
    await context.close();
  });

  it('jobs and tags: run a job and watch it end; add a tag', async () => {
    const appId = await appNamed('sae-demo', 'cn-hangzhou:prod', 'order-service');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/sae-demo/applications/${appId}?tab=jobs`);
    await page.getByTestId('job-command').fill('java -jar report.jar');
    await page.getByTestId('job-run').click();
    const job = page.getByTestId('job-row').first();
    await job.waitFor();
    await expect
      .poll(() => job.getByTestId('job-state').getAttribute('data-status'), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toMatch(/succeeded|failed/);

    await page.getByTestId('tab-overview').click();
    await page.getByTestId('tags-edit').click();
    await page.getByTestId('tag-add').click();
    await page.getByTestId('tag-key').last().fill('owner');
    await page.getByTestId('tag-value').last().fill('e2e-team');
    await page.getByTestId('tags-submit').click();
    await expect.poll(() => page.getByTestId('app-tags').textContent()).toContain('owner=e2e-team');
    await context.close();
  });

  it('on the 2019-API account: bind a load balancer and see services, with no grey route offered', async () => {
    const appId = await unboundApp('sae-legacy');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await bindInternetSlb(page, 'sae-legacy', appId);
    await page.getByTestId('tab-services').click();
    await page.getByTestId('published-services').waitFor();
    expect(await page.getByTestId('grey-route').count()).toBe(0);
    await page.goto('/accounts/sae-legacy/namespaces');
    await page.getByTestId('namespace-row').first().waitFor();
    expect(await page.getByTestId('namespace-config-maps').count()).toBe(0);
    await context.close();
  });
});
