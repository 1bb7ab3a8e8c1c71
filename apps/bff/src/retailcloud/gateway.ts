import type { RetailCloudActionName } from '@console/catalogue';
import type { RpcInputValue } from '@console/signing';
import { NotFoundError } from '../http/errors';
import { cloudIso, readCloudTime, ZONE } from '../upstream/cloud-time';
import { ReadCoalescer } from '../upstream/coalesce';
import { UpstreamError } from '../upstream/errors';
import type { RetailCloudClient } from './client';

export type Raw = Record<string, unknown>;
export type RcInput = Record<string, RpcInputValue>;

/** Business code the cloud answers for an object that does not exist (see the simulator's README). */
const NOT_FOUND_CODE = '2';

/**
 * The one way the BFF talks to a Retail Cloud account: reads shared among concurrent viewers (and kept
 * `readCacheMs`), writes sent once and never retried, a missing object answered as 404.
 */
export class RetailCloudGateway {
  private readonly reads: ReadCoalescer;

  constructor(
    private readonly client: RetailCloudClient,
    readonly regionId: string,
    readCacheMs = 1_000,
  ) {
    this.reads = new ReadCoalescer(readCacheMs);
  }

  /** The whole answer of a read action; `fresh` skips the shared cache (right before acting). */
  async read(action: RetailCloudActionName, params: RcInput, fresh = false): Promise<Raw> {
    const key = `${action}?${JSON.stringify(params)}`;
    const load = async () => (await this.client.call(action, params)).body;
    try {
      return await (fresh ? load() : this.reads.get(key, load));
    } catch (error) {
      throw notFound(error);
    }
  }

  /** Every item of a paginated list action (`Data[]`), page by page. */
  async readAll(
    action: RetailCloudActionName,
    params: RcInput,
    options: { pageParam?: 'PageNumber' | 'PageNum'; pageSize?: number; fresh?: boolean } = {},
  ): Promise<Raw[]> {
    const pageParam = options.pageParam ?? 'PageNumber';
    const pageSize = options.pageSize ?? 100;
    const all: Raw[] = [];
    for (let page = 1; page <= 100; page++) {
      const body = await this.read(
        action,
        { ...params, [pageParam]: page, PageSize: pageSize },
        options.fresh,
      );
      const items = Array.isArray(body.Data) ? (body.Data as Raw[]) : [];
      all.push(...items);
      const total = Number(body.TotalCount ?? 0);
      if (items.length < pageSize || (total > 0 && all.length >= total)) break;
    }
    return all;
  }

  /** A state change: sent once, and whatever it answered, later reads go upstream again. */
  async write(action: RetailCloudActionName, params: RcInput): Promise<{ body: Raw; requestId: string }> {
    try {
      return await this.client.call(action, params);
    } catch (error) {
      throw notFound(error);
    } finally {
      this.reads.invalidate('');
    }
  }
}

function notFound(error: unknown): unknown {
  if (error instanceof UpstreamError && error.body.code === NOT_FOUND_CODE) {
    return new NotFoundError(error.body.message, error.body);
  }
  return error;
}

export const rcStr = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
export const rcNum = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
};
export const rcArr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
export const rcObj = (v: unknown): Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};

/**
 * The cloud's times: `2020-01-05T17:03Z`, `2019-12-31T10:01:05`, `2020-01-01 00:00:00` or the
 * baseline's date-only `2022-05-08`; text without a zone is UTC (the `…Z` examples are the only ones
 * that name one). Epoch milliseconds of it, or undefined.
 */
export const rcTime = (v: unknown): number | undefined => readCloudTime(v, ZONE.utc);
/** The cloud's time as ISO 8601 in UTC (`2020-01-05T17:03:00.000Z`), or undefined. */
export const rcIso = (v: unknown): string | undefined => cloudIso(v, ZONE.utc);
