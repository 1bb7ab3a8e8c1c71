import type { AppConfig } from './model';
import type { Params } from './params';

/** Fields of AppConfig that Create/DeployApplication set one-to-one from a String parameter. */
const STRING_FIELDS = [
  'PackageUrl',
  'PackageVersion',
  'ImageUrl',
  'Jdk',
  'WebContainer',
  'EdasContainerVersion',
  'Command',
  'CommandArgs',
  'Envs',
  'CustomHostAlias',
  'JarStartOptions',
  'JarStartArgs',
  'WarStartOptions',
  'Liveness',
  'Readiness',
  'PreStop',
  'PostStart',
  'Timezone',
] as const satisfies readonly (keyof AppConfig)[];

/** Stored and echoed by DescribeApplicationConfig, not interpreted ("omit = unchanged, empty = clear"). */
const PASS_THROUGH = [
  'SlsConfigs',
  'NasId',
  'MountHost',
  'MountDesc',
  'ConfigMapMountDesc',
  'OssAkId',
  'OssAkSecret',
  'OssMountDescs',
  'TomcatConfig',
  'PhpConfig',
  'PhpConfigLocation',
  'PhpArmsConfigLocation',
  'EnableAhas',
  'EnableGreyTagRoute',
  'AcrInstanceId',
  'AcrAssumeRoleArn',
  'AssociateEip',
  'OpenCollectToKafka',
  'KafkaEndpoint',
  'KafkaInstanceId',
  'KafkaLogfileConfig',
  'AutoEnableApplicationScalingRule',
] as const;

export function defaultConfig(packageType: string): AppConfig {
  return {
    PackageType: packageType,
    PackageUrl: '',
    PackageVersion: '',
    ImageUrl: '',
    Jdk: '',
    WebContainer: '',
    EdasContainerVersion: '',
    Cpu: 500,
    Memory: 1024,
    Replicas: 1,
    Command: '',
    CommandArgs: '',
    Envs: '',
    CustomHostAlias: '',
    JarStartOptions: '',
    JarStartArgs: '',
    WarStartOptions: '',
    Liveness: '',
    Readiness: '',
    PreStop: '',
    PostStart: '',
    TerminationGracePeriodSeconds: 30,
    Timezone: 'Asia/Shanghai',
    UpdateStrategy: '',
    MinReadyInstances: 1,
    MinReadyInstanceRatio: -1,
    BatchWaitTime: 0,
    extra: {},
  };
}

/** A new config: `base` with every parameter the caller sent applied on top. */
export function applyConfigParams(base: AppConfig, params: Params): AppConfig {
  const next: AppConfig = { ...base, extra: { ...base.extra } };
  for (const field of STRING_FIELDS) {
    const value = params.str(field);
    if (value !== undefined) next[field] = value;
  }
  for (const field of PASS_THROUGH) {
    const value = params.str(field);
    if (value !== undefined) next.extra[field] = value;
  }
  const grace = params.int('TerminationGracePeriodSeconds');
  if (grace !== undefined) next.TerminationGracePeriodSeconds = grace;
  const minReady = params.int('MinReadyInstances');
  if (minReady !== undefined) next.MinReadyInstances = minReady;
  const ratio = params.int('MinReadyInstanceRatio');
  if (ratio !== undefined) next.MinReadyInstanceRatio = ratio;
  const wait = params.int('BatchWaitTime');
  if (wait !== undefined) next.BatchWaitTime = wait;
  const strategy = params.str('UpdateStrategy');
  if (strategy !== undefined) next.UpdateStrategy = strategy;
  return next;
}

/** Extra fields echoed as booleans rather than strings. */
const BOOLEAN_EXTRA = new Set(['EnableGreyTagRoute', 'AssociateEip', 'OpenCollectToKafka']);

