import { type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

/**
 * A request Node refuses before Express sees it (a head over Node's 16 KiB limit, a malformed request
 * line) still gets the console's JSON error, not Node's bare status line. Nothing of the request is
 * quoted back.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? {
          code: 'HeadersTooLarge',
          message: 'The request headers are larger than the 16 KiB the console accepts.',
          field: 'headers',
        }
      : { code: 'MalformedRequest', message: 'The request is not valid HTTP/1.1.' },
  });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
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
  server.on('clientError', answerClientError);
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    ...bff,
    url: `http://${config.host}:${port}`,
    port,
    stop() {
      stopping ??= (async () => {
        bff.operations.beginShutdown();
        // Event streams never finish by themselves: end them so that browsers reconnect elsewhere.
        bff.endStreams();
        if (config.shutdownDrainMs) await sleep(config.shutdownDrainMs);
        await closeServer(server, config.shutdownGraceMs ?? 10_000);
        // Only now: every request that was answered has written what it had to write.
        await bff.close();
      })();
      return stopping;
    },
  };
}
