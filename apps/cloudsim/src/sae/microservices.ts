import { createHash } from 'node:crypto';
import { SaeError } from './envelope';
import type { SaeApp, SaeInstance } from './model';
import type { SaeStore } from './store';
import { epochMs } from './time-format';

/**
 * Microservices and grey tag routes (seed 000 §16, §19).
 *
 * SAE learns an app's services from what the app registers in the built-in registry at run time; the
 * simulator reads them from the app's environment variables instead (see the README):
 * `SPRING_APPLICATION_NAME` makes a Spring Cloud app publishing that service, `DUBBO_APPLICATION_NAME`
 * a Dubbo app publishing the interfaces in `MICROSERVICE_PUBLISHES`; `MICROSERVICE_CONSUMES` lists what
 * either kind subscribes to. Dubbo entries read `interface[:version[:group]]`.
 */

export type ServiceType = 'springCloud' | 'dubbo';

export interface ServiceRef {
  name: string;
  type: ServiceType;
  version: string;
  group: string;
}

export interface MicroProfile {
  type: ServiceType;
  /** spring.application.name or dubbo.application.name. */
  applicationName: string;
  port: number;
  publishes: ServiceRef[];
  consumes: ServiceRef[];
}

const SC_VERSION = '1.0.0';
const SC_GROUP = 'springCloud';
const DUBBO_VERSION = '1.0.0';
const DUBBO_GROUP = 'DUBBO';

function envMap(envs: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!envs.trim()) return out;
  try {
    const parsed: unknown = JSON.parse(envs);
    if (!Array.isArray(parsed)) return out;
    for (const e of parsed) {
      if (e && typeof e === 'object' && typeof e.name === 'string') out.set(e.name, String(e.value ?? ''));
    }
  } catch {
    // Envs is stored as sent; a malformed value declares nothing.
  }
  return out;
}

/** Spring relaxed binding: `spring.application.name` and `SPRING_APPLICATION_NAME` are the same key. */
function envValue(env: Map<string, string>, dotted: string): string | undefined {
  const v = env.get(dotted) ?? env.get(dotted.replace(/[.-]/g, '_').toUpperCase());
  return v?.trim() ? v.trim() : undefined;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function dubboRef(entry: string): ServiceRef {
  const [name = '', version, group] = entry.split(':');
  return { name, type: 'dubbo', version: version || DUBBO_VERSION, group: group || DUBBO_GROUP };
}

function scRef(name: string): ServiceRef {
  return { name, type: 'springCloud', version: SC_VERSION, group: SC_GROUP };
}

/** The microservice side of an app's current configuration, or undefined for a plain app. */
export function microProfile(app: SaeApp): MicroProfile | undefined {
  const env = envMap(app.spec.config.Envs);
  const dubboName = envValue(env, 'dubbo.application.name');
  const springName = envValue(env, 'spring.application.name');
  const consumes = splitList(envValue(env, 'microservice.consumes'));
  if (dubboName) {
    return {
      type: 'dubbo',
      applicationName: dubboName,
      port: Number(envValue(env, 'dubbo.protocol.port')) || 20880,
      publishes: splitList(envValue(env, 'microservice.publishes')).map(dubboRef),
      consumes: consumes.map(dubboRef),
    };
  }
  if (springName) {
    return {
      type: 'springCloud',
      applicationName: springName,
      port: Number(envValue(env, 'server.port')) || 8080,
      publishes: [scRef(springName)],
      consumes: consumes.map(scRef),
    };
  }
  return undefined;
}

/** Registered addresses: instances that are up (a stopped or crashing app has none). */
export function runningInstances(store: SaeStore, app: SaeApp): SaeInstance[] {
  return store.appInstances(app.AppId).filter((i) => i.status === 'Running');
}

/** The app's MSE-side identity, stable for an AppId (`xxxxxxx@xxxxx` as in MseApplicationId). */
export function edasAppId(app: SaeApp): string {
  const h = createHash('sha1').update(app.AppId).digest('hex');
  return `${h.slice(0, 10)}@${h.slice(10, 25)}`;
}

/** `<region>-<app>` as in the seed's example, with the namespace suffix so names stay unique. */
export function edasAppName(app: SaeApp): string {
  return `${app.NamespaceId.replace(/:/g, '-')}-${app.AppName}`;
}

// ---- grey tag routes -------------------------------------------------------------------------

export interface ScRuleItem {
  type: string;
  name: string;
  operator: string;
  value: string;
  cond: string;
}

export interface ScRule {
  path: string;
  condition: string;
  items: ScRuleItem[];
}

export interface DubboRuleItem {
  index: number;
  expr: string;
  operator: string;
  value: string;
  cond: string;
}

export interface DubboRule {
  serviceName: string;
  group: string;
  version: string;
  methodName: string;
  condition: string;
  items: DubboRuleItem[];
}

export interface GreyTagRoute {
  GreyTagRouteId: number;
  AppId: string;
  Name: string;
  Description: string;
  ScRules: ScRule[];
  DubboRules: DubboRule[];
  createdAt: number;
  updatedAt: number;
}

const CONDITIONS = new Set(['AND', 'OR']);
const CONDS = new Set(['>', '<', '>=', '<=', '==', '!=']);
const SC_TYPES = new Set(['param', 'cookie', 'header']);
/** "steaming" is the documented spelling. */
const OPERATORS = new Set(['rawvalue', 'list', 'mod', 'deterministic_proportional_steaming_division']);
const NAME_RE = /^[a-z]([a-z0-9\u4e00-\u9fa5-]{0,62}[a-z0-9\u4e00-\u9fa5])?$/;

const invalid = (param: string, reason: string) =>
  new SaeError('InvalidParameter.WithMessage', param, reason);

export function checkRouteName(name: string): void {
  if (name.length > 64 || !NAME_RE.test(name) || /[\u4e00-\u9fa5]$/.test(name)) {
    throw invalid(
      'Name',
      'must start with a lowercase letter, end with a lowercase letter or digit, contain only lowercase letters, Chinese characters, digits and hyphens (-), and be at most 64 characters',
    );
  }
}

export function checkRouteDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 64) {
    throw invalid('Description', 'must be at most 64 characters');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Record<string, unknown>, key: string, param: string, required: boolean): string {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw invalid(param, `${key} is required`);
    return '';
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw invalid(param, `${key} must be a string`);
  }
  return String(v);
}

