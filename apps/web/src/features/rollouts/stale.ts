import { ApiRequestError } from '../../lib/api-client';

/** A 409 from the BFF: the rollout moved on; its body carries the fresh state. */
export const isStale = (error: unknown): boolean =>
  error instanceof ApiRequestError && error.status === 409 && error.code === 'StaleRollout';
