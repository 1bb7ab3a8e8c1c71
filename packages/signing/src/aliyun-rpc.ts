import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type AliyunCredentials,
  type HeaderValue,
  hmacSha1Base64,
  type QueryValue,
  type SignatureFailure,
  type VerifyOptions,
} from './aliyun-roa';
import { isV3Authorization, percentEncode, verifyV3 } from './aliyun-v3';

/**
 * Alibaba Cloud RPC signature (signature version 1.0, HMAC-SHA1), used by RPC-style products such
 * as Retail Cloud (`?Action=...`):
 *
 *   CanonicalizedQuery = sorted percentEncode(name)=percentEncode(value) pairs joined with `&`
 *   StringToSign       = Method & percentEncode("/") & percentEncode(CanonicalizedQuery)
 *   Signature          = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * Percent-encoding is RFC 3986 (space `%20`, `*` `%2A`, `~` kept). Names are sorted before they
 * are encoded, as `@alicloud/openapi-util` getRPCSignature and `@alicloud/pop-core` do; the
 * verifier also accepts the order of the encoded names that the documentation describes.
 */

export const RPC_SIGNATURE_METHOD = 'HMAC-SHA1';
export const RPC_SIGNATURE_VERSION = '1.0';

/** One parameter name may carry several values when it is repeated in the query or the form. */
export type RpcParams = Record<string, QueryValue>;

/** Parameter values before flattening: RepeatLists become `Name.1`, `Name.1.Field`, ... */
export type RpcInputValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly RpcInputValue[]
  | { readonly [key: string]: RpcInputValue };

export const rpcPercentEncode = percentEncode;

/**
 * Flattens nested parameters the way the official SDKs do (openapi-util `query`): an array becomes
 * `Name.1`, `Name.2`, ... (1-based), an object `Name.Field`; null and undefined are dropped.
 */
export function flattenRpcParams(params: Record<string, RpcInputValue>): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (prefix: string, value: RpcInputValue) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(`${prefix}.${i + 1}`, item);
      });
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, RpcInputValue>)) {
        visit(prefix ? `${prefix}.${key}` : key, item);
      }
    } else {
      out[prefix] = String(value);
    }
  };
  visit('', params as RpcInputValue);
  return out;
}

function pairs(params: RpcParams): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'Signature' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonicalized query string: every parameter but `Signature`. With `sortEncoded`, names are
 * sorted after encoding (the documented wording); otherwise before (the official SDKs). The two
 * orders differ only for names outside the unreserved set.
 */
export function rpcCanonicalQuery(params: RpcParams, sortEncoded = false): string {
  const encoded = pairs(params).map(([k, v]) => ({ raw: k, key: percentEncode(k), value: percentEncode(v) }));
  encoded.sort(
    (a, b) => byText(sortEncoded ? a.key : a.raw, sortEncoded ? b.key : b.raw) || byText(a.value, b.value),
  );
  return encoded.map(({ key, value }) => `${key}=${value}`).join('&');
}

