import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba Cloud ROA signature (HMAC-SHA1, signature version 1.0), as the SAE API reference
 * describes it: StringToSign = Verb, Accept, Content-MD5, Content-Type, Date, the sorted
 * `x-acs-*` headers and the canonicalized resource (path plus sorted, decoded query).
 */

export interface AliyunCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export type HeaderValue = string | string[] | number | undefined;
export type QueryValue = string | string[] | undefined;

export interface RoaRequestParts {
  method: string;
  /** Path without query string, not percent-encoded. */
  path: string;
  /** Decoded query parameters; a repeated parameter is an array. */
  query: Record<string, QueryValue>;
  headers: Record<string, HeaderValue>;
  body?: string | Uint8Array;
}

export const ROA_SIGNATURE_METHOD = 'HMAC-SHA1';
export const ROA_SIGNATURE_VERSION = '1.0';

function headerText(value: HeaderValue): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

function lowerHeaders(headers: Record<string, HeaderValue>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out.set(name.toLowerCase(), headerText(value));
  }
  return out;
}

export function canonicalizedHeaders(headers: Record<string, HeaderValue>): string {
  const lower = lowerHeaders(headers);
  const names = [...lower.keys()].filter((name) => name.startsWith('x-acs-')).sort();
  return names
    .map((name) => `${name}:${(lower.get(name) ?? '').replace(/[\t\n\r\f]/g, ' ').trim()}\n`)
    .join('');
}

export function canonicalizedResource(path: string, query: Record<string, QueryValue>): string {
  const keys = Object.keys(query)
    .filter((key) => query[key] !== undefined)
    .sort();
  if (keys.length === 0) return path;
  const pairs = keys.map((key) => {
    const value = query[key];
    return `${key}=${Array.isArray(value) ? value.join(',') : value}`;
  });
  return `${path}?${pairs.join('&')}`;
}

export function roaStringToSign(req: RoaRequestParts): string {
  const h = lowerHeaders(req.headers);
  return [
    req.method.toUpperCase(),
    h.get('accept') ?? '',
    h.get('content-md5') ?? '',
    h.get('content-type') ?? '',
    h.get('date') ?? '',
    '',
  ]
    .join('\n')
    .concat(canonicalizedHeaders(req.headers), canonicalizedResource(req.path, req.query));
}

export function hmacSha1Base64(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text, 'utf8').digest('base64');
}

export function contentMd5(body: string | Uint8Array | undefined): string {
  return createHash('md5')
    .update(body ?? '')
    .digest('base64');
}

export interface SignOptions {
  now?: Date;
  nonce?: string;
  apiVersion?: string;
  regionId?: string;
}

/**
 * Returns the full header set to send: the caller's headers plus Accept, Date, Content-MD5,
 * the x-acs-* signing headers and Authorization.
 */
export function signRoa(
  req: RoaRequestParts,
  credentials: AliyunCredentials,
  options: SignOptions = {},
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of lowerHeaders(req.headers)) headers[name] = value;
  headers.accept ??= 'application/json';
  headers.date = (options.now ?? new Date()).toUTCString();
  headers['content-md5'] = contentMd5(req.body);
  headers['x-acs-signature-nonce'] = options.nonce ?? randomUUID();
  headers['x-acs-signature-method'] = ROA_SIGNATURE_METHOD;
  headers['x-acs-signature-version'] = ROA_SIGNATURE_VERSION;
  if (options.apiVersion) headers['x-acs-version'] = options.apiVersion;
  if (options.regionId) headers['x-acs-region-id'] = options.regionId;
  const stringToSign = roaStringToSign({ ...req, headers });
  headers.authorization = `acs ${credentials.accessKeyId}:${hmacSha1Base64(credentials.accessKeySecret, stringToSign)}`;
  return headers;
}

export interface SignatureFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
}

export type VerifyResult = { ok: true; accessKeyId: string } | SignatureFailure;

export interface VerifyOptions {
  lookupSecret(accessKeyId: string): string | undefined;
  now: Date;
  /** Largest accepted distance between the Date header and now; the reference says 15 minutes. */
  maxSkewMs?: number;
  /** Records the nonce and answers whether it had been seen before. */
  nonceSeen(nonce: string): boolean;
}

const fail = (status: number, code: string, message: string): SignatureFailure => ({
  ok: false,
  status,
  code,
  message,
});

export function verifyRoa(req: RoaRequestParts, options: VerifyOptions): VerifyResult {
  const h = lowerHeaders(req.headers);
  const authorization = h.get('authorization');
  if (!authorization) return fail(400, 'MissingAuthorization', 'The Authorization header is required.');
  const match = /^acs ([^:\s]+):(\S+)$/.exec(authorization.trim());
  if (!match) {
    return fail(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  }
  const accessKeyId = match[1] as string;
  const signature = match[2] as string;
  const method = h.get('x-acs-signature-method');
  if (method !== undefined && method !== ROA_SIGNATURE_METHOD) {
    return fail(400, 'InvalidSignatureMethod', `Specified signature method ${method} is not supported.`);
  }
  const date = h.get('date');
  if (!date) return fail(400, 'MissingDate', 'The Date header is required.');
  const sent = Date.parse(date);
  if (Number.isNaN(sent)) return fail(400, 'InvalidDate', `The Date header ${date} is not a valid GMT date.`);
  if (Math.abs(options.now.getTime() - sent) > (options.maxSkewMs ?? 15 * 60_000)) {
    return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = h.get('x-acs-signature-nonce');
  if (!nonce) return fail(400, 'MissingSignatureNonce', 'The x-acs-signature-nonce header is required.');
  const md5 = h.get('content-md5');
  if (md5 && req.body !== undefined && md5 !== contentMd5(req.body)) {
    return fail(400, 'InvalidContentMD5', 'The Content-MD5 header does not match the request body.');
  }
  const secret = options.lookupSecret(accessKeyId);
  if (secret === undefined) {
    return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const expected = Buffer.from(hmacSha1Base64(secret, roaStringToSign(req)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return fail(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  if (options.nonceSeen(nonce)) {
    return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return { ok: true, accessKeyId };
}
