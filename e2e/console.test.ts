import type { ApplicationDetail, ApplicationPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;
const account = 'sae-demo';

beforeAll(async () => {
  stack = await startStack({ timeScale: 60, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function apps(query: string): Promise<ApplicationPage['items']> {
  return (await api.get<ApplicationPage>(`/api/accounts/${account}/applications?pageSize=100&${query}`)).body
    .items;
}

async function idleRunningApp(exclude: string[] = []): Promise<ApplicationDetail> {
  for (const app of await apps('status=running')) {
    if (exclude.includes(app.id)) continue;
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${app.id}`);
    if (!detail.body.native.lastChangeOrderRunning) return detail.body;
  }
  throw new Error('no idle running application in the demo data');
}

/** Counts the requests whose URL contains `fragment` while `during` runs. */
async function countRequests(page: Page, fragment: string, during: () => Promise<void>): Promise<number> {
  let count = 0;
  const listener = (request: { url(): string }) => {
    if (request.url().includes(fragment)) count++;
  };
  page.on('request', listener);
  await during();
  page.off('request', listener);
  return count;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the console in the browser', () => {
  it('keeps list filters in the URL and restores them on reload', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/applications`);
    await page.getByTestId('application-row').first().waitFor();
    const all = await page.getByTestId('application-row').count();
    await page.getByTestId('apps-status').selectOption('waiting');
    await page.waitForURL(/status=waiting/);
    await expect.poll(() => page.getByTestId('application-row').count()).toBeLessThan(all);
    // The native status in words, as the cloud sent it in the tooltip.
    const first = page.getByTestId('application-row').first();
    expect(await first.textContent()).toContain('Waiting for batch confirmation');
    expect(await first.locator('[title="WAIT_BATCH_CONFIRM"]').count()).toBe(1);

    await page.getByTestId('apps-status').selectOption('');
    await page.getByTestId('apps-search').fill('order');
    await page.getByTestId('apps-search').press('Enter');
    await page.waitForURL(/q=order/);
    await expect
      .poll(async () => (await page.getByTestId('application-row').allTextContents()).join('|'))
      .toMatch(/order-service/);
    const names = await page.getByTestId('application-row').locator('a').first().allTextContents();
    for (const name of names) expect(name).toContain('order');

    await page.reload();
    await page.getByTestId('application-row').first().waitFor();
    expect(await page.getByTestId('apps-search').inputValue()).toBe('order');

    await page.getByTestId('apps-search').fill('');
    await page.getByTestId('apps-search').press('Enter');
    await page.waitForURL((url) => !url.search.includes('q='));
    const tag = page.getByTestId('app-tag').first();
    const tagText = (await tag.textContent()) ?? '';
    await tag.click();
    await page.waitForURL(/tag=/);
    await page.getByTestId('apps-tag-filter').waitFor();
    await expect.poll(() => page.getByTestId('application-row').count()).toBeLessThan(all);
    for (const row of await page.getByTestId('application-row').all()) {
      expect(await row.textContent()).toContain(tagText);
    }
    expect(await page.getByTestId('pager-summary').textContent()).toMatch(/\d+/);
    await context.close();
  });

  it('shows an application with its tabs, and loads the charts only when the usage tab opens', async () => {
    const app = await idleRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    const chartChunks = await countRequests(page, 'UsageCharts', async () => {
      await page.goto(`/accounts/${account}/applications/${app.id}`);
      await page.getByTestId('current-version').waitFor();
    });
    expect(chartChunks).toBe(0);
    expect(await page.getByTestId('app-status').getAttribute('data-status')).toBe('running');
    // An SAE application's own size and settings (a stack or a group has none: e2e/huawei.test.ts).
    expect(await page.locator('main').innerText()).toMatch(/\d cores[\s\S]*\d GiB[\s\S]*vSwitch/);
    await screenshot(page, 'application-detail');

    await page.getByTestId('tab-instances').click();
    await expect.poll(() => page.getByTestId('instance-row').count()).toBe(app.runningInstances);
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-row').first().waitFor();
    await page.getByTestId('tab-events').click();
    await page.getByTestId('events-table').waitFor();
    await page.getByTestId('tab-rollouts').click();
    await page.getByTestId('rollouts-table').waitFor();

    await page.getByTestId('tab-usage').click();
    await page.waitForURL(/tab=usage/);
    await page.getByTestId('chart-cpu').waitFor({ timeout: 30_000 });
    // A drawn line: the curve's path has at least one segment once two samples exist.
    const curve = page.locator('[data-testid="chart-cpu"] path.recharts-line-curve').first();
    await expect.poll(() => curve.getAttribute('d'), { timeout: 30_000, interval: 500 }).toMatch(/L|C/);
    await page.getByTestId('usage-range').selectOption('360');
    await page.waitForURL(/range=360/);
    await screenshot(page, 'application-usage');
    await context.close();
  });

  it('a viewer sees every lifecycle action disabled, each saying which role it needs', async () => {
    const app = await idleRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/applications/${app.id}`);
    await page.getByTestId('lifecycle-bar').waitFor();
    for (const action of ['deploy', 'stop', 'restart', 'scale', 'resize', 'delete']) {
      const button = page.getByTestId(`lifecycle-${action}`);
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toMatch(action === 'delete' ? /admin/ : /operator/);
    }
    await context.close();
  });

  it('an operator scales an application from its page and follows the change order to the end', async () => {
    const app = await idleRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications/${app.id}`);
    await page.getByTestId('lifecycle-scale').click();
    await page.getByTestId('scale-replicas').fill('99');
    expect(await page.getByTestId('scale-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('form-problem').textContent()).toContain('50');
    await page.getByTestId('scale-replicas').fill(String(app.config.replicas + 1));
    await page.getByTestId('scale-submit').click();
    await page.waitForURL(/\/rollouts\//);
    await page
      .getByTestId('rollout-status')
      .and(page.locator('[data-status="succeeded"]'))
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(
        async () =>
          (await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${app.id}`)).body.config
            .replicas,
      )
      .toBe(app.config.replicas + 1);
    await context.close();
  });

  it('an operator reads an instance log and restarts a chosen instance', async () => {
    const app = await idleRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications/${app.id}?tab=instances`);
    const first = page.getByTestId('instance-row').first();
    await first.waitFor();
    await first.getByTestId('instance-log-open').click();
    await expect.poll(() => page.getByTestId('instance-log').textContent()).toMatch(/\S/);
    await screenshot(page, 'instance-log');
    await page.getByTestId('instance-log-dialog').getByRole('button').last().click();

    expect(await page.getByTestId('instances-restart').isDisabled()).toBe(true);
    await first.getByTestId('instance-select').check();
    await page.getByTestId('instances-restart').click();
    await page.getByTestId('instances-restart-dialog-submit').click();
    await page.waitForURL(/\/rollouts\//);
    await page
      .getByTestId('rollout-status')
      .and(page.locator('[data-status="succeeded"]'))
      .waitFor({ timeout: 60_000 });
    expect(await page.getByText('CoRestartInstances').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('an operator creates a timing scaling rule in the form, switches it on and deletes it', async () => {
    const app = await idleRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications/${app.id}?tab=scaling`);
    await page.getByTestId('scaling-create').click();
    await page.getByTestId('scaling-name').fill('Workdays');
    expect(await page.getByTestId('scaling-submit').isDisabled()).toBe(true);
    await page.getByTestId('scaling-name').fill('workdays');
    await page.getByTestId('scaling-repeat').selectOption('weekly');
    expect(await page.getByTestId('form-problem').textContent()).toBeTruthy();
    await page.getByTestId('scaling-day-Mon').check();
    await page.getByTestId('scaling-day-Fri').check();
    await page.getByTestId('scaling-at').first().fill('08:30');
    await page.getByTestId('scaling-target').first().fill('3');
    await page.getByTestId('scaling-add-schedule').click();
    await page.getByTestId('scaling-target').nth(1).fill('1');
    await page.getByTestId('scaling-submit').click();
    await page.getByTestId('scaling-dialog').waitFor({ state: 'hidden' });
    const rule = page.getByTestId('scaling-rule').filter({ hasText: 'workdays' });
    await rule.waitFor();
    expect(await rule.textContent()).toContain('* * Mon,Fri');
    expect(await rule.getAttribute('data-enabled')).toBe('false');
    await rule.getByTestId('scaling-toggle').click();
    await expect.poll(() => rule.getAttribute('data-enabled')).toBe('true');
    await screenshot(page, 'scaling-rules');
    await rule.getByTestId('scaling-delete').click();
    await page.getByTestId('scaling-delete-submit').click();
    await rule.waitFor({ state: 'detached' });
    await context.close();
  });

  it('an operator stops two applications of a namespace together', async () => {
    const running = await apps('status=running');
    const byNamespace = new Map<string, string[]>();
    for (const a of running)
      byNamespace.set(a.namespaceId, [...(byNamespace.get(a.namespaceId) ?? []), a.id]);
    const [namespaceId, ids] = [...byNamespace].find(([, list]) => list.length >= 2) ?? [];
    if (!namespaceId || !ids) throw new Error('no namespace with two running applications');
    const chosen = ids.slice(0, 2);
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications`);
    await page.getByTestId('application-row').first().waitFor();
    expect(await page.getByTestId('batch-stop').isDisabled()).toBe(true);
    await page.getByTestId('apps-namespace').selectOption(namespaceId);
    await page.waitForURL(/namespaceId=/);
    for (const id of chosen) {
      await page
        .getByTestId('application-row')
        .filter({ has: page.locator(`a[href$="/applications/${id}"]`) })
        .getByTestId('application-select')
        .check();
    }
    await page.getByTestId('batch-stop').click();
    await page.getByTestId('batch-submit').click();
    await page.waitForURL(/\/rollouts\//);
    await page
      .getByTestId('rollout-status')
      .and(page.locator('[data-status="succeeded"]'))
      .waitFor({ timeout: 60_000 });
    const after = (await apps(`namespaceId=${encodeURIComponent(namespaceId)}`)).filter((a) =>
      chosen.includes(a.id),
    );
    expect(after.map((a) => a.status)).toEqual(['stopped', 'stopped']);
    await context.close();
  });

  it('an admin deletes an application only after typing its name', async () => {
    const target = (await apps('status=stopped'))[0] ?? (await idleRunningApp());
    const { page, context } = await signIn(browser, stack.bff.url, 'admin', 'admin-demo-1');
    await page.goto(`/accounts/${account}/applications/${target.id}`);
    await page.getByTestId('lifecycle-delete').click();
    await page.getByTestId('delete-confirm-name').fill(`${target.name}-typo`);
    expect(await page.getByTestId('delete-submit').isDisabled()).toBe(true);
    await page.getByTestId('delete-confirm-name').fill(target.name);
    await page.getByTestId('delete-submit').click();
    await page.waitForURL(/\/applications$/);
    await expect
      .poll(async () => (await apps('')).some((a) => a.id === target.id), { timeout: 60_000, interval: 500 })
      .toBe(false);
    await context.close();
  });

  it('an admin creates, renames and deletes a namespace, and reads a namespace’s change orders', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'admin', 'admin-demo-1');
    await page.getByTestId('nav-namespaces').click();
    await page.getByTestId('namespace-row').first().waitFor();
    await page.getByTestId('namespace-create').click();
    await page.getByTestId('namespace-suffix').fill('Bad_Id');
    expect(await page.getByTestId('namespace-submit').isDisabled()).toBe(true);
    await page.getByTestId('namespace-suffix').fill('e2etrial');
    await page.getByTestId('namespace-name').fill('E2E trial');
    await page.getByTestId('namespace-submit').click();
    await page.getByTestId('namespace-dialog').waitFor({ state: 'hidden' });
    const row = page.getByTestId('namespace-row').filter({ hasText: 'cn-hangzhou:e2etrial' });
    await row.waitFor();

    await row.getByTestId('namespace-edit').click();
    await page.getByTestId('namespace-name').fill('E2E renamed');
    await page.getByTestId('namespace-submit').click();
    await expect.poll(() => row.textContent()).toContain('E2E renamed');
    await row.getByTestId('namespace-vpc-open').click();
    await page.getByTestId('namespace-vpc').fill('vpc-bp1e2emoved00001');
    await page.getByTestId('namespace-vpc-submit').click();
    await page.getByTestId('namespace-vpc-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('vpc-bp1e2emoved00001');
    await screenshot(page, 'namespaces');

    await row.getByTestId('namespace-delete').click();
    await page.getByTestId('namespace-delete-confirm').fill('cn-hangzhou:e2etria');
    expect(await page.getByTestId('namespace-delete-submit').isDisabled()).toBe(true);
    await page.getByTestId('namespace-delete-confirm').fill('cn-hangzhou:e2etrial');
    await page.getByTestId('namespace-delete-submit').click();
    await row.waitFor({ state: 'detached' });

    await page
      .getByTestId('namespace-row')
      .filter({ hasText: 'cn-hangzhou:prod' })
      .getByTestId('namespace-rollouts')
      .click();
    await page.getByTestId('rollout-row').first().waitFor();
    expect(await page.locator('[data-testid="rollout-row"] [data-status="waiting"]').count()).toBeGreaterThan(
      0,
    );
    // Each order names its application, linking to it.
    const orderService = page
      .getByTestId('rollout-app')
      .filter({ hasText: /^order-service$/ })
      .first();
    await orderService.waitFor();
    await orderService.click();
    await page.getByRole('heading', { name: 'order-service' }).waitFor();
    await context.close();
  });

  it('live refresh of a running change order stops while the tab is hidden', async () => {
    const waiting = (await apps('status=waiting'))[0];
    const rolloutId = waiting?.native.lastChangeOrderId;
    expect(rolloutId).toBeTruthy();
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/rollouts/${rolloutId}`);
    await page.getByTestId('rollout-status').waitFor();
    const path = `/rollouts/${rolloutId}`;
    expect(await countRequests(page, path, () => pause(5_000))).toBeGreaterThan(0);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await pause(500);
    expect(await countRequests(page, path, () => pause(5_000))).toBe(0);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await countRequests(page, path, () => pause(5_000))).toBeGreaterThan(0);
    await context.close();
  });

  it('signing out lands on the sign-in page at once, and the pages behind it need a new sign-in', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications`);
    await page.getByTestId('application-row').first().waitFor();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/, { timeout: 3_000 });
    await page.getByTestId('login-username').waitFor({ timeout: 3_000 });
    await page.goto(`/accounts/${account}/applications`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').fill('viewer');
    await page.getByTestId('login-password').fill('viewer-demo-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('viewer');
    await context.close();
  });

  it('switches to Simplified Chinese, the native status names in Chinese words and as sent in a tooltip', async () => {
    const waiting = (await apps('status=waiting'))[0];
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    const chinese: string[] = [];
    page.on('request', (r) => {
      if (/messages\.zh-[^/]*\.js$/.test(r.url())) chinese.push(r.url());
    });
    await page.goto(`/accounts/${account}/applications`);
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    // An English console never fetches the Chinese catalogue; the switch fetches it once.
    expect(chinese).toEqual([]);
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByRole('heading', { name: '应用列表' }).waitFor();
    expect(chinese).toHaveLength(1);
    // The role once, in words: not 操作员（operator） inside the brackets after the user operator.
    expect(await page.getByTestId('current-user').textContent()).toBe('当前用户 operator（操作员）');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.goto(`/accounts/${account}/rollouts/${waiting?.native.lastChangeOrderId}`);
    const status = page.getByTestId('rollout-status');
    await status.waitFor();
    expect(await status.textContent()).toContain('等待手工确认分批 (8)');
    expect(await status.locator('[title="WAIT_BATCH_CONFIRM"]').count()).toBe(1);
    expect(await page.getByTestId('confirm-batch').textContent()).toBe('确认下一批');
    await screenshot(page, 'rollout-zh');
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('confirm-batch').textContent()).toBe('Confirm next batch');
    await context.close();
  });
});
