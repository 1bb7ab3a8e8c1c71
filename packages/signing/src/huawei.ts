import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderValue, QueryValue } from './aliyun-roa';

/**
 * Huawei Cloud API Gateway AK/SK signing, `SDK-HMAC-SHA256` (the "API Request Signing Guide"; the
 * seeds only name the two headers it adds). The rules follow the official signer,
 * `@huaweicloud/huaweicloud-sdk-core` `AKSKSigner`:
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                      SignedHeaders \n HexEncode(SHA256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexEncode(SHA256(CanonicalRequest))
 *   Authorization    = SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=HexEncode(HMAC-SHA256(SK, StringToSign))
 *
 * CanonicalURI is every path segment percent-encoded (RFC 3986 unreserved kept) and always ends in
 * `/`; the query is sorted by key, every key and value encoded, a repeated key one pair per value
 * with its values sorted; the canonical headers are `name:value\n`, names lowercased. The
 * `X-Sdk-Content-Sha256` header, when sent, stands in for the body hash (the SDK sends
 * `UNSIGNED-PAYLOAD` for bodies that are not JSON).
 */

export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';
export const HUAWEI_DATE_HEADER = 'X-Sdk-Date';
export const HUAWEI_CONTENT_SHA256_HEADER = 'X-Sdk-Content-Sha256';
export const HUAWEI_UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** The gateway refuses an `X-Sdk-Date` further than this from its own clock. */
export const HUAWEI_MAX_SKEW_MS = 15 * 60_000;

export interface HuaweiCredentials {
  ak: string;
  sk: string;
}

export interface HuaweiRequestParts {
  method: string;
  /**
   * The path as it goes on the wire (percent-encoded wherever the client encoded it), without the
   * query string.
   */
  path: string;
  /** Decoded query parameters; a repeated parameter is an array. */
  query: URLSearchParams | Record<string, QueryValue>;
  headers: Record<string, HeaderValue>;
  body?: string | Uint8Array;
}

/** Percent-encoding that keeps only `A-Z a-z 0-9 - _ . ~` (the official signer's table). */
export function huaweiEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every segment of the decoded path encoded once, with a trailing `/`. With `asSent`, the segments
 * are encoded as they appear on the wire, which is what the Node SDK does (it encodes the path it
 * parsed from the URL, so an already encoded `%3A` becomes `%253A`).
 */
