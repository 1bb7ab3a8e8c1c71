import { type HuaweiCredentials, signHuawei } from '@console/signing';
import { UpstreamError } from '../upstream/errors';
import { HttpClient } from '../upstream/http-client';
import type { IamTokenSource } from './iam-token';

export type HuaweiProduct = 'AOS' | 'AS';

/** Either way the seeds allow: an IAM token (X-Auth-Token) or an AK/SK signature (SDK-HMAC-SHA256). */
export type HuaweiAuth =
  | { kind: 'token'; tokens: IamTokenSource }
  | { kind: 'aksk'; credentials: HuaweiCredentials };

export interface HuaweiCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The path under the endpoint, e.g. `/v2/stacks` or `/autoscaling-api/v1/{project}/scaling_group`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body, or raw bytes with their content type (AOS template upload). */
  json?: unknown;
  raw?: { body: Uint8Array; contentType: string };
  /** Sends nothing twice when false (every state change); reads are retried with backoff. */
  read: boolean;
}

export interface HuaweiResult<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  requestId?: string;
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * One typed way to call Huawei Cloud's REST services: signs or carries a token on every attempt,
 * renews a token the service refused (401) once, and turns both error body shapes — AOS
 * `{code, message, extend, showdetail}` and AS `{error: {code, message}}` — into the cloud's own code,
 * message and request id.
 */
export class HuaweiClient {
  private readonly http: HttpClient;
  private readonly origin: string;
  private readonly projectId: string | undefined;
  /** How far the service's clock (its `Date` header) is ahead of ours, when more than a few seconds. */
  private clockOffsetMs = 0;

  constructor(
    readonly product: HuaweiProduct,
    endpoint: string,
    private readonly auth: HuaweiAuth,
    options: { timeoutMs?: number; projectId?: string } = {},
  ) {
    this.http = new HttpClient({ product, timeoutMs: options.timeoutMs });
    this.origin = endpoint.replace(/\/+$/, '');
    this.projectId = options.projectId;
  }

  async call<T = unknown>(call: HuaweiCall): Promise<HuaweiResult<T>> {
    const first = await this.attempt(call);
    if (first.response.status === 401 && first.token && this.auth.kind === 'token') {
      // The token was refused before anything ran: a new one may be asked for and the call sent again.
      this.auth.tokens.invalidate(first.token);
      return this.finish<T>((await this.attempt(call)).response);
    }
    return this.finish<T>(first.response);
  }

  private async attempt(call: HuaweiCall) {
    const url = new URL(`${this.origin}${call.path}`);
    for (const [k, v] of Object.entries(call.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const body = call.raw ? call.raw.body : call.json === undefined ? undefined : JSON.stringify(call.json);
    const contentType = call.raw?.contentType ?? 'application/json';
    const token = this.auth.kind === 'token' ? await this.auth.tokens.token() : undefined;
    const response = await this.http.send(call.read, () => {
      const headers: Record<string, string> = { 'content-type': contentType, host: url.host };
      if (this.projectId) headers['x-project-id'] = this.projectId;
      if (token) headers['x-auth-token'] = token;
      if (this.auth.kind === 'aksk') {
        Object.assign(
          headers,
          signHuawei(
            { method: call.method, path: url.pathname, query: url.searchParams, headers, body },
            this.auth.credentials,
          ),
        );
      }
      return { method: call.method, url: url.toString(), headers, body };
    });
    return { response, token };
  }

  /**
   * Now on the service's clock: the times it records (activities, executions) are on that clock, so
   * what the console samples beside them is stamped on it too.
   */
  cloudNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private finish<T>(response: {
    status: number;
    headers: HuaweiResult['headers'];
    text: string;
  }): HuaweiResult<T> {
    const date = Date.parse(header(response.headers.date) ?? '');
    if (Number.isFinite(date)) {
      // A Date header has whole seconds: a difference under five is the same clock.
      const offset = date - Date.now();
      this.clockOffsetMs = Math.abs(offset) < 5_000 ? 0 : offset;
    }
    const requestId =
      header(response.headers['x-request-id']) ?? header(response.headers['x-openstack-request-id']);
    let body: unknown;
    try {
      body = response.text ? JSON.parse(response.text) : undefined;
    } catch {
      body = response.text;
    }
    if (response.status >= 400) {
      const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const wrapped = (typeof b.error === 'object' && b.error !== null ? b.error : undefined) as
        | Record<string, unknown>
        | undefined;
      const code = String(wrapped?.code ?? b.code ?? b.error_code ?? `HTTP ${response.status}`);
      // AOS: `showdetail` says whether the situation-specific `extend` is the message to show.
      const message = String(
        wrapped?.message ?? (b.showdetail === true && b.extend ? b.extend : (b.message ?? b.error_msg ?? '')),
      );
      throw new UpstreamError({
        product: this.product,
        httpStatus: response.status,
        code,
        message: message || `${this.product} answered HTTP ${response.status}.`,
        requestId,
      });
    }
    return { status: response.status, body: body as T, headers: response.headers, requestId };
  }
}
