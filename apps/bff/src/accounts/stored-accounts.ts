import { type CredentialKind, Credentials, type Product } from '@console/contract';
import { AccountConfig } from '../config';
import type { Database, Queryable } from '../db/database';
import { type CredentialVault, type SealedSecret, VaultError } from './credential-vault';

/** An account an admin added: where it points in the clear, its credentials only sealed. */
export interface StoredAccount {
  id: string;
  product: Product;
  name: string;
  regionId: string;
  endpoint: string;
  iamEndpoint?: string | undefined;
  projectId?: string | undefined;
  profile?: '2022' | '2019' | undefined;
  credentialKind: CredentialKind;
  /** The last four characters of the access key id (AK); never a secret. */
  keyHint?: string | undefined;
  sealed: SealedSecret;
  credentialsSetAt: string;
  createdBy: string;
  /** Grows whenever the credentials are replaced, so that other instances reconnect. */
  revision: number;
}

interface Row {
  id: string;
  product: Product;
  name: string;
  region_id: string;
  endpoint: string;
  iam_endpoint: string | null;
  project_id: string | null;
  profile: '2022' | '2019' | null;
  credential_kind: CredentialKind;
  key_hint: string | null;
  key_id: string;
  nonce: string;
  ciphertext: string;
  tag: string;
  credentials_set_at: Date | string;
  created_by: string;
  revision: number;
}

const COLUMNS =
  'id, product, name, region_id, endpoint, iam_endpoint, project_id, profile, credential_kind, key_hint, key_id, nonce, ciphertext, tag, credentials_set_at, created_by, revision';

const toStored = (r: Row): StoredAccount => ({
  id: r.id,
  product: r.product,
  name: r.name,
  regionId: r.region_id,
  endpoint: r.endpoint,
  iamEndpoint: r.iam_endpoint ?? undefined,
  projectId: r.project_id ?? undefined,
  profile: r.profile ?? undefined,
  credentialKind: r.credential_kind,
  keyHint: r.key_hint ?? undefined,
  sealed: { keyId: r.key_id, nonce: r.nonce, ciphertext: r.ciphertext, tag: r.tag },
  credentialsSetAt: new Date(r.credentials_set_at).toISOString(),
  createdBy: r.created_by,
  revision: Number(r.revision),
});

/** At most the last four characters of the access key id: enough to tell two keys apart. */
export function keyHintOf(credentials: Credentials): string | undefined {
  if (credentials.kind === 'accessKey') return credentials.accessKeyId.slice(-4);
  if (credentials.kind === 'aksk') return credentials.ak.slice(-4);
  return undefined;
}

export type NewStoredAccount = Omit<StoredAccount, 'sealed' | 'credentialsSetAt' | 'revision' | 'keyHint'>;

/** The stored accounts table; every secret passes through the vault before it reaches a row. */
export class StoredAccountStore {
  constructor(
    private readonly db: Database,
    private readonly vault: CredentialVault,
  ) {}

  async list(via: Queryable = this.db): Promise<StoredAccount[]> {
    const rows = await via.query<Row>(`SELECT ${COLUMNS} FROM stored_accounts ORDER BY created_at, id`);
    return rows.map(toStored);
  }

