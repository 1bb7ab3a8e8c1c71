import { CLOUDSIM_DEFAULTS, type RunningCloudSim, startCloudSim } from '@console/cloudsim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HuaweiClient } from '../src/huawei/client';
import { IamTokenSource } from '../src/huawei/iam-token';
import { UpstreamError } from '../src/upstream/errors';
import { closeUpstreamAgents } from '../src/upstream/http-client';

let sim: RunningCloudSim;
const account = {
  domain: CLOUDSIM_DEFAULTS.huaweiDomain,
  user: CLOUDSIM_DEFAULTS.huaweiUser,
  password: CLOUDSIM_DEFAULTS.huaweiPassword,
  projectId: CLOUDSIM_DEFAULTS.huaweiProjectId,
  region: CLOUDSIM_DEFAULTS.huaweiRegion,
};

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', timeScale: 0, tickMs: 0 });
});

afterAll(async () => {
  await closeUpstreamAgents();
  await sim?.close();
});

const tokens = (password: string = account.password) =>
  new IamTokenSource({
    iamEndpoint: sim.url,
    domain: account.domain,
    user: account.user,
    password,
    project: { name: account.region },
  });

const iamCalls = () => sim.calls.list({ product: 'IAM' }).filter((c) => c.path === '/v3/auth/tokens').length;

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the BFF Huawei Cloud client', () => {
  it('asks IAM for one project-scoped token however many calls wait for it, and reuses it', async () => {
    const source = tokens();
    const client = new HuaweiClient('AS', sim.url, { kind: 'token', tokens: source });
    const before = iamCalls();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.call<{ projects: { id: string }[] }>({ method: 'GET', path: '/v3/projects', read: true }),
      ),
    );
    expect(answers.every((a) => a.status === 200 && a.body.projects[0]?.id === account.projectId)).toBe(true);
    expect(await source.projectId()).toBe(account.projectId);
    expect(iamCalls() - before).toBe(1);
    await client.call({ method: 'GET', path: '/v3/projects', read: true });
    expect(iamCalls() - before).toBe(1);
  });

  it('gets a new token when the service refuses the cached one as expired, and goes on', async () => {
    const source = tokens();
    const client = new HuaweiClient('AS', sim.url, { kind: 'token', tokens: source });
    await client.call({ method: 'GET', path: '/v3/projects', read: true });
    const before = iamCalls();
    // 25 hours pass in the cloud: the 24-hour token is no longer accepted.
    sim.clock.advance(25 * 3_600_000);
    const answer = await client.call({ method: 'GET', path: '/v3/projects', read: true });
    expect(answer.status).toBe(200);
    expect(iamCalls() - before).toBe(1);
  });

  it('reports a refused password with IAM’s own answer', async () => {
    const error = await failure(tokens('wrong-password').token());
    expect(error.body).toMatchObject({ product: 'IAM', httpStatus: 401 });
    expect(error.body.message).toMatch(/password/i);
    expect(JSON.stringify(error.body)).not.toContain('wrong-password');
  });

  it('signs with AK/SK instead of a token', async () => {
    const client = new HuaweiClient('AS', sim.url, {
      kind: 'aksk',
      credentials: { ak: CLOUDSIM_DEFAULTS.huaweiAk, sk: CLOUDSIM_DEFAULTS.huaweiSk },
    });
    const answer = await client.call<{ projects: unknown[] }>({
      method: 'GET',
      path: '/v3/projects',
      read: true,
    });
    expect(answer.status).toBe(200);
    const wrong = new HuaweiClient('AS', sim.url, {
      kind: 'aksk',
      credentials: { ak: CLOUDSIM_DEFAULTS.huaweiAk, sk: 'not-the-secret' },
    });
    const refused = await failure(wrong.call({ method: 'GET', path: '/v3/projects', read: true }));
    expect(refused.body.httpStatus).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('not-the-secret');
  });

  it('reads both products’ error shapes as the cloud’s code, message and request id', async () => {
    const source = tokens();
    const as = new HuaweiClient('AS', sim.url, { kind: 'token', tokens: source });
    const wrongProject = await failure(
      as.call({ method: 'GET', path: '/autoscaling-api/v1/not-my-project/scaling_group', read: true }),
    );
    expect(wrongProject.body).toMatchObject({ product: 'AS', code: 'AS.0008', httpStatus: 400 });
    expect(wrongProject.body.requestId).toMatch(/^[0-9a-f]{32}$/);

    const aos = new HuaweiClient('AOS', sim.url, { kind: 'token', tokens: source });
    const unknown = await failure(aos.call({ method: 'GET', path: '/v2/no-such-resource', read: true }));
    expect(unknown.body.product).toBe('AOS');
    expect(unknown.body.code).toMatch(/^SVCSTG\.AOS\.\d{7}$/);
    expect(unknown.body.message.length).toBeGreaterThan(0);

    // The gateway in front of AS throttles with its own body: {error_code, error_msg}.
    sim.faults.set({ product: 'AS', throttleRate: 1 });
    try {
      const throttled = await failure(
        as.call({
          method: 'GET',
          path: `/autoscaling-api/v1/${account.projectId}/scaling_group`,
          read: false,
        }),
      );
      expect(throttled.body).toMatchObject({ httpStatus: 429, code: 'APIGW.0308' });
    } finally {
      sim.faults.clear();
    }
  });
});
