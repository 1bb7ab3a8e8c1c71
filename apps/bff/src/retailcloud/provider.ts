import type { AccountFeature } from '@console/contract';
import { HttpError } from '../http/errors';
import type { ApplicationProvider } from '../providers';
import type { RetailCloudGateway } from './gateway';

export const retailCloudFeatures: AccountFeature[] = [
  'events',
  'instanceActions',
  'instanceLog',
  'batchSteps',
  'offline',
  'monitorMetrics',
  'retailCloudOps',
];

const notYet = (): never => {
  throw new HttpError(501, 'NotImplemented', 'Not available for Retail Cloud accounts yet.');
};

/** Retail Cloud onto the console model: an app × environment is an application, a deploy order a rollout. */
export class RetailCloudProvider implements ApplicationProvider {
  constructor(readonly gateway: RetailCloudGateway) {}
  listNamespaces = notYet;
  listInstanceSpecifications = notYet;
  listApplications = notYet;
  getApplication = notYet;
  listInstances = notYet;
  listVersions = notYet;
  listEvents = notYet;
  usage = notYet;
  listRollouts = notYet;
  getRollout = notYet;
  getBatch = notYet;
  deploy = notYet;
  start = notYet;
  stop = notYet;
  restart = notYet;
  restartInstances = notYet;
  removeInstances = notYet;
  instanceLog = notYet;
  scale = notYet;
  resize = notYet;
  rollback = notYet;
  delete = notYet;
  confirmBatch = notYet;
  abort = notYet;
  abortAndRollback = notYet;
}
