import { fileURLToPath } from 'node:url';
import { demoUsers, type RunningBff, startBff } from '@console/bff';
import { startCloudSim } from '@console/cloudsim';

export const TEST_ALIYUN_KEY = {
  accessKeyId: 'LTAI5tTestKey0001',
  accessKeySecret: 'test-secret-0001-abcdef',
};
/** The second simulated account, answered as the 2019 reference (seed 001). */
export const TEST_ALIYUN_LEGACY_KEY = {
  accessKeyId: 'LTAI4TestLegacy0001',
  accessKeySecret: 'test-legacy-secret-0001',
};
/** The BFF's credential key in tests (32 bytes in base64): stored accounts can be added. */
export const TEST_CREDENTIALS_KEY = 'Y29uc29sZS10ZXN0a2l0LWNyZWRlbnRpYWxzLWtleSE=';
export const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

export interface StackOptions {
  timeScale?: number;
  /** Extra accounts, e.g. one with a wrong secret. */
  extraAccounts?: { id: string; name: string; accessKeySecret: string }[];
  webDist?: string;
  /** Upstream read cache of the BFF; tests default to 0 so that a read sees the latest state. */
  upstreamReadCacheMs?: number;
  /** The BFF's credential key; TEST_CREDENTIALS_KEY unless given, none with null. */
  credentialsKey?: string | null;
  credentialsKeyPrevious?: string;
  /**
   * The operations center's watchers: off unless asked for (they read every account in the background,
   * which tests of other things count or fault), or on with the given cadence.
   */
  live?: boolean | Parameters<typeof startBff>[0]['liveCadence'];
  /** Passed to the BFF as they are, e.g. a logger whose output a test reads. */
  bffOptions?: Parameters<typeof startBff>[1];
}

export interface Stack {
  sim: Awaited<ReturnType<typeof startCloudSim>>;
  bff: RunningBff;
  /** The console's configuration, to start another console against the same cloud. */
  config: Parameters<typeof startBff>[0];
  /** Calls of one API (SAE or Retail Cloud action) that reached the simulator with a valid signature. */
  upstreamCalls(api: string): Promise<number>;
  /** Moves the simulated clock forward, as if that much time had passed. */
  advanceClock(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** The real stack on loopback: the embedded cloud and the BFF, with the demo users. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sim = await startCloudSim({
    port: 0,
    host: '127.0.0.1',
    aliyun: TEST_ALIYUN_KEY,
    aliyunLegacy: TEST_ALIYUN_LEGACY_KEY,
    timeScale: options.timeScale ?? 1,
  });
  const account = (id: string, name: string, secret: string) => ({
    id,
    name,
    product: 'sae' as 'sae' | 'retailcloud',
    regionId: 'cn-hangzhou',
    endpoint: sim.url,
    profile: '2022' as const,
    accessKeyId: TEST_ALIYUN_KEY.accessKeyId,
    accessKeySecret: secret,
    embedded: true,
  });
  // The simulator's default Huawei account: an IAM user whose project-scoped tokens both products take.
  const huaweiAccount = (id: string, name: string, product: 'aos' | 'as') => ({
    id,
    name,
    product,
    regionId: sim.huawei.region,
    endpoint: sim.url,
    iamEndpoint: sim.url,
    projectId: sim.huawei.projectId,
    auth: {
      kind: 'token' as const,
      domain: sim.huawei.domain,
      user: sim.huawei.user,
      password: sim.huawei.password,
    },
    embedded: true,
  });
  const config: Parameters<typeof startBff>[0] = {
    host: '127.0.0.1',
    port: 0,
    accounts: [
      account('sae-demo', 'SAE (embedded cloud)', TEST_ALIYUN_KEY.accessKeySecret),
      ...(options.extraAccounts ?? []).map((a) => account(a.id, a.name, a.accessKeySecret)),
      {
        ...account('sae-legacy', 'SAE 2019 API (embedded cloud)', TEST_ALIYUN_LEGACY_KEY.accessKeySecret),
        accessKeyId: TEST_ALIYUN_LEGACY_KEY.accessKeyId,
        profile: '2019' as const,
      },
      {
        ...account('retail-demo', 'Retail Cloud (embedded cloud)', TEST_ALIYUN_KEY.accessKeySecret),
        product: 'retailcloud' as const,
        regionId: 'cn-zhangjiakou',
      },
      huaweiAccount('aos-demo', 'Huawei AOS (embedded cloud)', 'aos'),
      huaweiAccount('as-demo', 'Huawei AS (embedded cloud)', 'as'),
    ],
    users: demoUsers,
    sessionTtlMs: 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    webDist: options.webDist,
    logLevel: 'silent',
    usageSampleSeconds: 5,
    upstreamReadCacheMs: options.upstreamReadCacheMs ?? 0,
    credentialsKey:
      options.credentialsKey === null ? undefined : (options.credentialsKey ?? TEST_CREDENTIALS_KEY),
    credentialsKeyPrevious: options.credentialsKeyPrevious,
    liveCadence: options.live === true ? {} : options.live || 'off',
  };
  const bff = await startBff(config, options.bffOptions);
  return {
    sim,
    bff,
    config,
    async upstreamCalls(api) {
      const response = await fetch(`${sim.url}/__sim/calls?api=${encodeURIComponent(api)}`);
      const body = (await response.json()) as { calls: unknown[] };
      return body.calls.length;
    },
    async advanceClock(ms) {
      const response = await fetch(`${sim.url}/__sim/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
    },
    async stop() {
      await bff.stop();
      await sim.close();
    },
  };
}
