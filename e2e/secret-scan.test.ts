import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { demoUsers, type RunningBff, startBff } from '@console/bff';
import { type RunningCloudSim, startCloudSim } from '@console/cloudsim';
import type { ApplicationPage } from '@console/contract';
import {
  ConsoleClient,
  TEST_ALIYUN_KEY,
  TEST_ALIYUN_LEGACY_KEY,
  TEST_CREDENTIALS_KEY,
  WEB_DIST,
} from '@console/testkit';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../apps/bff/src/logger';
import { launchBrowser, signIn } from './support/browser';

/**
 * Walks the console in a browser over every demo account while recording every response (headers
 * and bodies), then searches those, the built SPA and the BFF's log output for every configured
 * secret: cloud keys, the Huawei SK and IAM password, user passwords, and (in the logs) the session
 * and CSRF tokens.
 */

let sim: RunningCloudSim;
let bff: RunningBff;
let browser: Browser;
const logLines: string[] = [];

interface Recorded {
  url: string;
  text: string;
}
const recorded: Recorded[] = [];
let bodiesUnreadable = 0;

beforeAll(async () => {
  sim = await startCloudSim({
    port: 0,
    host: '127.0.0.1',
    aliyun: TEST_ALIYUN_KEY,
    aliyunLegacy: TEST_ALIYUN_LEGACY_KEY,
    timeScale: 30,
  });
  const aliyun = (id: string, name: string, product: 'sae' | 'retailcloud', key: typeof TEST_ALIYUN_KEY) => ({
    id,
    name,
    product,
    regionId: product === 'sae' ? 'cn-hangzhou' : 'cn-zhangjiakou',
    endpoint: sim.url,
    profile: id === 'sae-legacy' ? ('2019' as const) : ('2022' as const),
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    embedded: true,
  });
  const huawei = (id: string, name: string, product: 'aos' | 'as', auth: unknown) => ({
    id,
    name,
    product,
    regionId: sim.huawei.region,
    endpoint: sim.url,
    iamEndpoint: sim.url,
    projectId: sim.huawei.projectId,
    auth,
    embedded: true,
  });
  bff = await startBff(
    {
      host: '127.0.0.1',
      port: 0,
      accounts: [
        aliyun('sae-demo', 'SAE', 'sae', TEST_ALIYUN_KEY),
        aliyun('sae-legacy', 'SAE 2019', 'sae', TEST_ALIYUN_LEGACY_KEY),
        aliyun('retail-demo', 'Retail Cloud', 'retailcloud', TEST_ALIYUN_KEY),
        // One Huawei account signs with an IAM token (password), the other with AK/SK.
        huawei('aos-demo', 'Huawei AOS', 'aos', {
          kind: 'token',
          domain: sim.huawei.domain,
          user: sim.huawei.user,
          password: sim.huawei.password,
        }),
        huawei('as-demo', 'Huawei AS', 'as', { kind: 'aksk', ak: sim.huawei.ak, sk: sim.huawei.sk }),
      ] as Parameters<typeof startBff>[0]['accounts'],
      users: demoUsers,
      sessionTtlMs: 3_600_000,
      cookieSecure: false,
      trustProxy: false,
      webDist: WEB_DIST,
      logLevel: 'trace',
      usageSampleSeconds: 5,
      upstreamReadCacheMs: 0,
      credentialsKey: TEST_CREDENTIALS_KEY,
    },
    { logger: createLogger('trace', { write: (line: string) => void logLines.push(line) }) },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await bff?.stop();
  await sim?.close();
});

/** What an event stream sends in its first two seconds, asked with the page's cookies. */
async function firstSeconds(page: Page, url: string): Promise<string> {
  const cookie = (await page.context().cookies(url)).map((c) => `${c.name}=${c.value}`).join('; ');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 2_000);
  let text = '';
  try {
    const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    // Aborted after two seconds: what came so far is the answer.
  } finally {
    clearTimeout(timer);
  }
  return text;
}

