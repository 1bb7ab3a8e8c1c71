import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningBff, startBff } from '@console/bff';
import type { ApplicationPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;

const FAST = { sweepWatchedMs: 1_000, sweepIdleMs: 3_000, trackWatchedMs: 500, trackIdleMs: 1_500 };

beforeAll(async () => {
  stack = await startStack({ webDist: WEB_DIST, live: FAST });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const poll = <T>(read: () => Promise<T>, timeout = 15_000) => expect.poll(read, { timeout, interval: 200 });
const rows = (page: Page) => page.getByTestId('inbox-row');
const badge = (page: Page) => page.getByTestId('inbox-count');

async function rowOf(page: Page, product: string) {
  const row = rows(page)
    .and(page.locator(`[data-product="${product}"]`))
    .first();
  await row.waitFor();
  return row;
}

describe('operations center', () => {
  it('shows every account on the overview, each figure matching the list it links to', async () => {
    const { context, page } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto('/');
    await page.getByTestId('overview-account-as-demo').waitFor();
    for (const id of ['sae-demo', 'sae-legacy', 'retail-demo', 'aos-demo', 'as-demo']) {
      await page.getByTestId(`overview-account-${id}`).waitFor();
    }
    await poll(() => page.getByTestId('live-indicator').first().getAttribute('data-state')).toBe('live');
    await screenshot(page, 'overview');
    // Follow each application figure of two accounts to its filtered list: the same number there.
    const figures = page.locator(
      '[data-testid^="overview-sae-demo-status-"], [data-testid^="overview-retail-demo-status-"]',
    );
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(4);
    const links: { href: string; value: number }[] = [];
    for (let i = 0; i < count; i++) {
      const figure = figures.nth(i);
      links.push({
        href: (await figure.getAttribute('href')) ?? '',
        value: Number(await figure.getAttribute('data-value')),
      });
    }
    for (const { href, value } of links) {
      await page.goto(href);
      await poll(() => page.getByTestId('pager-summary').textContent()).toContain(`${value} in all`);
      await poll(() => page.getByTestId('application-row').count()).toBe(Math.min(value, 20));
    }
    // The waiting figure leads to the inbox, where every waiting item is one row.
    await page.goto('/');
    const waiting = Number(await page.getByTestId('overview-waiting-total').getAttribute('data-value'));
    await page.getByTestId('overview-waiting-total').click();
    await page.waitForURL('**/inbox');
    await poll(() => rows(page).count()).toBe(waiting);
    await context.close();
  });

  it('lets an operator act on the four clouds from one inbox: one in place, two together', async () => {
    const { context, page } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto('/inbox');
    await rowOf(page, 'as');
    // One waiting item per cloud (and the 2019 SAE account's), without switching account.
    const products = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-product')));
    expect(new Set(products)).toEqual(new Set(['sae', 'retailcloud', 'aos', 'as']));
    const before = await rows(page).count();
    await poll(() => badge(page).textContent()).toMatch(new RegExp(`^${before}`));
    expect(await page.getByTestId('inbox-timeout').textContent()).toMatch(/ABANDON|CONTINUE/);
    await screenshot(page, 'inbox');
    // The stream pauses while the tab is hidden and comes back (with what it missed) when it shows again.
    const indicator = page.getByTestId('live-indicator').first();
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await poll(() => indicator.getAttribute('data-state')).toBe('paused');
    const streamsWhileHidden: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/events')) streamsWhileHidden.push(r.url());
    });
    await page.waitForTimeout(1_500);
    expect(streamsWhileHidden).toEqual([]);
    await setVisibility('visible');
    await poll(() => indicator.getAttribute('data-state')).toBe('live');

    // In place: continue the held instance.
    const callbacks = stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length;
    await (await rowOf(page, 'as')).getByTestId('inbox-confirm').click();
    expect(await page.getByTestId('inbox-dialog').textContent()).toContain('as-group-hooked');
    await page.getByTestId('inbox-dialog-confirm').click();
    await poll(() => page.getByTestId('inbox-result').count()).toBe(1);
    expect(await page.getByTestId('inbox-result').first().getAttribute('data-status')).toBe('200');
    expect(stack.sim.calls.list({ api: 'CompleteLifecycleAction' }).length - callbacks).toBe(1);
    await poll(() => rows(page).and(page.locator('[data-product="as"]')).count()).toBe(0);

    // Together: the SAE batch and the Retail Cloud pause, ticked and confirmed at once.
    const confirms = await stack.upstreamCalls('ConfirmPipelineBatch');
    const resumes = await stack.upstreamCalls('ResumeDeploy');
    const sae = rows(page).and(page.locator('[data-key^="sae-demo/"]'));
    await sae.getByTestId('inbox-select').check();
    await (await rowOf(page, 'retailcloud')).getByTestId('inbox-select').check();
    await page.getByTestId('inbox-confirm-selected').click();
    await poll(() => page.getByTestId('inbox-dialog-item').count()).toBe(2);
    await page.getByTestId('inbox-dialog-confirm').click();
    await poll(() => page.getByTestId('inbox-result').count()).toBe(2);
    for (const status of await page
      .getByTestId('inbox-result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
      expect(status).toBe('200');
    }
    expect(await stack.upstreamCalls('ConfirmPipelineBatch')).toBe(confirms + 1);
    expect(await stack.upstreamCalls('ResumeDeploy')).toBe(resumes + 1);
    await poll(() => rows(page).and(page.locator('[data-key^="sae-demo/"]')).count()).toBe(0);
    await poll(() => badge(page).textContent()).toMatch(new RegExp(`^${before - 3}`));
    await context.close();
  });

  it('shows a viewer the inbox with every action disabled, saying which role it needs', async () => {
    const { context, page } = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await page.goto('/inbox');
    const row = await rowOf(page, 'aos');
    expect(await row.getByTestId('inbox-select').count()).toBe(0);
    const retry = row.getByTestId('inbox-confirm');
    expect(await retry.isDisabled()).toBe(true);
    expect(await retry.getAttribute('title')).toMatch(/operator/);
    await context.close();
  });
});

/** A free loopback port, so that a restarted console listens where the browser left it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('event stream', () => {
  it('comes back by itself after the console restarts, and a page follows changes without reloading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-live-'));
    const port = await freePort();
    const config = { ...stack.config, port, dataDir: dir, liveCadence: FAST };
    let bff: RunningBff = await startBff(config);
    try {
      const { context, page } = await signIn(browser, bff.url, 'operator', 'operator-demo-1');
      await page.goto('/inbox');
      await rowOf(page, 'aos');
      const indicator = page.getByTestId('live-indicator').first();
      await poll(() => indicator.getAttribute('data-state')).toBe('live');
      await bff.stop();
      await poll(() => indicator.getAttribute('data-state')).toBe('reconnecting');
      bff = await startBff(config);
      // Same session (kept in the database), new server: the stream reconnects and reads everything again.
      await poll(() => indicator.getAttribute('data-state'), 30_000).toBe('live');
      expect(page.url()).toMatch(/\/inbox$/);
      // A change made elsewhere (the cloud's own API) reaches the open page.
      const aos = await rowOf(page, 'aos');
      const key = await aos.getAttribute('data-key');
      const [accountId, rolloutId] = (key ?? '').split('/');
      const api = await fetch(`${bff.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password: 'operator-demo-1' }),
      });
      const cookie = (api.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await api.json()) as { csrfToken: string };
      const retried = await fetch(
        `${bff.url}/api/accounts/${accountId}/rollouts/${encodeURIComponent(rolloutId ?? '')}/confirm`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ batchId: key?.split('/').at(-1), idempotencyKey: 'e2e-restart-retry-1' }),
        },
      );
      expect(retried.status).toBe(200);
      await poll(() => rows(page).and(page.locator('[data-product="aos"]')).count()).toBe(0);
      await context.close();
    } finally {
      await bff.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Opens a wallboard address in a context with no session at all, as a wall screen would. */
async function openScreen(url: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('wall-account-as-demo').waitFor();
  await poll(() => page.getByTestId('wall-live').getAttribute('data-state')).toBe('live');
  // Full size without scrollbars, and nothing to act with.
  const size = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
  ]);
  expect(size).toEqual([width, height]);
  expect(await page.locator('button, input, select, a[href]').count()).toBe(0);
  expect(await page.getByTestId('wall-clock').textContent()).toMatch(/\d\d:\d\d:\d\d .*(GMT|UTC)/);
  await screenshot(page, `wall-${width}`);
  return { context, page };
}

