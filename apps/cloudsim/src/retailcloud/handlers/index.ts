import type { RetailCloudHandlers } from '../context';
import { appReadHandlers } from './app-read';
import { appHandlers } from './apps';
import { clusterHandlers } from './cluster';
import { deployHandlers } from './deploy';
import { environmentHandlers } from './environments';
import { monitoringHandlers } from './monitoring';
import { opsHandlers } from './ops';
import { rdsHandlers } from './rds';
import { storageHandlers } from './storage';

/**
 * Every implemented Retail Cloud action, by action name. An action of the seed that is missing here
 * answers 501 InvalidAction.NotImplemented; a name outside the seed answers 404 InvalidAction.NotFound.
 * Each family adds its own map from its own file.
 */
export const retailCloudHandlers: RetailCloudHandlers = {
  ...appReadHandlers,
  ...appHandlers,
  ...environmentHandlers,
  ...deployHandlers,
  ...monitoringHandlers,
  ...storageHandlers,
  ...opsHandlers,
  ...clusterHandlers,
  ...rdsHandlers,
};