function record(page: Page, pending: Promise<void>[]): void {
  page.on('response', (response: Response) => {
    pending.push(
      (async () => {
        const headers = await response.allHeaders();
        let body = '';
        if ((headers['content-type'] ?? '').startsWith('text/event-stream')) {
          // An event stream never ends: what it sends in its first seconds (every account's live state) is
          // read on a stream of its own with the page's session.
          recorded.push({
            url: response.url(),
            text: `${JSON.stringify(headers)}\n${await firstSeconds(page, response.url())}`,
          });
          return;
        }
        try {
          body = (await response.body()).toString('utf8');
        } catch {
          // Redirects and responses of a page that navigated on have no body to read: a GET is asked again
          // with the page's own session, so that its body is searched all the same.
          const request = response.request();
          const again =
            request.method() === 'GET'
              ? await page
                  .context()
                  .request.get(response.url())
                  .then((r) => r.text())
                  .catch(() => undefined)
              : undefined;
          if (again === undefined) bodiesUnreadable++;
          else body = again;
        }
        recorded.push({ url: response.url(), text: `${JSON.stringify(headers)}\n${body}` });
      })(),
    );
  });
}

/** Lets a page finish its first requests; live views keep polling and streaming, so idle never comes. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1, h1').first().waitFor({ timeout: 30_000 });
  // The event stream stays open, so the network is never idle: wait until answers stop coming instead.
  const deadline = Date.now() + 5_000;
  let seen = recorded.length;
  for (;;) {
    await page.waitForTimeout(400);
    if (recorded.length === seen || Date.now() > deadline) break;
    seen = recorded.length;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A secret as it could appear: as is, URL-encoded, base64, JSON-escaped. */
function forms(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ];
}

function hits(corpus: { where: string; text: string }[], secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of forms(secret)) {
      for (const { where, text } of corpus) if (text.includes(form)) found.push(`${name} in ${where}`);
    }
  }
  return found;
}

