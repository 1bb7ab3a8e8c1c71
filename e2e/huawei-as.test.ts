import type { AsGroupPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

const page0 = '/accounts/as-demo/as';

beforeAll(async () => {
  // Thirty simulated seconds a second: an instance joins its group in about a second.
  stack = await startStack({ timeScale: 30, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function groupId(name: string): Promise<string> {
  const page = await api.get<AsGroupPage>(`/api/accounts/as-demo/as/groups?pageSize=100`);
  const found = page.body.items.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name}`);
  return found.id;
}

const row = (page: Page, testId: string, attr: string, value: string) =>
  page.locator(`[data-testid="${testId}"][${attr}="${value}"]`);

describe('Auto Scaling views in the browser', () => {
  it('shows a held instance’s rollout and the cloud’s refusal with its code and RequestId; tags a group; quotas', async () => {
    const web = await groupId('as-group-web');
    const hooked = await groupId('as-group-hooked');
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');

    // --- first, while the seeded instance is still held (at this time scale its hook times out in minutes):
    // it links to its rollout; a hook name the group already has shows the cloud's code and RequestId ---
    await page.goto(`${page0}?group=${hooked}&gtab=hooks`);
    await row(page, 'as-hook-row', 'data-hook', 'install-agent').waitFor();
    await row(page, 'as-hanging-row', 'data-instance', 'b25c1589-c96c-465b-9fef-d06540d1945c').waitFor();
    expect(await page.getByTestId('as-hanging-open').getAttribute('href')).toMatch(
      new RegExp(`/accounts/as-demo/rollouts/${hooked}\\.`),
    );
    await page.getByTestId('as-hook-create').click();
    const hookDialog = page.getByTestId('as-hook-dialog');
    await hookDialog.getByTestId('as-hook-name').fill('install-agent');
    await hookDialog
      .getByTestId('as-hook-urn')
      .fill(await row(page, 'as-hook-row', 'data-hook', 'install-agent').locator('code').first().innerText());
    await hookDialog.getByTestId('as-hook-submit').click();
    const error = hookDialog.getByTestId('error-panel');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain('AS.7041');
    expect(text).toContain('RequestId');
    await hookDialog.getByRole('button', { name: 'Cancel' }).click();
    await hookDialog.waitFor({ state: 'detached' });

    // --- a tag on as-group-web ---
    await page.goto(`${page0}?group=${web}&gtab=tags`);
    await row(page, 'as-tag-row', 'data-key', 'env').waitFor();
    await page.getByTestId('as-tag-add').click();
    const tagDialog = page.getByTestId('as-tag-dialog');
    await tagDialog.getByTestId('as-tag-key').fill('owner');
    await tagDialog.getByTestId('as-tag-value').fill('e2e');
    await tagDialog.getByTestId('as-tag-submit').click();
    await tagDialog.waitFor({ state: 'detached' });
    await row(page, 'as-tag-row', 'data-key', 'owner').and(page.locator('[data-value="e2e"]')).waitFor();

    // --- the project's tags list the new key; the tenant's quotas count the groups ---
    await page.getByTestId('as-tab-tags').click();
    await row(page, 'as-project-tag-row', 'data-key', 'owner').waitFor();
    await page.getByTestId('as-tab-quotas').click();
    const groups = row(page, 'as-quota-row', 'data-type', 'scaling_Group');
    await groups.waitFor();
    expect(Number(await groups.getAttribute('data-used'))).toBeGreaterThanOrEqual(3);
    await row(page, 'as-quota-row', 'data-type', 'scaling_Config').waitFor();
    await screenshot(page, 'huawei-as-quotas');

    await context.close();

    // --- a viewer sees every view, and every change says which role it needs ---
    const viewer = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await viewer.page.goto(`${page0}?group=${web}`);
    await viewer.page.getByTestId('as-instance-row').first().waitFor();
    expect(await viewer.page.getByTestId('as-group-set-desired').getAttribute('title')).toMatch(/operator/);
    expect(await viewer.page.getByTestId('as-instances-add').isDisabled()).toBe(true);
    await viewer.page.getByTestId('as-tab-configs').click();
    expect(await viewer.page.getByTestId('as-config-create').isDisabled()).toBe(true);
    await viewer.context.close();
  });

  it('creates a configuration and a group, scales it, protects an instance, adds and runs a policy', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto('/accounts/as-demo/applications');
    await page.getByTestId('nav-as').click();
    await page.waitForURL(/\/accounts\/as-demo\/as$/);
    await row(page, 'as-group-row', 'data-group', 'as-group-web').waitFor();

    // --- a configuration: flavor, image, one system disk, a key pair ---
    await page.getByTestId('as-tab-configs').click();
    await row(page, 'as-config-row', 'data-config', 'as-config-web').waitFor();
    await page.getByTestId('as-config-create').click();
    const configDialog = page.getByTestId('as-config-dialog');
    await configDialog.waitFor();
    expect(await configDialog.getByTestId('as-config-submit').isDisabled()).toBe(true);
    await configDialog.getByTestId('as-config-name').fill('e2e-config');
    await configDialog.getByTestId('as-config-flavor').fill('s3.medium.2');
    await configDialog.getByTestId('as-config-image').fill('627a1223-2ca3-46a7-8d5f-7aef22c74ee6');
    await configDialog.getByTestId('as-config-keyname').fill('e2e-keypair');
    await configDialog.getByTestId('as-config-submit').click();
    await configDialog.waitFor({ state: 'detached' });
    await row(page, 'as-config-row', 'data-config', 'e2e-config').waitFor();

    // --- a group on it, bounds checked in the form ---
    await page.getByTestId('as-tab-groups').click();
    await page.getByTestId('as-group-create').click();
    const groupDialog = page.getByTestId('as-group-dialog');
    await groupDialog.waitFor();
    await groupDialog.getByTestId('as-group-name').fill('e2e-group');
    await groupDialog.getByTestId('as-group-config').selectOption({ label: 'e2e-config' });
    await groupDialog.getByTestId('as-group-vpc').fill('863ccae2-ee85-4d27-bc5b-3ba2a198a9e2');
    await groupDialog.getByTestId('as-group-subnets').fill('3cd35bca-5a10-416f-8994-f79169559870');
    await groupDialog.getByTestId('as-group-min').fill('0');
    await groupDialog.getByTestId('as-group-max').fill('4');
    await groupDialog.getByTestId('as-group-desired').fill('6');
    expect(await groupDialog.getByTestId('form-problem').textContent()).toContain('between 0 and 4');
    await groupDialog.getByTestId('as-group-desired').fill('');
    await groupDialog.getByTestId('as-group-submit').click();
    await groupDialog.waitFor({ state: 'detached' });
    await page.getByTestId('as-group-detail').waitFor();
    expect(await page.getByTestId('as-group-title').textContent()).toBe('e2e-group');
    await page.getByTestId('as-group-status').and(page.locator('[data-status="running"]')).waitFor();

    // --- desired count 2: the group scales out and the page follows ---
    await page.getByTestId('as-group-set-desired').click();
    await page.getByTestId('as-desired-input').fill('2');
    await page.getByTestId('as-desired-submit').click();
    await page.getByTestId('as-desired-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('as-capacity-desired').textContent(), { timeout: 20_000 })
      .toBe('2');
    await expect
      .poll(() => page.getByTestId('as-capacity-current').textContent(), { timeout: 30_000 })
      .toBe('2');
    await expect
      .poll(() => row(page, 'as-instance-row', 'data-state', 'INSERVICE').count(), { timeout: 30_000 })
      .toBe(2);
    await page.getByTestId('as-scaling-now').waitFor({ state: 'detached', timeout: 30_000 });

    // --- protect one instance in a batch action ---
    expect(await page.getByTestId('as-instances-protect').isDisabled()).toBe(true);
    await page.getByTestId('as-instance-row').first().getByTestId('as-instance-check').check();
    await page.getByTestId('as-instances-protect').click();
    await page.getByTestId('as-instances-submit').click();
    await page.getByTestId('as-instances-dialog').waitFor({ state: 'detached' });
    await row(page, 'as-instance-row', 'data-protected', 'true').waitFor();
    expect(await page.getByTestId('as-instance-protected').count()).toBe(1);

    // --- a scheduled policy (+1), run now ---
    await page.getByTestId('as-gtab-policies').click();
    await page.getByTestId('as-policy-create').click();
    const policyDialog = page.getByTestId('as-policy-dialog');
    await policyDialog.waitFor();
    await policyDialog.getByTestId('as-policy-name').fill('e2e-policy');
    await policyDialog.getByTestId('as-policy-type').selectOption('SCHEDULED');
    await policyDialog.getByTestId('as-policy-launch').fill('2099-06-01T08:00');
    await policyDialog.getByTestId('as-policy-operation').selectOption('ADD');
    await policyDialog.getByTestId('as-policy-amount').fill('1');
    await policyDialog.getByTestId('as-policy-submit').click();
    await policyDialog.waitFor({ state: 'detached' });
    const policy = row(page, 'as-policy-row', 'data-policy', 'e2e-policy');
    await policy.waitFor();
    await screenshot(page, 'huawei-as-policies');
    await policy.getByTestId('as-policy-execute').click();
    await page.getByTestId('as-policy-execute-submit').click();
    await page.getByTestId('as-policy-execute-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('as-capacity-desired').textContent(), { timeout: 20_000 })
      .toBe('3');
    await expect
      .poll(() => page.getByTestId('as-capacity-current').textContent(), { timeout: 30_000 })
      .toBe('3');

    // --- the activities say what happened ---
    await page.getByTestId('as-gtab-activities').click();
    await expect
      .poll(() => page.getByTestId('as-activity-row').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    // The cloud's reason (spelled MANNUAL) in words, as sent in the tooltip.
    const activities = page.getByTestId('as-activities-table');
    expect(await activities.textContent()).toContain('By hand');
    expect(await activities.textContent()).not.toContain('MANNUAL');
    expect(await activities.locator('[title="MANNUAL"]').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('gtab')).toBe('activities');
    await context.close();
  });
});
