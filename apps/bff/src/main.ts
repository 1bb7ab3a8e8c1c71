import { fileURLToPath } from 'node:url';
import { accountsFromEnvironment, adminFromEnvironment, baseConfig } from './config';
import { startBff } from './server';

/** The BFF on its own, pointed at real accounts (CONSOLE_CONFIG_FILE or CONSOLE_SAE_*). */
const env = process.env;
const accounts = accountsFromEnvironment(env);
const users = adminFromEnvironment(env);
const bff = await startBff({
  ...baseConfig(env),
  accounts,
  users,
  webDist: env.CONSOLE_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
if (accounts.length === 0)
  bff.logger.warn('no cloud account is configured (CONSOLE_CONFIG_FILE or CONSOLE_SAE_ENDPOINT)');
if ((await bff.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n === 0) {
  bff.logger.warn(
    'no user exists: set CONSOLE_ADMIN_USERNAME and CONSOLE_ADMIN_PASSWORD to create the first admin',
  );
}
bff.logger.info({ url: bff.url }, 'console listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    bff.logger.info({ signal }, 'shutting down');
    void bff.stop().then(() => process.exit(0));
  });
}
