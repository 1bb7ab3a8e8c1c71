import type { Batch, BatchStatus } from '@console/contract';

const ENDED: ReadonlySet<BatchStatus> = new Set(['succeeded', 'failed', 'aborted']);

/**
 * A batch's start and end as the console shows them. The clouds stamp batches that have not run yet:
 * SAE gives every pipeline an `UpdateTime` when the order is made, a paused Retail Cloud partition's
 * pods carry one too, so a pending batch seemed to have ended. A pending batch has neither time, a
 * running one only its start.
 */
export function batchTimes(
  status: BatchStatus,
  start: number | undefined,
  end: number | undefined,
): Pick<Batch, 'startTime' | 'updateTime'> {
  const started = status !== 'pending' && start !== undefined && start > 0 ? start : undefined;
  const ended = ENDED.has(status) && end !== undefined && end > 0 ? end : undefined;
  return {
    ...(started !== undefined ? { startTime: started } : {}),
    ...(ended !== undefined ? { updateTime: ended } : {}),
  };
}
