import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type AliyunCredentials,
  type HeaderValue,
  type QueryValue,
  type RoaRequestParts,
  type SignatureFailure,
  type VerifyOptions,
  type VerifyResult,
  verifyRoa,
} from './aliyun-roa';

/**
 * Alibaba Cloud signature V3 (`ACS3-HMAC-SHA256`), the default of the current official SDKs
 * (`@alicloud/openapi-client` and the generated product clients). The rules follow
 * `@alicloud/openapi-util` `getAuthorization`:
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                      SignedHeaders \n HashedPayload
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA256(CanonicalRequest))
 *   Authorization    = ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=<a;b>,Signature=hex(HMAC-SHA256)
 *
 * Quirks kept from the official implementation: query keys are sorted by UTF-16 code unit and are
 * not percent-encoded (only values are); a repeated query parameter is one value joined with `,`;
 * a header sent several times is its trimmed values sorted and joined with `,`.
 */

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Decoded request parts; the same shape the ROA code takes. */
export type V3RequestParts = RoaRequestParts;

/** RFC 3986 percent-encoding, as the official SDKs apply it. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Each path segment percent-encoded, `/` kept (openapi-util `getEncodePath`). */
export function v3CanonicalUri(path: string): string {
  return path.split('/').map(percentEncode).join('/');
}

function queryText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Sorted `key=value` pairs joined with `&`. With `encodeKeys`, keys are percent-encoded too (and
 * sorted encoded), which is how the V3 documentation words it; the two forms differ only for keys
 * outside the unreserved set.
 */
export function v3CanonicalQuery(query: Record<string, QueryValue>, encodeKeys = false): string {
  const entries = Object.entries(query)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => [encodeKeys ? percentEncode(key) : key, percentEncode(queryText(value))] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([key, value]) => `${key}=${value}`).join('&');
}

function headerValues(value: HeaderValue): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [String(value)]).map((v) => v.trim());
}

/** Lowercased header name → its values, merging names that differ only in case. */
function groupHeaders(headers: Record<string, HeaderValue>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    const values = headerValues(value);
    if (values.length === 0) continue;
    const lower = name.toLowerCase();
    out.set(lower, [...(out.get(lower) ?? []), ...values]);
  }
  return out;
}

/** The headers V3 signs: host, content-type and every x-acs-* header. */
export function isV3SignedHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

export function v3SignedHeaderNames(headers: Record<string, HeaderValue>): string[] {
  return [...groupHeaders(headers).keys()].filter(isV3SignedHeader).sort();
}

export function v3CanonicalHeaders(
  headers: Record<string, HeaderValue>,
  signedHeaders: readonly string[],
): string {
  const grouped = groupHeaders(headers);
  return signedHeaders.map((name) => `${name}:${[...(grouped.get(name) ?? [])].sort().join(',')}\n`).join('');
}

export function sha256Hex(data: string | Uint8Array | undefined): string {
  return createHash('sha256')
    .update(data ?? '')
    .digest('hex');
}

export function v3CanonicalRequest(
  req: V3RequestParts,
  signedHeaders: readonly string[],
  hashedPayload: string,
  encodeQueryKeys = false,
): string {
  return [
    req.method.toUpperCase(),
    v3CanonicalUri(req.path),
    v3CanonicalQuery(req.query, encodeQueryKeys),
    v3CanonicalHeaders(req.headers, signedHeaders),
    signedHeaders.join(';'),
    hashedPayload,
  ].join('\n');
}

export function v3StringToSign(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function hmacSha256Hex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** `2026-01-02T03:04:05Z`: ISO 8601 UTC to the second, as the official SDKs send `x-acs-date`. */
export function v3Timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `x-acs-*` headers a V3 request must carry and sign. */
export const V3_REQUIRED_HEADERS = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
] as const;

export interface SignV3Options {
  /** `x-acs-action`; required unless the headers carry it. */
  action?: string;
  /** `x-acs-version`; required unless the headers carry it. */
  version?: string;
  now?: Date;
  nonce?: string;
}

/**
 * Returns the full header set to send (lowercased names): the caller's headers, which must include
 * `host`, plus the x-acs-* signing headers and Authorization.
 */
