import { type RunningBff, startBff } from '@console/bff';
import { CLOUDSIM_DEFAULTS, type RunningCloudSim, startCloudSim } from '@console/cloudsim';
import type { ApplicationPage } from '@console/contract';
import { ConsoleClient } from '@console/testkit';
import { demoUsers } from '../src/demo';

/** The console id of the application of that name on an account. */
export async function appIdNamed(client: ConsoleClient, accountId: string, name: string): Promise<string> {
  const page = await client.get<ApplicationPage>(`/api/accounts/${accountId}/applications?pageSize=100`);
  const found = page.body.items.find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} on ${accountId}`);
  return found.id;
}

export interface HuaweiStack {
  sim: RunningCloudSim;
  bff: RunningBff;
  operator: ConsoleClient;
  viewer: ConsoleClient;
  stop(): Promise<void>;
}

/**
 * The simulator (clock stopped) and a BFF with three accounts of one Huawei product: `<product>-demo`
 * (IAM token), `<product>-aksk` (AK/SK) and `<product>-wrong` (an IAM password the cloud refuses).
 */
export async function startHuaweiStack(product: 'aos' | 'as'): Promise<HuaweiStack> {
  const sim = await startCloudSim({ port: 0, host: '127.0.0.1', timeScale: 0, tickMs: 0 });
  const account = (suffix: string, auth: unknown) => ({
    id: `${product}-${suffix}`,
    name: `${product.toUpperCase()} ${suffix}`,
    product,
    regionId: CLOUDSIM_DEFAULTS.huaweiRegion,
    endpoint: sim.url,
    iamEndpoint: sim.url,
    projectId: CLOUDSIM_DEFAULTS.huaweiProjectId,
    embedded: true,
    auth,
  });
  const token = (password: string) => ({
    kind: 'token',
    domain: CLOUDSIM_DEFAULTS.huaweiDomain,
    user: CLOUDSIM_DEFAULTS.huaweiUser,
    password,
  });
  const bff = await startBff({
    host: '127.0.0.1',
    port: 0,
    accounts: [
      account('demo', token(CLOUDSIM_DEFAULTS.huaweiPassword)),
      account('aksk', { kind: 'aksk', ak: CLOUDSIM_DEFAULTS.huaweiAk, sk: CLOUDSIM_DEFAULTS.huaweiSk }),
      account('wrong', token('not-the-password')),
    ] as Parameters<typeof startBff>[0]['accounts'],
    users: demoUsers,
    sessionTtlMs: 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'silent',
    usageSampleSeconds: 3600,
    upstreamReadCacheMs: 0,
    // The tests count upstream reads: no watcher reads in the background.
    liveCadence: 'off',
  });
  const [operator, viewer] = await Promise.all([
    ConsoleClient.login(bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  return {
    sim,
    bff,
    operator,
    viewer,
    async stop() {
      await bff.stop();
      await sim.close();
    },
  };
}
