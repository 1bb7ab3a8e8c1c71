/**
 * The URL's query with some keys changed: a key given a value is set, one given an empty value (or none)
 * is removed, so a view's default never shows in the URL.
 */
export function patchSearchParams(
  current: URLSearchParams,
  changes: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
