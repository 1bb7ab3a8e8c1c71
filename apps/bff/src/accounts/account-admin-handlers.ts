import type { AdminAccount, Credentials, routes } from '@console/contract';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import type { SessionRecord } from '../auth/sessions';
import type { AccountConfig } from '../config';
import type { Database, Queryable } from '../db/database';
import { HttpError, NotFoundError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import { CREDENTIALS_KEY_VARIABLE, type CredentialVault, VaultError } from './credential-vault';
import type { EndpointAllowList } from './endpoints';
import { type LiveStoredAccounts, STORED_ACCOUNTS_CHANNEL } from './live-accounts';
import { keyHintOf, type StoredAccount, type StoredAccountStore } from './stored-accounts';

type AccountAdminRoutes = Pick<
  typeof routes,
  | 'listAccountAdmin'
  | 'createStoredAccount'
  | 'replaceAccountCredentials'
  | 'deleteStoredAccount'
  | 'rotateCredentialKeys'
>;

export interface AccountAdminDeps {
  db: Database;
  vault: CredentialVault;
  store: StoredAccountStore;
  live: LiveStoredAccounts;
  endpoints: EndpointAllowList;
  configured: readonly AccountConfig[];
  audit: AuditLog;
}

/** The configured account's sign-in, described without any secret. */
function configuredView(a: AccountConfig): AdminAccount {
  const common = {
    id: a.id,
    name: a.name,
    product: a.product,
    regionId: a.regionId,
    origin: 'configuration' as const,
    endpoint: a.endpoint,
    usable: true,
  };
  if ('auth' in a) {
    return {
      ...common,
      iamEndpoint: a.iamEndpoint,
      projectId: a.projectId,
      credentialKind: a.auth.kind,
      keyHint: a.auth.kind === 'aksk' ? a.auth.ak.slice(-4) : undefined,
    };
  }
  return {
    ...common,
    profile: a.product === 'sae' ? a.profile : undefined,
    credentialKind: 'accessKey',
    keyHint: a.accessKeyId.slice(-4),
  };
}

function storedView(r: StoredAccount, live: LiveStoredAccounts): AdminAccount {
  return {
    id: r.id,
    name: r.name,
    product: r.product,
    regionId: r.regionId,
    origin: 'stored',
    endpoint: r.endpoint,
    iamEndpoint: r.iamEndpoint,
    projectId: r.projectId,
    profile: r.profile,
    credentialKind: r.credentialKind,
    keyHint: r.keyHint,
    credentialsSetAt: r.credentialsSetAt,
    createdBy: r.createdBy,
    keyId: r.sealed.keyId,
    usable: live.has(r.id),
    problem: live.problemOf(r.id),
  };
}

const isHuaweiProduct = (product: string) => product === 'aos' || product === 'as';

/** Admin-added accounts: created, their credentials replaced (write-only), deleted; keys rotated. */
export function accountAdminHandlers(deps: AccountAdminDeps): HandlersOf<AccountAdminRoutes> {
  const { db, vault, store, live, endpoints, audit } = deps;

  const requireKey = () => {
    if (!vault.configured) {
      throw new HttpError(
        409,
        'CredentialsKeyMissing',
        `Credentials cannot be stored: the server has no ${CREDENTIALS_KEY_VARIABLE} (32 bytes in base64). Accounts of the configuration file and environment still work.`,
      );
    }
  };

  const refuseConfigured = (id: string) => {
    if (live.isConfigured(id)) {
      throw new HttpError(
        409,
        'ConfiguredAccount',
        `Account "${id}" comes from the configuration (file or environment); change it there.`,
      );
    }
  };

  const vaultRefusal = (error: unknown) =>
    error instanceof VaultError ? new HttpError(409, error.code, error.message) : error;

  /**
   * Runs the change with its audit record in one transaction; a refusal is audited as a failure with
   * its code only (never the request's values).
   */
  const audited = async <T>(
    session: SessionRecord,
    entry: Pick<AuditEntry, 'action' | 'accountId' | 'resource' | 'detail'>,
    run: (tx: Queryable) => Promise<T>,
    describe?: (result: T) => string,
  ): Promise<T> => {
    const full = { username: session.user.username, role: session.user.role, ...entry };
    try {
      return await db.transaction(async (tx) => {
        const result = await run(tx);
        await audit.append({ ...full, outcome: 'success', detail: describe?.(result) ?? entry.detail }, tx);
        // Other instances on the same database hear of it when it commits.
        await tx.query(`SELECT pg_notify($1, '')`, [STORED_ACCOUNTS_CHANNEL]);
        return result;
      });
    } catch (error) {
      const refusal = vaultRefusal(error);
      const code = refusal instanceof HttpError ? refusal.code : 'error';
      await audit.append({
        ...full,
        outcome: 'failure',
        detail: [entry.detail, code].filter(Boolean).join('; '),
      });
      throw refusal;
    }
  };

  const fits = (product: string, credentials: Credentials) =>
    isHuaweiProduct(product) ? credentials.kind !== 'accessKey' : credentials.kind === 'accessKey';

  return {
    async listAccountAdmin() {
      await live.refresh();
      const stored = await store.list();
      return {
        accounts: [...deps.configured.map(configuredView), ...stored.map((r) => storedView(r, live))],
        allowedEndpoints: endpoints.list(),
        vault: {
          configured: vault.configured,
          missingVariable: vault.configured ? undefined : CREDENTIALS_KEY_VARIABLE,
          keyId: vault.keyId,
          previousKeyId: vault.previousKeyId,
          pendingRotation: vault.configured ? await store.pendingRotation() : stored.length,
        },
      };
    },

    async createStoredAccount({ body, session }) {
      const detail = `${body.product} in ${body.regionId}`;
      const entry = { action: 'account-create', accountId: body.id, resource: `account/${body.id}`, detail };
      const created = await audited(session, entry, async (tx) => {
        requireKey();
        if (live.isConfigured(body.id)) {
          throw new HttpError(
            409,
            'AccountExists',
            `body field "id": account "${body.id}" is configured already.`,
            {
              field: 'id',
            },
          );
        }
        const endpoint = endpoints.check('endpoint', body.endpoint);
        const huawei =
          body.product === 'aos' || body.product === 'as'
            ? { iamEndpoint: endpoints.check('iamEndpoint', body.iamEndpoint), projectId: body.projectId }
            : {};
        const inserted = await store.insert(
          {
            id: body.id,
            product: body.product,
            name: body.name,
            regionId: body.regionId,
            endpoint,
            ...huawei,
            profile: body.product === 'sae' ? body.profile : undefined,
            credentialKind: body.credentials.kind,
            createdBy: session.user.username,
          },
          body.credentials,
          tx,
        );
        if (!inserted) {
          throw new HttpError(
            409,
            'AccountExists',
            `body field "id": an account "${body.id}" is stored already.`,
            {
              field: 'id',
            },
          );
        }
        return (await store.get(body.id, tx)) as StoredAccount;
      });
      await live.apply(created);
      return storedView(created, live);
    },

    async replaceAccountCredentials({ params, body, session }) {
      const id = params.accountId;
      const hint = keyHintOf(body.credentials);
      const detail = `${body.credentials.kind}${hint ? ` ending ${hint}` : ''}`;
      const entry = { action: 'account-credentials', accountId: id, resource: `account/${id}`, detail };
      const updated = await audited(session, entry, async (tx) => {
        refuseConfigured(id);
        requireKey();
        const current = await store.get(id, tx);
        if (!current) throw new NotFoundError(`No stored account with id "${id}".`);
        if (!fits(current.product, body.credentials)) {
          const expected = isHuaweiProduct(current.product) ? '"token" or "aksk"' : '"accessKey"';
          throw new HttpError(
            400,
            'InvalidInput',
            `body field "credentials.kind": a ${current.product} account takes ${expected} credentials.`,
            { field: 'credentials.kind' },
          );
        }
        await store.replaceCredentials(id, body.credentials, tx);
        return (await store.get(id, tx)) as StoredAccount;
      });
      await live.apply(updated);
      return storedView(updated, live);
    },

    async deleteStoredAccount({ params, body, session }) {
      const id = params.accountId;
      const entry = { action: 'account-delete', accountId: id, resource: `account/${id}` };
      await audited(session, entry, async (tx) => {
        refuseConfigured(id);
        const current = await store.get(id, tx);
        if (!current) throw new NotFoundError(`No stored account with id "${id}".`);
        if (body.confirmName !== current.name) {
          throw new HttpError(
            400,
            'ConfirmationMismatch',
            `Type the account name "${current.name}" to delete it.`,
            {
              field: 'confirmName',
            },
          );
        }
        await store.delete(id, tx);
      });
      await live.remove(id);
      return { id, deleted: true as const };
    },

    async rotateCredentialKeys({ session }) {
      const outcome = await audited(
        session,
        { action: 'credentials-rotate', resource: 'credentials', detail: `to key ${vault.keyId ?? 'none'}` },
        async (tx) => {
          requireKey();
          return store.rotate(tx);
        },
        (r) => `to key ${vault.keyId}: ${r.reencrypted} of ${r.total} re-encrypted`,
      );
      return { keyId: vault.keyId as string, ...outcome };
    },
  };
}

/**
 * At start: records still under the previous key are re-encrypted under the current one, in one
 * transaction with its audit record. A record no configured key opens leaves everything as it was.
 */
export async function rotateAtStart(
  deps: Pick<AccountAdminDeps, 'db' | 'vault' | 'store' | 'audit'>,
): Promise<{ reencrypted: number; total: number } | undefined> {
  if (!deps.vault.configured || (await deps.store.pendingRotation()) === 0) return undefined;
  return deps.db.transaction(async (tx) => {
    const result = await deps.store.rotate(tx);
    await deps.audit.append(
      {
        username: 'console',
        role: 'system',
        action: 'credentials-rotate',
        resource: 'credentials',
        outcome: 'success',
        detail: `at start, to key ${deps.vault.keyId}: ${result.reencrypted} of ${result.total} re-encrypted`,
      },
      tx,
    );
    return result;
  });
}
