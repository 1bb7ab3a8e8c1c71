import { randomBytes, randomUUID } from 'node:crypto';
import { formatSaeMessage, type SaeErrorCode, saeErrors } from '@console/catalogue';

/** A documented SAE error: HTTP status and message come from the catalogue's error table. */
export class SaeError extends Error {
  readonly status: number;

  constructor(
    readonly code: SaeErrorCode,
    ...args: (string | number)[]
  ) {
    const spec = saeErrors[code];
    super(formatSaeMessage(spec.message, args));
    this.status = spec.status;
  }
}

export const newRequestId = () => randomUUID().toUpperCase();
export const newTraceId = () => randomBytes(15).toString('hex');

export interface ErrorBody {
  RequestId: string;
  Code: string;
  ErrorCode: string;
  Message: string;
  Success: false;
  TraceId: string;
}

export function errorBody(requestId: string, code: string, message: string): ErrorBody {
  return {
    RequestId: requestId,
    Code: code,
    ErrorCode: code,
    Message: message,
    Success: false,
    TraceId: newTraceId(),
  };
}

/** What a handler returns: the `Data` payload and, for the documented exceptions, extra top-level fields. */
export interface HandlerResult {
  data?: unknown;
  /** Replaces the whole envelope (DescribeRegions). */
  body?: Record<string, unknown>;
}

/** APIs whose documented success examples carry no TraceId. */
const NO_TRACE_ID = new Set(['ListApplications', 'ListAppEvents', 'ListAppVersions', 'RescaleApplication']);

/** The success envelope of seed 000 §1.5, with the documented per-API exceptions. */
export function successBody(api: string, requestId: string, result: HandlerResult): Record<string, unknown> {
  if (result.body) return { RequestId: requestId, ...result.body };
  const body: Record<string, unknown> = { RequestId: requestId, Message: 'success' };
  if (!NO_TRACE_ID.has(api)) body.TraceId = newTraceId();
  if (result.data !== undefined) body.Data = result.data;
  body.Code = '200';
  body.Success = true;
  if (api === 'AbortAndRollbackChangeOrder') body.ErrorCode = 'success';
  if (api === 'ListApplications' && result.data && typeof result.data === 'object') {
    const page = result.data as Record<string, unknown>;
    body.CurrentPage = page.CurrentPage;
    body.TotalSize = page.TotalSize;
    body.PageSize = page.PageSize;
  }
  return body;
}