/** The `Data` of DescribeApplicationConfig for a config (current or of a version). */
export function configView(
  app: {
    AppId: string;
    AppName: string;
    AppDescription: string;
    NamespaceId: string;
    RegionId: string;
    VpcId: string;
    VSwitchId: string;
    SecurityGroupId: string;
    Tags: { Key: string; Value: string }[];
  },
  config: AppConfig,
): Record<string, unknown> {
  const extra = (name: string) => config.extra[name] ?? '';
  const view: Record<string, unknown> = {
    AppId: app.AppId,
    AppName: app.AppName,
    AppDescription: app.AppDescription,
    NamespaceId: app.NamespaceId,
    RegionId: app.RegionId,
    VpcId: app.VpcId,
    VSwitchId: app.VSwitchId,
    SecurityGroupId: app.SecurityGroupId,
    PackageType: config.PackageType,
    PackageUrl: config.PackageUrl,
    PackageVersion: config.PackageVersion,
    ImageUrl: config.ImageUrl,
    Jdk: config.Jdk,
    WebContainer: config.WebContainer,
    EdasContainerVersion: config.EdasContainerVersion,
    Cpu: config.Cpu,
    Memory: config.Memory,
    Replicas: config.Replicas,
    Command: config.Command,
    CommandArgs: config.CommandArgs,
    Envs: config.Envs,
    CustomHostAlias: config.CustomHostAlias,
    JarStartOptions: config.JarStartOptions,
    JarStartArgs: config.JarStartArgs,
    WarStartOptions: config.WarStartOptions,
    Liveness: config.Liveness,
    Readiness: config.Readiness,
    PreStop: config.PreStop,
    PostStart: config.PostStart,
    TerminationGracePeriodSeconds: config.TerminationGracePeriodSeconds,
    Timezone: config.Timezone,
    UpdateStrategy: config.UpdateStrategy,
    MinReadyInstances: config.MinReadyInstances,
    MinReadyInstanceRatio: config.MinReadyInstanceRatio,
    BatchWaitTime: config.BatchWaitTime,
    SlsConfigs: extra('SlsConfigs'),
    KafkaConfigs: extra('KafkaLogfileConfig')
      ? JSON.stringify({
          kafkaEndpoint: extra('KafkaEndpoint'),
          kafkaInstanceId: extra('KafkaInstanceId'),
          kafkaConfigs: safeJson(extra('KafkaLogfileConfig')),
        })
      : '',
    NasId: extra('NasId'),
    MountHost: extra('MountHost'),
    MountDesc: arrayOf(extra('MountDesc')).map((m) => ({ MountPath: m.mountPath, NasPath: m.nasPath })),
    ConfigMapMountDesc: arrayOf(extra('ConfigMapMountDesc')).map((m) => ({
      ConfigMapId: m.configMapId,
      ConfigMapName: m.configMapName ?? '',
      Key: m.key,
      MountPath: m.mountPath,
    })),
    OssAkId: extra('OssAkId'),
    OssAkSecret: extra('OssAkSecret') ? '******' : '',
    OssMountDescs: arrayOf(extra('OssMountDescs')),
    TomcatConfig: extra('TomcatConfig'),
    PhpConfig: extra('PhpConfig'),
    PhpConfigLocation: extra('PhpConfigLocation'),
    PhpArmsConfigLocation: extra('PhpArmsConfigLocation'),
    EnableAhas: extra('EnableAhas') || 'false',
    EnableGreyTagRoute: extra('EnableGreyTagRoute') === 'true',
    MseApplicationId: '',
    AcrAssumeRoleArn: extra('AcrAssumeRoleArn'),
    AssociateEip: extra('AssociateEip') === 'true',
    Tags: app.Tags,
  };
  for (const name of BOOLEAN_EXTRA) if (!(name in view)) view[name] = extra(name) === 'true';
  return view;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function arrayOf(text: string): Record<string, unknown>[] {
  if (!text.trim()) return [];
  const parsed = safeJson(text);
  return Array.isArray(parsed)
    ? (parsed.filter((e) => e && typeof e === 'object') as Record<string, unknown>[])
    : [];
}
