import type {
  RcBindingBody,
  RcClusterDetail,
  RcClusterNode,
  RcClusterPage,
  RcCreateClusterBody,
  RcCreateDatabaseBody,
  RcCreatePvBody,
  RcCreateRdsAccountBody,
  RcCreateResourceAllocBody,
  RcDeleteNodeLabelBody,
  RcGrantBody,
  RcNodeLabelBindingPage,
  RcNodeLabelBody,
  RcNodeLabelPage,
  RcPvPage,
  RcRdsAccount,
  RcRdsBackupPage,
  RcRdsDatabase,
  RcResourceAllocPage,
  WriteResult,
} from '@console/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';

/** Query keys of the cluster-side Retail Cloud views; a change invalidates its family. */
export const rcClusterKeys = {
  all: (accountId: string) => ['accounts', accountId, 'retailcloud', 'cluster'] as const,
  clusters: (accountId: string) => [...rcClusterKeys.all(accountId), 'clusters'] as const,
  clusterPage: (accountId: string, page: number, envType: string) =>
    [...rcClusterKeys.clusters(accountId), 'page', page, envType] as const,
  cluster: (accountId: string, clusterId: string) =>
    [...rcClusterKeys.clusters(accountId), 'one', clusterId] as const,
  nodes: (accountId: string, clusterId: string) =>
    [...rcClusterKeys.cluster(accountId, clusterId), 'nodes'] as const,
  availableNodes: (accountId: string, clusterId: string) =>
    [...rcClusterKeys.cluster(accountId, clusterId), 'available'] as const,
  labels: (accountId: string) => [...rcClusterKeys.all(accountId), 'labels'] as const,
  labelPage: (accountId: string, clusterId: string, page: number) =>
    [...rcClusterKeys.labels(accountId), clusterId, 'labels', page] as const,
  bindingPage: (accountId: string, clusterId: string, page: number) =>
    [...rcClusterKeys.labels(accountId), clusterId, 'bindings', page] as const,
  allocs: (accountId: string) => [...rcClusterKeys.all(accountId), 'allocs'] as const,
  allocPage: (accountId: string, page: number, clusterId: string) =>
    [...rcClusterKeys.allocs(accountId), page, clusterId] as const,
  pvs: (accountId: string) => [...rcClusterKeys.all(accountId), 'pvs'] as const,
  pvPage: (accountId: string, clusterId: string, page: number) =>
    [...rcClusterKeys.pvs(accountId), clusterId, page] as const,
  rds: (accountId: string, rdsId: string) => [...rcClusterKeys.all(accountId), 'rds', rdsId] as const,
  databases: (accountId: string, rdsId: string) =>
    [...rcClusterKeys.rds(accountId, rdsId), 'databases'] as const,
  rdsAccounts: (accountId: string, rdsId: string) =>
    [...rcClusterKeys.rds(accountId, rdsId), 'accounts'] as const,
  backups: (accountId: string, rdsId: string, page: number, type: string) =>
    [...rcClusterKeys.rds(accountId, rdsId), 'backups', page, type] as const,
};