export function rpcStringToSign(method: string, params: RpcParams, sortEncoded = false): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(rpcCanonicalQuery(params, sortEncoded))}`;
}

export function rpcSignature(secret: string, method: string, params: RpcParams, sortEncoded = false): string {
  return hmacSha1Base64(`${secret}&`, rpcStringToSign(method, params, sortEncoded));
}

/** `2026-01-02T03:04:05Z`, the Timestamp format the official SDKs send. */
export function rpcTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface SignRpcOptions {
  /** HTTP method the request will use (default GET); it is part of the string to sign. */
  method?: string;
  now?: Date;
  nonce?: string;
  /** `Format` parameter (default JSON); null leaves it out, so the server answers its default, XML. */
  format?: string | null;
  securityToken?: string;
}

/**
 * Returns every parameter to send, `Signature` included: the caller's (which must name `Action` and
 * `Version`; nested values are flattened) plus the common parameters. Send them as the query, or
 * for POST as an `application/x-www-form-urlencoded` body, encoded with `encodeRpcParams`.
 */
export function signRpc(
  params: Record<string, RpcInputValue>,
  credentials: AliyunCredentials,
  options: SignRpcOptions = {},
): Record<string, string> {
  const flat = flattenRpcParams(params);
  if (!flat.Action || !flat.Version) throw new Error('an RPC request needs Action and Version');
  const signed: Record<string, string> = {
    ...(options.format === null ? {} : { Format: options.format ?? 'JSON' }),
    ...flat,
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: RPC_SIGNATURE_METHOD,
    SignatureVersion: RPC_SIGNATURE_VERSION,
    SignatureNonce: options.nonce ?? randomUUID(),
    Timestamp: rpcTimestamp(options.now ?? new Date()),
  };
  if (options.securityToken) signed.SecurityToken = options.securityToken;
  delete signed.Signature;
  signed.Signature = rpcSignature(credentials.accessKeySecret, options.method ?? 'GET', signed);
  return signed;
}

/** `name=value&...` with the signature's percent-encoding: a query string or a form body. */
export function encodeRpcParams(params: RpcParams): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value])
      out.push(`${percentEncode(key)}=${percentEncode(v)}`);
  }
  return out.join('&');
}

export interface RpcRequestParts {
  method: string;
  /** Decoded query parameters; a repeated parameter is an array. */
  query: RpcParams;
  headers: Record<string, HeaderValue>;
  body?: string | Uint8Array;
}

function header(headers: Record<string, HeaderValue>, name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (found === undefined) return undefined;
  return Array.isArray(found) ? found.join(',') : String(found);
}

function bodyText(body: string | Uint8Array | undefined): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}

function add(out: RpcParams, key: string, value: string) {
  const prior = out[key];
  out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
}

/**
 * Every parameter of an RPC request: the query plus an `application/x-www-form-urlencoded` body
 * (the official SDKs send POST parameters either way). A name in both keeps both values.
 */
export function collectRpcParams(req: RpcRequestParts): RpcParams {
  const out: RpcParams = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) add(out, key, v);
  }
  const type = (header(req.headers, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(bodyText(req.body))) add(out, key, value);
  }
  return out;
}

/** The first value of a parameter. */
export function rpcParam(params: RpcParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

const fail = (status: number, code: string, message: string): SignatureFailure => ({
  ok: false,
  status,
  code,
  message,
});

const missing = (name: string) =>
  fail(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export type RpcVerifyResult = { ok: true; accessKeyId: string; params: RpcParams } | SignatureFailure;

/**
 * Verifies an RPC-signed request with the refusals (codes, statuses) of `verifyRoa`/`verifyV3`, and
 * answers the request's parameters. Share `nonceSeen` with the other schemes so a nonce is single-use.
 */
export function verifyRpc(req: RpcRequestParts, options: VerifyOptions): RpcVerifyResult {
  const params = collectRpcParams(req);
  const one = (name: string) => rpcParam(params, name);
  const repeated = [
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
  ].find((name) => Array.isArray(params[name]));
  if (repeated) return fail(400, 'IncompleteSignature', `The ${repeated} parameter is given more than once.`);
  const accessKeyId = one('AccessKeyId');
  if (!accessKeyId) return missing('AccessKeyId');
  const signature = one('Signature');
  if (!signature) return missing('Signature');
  const method = one('SignatureMethod');
  if (!method) return missing('SignatureMethod');
  if (method !== RPC_SIGNATURE_METHOD) {
    return fail(400, 'InvalidSignatureMethod', `Specified signature method ${method} is not supported.`);
  }
  const version = one('SignatureVersion');
  if (!version) return missing('SignatureVersion');
  if (version !== RPC_SIGNATURE_VERSION) {
    return fail(400, 'InvalidSignatureVersion', `Specified signature version ${version} is not supported.`);
  }
  const timestamp = one('Timestamp');
  if (!timestamp) return missing('Timestamp');
  const sent = TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(sent)) {
    return fail(
      400,
      'InvalidTimeStamp.Format',
      `Specified time stamp ${timestamp} is not a UTC yyyy-MM-ddTHH:mm:ssZ time.`,
    );
  }
  if (Math.abs(options.now.getTime() - sent) > (options.maxSkewMs ?? 15 * 60_000)) {
    return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = one('SignatureNonce');
  if (!nonce) return fail(400, 'MissingSignatureNonce', 'The SignatureNonce parameter is required.');
  const secret = options.lookupSecret(accessKeyId);
  if (secret === undefined) {
    return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const given = Buffer.from(signature);
  const matches = (sortEncoded: boolean) => {
    const expected = Buffer.from(rpcSignature(secret, req.method, params, sortEncoded));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  const orderMatters = Object.keys(params).some((key) => percentEncode(key) !== key);
  if (!matches(false) && !(orderMatters && matches(true))) {
    return fail(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  if (options.nonceSeen(nonce)) {
    return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return { ok: true, accessKeyId, params };
}

/**
 * An RPC-style request signed either way: signature V3 (`Authorization: ACS3-HMAC-SHA256 ...` with
 * `x-acs-action`), which the current official SDKs send by default, or the classic RPC signature
 * in the parameters (`signatureAlgorithm: 'v2'`). For V3 the Action comes from `x-acs-action` and
 * the version from `x-acs-version` when the parameters do not name them.
 */
export function verifyAliyunRpc(
  req: RpcRequestParts & { path?: string },
  options: VerifyOptions,
): RpcVerifyResult {
  if (!isV3Authorization(header(req.headers, 'authorization'))) return verifyRpc(req, options);
  const verified = verifyV3({ ...req, path: req.path ?? '/' }, options);
  if (!verified.ok) return verified;
  const params = collectRpcParams(req);
  const action = header(req.headers, 'x-acs-action');
  const version = header(req.headers, 'x-acs-version');
  if (action && params.Action === undefined) params.Action = action;
  if (version && params.Version === undefined) params.Version = version;
  return { ...verified, params };
}
