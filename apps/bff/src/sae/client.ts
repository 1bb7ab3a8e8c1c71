import { randomUUID } from 'node:crypto';
import { type SaeApiName, type SaeParams, saeApiByName } from '@console/catalogue';
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

export interface SaeResult {
  data: unknown;
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

  /** Calls one API of the catalogue; parameters go where the reference places them. */
  async call<N extends SaeApiName>(name: N, params: SaeParams<N>): Promise<SaeResult> {
    const api = saeApiByName[name];
    const where = new Map<string, string>(api.params.map((p) => [p.name, p.in]));
    const query: Record<string, string> = {};
    const form = new URLSearchParams();
    const json: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
      if (value === undefined) continue;
      const location = where.get(key) ?? 'query';
      if (location === 'formData') form.set(key, String(value));
      else if (location === 'body') json[key] = value;
      else query[key] = String(value);
    }
    const hasJson = Object.keys(json).length > 0;
    const body = hasJson ? JSON.stringify(json) : form.size > 0 ? form.toString() : '';
    const search = new URLSearchParams(query).toString();
    const url = `${this.origin}${api.path}${search ? `?${search}` : ''}`;
    const host = new URL(this.origin).host;
    const response = await this.http.send(
      api.method === 'GET' && !('mutatingGet' in api && api.mutatingGet),
      () => ({
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
              'content-type': hasJson || !body ? 'application/json' : 'application/x-www-form-urlencoded',
            },
            body,
          },
          this.config.credentials,
          { apiVersion: SAE_API_VERSION, regionId: this.config.regionId, nonce: randomUUID() },
        ),
      }),
    );
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      throw new UpstreamError({
        product: 'SAE',
        httpStatus: response.status,
        code: 'InvalidResponse',
        message: `${name} answered HTTP ${response.status} with a body that is not JSON.`,
        requestId: headerString(response.headers['x-acs-request-id']),
      });
    }
    const requestId = String(parsed.RequestId ?? headerString(response.headers['x-acs-request-id']) ?? '');
    if (response.status >= 400 || parsed.Success === false) {
      throw new UpstreamError({
        product: 'SAE',
        httpStatus: response.status,
        code: String(parsed.ErrorCode ?? parsed.Code ?? 'UnknownError'),
        message: String(parsed.Message ?? `${name} failed with HTTP ${response.status}`),
        requestId,
      });
    }
    return { data: parsed.Data, requestId, raw: parsed };
  }
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
