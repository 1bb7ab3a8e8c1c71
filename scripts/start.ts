/**
 * `npm start`: the embedded cloud and the console in one process, with demo data and demo users.
 * Point the console at real accounts with `npm run serve` instead (see README).
 */
import { fileURLToPath } from 'node:url';
import { baseConfig, demoUsers, startBff } from '@console/bff';
import { CLOUDSIM_DEFAULTS, CLOUDSIM_ENV, startCloudSim } from '@console/cloudsim';

const env = process.env;
/** Encrypts the accounts an admin adds to the demo; real deployments set CONSOLE_CREDENTIALS_KEY. */
const DEMO_CREDENTIALS_KEY = 'bnBtLXN0YXJ0LWRlbW8tY3JlZGVudGlhbHMta2V5ISE=';
const aliyun = {
  accessKeyId: env.CLOUDSIM_ALIYUN_ACCESS_KEY_ID ?? CLOUDSIM_DEFAULTS.aliyunAccessKeyId,
  accessKeySecret: env.CLOUDSIM_ALIYUN_ACCESS_KEY_SECRET ?? CLOUDSIM_DEFAULTS.aliyunAccessKeySecret,
};
const aliyunLegacy = {
  accessKeyId: env.CLOUDSIM_ALIYUN_LEGACY_ACCESS_KEY_ID ?? CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeyId,
  accessKeySecret:
    env.CLOUDSIM_ALIYUN_LEGACY_ACCESS_KEY_SECRET ?? CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeySecret,
};
const sim = await startCloudSim({
  host: '127.0.0.1',
  port: Number(env.CLOUDSIM_PORT ?? CLOUDSIM_DEFAULTS.port),
  aliyun,
  aliyunLegacy,
  timeScale: Number(env.CLOUDSIM_TIME_SCALE ?? 10),
  huawei: {
    ak: env[CLOUDSIM_ENV.huaweiAk] || CLOUDSIM_DEFAULTS.huaweiAk,
    sk: env[CLOUDSIM_ENV.huaweiSk] || CLOUDSIM_DEFAULTS.huaweiSk,
    domain: env[CLOUDSIM_ENV.huaweiDomain] || CLOUDSIM_DEFAULTS.huaweiDomain,
    user: env[CLOUDSIM_ENV.huaweiUser] || CLOUDSIM_DEFAULTS.huaweiUser,
    password: env[CLOUDSIM_ENV.huaweiPassword] || CLOUDSIM_DEFAULTS.huaweiPassword,
    projectId: env[CLOUDSIM_ENV.huaweiProjectId] || CLOUDSIM_DEFAULTS.huaweiProjectId,
    region: env[CLOUDSIM_ENV.huaweiRegion] || CLOUDSIM_DEFAULTS.huaweiRegion,
  },
});
const bff = await startBff({
  ...baseConfig(env),
  dataDir: env.CONSOLE_DATA_DIR ?? fileURLToPath(new URL('../.data/console', import.meta.url)),
  credentialsKey: env.CONSOLE_CREDENTIALS_KEY || DEMO_CREDENTIALS_KEY,
  accounts: [
    {
      id: 'sae-demo',
      name: 'SAE · embedded cloud',
      product: 'sae',
      regionId: 'cn-hangzhou',
      endpoint: sim.url,
      profile: '2022',
      embedded: true,
      ...aliyun,
    },
    {
      id: 'sae-legacy',
      name: 'SAE 2019 API · embedded cloud',
      product: 'sae',
      regionId: 'cn-hangzhou',
      endpoint: sim.url,
      profile: '2019',
      embedded: true,
      ...aliyunLegacy,
    },
    {
      id: 'retail-demo',
      name: 'Retail Cloud · embedded cloud',
      product: 'retailcloud',
      regionId: 'cn-zhangjiakou',
      endpoint: sim.url,
      profile: '2022',
      embedded: true,
      ...aliyun,
    },
    ...(['aos', 'as'] as const).map((product) => ({
      id: `${product}-demo`,
      name: `Huawei ${product.toUpperCase()} · embedded cloud`,
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
    })),
  ],
  users: demoUsers,
  webDist: fileURLToPath(new URL('../apps/web/dist', import.meta.url)),
});
bff.logger.info({ console: bff.url, cloud: sim.url }, `console ready on ${bff.url}`);
// The same for a person, plainly, after the JSON log lines of the start.
process.stdout.write(
  [
    '',
    `Console         ${bff.url}`,
    `Embedded cloud  ${sim.url}`,
    'Demo users (only against the embedded cloud):',
    ...demoUsers.map((u) => `  ${u.username.padEnd(9)} ${u.password.padEnd(16)} ${u.role}`),
    'Each console API request is logged with CONSOLE_LOG_LEVEL=debug.',
    '',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await bff.stop();
      await sim.close();
      process.exit(0);
    })();
  });
}
