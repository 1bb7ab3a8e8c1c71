import type { RouteDef } from '../route-def';

/**
 * Huawei Cloud AOS's own families under `/api/accounts/:accountId/aos/…`: templates and stacks.
 */
export const aosRoutes = {} satisfies Record<string, RouteDef>;
