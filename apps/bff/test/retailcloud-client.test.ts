import { type RunningCloudSim, startCloudSim } from '@console/cloudsim';
import { TEST_ALIYUN_KEY } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetailCloudClient } from '../src/retailcloud/client';
import { UpstreamError } from '../src/upstream/errors';
import { closeUpstreamAgents } from '../src/upstream/http-client';

let sim: RunningCloudSim;

beforeAll(async () => {
  sim = await startCloudSim({ port: 0, host: '127.0.0.1', aliyun: TEST_ALIYUN_KEY, timeScale: 0, tickMs: 0 });
});

afterAll(async () => {
  await closeUpstreamAgents();
  await sim?.close();
});

const client = (secret = TEST_ALIYUN_KEY.accessKeySecret) =>
  new RetailCloudClient({
    endpoint: sim.url,
    credentials: { accessKeyId: TEST_ALIYUN_KEY.accessKeyId, accessKeySecret: secret },
  });

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the BFF Retail Cloud client', () => {
  it('signs an RPC call the simulator accepts and reads the seeded applications', async () => {
    const { body, requestId } = await client().call('ListApp', { PageNumber: 1, PageSize: 50 });
    expect(requestId).toBeTruthy();
    expect(body.Code).toBe(0);
    expect(Array.isArray(body.Data)).toBe(true);
    expect((body.Data as unknown[]).length).toBeGreaterThan(0);
  });

  it('turns a business error (HTTP 200, Code ≠ 0) into the cloud’s code, message and RequestId', async () => {
    const error = await failure(client().call('DescribeAppDetail', { AppId: 987654321 }));
    expect(error.body.product).toBe('RetailCloud');
    expect(error.body.code).not.toBe('0');
    expect(error.body.message.length).toBeGreaterThan(0);
    expect(error.body.requestId).toBeTruthy();
  });

  it('reports a refused signature with the gateway’s code', async () => {
    const error = await failure(client('wrong-secret').call('ListApp', { PageNumber: 1, PageSize: 10 }));
    expect(error.body.httpStatus).toBe(400);
    expect(error.body.code).toBe('SignatureDoesNotMatch');
  });
});
