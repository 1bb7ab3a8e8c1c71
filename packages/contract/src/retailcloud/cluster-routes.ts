import type { RouteDef } from '../route-def';

/**
 * Retail Cloud's cluster-side families (PVs, node labels and bindings, cluster resource allocation,
 * clusters and nodes, RDS databases and accounts) under `/api/accounts/:accountId/retailcloud/…`.
 */
export const retailCloudClusterRoutes = {} satisfies Record<string, RouteDef>;
