import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log';
import type { AccountConfig, ConsoleConfig } from '../config';
import type { Database } from '../db/database';
import { accountAdminHandlers, rotateAtStart } from './account-admin-handlers';
import { CredentialVault } from './credential-vault';
import { EndpointAllowList } from './endpoints';
import { LiveStoredAccounts, STORED_ACCOUNTS_CHANNEL } from './live-accounts';
import { StoredAccountStore } from './stored-accounts';

export { CredentialVault, keyIdOf, VaultError } from './credential-vault';
export { EndpointAllowList, normaliseEndpoint } from './endpoints';
export { StoredAccountStore } from './stored-accounts';

/** Checked before anything is opened: a malformed key stops the start with the variable's name. */
export function vaultOf(
  config: Pick<ConsoleConfig, 'credentialsKey' | 'credentialsKeyPrevious'>,
): CredentialVault {
  return new CredentialVault({ current: config.credentialsKey, previous: config.credentialsKeyPrevious });
}

export interface StoredAccountsDeps {
  config: ConsoleConfig;
  vault: CredentialVault;
  db: Database;
  audit: AuditLog;
  logger: Logger;
  connect(config: AccountConfig): void;
  disconnect(id: string): void;
}

/**
 * The accounts admins add: re-encrypted under the current key if a rotation is pending, connected,
 * then kept in step with the database; and the admin routes over them.
 */
export async function openStoredAccounts(deps: StoredAccountsDeps) {
  const { config, vault, db, audit, logger } = deps;
  // Made first: a configured endpoint that is no URL stops the start before any account is connected.
  const endpoints = new EndpointAllowList(config.allowedEndpoints ?? [], config.accounts);
  const store = new StoredAccountStore(db, vault);
  const listen = db.listen?.bind(db);
  const live = new LiveStoredAccounts({
    store,
    configured: config.accounts,
    logger,
    connect: deps.connect,
    disconnect: deps.disconnect,
    refreshMs: config.storedAccountsRefreshMs ?? 10_000,
    ...(listen ? { listen: (onChange: () => void) => listen(STORED_ACCOUNTS_CHANNEL, onChange) } : {}),
  });
  try {
    const rotated = await rotateAtStart({ db, vault, store, audit });
    if (rotated)
      logger.info(
        { keyId: vault.keyId, ...rotated },
        'stored credentials re-encrypted under the current key',
      );
  } catch (error) {
    // Every record stays as it was; the accounts it names are reported as not connected.
    logger.warn(
      { code: (error as { code?: string }).code, reason: (error as Error).message },
      'key rotation at start failed',
    );
  }
  await live.refresh();
  if (!vault.configured && live.list().length === 0 && (await store.revisions()).size > 0) {
    logger.warn('stored accounts exist but CONSOLE_CREDENTIALS_KEY is not set: they are not connected');
  }
  return {
    live,
    store,
    handlers: accountAdminHandlers({ db, vault, store, live, endpoints, configured: config.accounts, audit }),
  };
}
