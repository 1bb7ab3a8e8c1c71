import type { AosStackCreated, AosStackDetail, AosTemplateWritten } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

const aos = '/api/accounts/aos-demo/aos';
const page0 = '/accounts/aos-demo/aos';

/** A web tier on CCE: a config map and a deployment whose image, size and tier are inputs. */
const blueprint = (name: string) => `tosca_definitions_version: cloud_tosca_version_1_0
description: ${name}##${name}
inputs:
  image:
    type: string
    default: swr.cn-north-4.myhuaweicloud.com/library/${name}:1.0
    description: 容器镜像##Container image
  replicas:
    type: integer
    default: 2
    description: 实例数##Instances
    constraints:
      in_range: [1, 10]
  db-password:
    type: password
    default: Shop@2024pass
  tier:
    type: enum
    default: web
    constraints:
      valid_values: [web, api]
node_templates:
  ${name}-config:
    type: Cloud.CCE.ConfigMap
    properties:
      name: ${name}-config
      data:
        tier: {get_input: tier}
  ${name}-app:
    type: Cloud.CCE.Deployment
    properties:
      name: ${name}
      image: {get_input: image}
      instances: {get_input: replicas}
      password: {get_input: db-password}
    requirements:
      - configMap:
          node: ${name}-config
outputs:
  web_ips:
    value: {get_attribute: [${name}-app, ips]}
    description: pod IPs
  web_tier:
    value: {get_input: tier}
    description: tier
`;

