import { SaeError } from './envelope';
import type { AppConfig, SaeApp } from './model';
import type { SaeStore } from './store';

export interface SaeConfigMap {
  ConfigMapId: number;
  Name: string;
  NamespaceId: string;
  Description: string;
  data: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

/** One entry of ConfigMapMountDesc as Create/DeployApplication accept it. */
export interface ConfigMapMount {
  configMapId: number;
  configMapName?: string;
  key: string;
  mountPath: string;
}

/** `key` value that mounts every key of the config map (seed 000 §4.3). */
export const MOUNT_ALL_KEYS = 'sae-sys-configmap-all';

/*
 * The seed names TooMany.Configmap and Exceed.ConfigMap without numbers. These follow Kubernetes,
 * which backs SAE config maps: 1 MiB per object, keys of at most 253 characters from [-._a-zA-Z0-9].
 */
export const CONFIG_MAP_LIMITS = {
  perNamespace: 50,
  keys: 100,
  bytes: 1024 * 1024,
  keyLength: 253,
} as const;

const KEY_PATTERN = /^[-._a-zA-Z0-9]+$/;

/** Parses a ConfigMap `Data` parameter: a JSON object of string values (numbers and booleans are taken as text). */
export function parseConfigMapData(raw: string): Record<string, string> {
  const bad = (why: string) => new SaeError('InvalidParameter.WithMessage', 'Data', why);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SaeError('InvalidParameter.Obviously', 'Data');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw bad('must be a JSON object of key/value pairs');
  }
  const data: Record<string, string> = {};
  let bytes = 0;
  for (const [key, value] of Object.entries(parsed)) {
    if (!KEY_PATTERN.test(key) || key.length > CONFIG_MAP_LIMITS.keyLength) {
      throw bad(`key "${key}" must consist of letters, digits, "-", "_" or "." (at most 253)`);
    }
    if (value === null || typeof value === 'object') throw bad(`the value of "${key}" must be a string`);
    data[key] = String(value);
    bytes += Buffer.byteLength(key) + Buffer.byteLength(data[key]);
  }
  if (Object.keys(data).length > CONFIG_MAP_LIMITS.keys || bytes > CONFIG_MAP_LIMITS.bytes) {
    throw new SaeError('TooMany.Configmap');
  }
  return data;
}

function parseMounts(text: string | undefined): ConfigMapMount[] {
  if (!text?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SaeError('InvalidParameter.Obviously', 'ConfigMapMountDesc');
  }
  if (!Array.isArray(parsed)) throw new SaeError('InvalidParameter.Obviously', 'ConfigMapMountDesc');
  return parsed.map((entry) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const id = Number(e.configMapId);
    const mountPath = typeof e.mountPath === 'string' ? e.mountPath.trim() : '';
    const key = typeof e.key === 'string' ? e.key : '';
    if (!Number.isSafeInteger(id) || !key || !mountPath.startsWith('/')) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'ConfigMapMountDesc',
        'each entry needs a configMapId, a key and an absolute mountPath',
      );
    }
    return { configMapId: id, key, mountPath };
  });
}

/** The config maps an app config mounts (ids only; tolerant of text the simulator did not write). */
function mountedIds(config: AppConfig): Set<number> {
  try {
    return new Set(parseMounts(config.extra.ConfigMapMountDesc).map((m) => m.configMapId));
  } catch {
    return new Set();
  }
}

/** 配置项管理: the config maps of one account and region, and which applications mount them. */
export class ConfigMaps {
  readonly items = new Map<number, SaeConfigMap>();
  private nextId = 1;

  constructor(private readonly store: SaeStore) {}

  get(id: number): SaeConfigMap {
    const item = this.items.get(id);
    if (!item) throw new SaeError('NotFound.ConfigMap', id);
    return item;
  }

  inNamespace(namespaceId: string): SaeConfigMap[] {
    return [...this.items.values()]
      .filter((c) => c.NamespaceId === namespaceId)
      .sort((a, b) => a.ConfigMapId - b.ConfigMapId);
  }

