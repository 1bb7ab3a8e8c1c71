import { randomUUID } from 'node:crypto';
import {
  type SaeApiName,
  type SaeApiSpec,
  type SaeParams,
  saeApiByName,
  saeApis2019,
} from '@console/catalogue';
import { type AliyunCredentials, signRoa } from '@console/signing';
import { HttpError } from '../http/errors';
import { UpstreamError } from '../upstream/errors';
import { HttpClient } from '../upstream/http-client';

export interface SaeEndpoint {
  /** e.g. https://sae.cn-hangzhou.aliyuncs.com */
  endpoint: string;
  regionId: string;
  credentials: AliyunCredentials;
  /** Which API reference the account answers as: 2022 (seed 000) or 2019 (seed 001). */
  profile?: '2022' | '2019';
  timeoutMs?: number;
}

const apis2019 = new Map<string, SaeApiSpec>(saeApis2019.map((a) => [a.name, a]));

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

  /** The API reference the account answers as. */
  get profile(): '2022' | '2019' {
    return this.config.profile ?? '2022';
  }

  constructor(private readonly config: SaeEndpoint) {
    this.http = new HttpClient({ product: 'SAE', timeoutMs: config.timeoutMs });
    this.origin = config.endpoint.replace(/\/+$/, '');
  }

  /** Calls one API of the catalogue; parameters go where the reference places them. */
  /** The API as this account's reference describes it, or a 400 naming the missing API. */
  private spec(name: SaeApiName): SaeApiSpec {
    if (this.config.profile !== '2019') return saeApiByName[name];
    const api = apis2019.get(name);
    if (!api) {
      throw new HttpError(
        400,
        'NotInApiProfile',
        `${name} is not part of the 2019 SAE API that this account answers as; it needs an account on the 2022 API.`,
      );
    }
    return api;
  }

  async call<N extends SaeApiName>(name: N, params: SaeParams<N>): Promise<SaeResult> {
    const api = this.spec(name);
    // Seed 001 sends parameters as a JSON body; reads keep them in the query, where every profile takes them.
    const where = new Map<string, string>(
      api.params.map((p) => [
        p.name,
        p.in === 'body' && (api.method === 'GET' || api.method === 'DELETE') ? 'query' : p.in,
      ]),
    );
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