beforeAll(async () => {
  stack = await startStack({ timeScale: 30, webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A template and a stack made from it through the console API; waits until the stack runs if installed. */
async function stackFromApi(
  name: string,
  autoCreate: boolean,
): Promise<{ templateId: string; stackId: string }> {
  const template = await api.post<AosTemplateWritten>(`${aos}/templates`, {
    name,
    version: '1.0.0',
    content: blueprint(name),
  });
  expect(template.status).toBe(200);
  const created = await api.post<AosStackCreated>(`${aos}/stacks`, {
    name: `${name}-stack`,
    templateId: template.body.id,
    autoCreate,
  });
  expect(created.status).toBe(200);
  if (autoCreate)
    await expect
      .poll(async () => (await api.get<AosStackDetail>(`${aos}/stacks/${created.body.id}`)).body.status, {
        timeout: 30_000,
      })
      .toBe('Running');
  return { templateId: template.body.id, stackId: created.body.id };
}

const phase = (page: Page, value: string) =>
  page.locator(`[data-testid="aos-stack-phase"][data-phase="${value}"]`);
const status = (page: Page, value: string) =>
  page.locator(`[data-testid="aos-stack-status"][data-status="${value}"]`);

describe('Huawei AOS stacks and templates in the browser', () => {
  it('uploads a template from the page, shows its inputs, creates a stack with inputs and watches it run', async () => {
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`${page0}?tab=templates`);
    await page.getByTestId('aos-template-row').first().waitFor();
    expect(await page.getByTestId('aos-content-range').textContent()).toMatch(/items 0-3\/4/);

    // --- upload: the file is read in the browser, the name comes from it ---
    await page.getByTestId('aos-template-upload').click();
    const upload = page.getByTestId('aos-upload-dialog');
    await upload.waitFor();
    expect(await upload.getByTestId('aos-upload-submit').isDisabled()).toBe(true);
    await upload.getByTestId('aos-template-file').setInputFiles({
      name: 'shop-web.yaml',
      mimeType: 'application/x-yaml',
      buffer: Buffer.from(blueprint('shop-web')),
    });
    await expect.poll(() => upload.getByTestId('aos-upload-name').inputValue()).toBe('shop-web');
    expect(await upload.getByTestId('aos-template-content').inputValue()).toContain('node_templates:');
    await upload.getByTestId('aos-upload-description').fill('shop web tier');
    await upload.getByTestId('aos-upload-submit').click();
    await upload.waitFor({ state: 'detached' });
    await page.waitForURL(/template=[0-9a-f-]{36}/);
    await page.getByTestId('aos-template-input-row').first().waitFor();
    expect(await page.getByTestId('aos-template-input-row').count()).toBe(4);
    const replicas = page.locator('[data-testid="aos-template-input-row"][data-input="replicas"]');
    expect(await replicas.textContent()).toContain('integer');
    expect(await replicas.textContent()).toContain('between 1 and 10');
    expect(await replicas.getByTestId('aos-template-input-default').textContent()).toBe('2');
    expect(await page.locator('[data-input="image"]').textContent()).toContain('Container image');
    expect(await page.locator('[data-input="db-password"]').textContent()).not.toContain('Shop@2024pass');
    await page.getByTestId('aos-template-show-content').click();
    expect(await page.getByTestId('aos-template-file-content').textContent()).toContain('shop-web-app:');

    // --- a stack from it: the form is the template's inputs, with their defaults ---
    await page.getByTestId('aos-template-create-stack').click();
    const create = page.getByTestId('aos-create-stack-dialog');
    await create.getByTestId('aos-input-replicas').waitFor();
    expect(await create.getByTestId('aos-input-replicas').inputValue()).toBe('2');
    expect(await create.getByTestId('aos-input-db-password').getAttribute('type')).toBe('password');
    await create.getByTestId('aos-create-stack-name').fill('shop-prod');
    await create.getByTestId('aos-input-replicas').fill('12');
    expect(await create.getByTestId('form-problem').textContent()).toMatch(/replicas/);
    await create.getByTestId('aos-input-replicas').fill('3');
    await create.getByTestId('aos-input-tier').selectOption('api');
    expect(await create.getByTestId('aos-create-stack-auto').isChecked()).toBe(true);
    await screenshot(page, 'huawei-aos-create-stack');
    await create.getByTestId('aos-create-stack-submit').click();
    await create.waitFor({ state: 'detached' });
    await page.waitForURL(/stack=[0-9a-f-]{36}/);
    const stackId = new URL(page.url()).searchParams.get('stack') as string;
    await status(page, 'running').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('aos-stack-app-link').getAttribute('href')).toBe(
      `/accounts/aos-demo/applications/${stackId}`,
    );
    expect(await page.getByTestId('aos-stack-rollout-link').getAttribute('href')).toMatch(
      new RegExp(`^/accounts/aos-demo/rollouts/${stackId}\\.shop-prod-\\d+$`),
    );

    // --- its elements, outputs and inputs ---
    await page.locator('[data-testid="aos-element-row"][data-phase="Succeeded"]').nth(1).waitFor();
    expect(await page.getByTestId('aos-element-row').count()).toBe(2);
    await page.locator('[data-element="shop-web-app"]').getByTestId('aos-element-open').click();
    await page.getByTestId('aos-element-instance').nth(2).waitFor();
    expect(await page.getByTestId('aos-element-instance').count()).toBe(3);
    expect(await page.getByTestId('aos-element-properties').textContent()).toContain('"instances": 3');
    await page.getByTestId('aos-stack-tab-outputs').click();
    const ips = page.locator('[data-output="web_ips"]').getByTestId('aos-output-value');
    await ips.waitFor();
    expect((await ips.textContent())?.split(',')).toHaveLength(3);
    expect(await page.locator('[data-output="web_tier"]').getByTestId('aos-output-value').textContent()).toBe(
      'api',
    );
    await page.getByTestId('aos-stack-tab-inputs').click();
    await page.locator('[data-testid="aos-stack-input-row"][data-input="db-password"]').waitFor();
    expect(await page.locator('[data-input="db-password"]').textContent()).toContain('*****');
    expect(await page.locator('[data-input="tier"]').textContent()).toContain('api');
    expect(await page.locator('body').textContent()).not.toContain('Shop@2024pass');
    await screenshot(page, 'huawei-aos-stack');
    await context.close();
  });

  it('upgrades a stack with the failure marker, watches the execution fail, retries it and sees the history', async () => {
    const { stackId } = await stackFromApi('cart', true);
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`${page0}?stack=${stackId}`);
    await status(page, 'running').waitFor();
    expect(await page.getByTestId('aos-stack-retry').isDisabled()).toBe(true);

    // --- upgrade: prefilled with the stack's inputs, only the change is sent ---
    await page.getByTestId('aos-stack-upgrade').click();
    const upgrade = page.getByTestId('aos-upgrade-dialog');
    await upgrade.getByTestId('aos-input-image').waitFor();
    expect(await upgrade.getByTestId('aos-input-image').inputValue()).toBe(
      'swr.cn-north-4.myhuaweicloud.com/library/cart:1.0',
    );
    expect(await upgrade.getByTestId('aos-input-db-password').inputValue()).toBe('');
    expect(await upgrade.getByTestId('aos-upgrade-submit').isDisabled()).toBe(true);
    await upgrade.getByTestId('aos-input-image').fill('fail');
    expect(await upgrade.getByTestId('aos-upgrade-changes').textContent()).toContain('image');
    await upgrade.getByTestId('aos-upgrade-submit').click();
    await upgrade.waitFor({ state: 'detached' });
    const started = page.getByTestId('aos-started-rollout');
    await started.waitFor();
    expect(await started.getAttribute('href')).toMatch(new RegExp(`/rollouts/${stackId}\\.cart-stack-\\d+$`));
    await phase(page, 'UpgradeFailed').waitFor({ timeout: 30_000 });
    await status(page, 'failed').waitFor();
    expect(await page.getByTestId('aos-last-execution').textContent()).toMatch(/cart-app/);
    await screenshot(page, 'huawei-aos-upgrade-failed');

    // --- retry from the stack page ---
    await page.getByTestId('aos-stack-retry').click();
    const retry = page.getByTestId('aos-retry-dialog');
    expect(await retry.textContent()).toContain('upgrade');
    await retry.getByTestId('aos-retry-submit').click();
    await retry.waitFor({ state: 'detached' });
    await phase(page, 'UpgradeSucceeded').waitFor({ timeout: 30_000 });
    await status(page, 'running').waitFor();
    expect(await page.getByTestId('aos-stack-retry').isDisabled()).toBe(true);
    expect(await page.getByTestId('aos-stack-rollback').isDisabled()).toBe(false);

    // --- the execution history: create, the failed upgrade, the retry ---
    await page.getByTestId('aos-stack-tab-executions').click();
    await page
      .locator('[data-testid="aos-execution-row"][data-action="retry"][data-phase="Succeeded"]')
      .waitFor();
    const rows = page.getByTestId('aos-execution-row');
    const actions = await rows.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-action')}:${e.getAttribute('data-phase')}`),
    );
    expect(actions).toEqual(['retry:Succeeded', 'upgrade:Failed', 'create:Succeeded']);
    const failed = page.locator('[data-testid="aos-execution-row"][data-action="upgrade"]');
    expect(await failed.textContent()).toMatch(/cart-app/);
    await failed.getByTestId('aos-execution-open').click();
    const detail = page.getByTestId('aos-execution-detail');
    await detail.locator('[data-testid="aos-execution-step"][data-phase="Failed"]').waitFor();
    expect(await detail.getByTestId('aos-execution-changed').textContent()).toContain('"image": "fail"');
    expect(await page.getByTestId('aos-execution-message').textContent()).toMatch(/cart-app/);
    expect(new URL(page.url()).searchParams.get('view')).toBe('executions');
    expect(new URL(page.url()).searchParams.get('execution')).toMatch(/^cart-stack-\d+$/);

    // The failed execution is the console's rollout of it.
    const href = (await failed.getByTestId('aos-execution-rollout').getAttribute('href')) as string;
    expect(href).toMatch(new RegExp(`^/accounts/aos-demo/rollouts/${stackId}\\.cart-stack-\\d+$`));
    await failed.getByTestId('aos-execution-rollout').click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByTestId('rollout-status').waitFor();
    await context.close();
  });

  it('shows the cloud’s refusal of a used template’s delete, and deletes a stack once its name is typed', async () => {
    const { templateId, stackId } = await stackFromApi('queue', false);

    // A viewer sees every action and which role it needs.
    const viewer = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await viewer.page.goto(`${page0}?stack=${stackId}`);
    await viewer.page.getByTestId('aos-stack-status').waitFor();
    expect(await viewer.page.getByTestId('aos-stack-delete').getAttribute('title')).toMatch(/operator/);
    expect(await viewer.page.getByTestId('aos-stack-install').isDisabled()).toBe(true);
    await viewer.context.close();

    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(`${page0}?tab=templates&template=${templateId}`);
    await page.getByTestId('aos-template-info').waitFor();
    expect(await page.getByTestId('aos-template-used').textContent()).toBe('Yes');
    await page.getByTestId('aos-template-delete').click();
    const refuse = page.getByTestId('aos-delete-template-dialog');
    await refuse.getByTestId('aos-template-used-warning').waitFor();
    await refuse.getByTestId('aos-delete-template-submit').click();
    await refuse.getByTestId('error-panel').waitFor();
    expect(await refuse.getByTestId('error-panel').textContent()).toContain('SVCSTG.AOS.4091010');
    await screenshot(page, 'huawei-aos-template-in-use');
    await page.keyboard.press('Escape');
    await refuse.waitFor({ state: 'detached' });

    // The stack from the template: recorded only (Pending), deleted with its name typed out.
    await page.getByTestId('aos-tab-stacks').click();
    const row = page.locator(`[data-testid="aos-stack-row"][data-stack="${stackId}"]`);
    await row.getByTestId('aos-stack-open').click();
    await phase(page, 'Pending').waitFor();
    expect(await page.getByTestId('aos-stack-upgrade').getAttribute('title')).toMatch(/install/i);
    await page.getByTestId('aos-stack-delete').click();
    const dialog = page.getByTestId('aos-delete-stack-dialog');
    const submit = dialog.getByTestId('aos-delete-stack-submit');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByTestId('aos-delete-stack-name').fill('queue-stac');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByTestId('aos-delete-stack-name').fill('queue-stack');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('aos-stacks-table').waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('aos-stack-row').first().waitFor();
          return row.count();
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    await context.close();
  });
});
