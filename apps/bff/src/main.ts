import { fileURLToPath } from 'node:url';
import { accountsFromEnvironment, adminFromEnvironment, baseConfig } from './config';
import { redactDatabaseUrl } from './db/postgres';
import { startBff } from './server';

/** The BFF on its own, pointed at real accounts (CONSOLE_CONFIG_FILE or CONSOLE_SAE_*). */
const env = process.env;
const accounts = accountsFromEnvironment(env);
const users = adminFromEnvironment(env);
const config = {
  ...baseConfig(env),
  accounts,
  users,
  webDist: env.CONSOLE_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
};
const bff = await startBff(config);
bff.logger.info(
  config.databaseUrl
    ? { storage: 'postgresql', database: redactDatabaseUrl(config.databaseUrl) }
    : { storage: 'embedded', dataDir: config.dataDir ?? '(in memory)' },
  'storage',
);
if (accounts.length === 0)
  bff.logger.warn('no cloud account is configured (CONSOLE_CONFIG_FILE or CONSOLE_SAE_ENDPOINT)');
if ((await bff.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n === 0) {
  bff.logger.warn(
    'no user exists: set CONSOLE_ADMIN_USERNAME and CONSOLE_ADMIN_PASSWORD to create the first admin',
  );
}
bff.logger.info({ url: bff.url }, 'console listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (bff.operations.shuttingDown) {
      bff.logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    bff.logger.info({ signal }, 'shutting down: finishing requests in flight');
    bff.stop().then(
      () => {
        bff.logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        bff.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
