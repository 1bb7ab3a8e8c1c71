import type { Rollout, RolloutActionResult, StaleRollout } from '@console/contract';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import type { SessionRecord } from '../auth/sessions';
import { errorBody, HttpError, toHttpError } from '../http/errors';
import { Reply } from '../http/routing';
import type { ApplicationProvider } from '../providers';
import { hasUpstreamCode, UpstreamError } from '../upstream/errors';
import { isOutcomeUnknown, judgeRolloutAction, settleUnknownOutcome } from '../upstream/outcome';
import type { IdempotencyStore } from './idempotency';

/**
 * Cloud refusals meaning the rollout is no longer where the operator saw it (Retail Cloud's business
 * codes are numbers, so they are named with the product: 5, the order's state does not allow it).
 */
const STALE_UPSTREAM_CODES = new Set([
  'Pipeline.Can.Not.Start.Next.Batch',
  'Application.ChangerOrder.Not.Running',
  'RetailCloud:5',
]);

export type RolloutActionKind = 'confirm-batch' | 'extend-batch' | 'abort' | 'abort-and-rollback';

export interface RolloutActionRequest {
  kind: RolloutActionKind;
  accountId: string;
  rolloutId: string;
  /** The batch the operator saw waiting (confirm and extend; abort where it acts on one batch). */
  batchId?: string;
  idempotencyKey: string;
  provider: ApplicationProvider;
  session: SessionRecord;
}

/**
 * Acts on a rollout safely: one action at a time per rollout (across every console instance on the
 * same database), decided on a fresh upstream read, bound to the batch the operator saw, and answered
 * identically when replayed with the same key.
 */
export class RolloutActions {
  /** Audit records of the actions being decided, written with their stored answer in one transaction. */
  private readonly pending = new WeakMap<RolloutActionRequest, AuditEntry[]>();

  constructor(
    private readonly idempotency: IdempotencyStore,
    private readonly audit: AuditLog,
    /** Told after every decision sent upstream, so that live views look again at once. */
    private readonly acted: (accountId: string) => void = () => undefined,
  ) {}

  async perform(request: RolloutActionRequest): Promise<Reply> {
    const scope = `${request.accountId}/${request.rolloutId}`;
    const fingerprint = `${request.kind}:${request.batchId ?? ''}`;
    const replay = await this.replay(scope, request.idempotencyKey, fingerprint);
    if (replay) return replay;
    return this.idempotency.exclusive(scope, async () => {
      const again = await this.replay(scope, request.idempotencyKey, fingerprint);
      if (again) return again;
      const audits: AuditEntry[] = [];
      this.pending.set(request, audits);
      try {
        const { reply, store } = await this.decide(request);
        await this.idempotency.together(async (tx) => {
          for (const entry of audits) await this.audit.append(entry, tx);
          if (store) {
            const answer = { status: reply.status, body: reply.body, fingerprint };
            await this.idempotency.put(
              scope,
              request.idempotencyKey,
              request.session.user.username,
              answer,
              tx,
            );
          }
        });
        return reply;
      } catch (error) {
        if (audits.length > 0)
          await this.idempotency.together(async (tx) => {
            for (const entry of audits) await this.audit.append(entry, tx);
          });
        throw error;
      } finally {
        this.pending.delete(request);
      }
    });
  }

  private async replay(scope: string, key: string, fingerprint: string): Promise<Reply | undefined> {
    const stored = await this.idempotency.get(scope, key);
    if (!stored) return undefined;
    if (stored.fingerprint !== fingerprint) {
      throw new HttpError(
        422,
        'IdempotencyKeyReused',
        'This idempotency key was already used for a different action on this rollout.',
        { field: 'idempotencyKey' },
      );
    }
    return new Reply(stored.status, stored.body);
  }

