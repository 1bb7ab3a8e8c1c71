import type {
  RcCluster,
  RcClusterDetail,
  RcClusterNode,
  RcNodeLabel,
  RcNodeLabelBinding,
  RcPv,
  RcRdsAccount,
  RcRdsBackup,
  RcRdsDatabase,
  RcResourceAlloc,
  RcWorkLoad,
} from '@console/contract';
import { type Raw, rcArr, rcIso, rcNum, rcObj, rcStr } from './gateway';

/*
 * Upstream records → console shapes for the cluster-side families. Nothing here copies a field the
 * console does not name, so a password the cloud might send back (the seed's ListCluster example
 * does) never reaches the browser.
 */

/**
 * A field by its PascalCase name, or by the lower-camel name the seed's RDS and cluster examples use
 * (`dBName`, `requestId`, `cupRequest`…), whichever the cloud sent.
 */
export function field(raw: Raw, name: string): unknown {
  if (raw[name] !== undefined) return raw[name];
  return raw[name.charAt(0).toLowerCase() + name.slice(1)];
}
const str = (raw: Raw, name: string) => rcStr(field(raw, name));
const num = (raw: Raw, name: string) => rcNum(field(raw, name));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter((s) => s !== '') : []);
const bool = (v: unknown) => v === true || v === 'true';

/** Cluster EnvType: `PRO`/`TEST`; the seed's examples also show 1/0, read like the environment APIs. */
export function clusterEnvType(v: unknown): string {
  const text = String(v ?? '');
  if (text === '1') return 'PRO';
  if (text === '0') return 'TEST';
  return text.toUpperCase();
}

export function clusterView(raw: Raw): RcCluster {
  const keyPair = rcStr(raw.KeyPair);
  return {
    instanceId: String(raw.InstanceId ?? ''),
    id: raw.Id === undefined ? undefined : rcNum(raw.Id),
    title: String(raw.ClusterTitle ?? ''),
    businessCode: String(raw.BusinessCode ?? ''),
    envType: clusterEnvType(raw.EnvType),
    status: String(raw.Status ?? ''),
    createStatus: rcStr(raw.CreateStatus),
    regionId: String(raw.RegionId ?? ''),
    regionName: rcStr(raw.RegionName),
    vpcId: String(raw.VpcId ?? ''),
    vswitchIds: strs(raw.VswitchIds),
    ecsIds: strs(raw.EcsIds),
    netPlug: rcStr(raw.NetPlug),
    podCidr: rcStr(raw.PodCIDR),
    serviceCidr: rcStr(raw.ServiceCIDR),
    keyPair,
    // Only whether there is one: masked or not, the value is dropped here.
    login: keyPair ? 'keyPair' : rcStr(raw.Password) ? 'password' : 'none',
    workLoadCpu: rcNum(raw.WorkLoadCpu),
    workLoadMem: rcNum(raw.WorkLoadMem),
  };
}

export function workLoadView(raw: Raw): RcWorkLoad {
  return {
    nodeCount: rcNum(raw.AllNodeCount),
    allPodCount: rcNum(raw.AllocateAllPodCount),
    appPodCount: rcNum(raw.AllocateAppPodCount),
    cpuCapacity: rcNum(raw.CpuCapacityTotal),
    cpuTotal: rcNum(raw.CpuTotal),
    cpuRequest: rcNum(raw.CpuRequest),
    cpuRequestPercent: rcNum(raw.CpuRequestPercent),
    cpuUse: rcNum(raw.CpuUse),
    cpuUsePercent: rcNum(raw.CpuUsePercent),
    cpuLevel: rcStr(raw.CpuLevel),
    memCapacity: rcNum(raw.MemCapacityTotal),
    memTotal: rcNum(raw.MemTotal),
    memRequest: rcNum(raw.MemRequest),
    memRequestPercent: rcNum(raw.MemRequestPercent),
    memUse: rcNum(raw.MemUse),
    memUsePercent: rcNum(raw.MemUsePercent),
    memLevel: rcStr(raw.MemLevel),
  };
}

