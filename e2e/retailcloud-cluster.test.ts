import type { RcClusterPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack, WEB_DIST } from '@console/testkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser';

let stack: Stack;
let browser: Browser;
let api: ConsoleClient;

const page0 = '/accounts/retail-demo/retailcloud/cluster';

beforeAll(async () => {
  stack = await startStack({ webDist: WEB_DIST });
  browser = await launchBrowser();
  api = await ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('Retail Cloud cluster views in the browser', () => {
  it('clusters with capacity and nodes, node labels, volumes and RDS; admin-only actions say why', async () => {
    const clusters = (await api.get<RcClusterPage>('/api/accounts/retail-demo/retailcloud/clusters')).body
      .items;
    const prod = clusters.find((c) => c.title === 'jst-prod-cluster');
    if (!prod) throw new Error('no seeded production cluster');
    const rdsId = [...stack.sim.retailcloud.store.rds.keys()][0] as string;

    // --- a viewer reads everything and every change says which role it needs ---
    const viewer = await signIn(browser, stack.bff.url, 'viewer', 'viewer-demo-1');
    await viewer.page.goto(`${page0}?tab=labels&cluster=${prod.instanceId}`);
    await viewer.page.getByTestId('rc-label-row').first().waitFor();
    expect(await viewer.page.getByTestId('rc-label-create').getAttribute('title')).toMatch(/operator/);
    expect(await viewer.page.getByTestId('rc-label-delete').first().isDisabled()).toBe(true);
    await viewer.context.close();

    // --- an operator: clusters, capacity, nodes ---
    const { page, context } = await signIn(browser, stack.bff.url, 'operator', 'operator-demo-1');
    await page.goto(page0);
    await page.getByTestId('rc-cluster-row').first().waitFor();
    expect(await page.getByTestId('rc-cluster-row').count()).toBe(2);
    const create = page.getByTestId('rc-cluster-create');
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute('title')).toMatch(/admin/);
    expect(await page.locator('body').textContent()).not.toContain('*****');

    await page
      .getByTestId('rc-cluster-row')
      .filter({ hasText: 'jst-test-cluster' })
      .getByTestId('rc-cluster-open')
      .click();
    await page.waitForURL(/cluster=c[0-9a-f]+/);
    await page.getByTestId('rc-cluster-capacity').waitFor();
    expect(await page.getByTestId('rc-capacity-nodes').textContent()).toBe('2');
    const cpu = Number(await page.getByTestId('rc-capacity-cpu-request').getAttribute('data-percent'));
    expect(cpu).toBeGreaterThan(0);
    expect(cpu).toBeLessThanOrEqual(100);
    expect(await page.getByTestId('rc-cluster-delete').isDisabled()).toBe(true);
    await page.getByTestId('rc-node-row').first().waitFor();
    expect(await page.getByTestId('rc-node-row').count()).toBe(2);

    await page.getByTestId('rc-add-nodes').click();
    const dialog = page.getByTestId('rc-add-nodes-dialog');
    await dialog.getByTestId('rc-available-node').first().waitFor();
    expect(await dialog.getByTestId('rc-add-nodes-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('rc-available-node-check').first().check();
    await dialog.getByTestId('rc-add-nodes-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('rc-node-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('rc-capacity-nodes').textContent()).toBe('3');
    await page.getByTestId('rc-node-row').last().getByTestId('rc-node-remove').click();
    await page.getByTestId('rc-remove-node-submit').click();
    await expect.poll(() => page.getByTestId('rc-node-row').count()).toBe(2);

    // --- node labels on the production cluster ---
    await page.goto(`${page0}?tab=labels&cluster=${prod.instanceId}`);
    await page.locator('[data-testid="rc-label-row"][data-label="label.jst.com/tier=core"]').waitFor();
    await page.getByTestId('rc-label-create').click();
    await page.getByTestId('rc-label-key').fill('label.jst.com/');
    expect(await page.getByTestId('rc-label-submit').isDisabled()).toBe(true);
    await page.getByTestId('rc-label-key').fill('label.jst.com/e2e');
    await page.getByTestId('rc-label-value').fill('on');
    await page.getByTestId('rc-label-submit').click();
    const label = page.locator('[data-testid="rc-label-row"][data-label="label.jst.com/e2e=on"]');
    await label.waitFor();
    await label.getByTestId('rc-label-bind').click();
    await page.getByTestId('rc-label-node').selectOption(prod.ecsIds[2] as string);
    await page.getByTestId('rc-label-submit').click();
    await page
      .locator(`[data-testid="rc-binding-row"][data-binding="${prod.ecsIds[2]}:label.jst.com/e2e=on"]`)
      .waitFor();
    // Without force the cloud refuses a bound label; its code and RequestId are shown.
    await label.getByTestId('rc-label-delete').click();
    await page.getByTestId('rc-label-delete-submit').click();
    const refusal = page.getByTestId('rc-label-delete-dialog').getByTestId('error-panel');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/RequestId|Request ID/i);
    await page.getByTestId('rc-label-delete-force').check();
    await page.getByTestId('rc-label-delete-submit').click();
    await label.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator(`[data-testid="rc-binding-row"][data-binding*="label.jst.com/e2e"]`).count())
      .toBe(0);

    // --- persistent volumes ---
    await page.getByTestId('rc-tab-pvs').click();
    await page.waitForURL(/tab=pvs/);
    const bound = page.locator('[data-testid="rc-pv-row"][data-pv="nas-trade-pv"]');
    await bound.waitFor();
    expect(await bound.getByTestId('rc-pv-delete').isDisabled()).toBe(true);
    await page.getByTestId('rc-pv-create').click();
    await page.getByTestId('rc-pv-name').fill('e2e-pv');
    await page.getByTestId('rc-pv-domain').fill('0a1b2c-e2e.cn-zhangjiakou.nas.aliyuncs.com');
    await page.getByTestId('rc-pv-class').fill('e2e-nas');
    await page.getByTestId('rc-pv-submit').click();
    const pv = page.locator('[data-testid="rc-pv-row"][data-pv="e2e-pv"]');
    await pv.waitFor();
    expect(await pv.textContent()).toContain('Available');
    await pv.getByTestId('rc-pv-delete').click();
    await page.getByTestId('rc-pv-delete-submit').click();
    await pv.waitFor({ state: 'detached' });

    // --- RDS: an operator creates a database; account changes need an admin ---
    await page.getByTestId('rc-tab-rds').click();
    await page.getByTestId('rc-rds-id').fill(rdsId);
    await page.getByTestId('rc-rds-open').click();
    await page.waitForURL(new RegExp(`rds=${rdsId}`));
    await page.locator('[data-testid="rc-db-row"][data-db="trade"]').waitFor();
    expect(await page.getByTestId('rc-account-create').isDisabled()).toBe(true);
    await page.getByTestId('rc-db-create').click();
    await page.getByTestId('rc-db-name').fill('e2e_orders');
    await page.getByTestId('rc-db-submit').click();
    await page.locator('[data-testid="rc-db-row"][data-db="e2e_orders"]').waitFor();
    await page.getByTestId('rc-backup-row').first().waitFor();
    expect(await page.getByTestId('rc-backup-row').count()).toBe(7);
    await context.close();

    // --- an admin: a database account with a write-only password, then a cluster created and deleted ---
    const adminSession = await signIn(browser, stack.bff.url, 'admin', 'admin-demo-1');
    const admin = adminSession.page;
    const secret = 'E2e_Secret_91';
    await admin.goto(`${page0}?tab=rds&rds=${rdsId}`);
    await admin.getByTestId('rc-account-create').click();
    await admin.getByTestId('rc-account-name').fill('e2e_app');
    await admin.getByTestId('rc-account-password').fill(secret);
    await admin.getByTestId('rc-account-password-again').fill('different_1A');
    expect(await admin.getByTestId('rc-account-submit').isDisabled()).toBe(true);
    await admin.getByTestId('rc-account-password-again').fill(secret);
    await admin.getByTestId('rc-account-submit').click();
    const account = admin.locator('[data-testid="rc-account-row"][data-account="e2e_app"]');
    await account.waitFor();
    await account.getByTestId('rc-account-grant').click();
    await admin.getByTestId('rc-grant-db').selectOption('e2e_orders');
    await admin.getByTestId('rc-grant-privilege').selectOption('ReadWrite');
    await admin.getByTestId('rc-grant-submit').click();
    await expect
      .poll(() => account.getByTestId('rc-account-privilege').textContent())
      .toContain('e2e_orders');
    expect(await admin.content()).not.toContain(secret);

    await admin.goto(page0);
    await admin.getByTestId('rc-cluster-create').click();
    await admin.getByTestId('rc-cluster-title').fill('e2e-cluster');
    await admin.getByTestId('rc-cluster-vpc').fill(prod.vpcId);
    await admin.getByTestId('rc-cluster-vswitches').fill(prod.vswitchIds.join(','));
    await admin.getByTestId('rc-cluster-pod-cidr').fill('172.30.0.0/16');
    await admin.getByTestId('rc-cluster-service-cidr').fill('172.31.0.0/20');
    await admin.getByTestId('rc-cluster-password').fill('short');
    expect(await admin.getByTestId('rc-cluster-submit').isDisabled()).toBe(true);
    await admin.getByTestId('rc-cluster-password').fill('Cluster#E2e9');
    await admin.getByTestId('rc-cluster-submit').click();
    await admin.getByTestId('rc-cluster-capacity').waitFor();
    expect(await admin.getByTestId('rc-cluster-name').textContent()).toBe('e2e-cluster');
    await admin.getByTestId('rc-cluster-back').click();
    await admin
      .getByTestId('rc-cluster-row')
      .filter({ hasText: 'jst-prod-cluster' })
      .getByTestId('rc-cluster-open')
      .click();
    await admin.getByTestId('rc-cluster-capacity').waitFor();
    await admin.getByTestId('rc-allocated-pods').locator('tbody tr').first().waitFor();
    await screenshot(admin, 'retailcloud-cluster');

    await admin.getByTestId('rc-cluster-back').click();
    await admin
      .getByTestId('rc-cluster-row')
      .filter({ hasText: 'e2e-cluster' })
      .getByTestId('rc-cluster-open')
      .click();
    await admin.getByTestId('rc-cluster-delete').click();
    const del = admin.getByTestId('rc-cluster-delete-dialog');
    expect(await del.getByTestId('rc-cluster-delete-dialog-submit').isDisabled()).toBe(true);
    await del.getByTestId('rc-cluster-delete-dialog-name').fill('e2e-cluster');
    await del.getByTestId('rc-cluster-delete-dialog-submit').click();
    await admin.getByTestId('rc-clusters-table').waitFor();
    await expect.poll(() => admin.getByTestId('rc-cluster-row').count()).toBe(2);
    await adminSession.context.close();
  });
});
