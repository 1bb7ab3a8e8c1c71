import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { observeUpstream } from '../http/metrics';
import { CircuitBreaker } from './circuit';
import { UpstreamError } from './errors';
import { currentUpstreamScope, upstreamPolicy } from './policy';

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
  /** Per attempt; the policy's when absent. */
  timeoutMs?: number;
  /** Attempts for reads (writes are sent once); the policy's when absent. */
  readAttempts?: number;
  /** First backoff step; the policy's when absent. */
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

/** Connection errors raised before any byte of the request left: a write that met one did not happen. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export class HttpClient {
  /** This account's circuit for this product (every client is made for one account). */
  readonly circuit: CircuitBreaker;

  constructor(private readonly options: HttpClientOptions) {
    this.circuit = new CircuitBreaker(options.product, currentUpstreamScope());
  }

  /**
   * Sends the request. `build` is called for each attempt so that every attempt carries a fresh
   * signature and nonce. Only reads are retried, on 5xx, throttling, reset and timeout, with
   * exponential backoff and full jitter, within the policy's attempts and time budget. Every call
   * goes through the account's circuit: while it is open nothing is sent.
   */
  async send(read: boolean, build: () => UpstreamRequest): Promise<UpstreamResponse> {
    const policy = upstreamPolicy();
    const admitted = this.circuit.admit();
    // A probe is one attempt: it is there to learn whether the cloud is back.
    const attempts = read && admitted === 'call' ? (this.options.readAttempts ?? policy.readAttempts) : 1;
    const timeoutMs = this.options.timeoutMs ?? policy.timeoutMs;
    const deadline = Date.now() + policy.readBudgetMs;
    let settled = false;
    try {
      for (let attempt = 1; ; attempt++) {
        const attemptTimeout = read ? Math.max(1, Math.min(timeoutMs, deadline - Date.now())) : timeoutMs;
        let response: UpstreamResponse | undefined;
        let failure: UpstreamError | undefined;
        try {
          response = await observeUpstream(this.options.product, this.once(build(), read, attemptTimeout));
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          failure = error;
        }
        if (response && !isFailingStatus(response)) {
          settled = true;
          this.circuit.succeeded();
          return response;
        }
        const wait = this.delay(attempt, response);
        if (!read || attempt >= attempts || Date.now() + wait >= deadline) {
          settled = true;
          this.circuit.failed(failure?.body.code ?? failureCode(response));
          if (failure) throw failure;
          return response as UpstreamResponse;
        }
        await sleep(wait);
      }
    } finally {
      if (!settled && admitted === 'probe') this.circuit.abandoned();
    }
  }

  /** Full jitter over an exponential step, but never sooner than a Retry-After the cloud asked for. */
  private delay(attempt: number, response: UpstreamResponse | undefined): number {
    const policy = upstreamPolicy();
    const step = Math.min(
      policy.maxBackoffMs,
      (this.options.backoffMs ?? policy.backoffMs) * 2 ** (attempt - 1),
    );
    const jitter = Math.random() * step;
    const asked = retryAfterMs(response);
    return asked === undefined ? jitter : Math.max(jitter, Math.min(asked, policy.maxBackoffMs));
  }

  private async once(req: UpstreamRequest, read: boolean, timeoutMs: number): Promise<UpstreamResponse> {
    const url = new URL(req.url);
    try {
      const response = await request(url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        dispatcher: agentFor(url.origin),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const code = String((error as { code?: unknown })?.code ?? '');
      const notSent = NOT_SENT.has(code);
      const timedOut =
        code !== 'UND_ERR_CONNECT_TIMEOUT' && (/timeout/i.test(reason) || /TIMEOUT/.test(code));
      const product = this.options.product;
      throw new UpstreamError(
        {
          product,
          httpStatus: 0,
          code: timedOut ? 'UpstreamTimeout' : 'UpstreamUnreachable',
          message:
            read || notSent
              ? `The ${product} endpoint did not answer: ${reason}`
              : `The ${product} endpoint did not answer; the change may or may not have been applied: ${reason}`,
        },
        !read && !notSent,
      );
    }
  }
}

/** An answer that says the cloud is unavailable rather than that the request was refused. */
function isFailingStatus(response: UpstreamResponse): boolean {
  if (response.status >= 500 || response.status === 429) return true;
  return response.status === 400 && response.text.includes('"Throttling');
}

function failureCode(response: UpstreamResponse | undefined): string {
  if (!response) return 'UpstreamUnreachable';
  const code = /"(?:Code|code|error_code)"\s*:\s*"([^"]+)"/.exec(response.text)?.[1];
  return code ?? `HTTP ${response.status}`;
}

function retryAfterMs(response: UpstreamResponse | undefined): number | undefined {
  const raw = response?.headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
