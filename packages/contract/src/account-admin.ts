import { z } from 'zod';
import { AccountOrigin, AccountParams, Product } from './accounts';
import { type RouteDef, route } from './route-def';

/**
 * Accounts an admin adds in the console: their credentials are write-only. They are sent once, stored
 * encrypted, and no answer ever carries them back, only when they were set and at most the last four
 * characters of the access key id.
 */

const secret = (max: number) => z.string().min(1).max(max);

/** An Alibaba Cloud AccessKey pair (SAE, Retail Cloud). */
export const AccessKeyCredentials = z.strictObject({
  kind: z.literal('accessKey'),
  accessKeyId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9]+$/, 'letters and digits only'),
  accessKeySecret: secret(256),
});

/** A Huawei Cloud IAM user: tokens are issued for its password. */
export const IamUserCredentials = z.strictObject({
  kind: z.literal('token'),
  domain: z.string().min(1).max(128),
  user: z.string().min(1).max(128),
  password: secret(256),
});

/** A Huawei Cloud AK/SK pair. */
export const HuaweiAkSkCredentials = z.strictObject({
  kind: z.literal('aksk'),
  ak: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9]+$/, 'letters and digits only'),
  sk: secret(256),
});

export const Credentials = z.discriminatedUnion('kind', [
  AccessKeyCredentials,
  IamUserCredentials,
  HuaweiAkSkCredentials,
]);
export type Credentials = z.infer<typeof Credentials>;
export type CredentialKind = Credentials['kind'];

export const HuaweiCredentials = z.discriminatedUnion('kind', [IamUserCredentials, HuaweiAkSkCredentials]);

/** The same rule as a configured account's id: it appears in every console path of the account. */
export const StoredAccountId = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits and - only, at most 64 characters');

/**
 * An upstream endpoint: one of the `allowedEndpoints` of the admin view, never any other address.
 * The server checks it against the configuration; the shape only keeps out what is no URL at all.
 */
const Endpoint = z.string().min(1).max(2048);

const accountBase = {
  id: StoredAccountId,
  name: z.string().trim().min(1).max(128),
  regionId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only'),
  endpoint: Endpoint,
};

export const CreateSaeAccountBody = z.strictObject({
  ...accountBase,
  product: z.literal('sae'),
  /** The API reference the account answers: 2022 (seed 000) or 2019 (seed 001). */
  profile: z.enum(['2022', '2019']).default('2022'),
  credentials: AccessKeyCredentials,
});

export const CreateRetailCloudAccountBody = z.strictObject({
  ...accountBase,
  product: z.literal('retailcloud'),
  credentials: AccessKeyCredentials,
});

export const CreateHuaweiAccountBody = z.strictObject({
  ...accountBase,
  product: z.enum(['aos', 'as']),
  /** IAM, where tokens are issued; also one of the allowed endpoints. */
  iamEndpoint: Endpoint,
  projectId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and - only'),
  credentials: HuaweiCredentials,
});

export const CreateAccountBody = z.discriminatedUnion('product', [
  CreateSaeAccountBody,
  CreateRetailCloudAccountBody,
  CreateHuaweiAccountBody,
]);
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

/** Replaces every credential of the account at once; the kind must fit the account's product. */
export const ReplaceCredentialsBody = z.strictObject({ credentials: Credentials });
export type ReplaceCredentialsBody = z.infer<typeof ReplaceCredentialsBody>;

export const DeleteStoredAccountBody = z.strictObject({
  /** The account's name, typed out; the server compares it again. */
  confirmName: z.string().max(128),
});
export type DeleteStoredAccountBody = z.infer<typeof DeleteStoredAccountBody>;

/** An account as the admin page shows it: where it points and how it signs in, never with what. */
export const AdminAccount = z.object({
  id: z.string(),
  name: z.string(),
  product: Product,
  regionId: z.string(),
  origin: AccountOrigin,
  endpoint: z.string(),
  iamEndpoint: z.string().optional(),
  projectId: z.string().optional(),
  profile: z.string().optional(),
  credentialKind: z.enum(['accessKey', 'token', 'aksk']),
  /** The last four characters of the access key id (AK), for telling keys apart; never a secret. */
  keyHint: z.string().max(4).optional(),
  /** When the stored credentials were set (stored accounts only). */
  credentialsSetAt: z.string().optional(),
  createdBy: z.string().optional(),
  /** Short hash of the key the stored credentials are encrypted under. */
  keyId: z.string().optional(),
  /** False when the stored credentials cannot be decrypted with the configured keys. */
  usable: z.boolean(),
  problem: z.string().optional(),
});
export type AdminAccount = z.infer<typeof AdminAccount>;

export const CredentialVaultStatus = z.object({
  /** A key is configured (CONSOLE_CREDENTIALS_KEY): accounts can be added and credentials replaced. */
  configured: z.boolean(),
  /** Names the environment variable to set when no key is configured. */
  missingVariable: z.string().optional(),
  keyId: z.string().optional(),
  previousKeyId: z.string().optional(),
  /** Stored records encrypted under another key than the current one (rotation pending). */
  pendingRotation: z.number().int(),
});
export type CredentialVaultStatus = z.infer<typeof CredentialVaultStatus>;

export const AccountAdminView = z.object({
  accounts: z.array(AdminAccount),
  /** The only endpoints a stored account may use (configuration: CONSOLE_ALLOWED_ENDPOINTS and configured accounts). */
  allowedEndpoints: z.array(z.string()),
  vault: CredentialVaultStatus,
});
export type AccountAdminView = z.infer<typeof AccountAdminView>;

export const DeletedAccount = z.object({ id: z.string(), deleted: z.literal(true) });

export const KeyRotationResult = z.object({
  keyId: z.string(),
  /** Records that were under the previous key and are now under the current one. */
  reencrypted: z.number().int(),
  total: z.number().int(),
});
export type KeyRotationResult = z.infer<typeof KeyRotationResult>;

export const accountAdminRoutes = {
  listAccountAdmin: route({
    method: 'get',
    path: '/api/admin/accounts',
    summary: 'Configured and stored accounts with their origin, endpoints allowed, the credential key status',
    role: 'admin',
    response: AccountAdminView,
  }),
  createStoredAccount: route({
    method: 'post',
    path: '/api/admin/accounts',
    summary: 'Add an account: endpoint from the allowed list, credentials stored encrypted (write-only)',
    role: 'admin',
    body: CreateAccountBody,
    response: AdminAccount,
    audit: 'account-create',
  }),
  replaceAccountCredentials: route({
    method: 'put',
    path: '/api/admin/accounts/:accountId/credentials',
    summary: 'Replace the credentials of a stored account (write-only)',
    role: 'admin',
    params: AccountParams,
    body: ReplaceCredentialsBody,
    response: AdminAccount,
    audit: 'account-credentials',
  }),
  deleteStoredAccount: route({
    method: 'delete',
    path: '/api/admin/accounts/:accountId',
    summary: 'Delete a stored account and its credentials (typed name)',
    role: 'admin',
    params: AccountParams,
    body: DeleteStoredAccountBody,
    response: DeletedAccount,
    audit: 'account-delete',
  }),
  rotateCredentialKeys: route({
    method: 'post',
    path: '/api/admin/credentials/rotate',
    summary: 'Re-encrypt every stored credential under the current key, in one transaction',
    role: 'admin',
    response: KeyRotationResult,
    audit: 'credentials-rotate',
  }),
} satisfies Record<string, RouteDef>;
