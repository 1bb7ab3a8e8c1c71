import type { asRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';
import { asExtraHandlers } from './families-extras';
import { asGroupHandlers } from './families-groups';
import { asKit } from './families-kit';
import { asPolicyHandlers } from './families-policies';

/** Handlers of Auto Scaling's own families (see asRoutes). */
export function asHandlers(deps: HuaweiFamilyDeps): HandlersOf<typeof asRoutes> {
  const kit = asKit(deps);
  return { ...asGroupHandlers(kit), ...asPolicyHandlers(kit), ...asExtraHandlers(kit) };
}
