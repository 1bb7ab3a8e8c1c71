import { cpuMemoryCombos, saeRegions } from '@console/catalogue';
import { configView } from '../app-config';
import { paginate, type SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { SaeApp, SaeInstance } from '../model';
import { epochMs, formatCst } from '../time-format';
import { appStatusView, compareInstances, instanceView, runningInstances } from '../views';

const RECOMMENDED_ZONES: Record<string, string[]> = {
  'cn-hangzhou': ['cn-hangzhou-h', 'cn-hangzhou-i'],
  'cn-shanghai': ['cn-shanghai-e', 'cn-shanghai-f'],
  'cn-beijing': ['cn-beijing-g', 'cn-beijing-h'],
};

interface TagFilter {
  key?: string;
  value?: string;
}

function matchesField(
  app: SaeApp,
  instances: SaeInstance[],
  type: string | undefined,
  value: string | undefined,
  slbIps: () => string[],
) {
  if (!type || value === undefined || value === '') return true;
  switch (type) {
    case 'appName':
      return app.AppName.includes(value);
    case 'appIds':
      return value
        .split(/[,，]/)
        .map((s) => s.trim())
        .includes(app.AppId);
    case 'instanceIps':
      return instances.some((i) => i.ip === value);
    case 'slbIps':
      return slbIps().includes(value);
    default:
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'FieldType',
        'must be appName, appIds, slbIps or instanceIps',
      );
  }
}

/** 应用信息: application reads. */
export const appInfoHandlers: SaeHandlers = {
  ListApplications({ params, store, now }) {
    const name = params.str('AppName');
    const namespaceId = params.str('NamespaceId');
    const tags = params.json<TagFilter[]>('Tags') ?? [];
    const orderBy = params.str('OrderBy');
    if (orderBy && orderBy !== 'runnings' && orderBy !== 'instances') {
      throw new SaeError('InvalidParameter.WithMessage', 'OrderBy', 'must be runnings or instances');
    }
    const pageSize = params.int('PageSize');
    if (pageSize !== undefined && (pageSize < 0 || pageSize > 200)) {
      throw new SaeError('InvalidParameter.WithMessage', 'PageSize', 'must be within [0,200]');
    }
    let rows = store
      .liveApps()
      .filter((app) => !namespaceId || app.NamespaceId === namespaceId)
      .filter((app) => !name || app.AppName.includes(name))
      .filter((app) =>
        tags.every((t) =>
          app.Tags.some((at) => at.Key === t.key && (t.value === undefined || at.Value === t.value)),
        ),
      )
      .map((app) => {
        const instances = store.appInstances(app.AppId);
        return { app, instances, running: instances.filter((i) => i.status === 'Running').length };
      })
      .filter((row) =>
        matchesField(row.app, row.instances, params.str('FieldType'), params.str('FieldValue'), () =>
          store.network.appSlbIps(row.app.AppId, now),
        ),
      );
    if (orderBy) {
      // The seed: Reverse=true sorts ascending, false (default) descending.
      const sign = params.bool('Reverse') ? 1 : -1;
      const key = (r: (typeof rows)[number]) =>
        orderBy === 'runnings' ? r.running : r.app.spec.config.Replicas;
      rows = [...rows].sort((a, b) => sign * (key(a) - key(b)) || a.app.createdAt - b.app.createdAt);
    }
    const page = paginate(rows, params.int('CurrentPage'), pageSize, 10);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Applications: page.items.map(({ app, running }) => ({
          AppId: app.AppId,
          AppName: app.AppName,
          AppDescription: app.AppDescription,
          NamespaceId: app.NamespaceId,
          RegionId: app.RegionId,
          Instances: app.spec.running ? app.spec.config.Replicas : 0,
          RunningInstances: running,
          AppDeletingStatus: app.deleting,
          Tags: app.Tags,
        })),
      },
    };
  },

  DescribeApplicationConfig({ params, store }) {
    const app = store.app(params.req('AppId'));
    const versionId = params.str('VersionId');
    if (versionId) {
      const version = store.versions.get(versionId);
      if (!version || version.AppId !== app.AppId) {
        throw new SaeError('InvalidParameter.WithMessage', 'VersionId', 'the version does not exist');
      }
      return { data: configView(app, version.config) };
    }
    return { data: configView(app, app.spec.config) };
  },

  DescribeApplicationStatus({ params, store }) {
    return { data: appStatusView(store, store.app(params.req('AppId'))) };
  },

  DescribeApplicationGroups({ params, store }) {
    const app = store.app(params.req('AppId'));
    const c = app.spec.config;
    const group = {
      GroupId: app.GroupId,
      GroupName: '_DEFAULT_GROUP',
      GroupType: 0,
      Replicas: app.spec.running ? c.Replicas : 0,
      RunningInstances: runningInstances(store, app.AppId),
      PackageType: c.PackageType,
      PackageUrl: c.PackageUrl,
      PackageVersion: c.PackageVersion,
      ImageUrl: c.ImageUrl,
      Jdk: c.Jdk,
      WebContainer: c.WebContainer,
      EdasContainerVersion: c.EdasContainerVersion,
    };
    const page = paginate([group], params.int('CurrentPage'), params.int('PageSize'), 10);
    return { data: page.items };
  },

  DescribeApplicationInstances({ params, store }) {
    const app = store.app(params.req('AppId'));
    const groupId = params.req('GroupId');
    const pageSize = params.int('PageSize');
    if (pageSize !== undefined && pageSize <= 0) {
      throw new SaeError('InvalidParameter.WithMessage', 'PageSize', 'must be greater than 0');
    }
    const sign = params.bool('Reverse') ? -1 : 1;
    const instances =
      groupId === app.GroupId
        ? store.appInstances(app.AppId).sort((a, b) => sign * compareInstances(a, b))
        : [];
    const page = paginate(instances, params.int('CurrentPage'), pageSize, 10);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        Instances: page.items.map(instanceView),
      },
    };
  },

  ListAppVersions({ params, store }) {
    const appId = params.str('AppId');
    if (!appId) throw new SaeError('InvalidParameter.NotEmpty', 'AppId');
    const app = store.app(appId);
    const data = app.versionIds
      .map((id) => store.versions.get(id))
      .filter((v) => v !== undefined)
      .map((v) => ({
        Id: v.Id,
        Type: v.Type,
        CreateTime: String(epochMs(v.createdAt)),
        BuildPackageUrl: v.Type === 'url' ? v.config.PackageUrl : '',
        WarUrl: v.Type === 'image' ? v.config.ImageUrl : v.Type === 'upload' ? v.config.PackageUrl : '',
      }));
    return { data };
  },

  DescribeRegions() {
    return {
      body: {
        Message: 'success',
        Regions: saeRegions.map((r) => ({
          RegionId: r.RegionId,
          LocalName: r.LocalName,
          RegionEndpoint: `sae.${r.RegionId}.aliyuncs.com`,
          RecommendZones: RECOMMENDED_ZONES[r.RegionId] ?? [`${r.RegionId}-a`],
        })),
        Code: 200,
      },
    };
  },

  DescribeInstanceSpecifications() {
    let id = 0;
    const data = Object.entries(cpuMemoryCombos).flatMap(([memory, cpus]) =>
      cpus.map((cpu) => {
        id++;
        return {
          Id: id,
          SpecInfo: `通用型${id}`,
          Cpu: cpu,
          Memory: Number(memory),
          Version: 0,
          Enable: true,
        };
      }),
    );
    data.sort((a, b) => a.Cpu - b.Cpu || a.Memory - b.Memory);
    return { data };
  },

  DescribeInstanceLog({ params, store }) {
    const instanceId = params.req('InstanceId');
    const instance = store.instances.get(instanceId);
    if (!instance)
      throw new SaeError('InvalidParameter.WithMessage', 'InstanceId', 'the instance does not exist');
    const app = store.apps.get(instance.AppId);
    return { data: instanceLog(instance, app) };
  },
};

