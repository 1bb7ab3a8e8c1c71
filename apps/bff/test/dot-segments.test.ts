import { request } from 'node:http';
import type { ApplicationPage } from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let viewer: ConsoleClient;

/** A GET with its path sent exactly as written: fetch would resolve the dot segments itself. */
function rawGet(
  path: string,
): Promise<{ status: number; body: { error?: { code: string; field?: string } } }> {
  const { hostname, port } = new URL(stack.bff.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { cookie: viewer.sessionCookie } }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  stack = await startStack();
  viewer = await ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1');
});

afterAll(async () => {
  await stack?.stop();
});

describe('dot segments in ids', () => {
  it('are refused as ids, sent as is or percent-encoded, and nothing reaches the cloud', async () => {
    const stacks = await viewer.get<ApplicationPage>('/api/accounts/aos-demo/applications');
    const stackId = stacks.body.items[0]?.id as string;
    const paths = [
      // Built into the upstream URL, these would resolve to the stack itself and to the element list.
      [`/api/accounts/aos-demo/aos/stacks/${stackId}/elements/%2E%2E`, 'elementId'],
      [`/api/accounts/aos-demo/aos/stacks/${stackId}/elements/%2e`, 'elementId'],
      [`/api/accounts/aos-demo/aos/stacks/${stackId}/elements/..`, 'elementId'],
      ['/api/accounts/aos-demo/aos/stacks/%2E%2E/elements', 'stackId'],
      ['/api/accounts/sae-demo/applications/%2E%2E/instances', 'appId'],
      ['/api/accounts/sae-demo/rollouts/%2E', 'rolloutId'],
    ] as const;
    for (const [path, field] of paths) {
      const before = stack.sim.calls.list().length;
      const answer = await rawGet(path);
      expect({
        path,
        status: answer.status,
        code: answer.body.error?.code,
        field: answer.body.error?.field,
      }).toEqual({ path, status: 400, code: 'InvalidInput', field });
      expect(stack.sim.calls.list().length).toBe(before);
    }
    // An id that merely contains dots is still an id.
    expect((await rawGet(`/api/accounts/aos-demo/aos/stacks/${stackId}/elements/a..b`)).status).not.toBe(400);
  });
});
