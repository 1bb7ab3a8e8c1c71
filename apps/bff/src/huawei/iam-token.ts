import { UpstreamError } from '../upstream/errors';
import { HttpClient } from '../upstream/http-client';

export interface IamPasswordIdentity {
  /** e.g. https://iam.cn-north-4.myhuaweicloud.com */
  iamEndpoint: string;
  domain: string;
  user: string;
  password: string;
  /** The project the token is scoped to: by name (the region, e.g. cn-north-4) or by id. */
  project: { name: string } | { id: string };
}

interface CachedToken {
  token: string;
  /** When the token expires, as the BFF's clock reads it. */
  expiresAt: number;
  projectId?: string;
}

/** Renew this long before the token's stated expiry (it lives 24 h). */
const RENEW_BEFORE_MS = 60 * 60_000;

/**
 * IAM tokens for one Huawei Cloud account: `POST /v3/auth/tokens` with the password identity and a
 * project scope, the token from `X-Subject-Token`, cached until an hour before `expires_at` and shared
 * by every concurrent caller (one request to IAM however many calls wait). `invalidate` drops a token a
 * service refused, so that the next caller fetches a new one.
 */
export class IamTokenSource {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;
  private readonly http = new HttpClient({ product: 'IAM', readAttempts: 2 });

  constructor(
    private readonly identity: IamPasswordIdentity,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    return (await this.current()).token;
  }

  /** The project id the token is scoped to, as IAM reported it. */
  async projectId(): Promise<string | undefined> {
    return (await this.current()).projectId;
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private current(): Promise<CachedToken> {
    if (this.cached && this.cached.expiresAt - RENEW_BEFORE_MS > this.now())
      return Promise.resolve(this.cached);
    if (!this.inFlight) {
      this.inFlight = this.fetch().then(
        (fresh) => {
          this.cached = fresh;
          this.inFlight = undefined;
          return fresh;
        },
        (error: unknown) => {
          this.inFlight = undefined;
          throw error;
        },
      );
    }
    return this.inFlight;
  }

  private async fetch(): Promise<CachedToken> {
    const { iamEndpoint, domain, user, password, project } = this.identity;
    const url = `${iamEndpoint.replace(/\/+$/, '')}/v3/auth/tokens`;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, password, domain: { name: domain } } },
        },
        scope: { project },
      },
    });
    // Asking for a token changes nothing: it is retried like a read.
    const response = await this.http.send(true, () => ({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json;charset=utf8' },
      body,
    }));
    const header = response.headers['x-subject-token'];
    const token = Array.isArray(header) ? header[0] : header;
    let parsed: { token?: { expires_at?: string; project?: { id?: string } } } = {};
    try {
      parsed = JSON.parse(response.text) as typeof parsed;
    } catch {}
    if (response.status !== 201 || !token) {
      const error = (parsed as { error?: { code?: unknown; message?: unknown; title?: unknown } }).error;
      throw new UpstreamError({
        product: 'IAM',
        httpStatus: response.status,
        code: String(error?.title ?? error?.code ?? `HTTP ${response.status}`),
        message: String(error?.message ?? 'IAM did not issue a token.'),
        requestId: headerText(response.headers['x-request-id']),
      });
    }
    const stated = Date.parse(parsed.token?.expires_at ?? '');
    // Without a readable expiry, keep the token for the documented 24 hours.
    const expiresAt = Number.isFinite(stated) ? stated : this.now() + 24 * 3_600_000;
    return { token, expiresAt, projectId: parsed.token?.project?.id };
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
