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
  stack = await startStack({
    timeScale: 60,
    webDist: WEB_DIST,
    extraAccounts: [
      { id: 'bad-key', name: 'Misconfigured account', accessKeySecret: 'not-the-right-secret' },
    ],
  });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A running application with at least three instances and no change order in flight. */
async function pickRunningApp(minInstances = 3, on = account): Promise<ApplicationDetail> {
  const page = await api.get<ApplicationPage>(`/api/accounts/${on}/applications?status=running&pageSize=100`);
  const candidates = page.body.items.filter((a) => a.instances >= minInstances);
  for (const app of candidates) {
    const detail = await api.get<ApplicationDetail>(`/api/accounts/${on}/applications/${app.id}`);
    if (detail.body.config.imageUrl && !detail.body.native.lastChangeOrderRunning) return detail.body;
  }
  throw new Error('no running image application with enough instances in the demo data');
}

async function waitForStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page
    .getByTestId('rollout-status')
    .and(page.locator(`[data-status="${status}"]`))
    .waitFor({ timeout });
}

async function deployFromUi(
  page: Page,
  appId: string,
  imageUrl: string,
  batches: number,
  on = account,
): Promise<void> {
  await page.goto(`/accounts/${on}/applications/${appId}`);
  await page.getByTestId('lifecycle-deploy').click();
  await page.getByTestId('deploy-image-url').fill(imageUrl);
  await page.getByTestId('deploy-batches').fill(String(batches));
  await page.getByTestId('deploy-release-type').selectOption('manual');
  await page.getByTestId('deploy-submit').click();
  await page.waitForURL(/\/rollouts\//);
}

describe('rollouts in the browser', () => {
  it('an operator deploys in three manual batches and confirms each until it succeeds', async () => {
    const app = await pickRunningApp();
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${account}/applications`);
    await page.getByTestId('application-row').first().waitFor();
    await screenshot(page, 'applications');
    const image = `${(app.config.imageUrl ?? '').replace(/:[^:/]*$/, '')}:e2e-three-batches`;
    await deployFromUi(page, app.id, image, 3);
    for (let confirmed = 0; confirmed < 2; confirmed++) {
      await waitForStatus(page, 'waiting');
      const steps = page.getByTestId('batch-step');
      expect(await steps.count()).toBe(3);
      if (confirmed === 0) await screenshot(page, 'rollout-waiting');
      await page.getByTestId('confirm-batch').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.textContent()).toContain(String(confirmed + 2));
      if (confirmed === 0) await screenshot(page, 'confirm-dialog');
      await page.getByTestId('confirm-submit').click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await waitForStatus(page, 'succeeded');
    expect(await page.getByTestId('batch-step').and(page.locator('[data-status="succeeded"]')).count()).toBe(
      3,
    );
    // A finished order waits for no decision: a line says how it ended, no greyed-out buttons.
    expect(await page.getByTestId('rollout-finished').textContent()).toMatch(/^Finished: Succeeded, /);
    for (const action of ['confirm-batch', 'abort', 'abort-rollback']) {
      expect(await page.getByTestId(action).count()).toBe(0);
    }
    await screenshot(page, 'rollout-succeeded');
    const after = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${app.id}`);
    expect(after.body.config.imageUrl).toBe(image);
    await context.close();
  });

  it('a viewer sees the waiting rollout with no way to confirm it', async () => {
    const waiting = await api.get<ApplicationPage>(`/api/accounts/${account}/applications?status=waiting`);
    const app = waiting.body.items[0];
    expect(app?.native.lastChangeOrderId).toBeTruthy();
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto(`/accounts/${account}/rollouts/${app?.native.lastChangeOrderId}`);
    await waitForStatus(page, 'waiting');
    const confirm = page.getByTestId('confirm-batch');
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    expect(await page.getByTestId('abort').isDisabled()).toBe(true);
    expect(await page.getByTestId('abort-rollback').isDisabled()).toBe(true);
    expect(await page.content()).toContain('operator');
    await screenshot(page, 'rollout-viewer');
    await context.close();
  });

  it('abort and roll back returns the application to its previous version', async () => {
    const app = await pickRunningApp();
    const previous = app.config.imageUrl;
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await deployFromUi(page, app.id, `${(previous ?? '').replace(/:[^:/]*$/, '')}:e2e-abandoned`, 3);
    await waitForStatus(page, 'waiting');
    await page.getByTestId('abort-rollback').click();
    await page.getByTestId('action-dialog-submit').click();
    await expect
      .poll(
        async () => {
          const detail = await api.get<ApplicationDetail>(`/api/accounts/${account}/applications/${app.id}`);
          return !detail.body.native.lastChangeOrderRunning && detail.body.config.imageUrl;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(previous);
    await page.goto(`/accounts/${account}/applications/${app.id}`);
    await expect
      .poll(() => page.getByTestId('current-version').textContent(), { timeout: 15_000 })
      .toContain(previous?.split(':').pop() ?? '');
    await context.close();
  });

  it('the same deploy and confirm work on an account that answers as the 2019 API', async () => {
    const legacy = 'sae-legacy';
    const app = await pickRunningApp(2, legacy);
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`/accounts/${legacy}/applications/${app.id}`);
    await page.getByTestId('tab-overview').waitFor();
    expect(await page.getByTestId('tab-scaling').count()).toBe(0);
    expect(await page.getByTestId('tab-versions').count()).toBe(0);
    const image = `${(app.config.imageUrl ?? '').replace(/:[^:/]*$/, '')}:e2e-legacy`;
    await deployFromUi(page, app.id, image, 2, legacy);
    await waitForStatus(page, 'waiting');
    await page.getByTestId('confirm-batch').click();
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' });
    await waitForStatus(page, 'succeeded');
    await screenshot(page, 'rollout-legacy-account');
    const after = await api.get<ApplicationDetail>(`/api/accounts/${legacy}/applications/${app.id}`);
    expect(after.body.config.imageUrl).toBe(image);
    await context.close();
  });

  it('a bad signature in the BFF shows the upstream error, not a blank page', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'admin', 'admin-demo-1');
    await page.goto('/accounts/bad-key/applications');
    const panel = page.getByTestId('error-panel');
    await panel.waitFor({ timeout: 20_000 });
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('SignatureDoesNotMatch');
    expect(text).toMatch(/[0-9A-F]{8}-[0-9A-F]{4}/i);
    expect(await page.content()).not.toContain('not-the-right-secret');
    await screenshot(page, 'upstream-error');
    await page.goto('/audit');
    await page.getByRole('table').waitFor();
    await screenshot(page, 'audit');
    await context.close();
  });
});
