import { randomUUID } from 'node:crypto';
import { type AliyunCredentials, signRoa } from '@console/signing';
import { UpstreamError } from '../upstream/errors';
import { HttpClient } from '../upstream/http-client';

export interface SaeEndpoint {
  /** e.g. https://sae.cn-hangzhou.aliyuncs.com */
  endpoint: string;
  regionId: string;
  credentials: AliyunCredentials;
  timeoutMs?: number;
}

export interface SaeApiRef {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Parameters the API takes as form data rather than in the query. */
  formParams?: readonly string[];
  /** A GET that changes state (ConfirmPipelineBatch, ExecJob): never retried. */
  mutatingGet?: boolean;
}

export type SaeParams = Record<string, string | number | boolean | undefined>;

export interface SaeResult<T> {
  data: T;
  requestId: string;
  raw: Record<string, unknown>;
}

export const SAE_API_VERSION = '2019-05-06';

/** Typed, signing client for the SAE ROA API; one per account. */
export class SaeClient {
  private readonly http: HttpClient;
  private readonly origin: string;

  constructor(private readonly config: SaeEndpoint) {
    this.http = new HttpClient({ product: 'SAE', timeoutMs: config.timeoutMs });
    this.origin = config.endpoint.replace(/\/+$/, '');
  }

  async call<T>(api: SaeApiRef, params: SaeParams = {}): Promise<SaeResult<T>> {
    const query: Record<string, string> = {};
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (api.formParams?.includes(key)) form.set(key, String(value));
      else query[key] = String(value);
    }
    const body = form.size > 0 ? form.toString() : '';
    const search = new URLSearchParams(query).toString();
    const url = `${this.origin}${api.path}${search ? `?${search}` : ''}`;
    const host = new URL(this.origin).host;
    const response = await this.http.send(api.method === 'GET' && !api.mutatingGet, () => ({
      method: api.method,
      url,
      body: body || undefined,
      headers: signRoa(
        {
          method: api.method,
          path: api.path,
          query,
          headers: {
            host,
            'content-type': body ? 'application/x-www-form-urlencoded' : 'application/json',
          },
          body,
        },
        this.config.credentials,
        { apiVersion: SAE_API_VERSION, regionId: this.config.regionId, nonce: randomUUID() },
      ),
    }));
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      throw new UpstreamError({
        product: 'SAE',
        httpStatus: response.status,
        code: 'InvalidResponse',
        message: `${api.name} answered HTTP ${response.status} with a body that is not JSON.`,
        requestId: headerString(response.headers['x-acs-request-id']),
      });
    }
    const requestId = String(parsed.RequestId ?? headerString(response.headers['x-acs-request-id']) ?? '');
    if (response.status >= 400 || parsed.Success === false) {
      throw new UpstreamError({
        product: 'SAE',
        httpStatus: response.status,
        code: String(parsed.ErrorCode ?? parsed.Code ?? 'UnknownError'),
        message: String(parsed.Message ?? `${api.name} failed with HTTP ${response.status}`),
        requestId,
      });
    }
    return { data: parsed.Data as T, requestId, raw: parsed };
  }
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