async function createLink(admin: Page, name: string, accounts: string[]): Promise<string> {
  await admin.getByTestId('display-link-create').click();
  await admin.getByTestId('display-link-name').fill(name);
  for (const id of accounts) await admin.getByTestId(`display-link-account-${id}`).check();
  await admin.getByTestId('display-link-submit').click();
  const url = await admin.getByTestId('display-link-url').inputValue();
  await admin.getByTestId('display-link-created-close').click();
  return url;
}

describe('wallboard', () => {
  it('opens with a display link at 1920×1080 and 3840×2160 without signing in, offers no action, and says revoked', async () => {
    const { context: adminContext, page: admin } = await signIn(
      browser,
      stack.bff.url,
      'admin',
      'admin-demo-1',
    );
    await admin.goto('/admin/display-links');
    // The 2019 SAE account's batch is left waiting by the tests above.
    const url = await createLink(admin, 'Operations wall', ['sae-demo', 'sae-legacy', 'aos-demo', 'as-demo']);
    expect(url).toMatch(/\/wall\?views=overview%2Cinbox#display=dl_/);
    await admin.getByTestId('display-link-row').first().waitFor();
    expect(await admin.getByTestId('display-link-row').first().getAttribute('data-state')).toBe('active');

    const hd = await openScreen(url, 1920, 1080);
    // Only the accounts the link names, with what waits there.
    expect(await hd.page.getByTestId('wall-account-retail-demo').count()).toBe(0);
    expect(await hd.page.getByTestId('wall-inbox-item').count()).toBeGreaterThan(0);
    // The admin sees when it was last used, then revokes it: the screen says so within seconds.
    await admin.reload();
    await poll(() => admin.getByTestId('display-link-last-used').first().textContent()).not.toMatch(/Never/);
    await admin.getByTestId('display-link-revoke').first().click();
    await admin.getByTestId('display-link-revoke-confirm').click();
    await hd.page.getByTestId('wall-refused').waitFor({ timeout: 15_000 });
    expect(await hd.page.getByTestId('wall-refused').getAttribute('data-state')).toBe('revoked');
    await hd.context.close();

    // The big screen also charts two chosen applications (named in its address).
    const api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
    const sae = (await api.get<ApplicationPage>('/api/accounts/sae-demo/applications?status=running')).body
      .items[0];
    const group = (await api.get<ApplicationPage>('/api/accounts/as-demo/applications')).body.items[0];
    const [address, fragment] = (await createLink(admin, 'Big screen', ['as-demo', 'sae-demo'])).split('#');
    const withApps = `${address}&apps=${encodeURIComponent(`sae-demo/${sae?.id},as-demo/${group?.id}`)}#${fragment}`;
    const uhd = await openScreen(withApps, 3840, 2160);
    await poll(() => uhd.page.getByTestId('wall-app').count()).toBe(2);
    expect(await uhd.page.getByTestId('wall-apps').textContent()).toContain(sae?.name ?? '?');
    await screenshot(uhd.page, 'wall-3840');
    await uhd.context.close();
    await adminContext.close();
  });
});