function instanceLog(i: SaeInstance, app: SaeApp | undefined): string {
  const t = (offset: number) => formatCst(i.createdAt + offset).replace(' ', 'T');
  const name = app?.AppName ?? 'app';
  const lines: string[] = [];
  if (i.status === 'Pending') return '';
  if (i.status === 'ErrImagePull' || i.status === 'ImagePullBackOff') {
    return `Error response from daemon: manifest for ${i.ImageUrl} not found: manifest unknown\n`;
  }
  const java = app?.spec.config.PackageType !== 'Image';
  if (java) {
    lines.push(
      `${t(6_000)} INFO 1 --- [main] c.a.sae.${name.replace(/-/g, '')}.Application : Starting Application using Java 1.8.0_191 with PID 1`,
    );
    lines.push(
      `${t(6_400)} INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port(s): 8080 (http)`,
    );
  } else {
    lines.push(`${t(6_000)} [notice] 1#1: using the "epoll" event method`);
    lines.push(`${t(6_100)} [notice] 1#1: start worker processes`);
  }
  if (i.status === 'CrashLoopBackOff' || i.status === 'Error') {
    lines.push(`${t(7_000)} ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed`);
    lines.push('java.lang.IllegalStateException: Failed to load ApplicationContext (package version "fail")');
    lines.push('\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:315)');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${t(8_000)} INFO 1 --- [main] c.a.sae.Application : Started ${name} on ${i.InstanceId} (${i.ip}), version ${i.PackageVersion || 'latest'}`,
  );
  lines.push(
    `${t(9_000)} INFO 1 --- [nio-8080-exec-1] o.a.c.c.C.[Tomcat].[localhost].[/] : Initializing Spring DispatcherServlet`,
  );
  return `${lines.join('\n')}\n`;
}
