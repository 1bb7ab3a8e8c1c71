import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';

/** The response header that marks an answer built from last good upstream data: when it was fetched. */
export const STALE_HEADER = 'X-Console-Stale';

interface StaleContext {
  res?: Response;
  /** False inside `withoutStaleData`: a failed read fails. */
  allowStale: boolean;
  /** The oldest fetch time of the stale data used so far (ms epoch). */
  oldest?: number;
}

const storage = new AsyncLocalStorage<StaleContext>();

/**
 * Lets the reads of a GET request fall back to their last good answer when the cloud fails (retries
 * exhausted, circuit open). The answer then carries `X-Console-Stale: <ISO time it was fetched>`: the
 * oldest of the data it was built from. State changes never get stale data: they must act on the truth.
 */
export function staleReadFallback(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    storage.run({ res, allowStale: true }, next);
  };
}

/** Runs `fn` with every read going to the cloud or failing: e.g. re-reading after an unknown outcome. */
export function withoutStaleData<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ allowStale: false }, fn);
}

/** Whether the read running now may be answered with last good data. */
export function staleAllowed(): boolean {
  return storage.getStore()?.allowStale === true;
}

/** Records that the answer being built uses data fetched at `fetchedAt`. */
export function markStale(fetchedAt: number): void {
  const context = storage.getStore();
  if (!context?.allowStale) return;
  if (context.oldest !== undefined && context.oldest <= fetchedAt) return;
  context.oldest = fetchedAt;
  if (context.res && !context.res.headersSent) {
    context.res.setHeader(STALE_HEADER, new Date(fetchedAt).toISOString());
  }
}
