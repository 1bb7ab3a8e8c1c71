import { page, type RetailCloudHandlers } from '../context';
import { type RcPv, type RcPvc, rcError, spaced } from '../model';
import type { RetailCloudStore } from '../store';

/** Kubernetes quantities: plain, decimal suffix (E P T G M K) or binary suffix (Ei … Ki). */
const CAPACITY = /^\d+(\.\d+)?([EPTGMK]i?)?$/;
/** StorageClass and PV names: a lower-case letter, then `[a-z0-9.-]`. */
const K8S_NAME = /^[a-z][a-z0-9.-]*$/;
const PVC_ACCESS_MODES = new Set(['ReadWriteMany', 'ReadWriteOnce']);
const PV_ACCESS_MODES = new Set(['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany']);

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

/** The cluster a PVC's volume comes from: the one its environment runs on. */
function pvcCluster(store: RetailCloudStore, pvc: RcPvc): string | undefined {
  return store.envs.get(pvc.EnvId)?.clusterInstanceId;
}

/** Binds the claim to an Available volume of its cluster with the same StorageClass, if there is one. */
function tryBind(store: RetailCloudStore, pvc: RcPvc): void {
  const cluster = pvcCluster(store, pvc);
  const pv = [...store.pvs.values()].find(
    (v) => v.ClusterInstanceId === cluster && v.Status === 'Available' && v.StorageClass === pvc.StorageClass,
  );
  if (!pv) return;
  pv.Status = 'Bound';
  pv.PvcName = pvc.Name;
  pvc.Status = 'Bound';
  pvc.VolumeName = pv.Name;
}

const pvcView = (pvc: RcPvc) => ({
  Name: pvc.Name,
  Capacity: pvc.Capacity,
  AccessModes: pvc.AccessModes,
  Status: pvc.Status,
  StorageClass: pvc.StorageClass,
  VolumeName: pvc.VolumeName,
  CreateTime: spaced(pvc.createdAt),
});

const pvView = (pv: RcPv) => ({
  Name: pv.Name,
  Capacity: pv.Capacity,
  AccessModes: pv.AccessModes,
  ReclaimPolicy: pv.ReclaimPolicy,
  Status: pv.Status,
  PvcName: pv.PvcName,
  MountDir: pv.MountDir,
  StorageClass: pv.StorageClass,
  Reason: pv.Reason,
  CreateTime: spaced(pv.createdAt),
});

