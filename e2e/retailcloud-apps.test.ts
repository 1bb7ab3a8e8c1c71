import type { RcAppSummary, RcEnvironment } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

const account = 'retail-demo';
const rc = `/api/accounts/${account}/retailcloud`;
let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

beforeAll(async () => {
  stack = await startStack({ webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function envOf(title: string, envName: string): Promise<RcEnvironment> {
  const app = (await api.get<RcAppSummary[]>(`${rc}/apps`)).body.find((a) => a.title === title);
  const env = (await api.get<RcEnvironment[]>(`${rc}/apps/${app?.appId}/environments`)).body.find(
    (e) => e.envName === envName,
  );
  if (!env) throw new Error(`no environment ${envName}`);
  return env;
}

describe('Retail Cloud apps in the browser', () => {
  it('creates an app with a user role, a deploy config and an environment; operates an environment; deletes with typed names', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/retailcloud/apps`);
    await page.getByTestId('rc-app-row').filter({ hasText: 'trade-center' }).waitFor();

    // An app, its owner picked from the account's users.
    await page.getByTestId('rc-app-create').click();
    await page.getByTestId('rc-app-title').fill('e2e-shop');
    expect(await page.getByTestId('rc-app-submit').isDisabled()).toBe(true);
    await page.getByTestId('rc-app-role-user').first().selectOption({ index: 1 });
    await page.getByTestId('rc-app-submit').click();
    await page.getByTestId('rc-app-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('rc-app-panel-title').textContent()).toBe('e2e-shop');
    expect(page.url()).toMatch(/[?&]app=\d+/);
    expect(await page.getByTestId('rc-app-roles').textContent()).toContain('Owner');
    // No deploy config yet: creating an environment says why it cannot.
    expect(await page.getByTestId('rc-env-create').isDisabled()).toBe(true);

    // A deploy config in plain YAML, with one config map.
    await page.getByTestId('rc-tab-configs').click();
    await page.waitForURL(/tab=configs/);
    await page.getByTestId('rc-config-create').click();
    await page.getByTestId('rc-config-name').fill('e2e-shop-test');
    await page
      .getByTestId('rc-config-yaml')
      .fill('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: e2e-shop\n');
    await page.getByTestId('rc-config-configmap-add').click();
    await page
      .getByTestId('rc-config-configmap')
      .fill('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e2e-shop\ndata:\n  LOG_LEVEL: debug\n');
    await page.getByTestId('rc-config-submit').click();
    await page.getByTestId('rc-config-dialog').waitFor({ state: 'hidden' });
    const config = page.getByTestId('rc-config-row').filter({ hasText: 'e2e-shop-test' });
    await config.waitFor();
    expect(await config.textContent()).toContain('Deployment');

    // A test environment on that config, then more replicas.
    await page.getByTestId('rc-tab-apps').click();
    await page.getByTestId('rc-env-create').click();
    await page.getByTestId('rc-env-name').fill('e2e-shop-test');
    await page.getByTestId('rc-env-config').selectOption({ index: 1 });
    await page.getByTestId('rc-env-replicas').fill('2');
    await page.getByTestId('rc-env-submit').click();
    await page.getByTestId('rc-env-dialog').waitFor({ state: 'hidden' });
    const env = page.getByTestId('rc-env-row').filter({ hasText: 'e2e-shop-test' });
    await expect.poll(() => env.getByTestId('rc-env-replicas-cell').textContent()).toBe('2');
    await env.getByTestId('rc-env-edit').click();
    await page.getByTestId('rc-env-replicas').fill('3');
    await page.getByTestId('rc-env-submit').click();
    await expect.poll(() => env.getByTestId('rc-env-replicas-cell').textContent()).toBe('3');
    await screenshot(page, 'retailcloud-apps');

    // The operations of the seeded production environment: an SLB access point and a service.
    const prod = await envOf('trade-center', 'trade-center-prod');
    await page.goto(`/accounts/${account}/applications/${prod.id}?tab=ops`);
    await page.getByTestId('retailcloud-env-ops').waitFor();
    await expect.poll(() => page.getByTestId('rc-baseline-url').textContent()).toContain('trade-center');
    const seededAp = page.getByTestId('rc-slb-row').first();
    await seededAp.waitFor();
    const slbId = /lb-[a-z0-9]+/.exec((await seededAp.textContent()) ?? '')?.[0] ?? '';
    await page.getByTestId('rc-slb-create').click();
    await page.getByTestId('rc-slb-name').fill('e2e-tcp');
    await page.getByTestId('rc-slb-id').fill(slbId);
    await page.getByTestId('rc-slb-listener-port').fill('9100');
    await page.getByTestId('rc-slb-real-port').fill('9100');
    await page.getByTestId('rc-slb-timeout').fill('5');
    expect(await page.getByTestId('rc-slb-submit').isDisabled()).toBe(true);
    await page.getByTestId('rc-slb-timeout').fill('60');
    await page.getByTestId('rc-slb-submit').click();
    await page.getByTestId('rc-slb-dialog').waitFor({ state: 'hidden' });
    const ap = page.getByTestId('rc-slb-row').filter({ hasText: 'e2e-tcp' });
    await expect.poll(() => ap.getByTestId('rc-slb-ports').textContent()).toContain('9100 → 9100');

    await page.getByTestId('rc-svc-create').click();
    await page.getByTestId('rc-svc-name').fill('e2e-node');
    await page.getByTestId('rc-svc-k8s').fill('e2e-node');
    await page.getByTestId('rc-svc-type').selectOption('NodePort');
    await page.getByTestId('rc-svc-node-port').fill('30090');
    await page.getByTestId('rc-svc-submit').click();
    await page.getByTestId('rc-svc-dialog').waitFor({ state: 'hidden' });
    const svc = page.getByTestId('rc-svc-row').filter({ hasText: 'e2e-node' });
    await expect.poll(() => svc.getByTestId('rc-svc-ports').textContent()).toContain('NodePort 30090');
    await svc.getByTestId('rc-svc-delete').click();
    await page.getByTestId('rc-ops-delete-submit').click();
    await svc.waitFor({ state: 'detached' });
    await screenshot(page, 'retailcloud-env-ops');

    // Job runs of the cron app, with a pod's log.
    const cron = await envOf('report-job', 'report-job-prod');
    await page.goto(`/accounts/${account}/applications/${cron.id}?tab=ops`);
    await page.getByTestId('rc-job-row').first().waitFor();
    await page.getByTestId('rc-job-pod').first().click();
    await page.getByTestId('rc-job-events').waitFor();
    await page.keyboard.press('Escape');

    // Back to the new app: delete the environment, then the app, each with its name typed.
    await page.goto(`/accounts/${account}/retailcloud/apps`);
    await page.getByTestId('rc-app-row').filter({ hasText: 'e2e-shop' }).getByTestId('rc-app-open').click();
    await env.getByTestId('rc-env-delete-open').click();
    await page.getByTestId('rc-env-delete-confirm').fill('e2e-shop');
    expect(await page.getByTestId('rc-env-delete-submit').isDisabled()).toBe(true);
    await page.getByTestId('rc-env-delete-confirm').fill('e2e-shop-test');
    await page.getByTestId('rc-env-delete-submit').click();
    await env.waitFor({ state: 'detached' });
    await page.getByTestId('rc-app-delete-open').click();
    await page.getByTestId('rc-app-delete-force').check();
    await page.getByTestId('rc-app-delete-confirm').fill('e2e-shop');
    await page.getByTestId('rc-app-delete-submit').click();
    await page.getByTestId('rc-app-row').filter({ hasText: 'e2e-shop' }).waitFor({ state: 'detached' });
    await page.getByTestId('rc-app-panel').waitFor({ state: 'detached' });
    expect(page.url()).not.toMatch(/[?&]app=/);
    expect(await page.getByTestId('error-panel').count()).toBe(0);
    await context.close();
  });

  it('viewers see the apps but every change says which role it needs', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/retailcloud/apps?tab=groups`);
    await page.getByTestId('rc-group-row').filter({ hasText: 'trade-group' }).waitFor();
    const create = page.getByTestId('rc-group-create');
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute('title')).toMatch(/operator/);
    await page.getByTestId('rc-tab-users').click();
    await page.getByTestId('rc-user-row').first().waitFor();
    expect(await page.getByTestId('rc-user-row').count()).toBeGreaterThanOrEqual(4);
    await context.close();
  });
});
