import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ALIYUN_KEY } from '@console/testkit';

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
