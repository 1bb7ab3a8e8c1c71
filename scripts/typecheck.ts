/**
 * `npm run typecheck`: every TypeScript project of the repository, as many at once as there are cores.
 * The Node side (packages, simulator, BFF, scripts) is one program so that the shared packages are
 * checked once; the SPA (DOM, JSX) and the browser tests (DOM in page.evaluate) are their own.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const PROJECTS = ['tsconfig.node.json', 'apps/web', 'e2e'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function check(project: string): Promise<{ project: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      console.log(
        `tsc -p ${project}: ${code === 0 ? 'ok' : 'errors'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      resolve({ project, code: code ?? 1, output });
    });
  });
}

const queue = [...PROJECTS];
const results: Awaited<ReturnType<typeof check>>[] = [];
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await check(next));
  }),
);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) process.stdout.write(r.output);
process.exitCode = failed.length > 0 ? 1 : 0;