  async get(id: string, via: Queryable = this.db): Promise<StoredAccount | undefined> {
    const rows = await via.query<Row>(`SELECT ${COLUMNS} FROM stored_accounts WHERE id = $1`, [id]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  /** Each account's revision: what an instance compares to know which accounts changed elsewhere. */
  async revisions(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ id: string; revision: number }>(
      'SELECT id, revision FROM stored_accounts',
    );
    return new Map(rows.map((r) => [r.id, Number(r.revision)]));
  }

  /** Inserts the account; false when the id is taken (by a concurrent insert too). */
  async insert(account: NewStoredAccount, credentials: Credentials, via: Queryable): Promise<boolean> {
    const sealed = this.vault.seal(account.id, JSON.stringify(credentials));
    const rows = await via.query<{ id: string }>(
      `INSERT INTO stored_accounts (id, product, name, region_id, endpoint, iam_endpoint, project_id, profile,
         credential_kind, key_hint, key_id, nonce, ciphertext, tag, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        account.id,
        account.product,
        account.name,
        account.regionId,
        account.endpoint,
        account.iamEndpoint ?? null,
        account.projectId ?? null,
        account.profile ?? null,
        credentials.kind,
        keyHintOf(credentials) ?? null,
        sealed.keyId,
        sealed.nonce,
        sealed.ciphertext,
        sealed.tag,
        account.createdBy,
      ],
    );
    return rows.length === 1;
  }

  async replaceCredentials(id: string, credentials: Credentials, via: Queryable): Promise<boolean> {
    const sealed = this.vault.seal(id, JSON.stringify(credentials));
    const rows = await via.query<{ id: string }>(
      `UPDATE stored_accounts SET credential_kind = $2, key_hint = $3, key_id = $4, nonce = $5, ciphertext = $6,
         tag = $7, credentials_set_at = now(), revision = revision + 1
       WHERE id = $1 RETURNING id`,
      [
        id,
        credentials.kind,
        keyHintOf(credentials) ?? null,
        sealed.keyId,
        sealed.nonce,
        sealed.ciphertext,
        sealed.tag,
      ],
    );
    return rows.length === 1;
  }

  async delete(id: string, via: Queryable): Promise<boolean> {
    const rows = await via.query<{ id: string }>('DELETE FROM stored_accounts WHERE id = $1 RETURNING id', [
      id,
    ]);
    return rows.length === 1;
  }

  /**
   * Re-encrypts every record that is not under the current key, all in one transaction (rows locked):
   * afterwards no row holds a ciphertext of the previous key. A record no configured key opens stops
   * the whole rotation, and nothing changes.
   */
  async rotate(via: Queryable): Promise<{ reencrypted: number; total: number }> {
    const rows = (await via.query<Row>(`SELECT ${COLUMNS} FROM stored_accounts ORDER BY id FOR UPDATE`)).map(
      toStored,
    );
    const unreadable = rows.filter((r) => !this.vault.canOpen(r.sealed));
    if (unreadable.length > 0) {
      throw new VaultError(
        'CredentialsKeyUnknown',
        `No configured key opens the credentials of ${unreadable
          .map((r) => `"${r.id}" (key ${r.sealed.keyId})`)
          .join(
            ', ',
          )}: set the key they were written with as CONSOLE_CREDENTIALS_KEY_PREVIOUS, or delete them.`,
      );
    }
    let reencrypted = 0;
    for (const record of rows) {
      if (this.vault.isCurrent(record.sealed)) continue;
      const sealed = this.vault.reseal(record.id, record.sealed);
      await via.query(
        'UPDATE stored_accounts SET key_id = $2, nonce = $3, ciphertext = $4, tag = $5 WHERE id = $1',
        [record.id, sealed.keyId, sealed.nonce, sealed.ciphertext, sealed.tag],
      );
      reencrypted++;
    }
    return { reencrypted, total: rows.length };
  }

  /** Records that the next rotation would re-encrypt. */
  async pendingRotation(): Promise<number> {
    const keyId = this.vault.keyId;
    const rows = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM stored_accounts WHERE key_id IS DISTINCT FROM $1',
      [keyId ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  /** The account as the upstream clients take it, credentials decrypted; throws a VaultError when it cannot. */
  toConfig(record: StoredAccount, embedded: boolean): AccountConfig {
    const credentials = Credentials.parse(JSON.parse(this.vault.open(record.id, record.sealed)));
    const base = {
      id: record.id,
      name: record.name,
      regionId: record.regionId,
      endpoint: record.endpoint,
      embedded,
    };
    if (record.product === 'aos' || record.product === 'as') {
      if (credentials.kind === 'accessKey')
        throw new Error(`Account ${record.id}: Huawei credentials expected.`);
      return AccountConfig.parse({
        ...base,
        product: record.product,
        iamEndpoint: record.iamEndpoint,
        projectId: record.projectId,
        auth:
          credentials.kind === 'token'
            ? {
                kind: 'token',
                domain: credentials.domain,
                user: credentials.user,
                password: credentials.password,
              }
            : { kind: 'aksk', ak: credentials.ak, sk: credentials.sk },
      });
    }
    if (credentials.kind !== 'accessKey')
      throw new Error(`Account ${record.id}: an AccessKey pair expected.`);
    return AccountConfig.parse({
      ...base,
      product: record.product,
      profile: record.profile ?? '2022',
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
    });
  }
}
