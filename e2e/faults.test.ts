import { type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureUpstream, type UpstreamPolicy } from '../apps/bff/src/upstream/policy';
import { formatTime } from '../apps/web/src/lib/format';
import { launchBrowser, screenshot, signIn } from './support/browser';

/**
 * The console in Chromium while the embedded cloud fails: data already fetched stays on screen,
 * marked stale with the time it was fetched, instead of blanking; what was never fetched shows the
 * cloud's own error; the mark goes away once the cloud answers again.
 */

let stack: Stack;
let browser: Browser;
let previousPolicy: UpstreamPolicy;

beforeAll(async () => {
  // Quick retries, and a circuit that stays closed: every failure here is the cloud's own answer.
  previousPolicy = configureUpstream({
    backoffMs: 10,
    maxBackoffMs: 40,
    readBudgetMs: 3_000,
    circuitThreshold: 1_000,
  });
  stack = await startStack({ webDist: WEB_DIST });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  configureUpstream(previousPolicy);
});

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Makes the page refresh what it shows, the way coming back to the tab does: the list's data is
 * older than its five seconds of freshness by then.
 */
async function refresh(page: Page): Promise<void> {
  await pause(5_500);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

const rows = (page: Page) => page.getByTestId('application-row');
const marker = (page: Page) => page.getByTestId('stale-marker');

describe('faults in the browser', () => {
  it('keeps the applications list on screen, marked stale with its fetch time, until the cloud is back', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    const before = Date.now();
    await page.goto('/accounts/sae-demo/applications');
    await rows(page).first().waitFor();
    const after = Date.now();
    const shown = await rows(page).count();
    expect(shown).toBeGreaterThan(0);
    expect(await marker(page).count()).toBe(0);

    stack.sim.faults.add({ product: 'sae', kind: 'error', status: 503 });
    const failedBefore = stack.sim.calls.list({ api: 'ListApplications' }).length;
    await refresh(page);
    await marker(page).waitFor({ timeout: 15_000 });
    // The refresh really went to the cloud and failed there.
    expect(
      stack.sim.calls
        .list({ api: 'ListApplications' })
        .slice(failedBefore)
        .map((c) => c.code),
    ).toContain('ServiceUnavailable');
    expect(await rows(page).count()).toBe(shown);
    expect(await page.getByTestId('error-panel').count()).toBe(0);
    const fetchedAt = Date.parse((await marker(page).getAttribute('data-fetched-at')) ?? '');
    expect(fetchedAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(fetchedAt).toBeLessThanOrEqual(after);
    // The browser and this process share the machine's zone: the console's one format, local time.
    expect(await marker(page).textContent()).toContain(`fetched at ${formatTime(fetchedAt, 'local')}`);
    await screenshot(page, 'faults-stale-list');

    // A fresh page load gets the same last good data from the console, marked the same way.
    await page.reload();
    await marker(page).waitFor({ timeout: 15_000 });
    expect(await rows(page).count()).toBe(shown);
    expect(await marker(page).getAttribute('data-fetched-at')).toBe(new Date(fetchedAt).toISOString());

    // What was never fetched has no last good copy: the regular error, with the cloud's code and RequestId.
    await rows(page).first().locator('a').first().click();
    const panel = page.getByTestId('error-panel').first();
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('ServiceUnavailable');
    expect(await panel.textContent()).toMatch(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/);
    await page.goBack();
    await marker(page).waitFor({ timeout: 15_000 });

    stack.sim.faults.clear();
    await refresh(page);
    await expect.poll(() => marker(page).count(), { timeout: 15_000 }).toBe(0);
    expect(await rows(page).count()).toBe(shown);
    await context.close();
  });
});
