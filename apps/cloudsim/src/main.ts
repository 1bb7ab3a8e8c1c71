import { CLOUDSIM_DEFAULTS, CLOUDSIM_ENV } from './config';
import { startCloudSim } from './index';

const env = process.env;
const number = (name: string, fallback: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
};

const sim = await startCloudSim({
  port: number(CLOUDSIM_ENV.port, CLOUDSIM_DEFAULTS.port),
  host: env[CLOUDSIM_ENV.host] || CLOUDSIM_DEFAULTS.host,
  timeScale: number(CLOUDSIM_ENV.timeScale, CLOUDSIM_DEFAULTS.timeScale),
  aliyun: {
    accessKeyId: env[CLOUDSIM_ENV.aliyunAccessKeyId] || CLOUDSIM_DEFAULTS.aliyunAccessKeyId,
    accessKeySecret: env[CLOUDSIM_ENV.aliyunAccessKeySecret] || CLOUDSIM_DEFAULTS.aliyunAccessKeySecret,
  },
  aliyunLegacy: {
    accessKeyId: env[CLOUDSIM_ENV.aliyunLegacyAccessKeyId] || CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeyId,
    accessKeySecret:
      env[CLOUDSIM_ENV.aliyunLegacyAccessKeySecret] || CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeySecret,
  },
  huawei: {
    ak: env[CLOUDSIM_ENV.huaweiAk] || CLOUDSIM_DEFAULTS.huaweiAk,
    sk: env[CLOUDSIM_ENV.huaweiSk] || CLOUDSIM_DEFAULTS.huaweiSk,
    domain: env[CLOUDSIM_ENV.huaweiDomain] || CLOUDSIM_DEFAULTS.huaweiDomain,
    user: env[CLOUDSIM_ENV.huaweiUser] || CLOUDSIM_DEFAULTS.huaweiUser,
    password: env[CLOUDSIM_ENV.huaweiPassword] || CLOUDSIM_DEFAULTS.huaweiPassword,
    projectId: env[CLOUDSIM_ENV.huaweiProjectId] || CLOUDSIM_DEFAULTS.huaweiProjectId,
    region: env[CLOUDSIM_ENV.huaweiRegion] || CLOUDSIM_DEFAULTS.huaweiRegion,
  },
  logger: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
});

const waiting = sim.sae.waitingOrder();
process.stdout.write(
  `${JSON.stringify({
    msg: 'cloudsim listening',
    url: sim.url,
    timeScale: sim.clock.timeScale,
    accessKeyId: env[CLOUDSIM_ENV.aliyunAccessKeyId] || CLOUDSIM_DEFAULTS.aliyunAccessKeyId,
    legacyAccessKeyId: env[CLOUDSIM_ENV.aliyunLegacyAccessKeyId] || CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeyId,
    waitingChangeOrder: waiting?.ChangeOrderId,
    huawei: {
      ak: sim.huawei.ak,
      domain: sim.huawei.domain,
      user: sim.huawei.user,
      projectId: sim.huawei.projectId,
      region: sim.huawei.region,
    },
  })}\n`,
);
process.stdout.write(`cloudsim: SAE endpoint ${sim.url} (control API ${sim.url}/__sim/health)\n`);
process.stdout.write(
  `cloudsim: Huawei Cloud IAM ${sim.url}/v3/auth/tokens, AOS ${sim.url}/v2/…, AS ${sim.url}/autoscaling-api/v1/${sim.huawei.projectId}/…\n`,
);

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  process.stdout.write(`${JSON.stringify({ msg: 'cloudsim shutting down', signal })}\n`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  setTimeout(() => process.exit(1), 5_000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
