import type { ApplicationDetail, Rollout, UpstreamError as UpstreamErrorBody } from '@console/contract';
import { UpstreamError } from './errors';
import { withoutStaleData } from './stale';

/** The console's code for a change whose answer was lost: it was sent once and never again. */
export const OUTCOME_UNKNOWN_CODE = 'UpstreamOutcomeUnknown';

/** What the re-read says about the change: it happened, it did not, or the state cannot tell. */
export type WriteVerdict = 'applied' | 'not-applied' | 'unknown';

export interface OutcomeUnknownBody<S> {
  error: { code: typeof OUTCOME_UNKNOWN_CODE; message: string; upstream: UpstreamErrorBody };
  outcome: WriteVerdict;
  /** The state as re-read right after, when the re-read worked. */
  state?: S;
  /** Why the state could not be re-read. */
  rereadError?: { code: string; message: string };
}

export interface OutcomeUnknownAnswer<S> {
  /** 504 when the cloud did not answer in time, 502 when the connection broke. */
  status: 502 | 504;
  body: OutcomeUnknownBody<S>;
}

/** A write that was sent and whose answer never came back (reset or timeout after sending). */
export function isOutcomeUnknown(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.outcomeUnknown;
}

const SAYS: Record<WriteVerdict, string> = {
  applied: 'the change was applied.',
  'not-applied': 'the change was not applied; it is safe to try again.',
  unknown: 'the state does not tell whether the change was applied; check it before trying again.',
};

/**
 * After a write whose answer was lost: the write is never sent again. The state is read once more,
 * straight from the cloud (no cache, no stale data), and `judge` says what it shows. A resource that
 * is gone answers `missing` (a delete that went through).
 */
export async function settleUnknownOutcome<S>(
  error: UpstreamError,
  options: {
    /** What was asked, for the message: e.g. "stop of application app-1". */
    what: string;
    reread: () => Promise<S>;
    judge: (state: S) => WriteVerdict;
    /** The verdict when the re-read says the resource does not exist. */
    missing?: WriteVerdict;
  },
): Promise<OutcomeUnknownAnswer<S>> {
  const { product, code } = error.body;
  const status = code === 'UpstreamTimeout' ? 504 : 502;
  const lost =
    status === 504
      ? `${product} did not answer the ${options.what} in time`
      : `The connection to ${product} broke before the ${options.what} was answered`;
  let outcome: WriteVerdict = 'unknown';
  let state: S | undefined;
  let rereadError: { code: string; message: string } | undefined;
  try {
    state = await withoutStaleData(options.reread);
    outcome = options.judge(state);
  } catch (failure) {
    const notFound = (failure as { status?: unknown }).status === 404;
    if (notFound && options.missing) outcome = options.missing;
    else {
      const upstream = failure instanceof UpstreamError ? failure.body : undefined;
      rereadError = {
        code: upstream?.code ?? (failure as { code?: string }).code ?? 'Error',
        message: upstream?.message ?? (failure as Error).message,
      };
    }
  }
  const reread = rereadError
    ? `; re-reading the state failed too (${rereadError.code}): check it before trying again.`
    : `; it was not sent again. The console re-read the state: ${SAYS[outcome]}`;
  return {
    status,
    body: {
      error: { code: OUTCOME_UNKNOWN_CODE, message: `${lost}${reread}`, upstream: error.body },
      outcome,
      ...(state !== undefined ? { state } : {}),
      ...(rereadError ? { rereadError } : {}),
    },
  };
}

/**
 * Whether a lifecycle action went through, from the application before and after: a new change
 * order (or deploy order, execution, scaling activity) means it did, and so does a stop or start
 * that left the application in the state asked for; nothing changed at all means it did not;
 * anything else cannot be told apart from someone else's change.
 */
export function judgeApplicationChange(
  before: ApplicationDetail | undefined,
  after: ApplicationDetail,
  action?: string,
): WriteVerdict {
  if (!before) return 'unknown';
  const was = before.native.lastChangeOrderId;
  const now = after.native.lastChangeOrderId;
  if (now !== undefined && now !== was) return 'applied';
  if (action === 'stop' && before.status !== 'stopped' && after.status === 'stopped') return 'applied';
  if (action === 'start' && before.status === 'stopped' && after.status !== 'stopped') return 'applied';
  const fingerprint = (a: ApplicationDetail) =>
    JSON.stringify([a.status, a.native.currentStatus, a.native.lastChangeOrderStatus, a.instances]);
  return fingerprint(before) === fingerprint(after) ? 'not-applied' : 'unknown';
}

/**
 * Whether a rollout action went through, from the rollout before (where `batchId` was waiting) and
 * after: for a confirm, the batch no longer waiting means it was released; still waiting means not.
 */
export function judgeRolloutAction(
  kind: 'confirm-batch' | 'extend-batch' | 'abort' | 'abort-and-rollback',
  before: Rollout,
  after: Rollout,
  batchId?: string,
): WriteVerdict {
  if (kind === 'confirm-batch') {
    if (before.waitingBatch?.id !== batchId) return 'unknown';
    return after.waitingBatch?.id === batchId ? 'not-applied' : 'applied';
  }
  if (kind === 'abort' || kind === 'abort-and-rollback') {
    if (after.status === 'aborted') return 'applied';
    const unchanged = before.status === after.status && before.nativeStatus === after.nativeStatus;
    return unchanged && after.waitingBatch?.id === before.waitingBatch?.id ? 'not-applied' : 'unknown';
  }
  return 'unknown';
}
