import type { SaeHandlers } from '../context';
import { appInfoHandlers } from './app-info';
import { appResourceHandlers } from './app-resources';
import { batchLifecycleHandlers } from './batch-lifecycle';
import { changeOrderHandlers } from './change-orders';
import { configMapHandlers } from './config-maps';
import { greyTagRouteHandlers } from './grey-tag-routes';
import { jobHandlers } from './jobs';
import { lifecycleHandlers } from './lifecycle';
import { metricsHandlers } from './metrics';
import { microserviceHandlers } from './microservices';
import { namespaceHandlers } from './namespaces';
import { networkHandlers } from './network';
import { scalingHandlers } from './scaling';
import { tagHandlers } from './tags';

/** Every implemented SAE API; the others answer 501 InvalidApi.NotImplemented. */
export const saeHandlers: SaeHandlers = {
  ...namespaceHandlers,
  ...appInfoHandlers,
  ...metricsHandlers,
  ...lifecycleHandlers,
  ...changeOrderHandlers,
  ...scalingHandlers,
  ...batchLifecycleHandlers,
  ...appResourceHandlers,
  ...jobHandlers,
  ...tagHandlers,
  ...configMapHandlers,
  ...microserviceHandlers,
  ...greyTagRouteHandlers,
  ...networkHandlers,
};
