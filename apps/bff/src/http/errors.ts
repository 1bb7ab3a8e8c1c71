import type { ApiError, UpstreamError as UpstreamErrorBody } from '@console/contract';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { UpstreamError } from '../upstream/errors';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; upstream?: UpstreamErrorBody } = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string, upstream?: UpstreamErrorBody) {
    super(404, 'NotFound', message, { upstream });
  }
}

/** Upstream codes that mean the console's own credentials or signing are wrong, not the operator's input. */
const CREDENTIAL_CODES =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId|MissingAuthorization|InvalidTimeStamp|SignatureNonceUsed|Forbidden\.AccessKey)/;

export function upstreamStatus(body: UpstreamErrorBody): number {
  if (body.httpStatus === 0) return body.code === 'UpstreamTimeout' ? 504 : 502;
  if (CREDENTIAL_CODES.test(body.code)) return 502;
  // IAM refusing the console's own user (a wrong password, a locked user) is the console's configuration.
  if (body.product === 'IAM') return 502;
  if (body.httpStatus === 404) return 404;
  // Retail Cloud refuses with HTTP 200 and a business Code: the request was understood and declined.
  if (body.httpStatus === 200) return 422;
  if (/^Throttling/.test(body.code)) return 503;
  if (body.httpStatus >= 400 && body.httpStatus < 500) return 422;
  return 502;
}

export function zodToHttpError(error: ZodError, where: string): HttpError {
  const issue = error.issues[0];
  // An unknown key has the path of its parent object; the key itself is what the client must fix.
  const path = [
    ...(issue?.path ?? []),
    ...(issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []),
  ].map(String);
  const field = path.join('.') || where;
  const subject = path.length > 0 ? `${where} field "${field}"` : where;
  return new HttpError(400, 'InvalidInput', `${subject}: ${issue?.message ?? 'invalid'}`, { field });
}

export function errorBody(error: HttpError): ApiError {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.extra.field ? { field: error.extra.field } : {}),
      ...(error.extra.upstream ? { upstream: error.extra.upstream } : {}),
    },
  };
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof UpstreamError) {
    return new HttpError(upstreamStatus(error.body), 'UpstreamError', error.body.message, {
      upstream: error.body,
    });
  }
  if (error instanceof ZodError) return zodToHttpError(error, 'request');
  const status = (error as { status?: unknown; statusCode?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Body-parser and similar errors: malformed JSON, too large, wrong charset.
    return new HttpError(status, 'BadRequest', (error as Error).message);
  }
  return new HttpError(500, 'InternalError', 'An unexpected error occurred; it has been logged.');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status >= 500 && !(error instanceof UpstreamError)) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    if (res.headersSent) return;
    res.status(http.status).json(errorBody(http));
  };
}
