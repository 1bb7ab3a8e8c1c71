import type { RouteDef } from '../route-def';

/**
 * Retail Cloud's application-side families (apps and environments, deploy configs, app groups, users,
 * PVCs, SLB access points, services, jobs) under `/api/accounts/:accountId/retailcloud/…`.
 */
export const retailCloudAppRoutes = {} satisfies Record<string, RouteDef>;
