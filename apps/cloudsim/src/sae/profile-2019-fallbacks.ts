import { jdkVersions, type SaeApiName, webContainers } from '@console/catalogue';
import type { SaeContext, SaeHandler } from './context';
import { paginate } from './context';
import { SaeError } from './envelope';
import type { SaeApp } from './model';
import type { SaeStore } from './store';

/**
 * Seed-001 answers for APIs of the 2019 profile that no shared handler serves yet. The profile
 * prefers a shared handler as soon as one is registered, so these stay small: they answer in the
 * seed-001 shape from the state the shared model already holds, and keep SLB bindings of the legacy
 * account beside its store.
 */

interface SlbListener {
  Port: number;
  TargetPort: number;
  Protocol: string;
}

interface SlbBinding {
  Internet: SlbListener[];
  InternetIp: string;
  Intranet: SlbListener[];
  IntranetIp: string;
}

const slbState = new WeakMap<SaeStore, Map<string, SlbBinding>>();

function bindings(store: SaeStore): Map<string, SlbBinding> {
  let map = slbState.get(store);
  if (!map) {
    map = new Map();
    slbState.set(store, map);
  }
  return map;
}

function mutableApp(ctx: SaeContext): SaeApp {
  const app = ctx.store.app(ctx.params.req('AppId'));
  ctx.engine.assertIdle(app);
  if (app.deleting) throw new SaeError('Application.InvalidStatus');
  if (!app.deployed) throw new SaeError('Application.NotDeployYet');
  return app;
}

/** The listeners of one BindSlb parameter (the profile has already turned seed 001's object into a list). */
function listeners(ctx: SaeContext, name: 'Internet' | 'Intranet'): SlbListener[] | undefined {
  const list = ctx.params.json<Record<string, unknown>[]>(name);
  if (list === undefined) return undefined;
  return list.map((l) => {
    const port = Number(l.port);
    const targetPort = Number(l.targetPort);
    const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
    if (!valid(port) || !valid(targetPort)) throw new SaeError('InvalidParameter.Obviously', name);
    return { Port: port, TargetPort: targetPort, Protocol: String(l.protocol ?? 'TCP') };
  });
}

const isJava = (app: SaeApp) => app.spec.config.PackageType !== 'Image';

function serviceName(app: SaeApp): string {
  const words = app.AppName.split('-').filter(Boolean);
  return `com.cloudsim.${words.join('.')}.${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('')}`;
}

function publishedServices(store: SaeStore, app: SaeApp): Record<string, unknown>[] {
  if (!isJava(app) || !app.spec.running) return [];
  return [
    {
      AppId: app.AppId,
      Name: serviceName(app),
      Type: 'RPC',
      Version: app.spec.config.PackageVersion || '1.0.0',
      Groups: ['HSF'],
      Ips: store
        .appInstances(app.AppId)
        .filter((i) => i.status === 'Running')
        .map((i) => i.ip),
      // String in seed 001's field table.
      Group2Ip: '{}',
    },
  ];
}

const IMAGE_URL =
  /^(?:registry(?:-vpc|-intl)?\.([a-z0-9-]+)\.aliyuncs\.com\/)?([^/:]+)\/([^/:]+)(?::([^/:]+))?$/;

