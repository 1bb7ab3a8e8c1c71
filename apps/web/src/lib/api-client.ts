import type { ApiError, UpstreamError } from '@console/contract';
import { BACKGROUND_HEADER, personIsAway } from './activity';
import { markStale, STALE_HEADER } from './stale-data';

/** A failed console API call, carrying the BFF's error body and, when there is one, the cloud's own answer. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly upstream?: UpstreamError,
    /** The whole response body, e.g. the fresh rollout of a 409. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'error' in body;
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A page refreshing itself while its person is away does not keep the session from idling out.
  if (method === 'GET' && personIsAway()) headers[BACKGROUND_HEADER] = '1';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NetworkError', 'The console server cannot be reached.');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if (isApiError(parsed)) {
      const e = parsed.error;
      throw new ApiRequestError(response.status, e.code, e.message, e.field, e.upstream, parsed);
    }
    throw new ApiRequestError(
      response.status,
      `HTTP${response.status}`,
      response.statusText || 'Request failed',
    );
  }
  const staleSince = response.headers.get(STALE_HEADER);
  if (staleSince) markStale(parsed, staleSince);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal, headers?: Record<string, string>) =>
    apiRequest<T>('GET', path, undefined, signal, headers),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => apiRequest<T>('DELETE', path, body),
};

/** Builds a query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
