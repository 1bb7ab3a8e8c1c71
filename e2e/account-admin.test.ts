import type { AccountAdminView } from '@console/contract';
import { ConsoleClient, type Stack, startStack, TEST_ALIYUN_KEY, WEB_DIST } from '@console/testkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ webDist: WEB_DIST });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('cloud accounts page in the browser', () => {
  it('an admin adds an SAE account; it is in the account switcher and its applications load', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'admin', 'admin-demo-1');
    const answers: string[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/api/')) return;
      void response
        .text()
        .then((text) => answers.push(`${JSON.stringify(response.headers())}\n${text}`))
        .catch(() => undefined);
    });

    await page.getByTestId('nav-accounts-admin').click();
    await page.waitForURL('**/admin/accounts');
    await page.locator('[data-testid="account-row"][data-account="sae-demo"]').waitFor();
    expect(await page.locator('[data-testid="account-row"][data-origin="configuration"]').count()).toBe(5);
    expect(await page.getByTestId('account-vault').textContent()).toMatch(/[0-9a-f]{12}/);
    // A configured account is changed in the configuration: its actions say so.
    const configuredRow = page.locator('[data-testid="account-row"][data-account="sae-demo"]');
    expect(await configuredRow.getByTestId('account-delete').getAttribute('title')).toMatch(/configuration/);

    await page.getByTestId('account-add').click();
    const dialog = page.getByTestId('account-add-dialog');
    await dialog.waitFor();
    await page.getByTestId('account-product').selectOption('sae');
    await page.getByTestId('account-id').fill('sae-browser');
    await page.getByTestId('account-name').fill('Browser SAE');
    // The endpoint is picked from what the configuration allows, never typed.
    expect(await page.getByTestId('account-endpoint').evaluate((e) => e.tagName)).toBe('SELECT');
    await page.getByTestId('account-endpoint').selectOption(stack.sim.url);
    const id = page.getByTestId('account-cred-accessKeyId');
    const secret = page.getByTestId('account-cred-accessKeySecret');
    expect(await id.getAttribute('type')).toBe('password');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await page.getByTestId('account-add-submit').isDisabled()).toBe(true);
    await id.fill(TEST_ALIYUN_KEY.accessKeyId);
    await secret.fill(TEST_ALIYUN_KEY.accessKeySecret);
    await screenshot(page, 'account-admin-add');
    await page.getByTestId('account-add-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid="account-row"][data-account="sae-browser"]');
    await row.waitFor();
    expect(await row.getAttribute('data-origin')).toBe('stored');
    expect(await row.textContent()).toContain(TEST_ALIYUN_KEY.accessKeyId.slice(-4));
    expect(await page.locator('body').textContent()).not.toContain(TEST_ALIYUN_KEY.accessKeySecret);

    // Replacing credentials starts from empty fields: nothing is ever filled in from the server.
    await row.getByTestId('account-replace').click();
    await page.getByTestId('account-replace-dialog').waitFor();
    expect(await page.getByTestId('account-cred-accessKeySecret').inputValue()).toBe('');
    expect(await page.getByTestId('account-cred-accessKeyId').inputValue()).toBe('');
    await page.getByTestId('account-replace-dialog').getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'account-admin-list');

    // The account switcher has it at once; its applications come from the simulator.
    const switcher = page.getByTestId('account-switch');
    await page.waitForFunction(
      () => !!document.querySelector('[data-testid="account-switch"] option[value="sae-browser"]'),
    );
    await switcher.selectOption('sae-browser');
    await page.waitForURL('**/accounts/sae-browser/applications');
    await page.getByTestId('application-row').first().waitFor();
    expect(await page.getByTestId('application-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'account-admin-applications');

    // Deleted after its name is typed: gone from the switcher too.
    await page.getByTestId('nav-accounts-admin').click();
    await row.getByTestId('account-delete').click();
    const confirm = page.getByTestId('account-delete-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('account-delete-name').fill('Browser SAE');
    await confirm.click();
    await row.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="account-switch"] option[value="sae-browser"]'),
    );

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.join('\n')).not.toContain(TEST_ALIYUN_KEY.accessKeySecret);
    await context.close();

    const api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
    const view = (await api.get<AccountAdminView>('/api/admin/accounts')).body;
    expect(view.accounts.map((a) => a.id)).not.toContain('sae-browser');
  });

  it('a viewer has no accounts or audit page: no link, the address says it needs the admin role, nothing is requested', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.getByTestId('account-switch').waitFor();
    expect(await page.getByTestId('nav-accounts-admin').count()).toBe(0);
    const adminCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/admin') || r.url().includes('/api/audit'))
        adminCalls.push(r.url());
    });
    for (const path of ['/admin/accounts', '/audit']) {
      await page.goto(path);
      await page.getByTestId('role-required').waitFor();
      expect(await page.getByTestId('role-required').textContent()).toMatch(/admin/);
      expect(await page.getByTestId('account-table').count()).toBe(0);
      expect(await page.getByTestId('account-add').count()).toBe(0);
    }
    // The page was never loaded, so nothing asked the console for admin data.
    expect(adminCalls).toEqual([]);
    // The console refuses it on its own all the same.
    const refused = await page.evaluate(async () => (await fetch('/api/admin/accounts')).status);
    expect(refused).toBe(403);
    await context.close();
  });
});