  create(input: Omit<SaeConfigMap, 'ConfigMapId' | 'updatedAt'>): SaeConfigMap {
    const siblings = this.inNamespace(input.NamespaceId);
    if (siblings.some((c) => c.Name === input.Name)) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Name',
        'a ConfigMap with this name already exists in the namespace',
      );
    }
    if (siblings.length >= CONFIG_MAP_LIMITS.perNamespace) throw new SaeError('Exceed.ConfigMap');
    const item: SaeConfigMap = { ...input, ConfigMapId: this.nextId++, updatedAt: input.createdAt };
    this.items.set(item.ConfigMapId, item);
    return item;
  }

  delete(id: number): SaeConfigMap {
    const item = this.get(id);
    if (this.relatedApps(id).length > 0) throw new SaeError('DeleteFail.ConfigMapReferenced');
    this.items.delete(id);
    return item;
  }

  /**
   * Live applications that mount the config map: through their current config, or through the
   * config their instances still run while a change order replaces it.
   */
  relatedApps(id: number): SaeApp[] {
    return this.store.liveApps().filter((app) => {
      if (mountedIds(app.spec.config).has(id)) return true;
      return this.store
        .appOrders(app.AppId)
        .some((o) => o.finishedAt === undefined && mountedIds(o.previous.config).has(id));
    });
  }

  /**
   * Checks the ConfigMapMountDesc of a config about to be deployed in `namespaceId` and stores it
   * back with each entry's config map name, as DescribeApplicationConfig reports it.
   */
  mount(namespaceId: string, config: AppConfig): void {
    const raw = config.extra.ConfigMapMountDesc;
    const mounts = parseMounts(raw);
    if (mounts.length === 0) return;
    const paths = new Set<string>();
    for (const m of mounts) {
      const item = this.items.get(m.configMapId);
      if (!item || item.NamespaceId !== namespaceId) throw new SaeError('NotFound.ConfigMap', m.configMapId);
      if (m.key !== MOUNT_ALL_KEYS && !(m.key in item.data)) {
        throw new SaeError('NotFound.ConfigMapKey', m.key, m.configMapId);
      }
      const path = m.mountPath.replace(/\/+$/, '') || '/';
      if (paths.has(path)) throw new SaeError('MountConflict.ConfigMap', m.mountPath);
      paths.add(path);
      m.configMapName = item.Name;
    }
    config.extra.ConfigMapMountDesc = JSON.stringify(mounts);
  }
}

interface SeedMap {
  ns: string;
  name: string;
  description: string;
  data: Record<string, string>;
  /** App name → mounts (key, path) of this map. */
  mountedBy?: Record<string, { key: string; mountPath: string }[]>;
}

const SEED_MAPS: SeedMap[] = [
  {
    ns: 'prod',
    name: 'user_center_conf',
    description: 'user-center-runtime-settings',
    data: {
      'application.properties':
        'spring.datasource.url=jdbc:mysql://rm-user.mysql.rds.aliyuncs.com:3306/user\nsession.timeout=1800\n',
      'log.level': 'INFO',
    },
    mountedBy: { 'user-center': [{ key: MOUNT_ALL_KEYS, mountPath: '/opt/app/config' }] },
  },
  {
    ns: 'prod',
    name: 'feature_flags',
    description: 'shared-feature-switches',
    data: { 'checkout.v2': 'true', 'push.batching': 'false' },
    mountedBy: {
      'notification-service': [{ key: 'push.batching', mountPath: '/etc/flags/push.batching' }],
    },
  },
  {
    ns: 'staging',
    name: 'report_templates',
    description: 'monthly-report-layouts',
    data: { 'monthly.tpl': '<h1>{{month}}</h1>\n{{table}}\n' },
  },
];

/** Log shipping of two demo apps, for ListLogConfigs (one SAE-managed, one to a project of the user's). */
const SEED_SLS: Record<string, { since: 'first' | 'latest'; value: string }> = {
  'user-center': {
    since: 'first',
    value: JSON.stringify([{ logDir: '', logType: 'stdout' }, { logDir: '/opt/app/logs/user-center.log' }]),
  },
  'api-gateway': {
    since: 'latest',
    value: JSON.stringify([
      {
        projectName: 'edge-logs',
        logDir: '/var/log/nginx/access.log',
        logstoreName: 'nginx-access',
        logtailName: 'nginx-access',
      },
    ]),
  },
};

/** Demo config maps (two mounted, one free to delete) and log configs; uses no PRNG so other seeded ids stay put. */
export function seedConfigMaps(store: SaeStore, now: number): void {
  const findApp = (ns: string, name: string) =>
    store.liveApps().find((a) => a.NamespaceId === `${store.regionId}:${ns}` && a.AppName === name);
  SEED_MAPS.forEach((plan, index) => {
    const namespaceId = `${store.regionId}:${plan.ns}`;
    if (!store.namespaces.has(namespaceId)) return;
    const createdAt = now - (40 - index) * 86_400_000;
    const item = store.configMaps.create({
      Name: plan.name,
      NamespaceId: namespaceId,
      Description: plan.description,
      data: { ...plan.data },
      createdAt,
    });
    for (const [appName, mounts] of Object.entries(plan.mountedBy ?? {})) {
      const app = findApp(plan.ns, appName);
      if (!app) continue;
      const value = JSON.stringify(
        mounts.map((m) => ({ configMapId: item.ConfigMapId, configMapName: item.Name, ...m })),
      );
      // Mounted since the app's first version, so rollbacks keep it too.
      for (const config of configsOf(store, app)) config.extra.ConfigMapMountDesc = value;
    }
  });
  for (const [appName, sls] of Object.entries(SEED_SLS)) {
    const app = store.liveApps().find((a) => a.AppName === appName);
    if (!app) continue;
    const configs = configsOf(store, app);
    const targets = sls.since === 'first' ? configs : configs.slice(0, 2);
    for (const config of targets) config.extra.SlsConfigs = sls.value;
  }
}

/** The app's current config first, then its versions newest first. */
function configsOf(store: SaeStore, app: SaeApp): AppConfig[] {
  const versions = app.versionIds
    .map((id) => store.versions.get(id)?.config)
    .filter((c): c is AppConfig => c !== undefined);
  return [app.spec.config, ...versions];
}
