import type { SaeApiSpec, SaeParamSpec } from '@console/catalogue';
import { SaeError } from './envelope';

export type ParamValue = string | number | boolean;
export type RawParams = Record<string, string>;

/**
 * Collects parameters from the query, a form body or a JSON body (seed 001 examples send JSON even
 * for GET). The query wins when a name appears twice.
 */
export function collectParams(query: URLSearchParams, contentType: string, body: Buffer): RawParams {
  const out: RawParams = {};
  const text = body.length > 0 ? body.toString('utf8') : '';
  if (text.trim()) {
    const trimmed = text.trim();
    if (contentType.includes('json') || (!contentType.includes('form') && /^[{]/.test(trimmed))) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        throw new SaeError('InvalidParameter.WithMessage', 'body', 'the request body is not valid JSON');
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [key, value] of Object.entries(parsed)) {
          if (value === undefined || value === null) continue;
          out[key] = typeof value === 'string' ? value : JSON.stringify(value);
        }
      }
    } else if (contentType.includes('x-www-form-urlencoded') || contentType === '' || /=/.test(trimmed)) {
      for (const [key, value] of new URLSearchParams(text)) out[key] = value;
    }
  }
  for (const key of new Set(query.keys())) out[key] = query.get(key) ?? '';
  return out;
}

function convert(spec: SaeParamSpec, raw: string): ParamValue {
  const invalid = () => new SaeError('InvalidParameter.Obviously', spec.name);
  switch (spec.type) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(raw.trim())) throw invalid();
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || (spec.type === 'integer' && Math.abs(n) > 2 ** 31 - 1)) throw invalid();
      return n;
    }
    case 'float': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw invalid();
      return n;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v !== 'true' && v !== 'false') throw invalid();
      return v === 'true';
    }
    case 'json': {
      if (raw.trim() !== '') {
        try {
          JSON.parse(raw);
        } catch {
          throw invalid();
        }
      }
      return raw;
    }
    default:
      return raw;
  }
}

/** Typed parameters of one call, validated against the catalogue. */
export class Params {
  constructor(private readonly values: Record<string, ParamValue>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  str(name: string): string | undefined {
    const v = this.values[name];
    return v === undefined ? undefined : String(v);
  }

  /** A required string (the catalogue has already checked presence). */
  req(name: string): string {
    const v = this.str(name);
    if (v === undefined || v === '') throw new SaeError('InvalidParameter.NotEmpty', name);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
    throw new SaeError('InvalidParameter.Obviously', name);
  }

  bool(name: string): boolean | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new SaeError('InvalidParameter.Obviously', name);
  }

  json<T>(name: string): T | undefined {
    const v = this.str(name);
    if (v === undefined || v.trim() === '') return undefined;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw new SaeError('InvalidParameter.Obviously', name);
    }
  }

  all(): Readonly<Record<string, ParamValue>> {
    return this.values;
  }
}

/** Required → InvalidParameter.NotEmpty; wrong type → InvalidParameter.Obviously (naming the parameter). */
export function validateParams(api: SaeApiSpec, raw: RawParams): Params {
  const values: Record<string, ParamValue> = {};
  for (const spec of api.params) {
    const value = raw[spec.name];
    if (value === undefined || (value === '' && spec.type !== 'string' && spec.type !== 'json')) {
      if (spec.required) throw new SaeError('InvalidParameter.NotEmpty', spec.name);
      continue;
    }
    if (value === '' && spec.required) throw new SaeError('InvalidParameter.NotEmpty', spec.name);
    values[spec.name] = convert(spec, value);
  }
  return new Params(values);
}
