import { NotFoundError } from '../http/errors';
import { cloudIso, ZONE } from '../upstream/cloud-time';
import { ReadCoalescer } from '../upstream/coalesce';
import { UpstreamError } from '../upstream/errors';
import type { HuaweiCall, HuaweiClient, HuaweiResult } from './client';

export type Raw = Record<string, unknown>;

export const hwStr = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
export const hwNum = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
};
/** A time as Huawei writes it (`2019-02-13T06:52:13Z`, IAM's `…13.855000Z`) as ISO 8601 in UTC, or undefined. */
export const hwTime = (v: unknown): string | undefined => cloudIso(v, ZONE.utc);
export const hwArr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
export const hwObj = (v: unknown): Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};

/**
 * The one way a Huawei product's provider talks to its service: reads shared among concurrent viewers
 * (and kept `readCacheMs`), writes sent once, and the product's "does not exist" codes answered as 404.
 */
export class HuaweiGateway {
  private readonly reads: ReadCoalescer;

  constructor(
    private readonly client: HuaweiClient,
    private readonly isNotFound: (code: string) => boolean,
    readCacheMs = 1_000,
  ) {
    this.reads = new ReadCoalescer(readCacheMs);
  }

  async read(path: string, query: HuaweiCall['query'] = {}, fresh = false): Promise<unknown> {
    const load = async () => (await this.client.call({ method: 'GET', path, query, read: true })).body;
    try {
      return await (fresh ? load() : this.reads.get(`${path}?${JSON.stringify(query)}`, load));
    } catch (error) {
      throw this.notFound(error);
    }
  }

  /**
   * A read the service takes as a POST with a body (a query by tag): shared, cached and retried like a
   * GET, keyed by its body.
   */
  async query(path: string, json: unknown, fresh = false): Promise<unknown> {
    const load = async () => (await this.client.call({ method: 'POST', path, json, read: true })).body;
    try {
      return await (fresh ? load() : this.reads.get(`POST ${path} ${JSON.stringify(json)}`, load));
    } catch (error) {
      throw this.notFound(error);
    }
  }

  async write(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    json?: unknown,
    query?: HuaweiCall['query'],
  ): Promise<{ body: Raw; requestId: string }> {
    try {
      const result = await this.client.call({ method, path, json, query, read: false });
      return { body: hwObj(result.body), requestId: result.requestId ?? '' };
    } catch (error) {
      throw this.notFound(error);
    } finally {
      // A refused write also means the caller's picture was out of date: the next read goes upstream.
      this.reads.invalidate('');
    }
  }

  /**
   * A call whose answer's headers matter (a list's `Content-Range`, a download) or whose body is not
   * JSON (a multipart upload): reads are sent on their own (with retries), writes once, dropping the
   * read cache as `write` does.
   */
  async exchange(
    call: HuaweiCall,
  ): Promise<{ body: unknown; headers: HuaweiResult['headers']; requestId: string }> {
    try {
      const result = await this.client.call(call);
      return { body: result.body, headers: result.headers, requestId: result.requestId ?? '' };
    } catch (error) {
      throw this.notFound(error);
    } finally {
      if (!call.read) this.reads.invalidate('');
    }
  }

  private notFound(error: unknown): unknown {
    if (error instanceof UpstreamError && this.isNotFound(error.body.code)) {
      return new NotFoundError(error.body.message, error.body);
    }
    return error;
  }
}
