import type { SaeHandlers } from '../context';
import { appInfoHandlers } from './app-info';
import { changeOrderHandlers } from './change-orders';
import { lifecycleHandlers } from './lifecycle';
import { metricsHandlers } from './metrics';
import { namespaceHandlers } from './namespaces';

/** Every implemented SAE API; the others answer 501 InvalidApi.NotImplemented. */
export const saeHandlers: SaeHandlers = {
  ...namespaceHandlers,
  ...appInfoHandlers,
  ...metricsHandlers,
  ...lifecycleHandlers,
  ...changeOrderHandlers,
};
