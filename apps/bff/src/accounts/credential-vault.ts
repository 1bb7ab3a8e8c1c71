import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const CREDENTIALS_KEY_VARIABLE = 'CONSOLE_CREDENTIALS_KEY';
export const PREVIOUS_CREDENTIALS_KEY_VARIABLE = 'CONSOLE_CREDENTIALS_KEY_PREVIOUS';

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a stored record holds besides its account: which key, the nonce, the ciphertext and its tag. */
export interface SealedSecret {
  keyId: string;
  /** base64 */
  nonce: string;
  /** base64 */
  ciphertext: string;
  /** base64 */
  tag: string;
}

interface VaultKey {
  id: string;
  key: Buffer;
}

/** Refusals of the vault; their messages name variables, accounts and key ids, never a value. */
export class VaultError extends Error {
  constructor(
    readonly code:
      | 'CredentialsKeyMissing'
      | 'CredentialsKeyInvalid'
      | 'CredentialsKeyUnknown'
      | 'CredentialsTampered',
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/** The short name of a key, stored with every record: a hash, from which the key cannot be learnt. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('console-credentials-key\0').update(key).digest('hex').slice(0, 12);
}

function parseKey(variable: string, value: string): VaultKey {
  const text = value.trim();
  const key = Buffer.from(text, 'base64');
  // Canonical base64 of exactly 32 bytes: a typo or a hex key is refused instead of silently shortened.
  if (key.length !== 32 || key.toString('base64') !== text) {
    throw new VaultError(
      'CredentialsKeyInvalid',
      `${variable} must be 32 bytes in base64 (for example the output of "openssl rand -base64 32").`,
    );
  }
  return { id: keyIdOf(key), key };
}

/** Additional authenticated data: a record decrypts only as the account it was written for. */
const aadOf = (accountId: string) => Buffer.from(`console-stored-account:v1:${accountId}`, 'utf8');

export interface VaultKeys {
  /** CONSOLE_CREDENTIALS_KEY: encrypts every new record and every rotated one. */
  current?: string | undefined;
  /** CONSOLE_CREDENTIALS_KEY_PREVIOUS: still decrypts records written before a rotation. */
  previous?: string | undefined;
}

/**
 * AES-256-GCM with a random 96-bit nonce per record and the account id as additional authenticated
 * data. Without a current key nothing can be sealed; records are opened with whichever configured key
 * their key id names.
 */
export class CredentialVault {
  private readonly current: VaultKey | undefined;
  private readonly previous: VaultKey | undefined;

  constructor(keys: VaultKeys) {
    if (keys.previous && !keys.current) {
      throw new VaultError(
        'CredentialsKeyMissing',
        `${PREVIOUS_CREDENTIALS_KEY_VARIABLE} is set without ${CREDENTIALS_KEY_VARIABLE}: set the new key too.`,
      );
    }
    this.current = keys.current ? parseKey(CREDENTIALS_KEY_VARIABLE, keys.current) : undefined;
    const previous = keys.previous ? parseKey(PREVIOUS_CREDENTIALS_KEY_VARIABLE, keys.previous) : undefined;
    this.previous = previous && previous.id !== this.current?.id ? previous : undefined;
  }

  get configured(): boolean {
    return this.current !== undefined;
  }

  get keyId(): string | undefined {
    return this.current?.id;
  }

  get previousKeyId(): string | undefined {
    return this.previous?.id;
  }

  /** True when the record is under the current key (nothing to rotate). */
  isCurrent(sealed: Pick<SealedSecret, 'keyId'>): boolean {
    return sealed.keyId === this.current?.id;
  }

  /** True when one of the configured keys can open the record. */
  canOpen(sealed: Pick<SealedSecret, 'keyId'>): boolean {
    return this.keyFor(sealed.keyId) !== undefined;
  }

  private requireCurrent(): VaultKey {
    if (!this.current) {
      throw new VaultError(
        'CredentialsKeyMissing',
        `No credentials key is configured: set ${CREDENTIALS_KEY_VARIABLE} (32 bytes in base64) to store credentials.`,
      );
    }
    return this.current;
  }

  private keyFor(id: string): VaultKey | undefined {
    if (id === this.current?.id) return this.current;
    if (id === this.previous?.id) return this.previous;
    return undefined;
  }

  seal(accountId: string, plaintext: string): SealedSecret {
    const { id, key } = this.requireCurrent();
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadOf(accountId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      keyId: id,
      nonce: nonce.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  open(accountId: string, sealed: SealedSecret): string {
    const found = this.keyFor(sealed.keyId);
    if (!found) {
      throw new VaultError(
        'CredentialsKeyUnknown',
        `The credentials of account "${accountId}" are encrypted under key ${sealed.keyId}, which is neither ${CREDENTIALS_KEY_VARIABLE} nor ${PREVIOUS_CREDENTIALS_KEY_VARIABLE}.`,
      );
    }
    const nonce = Buffer.from(sealed.nonce, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) throw this.tampered(accountId);
    try {
      const decipher = createDecipheriv(ALGORITHM, found.key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aadOf(accountId));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw this.tampered(accountId);
    }
  }

  /** Opens a record under whichever configured key and seals it again under the current key. */
  reseal(accountId: string, sealed: SealedSecret): SealedSecret {
    this.requireCurrent();
    return this.seal(accountId, this.open(accountId, sealed));
  }

  private tampered(accountId: string): VaultError {
    return new VaultError(
      'CredentialsTampered',
      `The stored credentials of account "${accountId}" fail authentication: changed, or not written for this account.`,
    );
  }
}
