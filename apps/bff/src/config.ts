import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { passwordProblem } from './auth/passwords';
import type { LiveCadence } from './live/account-watcher';

const accountBase = {
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits and - only'),
  name: z.string().min(1),
  regionId: z.string().min(1),
  endpoint: z.string().url(),
  embedded: z.boolean().default(false),
};

/** An Alibaba Cloud account: SAE or Retail Cloud, signed with its AccessKey pair. */
export const AliyunAccountConfig = z.object({
  ...accountBase,
  product: z.enum(['sae', 'retailcloud']),
  /** SAE only: the API reference the account answers. */
  profile: z.enum(['2022', '2019']).default('2022'),
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
});

/** Either way Huawei Cloud's services accept: an IAM user's password for tokens, or an AK/SK pair. */
export const HuaweiAuthConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('token'),
    domain: z.string().min(1),
    user: z.string().min(1),
    password: z.string().min(1),
  }),
  z.object({ kind: z.literal('aksk'), ak: z.string().min(1), sk: z.string().min(1) }),
]);

/** A Huawei Cloud AOS or AS account; `regionId` is the project's name, as IAM scopes name it. */
export const HuaweiAccountConfig = z.object({
  ...accountBase,
  product: z.enum(['aos', 'as']),
  iamEndpoint: z.string().url(),
  projectId: z.string().min(1),
  auth: HuaweiAuthConfig,
});

export const AccountConfig = z.union([AliyunAccountConfig, HuaweiAccountConfig]);
export type AccountConfig = z.infer<typeof AccountConfig>;
export type AliyunAccountConfig = z.infer<typeof AliyunAccountConfig>;
export type HuaweiAccountConfig = z.infer<typeof HuaweiAccountConfig>;

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
  /** `postgres://…` (DATABASE_URL): a PostgreSQL server shared by every instance instead of the embedded one. */
  databaseUrl?: string;
  /** How long a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs?: number;
  /** How long a shutdown keeps answering (readiness 503) before it stops accepting connections. */
  shutdownDrainMs?: number;
  accounts: AccountConfig[];
  /** Users created at start if missing (demo users with the embedded cloud, or the first admin). */
  users: UserSeed[];
  sessionTtlMs: number;
  /** A person's session ends after this long without a request from them (CONSOLE_SESSION_IDLE_MINUTES). */
  sessionIdleMs?: number;
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
  /** CONSOLE_CREDENTIALS_KEY: 32 bytes in base64; encrypts the credentials an admin enters. */
  credentialsKey?: string | undefined;
  /** CONSOLE_CREDENTIALS_KEY_PREVIOUS: the key before a rotation, still read until records are re-encrypted. */
  credentialsKeyPrevious?: string | undefined;
  /** CONSOLE_ALLOWED_ENDPOINTS: endpoints a stored account may use besides the configured accounts' own. */
  allowedEndpoints?: string[];
  /** How often stored accounts changed by another instance are picked up (default 10 s). */
  storedAccountsRefreshMs?: number;
  /**
   * How often the operations center's watchers look at each account (defaults in live/account-watcher.ts);
   * `off`: no watcher runs (the overview and inbox stay empty), for tests of other things.
   */
  liveCadence?: Partial<LiveCadence> | 'off';
}

/**
 * The file may name, instead of a secret, the environment variable that holds it (`accessKeySecretEnv`,
 * `auth.passwordEnv`, `auth.skEnv`), to keep secrets out of the file.
 */
const FileConfig = z.object({ accounts: z.array(z.looseObject({ id: z.string() })) });

function withSecretsFromEnvironment(a: Record<string, unknown>, env: NodeJS.ProcessEnv): unknown {
  const fromEnv = (value: unknown, name: unknown) =>
    value ?? (typeof name === 'string' ? env[name] : undefined);
  const { accessKeySecretEnv, auth, ...rest } = a;
  if (typeof auth === 'object' && auth !== null) {
    const { passwordEnv, skEnv, ...given } = auth as Record<string, unknown>;
    const secret =
      given.kind === 'token'
        ? { password: fromEnv(given.password, passwordEnv) }
        : { sk: fromEnv(given.sk, skEnv) };
    return { ...rest, auth: { ...given, ...secret } };
  }
  return { ...rest, accessKeySecret: fromEnv(rest.accessKeySecret, accessKeySecretEnv) };
}

/** Accounts from CONSOLE_CONFIG_FILE and/or the CONSOLE_SAE_* and CONSOLE_RETAILCLOUD_* variables. */
export function accountsFromEnvironment(env: NodeJS.ProcessEnv): AccountConfig[] {
  const accounts: AccountConfig[] = [];
  if (env.CONSOLE_CONFIG_FILE) {
    const file = FileConfig.parse(JSON.parse(readFileSync(env.CONSOLE_CONFIG_FILE, 'utf8')));
    for (const a of file.accounts) {
      const parsed = AccountConfig.safeParse(withSecretsFromEnvironment(a, env));
      if (!parsed.success) {
        // Name the account and the field, never a value: the value may be a secret.
        const issue = parsed.error.issues[0];
        throw new Error(
          `Account ${a.id}: ${issue?.path.join('.') || 'account'}: ${issue?.message ?? 'invalid'}.`,
        );
      }
      accounts.push(parsed.data);
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
    databaseUrl: env.DATABASE_URL || undefined,
    shutdownGraceMs: Number(env.CONSOLE_SHUTDOWN_GRACE_MS ?? 10_000),
    shutdownDrainMs: Number(env.CONSOLE_SHUTDOWN_DRAIN_MS ?? 0),
    sessionTtlMs: Number(env.CONSOLE_SESSION_HOURS ?? 8) * 3_600_000,
    sessionIdleMs: Number(env.CONSOLE_SESSION_IDLE_MINUTES ?? 60) * 60_000,
    cookieSecure:
      env.CONSOLE_COOKIE_SECURE === 'true' ? true : env.CONSOLE_COOKIE_SECURE === 'false' ? false : 'auto',
    trustProxy: env.CONSOLE_TRUST_PROXY === 'true',
    logLevel: env.CONSOLE_LOG_LEVEL ?? 'info',
    usageSampleSeconds: Number(env.CONSOLE_USAGE_SAMPLE_SECONDS ?? 30),
    credentialsKey: env.CONSOLE_CREDENTIALS_KEY || undefined,
    credentialsKeyPrevious: env.CONSOLE_CREDENTIALS_KEY_PREVIOUS || undefined,
    allowedEndpoints: (env.CONSOLE_ALLOWED_ENDPOINTS ?? '').split(/[\s,]+/).filter(Boolean),
    liveCadence: {
      ...(env.CONSOLE_LIVE_SWEEP_SECONDS
        ? { sweepWatchedMs: Number(env.CONSOLE_LIVE_SWEEP_SECONDS) * 1000 }
        : {}),
      ...(env.CONSOLE_LIVE_IDLE_SWEEP_SECONDS
        ? { sweepIdleMs: Number(env.CONSOLE_LIVE_IDLE_SWEEP_SECONDS) * 1000 }
        : {}),
    },
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
