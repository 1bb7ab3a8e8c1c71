import type { retailCloudAppRoutes } from '@console/contract';
import type { HandlersOf } from '../http/routing';
import { retailCloudAppsHandlers } from './app-apps';
import { retailCloudEnvOpsHandlers } from './app-envops';
import type { RetailCloudFamilyDeps } from './family-deps';

/** Handlers of the application-side Retail Cloud families (see retailCloudAppRoutes). */
export function retailCloudAppHandlers(deps: RetailCloudFamilyDeps): HandlersOf<typeof retailCloudAppRoutes> {
  return { ...retailCloudAppsHandlers(deps), ...retailCloudEnvOpsHandlers(deps) };
}
