import type { retailCloudAppRoutes } from '@console/contract';
import type { HandlersOf } from '../http/routing';
import type { RetailCloudFamilyDeps } from './family-deps';

/** Handlers of the application-side Retail Cloud families (see retailCloudAppRoutes). */
export function retailCloudAppHandlers(
  _deps: RetailCloudFamilyDeps,
): HandlersOf<typeof retailCloudAppRoutes> {
  return {};
}
