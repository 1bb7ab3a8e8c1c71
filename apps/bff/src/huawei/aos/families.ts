import type { aosRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';
import { aosStackHandlers } from './stack-families';
import { aosTemplateHandlers } from './template-families';

/** Handlers of AOS's own families (see aosRoutes): templates and stacks. */
export function aosHandlers(deps: HuaweiFamilyDeps): HandlersOf<typeof aosRoutes> {
  return { ...aosTemplateHandlers(deps), ...aosStackHandlers(deps) };
}
