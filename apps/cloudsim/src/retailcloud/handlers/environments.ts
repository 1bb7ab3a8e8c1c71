import { page, type RcParams, type RetailCloudHandlers } from '../context';
import { gatewayErrors } from '../envelope';
import {
  dateOnly,
  type EnvTypeCode,
  type EnvTypeName,
  envTypeLabel,
  envTypeName,
  type RcDeployConfig,
  type RcEnvironment,
  rcError,
} from '../model';
import type { RetailCloudStore } from '../store';

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

const envSummary = (env: RcEnvironment) => ({
  AppId: env.AppId,
  AppSchemaId: env.AppSchemaId,
  EnvId: env.EnvId,
  EnvName: env.EnvName,
  EnvType: env.EnvType,
  EnvTypeName: envTypeLabel(env.EnvType),
  Region: env.Region,
});

/** The deploy config an environment binds: the app's own, and of the environment's type. */
function schemaFor(
  store: RetailCloudStore,
  appId: number,
  schemaId: number,
  envType: EnvTypeCode,
): RcDeployConfig {
  const schema = store.deployConfigs.get(schemaId);
  if (!schema || schema.AppId !== appId) throw rcError('notFound', `部署配置 ${schemaId} 不存在`);
  check(schema.EnvType === envTypeName(envType), 'AppSchemaId 与环境类型不一致');
  return schema;
}

/** Base64 YAML parameters of the deploy-config APIs, decoded; undefined when absent. */
function yaml(params: RcParams, name: string): string | undefined {
  const value = params.str(name);
  if (value === undefined) return undefined;
  const compact = value.replace(/\s+/g, '');
  check(/^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0, `${name} 不是Base64编码`);
  return Buffer.from(compact, 'base64').toString('utf8');
}

function yamlList(params: RcParams, name: string): string[] | undefined {
  const items = params.list(name);
  if (!items) return undefined;
  return items.map((_, i) => yaml(params, `${name}.${i + 1}`) as string);
}

/** Which workload YAML an app may carry, by its StateType: stateful → StatefulSet, CronJob → CronJob, else Deployment. */
function checkWorkloads(
  stateType: number,
  c: { Deployment?: string; StatefulSet?: string; CronJob?: string },
): void {
  const given = (['Deployment', 'StatefulSet', 'CronJob'] as const).filter((k) => c[k]);
  check(given.length <= 1, `${given.join('、')} 不能同时指定`);
  const allowed = stateType === 2 ? 'StatefulSet' : stateType === 5 ? 'CronJob' : 'Deployment';
  for (const k of given) check(k === allowed, `${k} 与应用类型不符`);
}

const configView = (c: RcDeployConfig) => ({
  AppId: c.AppId,
  Id: c.Id,
  Name: c.Name,
  EnvType: c.EnvType,
  ContainerCodePath: { CodePath: c.CodePath },
  ContainerYamlConf: {
    ConfigMap: c.ConfigMap,
    ConfigMapList: [...c.ConfigMapList],
    CronJob: c.CronJob,
    Deployment: c.Deployment,
    SecretList: [...c.SecretList],
    StatefulSet: c.StatefulSet,
  },
});