export function signV3(
  req: V3RequestParts,
  credentials: AliyunCredentials,
  options: SignV3Options = {},
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of groupHeaders(req.headers)) headers[name] = values.join(',');
  if (!headers.host) throw new Error('signature V3 signs the host header: give one');
  if (options.action) headers['x-acs-action'] = options.action;
  if (options.version) headers['x-acs-version'] = options.version;
  if (!headers['x-acs-action'] || !headers['x-acs-version']) {
    throw new Error('signature V3 needs x-acs-action and x-acs-version');
  }
  headers['x-acs-date'] = v3Timestamp(options.now ?? new Date());
  headers['x-acs-signature-nonce'] = options.nonce ?? randomUUID();
  headers['x-acs-content-sha256'] = sha256Hex(req.body);
  // Canonicalise from the caller's headers (repeats kept apart) with the signing headers replaced.
  const ours = new Set<string>(V3_REQUIRED_HEADERS);
  const signing: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!ours.has(name.toLowerCase())) signing[name] = value;
  }
  for (const name of V3_REQUIRED_HEADERS) signing[name] = headers[name];
  const signedHeaders = v3SignedHeaderNames(signing);
  const canonical = v3CanonicalRequest(
    { ...req, headers: signing },
    signedHeaders,
    headers['x-acs-content-sha256'],
  );
  const signature = hmacSha256Hex(credentials.accessKeySecret, v3StringToSign(canonical));
  headers.authorization = `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  return headers;
}

const fail = (status: number, code: string, message: string): SignatureFailure => ({
  ok: false,
  status,
  code,
  message,
});

const incomplete = (detail: string) =>
  fail(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${detail}`);

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseAuthorization(authorization: string) {
  const match = /^(ACS3-[A-Za-z0-9-]+)\s+(.*)$/.exec(authorization.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of (match[2] as string).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return {
    algorithm: match[1] as string,
    credential: fields.get('Credential'),
    signedHeaders: fields.get('SignedHeaders'),
    signature: fields.get('Signature'),
  };
}

/**
 * Verifies a V3-signed request with the same refusals (codes, statuses) as `verifyRoa`, and the
 * same nonce store, so a nonce is single-use across both schemes.
 */
export function verifyV3(req: V3RequestParts, options: VerifyOptions): VerifyResult {
  const h = groupHeaders(req.headers);
  const one = (name: string) => h.get(name)?.join(',');
  const authorization = one('authorization');
  if (!authorization) return fail(400, 'MissingAuthorization', 'The Authorization header is required.');
  const auth = parseAuthorization(authorization);
  if (!auth) return incomplete('The Authorization header is malformed.');
  if (auth.algorithm !== V3_ALGORITHM) {
    return fail(
      400,
      'InvalidSignatureMethod',
      `Specified signature method ${auth.algorithm} is not supported.`,
    );
  }
  if (!auth.credential || auth.signedHeaders === undefined || !auth.signature) {
    return incomplete('Authorization needs Credential, SignedHeaders and Signature.');
  }
  if (!/^[0-9a-fA-F]{64}$/.test(auth.signature)) return incomplete('Signature is not a hex SHA-256 HMAC.');
  const signedHeaders = auth.signedHeaders.split(';').filter((name) => name !== '');
  const sorted = [...new Set(signedHeaders.map((name) => name.toLowerCase()))].sort();
  if (signedHeaders.join(';') !== sorted.join(';')) {
    return incomplete('SignedHeaders must be lowercase, sorted and without repeats.');
  }

  const date = one('x-acs-date');
  if (!date) return fail(400, 'MissingDate', 'The x-acs-date header is required.');
  const nonce = one('x-acs-signature-nonce');
  if (!nonce) return fail(400, 'MissingSignatureNonce', 'The x-acs-signature-nonce header is required.');
  for (const name of V3_REQUIRED_HEADERS) {
    if (!one(name)) return incomplete(`The ${name} header is required.`);
  }
  for (const name of ['host', ...[...h.keys()].filter(isV3SignedHeader)]) {
    if (!signedHeaders.includes(name)) return incomplete(`The ${name} header must be signed.`);
  }

  const sent = ISO_UTC.test(date) ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(sent)) {
    return fail(400, 'InvalidDate', `The x-acs-date header ${date} is not an ISO 8601 UTC time.`);
  }
  if (Math.abs(options.now.getTime() - sent) > (options.maxSkewMs ?? 15 * 60_000)) {
    return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const payloadHash = one('x-acs-content-sha256') as string;
  if (payloadHash.toLowerCase() !== sha256Hex(req.body)) {
    return fail(
      400,
      'InvalidContentSHA256',
      'The x-acs-content-sha256 header does not match the request body.',
    );
  }

  const secret = options.lookupSecret(auth.credential);
  if (secret === undefined) {
    return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const given = Buffer.from(auth.signature.toLowerCase());
  const matches = (encodeQueryKeys: boolean) => {
    const canonical = v3CanonicalRequest(req, signedHeaders, payloadHash, encodeQueryKeys);
    const expected = Buffer.from(hmacSha256Hex(secret, v3StringToSign(canonical)));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  // The official Node SDK leaves query keys unencoded; accept the fully encoded form as well.
  const keysNeedEncoding = Object.keys(req.query).some((key) => percentEncode(key) !== key);
  if (!matches(false) && !(keysNeedEncoding && matches(true))) {
    return fail(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  if (options.nonceSeen(nonce)) {
    return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return { ok: true, accessKeyId: auth.credential };
}

/** The Authorization scheme decides: `ACS3-*` is signature V3, anything else the ROA signature. */
export function isV3Authorization(authorization: HeaderValue): boolean {
  const text = Array.isArray(authorization) ? authorization[0] : authorization;
  return typeof text === 'string' && /^\s*ACS3-/i.test(text);
}

/** Verifies a request signed either way (ROA HMAC-SHA1 or V3), dispatching on the Authorization scheme. */
export function verifyAliyun(req: RoaRequestParts, options: VerifyOptions): VerifyResult {
  const authorization = Object.entries(req.headers).find(
    ([name]) => name.toLowerCase() === 'authorization',
  )?.[1];
  return isV3Authorization(authorization) ? verifyV3(req, options) : verifyRoa(req, options);
}
