import type { BatchStatus, ConsoleStatus, RolloutStatus } from '@console/contract';

/** Change-order status codes of the SAE reference, with the names LastChangeOrderStatus uses. */
export const changeOrderStatusNames: Record<number, string> = {
  0: 'READY',
  1: 'RUNNING',
  2: 'SUCCESS',
  3: 'FAIL',
  6: 'ABORT',
  8: 'WAIT_BATCH_CONFIRM',
  9: 'AUTO_BATCH_WAIT',
  10: 'SYSTEM_FAIL',
  11: 'WAIT_APPROVAL',
  12: 'APPROVED',
};

/** Statuses in which a change order is unfinished and may be aborted. */
export const unfinishedStatuses = new Set([0, 1, 8, 9, 11, 12]);

export function rolloutStatus(status: number): RolloutStatus {
  switch (status) {
    case 0:
    case 11:
    case 12:
      return 'preparing';
    case 1:
    case 9:
      return 'running';
    case 8:
      return 'waiting';
    case 2:
      return 'succeeded';
    case 6:
      return 'aborted';
    default:
      return 'failed';
  }
}

export function batchStatus(status: number): BatchStatus {
  switch (status) {
    case 1:
      return 'running';
    case 2:
      return 'succeeded';
    case 3:
    case 10:
      return 'failed';
    case 6:
      return 'aborted';
    default:
      return 'pending';
  }
}

export function applicationStatus(native: {
  currentStatus: string;
  lastChangeOrderStatus?: string;
  lastChangeOrderRunning: boolean;
  subStatus?: string;
}): ConsoleStatus {
  if (native.lastChangeOrderStatus === 'WAIT_BATCH_CONFIRM') return 'waiting';
  if (native.subStatus === 'RUNNING_BUT_HAS_ERROR') return 'failed';
  if (native.lastChangeOrderRunning) return 'deploying';
  if (native.lastChangeOrderStatus === 'FAIL' || native.lastChangeOrderStatus === 'SYSTEM_FAIL')
    return 'failed';
  if (native.currentStatus === 'RUNNING') return 'running';
  if (native.currentStatus === 'STOPPED') return 'stopped';
  return 'unknown';
}

export const coTypeLabels: Record<string, string> = {
  CoBindSlb: 'Bind SLB',
  CoUnbindSlb: 'Unbind SLB',
  CoCreateApp: 'Create application',
  CoDeleteApp: 'Delete application',
  CoDeploy: 'Deploy',
  CoRestartApplication: 'Restart',
  CoRollback: 'Roll back',
  CoScaleIn: 'Scale in',
  CoScaleOut: 'Scale out',
  CoStart: 'Start',
  CoStop: 'Stop',
  CoRescaleApplicationVertically: 'Change spec',
  CoDeployHistroy: 'Roll back to version',
  CoBindNas: 'Bind NAS',
  CoUnbindNas: 'Unbind NAS',
  CoBatchStartApplication: 'Batch start',
  CoBatchStopApplication: 'Batch stop',
  CoRestartInstances: 'Restart instances',
  CoDeleteInstances: 'Delete instances',
  CoScaleInAppWithInstances: 'Remove instances',
};
