import type { asRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';

/** Handlers of Auto Scaling's own families (see asRoutes). */
export function asHandlers(_deps: HuaweiFamilyDeps): HandlersOf<typeof asRoutes> {
  return {};
}
