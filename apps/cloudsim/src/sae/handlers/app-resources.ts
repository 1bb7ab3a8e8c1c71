import { createHash } from 'node:crypto';
import { jdkVersions, webContainers } from '@console/catalogue';
import type { SaeHandlers } from '../context';
import { paginate } from '../context';
import { SaeError } from '../envelope';
import type { AppConfig, SaeApp } from '../model';
import type { SaeStore } from '../store';
import { formatCst } from '../time-format';

/** Components past their vendor's end of life still deploy, but the console marks them expired. */
const EXPIRED = new Set<string>(['Open JDK 7', 'openjdk-7u201-jdk-alpine3.9']);

/** Ali-Tomcat (EDAS container) versions for HSF applications; the oldest is withdrawn. */
const EDAS_CONTAINERS = [
  { EdasContainerVersion: '3.5.3', Disabled: false },
  { EdasContainerVersion: '3.5.4', Disabled: false },
  { EdasContainerVersion: '3.5.5', Disabled: false },
  { EdasContainerVersion: '3.5.0', Disabled: true },
];

/**
 * Container Registry addresses: personal edition `registry[-vpc|-intl].<region>.aliyuncs.com/ns/repo:tag`
 * and enterprise edition `<instance>-registry[-vpc].<region>.cr.aliyuncs.com/ns/repo:tag`.
 */
const ACR_IMAGE =
  /^(?:[a-z0-9-]+-)?registry(?:-vpc|-intl|-intl-vpc)?\.([a-z0-9-]+)\.(?:cr\.)?aliyuncs\.com\/([a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._/-]*?)(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$/;

interface SlsEntry {
  logDir?: string;
  logType?: string;
  projectName?: string;
  logstoreName?: string;
  logtailName?: string;
}

function slsEntries(config: AppConfig | undefined): SlsEntry[] {
  const raw = config?.extra.SlsConfigs;
  if (!raw?.trim()) return [];
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((e) => e && typeof e === 'object') : [];
  } catch {
    return [];
  }
}

/** Standard output goes to the console's real-time log, not to a file log config. */
const isFileLog = (e: SlsEntry) => typeof e.logDir === 'string' && e.logDir !== '' && e.logType !== 'stdout';

/** Since when the app has shipped `logDir`: the oldest version of the unbroken run that has it. */
function shippedSince(store: SaeStore, app: SaeApp, logDir: string): number {
  let since: number | undefined;
  for (const id of app.versionIds) {
    const version = store.versions.get(id);
    if (!version) continue;
    if (!slsEntries(version.config).some((e) => isFileLog(e) && e.logDir === logDir)) break;
    since = version.createdAt;
  }
  if (since !== undefined) return since;
  // Not in a recorded version yet: the change order now deploying it set it up.
  const orders = store.appOrders(app.AppId).map((o) => o.createdAt);
  return orders.length > 0 ? Math.max(...orders) : app.createdAt;
}

const hash = (text: string) => createHash('md5').update(text).digest('hex');

/** 应用信息: components, EDAS containers, image description and SLS log configs. */
export const appResourceHandlers: SaeHandlers = {
  DescribeComponents({ params, store }) {
    const appId = params.str('AppId');
    if (appId) store.app(appId);
    const type = params.req('Type').toUpperCase();
    const keys: readonly string[] | undefined =
      type === 'JDK' ? jdkVersions : type === 'TOMCAT' ? webContainers : undefined;
    if (!keys) throw new SaeError('InvalidComponentType.NotFound');
    return {
      data: keys.map((key) => ({
        Type: type,
        ComponentKey: key,
        ComponentDescription: key,
        Expired: EXPIRED.has(key),
      })),
    };
  },

  DescribeEdasContainers() {
    return { data: EDAS_CONTAINERS.map((c) => ({ ...c })) };
  },

  DescribeApplicationImage({ params, store }) {
    store.app(params.req('AppId'));
    const url = params.req('ImageUrl').trim();
    const match = ACR_IMAGE.exec(url);
    if (!match) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'ImageUrl',
        'only images of Container Registry (ALI_HUB) can be described',
      );
    }
    const [, region, namespace, repo, tag] = match;
    return {
      data: {
        Logo: '',
        RepoOriginType: 'ALI_HUB',
        CrUrl: '',
        RepoTag: tag ?? 'latest',
        RepoType: '',
        RepoName: repo,
        RepoNamespace: namespace,
        RegionId: region,
      },
    };
  },

  ListLogConfigs({ params, store }) {
    const app = store.app(params.req('AppId'));
    const pageSize = params.int('PageSize') ?? 0;
    if (pageSize < 1 || pageSize > 10_000) {
      throw new SaeError('InvalidParameter.WithMessage', 'PageSize', 'must be within [1,10000]');
    }
    const currentPage = params.int('CurrentPage') ?? 0;
    if (currentPage < 1) throw new SaeError('InvalidParameter.WithMessage', 'CurrentPage', 'must be >= 1');
    const rows = slsEntries(app.spec.config)
      .filter(isFileLog)
      .map((e) => {
        const logDir = e.logDir as string;
        // SAE-managed shipping creates `sae-` project, store and config names; a user's own keep theirs.
        const managed = `sae-${hash(`${app.AppId}:${logDir}`)}`;
        return {
          ConfigName: e.logtailName || managed,
          LogDir: logDir,
          SlsLogStore: e.logstoreName || managed,
          CreateTime: formatCst(shippedSince(store, app, logDir)),
          StoreType: 'sls',
          SlsProject: e.projectName || `sae-${app.AppId}`,
          LogType: 'file_log',
          RegionId: app.RegionId,
        };
      });
    const page = paginate(rows, currentPage, pageSize, 10);
    return {
      data: {
        LogConfigs: page.items,
        CurrentPage: page.CurrentPage,
        TotalSize: page.TotalSize,
        PageSize: page.PageSize,
      },
    };
  },
};
