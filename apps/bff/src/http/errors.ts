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
  // Huawei's gateways throttle with 429; an open circuit of the console answers for the cloud with 503.
  if (body.httpStatus === 429 || body.code === 'UpstreamCircuitOpen') return 503;
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
  const framework = frameworkError(error);
  if (framework) return framework;
  return new HttpError(500, 'InternalError', 'An unexpected error occurred; it has been logged.');
}

interface FrameworkError {
  status?: unknown;
  type?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

/**
 * Errors that Express and its body parser raise before a handler runs. Their messages may quote the
 * request (a JSON parse error shows part of the body, which may be a password), so each gets its own
 * message naming the problem instead.
 */
function frameworkError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as FrameworkError;
  if (typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'MalformedJson', 'The request body is not valid JSON (an object or array).', {
        field: 'body',
      });
    case 'entity.too.large':
      return new HttpError(
        413,
        'PayloadTooLarge',
        `The request body is larger than the limit of ${typeof e.limit === 'number' ? `${e.limit} bytes` : 'the API'}.`,
        { field: 'body' },
      );
    case 'charset.unsupported':
      return new HttpError(
        415,
        'UnsupportedCharset',
        'The request body must be UTF-8 encoded (content-type charset).',
        {
          field: 'body',
        },
      );
    case 'encoding.unsupported':
      return new HttpError(
        415,
        'UnsupportedContentEncoding',
        'The request body must be sent without content-encoding, or with gzip, deflate or br.',
        { field: 'body' },
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'IncompleteBody', 'The request body ended before its declared length.', {
        field: 'body',
      });
  }
  if (error instanceof URIError) {
    return new HttpError(
      400,
      'InvalidPath',
      'A path segment is not valid percent-encoding (e.g. a lone "%" or a broken UTF-8 sequence).',
      { field: 'path' },
    );
  }
  if (e.status === 404) return new HttpError(404, 'NotFound', 'Nothing is found at this address.');
  return new HttpError(e.status, 'BadRequest', 'The request could not be read.');
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
