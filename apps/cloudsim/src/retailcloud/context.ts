import { gatewayErrors, type HandlerResult, type RetailCloudAction } from './envelope';
import type { RetailCloudState } from './world';

/**
 * Typed reads of an RPC request's parameters (query and form body, flattened: RepeatLists arrive
 * as `Name.1`, `Name.1.Field`). A missing required parameter or a value of the wrong type is the
 * gateway's refusal (HTTP 400 `Missing<Name>` / `InvalidParameter`), as Alibaba's API gateway
 * answers before the product sees the call; rules about values belong to the handlers.
 */
export class RcParams {
  constructor(readonly raw: Readonly<Record<string, string>>) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  str(name: string): string | undefined;
  str(name: string, required: true): string;
  str(name: string, required = false): string | undefined {
    const value = this.raw[name];
    if (value === undefined && required) throw gatewayErrors.missingParameter(name);
    return value;
  }

  /** Integer and Long parameters. */
  int(name: string): number | undefined;
  int(name: string, required: true): number;
  int(name: string, required = false): number | undefined {
    const value = required ? this.str(name, true) : this.str(name);
    if (value === undefined) return undefined;
    const n = Number(value.trim());
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw gatewayErrors.invalidParameter(name);
    return n;
  }

  bool(name: string): boolean | undefined;
  bool(name: string, required: true): boolean;
  bool(name: string, required = false): boolean | undefined {
    const value = required ? this.str(name, true) : this.str(name);
    if (value === undefined) return undefined;
    const v = value.trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw gatewayErrors.invalidParameter(name);
    return v === 'true';
  }

  /** A RepeatList of scalars: `Name.1`, `Name.2`, ... in index order; undefined when none is given. */
  list(name: string): string[] | undefined {
    const items = this.indexed(name, (rest) => rest === '');
    return items.length === 0 ? undefined : items.map(([, , value]) => value);
  }

  /** A RepeatList of objects: `Name.1.Field`, ... grouped by index, in index order. */
  objects(name: string): Record<string, string>[] | undefined {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [index, rest, value] of this.indexed(name, (r) => r.startsWith('.'))) {
      const item = byIndex.get(index) ?? {};
      item[rest.slice(1)] = value;
      byIndex.set(index, item);
    }
    if (byIndex.size === 0) return undefined;
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  }

  private indexed(name: string, accept: (rest: string) => boolean): [number, string, string][] {
    const prefix = `${name}.`;
    const out: [number, string, string][] = [];
    for (const [key, value] of Object.entries(this.raw)) {
      if (!key.startsWith(prefix)) continue;
      const match = /^(\d+)(.*)$/.exec(key.slice(prefix.length));
      if (!match || !accept(match[2] as string)) continue;
      out.push([Number(match[1]), match[2] as string, value]);
    }
    return out.sort(([a], [b]) => a - b);
  }
}

export interface RetailCloudContext extends RetailCloudState {
  action: RetailCloudAction;
  params: RcParams;
  /** The call's RequestId (DeleteRdsAccount repeats it inside Result). */
  requestId?: string;
}

/**
 * A handler answers the action's own fields (`Result`, `Data`, `TotalCount`, ...); the router adds
 * RequestId, Code, the message key and Success. Throw `RetailCloudError` (model.ts) for a business
 * failure (HTTP 200, Code ≠ 0) and `RcGatewayError` for a gateway refusal (HTTP 4xx).
 */
export type RetailCloudHandler = (ctx: RetailCloudContext) => HandlerResult;
export type RetailCloudHandlers = Partial<Record<RetailCloudAction, RetailCloudHandler>>;

/** 1-based page of a list; a missing or non-positive size falls back to `defaultSize`. */
export function page<T>(
  items: readonly T[],
  pageNumber: number | undefined,
  pageSize: number | undefined,
  defaultSize: number,
): { PageNumber: number; PageSize: number; TotalCount: number; Data: T[] } {
  const number = Math.max(1, pageNumber ?? 1);
  const size = pageSize !== undefined && pageSize > 0 ? pageSize : defaultSize;
  return {
    PageNumber: number,
    PageSize: size,
    TotalCount: items.length,
    Data: items.slice((number - 1) * size, number * size),
  };
}

/**
 * One parameter as a catalogue describes it. `type` is the seed's table type (String, Long,
 * Integer, Boolean, RepeatList), any case; a RepeatList name may end in `.N` (`UserRoles.N.RoleName`).
 */
export interface RcParamRule {
  name: string;
  type: string;
  required?: boolean;
}

/**
 * The gateway's checks before a handler runs: required parameters present (a RepeatList by its
 * first element) and Long/Integer/Boolean values well-formed, with the same refusals as RcParams.
 */
export function validateParams(rules: readonly RcParamRule[], raw: Readonly<Record<string, string>>): void {
  const params = new RcParams(raw);
  for (const rule of rules) {
    const type = rule.type.toLowerCase();
    const repeat = /^(.+?)\.N(?:\.(.+))?$/.exec(rule.name);
    if (repeat) {
      if (!rule.required) continue;
      const list = repeat[1] as string;
      const field = repeat[2];
      if (field === undefined) {
        if (!params.list(list)) throw gatewayErrors.missingParameter(`${list}.1`);
        continue;
      }
      const items = params.objects(list) ?? [];
      const index = items.findIndex((item) => item[field] === undefined);
      if (items.length === 0 || index >= 0) {
        throw gatewayErrors.missingParameter(`${list}.${Math.max(index, 0) + 1}.${field}`);
      }
      continue;
    }
    if (rule.required && !params.has(rule.name)) throw gatewayErrors.missingParameter(rule.name);
    if (!params.has(rule.name)) continue;
    if (type === 'long' || type === 'integer') params.int(rule.name);
    else if (type === 'boolean') params.bool(rule.name);
  }
}