export function huaweiCanonicalUri(path: string, asSent = false): string {
  const uri = path
    .split('/')
    .map((segment) => huaweiEncode(asSent ? segment : safeDecode(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function queryEntries(query: HuaweiRequestParts['query']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (query instanceof URLSearchParams) {
    for (const [key, value] of query) out.set(key, [...(out.get(key) ?? []), value]);
    return out;
  }
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    out.set(key, Array.isArray(value) ? [...value] : [value]);
  }
  return out;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function huaweiCanonicalQuery(query: HuaweiRequestParts['query']): string {
  const entries = queryEntries(query);
  const pairs: string[] = [];
  for (const key of [...entries.keys()].sort(byCodeUnit)) {
    for (const value of [...(entries.get(key) ?? [])].sort(byCodeUnit)) {
      pairs.push(`${huaweiEncode(key)}=${huaweiEncode(value)}`);
    }
  }
  return pairs.join('&');
}

function headerText(value: HeaderValue): string | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.map((v) => v.trim()).join(',') : String(value)).trim();
}

/** Lowercased header name → its trimmed value (several values joined with `,`). */
function lowerHeaders(headers: Record<string, HeaderValue>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const text = headerText(value);
    if (text === undefined) continue;
    const lower = name.toLowerCase();
    const before = out.get(lower);
    out.set(lower, before === undefined ? text : `${before},${text}`);
  }
  return out;
}

export function huaweiCanonicalHeaders(
  headers: Map<string, string>,
  signedHeaders: readonly string[],
): string {
  return signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
}

function sha256Hex(data: string | Uint8Array | undefined): string {
  return createHash('sha256')
    .update(data ?? '')
    .digest('hex');
}

export function huaweiCanonicalRequest(
  method: string,
  canonicalUri: string,
  canonicalQuery: string,
  canonicalHeaders: string,
  signedHeaders: readonly string[],
  payloadHash: string,
): string {
  return [
    method.toUpperCase(),
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function huaweiStringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${HUAWEI_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** `20260304T050607Z`: the basic ISO 8601 UTC form `X-Sdk-Date` takes. */
export function huaweiSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The ms epoch of an `X-Sdk-Date`, or NaN when it is not `YYYYMMDDTHHMMSSZ`. */
export function parseHuaweiSdkDate(text: string): number {
  const m = SDK_DATE.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 20260231 over to March; a real timestamp survives the round trip.
  return huaweiSdkDate(new Date(ms)) === text ? ms : Number.NaN;
}

function payloadHashOf(headers: Map<string, string>, body: HuaweiRequestParts['body']): string {
  return headers.get(HUAWEI_CONTENT_SHA256_HEADER.toLowerCase()) ?? sha256Hex(body);
}

export interface SignHuaweiOptions {
  now?: Date;
}

/**
 * The two headers to add to the request: `X-Sdk-Date` and `Authorization`. Every header given is
 * signed (as the official SDK does), so give the ones that will be sent, `host` included.
 */
export function signHuawei(
  req: HuaweiRequestParts,
  credentials: HuaweiCredentials,
  options: SignHuaweiOptions = {},
): { 'X-Sdk-Date': string; Authorization: string } {
  const headers = lowerHeaders(req.headers);
  headers.delete('authorization');
  if (!headers.get('host')) throw new Error('SDK-HMAC-SHA256 signs the host header: give one');
  const sdkDate = huaweiSdkDate(options.now ?? new Date());
  headers.set(HUAWEI_DATE_HEADER.toLowerCase(), sdkDate);
  const signedHeaders = [...headers.keys()].sort(byCodeUnit);
  const canonical = huaweiCanonicalRequest(
    req.method,
    huaweiCanonicalUri(req.path),
    huaweiCanonicalQuery(req.query),
    huaweiCanonicalHeaders(headers, signedHeaders),
    signedHeaders,
    payloadHashOf(headers, req.body),
  );
  const signature = hmacHex(credentials.sk, huaweiStringToSign(sdkDate, canonical));
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${HUAWEI_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
  };
}

/** Why a signature was refused, for the product to word its own error. */
export type HuaweiSignatureReason =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'unsigned-header'
  | 'missing-date'
  | 'invalid-date'
  | 'expired-date'
  | 'unknown-ak'
  | 'payload-hash'
  | 'signature';

export type HuaweiVerifyResult =
  | { ok: true; ak: string; signedHeaders: string[] }
  | {
      ok: false;
      reason: HuaweiSignatureReason;
      /** What the API Gateway answers: 401 APIGW.0301 with this message. */
      status: 401;
      code: 'APIGW.0301';
      message: string;
    };

export interface HuaweiVerifyOptions {
  lookupSecret: (ak: string) => string | undefined;
  /** The real wall clock (clients sign with it), not simulated time. */
  now: Date;
  maxSkewMs?: number;
}

const refuse = (reason: HuaweiSignatureReason, detail: string): HuaweiVerifyResult => ({
  ok: false,
  reason,
  status: 401,
  code: 'APIGW.0301',
  message: `Incorrect IAM authentication information: ${detail}`,
});

export interface HuaweiAuthorization {
  algorithm: string;
  access?: string;
  signedHeaders?: string;
  signature?: string;
}

/** `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`, or undefined when it is not that shape. */
export function parseHuaweiAuthorization(authorization: string): HuaweiAuthorization | undefined {
  const match = /^([A-Za-z0-9-]+)\s+(.*)$/.exec(authorization.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of (match[2] as string).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return {
    algorithm: match[1] as string,
    access: fields.get('Access'),
    signedHeaders: fields.get('SignedHeaders'),
    signature: fields.get('Signature'),
  };
}

/** An `Authorization` header that claims `SDK-HMAC-SHA256` (the other way to call being a token). */
export function isHuaweiAuthorization(authorization: HeaderValue): boolean {
  const text = Array.isArray(authorization) ? authorization[0] : authorization;
  return typeof text === 'string' && /^\s*SDK-HMAC-/i.test(text);
}

/**
 * Verifies an `SDK-HMAC-SHA256` request: every listed header present, `host` and `X-Sdk-Date`
 * among them, the date within 15 minutes, the body matching any `X-Sdk-Content-Sha256`, and the
 * signature (compared in constant time) recomputed from the path as sent or from the decoded path
 * (SDKs of different languages canonicalise an encoded path differently).
 */
export function verifyHuawei(req: HuaweiRequestParts, options: HuaweiVerifyOptions): HuaweiVerifyResult {
  const headers = lowerHeaders(req.headers);
  const authorization = headers.get('authorization');
  if (!authorization) return refuse('missing', 'the Authorization header is missing');
  const auth = parseHuaweiAuthorization(authorization);
  if (!auth) return refuse('malformed', 'the Authorization header is malformed');
  if (auth.algorithm !== HUAWEI_ALGORITHM) {
    return refuse('algorithm', `the signing algorithm ${auth.algorithm} is not supported`);
  }
  if (!auth.access || !auth.signedHeaders || !auth.signature) {
    return refuse('malformed', 'Authorization needs Access, SignedHeaders and Signature');
  }
  if (!/^[0-9a-fA-F]{64}$/.test(auth.signature)) {
    return refuse('malformed', 'the signature is not a hex SHA-256 HMAC');
  }
  const signedHeaders = auth.signedHeaders.split(';').filter((name) => name !== '');
  if (signedHeaders.some((name) => name !== name.toLowerCase())) {
    return refuse('malformed', 'SignedHeaders must be lowercase');
  }
  if (new Set(signedHeaders).size !== signedHeaders.length) {
    return refuse('malformed', 'SignedHeaders lists a header twice');
  }
  for (const name of ['host', HUAWEI_DATE_HEADER.toLowerCase()]) {
    if (!signedHeaders.includes(name)) return refuse('unsigned-header', `the ${name} header must be signed`);
  }
  for (const name of signedHeaders) {
    if (!headers.has(name)) return refuse('unsigned-header', `the signed header ${name} is missing`);
  }

  const sdkDate = headers.get(HUAWEI_DATE_HEADER.toLowerCase());
  if (!sdkDate) return refuse('missing-date', 'the X-Sdk-Date header is missing');
  const sent = parseHuaweiSdkDate(sdkDate);
  if (Number.isNaN(sent)) {
    return refuse('invalid-date', `the X-Sdk-Date ${sdkDate} is not in the form YYYYMMDDTHHMMSSZ`);
  }
  if (Math.abs(options.now.getTime() - sent) > (options.maxSkewMs ?? HUAWEI_MAX_SKEW_MS)) {
    return refuse(
      'expired-date',
      `the X-Sdk-Date ${sdkDate} is more than 15 minutes away from the server time ${huaweiSdkDate(options.now)}`,
    );
  }

  const contentHash = headers.get(HUAWEI_CONTENT_SHA256_HEADER.toLowerCase());
  if (contentHash !== undefined) {
    if (!signedHeaders.includes(HUAWEI_CONTENT_SHA256_HEADER.toLowerCase())) {
      return refuse('unsigned-header', 'the x-sdk-content-sha256 header must be signed');
    }
    if (contentHash !== HUAWEI_UNSIGNED_PAYLOAD && contentHash.toLowerCase() !== sha256Hex(req.body)) {
      return refuse('payload-hash', 'the x-sdk-content-sha256 header does not match the body');
    }
  }

  const secret = options.lookupSecret(auth.access);
  if (secret === undefined) return refuse('unknown-ak', `ak ${auth.access} not exist`);

  const given = Buffer.from(auth.signature.toLowerCase());
  const canonicalQuery = huaweiCanonicalQuery(req.query);
  const canonicalHeaders = huaweiCanonicalHeaders(headers, signedHeaders);
  const payloadHash = payloadHashOf(headers, req.body);
  const matches = (canonicalUri: string) => {
    const canonical = huaweiCanonicalRequest(
      req.method,
      canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      signedHeaders,
      payloadHash,
    );
    const expected = Buffer.from(hmacHex(secret, huaweiStringToSign(sdkDate, canonical)));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  const decoded = huaweiCanonicalUri(req.path);
  const asSent = huaweiCanonicalUri(req.path, true);
  if (!matches(decoded) && !(asSent !== decoded && matches(asSent))) {
    return refuse('signature', 'verify aksk signature fail');
  }
  return { ok: true, ak: auth.access, signedHeaders };
}