/** 环境管理 (seed 1.2), 部署配置管理 (1.3) and 应用实例 (1.4). */
export const environmentHandlers: RetailCloudHandlers = {
  CreateEnvironment: ({ params, store, now }) => {
    const appId = params.int('AppId', true);
    const schemaId = params.int('AppSchemaId', true);
    const envName = params.str('EnvName', true);
    const envType = params.int('EnvType', true);
    const region = params.str('Region', true);
    const replicas = params.int('Replicas', true);
    const app = store.app(appId);
    check(envType === 0 || envType === 1, 'EnvType');
    check(envName.trim() !== '', 'EnvName');
    check(region.trim() !== '', 'Region');
    check(replicas >= 0, 'Replicas');
    schemaFor(store, appId, schemaId, envType as EnvTypeCode);
    if (store.appEnvs(appId).some((e) => e.EnvName === envName)) throw rcError('conflict', `环境 ${envName}`);
    const clusterType = envType === 1 ? 'PRO' : 'TEST';
    const clusterId = params.str('ClusterId');
    let cluster = clusterId ? store.findCluster(clusterId) : undefined;
    if (clusterId) {
      // Seed: the cluster must be the caller's, of the app's business domain and of the same EnvType.
      if (!cluster) throw rcError('notFound', `集群 ${clusterId} 不存在`);
      check(cluster.BusinessCode === app.BizCode, 'ClusterId 与应用业务域不一致');
      check(cluster.EnvType === clusterType, 'ClusterId 与环境类型不一致');
    } else {
      cluster = [...store.clusters.values()].find(
        (c) => c.BusinessCode === app.BizCode && c.EnvType === clusterType,
      );
    }
    const env: RcEnvironment = {
      EnvId: store.nextId('env'),
      AppId: appId,
      EnvName: envName,
      EnvType: envType as EnvTypeCode,
      Region: region,
      Replicas: replicas,
      AppSchemaId: schemaId,
      clusterInstanceId: cluster?.InstanceId,
      cpuLimit: 1,
      memLimitGb: 2,
      offline: false,
      createdAt: now,
    };
    store.envs.set(env.EnvId, env);
    if (cluster) {
      const id = store.nextId('alloc');
      store.resourceAllocs.set(id, {
        Id: id,
        AppEnvId: env.EnvId,
        AppId: appId,
        ClusterId: cluster.InstanceId,
        ResourceDef: '暂不支持',
      });
    }
    return { Result: { AppEnvId: env.EnvId } };
  },

  UpdateEnvironment: ({ params, store }) => {
    const envId = params.int('AppEnvId', true);
    const appId = params.int('AppId', true);
    const env = store.appEnv(appId, envId);
    const schemaId = params.int('AppSchemaId');
    const replicas = params.int('Replicas');
    if (schemaId !== undefined) schemaFor(store, appId, schemaId, env.EnvType);
    if (replicas !== undefined) check(replicas >= 0, 'Replicas');
    // Both take effect with the next deploy order, as on the real console.
    if (schemaId !== undefined) env.AppSchemaId = schemaId;
    if (replicas !== undefined) env.Replicas = replicas;
    return { Result: { Success: true } };
  },

  ListAppEnvironment: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.app(appId);
    const envType = params.int('EnvType');
    const envName = params.str('EnvName');
    const items = store
      .appEnvs(appId)
      .filter(
        (e) => (envType === undefined || e.EnvType === envType) && (!envName || e.EnvName.includes(envName)),
      )
      .sort((a, b) => a.EnvId - b.EnvId);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(envSummary) };
  },

  DescribeAppEnvironmentDetail: ({ params, store }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    return { Result: { ...envSummary(env), Replicas: env.Replicas } };
  },

  // The table marks Force required but its own example omits it: absent means false (check first).
  DeleteAppEnvironment: ({ params, store, engine, now }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    engine.deleteEnv(env, params.bool('Force') ?? false, now);
    return { Result: { Success: true } };
  },

  OfflineAppEnvironment: ({ params, store, engine, now }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    engine.offline(env, params.bool('DeletePvc') ?? false, now);
    return { Result: { Success: true } };
  },

  // The seed lists no parameters besides Action; AppId and EnvId are the SDK's required pair.
  DescribeAppEnvDeployBaseline: ({ params, store }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    const base = env.baseline;
    if (!base) throw rcError('notFound', `环境 ${env.EnvId} 尚无部署基线`);
    return {
      Result: {
        AppId: env.AppId,
        EnvId: env.EnvId,
        CreateTime: dateOnly(base.createdAt),
        SchemaId: base.SchemaId,
        PacketId: base.PacketId ?? 0,
        PacketUrl: base.PacketUrl,
        PacketComment: base.PacketComment,
      },
    };
  },

  CreateDeployConfig: ({ params, store, now }) => {
    const appId = params.int('AppId', true);
    const envType = params.str('EnvType', true);
    const name = params.str('Name', true);
    const app = store.app(appId);
    check(envType === 'test' || envType === 'online', 'EnvType');
    check(name.trim() !== '', 'Name');
    const workloads = {
      Deployment: yaml(params, 'Deployment'),
      StatefulSet: yaml(params, 'StatefulSet'),
      CronJob: yaml(params, 'CronJob'),
    };
    checkWorkloads(app.StateType, workloads);
    const configMap = yaml(params, 'ConfigMap');
    const configMaps = yamlList(params, 'ConfigMapList');
    const secrets = yamlList(params, 'SecretList');
    if ([...store.deployConfigs.values()].some((c) => c.AppId === appId && c.Name === name))
      throw rcError('conflict', `部署配置 ${name}`);
    const config: RcDeployConfig = {
      Id: store.nextId('schema'),
      AppId: appId,
      Name: name,
      EnvType: envType as EnvTypeName,
      CodePath: params.str('CodePath') ?? '',
      Deployment: workloads.Deployment ?? '',
      StatefulSet: workloads.StatefulSet ?? '',
      CronJob: workloads.CronJob ?? '',
      ConfigMap: configMap ?? '',
      // The deprecated ConfigMap is folded into ConfigMapList, as the list API says.
      ConfigMapList: configMaps ?? (configMap ? [configMap] : []),
      SecretList: secrets ?? [],
      createdAt: now,
    };
    store.deployConfigs.set(config.Id, config);
    return { Result: { AppId: appId, Name: name, SchemaId: config.Id } };
  },

  // The seed's request has no PageNumber/PageSize; the answer carries them for the whole list.
  ListDeployConfig: ({ params, store }) => {
    const appId = params.int('AppId', true);
    store.app(appId);
    const envType = params.str('EnvType');
    const id = params.int('Id');
    const name = params.str('Name');
    const items = [...store.deployConfigs.values()]
      .filter(
        (c) =>
          c.AppId === appId &&
          (!envType || c.EnvType === envType) &&
          (id === undefined || c.Id === id) &&
          (!name || c.Name.includes(name)),
      )
      .sort((a, b) => a.Id - b.Id);
    return { PageNumber: 1, PageSize: items.length, TotalCount: items.length, Data: items.map(configView) };
  },

  DeleteDeployConfig: ({ params, store }) => {
    const schemaId = params.int('SchemaId', true);
    const config = store.deployConfigs.get(schemaId);
    if (!config) throw rcError('notFound', `部署配置 ${schemaId} 不存在`);
    const user = [...store.envs.values()].find((e) => e.AppSchemaId === schemaId);
    if (user) throw rcError('inUse', `部署配置 ${schemaId} 被环境 ${user.EnvName} 使用`);
    store.deployConfigs.delete(schemaId);
    return { Result: { Success: true } };
  },

  // CodePath is marked required yet "null = unchanged": an absent CodePath keeps the current one.
  UpdateDeployConfig: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const id = params.int('Id', true);
    const app = store.app(appId);
    const config = store.deployConfigs.get(id);
    if (!config || config.AppId !== appId) throw rcError('notFound', `部署配置 ${id} 不存在`);
    const workloads = {
      Deployment: yaml(params, 'Deployment'),
      StatefulSet: yaml(params, 'StatefulSet'),
      CronJob: yaml(params, 'CronJob'),
    };
    checkWorkloads(app.StateType, workloads);
    const configMap = yaml(params, 'ConfigMap');
    const configMaps = yamlList(params, 'ConfigMapList');
    const secrets = yamlList(params, 'SecretList');
    const codePath = params.str('CodePath');
    if (codePath !== undefined) config.CodePath = codePath;
    if (workloads.Deployment !== undefined) config.Deployment = workloads.Deployment;
    if (workloads.StatefulSet !== undefined) config.StatefulSet = workloads.StatefulSet;
    if (workloads.CronJob !== undefined) config.CronJob = workloads.CronJob;
    if (configMap !== undefined) config.ConfigMap = configMap;
    if (configMaps) config.ConfigMapList = configMaps;
    if (secrets) config.SecretList = secrets;
    return { Result: { Success: true } };
  },

  ListAppInstance: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.appEnv(appId, envId);
    const result = page(store.envInstances(envId), pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map((pod) => store.instanceView(pod)) };
  },

  // The seed swaps the two descriptions; AppInstanceId is the pod name, EnvId the environment.
  RebuildAppInstance: ({ params, engine, now }) => {
    const appId = params.int('AppId', true);
    const podName = params.str('AppInstanceId', true);
    const envId = params.int('EnvId', true);
    if (podName.trim() === '') throw gatewayErrors.invalidParameter('AppInstanceId');
    engine.rebuild(appId, envId, podName, now);
    return { Result: { Success: true } };
  },
};