export const legacyFallbackHandlers: Partial<Record<SaeApiName, SaeHandler>> = {
  DescribeComponents({ params, store }) {
    store.app(params.req('AppId'));
    const type = params.req('Type').toUpperCase();
    if (type === 'JDK') {
      return {
        data: jdkVersions.map((v) => ({
          ComponentKey: v,
          Type: 'JDK',
          ComponentDescription: v,
          Expired: false,
        })),
      };
    }
    if (type === 'TOMCAT') {
      return {
        data: webContainers.map((v) => ({
          ComponentKey: v,
          Type: 'TOMCAT',
          ComponentDescription: v,
          Expired: false,
        })),
      };
    }
    throw new SaeError('InvalidParameter.WithMessage', 'Type', 'must be JDK or TOMCAT');
  },

  DescribeEdasContainers() {
    return {
      data: ['3.5.3', '3.5.4', '3.5.5'].map((v) => ({ Disabled: false, EdasContainerVersion: v })),
    };
  },

  DescribeApplicationImage({ params, store }) {
    store.app(params.req('AppId'));
    const url = params.req('ImageUrl');
    const match = IMAGE_URL.exec(url);
    if (!match)
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'ImageUrl',
        'not an image address of Container Registry',
      );
    const [, region, namespace, repo, tag] = match;
    return {
      data: {
        RegionId: region ?? store.regionId,
        RepoNamespace: namespace,
        RepoName: repo,
        RepoTag: tag ?? 'latest',
        RepoOriginType: 'ALI_HUB',
        RepoType: '',
        CrUrl: '',
        Logo: '',
      },
    };
  },

  ListLogConfigs({ params, store }) {
    const app = store.app(params.req('AppId'));
    const raw = app.spec.config.extra.SlsConfigs;
    let configs: { logDir?: string; logType?: string }[] = [];
    try {
      const parsed = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) configs = parsed;
    } catch {
      configs = [];
    }
    const rows = configs
      .filter((c) => typeof c.logDir === 'string')
      .map((c, i) => {
        const name = `sae-${app.AppId.replace(/-/g, '').slice(0, 24)}${i}`;
        return {
          ConfigName: name,
          CreateTime: '',
          LogDir: c.logDir,
          LogType: c.logType || 'file_log',
          RegionId: app.RegionId,
          SlsLogStore: name,
          SlsProject: `sae-${app.AppId}`,
          StoreType: 'sls',
        };
      });
    const page = paginate(rows, params.int('CurrentPage'), params.int('PageSize'), 10);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        LogConfigs: page.items,
      },
    };
  },

  ListPublishedServices({ params, store }) {
    return { data: publishedServices(store, store.app(params.req('AppId'))) };
  },

  /** What the other Java applications of the same namespace publish. */
  ListConsumedServices({ params, store }) {
    const app = store.app(params.req('AppId'));
    if (!isJava(app)) return { data: [] };
    const data = store
      .liveApps()
      .filter((other) => other.NamespaceId === app.NamespaceId && other.AppId !== app.AppId)
      .flatMap((other) => publishedServices(store, other));
    return { data };
  },

  BindSlb(ctx) {
    const app = mutableApp(ctx);
    const internet = listeners(ctx, 'Internet');
    const intranet = listeners(ctx, 'Intranet');
    if (!internet && !intranet) throw new SaeError('InvalidParameter.NotEmpty', 'Internet');
    const map = bindings(ctx.store);
    const current = map.get(app.AppId) ?? { Internet: [], InternetIp: '', Intranet: [], IntranetIp: '' };
    const ids = ctx.store.ids;
    if (internet) {
      current.Internet = internet;
      current.InternetIp ||= `47.${ids.int(96, 120)}.${ids.int(0, 255)}.${ids.int(1, 254)}`;
    }
    if (intranet) {
      current.Intranet = intranet;
      current.IntranetIp ||= `192.168.${ids.int(0, 255)}.${ids.int(1, 254)}`;
    }
    map.set(app.AppId, current);
    const order = ctx.engine.create({ app, coType: 'CoBindSlb', target: app.spec, at: ctx.now });
    return { data: { ChangeOrderId: order.ChangeOrderId } };
  },

  UnbindSlb(ctx) {
    const app = mutableApp(ctx);
    const current = bindings(ctx.store).get(app.AppId);
    const internet = ctx.params.bool('Internet') === true;
    const intranet = ctx.params.bool('Intranet') === true;
    const bound =
      (internet && (current?.Internet.length ?? 0) > 0) || (intranet && (current?.Intranet.length ?? 0) > 0);
    if (!current || !bound)
      throw new SaeError('InvalidParameter.WithMessage', 'Internet', 'no such SLB is bound');
    if (internet) {
      current.Internet = [];
      current.InternetIp = '';
    }
    if (intranet) {
      current.Intranet = [];
      current.IntranetIp = '';
    }
    const order = ctx.engine.create({ app, coType: 'CoUnbindSlb', target: app.spec, at: ctx.now });
    return { data: { ChangeOrderId: order.ChangeOrderId } };
  },

  DescribeApplicationSlbs({ params, store }) {
    const app = store.app(params.req('AppId'));
    const current = bindings(store).get(app.AppId);
    return {
      data: {
        Internet: current?.Internet ?? [],
        InternetIp: current?.InternetIp ?? '',
        Intranet: current?.Intranet ?? [],
        IntranetIp: current?.IntranetIp ?? '',
      },
    };
  },
};