function oneOf(o: Record<string, unknown>, key: string, param: string, allowed: Set<string>): string {
  const v = str(o, key, param, true);
  if (!allowed.has(v)) throw invalid(param, `${key} must be one of ${[...allowed].join(', ')}`);
  return v;
}

/** `mod` compares the remainder by 100; the percentage operator a share in [0, 100]. */
function checkValue(operator: string, value: string, param: string): void {
  if (operator === 'mod' || operator === 'deterministic_proportional_steaming_division') {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > 100) throw invalid(param, `value of a ${operator} item must be 0-100`);
  }
}

function ruleArray(raw: unknown, param: string): Record<string, unknown>[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new SaeError('InvalidParameter.NotEmpty', param);
  return raw.map((r) => {
    if (!isObject(r)) throw invalid(param, 'each rule must be an object');
    return r;
  });
}

function itemArray(rule: Record<string, unknown>, param: string): Record<string, unknown>[] {
  const items = rule.items;
  if (!Array.isArray(items) || items.length === 0)
    throw invalid(param, 'items must list at least one condition');
  return items.map((i) => {
    if (!isObject(i)) throw invalid(param, 'each item must be an object');
    return i;
  });
}

export function parseScRules(raw: unknown): ScRule[] {
  const param = 'ScRules';
  return ruleArray(raw, param).map((rule) => {
    const path = str(rule, 'path', param, true);
    if (!path.startsWith('/')) throw invalid(param, 'path must start with /');
    return {
      path,
      condition: oneOf(rule, 'condition', param, CONDITIONS),
      items: itemArray(rule, param).map((item) => {
        const operator = oneOf(item, 'operator', param, OPERATORS);
        const value = str(item, 'value', param, true);
        checkValue(operator, value, param);
        return {
          type: oneOf(item, 'type', param, SC_TYPES),
          name: str(item, 'name', param, true),
          operator,
          value,
          cond: oneOf(item, 'cond', param, CONDS),
        };
      }),
    };
  });
}

