/** Defaults shared by the CLI, the launcher and the README. */
export const CLOUDSIM_DEFAULTS = {
  port: 9100,
  host: '127.0.0.1',
  aliyunAccessKeyId: 'LTAI5tCloudSimDemo0001',
  aliyunAccessKeySecret: 'cloudsim-demo-secret-not-for-production',
  /** The second account, answered as the 2019 reference (seed 001) documents. */
  aliyunLegacyAccessKeyId: 'LTAI4CloudSimLegacy0001',
  aliyunLegacyAccessKeySecret: 'cloudsim-legacy-secret-not-for-production',
  /** The Huawei Cloud account: AK/SK, the IAM user a token is issued to, and its one project. */
  huaweiAk: 'HWCLOUDSIMDEMOAK000001',
  huaweiSk: 'cloudsim-huawei-sk-not-for-production',
  huaweiDomain: 'cloudsim-domain',
  huaweiUser: 'cloudsim-user',
  huaweiPassword: 'cloudsim-huawei-password-1',
  huaweiProjectId: '0a1b2c3d4e5f40718293a4b5c6d7e8f9',
  huaweiRegion: 'cn-north-4',
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
  huaweiAk: 'CLOUDSIM_HUAWEI_AK',
  huaweiSk: 'CLOUDSIM_HUAWEI_SK',
  huaweiDomain: 'CLOUDSIM_HUAWEI_DOMAIN',
  huaweiUser: 'CLOUDSIM_HUAWEI_USER',
  huaweiPassword: 'CLOUDSIM_HUAWEI_PASSWORD',
  huaweiProjectId: 'CLOUDSIM_HUAWEI_PROJECT_ID',
  /** The project's name, as IAM scopes name it (`scope.project.name`). */
  huaweiRegion: 'CLOUDSIM_HUAWEI_REGION',
  timeScale: 'CLOUDSIM_TIME_SCALE',
} as const;
