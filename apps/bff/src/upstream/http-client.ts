import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { UpstreamError } from './errors';

export interface UpstreamRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpClientOptions {
  product: string;
  timeoutMs?: number;
  /** Attempts for reads (writes are sent once). */
  readAttempts?: number;
  backoffMs?: number;
}

/** One keep-alive connection pool per upstream; shared by every account of that endpoint. */
const agents = new Map<string, Agent>();
function agentFor(origin: string): Agent {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new Agent({ keepAliveTimeout: 10_000, connections: 32 });
    agents.set(origin, agent);
  }
  return agent;
}

export async function closeUpstreamAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((agent) => agent.close()));
  agents.clear();
}

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly readAttempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.readAttempts = options.readAttempts ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
  }

  /**
   * Sends the request. `build` is called for each attempt so that every attempt carries a fresh
   * signature and nonce. Only reads are retried, with exponential backoff and full jitter.
   */
  async send(read: boolean, build: () => UpstreamRequest): Promise<UpstreamResponse> {
    const attempts = read ? this.readAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.once(build(), read);
        if (read && attempt < attempts && isRetryableStatus(response)) {
          await sleep(this.delay(attempt));
          continue;
        }
        return response;
      } catch (error) {
        if (!(error instanceof UpstreamError) || !error.retryable || attempt >= attempts) throw error;
        await sleep(this.delay(attempt));
      }
    }
  }

  private delay(attempt: number): number {
    return Math.random() * this.backoffMs * 2 ** (attempt - 1);
  }

  private async once(req: UpstreamRequest, read: boolean): Promise<UpstreamResponse> {
    const url = new URL(req.url);
    try {
      const response = await request(url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        dispatcher: agentFor(url.origin),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UpstreamError(
        {
          product: this.options.product,
          httpStatus: 0,
          code: /timeout/i.test(reason) ? 'UpstreamTimeout' : 'UpstreamUnreachable',
          message: read
            ? `The ${this.options.product} endpoint did not answer: ${reason}`
            : `The ${this.options.product} endpoint did not answer; the change may or may not have been applied: ${reason}`,
        },
        !read,
      );
    }
  }
}

function isRetryableStatus(response: UpstreamResponse): boolean {
  if (response.status >= 500 || response.status === 429) return true;
  return response.status === 400 && response.text.includes('"Throttling');
}