/** What one pod asks for; `cupRequest` (sic) in the seed's example. */
const podRequest = (p: Raw) => ({
  cpuRequest: str(p, 'CpuRequest') ?? str(p, 'CupRequest') ?? '',
  memRequest: str(p, 'MemRequest') ?? '',
});

export function clusterDetailView(result: Raw): RcClusterDetail {
  const basic = rcObj(result.BasicInfo);
  const instances = rcObj(result.InstanceInfo);
  const net = rcObj(result.NetInfo);
  return {
    instanceId: String(basic.ClusterInstanceId ?? ''),
    id: basic.ClusterId === undefined ? undefined : rcNum(basic.ClusterId),
    title: String(basic.ClusterName ?? ''),
    businessCode: String(basic.BusinessCode ?? ''),
    envType: clusterEnvType(basic.EnvType),
    regionId: String(basic.RegionId ?? ''),
    regionName: rcStr(basic.RegionName),
    vpcId: String(basic.VpcId ?? ''),
    vswitchIds: strs(basic.Vswitchs),
    ecsIds: strs(basic.EcsIds),
    armsInstalled: bool(basic.HasInstallArmsPilot),
    logControllerInstalled: bool(basic.HasInstallLogController),
    mainUserId: rcStr(basic.MainUserId),
    userNick: rcStr(basic.UserNick),
    net: {
      plugin: String(net.NetPlugType ?? ''),
      // `ProdCIDR` (sic) in the seed: the pod CIDR.
      podCidr: String(net.ProdCIDR ?? net.PodCIDR ?? ''),
      serviceCidr: String(net.ServiceCIDR ?? ''),
    },
    instances: {
      podCount: num(instances, 'AllocatePodCount'),
      appCount: num(instances, 'AppCount'),
      allocated: rcArr(field(instances, 'AllocatedPodInfoList')).map((p) => ({
        appId: field(p, 'AppId') === undefined ? undefined : num(p, 'AppId'),
        appName: str(p, 'AppName') ?? '',
        envId: field(p, 'EnvId') === undefined ? undefined : num(p, 'EnvId'),
        envName: str(p, 'EnvName') ?? '',
        ...podRequest(p),
        podCount: num(p, 'PodCount'),
      })),
      available: rcArr(field(instances, 'AvailablePodInfoList')).map((p) => ({
        ...podRequest(p),
        podCount: num(p, 'AvailablePodCount'),
      })),
    },
    workLoad: workLoadView(rcObj(result.WorkLoad)),
  };
}

export function nodeView(raw: Raw): RcClusterNode {
  return {
    instanceId: String(raw.InstanceId ?? ''),
    name: String(raw.InstanceName ?? raw.InstanceId ?? ''),
    instanceType: String(raw.InstanceType ?? ''),
    networkType: rcStr(raw.InstanceNetworkType),
    osName: rcStr(raw.OSName),
    osType: rcStr(raw.EcsOsType),
    configuration: rcStr(raw.EcsConfiguration),
    cpu: rcNum(raw.EcsCpu),
    memoryMb: rcNum(raw.EcsMemory),
    storageGb: raw.EcsLocalStorageCapacity === undefined ? undefined : rcNum(raw.EcsLocalStorageCapacity),
    privateIp: rcStr(raw.EcsPrivateIp),
    publicIp: rcStr(raw.EcsPublicIp),
    eip: rcStr(raw.EcsEip),
    zone: rcStr(raw.EcsZone),
    expiredTime: rcIso(raw.EcsExpiredTime),
    regionId: rcStr(raw.RegionId),
    vpcId: rcStr(raw.VpcId),
    businessCode: rcStr(raw.BusinessCode),
  };
}

