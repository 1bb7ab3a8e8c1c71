import type { AddressInfo } from 'node:net';
import { type Bff, createBff } from './app';
import type { ConsoleConfig } from './config';

export interface RunningBff extends Bff {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on the configured address; stop() lets in-flight requests finish before closing. */
export async function startBff(
  config: ConsoleConfig,
  options: Parameters<typeof createBff>[1] = {},
): Promise<RunningBff> {
  const bff = await createBff(config, options);
  const server = bff.app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  return {
    ...bff,
    url: `http://${config.host}:${port}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await bff.close();
    },
  };
}