const rc = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/retailcloud`;
const enc = encodeURIComponent;

// ---------- clusters and nodes ----------

export const clustersQuery = (accountId: string, page: number, envType = '', pageSize = 20) =>
  queryOptions({
    queryKey: [...rcClusterKeys.clusterPage(accountId, page, envType), pageSize],
    queryFn: ({ signal }) =>
      api.get<RcClusterPage>(`${rc(accountId)}/clusters${queryString({ page, pageSize, envType })}`, signal),
  });
export const useClusters = (accountId: string, page: number, envType = '', pageSize = 20) =>
  useQuery(clustersQuery(accountId, page, envType, pageSize));
/** Every cluster (up to 100), for pickers. */
export const useAllClusters = (accountId: string) => useClusters(accountId, 1, '', 100);

export const clusterQuery = (accountId: string, clusterId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.cluster(accountId, clusterId),
    queryFn: ({ signal }) => api.get<RcClusterDetail>(`${rc(accountId)}/clusters/${enc(clusterId)}`, signal),
  });
export const useCluster = (accountId: string, clusterId: string) =>
  useQuery(clusterQuery(accountId, clusterId));

export const clusterNodesQuery = (accountId: string, clusterId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.nodes(accountId, clusterId),
    queryFn: ({ signal }) =>
      api.get<RcClusterNode[]>(`${rc(accountId)}/clusters/${enc(clusterId)}/nodes`, signal),
  });
export const useClusterNodes = (accountId: string, clusterId: string) =>
  useQuery({ ...clusterNodesQuery(accountId, clusterId), enabled: clusterId !== '' });

export const availableNodesQuery = (accountId: string, clusterId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.availableNodes(accountId, clusterId),
    queryFn: ({ signal }) =>
      api.get<RcClusterNode[]>(`${rc(accountId)}/clusters/${enc(clusterId)}/available-nodes`, signal),
  });
export const useAvailableNodes = (accountId: string, clusterId: string) =>
  useQuery(availableNodesQuery(accountId, clusterId));

export type ClusterChange =
  | { kind: 'create'; body: RcCreateClusterBody }
  | { kind: 'delete'; clusterId: string; confirmTitle: string }
  | { kind: 'addNodes'; clusterId: string; instanceIds: string[] }
  | { kind: 'removeNodes'; clusterId: string; instanceIds: string[] };

export function useClusterChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    // The variables may hold a password: keep them no longer than the dialog that sent them.
    gcTime: 0,
    mutationFn: (change: ClusterChange): Promise<WriteResult & { clusterId?: string }> => {
      const clusters = `${rc(accountId)}/clusters`;
      switch (change.kind) {
        case 'create':
          return api.post(clusters, change.body);
        case 'delete':
          return api.delete(`${clusters}/${enc(change.clusterId)}`, { confirmTitle: change.confirmTitle });
        case 'addNodes':
          return api.post(`${clusters}/${enc(change.clusterId)}/nodes`, { instanceIds: change.instanceIds });
        case 'removeNodes':
          return api.post(`${clusters}/${enc(change.clusterId)}/nodes/remove`, {
            instanceIds: change.instanceIds,
          });
      }
    },
    // Nodes carry label bindings and a cluster carries labels, PVs and allocations: refresh them all.
    onSettled: () => client.invalidateQueries({ queryKey: rcClusterKeys.all(accountId) }),
  });
}

// ---------- node labels and bindings ----------

export const nodeLabelsQuery = (accountId: string, clusterId: string, page: number) =>
  queryOptions({
    queryKey: rcClusterKeys.labelPage(accountId, clusterId, page),
    queryFn: ({ signal }) =>
      api.get<RcNodeLabelPage>(
        `${rc(accountId)}/node-labels${queryString({ clusterId, page, pageSize: 20 })}`,
        signal,
      ),
  });
export const useNodeLabels = (accountId: string, clusterId: string, page: number) =>
  useQuery({ ...nodeLabelsQuery(accountId, clusterId, page), enabled: clusterId !== '' });

export const bindingsQuery = (accountId: string, clusterId: string, page: number) =>
  queryOptions({
    queryKey: rcClusterKeys.bindingPage(accountId, clusterId, page),
    queryFn: ({ signal }) =>
      api.get<RcNodeLabelBindingPage>(
        `${rc(accountId)}/node-labels/bindings${queryString({ clusterId, page, pageSize: 20 })}`,
        signal,
      ),
  });
export const useBindings = (accountId: string, clusterId: string, page: number) =>
  useQuery({ ...bindingsQuery(accountId, clusterId, page), enabled: clusterId !== '' });

export type LabelChange =
  | { kind: 'create'; body: RcNodeLabelBody }
  | { kind: 'delete'; body: RcDeleteNodeLabelBody }
  | { kind: 'bind'; body: RcBindingBody }
  | { kind: 'unbind'; body: RcBindingBody };

export function useLabelChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: LabelChange): Promise<WriteResult> => {
      const labels = `${rc(accountId)}/node-labels`;
      switch (change.kind) {
        case 'create':
          return api.post(labels, change.body);
        case 'delete':
          return api.delete(labels, change.body);
        case 'bind':
          return api.post(`${labels}/bindings`, change.body);
        case 'unbind':
          return api.delete(`${labels}/bindings`, change.body);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: rcClusterKeys.labels(accountId) }),
  });
}

// ---------- resource allocation ----------

export const allocsQuery = (accountId: string, page: number, clusterId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.allocPage(accountId, page, clusterId),
    queryFn: ({ signal }) =>
      api.get<RcResourceAllocPage>(
        `${rc(accountId)}/resource-allocs${queryString({ page, pageSize: 20, clusterId })}`,
        signal,
      ),
  });
export const useAllocs = (accountId: string, page: number, clusterId: string) =>
  useQuery(allocsQuery(accountId, page, clusterId));

export type AllocChange =
  | { kind: 'create'; body: RcCreateResourceAllocBody }
  | { kind: 'delete'; envId: number };

export function useAllocChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: AllocChange): Promise<WriteResult> =>
      change.kind === 'create'
        ? api.post(`${rc(accountId)}/resource-allocs`, change.body)
        : api.delete(`${rc(accountId)}/resource-allocs/${change.envId}`),
    onSettled: () => client.invalidateQueries({ queryKey: rcClusterKeys.all(accountId) }),
  });
}

// ---------- persistent volumes ----------

export const pvsQuery = (accountId: string, clusterId: string, page: number) =>
  queryOptions({
    queryKey: rcClusterKeys.pvPage(accountId, clusterId, page),
    queryFn: ({ signal }) =>
      api.get<RcPvPage>(`${rc(accountId)}/pvs${queryString({ clusterId, page, pageSize: 20 })}`, signal),
  });
export const usePvs = (accountId: string, clusterId: string, page: number) =>
  useQuery({ ...pvsQuery(accountId, clusterId, page), enabled: clusterId !== '' });

export type PvChange =
  | { kind: 'create'; body: RcCreatePvBody }
  | { kind: 'delete'; clusterId: string; name: string };

export function usePvChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: PvChange): Promise<WriteResult> =>
      change.kind === 'create'
        ? api.post(`${rc(accountId)}/pvs`, change.body)
        : api.delete(`${rc(accountId)}/pvs/${enc(change.clusterId)}/${enc(change.name)}`),
    onSettled: () => client.invalidateQueries({ queryKey: rcClusterKeys.pvs(accountId) }),
  });
}

// ---------- RDS ----------

export const databasesQuery = (accountId: string, rdsId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.databases(accountId, rdsId),
    queryFn: ({ signal }) => api.get<RcRdsDatabase[]>(`${rc(accountId)}/rds/${enc(rdsId)}/databases`, signal),
  });
export const useDatabases = (accountId: string, rdsId: string) =>
  useQuery({ ...databasesQuery(accountId, rdsId), enabled: rdsId !== '' });

export const rdsAccountsQuery = (accountId: string, rdsId: string) =>
  queryOptions({
    queryKey: rcClusterKeys.rdsAccounts(accountId, rdsId),
    queryFn: ({ signal }) => api.get<RcRdsAccount[]>(`${rc(accountId)}/rds/${enc(rdsId)}/accounts`, signal),
  });
export const useRdsAccounts = (accountId: string, rdsId: string) =>
  useQuery({ ...rdsAccountsQuery(accountId, rdsId), enabled: rdsId !== '' });

export const backupsQuery = (accountId: string, rdsId: string, page: number, backupType: string) =>
  queryOptions({
    queryKey: rcClusterKeys.backups(accountId, rdsId, page, backupType),
    queryFn: ({ signal }) =>
      api.get<RcRdsBackupPage>(
        `${rc(accountId)}/rds/${enc(rdsId)}/backups${queryString({ page, pageSize: 30, backupType })}`,
        signal,
      ),
  });
export const useBackups = (accountId: string, rdsId: string, page: number, backupType: string) =>
  useQuery({ ...backupsQuery(accountId, rdsId, page, backupType), enabled: rdsId !== '' });

export type RdsChange =
  | { kind: 'createDb'; body: RcCreateDatabaseBody }
  | { kind: 'deleteDb'; name: string }
  | { kind: 'createAccount'; body: RcCreateRdsAccountBody }
  | { kind: 'resetPassword'; name: string; password: string }
  | { kind: 'deleteAccount'; name: string }
  | { kind: 'grant'; name: string; body: RcGrantBody };

export function useRdsChange(accountId: string, rdsId: string) {
  const client = useQueryClient();
  return useMutation({
    // The variables may hold a password: keep them no longer than the dialog that sent them.
    gcTime: 0,
    mutationFn: (change: RdsChange): Promise<WriteResult> => {
      const base = `${rc(accountId)}/rds/${enc(rdsId)}`;
      switch (change.kind) {
        case 'createDb':
          return api.post(`${base}/databases`, change.body);
        case 'deleteDb':
          return api.delete(`${base}/databases/${enc(change.name)}`);
        case 'createAccount':
          return api.post(`${base}/accounts`, change.body);
        case 'resetPassword':
          return api.post(`${base}/accounts/${enc(change.name)}/password`, { password: change.password });
        case 'deleteAccount':
          return api.delete(`${base}/accounts/${enc(change.name)}`);
        case 'grant':
          return api.post(`${base}/accounts/${enc(change.name)}/grants`, change.body);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: rcClusterKeys.rds(accountId, rdsId) }),
  });
}
