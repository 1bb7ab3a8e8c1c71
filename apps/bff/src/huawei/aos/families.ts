import type { aosRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';

/** Handlers of AOS's own families (see aosRoutes). */
export function aosHandlers(_deps: HuaweiFamilyDeps): HandlersOf<typeof aosRoutes> {
  return {};
}
