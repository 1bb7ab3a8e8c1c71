/** The response header by which the BFF marks an answer built from last good upstream data. */
export const STALE_HEADER = 'x-console-stale';

/** Answers the BFF marked stale, with the time the data was fetched from the cloud (ISO). */
const staleAnswers = new WeakMap<object, string>();

/** Remembers that this parsed answer is last good data fetched at `fetchedAt`. */
export function markStale(data: unknown, fetchedAt: string): void {
  if (typeof data === 'object' && data !== null) staleAnswers.set(data, fetchedAt);
}

/** When the data shown was fetched, if the BFF answered it from its last good copy. */
export function staleSince(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null ? staleAnswers.get(data) : undefined;
}
