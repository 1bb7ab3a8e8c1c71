import { randomBytes } from 'node:crypto';
import type { Credentials } from '@console/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateAtStart } from '../src/accounts/account-admin-handlers';
import { CredentialVault, keyIdOf, type SealedSecret, VaultError } from '../src/accounts/credential-vault';
import { type NewStoredAccount, StoredAccountStore } from '../src/accounts/stored-accounts';
import { AuditLog } from '../src/audit/audit-log';
import { type Database, openEmbeddedDatabase } from '../src/db/database';

const newKey = () => randomBytes(32).toString('base64');
const OLD_KEY = newKey();
const NEW_KEY = newKey();

const SECRET = 'vault-test-secret-Zq81xW';
const ACCESS_KEY_ID = 'LTAI5tVaultTestKey7781';
const PASSWORD = 'vault-test-iam-password-55';

function refusal(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Flips one bit of a base64 field. */
function flipped(value: string, byte = 0): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('credential vault: AES-256-GCM bound to the account', () => {
  const vault = new CredentialVault({ current: NEW_KEY });

  it('opens what it sealed, with a fresh 96-bit nonce each time and the key id of a short hash', () => {
    const a = vault.seal('acc-1', SECRET);
    const b = vault.seal('acc-1', SECRET);
    expect(vault.open('acc-1', a)).toBe(SECRET);
    expect(vault.open('acc-1', b)).toBe(SECRET);
    expect(Buffer.from(a.nonce, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(a.keyId).toBe(keyIdOf(Buffer.from(NEW_KEY, 'base64')));
    expect(JSON.stringify(a)).not.toContain(SECRET);
    expect(JSON.stringify(a)).not.toContain(NEW_KEY);
  });

  it('refuses a changed ciphertext, tag or nonce', () => {
    const sealed = vault.seal('acc-1', SECRET);
    const changes: SealedSecret[] = [
      { ...sealed, ciphertext: flipped(sealed.ciphertext, 3) },
      { ...sealed, tag: flipped(sealed.tag, 15) },
      { ...sealed, nonce: flipped(sealed.nonce, 0) },
      { ...sealed, nonce: Buffer.alloc(8).toString('base64') },
    ];
    for (const changed of changes) {
      const error = refusal(() => vault.open('acc-1', changed));
      expect(error.code).toBe('CredentialsTampered');
      expect(error.message).toContain('acc-1');
    }
  });

  it('refuses a record moved to another account (the account id is authenticated data)', () => {
    const sealed = vault.seal('acc-1', SECRET);
    const error = refusal(() => vault.open('acc-2', sealed));
    expect(error.code).toBe('CredentialsTampered');
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses a record of a key it does not have, naming the key id and the variables', () => {
    const other = new CredentialVault({ current: OLD_KEY }).seal('acc-1', SECRET);
    const error = refusal(() => vault.open('acc-1', other));
    expect(error.code).toBe('CredentialsKeyUnknown');
    expect(error.message).toContain(other.keyId);
    expect(error.message).toContain('CONSOLE_CREDENTIALS_KEY_PREVIOUS');
  });

  it('refuses malformed keys by variable name, never echoing the value', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    for (const bad of [short, 'not base64 at all!', `${NEW_KEY}x`, 'a'.repeat(64)]) {
      const error = refusal(() => new CredentialVault({ current: bad }));
      expect(error.code).toBe('CredentialsKeyInvalid');
      expect(error.message).toContain('CONSOLE_CREDENTIALS_KEY');
      expect(error.message).not.toContain(bad);
    }
    const previous = refusal(() => new CredentialVault({ current: NEW_KEY, previous: short }));
    expect(previous.message).toContain('CONSOLE_CREDENTIALS_KEY_PREVIOUS');
    const alone = refusal(() => new CredentialVault({ previous: OLD_KEY }));
    expect(alone.code).toBe('CredentialsKeyMissing');
  });

  it('seals nothing without a key, and says which variable to set', () => {
    const none = new CredentialVault({});
    expect(none.configured).toBe(false);
    const error = refusal(() => none.seal('acc-1', SECRET));
    expect(error.code).toBe('CredentialsKeyMissing');
    expect(error.message).toContain('CONSOLE_CREDENTIALS_KEY');
  });
});

describe('stored accounts and key rotation', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openEmbeddedDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  const accountOf = (id: string, product: NewStoredAccount['product'] = 'sae'): NewStoredAccount => ({
    id,
    product,
    name: `Account ${id}`,
    regionId: product === 'sae' ? 'cn-hangzhou' : 'cn-north-4',
    endpoint: 'http://127.0.0.1:9100',
    ...(product === 'aos' || product === 'as'
      ? { iamEndpoint: 'http://127.0.0.1:9100', projectId: '0a1b2c3d4e5f40718293a4b5c6d7e8f9' }
      : {}),
    profile: product === 'sae' ? '2022' : undefined,
    credentialKind: product === 'sae' ? 'accessKey' : 'token',
    createdBy: 'admin',
  });
  const aliyun: Credentials = { kind: 'accessKey', accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET };
  const iam: Credentials = { kind: 'token', domain: 'vault-domain', user: 'vault-user', password: PASSWORD };

  /** Every row of every table of the schema, as text. */
  async function everyRowAsText(): Promise<string> {
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.table_name)).toContain('stored_accounts');
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }

  async function fill(vault: CredentialVault) {
    const store = new StoredAccountStore(db, vault);
    await db.transaction(async (tx) => {
      expect(await store.insert(accountOf('sae-one'), aliyun, tx)).toBe(true);
      expect(await store.insert(accountOf('sae-two'), aliyun, tx)).toBe(true);
      expect(await store.insert(accountOf('aos-one', 'aos'), iam, tx)).toBe(true);
    });
    return store;
  }

  it('keeps no credential in any table: rows hold the key id, nonce, ciphertext and tag only', async () => {
    const store = await fill(new CredentialVault({ current: NEW_KEY }));
    const text = await everyRowAsText();
    expect(text).toContain('sae-one');
    for (const secret of [SECRET, ACCESS_KEY_ID, PASSWORD, 'vault-user', NEW_KEY]) {
      expect(text).not.toContain(secret);
    }
    // The one clue kept in the clear: the last four characters of the access key id.
    const one = await store.get('sae-one');
    expect(one?.keyHint).toBe(ACCESS_KEY_ID.slice(-4));
    const config = store.toConfig(one as NonNullable<typeof one>, false);
    expect(config).toMatchObject({ id: 'sae-one', accessKeyId: ACCESS_KEY_ID, accessKeySecret: SECRET });
    const aos = (await store.get('aos-one')) as NonNullable<Awaited<ReturnType<typeof store.get>>>;
    expect(store.toConfig(aos, false)).toMatchObject({
      product: 'aos',
      auth: { kind: 'token', user: 'vault-user', password: PASSWORD },
    });
  });

  it('a row copied onto another account does not decrypt', async () => {
    const store = await fill(new CredentialVault({ current: NEW_KEY }));
    await db.query(
      `UPDATE stored_accounts SET (nonce, ciphertext, tag) =
         (SELECT nonce, ciphertext, tag FROM stored_accounts WHERE id = 'sae-one') WHERE id = 'sae-two'`,
    );
    const two = (await store.get('sae-two')) as NonNullable<Awaited<ReturnType<typeof store.get>>>;
    expect(() => store.toConfig(two, false)).toThrow(/fail authentication/);
  });

  it('rotation: old records stay readable, then all are re-encrypted in one go and the old ciphertext is gone', async () => {
    await fill(new CredentialVault({ current: OLD_KEY }));
    const before = await db.query<{
      id: string;
      key_id: string;
      nonce: string;
      ciphertext: string;
      tag: string;
    }>('SELECT id, key_id, nonce, ciphertext, tag FROM stored_accounts ORDER BY id');
    const oldKeyId = keyIdOf(Buffer.from(OLD_KEY, 'base64'));
    expect(before.every((r) => r.key_id === oldKeyId)).toBe(true);

    // New key configured with the old one as previous: everything still decrypts before any rotation.
    const both = new CredentialVault({ current: NEW_KEY, previous: OLD_KEY });
    const store = new StoredAccountStore(db, both);
    for (const record of await store.list()) expect(() => store.toConfig(record, false)).not.toThrow();
    expect(await store.pendingRotation()).toBe(3);

    const audit = new AuditLog(db);
    expect(await rotateAtStart({ db, vault: both, store, audit })).toEqual({ reencrypted: 3, total: 3 });
    expect(await store.pendingRotation()).toBe(0);
    // A second start has nothing left to do.
    expect(await rotateAtStart({ db, vault: both, store, audit })).toBeUndefined();

    const after = await db.query<{
      id: string;
      key_id: string;
      nonce: string;
      ciphertext: string;
      tag: string;
    }>('SELECT id, key_id, nonce, ciphertext, tag FROM stored_accounts ORDER BY id');
    expect(after.every((r) => r.key_id === both.keyId)).toBe(true);
    const text = await everyRowAsText();
    for (const old of before) {
      expect(text).not.toContain(old.ciphertext);
      expect(text).not.toContain(old.nonce);
      expect(text).not.toContain(old.tag);
    }
    // The previous key can now be dropped: the new key alone opens every record.
    const onlyNew = new StoredAccountStore(db, new CredentialVault({ current: NEW_KEY }));
    const configs = (await onlyNew.list()).map((r) => onlyNew.toConfig(r, false));
    expect(configs.map((c) => c.id).sort()).toEqual(['aos-one', 'sae-one', 'sae-two']);
    expect(configs.find((c) => c.id === 'sae-two')).toMatchObject({ accessKeySecret: SECRET });
    // The old key alone opens nothing any more.
    const onlyOld = new StoredAccountStore(db, new CredentialVault({ current: OLD_KEY }));
    for (const record of await onlyOld.list())
      expect(() => onlyOld.toConfig(record, false)).toThrow(VaultError);

    const records = await audit.list({ page: 1, pageSize: 10 });
    expect(records.items[0]).toMatchObject({ action: 'credentials-rotate', outcome: 'success' });
    expect(records.items[0]?.detail).toContain('3 of 3 re-encrypted');
  });

  it('rotation is all or nothing: one record no key opens leaves every record as it was', async () => {
    await fill(new CredentialVault({ current: OLD_KEY }));
    // One record from a third key nobody configured any more.
    const stranger = new StoredAccountStore(db, new CredentialVault({ current: newKey() }));
    await db.transaction((tx) => stranger.insert(accountOf('sae-lost'), aliyun, tx));
    const before = await db.query('SELECT * FROM stored_accounts ORDER BY id');

    const store = new StoredAccountStore(db, new CredentialVault({ current: NEW_KEY, previous: OLD_KEY }));
    const error = await db.transaction((tx) => store.rotate(tx)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).message).toContain('sae-lost');
    expect(await db.query('SELECT * FROM stored_accounts ORDER BY id')).toEqual(before);

    // A changed row fails authentication mid-way: the rows re-encrypted before it are rolled back.
    await db.query(`DELETE FROM stored_accounts WHERE id = 'sae-lost'`);
    const row = (
      await db.query<{ ciphertext: string }>(`SELECT ciphertext FROM stored_accounts WHERE id = 'sae-two'`)
    )[0];
    await db.query(`UPDATE stored_accounts SET ciphertext = $1 WHERE id = 'sae-two'`, [
      flipped(row?.ciphertext ?? '', 2),
    ]);
    const tampered = await db.query('SELECT * FROM stored_accounts ORDER BY id');
    await expect(db.transaction((tx) => store.rotate(tx))).rejects.toThrow(/fail authentication/);
    expect(await db.query('SELECT * FROM stored_accounts ORDER BY id')).toEqual(tampered);
  });
});
