import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApplicationPage, Rollout } from '@console/contract';
import { ConsoleClient } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let child: ChildProcess;
let consoleUrl: string;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'console-start-'));

/** What `npm start` runs after building the SPA, on free ports and a fresh data directory. */
beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      CONSOLE_PORT: '0',
      CLOUDSIM_PORT: '0',
      CONSOLE_DATA_DIR: join(dataDir, 'db'),
      CONSOLE_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  consoleUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "console ready" line:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The plain line for a person, once the console answers.
      const match = /^Console +(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the console with the demo users and a change order waiting for its next batch', async () => {
    const page = await fetch(consoleUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    for (const [user, password] of [
      ['admin', 'admin-demo-1'],
      ['operator', 'operator-demo-1'],
      ['viewer', 'viewer-demo-1'],
    ] as const) {
      await ConsoleClient.login(consoleUrl, user, password);
    }
    const viewer = await ConsoleClient.login(consoleUrl, 'viewer', 'viewer-demo-1');
    const all = await viewer.get<ApplicationPage>('/api/accounts/sae-demo/applications?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(15);
    const waiting = await viewer.get<ApplicationPage>('/api/accounts/sae-demo/applications?status=waiting');
    const order = waiting.body.items.find((a) => a.name === 'order-service');
    expect(order?.native.lastChangeOrderId).toBeTruthy();
    const rollout = await viewer.get<Rollout>(
      `/api/accounts/sae-demo/rollouts/${order?.native.lastChangeOrderId}`,
    );
    expect(rollout.body.status).toBe('waiting');
    expect(rollout.body.waitingBatch?.index).toBeGreaterThan(1);
  });

  it('says where the console and the embedded cloud are and who can sign in, not one line per request', () => {
    expect(output).toMatch(/^Embedded cloud +http:\/\/127\.0\.0\.1:\d+$/m);
    for (const user of ['admin', 'operator', 'viewer']) {
      expect(output).toMatch(new RegExp(`^ +${user} +${user}-demo-1 +${user}$`, 'm'));
    }
    // The requests the first test made are logged only at CONSOLE_LOG_LEVEL=debug.
    expect(output).not.toMatch(/"msg":"request"/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