/** 存储卷声明 (PVC, seed 1.5) and 存储卷 (PV, seed 6.1). */
export const storageHandlers: RetailCloudHandlers = {
  CreatePersistentVolumeClaim: ({ params, store, now }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const name = params.str('Name', true);
    const accessModes = params.str('AccessModes', true);
    const capacity = params.str('Capacity', true);
    const storageClass = params.str('StorageClass', true);
    store.app(appId);
    store.appEnv(appId, envId);
    check(K8S_NAME.test(name), 'Name');
    check(PVC_ACCESS_MODES.has(accessModes), 'AccessModes');
    check(CAPACITY.test(capacity), 'Capacity');
    check(K8S_NAME.test(storageClass), 'StorageClass');
    if ([...store.pvcs.values()].some((p) => p.EnvId === envId && p.Name === name))
      throw rcError('conflict', `存储卷声明 ${name}`);
    const pvc: RcPvc = {
      Id: store.nextId('pvc'),
      AppId: appId,
      EnvId: envId,
      Name: name,
      Capacity: capacity,
      AccessModes: accessModes,
      StorageClass: storageClass,
      Status: 'Pending',
      VolumeName: '',
      createdAt: now,
    };
    store.pvcs.set(pvc.Id, pvc);
    tryBind(store, pvc);
    return { Result: { PersistentVolumeClaimId: pvc.Id } };
  },

  DeletePersistentVolumeClaim: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const name = params.str('PersistentVolumeClaimName', true);
    store.appEnv(appId, envId);
    const pvc = [...store.pvcs.values()].find((p) => p.EnvId === envId && p.Name === name);
    if (!pvc) throw rcError('notFound', `存储卷声明 ${name} 不存在`);
    store.pvcs.delete(pvc.Id);
    const cluster = pvcCluster(store, pvc);
    for (const pv of store.pvs.values()) {
      if (pv.ClusterInstanceId !== cluster || pv.Name !== pvc.VolumeName || pv.PvcName !== pvc.Name) continue;
      // Kubernetes reclaim: Delete removes the volume, Retain keeps it Released until an admin cleans it up.
      if (pv.ReclaimPolicy === 'Delete') store.pvs.delete(pv.Id);
      else pv.Status = 'Released';
    }
    return { Result: { Success: true } };
  },

  ListPersistentVolumeClaim: ({ params, store }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.appEnv(appId, envId);
    const items = [...store.pvcs.values()].filter((p) => p.EnvId === envId).sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(pvcView) };
  },

  CreatePersistentVolume: ({ params, store, now }) => {
    const clusterId = params.str('ClusterInstanceId', true);
    const name = params.str('Name', true);
    const accessModes = params.str('AccessModes', true);
    const capacity = params.str('Capacity', true);
    const domain = params.str('MountTargetDomain', true);
    const nfsVersion = params.str('NFSVersion', true);
    const reclaimPolicy = params.str('ReclaimPolicy', true);
    const storageClass = params.str('StorageClass', true);
    const cluster = store.cluster(clusterId);
    check(K8S_NAME.test(name), 'Name');
    check(K8S_NAME.test(storageClass), 'StorageClass');
    check(PV_ACCESS_MODES.has(accessModes), 'AccessModes');
    check(CAPACITY.test(capacity), 'Capacity');
    check(nfsVersion === '3' || nfsVersion === '4.0', 'NFSVersion');
    check(reclaimPolicy === 'Retain' || reclaimPolicy === 'Delete', 'ReclaimPolicy');
    check(/^[a-z0-9.-]+\.nas\.aliyuncs\.com$/.test(domain), 'MountTargetDomain');
    const mountDir = params.str('MountDir') || '/';
    check(mountDir.startsWith('/'), 'MountDir');
    const same = [...store.pvs.values()].filter((v) => v.ClusterInstanceId === cluster.InstanceId);
    if (same.some((v) => v.Name === name)) throw rcError('conflict', `存储卷 ${name}`);
    if (same.some((v) => v.StorageClass === storageClass))
      throw rcError('conflict', `StorageClass ${storageClass}`);
    const pv: RcPv = {
      Id: store.nextId('pv'),
      ClusterInstanceId: cluster.InstanceId,
      Name: name,
      Capacity: capacity,
      AccessModes: accessModes,
      ReclaimPolicy: reclaimPolicy,
      Status: 'Available',
      PvcName: '',
      MountDir: mountDir,
      MountTargetDomain: domain,
      NFSVersion: nfsVersion,
      StorageClass: storageClass,
      Reason: '',
      createdAt: now,
    };
    store.pvs.set(pv.Id, pv);
    // A claim waiting for this StorageClass on the cluster binds as soon as the volume exists.
    const waiting = [...store.pvcs.values()]
      .sort((a, b) => a.Id - b.Id)
      .find(
        (c) =>
          c.Status === 'Pending' &&
          c.StorageClass === storageClass &&
          pvcCluster(store, c) === cluster.InstanceId,
      );
    if (waiting) tryBind(store, waiting);
    return { Result: { PersistentVolumeId: pv.Id } };
  },

  ListPersistentVolume: ({ params, store }) => {
    const clusterId = params.str('ClusterInstanceId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    check(pageSize <= 100, 'PageSize 不能大于100');
    const cluster = store.cluster(clusterId);
    const items = [...store.pvs.values()]
      .filter((v) => v.ClusterInstanceId === cluster.InstanceId)
      .sort((a, b) => a.Id - b.Id);
    const result = page(items, pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map(pvView) };
  },

  DeletePersistentVolume: ({ params, store }) => {
    const clusterId = params.str('ClusterInstanceId', true);
    const name = params.str('PersistentVolumeName', true);
    const cluster = store.cluster(clusterId);
    const pv = [...store.pvs.values()].find(
      (v) => v.ClusterInstanceId === cluster.InstanceId && v.Name === name,
    );
    if (!pv) throw rcError('notFound', `存储卷 ${name} 不存在`);
    if (pv.Status === 'Bound') throw rcError('inUse', `存储卷 ${name} 已绑定 ${pv.PvcName}`);
    store.pvs.delete(pv.Id);
    return { Result: { Success: true } };
  },
};
