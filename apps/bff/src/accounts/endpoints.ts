import type { AccountConfig } from '../config';
import { HttpError } from '../http/errors';

/**
 * One spelling per endpoint: scheme, host, port and path without the trailing slash, no query, no
 * credentials, no fragment. Undefined for anything that is no http(s) URL.
 */
export function normaliseEndpoint(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The upstream endpoints a stored account may point at: the configuration's list
 * (CONSOLE_ALLOWED_ENDPOINTS) and every endpoint of a configured account. A request never adds one.
 */
export class EndpointAllowList {
  private readonly allowed: string[];

  constructor(listed: readonly string[], configured: readonly AccountConfig[]) {
    const all = new Set<string>();
    const add = (value: string, source: string) => {
      const normal = normaliseEndpoint(value);
      if (!normal) throw new Error(`${source}: "${value}" is not an http(s) URL without query or user info.`);
      all.add(normal);
    };
    for (const value of listed) add(value, 'CONSOLE_ALLOWED_ENDPOINTS');
    for (const a of configured) {
      add(a.endpoint, `Account ${a.id} endpoint`);
      if ('iamEndpoint' in a) add(a.iamEndpoint, `Account ${a.id} iamEndpoint`);
    }
    this.allowed = [...all].sort();
  }

  list(): string[] {
    return [...this.allowed];
  }

  /** The endpoint as stored, or a 400 naming the field when the configuration does not allow it. */
  check(field: string, value: string): string {
    const normal = normaliseEndpoint(value);
    if (normal && this.allowed.includes(normal)) return normal;
    throw new HttpError(
      400,
      'EndpointNotAllowed',
      `body field "${field}": not one of the endpoints the configuration allows (CONSOLE_ALLOWED_ENDPOINTS or a configured account's).`,
      { field },
    );
  }
}
