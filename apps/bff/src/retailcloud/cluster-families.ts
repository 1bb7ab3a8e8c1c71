import type { retailCloudClusterRoutes } from '@console/contract';
import type { HandlersOf } from '../http/routing';
import type { RetailCloudFamilyDeps } from './family-deps';

/** Handlers of the cluster-side Retail Cloud families (see retailCloudClusterRoutes). */
export function retailCloudClusterHandlers(
  _deps: RetailCloudFamilyDeps,
): HandlersOf<typeof retailCloudClusterRoutes> {
  return {};
}
