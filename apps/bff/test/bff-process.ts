import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCloudSim } from '@console/cloudsim';
import { startTestPostgres, TEST_ALIYUN_KEY, type TestPostgres } from '@console/testkit';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
export const ADMIN = { username: 'two-admin', password: 'two-instances-1' };

export interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * One BFF process as an operator would run it: `main.ts`, configured by environment and file only.
 * `dir` holds nothing the process needs (the SPA is not served); `env` adds or overrides settings.
 */
export function startInstance(
  databaseUrl: string,
  configFile: string,
  dir: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      CONSOLE_CONFIG_FILE: configFile,
      TWO_INSTANCES_SAE_SECRET: TEST_ALIYUN_KEY.accessKeySecret,
      CONSOLE_ADMIN_USERNAME: ADMIN.username,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: '0',
      CONSOLE_COOKIE_SECURE: 'false',
      CONSOLE_USAGE_SAMPLE_SECONDS: '3600',
      CONSOLE_WEB_DIST: join(dir, 'no-spa'),
      CONSOLE_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "console listening" line:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('"console listening"')) continue;
        clearTimeout(timer);
        resolve({ url: (JSON.parse(line) as { url: string }).url, child, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF exited with ${code}:\n${output}`));
    });
  });
}

export interface Cluster {
  pg: TestPostgres;
  sim: Awaited<ReturnType<typeof startCloudSim>>;
  instances: Instance[];
  stop(): Promise<void>;
}

/**
 * Two BFF processes on one throwaway PostgreSQL and one embedded cloud, started at once (their
 * migrations and first-admin creation race on purpose), with these Alibaba Cloud accounts of the cloud.
 */
export async function startCluster(
  database: string,
  accounts: { id: string; product: 'sae' | 'retailcloud'; regionId: string }[],
): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'console-cluster-'));
  const [pg, sim] = await Promise.all([
    startTestPostgres(),
    startCloudSim({ port: 0, host: '127.0.0.1', aliyun: TEST_ALIYUN_KEY }),
  ]);
  const databaseUrl = await pg.createDatabase(database);
  const configFile = join(dir, 'accounts.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      accounts: accounts.map((a) => ({
        ...a,
        name: a.id,
        endpoint: sim.url,
        accessKeyId: TEST_ALIYUN_KEY.accessKeyId,
        accessKeySecretEnv: 'TWO_INSTANCES_SAE_SECRET',
        embedded: true,
      })),
    }),
  );
  const instances = await Promise.all([
    startInstance(databaseUrl, configFile, dir),
    startInstance(databaseUrl, configFile, dir),
  ]);
  return {
    pg,
    sim,
    instances,
    async stop() {
      for (const instance of instances) {
        if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      }
      await sim.close();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
