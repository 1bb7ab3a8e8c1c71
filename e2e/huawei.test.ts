import type { ApplicationDetail, ApplicationPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

beforeAll(async () => {
  stack = await startStack({ timeScale: 30, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function appNamed(account: string, name: string): Promise<ApplicationDetail> {
  const page = await api.get<ApplicationPage>(`/api/accounts/${account}/applications?pageSize=100`);
  const found = page.body.items.find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} on ${account}`);
  return (await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${found.id}`)).body;
}

async function waitForStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page
    .getByTestId('rollout-status')
    .and(page.locator(`[data-status="${status}"]`))
    .waitFor({ timeout });
}

describe('Huawei Cloud in the browser', () => {
  it('continues an instance a launch hook holds, through the confirm dialog', async () => {
    const group = await appNamed('as-demo', 'as-group-hooked');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/as-demo/applications/${group.id}`);
    await page.getByTestId('rollout-banner').waitFor();
    // Auto Scaling has no deploy: the console does not offer one.
    expect(await page.getByTestId('lifecycle-deploy').count()).toBe(0);
    await page.goto(`/accounts/as-demo/rollouts/${group.native.lastChangeOrderId}`);
    await waitForStatus(page, 'waiting');
    await page.getByTestId('confirm-batch').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('install-agent');
    await screenshot(page, 'huawei-as-hook');
    await page.getByTestId('confirm-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length).toBe(1);
    await waitForStatus(page, 'succeeded');
    await context.close();
  });

  it('scales out a group with a launch hook from the console, holds the new instance longer, then continues it', async () => {
    const group = await appNamed('as-demo', 'as-group-hooked');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/as-demo/applications/${group.id}`);
    await page.getByTestId('lifecycle-scale').click();
    await page.getByTestId('scale-replicas').fill(String(group.instances + 1));
    await page.getByTestId('scale-submit').click();
    // AS starts the activity itself; the new instance is held by the hook, and the page says so.
    await page.goto(`/accounts/as-demo/applications/${group.id}`);
    await page.getByTestId('rollout-banner').getByRole('link').click({ timeout: 60_000 });
    await waitForStatus(page, 'waiting');
    const rolloutUrl = page.url();
    const rolloutId = decodeURIComponent(rolloutUrl.split('/rollouts/')[1] ?? '');
    const callbacks = () => stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length;
    const before = callbacks();

    await page.getByTestId('extend-batch').click();
    const extend = page.getByTestId('extend-dialog');
    await extend.waitFor();
    expect(await extend.textContent()).toContain('install-agent');
    await page.getByTestId('extend-dialog-submit').click();
    await extend.waitFor({ state: 'hidden' });
    await page.getByTestId('rollout-notice').waitFor();
    expect(callbacks() - before).toBe(1);
    await waitForStatus(page, 'waiting');

    await page.getByTestId('confirm-batch').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' });
    await waitForStatus(page, 'succeeded');
    expect(callbacks() - before).toBe(2);

    // The group's dashboard: its size reached the new count, the activity is on the timeline.
    await page.goto(`/accounts/as-demo/applications/${group.id}?tab=health`);
    const now = page.getByTestId('capacity-now');
    await expect
      .poll(() => now.getAttribute('data-current'), { timeout: 30_000 })
      .toBe(String(group.instances + 1));
    expect(Number(await page.getByTestId('capacity-chart').getAttribute('data-points'))).toBeGreaterThan(1);
    const bar = page.getByTestId('timeline-bar').and(page.locator('[data-status="succeeded"]'));
    expect(await bar.count()).toBeGreaterThan(0);
    const inService = page.getByTestId('health-lifecycle').getByTestId('health-count-INSERVICE');
    expect(await inService.getAttribute('data-count')).toBe(String(group.instances + 1));
    await screenshot(page, 'huawei-as-health');
    expect(rolloutId).toContain(group.id);
    await context.close();
  });

  it('pauses and resumes a scaling group', async () => {
    const group = await appNamed('as-demo', 'as-group-web');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/as-demo/applications/${group.id}`);
    await page.getByTestId('lifecycle-stop').click();
    await page.getByTestId('stop-dialog-submit').click();
    await page.getByTestId('app-status').and(page.locator('[data-status="stopped"]')).waitFor();
    await page.getByTestId('lifecycle-start').click();
    await page.getByTestId('start-dialog-submit').click();
    await page
      .getByTestId('app-status')
      .and(page.locator('[data-status="stopped"]'))
      .waitFor({ state: 'detached' });
    expect((await appNamed('as-demo', 'as-group-web')).native.currentStatus).toBe('INSERVICE');
    await context.close();
  });

  it('filters the scaling groups by a tag chip, through the cloud’s tag query', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto('/accounts/as-demo/applications');
    const rows = page.getByTestId('application-row');
    await rows.filter({ hasText: 'as-group-web' }).waitFor();
    const all = await rows.count();
    await rows
      .filter({ hasText: 'as-group-web' })
      .getByTestId('app-tag')
      .filter({ hasText: 'team=web' })
      .click();
    await page.waitForURL(/tag=team(%3D|=)web/);
    await page.getByTestId('apps-tag-filter').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(
      (await rows.allTextContents()).map((t) => /as-group-(web|hooked|batch)/.exec(t)?.[0]).sort(),
    ).toEqual(['as-group-hooked', 'as-group-web']);
    expect(all).toBeGreaterThan(2);
    await context.close();
  });

  it('shows a stack’s and a group’s overview without the fields only SAE applications have', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    const overview = async (account: string, name: string) => {
      const app = await appNamed(account, name);
      await page.goto(`/accounts/${account}/applications/${app.id}?tab=overview`);
      await page.getByText('Replicas', { exact: true }).waitFor();
      return page.locator('main').innerText();
    };
    for (const text of [await overview('aos-demo', 'demo-ecs'), await overview('as-demo', 'as-group-web')]) {
      for (const sae of [/\bcores\b/, /\bGiB\b/, /vSwitch/, /Security group/, /Start command/, /^Groups$/m]) {
        expect(text).not.toMatch(sae);
      }
    }
    // A group has its VPC.
    expect(await overview('as-demo', 'as-group-web')).toMatch(/VPC/);
    await context.close();
  });

  it('says a group that does not exist as the console’s 404, the cloud’s own code and HTTP 400 beside it', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto('/accounts/as-demo/applications/00000000-0000-4000-8000-000000000000');
    const panel = page.getByTestId('error-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('error-console').textContent()).toBe('404 · NotFound');
    expect(await panel.getByTestId('error-cloud-status').textContent()).toBe('400');
    expect(await panel.textContent()).toContain('AS.2007');
    await context.close();
  });

  it('retries a stack’s failed upgrade from its execution', async () => {
    const nginx = await appNamed('aos-demo', 'demo-nginx');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/aos-demo/rollouts/${nginx.native.lastChangeOrderId}`);
    await waitForStatus(page, 'waiting');
    expect(await page.getByTestId('batch-step').and(page.locator('[data-status="failed"]')).count()).toBe(1);
    await page.getByTestId('confirm-batch').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await screenshot(page, 'huawei-aos-retry');
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => stack.sim.calls.list({ api: 'ExecuteStackLifecycle' }).length, { timeout: 10_000 })
      .toBe(1);
    // The retry is a new execution: the page follows it and keeps refreshing until it ends.
    const failedRollout = nginx.native.lastChangeOrderId as string;
    await page.waitForURL((url) => {
      const shown = decodeURIComponent(url.pathname.split('/rollouts/')[1] ?? '');
      return shown.startsWith(`${nginx.id}.`) && shown !== failedRollout;
    });
    expect(await page.getByTestId('rollout-notice').textContent()).toMatch(/retry runs as execution/);
    await waitForStatus(page, 'succeeded');
    expect(await page.getByTestId('rollout-status').textContent()).toContain('Succeeded');
    await context.close();
  });
});
