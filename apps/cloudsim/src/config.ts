/** Defaults shared by the CLI, the launcher and the README. */
export const CLOUDSIM_DEFAULTS = {
  port: 9100,
  host: '127.0.0.1',
  aliyunAccessKeyId: 'LTAI5tCloudSimDemo0001',
  aliyunAccessKeySecret: 'cloudsim-demo-secret-not-for-production',
  /** The second account, answered as the 2019 reference (seed 001) documents. */
  aliyunLegacyAccessKeyId: 'LTAI4CloudSimLegacy0001',
  aliyunLegacyAccessKeySecret: 'cloudsim-legacy-secret-not-for-production',
  timeScale: 1,
  /** How often the world moves when nobody calls. */
  tickMs: 1_000,
} as const;

/** Environment variables read by `npm run cloudsim`. */
export const CLOUDSIM_ENV = {
  port: 'CLOUDSIM_PORT',
  host: 'CLOUDSIM_HOST',
  aliyunAccessKeyId: 'CLOUDSIM_ALIYUN_ACCESS_KEY_ID',
  aliyunAccessKeySecret: 'CLOUDSIM_ALIYUN_ACCESS_KEY_SECRET',
  aliyunLegacyAccessKeyId: 'CLOUDSIM_ALIYUN_LEGACY_ACCESS_KEY_ID',
  aliyunLegacyAccessKeySecret: 'CLOUDSIM_ALIYUN_LEGACY_ACCESS_KEY_SECRET',
  timeScale: 'CLOUDSIM_TIME_SCALE',
} as const;
