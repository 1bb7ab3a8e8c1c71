import { type AosApiName, aosApis } from '@console/catalogue';

export interface AosRoute {
  api: AosApiName;
  params: Record<string, string>;
}

interface CompiledRoute {
  api: AosApiName;
  method: string;
  pattern: RegExp;
  names: string[];
}

/** The catalogue's 18 method + path templates, compiled once. */
const routes: CompiledRoute[] = aosApis.map((api) => {
  const names: string[] = [];
  const source = api.path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { api: api.name, method: api.method, pattern: new RegExp(`^${source}/?$`), names };
});

/** The AOS API of a method and path, or undefined when AOS has none. */
export function routeAos(method: string, path: string): AosRoute | undefined {
  for (const route of routes) {
    if (route.method !== method.toUpperCase()) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const raw = m[i + 1] as string;
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    return { api: route.api, params };
  }
  return undefined;
}
