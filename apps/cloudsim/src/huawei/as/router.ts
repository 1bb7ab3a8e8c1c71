import { type AsApi, asApis } from '@console/catalogue';

interface Route {
  api: AsApi;
  regex: RegExp;
  names: string[];
  literals: number;
}

/**
 * The catalogue's path templates as matchers. More literal segments win, so `/scaling_lifecycle_hook/{id}/list`
 * is not taken for the hook named `list` and `/scaling_group/{id}` keeps its place before the generic
 * `/{resource_type}/...` tag paths.
 */
const routes: Route[] = asApis
  .map((api, order) => {
    const names: string[] = [];
    const segments = api.path.split('/').filter(Boolean);
    const pattern = segments
      .map((s) => {
        const m = /^\{(\w+)\}$/.exec(s);
        if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1] as string);
        return '([^/]+)';
      })
      .join('/');
    return {
      api,
      regex: new RegExp(`^/${pattern}/?$`),
      names,
      literals: segments.filter((s) => !s.startsWith('{')).length,
      order,
    };
  })
  .sort((a, b) => b.literals - a.literals || a.order - b.order);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The AS API for that method and path, with its decoded path parameters; undefined when there is none. */
export function matchRoute(
  method: string,
  path: string,
): { api: AsApi; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (r.api.method !== method.toUpperCase()) continue;
    const m = r.regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      params[n] = decode(m[i + 1] as string);
    });
    return { api: r.api, params };
  }
  return undefined;
}
