import { type CoTypeCode, isValidCpuMemory, packageTypes, type UpdateStrategy } from '@console/catalogue';
import { applyConfigParams, defaultConfig } from '../app-config';
import type { SaeContext, SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { AppConfig, AppSpec, SaeApp } from '../model';
import type { Params } from '../params';

/** Instances per application without a quota ticket (seed §11). */
const MAX_REPLICAS = 50;

export function parseUpdateStrategy(params: Params): UpdateStrategy | undefined {
  const raw = params.json<Partial<UpdateStrategy>>('UpdateStrategy');
  if (raw === undefined || Object.keys(raw).length === 0) return undefined;
  const bad = (why: string) => new SaeError('InvalidParameter.WithMessage', 'UpdateStrategy', why);
  if (raw.type !== 'BatchUpdate' && raw.type !== 'GrayBatchUpdate')
    throw bad('type must be BatchUpdate or GrayBatchUpdate');
  const batch = raw.batchUpdate;
  if (!batch || !Number.isInteger(batch.batch) || batch.batch < 1)
    throw bad('batchUpdate.batch must be an integer >= 1');
  if (batch.releaseType !== 'auto' && batch.releaseType !== 'manual') {
    throw bad('batchUpdate.releaseType must be auto or manual');
  }
  if (
    batch.batchWaitTime !== undefined &&
    (!Number.isInteger(batch.batchWaitTime) || batch.batchWaitTime < 0)
  ) {
    throw new SaeError('BatchWaitTime.Not.Smaller.Zero');
  }
  if (raw.type === 'GrayBatchUpdate') {
    const gray = raw.grayUpdate?.gray;
    if (!Number.isInteger(gray) || (gray as number) < 1) throw bad('grayUpdate.gray must be an integer >= 1');
  }
  return raw as UpdateStrategy;
}

function checkAvailability(params: Params, replicas: number): void {
  const minReady = params.int('MinReadyInstances');
  if (minReady !== undefined && minReady > 0 && replicas > 1 && minReady >= replicas) {
    throw new SaeError('MinReadyInstances.Not.Smaller.Replicas');
  }
  const ratio = params.int('MinReadyInstanceRatio');
  if (ratio !== undefined && ratio !== -1 && (ratio < 0 || ratio > 100))
    throw new SaeError('MinReadyInstanceRatio.Invalid');
  const wait = params.int('BatchWaitTime');
  if (wait !== undefined && wait < 0) throw new SaeError('BatchWaitTime.Not.Smaller.Zero');
}

function checkPackage(config: AppConfig): void {
  if (config.PackageType === 'Image' || config.PackageType.startsWith('IMAGE_PHP')) {
    if (!config.ImageUrl) throw new SaeError('InvalidParameter.NotEmpty', 'ImageUrl');
    return;
  }
  if (!config.PackageUrl) throw new SaeError('InvalidParameter.NotEmpty', 'PackageUrl');
  if (config.PackageType === 'FatJar' && !config.Jdk) throw new SaeError('JarApplication.MissingJdk');
  if (config.PackageType === 'War' && (!config.Jdk || !config.WebContainer)) {
    throw new SaeError('WarApplication.MissingJdkWebcontainer');
  }
}

function checkReplicas(replicas: number): void {
  if (replicas < 0) throw new SaeError('InvalidParameter.Obviously', 'Replicas');
  if (replicas > MAX_REPLICAS) throw new SaeError('NoComputeResourceQuota.App.Exceed', MAX_REPLICAS);
}

/** Common guard of every mutating app operation. */
function mutableApp(ctx: SaeContext): SaeApp {
  const app = ctx.store.app(ctx.params.req('AppId'));
  ctx.engine.assertIdle(app);
  if (app.deleting) throw new SaeError('Application.InvalidStatus');
  return app;
}

function order(
  ctx: SaeContext,
  app: SaeApp,
  coType: CoTypeCode,
  target: AppSpec,
  extra: Partial<Parameters<SaeContext['engine']['create']>[0]> = {},
) {
  return ctx.engine.create({ app, coType, target, at: ctx.now, ...extra });
}

const newRevision = (ctx: SaeContext) => ctx.store.ids.hex(10);

/** 应用生命周期: every operation here creates a change order. */
export const lifecycleHandlers: SaeHandlers = {
  CreateApplication(ctx) {
    const { params, store, now } = ctx;
    const appName = params.req('AppName');
    if (!/^[A-Za-z][A-Za-z0-9-]{0,35}$/.test(appName)) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'AppName',
        'must start with a letter and contain at most 36 letters, digits or hyphens',
      );
    }
    const namespaceId = params.str('NamespaceId');
    if (!namespaceId) throw new SaeError('InvalidParameter.NotEmpty', 'NamespaceId');
    const ns = store.namespace(namespaceId);
    if (store.liveApps().some((a) => a.NamespaceId === ns.NamespaceId && a.AppName === appName)) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'AppName',
        'an application with this name already exists in the namespace',
      );
    }
    const packageType = params.req('PackageType');
    if (!(packageTypes as readonly string[]).includes(packageType))
      throw new SaeError('InvalidPackageType.NotFound');
    const config = applyConfigParams(defaultConfig(packageType), params);
    store.configMaps.mount(ns.NamespaceId, config);
    config.Cpu = params.int('Cpu') ?? 500;
    config.Memory = params.int('Memory') ?? 1024;
    if (!isValidCpuMemory(config.Cpu, config.Memory)) {
      throw new SaeError('InvalidInstanceSpecification.Unsupported', config.Cpu, config.Memory);
    }
    config.Replicas = params.int('Replicas') ?? 1;
    checkReplicas(config.Replicas);
    checkPackage(config);
    const vpcId = params.str('VpcId');
    if (vpcId && vpcId !== ns.VpcId && !params.bool('AutoConfig'))
      throw new SaeError('InvalidVpcId.NotFound');
    const deploy = params.bool('Deploy') ?? true;
    const app: SaeApp = {
      AppId: store.ids.uuid(),
      AppName: appName,
      AppDescription: params.str('AppDescription') ?? '',
      NamespaceId: ns.NamespaceId,
      RegionId: store.regionId,
      VpcId: ns.VpcId,
      VSwitchId: params.str('VSwitchId') || ns.VSwitchId,
      SecurityGroupId: params.str('SecurityGroupId') || ns.SecurityGroupId,
      GroupId: store.ids.uuid(),
      Tags: [],
      createdAt: now,
      spec: { config, revision: newRevision(ctx), running: false },
      deployed: false,
      deleting: false,
      deleted: false,
      versionIds: [],
      ipSeq: 1,
    };
    store.apps.set(app.AppId, app);
    if (!deploy) return { data: { AppId: app.AppId, ChangeOrderId: '' } };
    const created = order(ctx, app, 'CoCreateApp', { ...app.spec, running: true }, { recordsVersion: true });
    return { data: { AppId: app.AppId, ChangeOrderId: created.ChangeOrderId } };
  },

  DeployApplication(ctx) {
    const { params } = ctx;
    const app = mutableApp(ctx);
    const config = applyConfigParams(app.spec.config, params);
    ctx.store.configMaps.mount(app.NamespaceId, config);
    config.UpdateStrategy = params.str('UpdateStrategy') ?? '';
    checkPackage(config);
    checkAvailability(params, config.Replicas);
    const strategy = parseUpdateStrategy(params);
    const running = app.spec.running || !app.deployed;
    const wait = params.int('BatchWaitTime');
    const created = order(
      ctx,
      app,
      'CoDeploy',
      { config, revision: newRevision(ctx), running },
      {
        strategy,
        batchWaitMs: wait !== undefined ? wait * 60_000 : undefined,
        description: params.str('ChangeOrderDesc') || undefined,
        recordsVersion: true,
      },
    );
    ctx.store.scaling.autoEnableAfter(created, params.str('AutoEnableApplicationScalingRule'));
    return { data: { AppId: app.AppId, ChangeOrderId: created.ChangeOrderId, IsNeedApproval: false } };
  },

  RollbackApplication(ctx) {
    const { params, store } = ctx;
    const app = mutableApp(ctx);
    const versionId = params.req('VersionId');
    const version = store.versions.get(versionId);
    if (!version || version.AppId !== app.AppId) {
      throw new SaeError('InvalidParameter.WithMessage', 'VersionId', 'the version does not exist');
    }
    const config: AppConfig = {
      ...version.config,
      extra: { ...version.config.extra },
      Replicas: app.spec.config.Replicas,
      UpdateStrategy: params.str('UpdateStrategy') ?? '',
    };
    store.configMaps.mount(app.NamespaceId, config);
    checkAvailability(params, config.Replicas);
    const strategy = parseUpdateStrategy(params);
    const wait = params.int('BatchWaitTime');
    const created = order(
      ctx,
      app,
      'CoDeployHistroy',
      { config, revision: newRevision(ctx), running: app.spec.running || !app.deployed },
      {
        strategy,
        // RollbackApplication documents BatchWaitTime in seconds.
        batchWaitMs: wait !== undefined ? wait * 1_000 : undefined,
        description: `回退历史版本：${version.config.PackageVersion || version.Id}`,
        recordsVersion: true,
      },
    );
    ctx.store.scaling.autoEnableAfter(created, params.str('AutoEnableApplicationScalingRule'));
    return { data: { ChangeOrderId: created.ChangeOrderId, IsNeedApproval: false } };
  },

  StartApplication(ctx) {
    const app = mutableApp(ctx);
    if (!app.deployed) throw new SaeError('Application.NotDeployYet');
    if (app.spec.running && ctx.store.appInstances(app.AppId).length > 0)
      throw new SaeError('Application.InvalidStatus');
    const created = order(ctx, app, 'CoStart', { ...app.spec, running: true });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  StopApplication(ctx) {
    const app = mutableApp(ctx);
    if (!app.spec.running && ctx.store.appInstances(app.AppId).length === 0)
      throw new SaeError('Application.InvalidStatus');
    const created = order(ctx, app, 'CoStop', { ...app.spec, running: false });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  RestartApplication(ctx) {
    const app = mutableApp(ctx);
    if (!app.spec.running || ctx.store.appInstances(app.AppId).length === 0)
      throw new SaeError('Application.InvalidStatus');
    checkAvailability(ctx.params, app.spec.config.Replicas);
    const created = order(ctx, app, 'CoRestartApplication', { ...app.spec, revision: newRevision(ctx) });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  RescaleApplication(ctx) {
    const { params } = ctx;
    const app = mutableApp(ctx);
    const replicas = params.int('Replicas') ?? 0;
    checkReplicas(replicas);
    checkAvailability(params, replicas);
    const current = app.spec.config.Replicas;
    const config = { ...app.spec.config, Replicas: replicas };
    const created = order(ctx, app, replicas >= current ? 'CoScaleOut' : 'CoScaleIn', {
      ...app.spec,
      config,
    });
    ctx.store.scaling.autoEnableAfter(created, params.str('AutoEnableApplicationScalingRule'));
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  RescaleApplicationVertically(ctx) {
    const { params } = ctx;
    const app = mutableApp(ctx);
    const cpuText = params.req('Cpu');
    const memoryText = params.req('Memory');
    const cpu = Number(cpuText);
    const memory = Number(memoryText);
    if (!Number.isInteger(cpu) || !Number.isInteger(memory) || !isValidCpuMemory(cpu, memory)) {
      throw new SaeError('InvalidInstanceSpecification.Unsupported', cpuText, memoryText);
    }
    const config = { ...app.spec.config, Cpu: cpu, Memory: memory };
    const created = order(ctx, app, 'CoRescaleApplicationVertically', {
      ...app.spec,
      config,
      revision: newRevision(ctx),
    });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  DeleteApplication(ctx) {
    const app = mutableApp(ctx);
    const created = order(ctx, app, 'CoDeleteApp', { ...app.spec, running: false });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  RestartInstances(ctx) {
    const app = mutableApp(ctx);
    const ids = instanceIdsOf(ctx, app);
    const created = order(ctx, app, 'CoRestartInstances', app.spec, { instanceIds: ids });
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },

  ReduceApplicationCapacityByInstanceIds(ctx) {
    const app = mutableApp(ctx);
    const ids = instanceIdsOf(ctx, app);
    const config = { ...app.spec.config, Replicas: Math.max(0, app.spec.config.Replicas - ids.length) };
    const created = order(
      ctx,
      app,
      'CoScaleInAppWithInstances',
      { ...app.spec, config },
      { instanceIds: ids },
    );
    return { data: { ChangeOrderId: created.ChangeOrderId } };
  },
};

function instanceIdsOf(ctx: SaeContext, app: SaeApp): string[] {
  const ids = ctx.params
    .req('InstanceIds')
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const own = new Set(ctx.store.appInstances(app.AppId).map((i) => i.InstanceId));
  const unknown = ids.find((id) => !own.has(id));
  if (ids.length === 0 || unknown !== undefined) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      'InstanceIds',
      `instance ${unknown ?? ''} does not belong to the application`,
    );
  }
  return ids;
}
