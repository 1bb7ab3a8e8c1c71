import { startCloudSim } from '@console/cloudsim';
import { ConsoleClient, TEST_ALIYUN_KEY } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningBff, startBff } from '../src/server';

const lines: string[] = [];
const WRONG_SECRET = 'wrong-secret-should-never-be-logged';
let sim: Awaited<ReturnType<typeof startCloudSim>>;
let bff: RunningBff;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', aliyun: TEST_ALIYUN_KEY, timeScale: 0 });
  const account = (id: string, secret: string) => ({
    id,
    name: id,
    product: 'sae' as const,
    regionId: 'cn-hangzhou',
    endpoint: sim.url,
    profile: '2022' as const,
    accessKeyId: TEST_ALIYUN_KEY.accessKeyId,
    accessKeySecret: secret,
    embedded: true,
  });
  bff = await startBff(
    {
      host: '127.0.0.1',
      port: 0,
      accounts: [account('good', TEST_ALIYUN_KEY.accessKeySecret), account('bad', WRONG_SECRET)],
      users: [{ username: 'op', password: 'op-password-logged-1', role: 'operator' }],
      sessionTtlMs: 60_000,
      cookieSecure: false,
      trustProxy: false,
      logLevel: 'trace',
      usageSampleSeconds: 3_600,
    },
    { logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) },
  );
});

afterAll(async () => {
  await bff?.stop();
  await sim?.close();
});

describe('BFF logs', () => {
  it('never carry a password, a cloud secret, a session cookie or a CSRF token', async () => {
    const client = await ConsoleClient.login(bff.url, 'op', 'op-password-logged-1');
    await client.request('POST', '/api/session', { username: 'op', password: 'wrong-password-logged-2' });
    await client.get('/api/accounts/good/applications');
    const refused = await client.get('/api/accounts/bad/applications');
    expect(refused.status).toBe(502);
    await client.post('/api/accounts/good/applications/nope/restart', { minReadyInstances: 'x' });
    expect(lines.length).toBeGreaterThan(3);
    const text = lines.join('');
    for (const secret of [
      'op-password-logged-1',
      'wrong-password-logged-2',
      WRONG_SECRET,
      TEST_ALIYUN_KEY.accessKeySecret,
      client.csrfToken,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/console_session=/);
  });
});
