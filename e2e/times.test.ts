import { type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ timeScale: 0, webDist: WEB_DIST });
  browser = await launchBrowser();
  // A browser in Shanghai: its local time differs from UTC whatever zone this machine is in.
  context = await browser.newContext({
    baseURL: stack.bff.url,
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill('viewer');
  await page.getByTestId('login-password').fill('viewer-demo-1');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

/** `2026-12-07 20:31:05` of an instant shifted by `offsetHours`. */
const wall = (ms: number, offsetHours: number) =>
  new Date(Math.floor(ms / 1000) * 1000 + offsetHours * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');

describe('times', () => {
  it('shows every time in one format with its zone, local or UTC at the flip of a switch, remembered', async () => {
    const order = stack.sim.sae.waitingOrder();
    if (!order) throw new Error('the demo data has no waiting change order');
    await page.goto(`/accounts/sae-demo/rollouts/${order.ChangeOrderId}`);
    const created = page.getByTestId('rollout-created');
    await created.waitFor();
    // SAE wrote this time as UTC+8 text without a zone; the console shows the same instant, zone named.
    expect(await created.textContent()).toBe(`${wall(order.createdAt, 8)} UTC+08:00`);
    expect(await page.getByTestId('time-zone-switch').inputValue()).toBe('local');

    // A batch that has not run shows no time at all; one that ran, its start and end.
    const steps = page.getByTestId('batch-step');
    const statuses = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toContain('pending');
    expect(statuses).toContain('succeeded');
    for (const [i, status] of statuses.entries()) {
      const text = (await steps.nth(i).getByTestId('batch-times').textContent()) ?? '';
      if (status === 'pending') expect(text, `batch ${i + 1}`).toBe('');
      if (status === 'succeeded') expect(text).toMatch(/^\S+ \S+ UTC\+08:00 → \S+ \S+ UTC\+08:00$/);
    }
    await screenshot(page, 'times-local');

    await page.getByTestId('time-zone-switch').selectOption('utc');
    await expect.poll(() => created.textContent()).toBe(`${wall(order.createdAt, 0)} UTC`);
    const done = steps.and(page.locator('[data-status="succeeded"]')).first();
    expect(await done.getByTestId('batch-times').textContent()).toMatch(/^\S+ \S+ UTC → \S+ \S+ UTC$/);

    // Remembered in this browser: a new page load still shows UTC.
    await page.reload();
    await created.waitFor();
    expect(await created.textContent()).toBe(`${wall(order.createdAt, 0)} UTC`);
    expect(await page.getByTestId('time-zone-switch').inputValue()).toBe('utc');
    await page.getByTestId('time-zone-switch').selectOption('local');
    await expect.poll(() => created.textContent()).toBe(`${wall(order.createdAt, 8)} UTC+08:00`);
  });
});
