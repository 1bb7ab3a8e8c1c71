import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  /** `postgres://console:…@127.0.0.1:port/postgres`: the server's default database. */
  url: string;
  /** The password in `url`, for tests that check it never shows up anywhere. */
  password: string;
  port: number;
  /** A fresh, empty database on this server; its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Debian puts each major version under /usr/lib/postgresql/<ver>/bin; elsewhere pg_config knows. */
function findBinaries(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'postgres'))) return dir;
  } catch {
    // not on PATH either
  }
  throw new Error(
    'PostgreSQL is not installed: the storage tests start their own server (Debian: apt-get install postgresql).',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The server refuses to run as root, so as root it runs as the `postgres` account. */
function asServerUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      throw new Error('running as root needs a "postgres" system user to run the test server');
    }
  };
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A throwaway PostgreSQL server for one test file: its own data directory in the temp dir, loopback
 * only on a free port, unix sockets inside that directory, password authentication over TCP, and
 * nothing left behind after stop().
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findBinaries();
  const owner = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'console-pg-'));
  const data = join(dir, 'data');
  const password = `pw-${Math.random().toString(36).slice(2)}-test`;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  const as = (cmd: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);

  let started = false;
  const stopServer = async () => {
    if (!started) return;
    started = false;
    await as('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => undefined);
  };
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  try {
    await as('initdb', [
      '-D',
      data,
      '-U',
      'console',
      `--pwfile=${pwfile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-h 127.0.0.1',
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await as('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60']);
    started = true;
    const url = `postgres://console:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    let databases = 0;
    return {
      url,
      password,
      port,
      async createDatabase(name) {
        const db = name ?? `test_${++databases}`;
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(db)) throw new Error(`not a plain database name: ${db}`);
        // Over the unix socket in the server's own directory, where the server trusts its owner.
        await as('psql', [
          '-h',
          dir,
          '-p',
          String(port),
          '-U',
          'console',
          '-d',
          'postgres',
          '-qc',
          `CREATE DATABASE ${db}`,
        ]);
        return url.replace(/\/postgres$/, `/${db}`);
      },
      async stop() {
        await stopServer();
        cleanUp();
      },
    };
  } catch (error) {
    await stopServer();
    cleanUp();
    throw error;
  }
}
