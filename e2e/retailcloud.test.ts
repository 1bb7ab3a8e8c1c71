import { RC_SEED } from '@console/cloudsim';
import type { ApplicationDetail, ApplicationPage, Rollout } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

const account = 'retail-demo';
let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

beforeAll(async () => {
  // A partition takes 20–40 s of simulated time: about half a second here.
  stack = await startStack({ timeScale: 60, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function envId(name: string): Promise<string> {
  const page = await api.get<ApplicationPage>(`/api/accounts/${account}/applications?pageSize=100`);
  const found = page.body.items.find((a) => a.name === name);
  if (!found) throw new Error(`no environment ${name}`);
  return found.id;
}

async function waitForStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page
    .getByTestId('rollout-status')
    .and(page.locator(`[data-status="${status}"]`))
    .waitFor({ timeout });
}

describe('Retail Cloud in the browser', () => {
  it('deploys with a pause after each of three partitions and confirms each pause', async () => {
    const id = await envId(RC_SEED.closedEnv.env);
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.getByTestId('account-switch').selectOption(account);
    await page.getByTestId('application-row').first().waitFor();
    await screenshot(page, 'retailcloud-applications');

    await page.goto(`/accounts/${account}/applications/${id}`);
    // What SAE has and Retail Cloud does not is not offered.
    await page.getByTestId('lifecycle-deploy').waitFor();
    expect(await page.getByTestId('lifecycle-start').count()).toBe(0);
    expect(await page.getByTestId('lifecycle-resize').count()).toBe(0);
    await page.getByTestId('lifecycle-deploy').click();
    await page.getByTestId('deploy-name').fill('e2e each pause');
    await page.getByTestId('deploy-source').selectOption('images');
    await page.getByTestId('deploy-images').fill('registry.example.com/jst-demo/trade-center:e2e-each');
    await page.getByTestId('deploy-partitions').fill('3');
    await page.getByTestId('deploy-pause-type').selectOption('each');
    await screenshot(page, 'retailcloud-deploy-dialog');
    await page.getByTestId('deploy-submit').click();
    await page.waitForURL(/\/rollouts\//);
    const rolloutId = new URL(page.url()).pathname.split('/').at(-1) as string;

    for (const next of [2, 3]) {
      await waitForStatus(page, 'waiting');
      expect(await page.getByTestId('batch-step').count()).toBe(3);
      if (next === 2) await screenshot(page, 'retailcloud-order-paused');
      await page.getByTestId('confirm-batch').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.textContent()).toContain(String(next));
      await page.getByTestId('confirm-submit').click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await waitForStatus(page, 'succeeded');
    expect(await page.getByTestId('batch-step').and(page.locator('[data-status="succeeded"]')).count()).toBe(
      3,
    );
    expect(await stack.upstreamCalls('ResumeDeploy')).toBe(2);
    const order = await api.get<Rollout>(`/api/accounts/${account}/rollouts/${rolloutId}`);
    expect(order.body).toMatchObject({ status: 'succeeded', batchType: 'each', nativeStatus: 3 });
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${id}`);
    expect(detail.body.config.imageUrl).toBe('registry.example.com/jst-demo/trade-center:e2e-each');
    await screenshot(page, 'retailcloud-order-succeeded');
    // Each instance's part in the order: its deploy steps with their logs, and its pod events.
    await page.getByTestId('batch-show-steps').first().click();
    await page.getByTestId('pod-log-open').first().click();
    const podLog = page.getByTestId('pod-log-dialog');
    await podLog.getByTestId('pod-log-step').first().waitFor();
    expect(await podLog.textContent()).toContain('StartAppInstance');
    expect(await podLog.getByTestId('pod-events').textContent()).toContain('Scheduled');
    await screenshot(page, 'retailcloud-pod-log');
    await context.close();
  });

  it('says the cloud’s Chinese statuses and types in English, each as the cloud sent it in a tooltip', async () => {
    const id = await envId(RC_SEED.pausedOrder.env);
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${id}`);
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    const han = /\p{Script=Han}/u;
    await page.goto(`/accounts/${account}/applications`);
    await page.getByTestId('application-row').first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(han);
    expect(await page.locator('main [title="暂停"]').first().textContent()).toBe('Paused');

    await page.goto(`/accounts/${account}/rollouts/${detail.body.native.lastChangeOrderId}`);
    await waitForStatus(page, 'waiting');
    await page.getByTestId('batch-step').first().waitFor();
    // The order's own name and description are the operator's words, in whatever language they chose.
    const shown = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="rollout-description"]').forEach((own) => {
        own.remove();
      });
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    });
    expect(shown).not.toMatch(han);
    expect(await page.getByTestId('rollout-status').textContent()).toContain('Paused (2)');
    expect(await page.getByTestId('rollout-status').locator('[title="暂停"]').count()).toBe(1);
    await context.close();
  });

  it('closes the paused seeded order', async () => {
    const id = await envId(RC_SEED.pausedOrder.env);
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${id}`);
    const rolloutId = detail.body.native.lastChangeOrderId as string;
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/rollouts/${rolloutId}`);
    await waitForStatus(page, 'waiting');
    // A deploy order cannot be rolled back: the console offers no such button.
    expect(await page.getByTestId('abort-rollback').count()).toBe(0);
    await page.getByTestId('abort').click();
    await page.getByTestId('action-dialog').waitFor();
    await page.getByTestId('action-dialog-submit').click();
    await waitForStatus(page, 'aborted');
    const status = page.getByTestId('rollout-status');
    expect(await status.textContent()).toContain('Finished · Closed by hand (3)');
    expect(await status.locator('[title="已完成 · 人为置为失败"]').count()).toBe(1);
    expect(await stack.upstreamCalls('CloseDeployOrder')).toBe(1);
    await context.close();
  });

  it('scales an environment in one partition', async () => {
    const id = await envId(RC_SEED.closedEnv.env);
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications/${id}`);
    await page.getByTestId('lifecycle-scale').click();
    await page.getByTestId('scale-replicas').fill('4');
    await page.getByTestId('scale-partitions').fill('1');
    await page.getByTestId('scale-submit').click();
    await page.waitForURL(/\/rollouts\//);
    await waitForStatus(page, 'succeeded');
    expect(await page.getByTestId('batch-step').count()).toBe(1);
    await page.goto(`/accounts/${account}/applications/${id}?tab=instances`);
    await expect.poll(() => page.getByTestId('instance-row').count(), { timeout: 30_000 }).toBe(4);
    await context.close();
  });

  it('draws the monitor metrics of the deployment group and of one instance, with the range in the URL; job runs only for a CronJob', async () => {
    const id = await envId(RC_SEED.pausedOrder.env);
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/applications/${id}`);
    await page.getByTestId('tab-metrics').click();
    await page.getByTestId('monitor-range').selectOption('360');
    await page.waitForURL(/range=360/);
    const cpu = page.getByTestId('metric-deployment.cpu.usage_rate');
    await cpu.locator('.recharts-line-curve').waitFor();
    // The hour's series stays on screen while the six hours load (no blank chart in between).
    await expect
      .poll(async () => Number(await cpu.getAttribute('data-points')), { timeout: 15_000 })
      .toBeGreaterThan(300);
    expect(await cpu.getByTestId('metric-latest').textContent()).toMatch(/\d/);
    const memory = page.getByTestId('metric-pod.memory.utilization');
    await memory.locator('.recharts-line-curve').waitFor();
    expect(await memory.getByTestId('metric-latest').textContent()).toMatch(/%$/);
    await screenshot(page, 'retailcloud-metrics');
    // A Deployment runs no jobs: its Operations tab has no job runs, a CronJob environment's has.
    await page.getByTestId('tab-ops').click();
    await page.getByTestId('rc-baseline').waitFor();
    expect(await page.getByTestId('rc-job-status').count()).toBe(0);
    await page.goto(`/accounts/${account}/applications/${await envId(RC_SEED.cronEnv.env)}?tab=ops`);
    await page.getByTestId('rc-job-row').first().waitFor();
    await context.close();
  });
});
