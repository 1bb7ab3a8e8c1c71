import type { RouteDef } from '../route-def';

/**
 * Huawei Cloud Auto Scaling's own families under `/api/accounts/:accountId/as/…`: scaling groups,
 * configurations, instances, policies, lifecycle hooks, notifications, tags and quotas.
 */
export const asRoutes = {} satisfies Record<string, RouteDef>;
