import type { AppConfig, FailMode, SaeApp, SaeInstance } from './model';
import type { SaeStore } from './store';

/** The tag of an image (after the last ':' of the last path segment) or the package version. */
export function artifactTag(config: AppConfig): string {
  if (config.PackageType.toLowerCase().includes('image') || config.PackageType === 'Image') {
    const last = config.ImageUrl.split('/').pop() ?? '';
    const colon = last.lastIndexOf(':');
    return colon >= 0 ? last.slice(colon + 1) : 'latest';
  }
  return config.PackageVersion;
}

/** Artefacts tagged `fail` or `stuck` make their instances fail (see the README). */
export function failModeOf(config: AppConfig): FailMode | undefined {
  const tag = artifactTag(config).toLowerCase();
  if (config.PackageVersion.toLowerCase() === 'fail' || tag === 'fail') return 'fail';
  if (config.PackageVersion.toLowerCase() === 'stuck' || tag === 'stuck') return 'stuck';
  return undefined;
}

export const isImage = (config: AppConfig) =>
  config.PackageType === 'Image' || config.PackageType.startsWith('IMAGE_');

function hasHealthCheck(config: AppConfig): boolean {
  return config.Liveness.trim() !== '' || config.Readiness.trim() !== '';
}

/** Final health of a started, working instance. */
export function healthyStatus(config: AppConfig): SaeInstance['health'] {
  if (!hasHealthCheck(config)) return 'WithoutHealthCheckConfig';
  if (!config.Liveness.trim()) return 'WithoutLivenessConfig';
  if (!config.Readiness.trim()) return 'WithoutReadinessConfig';
  return 'Healthy';
}

function imageOf(app: SaeApp, config: AppConfig): string {
  if (isImage(config)) return config.ImageUrl;
  // SAE builds an image from JAR/WAR packages; it cannot be pulled by the user.
  return `sae-build-registry-vpc.${app.RegionId}.cr.aliyuncs.com/sae-build/${app.AppName}:${config.PackageVersion || 'latest'}`;
}

export function createInstance(
  store: SaeStore,
  app: SaeApp,
  config: AppConfig,
  revision: string,
  at: number,
  orderId?: string,
): SaeInstance {
  const seq = app.ipSeq++;
  const instance: SaeInstance = {
    InstanceId: `${app.AppName}-${store.ids.hex(10)}-${store.ids.hex(5)}`,
    AppId: app.AppId,
    GroupId: app.GroupId,
    VSwitchId: app.VSwitchId,
    ip: `192.168.${(seq >> 8) % 256}.${(seq % 250) + 2}`,
    ImageUrl: imageOf(app, config),
    PackageVersion: config.PackageVersion,
    revision,
    cpu: config.Cpu,
    memory: config.Memory,
    createdAt: at,
    status: 'Pending',
    health: 'NotCheckedYet',
    restarts: 0,
    failMode: failModeOf(config),
    orderId,
  };
  store.instances.set(instance.InstanceId, instance);
  store.addEvent({
    AppId: app.AppId,
    NamespaceId: app.NamespaceId,
    ObjectKind: 'Pod',
    ObjectName: instance.InstanceId,
    EventType: 'Normal',
    Reason: 'Scheduled',
    Message: `Successfully assigned ${app.NamespaceId.split(':').pop()}/${instance.InstanceId} to virtual-kubelet-${app.RegionId}`,
    at,
  });
  return instance;
}

/** Pending → Running (or the failure state of a `fail`/`stuck` artefact). */
export function startInstance(
  store: SaeStore,
  app: SaeApp,
  instance: SaeInstance,
  config: AppConfig,
  at: number,
): void {
  const ev = (EventType: 'Normal' | 'Warning', Reason: string, Message: string) =>
    store.addEvent({
      AppId: app.AppId,
      NamespaceId: app.NamespaceId,
      ObjectKind: 'Pod',
      ObjectName: instance.InstanceId,
      EventType,
      Reason,
      Message,
      at,
    });
  ev('Normal', 'Pulling', `Pulling image "${instance.ImageUrl}"`);
  if (instance.failMode && isImage(config)) {
    instance.status = 'ErrImagePull';
    instance.health = 'Unhealthy';
    ev('Warning', 'Failed', `Failed to pull image "${instance.ImageUrl}": manifest unknown`);
    ev('Warning', 'BackOff', `Back-off pulling image "${instance.ImageUrl}"`);
    return;
  }
  ev('Normal', 'Pulled', `Successfully pulled image "${instance.ImageUrl}"`);
  ev('Normal', 'Created', 'Created container');
  ev('Normal', 'Started', 'Started container');
  if (instance.failMode) {
    instance.status = 'CrashLoopBackOff';
    instance.health = 'Unhealthy';
    instance.restarts = 3;
    ev('Warning', 'BackOff', 'Back-off restarting failed container');
    return;
  }
  instance.status = 'Running';
  instance.health = 'NotCheckedYet';
}

export function markHealthy(instance: SaeInstance, config: AppConfig, at: number): void {
  if (instance.status !== 'Running') return;
  instance.health = healthyStatus(config);
  instance.finishedAt ??= at;
}

export function beginRemoval(store: SaeStore, app: SaeApp, instance: SaeInstance, at: number): void {
  instance.leaving = true;
  instance.status = 'Terminating';
  store.addEvent({
    AppId: app.AppId,
    NamespaceId: app.NamespaceId,
    ObjectKind: 'Pod',
    ObjectName: instance.InstanceId,
    EventType: 'Normal',
    Reason: 'Killing',
    Message: 'Stopping container main',
    at,
  });
}

/** Deletes the instance and books the resources it held. */
export function removeInstance(store: SaeStore, instance: SaeInstance, at: number): void {
  store.instances.delete(instance.InstanceId);
  store.closedUsage.push({
    AppId: instance.AppId,
    cores: instance.cpu / 1000,
    gib: instance.memory / 1024,
    from: instance.createdAt,
    to: Math.max(at, instance.createdAt),
  });
}

/** Order of InstanceContainerStatus used by DescribeApplicationInstances sorting. */
export const runningLike = (i: SaeInstance) => i.status === 'Running';