describe('secrets never leak', () => {
  it('appear in no response of a browser walk, no built SPA file and no log line', async () => {
    const pending: Promise<void>[] = [];
    const sessionTokens: string[] = [];
    const csrfTokens: string[] = [];
    const api = await ConsoleClient.login(bff.url, 'admin', 'admin-demo-1');
    csrfTokens.push(api.csrfToken);

    for (const user of demoUsers) {
      const { page, context } = await signIn(browser, bff.url, user.username, user.password);
      record(page, pending);
      await page.goto('/');
      const visit = async (path: string) => {
        await page.goto(path);
        await settle(page);
      };
      for (const accountId of ['sae-demo', 'sae-legacy', 'retail-demo', 'aos-demo', 'as-demo']) {
        await visit(`/accounts/${accountId}/applications`);
        const list = await api.get<ApplicationPage>(`/api/accounts/${accountId}/applications?pageSize=20`);
        expect(list.status).toBe(200);
        const app = list.body.items.find((a) => a.native.lastChangeOrderId) ?? list.body.items[0];
        if (!app) throw new Error(`the demo data of ${accountId} has no application`);
        await visit(`/accounts/${accountId}/applications/${encodeURIComponent(app.id)}`);
        const rollout = app.native.lastChangeOrderId;
        if (rollout) await visit(`/accounts/${accountId}/rollouts/${encodeURIComponent(String(rollout))}`);
      }
      await visit('/');
      await visit('/inbox');
      await visit('/accounts/sae-demo/namespaces');
      await visit('/accounts/retail-demo/retailcloud/apps');
      await visit('/accounts/retail-demo/retailcloud/cluster');
      await visit('/accounts/as-demo/as');
      await visit('/accounts/aos-demo/aos');
      if (user.role === 'admin') {
        await visit('/audit');
        // The CSV download, through the browser's own session.
        const csv = await page.evaluate(async () => (await fetch('/api/audit/export')).text());
        recorded.push({ url: '/api/audit/export (download)', text: csv });
      }
      const cookies = await context.cookies();
      sessionTokens.push(...cookies.filter((c) => c.name === 'console_session').map((c) => c.value));
      csrfTokens.push(
        await page.evaluate(
          async () => ((await (await fetch('/api/session')).json()) as { csrfToken: string }).csrfToken,
        ),
      );
      await context.close();
    }
    await Promise.all(pending);

    const secrets: Record<string, string> = {
      'SAE AccessKey secret': TEST_ALIYUN_KEY.accessKeySecret,
      'SAE 2019 AccessKey secret': TEST_ALIYUN_LEGACY_KEY.accessKeySecret,
      'Huawei SK': sim.huawei.sk,
      'Huawei IAM password': sim.huawei.password,
      'credentials encryption key': TEST_CREDENTIALS_KEY,
      ...Object.fromEntries(demoUsers.map((u) => [`password of ${u.username}`, u.password])),
    };
    const responses = recorded.map((r) => ({ where: r.url, text: r.text }));
    const files = filesUnder(WEB_DIST).map((path) => ({
      where: relative(WEB_DIST, path),
      text: readFileSync(path, 'utf8'),
    }));
    const logs = logLines.map((line, i) => ({ where: `log line ${i + 1}`, text: line }));
    const sessionSecrets = Object.fromEntries([
      ...sessionTokens.map((t, i) => [`session token ${i + 1}`, t]),
      ...csrfTokens.map((t, i) => [`CSRF token ${i + 1}`, t]),
    ]);

    const found = [
      ...hits(responses, secrets),
      ...hits(files, { ...secrets, ...sessionSecrets }),
      ...hits(logs, { ...secrets, ...sessionSecrets }),
    ];
    expect(sessionTokens).toHaveLength(demoUsers.length);
    expect(recorded.length).toBeGreaterThan(100);
    expect(recorded.filter((r) => r.url.includes('/api/')).length).toBeGreaterThan(50);
    expect(files.length).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(50);
    // The logs did see the walk: the upstream calls and the requests are there, only without secrets.
    expect(logLines.some((l) => l.includes('/api/accounts/as-demo'))).toBe(true);
    // The search itself finds a secret where there is one, in any of its forms.
    const probe = TEST_ALIYUN_KEY.accessKeySecret;
    for (const form of forms(probe)) {
      expect(hits([{ where: 'probe', text: `…${form}…` }], { probe })).toEqual(['probe in probe']);
    }
    expect(found).toEqual([]);
    console.log(
      `secret scan hits: ${found.length} over ${recorded.length} responses, ${files.length} files, ${logLines.length} log lines (${Object.keys(secrets).length + Object.keys(sessionSecrets).length} secrets, ${bodiesUnreadable} bodies unreadable)`,
    );
    // Every page of every role, each waiting until its answers stop: longer than a single page's test.
  }, 240_000);

  it('serves a built SPA without inline scripts, under a CSP that allows none', async () => {
    const index = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(content?.trim()).toBe('');
    }
    expect(index).not.toMatch(/\son[a-z]+=/i);
    const response = await fetch(`${bff.url}/`);
    expect(await response.text()).toBe(index);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the audit page', () => {
  it('keeps the account and time filters in the URL and downloads the filtered records as CSV', async () => {
    const { page, context } = await signIn(browser, bff.url, 'admin', 'admin-demo-1');
    await page.goto('/audit');
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-account').selectOption('sae-demo');
    await page.waitForURL(/accountId=sae-demo/);
    await page.getByTestId('audit-from').fill('2020-01-01T00:00');
    await page.waitForURL(/from=2019-12-3|from=2020-01-01/);
    const href = (await page.getByTestId('audit-export').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/audit\/export\?/);
    expect(href).toContain('accountId=sae-demo');
    expect(href).not.toContain('page=');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '"id","at","username","role","action","accountId","resource","batchId","decision","outcome","upstreamRequestId","detail"',
    );
    await context.close();
  });
});