export function parseDubboRules(raw: unknown): DubboRule[] {
  const param = 'DubboRules';
  return ruleArray(raw, param).map((rule) => ({
    serviceName: str(rule, 'serviceName', param, true),
    group: str(rule, 'group', param, false),
    version: str(rule, 'version', param, false),
    methodName: str(rule, 'methodName', param, true),
    condition: oneOf(rule, 'condition', param, CONDITIONS),
    items: itemArray(rule, param).map((item) => {
      const index = item.index ?? 0;
      if (typeof index !== 'number' && !(typeof index === 'string' && /^\d+$/.test(index))) {
        throw invalid(param, 'index must be a non-negative integer');
      }
      const n = Number(index);
      if (!Number.isInteger(n) || n < 0) throw invalid(param, 'index must be a non-negative integer');
      const operator = oneOf(item, 'operator', param, OPERATORS);
      const value = str(item, 'value', param, true);
      checkValue(operator, value, param);
      return {
        index: n,
        expr: str(item, 'expr', param, false),
        operator,
        value,
        cond: oneOf(item, 'cond', param, CONDS),
      };
    }),
  }));
}

/** Rule as List/DescribeGreyTagRoute show it: item fields that do not apply read "N/A" (seed examples). */
export function routeView(route: GreyTagRoute): Record<string, unknown> {
  return {
    GreyTagRouteId: route.GreyTagRouteId,
    Name: route.Name,
    Description: route.Description,
    ScRules: route.ScRules.map((r) => ({
      path: r.path,
      condition: r.condition,
      items: r.items.map((i) => ({ ...i, expr: 'N/A' })),
    })),
    DubboRules: route.DubboRules.map((r) => ({
      serviceName: r.serviceName,
      group: r.group,
      version: r.version,
      methodName: r.methodName,
      condition: r.condition,
      items: r.items.map((i) => ({ ...i, type: 'N/A', name: 'N/A' })),
    })),
    CreateTime: epochMs(route.createdAt),
    UpdateTime: epochMs(route.updatedAt),
  };
}

/** Grey tag routes of one account; an app's route goes with the app. */
export class GreyTagRoutes {
  private readonly routes = new Map<number, GreyTagRoute>();
  /** Ids are never reused, even after a delete ("全局唯一"). */
  private nextId = 1;

  constructor(private readonly store: SaeStore) {}

  private live(route: GreyTagRoute | undefined): GreyTagRoute | undefined {
    if (!route) return undefined;
    const app = this.store.apps.get(route.AppId);
    if (!app || app.deleted) {
      this.routes.delete(route.GreyTagRouteId);
      return undefined;
    }
    return route;
  }

  ofApp(appId: string): GreyTagRoute | undefined {
    for (const route of this.routes.values()) if (route.AppId === appId) return this.live(route);
    return undefined;
  }

  get(id: number): GreyTagRoute {
    const route = this.live(this.routes.get(id));
    if (!route) throw invalid('GreyTagRouteId', `the grey tag route ${id} does not exist`);
    return route;
  }

  add(route: Omit<GreyTagRoute, 'GreyTagRouteId'>): GreyTagRoute {
    const created = { ...route, GreyTagRouteId: this.nextId++ };
    this.routes.set(created.GreyTagRouteId, created);
    return created;
  }

  remove(id: number): void {
    this.routes.delete(id);
  }
}

/** Demo: prod/user-center sends beta testers (header or cookie) to its grey instances. */
export function seedGreyTagRoutes(store: SaeStore, now: number): void {
  const app = store
    .liveApps()
    .find((a) => a.NamespaceId === `${store.regionId}:prod` && a.AppName === 'user-center');
  if (!app) return;
  store.greyRoutes.add({
    AppId: app.AppId,
    Name: 'beta-testers',
    Description: 'Beta testers reach the grey instances',
    ScRules: [
      {
        path: '/users',
        condition: 'OR',
        items: [
          { type: 'header', name: 'x-user-group', operator: 'rawvalue', value: 'beta', cond: '==' },
          { type: 'cookie', name: 'grey', operator: 'rawvalue', value: 'true', cond: '==' },
        ],
      },
    ],
    DubboRules: [],
    createdAt: now - 3 * 86_400_000,
    updatedAt: now - 86_400_000,
  });
}