  private async decide(request: RolloutActionRequest): Promise<{ reply: Reply; store: boolean }> {
    const { provider, rolloutId, kind } = request;
    const before = await provider.getRollout(rolloutId, { fresh: true });
    const stale = staleReason(kind, before, request.batchId);
    if (stale) {
      await this.record(request, 'stale', undefined, stale);
      const body = { error: { code: 'StaleRollout', message: stale }, rollout: before };
      return { reply: new Reply(409, body), store: true };
    }
    try {
      let requestId: string;
      let followUpRolloutId: string | undefined;
      if (kind === 'confirm-batch') {
        ({ requestId, followUpRolloutId } = await provider.confirmBatch(
          rolloutId,
          request.batchId as string,
        ));
      } else if (kind === 'extend-batch') {
        if (!provider.extendBatch)
          throw new HttpError(400, 'UnsupportedByProduct', 'This product cannot hold a batch longer.');
        ({ requestId } = await provider.extendBatch(rolloutId, request.batchId as string));
      } else if (kind === 'abort') {
        ({ requestId } = await provider.abort(rolloutId, request.batchId));
      } else {
        ({ requestId, followUpRolloutId } = await provider.abortAndRollback(rolloutId));
      }
      await this.record(request, 'success', requestId);
      this.acted(request.accountId);
      const rollout = await provider.getRollout(rolloutId, { fresh: true });
      const body: RolloutActionResult = {
        outcome: OUTCOMES[kind],
        requestId,
        ...(followUpRolloutId ? { followUpRolloutId } : {}),
        rollout,
      };
      return { reply: new Reply(200, body), store: true };
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        // Sent once and never again: the rollout read now says whether the decision went through. Not
        // stored: a replay reads the rollout afresh and is refused if the batch has moved on.
        const answer = await settleUnknownOutcome(error, {
          what: `${kind} of rollout ${rolloutId}`,
          reread: () => provider.getRollout(rolloutId, { fresh: true }),
          judge: (after) => judgeRolloutAction(kind, before, after, request.batchId),
        });
        await this.record(
          request,
          'unknown',
          undefined,
          `${error.body.code}; re-read: ${answer.body.outcome}`,
        );
        const { state, ...body } = answer.body;
        return {
          reply: new Reply(answer.status, { ...body, ...(state ? { rollout: state } : {}) }),
          store: false,
        };
      }
      const upstream = error instanceof UpstreamError ? error.body : undefined;
      if (upstream && hasUpstreamCode(STALE_UPSTREAM_CODES, upstream)) {
        // Someone else (another console instance, another client) acted between our read and our call.
        const rollout = await provider.getRollout(rolloutId, { fresh: true }).catch(() => undefined);
        if (rollout) {
          await this.record(request, 'stale', upstream.requestId, `${upstream.code}: ${upstream.message}`);
          const body: StaleRollout = {
            error: { code: 'StaleRollout', message: upstream.message, upstream },
            rollout,
          };
          return { reply: new Reply(409, body), store: true };
        }
      }
      const http = toHttpError(error);
      await this.record(request, 'failure', upstream?.requestId, `${http.code}: ${http.message}`);
      // A refusal by the cloud is final and replayed as such; a lost answer is not: the operator
      // sees the state as it is now and decides again, nothing is retried blindly.
      const definitive = upstream !== undefined && upstream.httpStatus >= 400 && upstream.httpStatus < 500;
      const rollout = definitive
        ? undefined
        : await provider.getRollout(rolloutId, { fresh: true }).catch(() => undefined);
      return {
        reply: new Reply(http.status, { ...errorBody(http), ...(rollout ? { rollout } : {}) }),
        store: definitive,
      };
    }
  }

  private async record(
    request: RolloutActionRequest,
    outcome: 'success' | 'failure' | 'stale' | 'unknown',
    upstreamRequestId?: string,
    detail?: string,
  ): Promise<void> {
    const entry: AuditEntry = {
      username: request.session.user.username,
      role: request.session.user.role,
      action: request.kind,
      accountId: request.accountId,
      resource: `rollout/${request.rolloutId}`,
      batchId: request.batchId,
      decision: DECISIONS[request.kind],
      outcome,
      upstreamRequestId,
      detail,
    };
    const pending = this.pending.get(request);
    if (pending) pending.push(entry);
    else await this.audit.append(entry);
  }
}

const OUTCOMES: Record<RolloutActionKind, RolloutActionResult['outcome']> = {
  'confirm-batch': 'confirmed',
  'extend-batch': 'extended',
  abort: 'aborted',
  'abort-and-rollback': 'rolling-back',
};

const DECISIONS: Record<RolloutActionKind, string> = {
  'confirm-batch': 'release-next-batch',
  'extend-batch': 'hold-batch-longer',
  abort: 'abort',
  'abort-and-rollback': 'abort-and-rollback',
};

function staleReason(kind: RolloutActionKind, rollout: Rollout, batchId?: string): string | undefined {
  if (kind === 'extend-batch' && !rollout.actions.extend?.allowed) {
    return rollout.actions.extend?.reason ?? 'This batch can no longer be held longer.';
  }
  if (kind === 'confirm-batch' || kind === 'extend-batch' || (kind === 'abort' && batchId)) {
    const waiting = rollout.waitingBatch;
    if (!waiting) {
      return `No batch is waiting for confirmation any more; the change order is ${rollout.nativeStatusName}.`;
    }
    if (waiting.id !== batchId)
      return `Another batch is waiting now: ${waiting.name} (batch ${waiting.index}).`;
    if (kind !== 'abort') return undefined;
  }
  const action = kind === 'abort' ? rollout.actions.abort : rollout.actions.abortAndRollback;
  return action.allowed ? undefined : (action.reason ?? 'The change order can no longer be stopped.');
}
