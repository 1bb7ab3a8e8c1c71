import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { passwordProblem } from './auth/passwords';

export const AccountConfig = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits and - only'),
  name: z.string().min(1),
  product: z.enum(['sae', 'retailcloud']),
  regionId: z.string().min(1),
  endpoint: z.string().url(),
  /** SAE only: the API reference the account answers. */
  profile: z.enum(['2022', '2019']).default('2022'),
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  embedded: z.boolean().default(false),
});
export type AccountConfig = z.infer<typeof AccountConfig>;

export interface UserSeed {
  username: string;
  password: string;
  role: 'viewer' | 'operator' | 'admin';
}

export interface ConsoleConfig {
  host: string;
  port: number;
  /** Directory of the embedded database; undefined keeps it in memory. */
  dataDir?: string;
  accounts: AccountConfig[];
  /** Users created at start if missing (demo users with the embedded cloud, or the first admin). */
  users: UserSeed[];
  sessionTtlMs: number;
  /** Mark the session cookie Secure; `auto` follows the request's protocol (X-Forwarded-Proto behind a proxy). */
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  /** Directory of the built SPA; not served when absent. */
  webDist?: string;
  logLevel: string;
  /** How long an upstream read is shared with later callers (in-flight reads are always shared). */
  upstreamReadCacheMs?: number;
  /** Seconds between usage samples of the applications someone looked at recently. */
  usageSampleSeconds: number;
}

const FileConfig = z.object({
  accounts: z.array(
    AccountConfig.omit({ accessKeySecret: true }).extend({
      accessKeySecret: z.string().min(1).optional(),
      /** Name of the environment variable that holds the secret, to keep it out of the file. */
      accessKeySecretEnv: z.string().min(1).optional(),
    }),
  ),
});

/** Accounts from CONSOLE_CONFIG_FILE and/or the CONSOLE_SAE_* and CONSOLE_RETAILCLOUD_* variables. */
export function accountsFromEnvironment(env: NodeJS.ProcessEnv): AccountConfig[] {
  const accounts: AccountConfig[] = [];
  if (env.CONSOLE_CONFIG_FILE) {
    const file = FileConfig.parse(JSON.parse(readFileSync(env.CONSOLE_CONFIG_FILE, 'utf8')));
    for (const a of file.accounts) {
      const secret = a.accessKeySecret ?? (a.accessKeySecretEnv ? env[a.accessKeySecretEnv] : undefined);
      if (!secret) throw new Error(`Account ${a.id}: no accessKeySecret and no value in accessKeySecretEnv.`);
      accounts.push(AccountConfig.parse({ ...a, accessKeySecret: secret }));
    }
  }
  if (env.CONSOLE_SAE_ENDPOINT) {
    accounts.push(
      AccountConfig.parse({
        id: env.CONSOLE_SAE_ACCOUNT_ID ?? 'sae',
        name: env.CONSOLE_SAE_ACCOUNT_NAME ?? 'SAE',
        product: 'sae',
        regionId: env.CONSOLE_SAE_REGION ?? 'cn-hangzhou',
        endpoint: env.CONSOLE_SAE_ENDPOINT,
        accessKeyId: env.CONSOLE_SAE_ACCESS_KEY_ID,
        accessKeySecret: env.CONSOLE_SAE_ACCESS_KEY_SECRET,
      }),
    );
  }
  if (env.CONSOLE_RETAILCLOUD_ENDPOINT) {
    accounts.push(
      AccountConfig.parse({
        id: env.CONSOLE_RETAILCLOUD_ACCOUNT_ID ?? 'retailcloud',
        name: env.CONSOLE_RETAILCLOUD_ACCOUNT_NAME ?? 'Retail Cloud',
        product: 'retailcloud',
        regionId: env.CONSOLE_RETAILCLOUD_REGION ?? 'cn-zhangjiakou',
        endpoint: env.CONSOLE_RETAILCLOUD_ENDPOINT,
        accessKeyId: env.CONSOLE_RETAILCLOUD_ACCESS_KEY_ID,
        accessKeySecret: env.CONSOLE_RETAILCLOUD_ACCESS_KEY_SECRET,
      }),
    );
  }
  return accounts;
}

export function baseConfig(env: NodeJS.ProcessEnv): Omit<ConsoleConfig, 'accounts' | 'users'> {
  return {
    host: env.CONSOLE_HOST ?? '127.0.0.1',
    port: Number(env.CONSOLE_PORT ?? 8080),
    dataDir: env.CONSOLE_DATA_DIR || undefined,
    sessionTtlMs: Number(env.CONSOLE_SESSION_HOURS ?? 8) * 3_600_000,
    cookieSecure:
      env.CONSOLE_COOKIE_SECURE === 'true' ? true : env.CONSOLE_COOKIE_SECURE === 'false' ? false : 'auto',
    trustProxy: env.CONSOLE_TRUST_PROXY === 'true',
    logLevel: env.CONSOLE_LOG_LEVEL ?? 'info',
    usageSampleSeconds: Number(env.CONSOLE_USAGE_SAMPLE_SECONDS ?? 30),
  };
}

/** The first admin when pointed at real accounts: there is no default password. */
export function adminFromEnvironment(env: NodeJS.ProcessEnv): UserSeed[] {
  if (!env.CONSOLE_ADMIN_USERNAME || !env.CONSOLE_ADMIN_PASSWORD) return [];
  // This account guards real clouds: a weak password is refused before anything is stored.
  const problem = passwordProblem(env.CONSOLE_ADMIN_PASSWORD);
  if (problem) throw new Error(`CONSOLE_ADMIN_PASSWORD ${problem}.`);
  return [{ username: env.CONSOLE_ADMIN_USERNAME, password: env.CONSOLE_ADMIN_PASSWORD, role: 'admin' }];
}