export const labelView = (raw: Raw): RcNodeLabel => ({
  id: rcNum(raw.Id),
  clusterId: String(raw.ClusterId ?? ''),
  key: String(raw.LabelKey ?? ''),
  value: String(raw.LabelValue ?? ''),
});

export const bindingView = (raw: Raw): RcNodeLabelBinding => ({
  id: rcNum(raw.Id),
  instanceId: String(raw.InstanceId ?? ''),
  instanceType: String(raw.InstanceType ?? 'ecs'),
  key: String(raw.LabelKey ?? ''),
  value: String(raw.LabelValue ?? ''),
});

export const allocView = (raw: Raw): RcResourceAlloc => ({
  id: rcNum(raw.Id),
  appId: rcNum(raw.AppId),
  envId: rcNum(raw.AppEnvId),
  clusterId: String(raw.ClusterId ?? ''),
  resourceDef: rcStr(raw.ResourceDef),
});

export const pvView = (raw: Raw): RcPv => ({
  name: String(raw.Name ?? ''),
  capacity: String(raw.Capacity ?? ''),
  accessModes: String(raw.AccessModes ?? ''),
  reclaimPolicy: String(raw.ReclaimPolicy ?? ''),
  status: String(raw.Status ?? ''),
  pvcName: rcStr(raw.PvcName),
  mountDir: rcStr(raw.MountDir),
  storageClass: String(raw.StorageClass ?? ''),
  reason: rcStr(raw.Reason),
  createTime: rcIso(raw.CreateTime),
});

export const databaseView = (raw: Raw, instanceId: string): RcRdsDatabase => ({
  name: str(raw, 'DBName') ?? '',
  status: str(raw, 'DBStatus') ?? '',
  description: str(raw, 'DBDescription'),
  engine: str(raw, 'Engine'),
  characterSet: str(raw, 'CharacterSetName'),
  instanceId: str(raw, 'DBInstanceId') ?? instanceId,
  accounts: rcArr(field(raw, 'Accounts')).map((a) => ({
    account: str(a, 'Account') ?? '',
    privilege: str(a, 'AccountPrivilege') ?? '',
    privilegeDetail: str(a, 'AccountPrivilegeDetail'),
  })),
});

export const rdsAccountView = (raw: Raw, instanceId: string): RcRdsAccount => ({
  name: str(raw, 'AccountName') ?? '',
  status: str(raw, 'AccountStatus') ?? '',
  type: str(raw, 'AccountType') ?? 'Normal',
  description: str(raw, 'AccountDescription'),
  privExceeded: str(raw, 'PrivExceeded') === '1',
  instanceId: str(raw, 'DBInstanceId') ?? instanceId,
  privileges: rcArr(field(raw, 'DatabasePrivileges')).map((p) => ({
    dbName: str(p, 'DBName') ?? '',
    privilege: str(p, 'AccountPrivilege') ?? '',
    privilegeDetail: str(p, 'AccountPrivilegeDetail'),
  })),
});

export const backupView = (raw: Raw, instanceId: string): RcRdsBackup => ({
  id: str(raw, 'BackupId') ?? '',
  instanceId: str(raw, 'DBInstanceId') ?? instanceId,
  status: str(raw, 'BackupStatus') ?? '',
  startTime: rcIso(field(raw, 'BackupStartTime')),
  endTime: rcIso(field(raw, 'BackupEndTime')),
  type: str(raw, 'BackupType') ?? '',
  mode: str(raw, 'BackupMode'),
  method: str(raw, 'BackupMethod'),
  scale: str(raw, 'BackupScale'),
  dbNames: str(raw, 'BackupDBNames'),
  size: num(raw, 'BackupSize'),
  hostInstanceId: str(raw, 'HostInstanceID') ?? str(raw, 'HostInstanceId'),
  storeStatus: str(raw, 'StoreStatus'),
  metaStatus: str(raw, 'MetaStatus'),
});
