import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Bff, createBff } from './app';
import type { ConsoleConfig } from './config';

export interface RunningBff extends Bff {
  url: string;
  port: number;
  /**
   * Graceful shutdown: readiness turns 503, the listener closes after the drain delay, requests in
   * flight finish (for at most the grace period), then timers, upstream pools and the database close.
   */
  stop(): Promise<void>;
}

/** Closes the listener and waits for the connections to end; forces them after `graceMs`. */
async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection becomes idle once its request is answered: close it then, not at its timeout.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const deadline = sleep(graceMs, 'late' as const, { ref: false });
  try {
    if ((await Promise.race([closed, deadline])) === 'late') {
      server.closeAllConnections();
      await closed;
    }
  } finally {
    clearInterval(idle);
  }
}

/** Listens on the configured address; stop() lets in-flight requests finish before closing. */
export async function startBff(
  config: ConsoleConfig,
  options: Parameters<typeof createBff>[1] = {},
): Promise<RunningBff> {
  const bff = await createBff(config, options);
  const server = bff.app.listen(config.port, config.host);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await bff.close();
    throw error;
  }
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    ...bff,
    url: `http://${config.host}:${port}`,
    port,
    stop() {
      stopping ??= (async () => {
        bff.operations.beginShutdown();
        if (config.shutdownDrainMs) await sleep(config.shutdownDrainMs);
        await closeServer(server, config.shutdownGraceMs ?? 10_000);
        // Only now: every request that was answered has written what it had to write.
        await bff.close();
      })();
      return stopping;
    },
  };
}
