import type { DubboRule, GreyRoute, GreyRouteBody, ScRule, Service } from '@console/contract';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const list = (v: unknown): unknown[] => {
  if (typeof v === 'string') {
    try {
      return list(JSON.parse(v));
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v : [];
};
/** The seed writes these keys both ways (`metricTargetAverageUtilization` / `Metric…`); read either. */
const field = (o: Raw, key: string): unknown => o[key] ?? o[key.charAt(0).toUpperCase() + key.slice(1)];
const text = (o: Raw, key: string): string => {
  const v = field(o, key);
  return v === undefined || v === null || v === 'N/A' ? '' : String(v);
};

export function serviceView(raw: unknown): Service {
  const s = obj(raw);
  return {
    name: text(s, 'name'),
    type: text(s, 'type') || undefined,
    version: text(s, 'version') || undefined,
    groups: list(field(s, 'groups')).map(String),
    ips: list(field(s, 'ips')).map(String),
    appId: text(s, 'appId') || undefined,
  };
}

function scRule(raw: unknown): ScRule {
  const r = obj(raw);
  return {
    condition: text(r, 'condition') === 'AND' ? 'AND' : 'OR',
    path: text(r, 'path') || '/',
    items: list(field(r, 'items')).map((i) => {
      const item = obj(i);
      return {
        type: (text(item, 'type') || 'param') as ScRule['items'][number]['type'],
        name: text(item, 'name'),
        operator: (text(item, 'operator') || 'rawvalue') as ScRule['items'][number]['operator'],
        cond: (text(item, 'cond') || '==') as ScRule['items'][number]['cond'],
        value: text(item, 'value'),
      };
    }),
  };
}

function dubboRule(raw: unknown): DubboRule {
  const r = obj(raw);
  return {
    condition: text(r, 'condition') === 'AND' ? 'AND' : 'OR',
    serviceName: text(r, 'serviceName'),
    group: text(r, 'group'),
    version: text(r, 'version'),
    methodName: text(r, 'methodName'),
    items: list(field(r, 'items')).map((i) => {
      const item = obj(i);
      return {
        index: Number(field(item, 'index') ?? 0) || 0,
        expr: text(item, 'expr'),
        operator: (text(item, 'operator') || 'rawvalue') as DubboRule['items'][number]['operator'],
        cond: (text(item, 'cond') || '==') as DubboRule['items'][number]['cond'],
        value: text(item, 'value'),
      };
    }),
  };
}

export function greyRouteView(raw: unknown): GreyRoute {
  const g = obj(raw);
  const time = (v: unknown) =>
    v === undefined || v === null || v === '' ? undefined : Number(v) || undefined;
  return {
    id: String(g.GreyTagRouteId ?? ''),
    name: text(g, 'name'),
    description: text(g, 'description') || undefined,
    scRules: list(g.ScRules).map(scRule),
    dubboRules: list(g.DubboRules).map(dubboRule),
    createTime: time(g.CreateTime),
    updateTime: time(g.UpdateTime),
  };
}

/** Rule JSON as Create/UpdateGreyTagRoute take it (seed 000 §19). */
export function scRulesJson(rules: GreyRouteBody['scRules']): string | undefined {
  if (!rules || rules.length === 0) return undefined;
  return JSON.stringify(
    rules.map((r) => ({
      condition: r.condition,
      path: r.path,
      items: r.items.map((i) => ({
        cond: i.cond,
        name: i.name,
        operator: i.operator,
        type: i.type,
        value: i.value,
      })),
    })),
  );
}

export function dubboRulesJson(rules: GreyRouteBody['dubboRules']): string | undefined {
  if (!rules || rules.length === 0) return undefined;
  return JSON.stringify(
    rules.map((r) => ({
      condition: r.condition,
      group: r.group,
      methodName: r.methodName,
      serviceName: r.serviceName,
      version: r.version,
      items: r.items.map((i) => ({
        cond: i.cond,
        expr: i.expr,
        index: i.index,
        operator: i.operator,
        value: i.value,
      })),
    })),
  );
}
