import type { SaeHandlers } from '../context';
import { appInfoHandlers } from './app-info';
import { batchLifecycleHandlers } from './batch-lifecycle';
import { changeOrderHandlers } from './change-orders';
import { lifecycleHandlers } from './lifecycle';
import { metricsHandlers } from './metrics';
import { namespaceHandlers } from './namespaces';
import { scalingHandlers } from './scaling';

/** Every implemented SAE API; the others answer 501 InvalidApi.NotImplemented. */
export const saeHandlers: SaeHandlers = {
  ...namespaceHandlers,
  ...appInfoHandlers,
  ...metricsHandlers,
  ...lifecycleHandlers,
  ...changeOrderHandlers,
  ...scalingHandlers,
  ...batchLifecycleHandlers,
};
