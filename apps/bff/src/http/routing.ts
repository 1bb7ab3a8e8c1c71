import { timingSafeEqual } from 'node:crypto';
import { hasRole, type RouteDef, type RouteId, routes } from '@console/contract';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { SessionRecord } from '../auth/sessions';
import { HttpError, zodToHttpError } from './errors';

/** A response with a status other than 200, e.g. the 409 of a stale confirm replayed from storage. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** The handler wrote the response itself (a streamed download); routing sends nothing more. */
export class Streamed {}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** What a display link lets a wall screen read. */
export interface DisplayGrant {
  linkId: string;
  name: string;
  accountIds: string[];
  expiresAt: string | null;
}

export interface HandlerContext<R extends RouteDef> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** Present on every route that is not public, except a `display` route read through a display link. */
  session: SessionRecord;
  /** Set on a `display` route read through a display link instead of a session. */
  display?: DisplayGrant;
  req: Request;
  res: Response;
}

export type Handler<R extends RouteDef> = (
  ctx: HandlerContext<R>,
) => Promise<z.infer<R['response']> | Reply | Streamed>;
export type HandlersOf<T extends Record<string, RouteDef>> = { [K in keyof T]: Handler<T[K]> };
export type Handlers = HandlersOf<typeof routes>;

export interface RoutingOptions {
  /** Resolves the session of a request, if any. */
  session(req: Request): Promise<SessionRecord | undefined>;
  /**
   * Resolves the display link a request presents, if any; refuses (401, saying why) one that is
   * unknown, revoked or expired.
   */
  display?(req: Request): Promise<DisplayGrant | undefined>;
}

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

function hasBody(req: Request): boolean {
  return req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
}

function checkCsrf(sent: string | undefined, expected: string): void {
  if (!sent) {
    throw new HttpError(
      403,
      'CsrfTokenInvalid',
      'The CSRF token (x-csrf-token header) is missing; reload the page.',
    );
  }
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new HttpError(
      403,
      'CsrfTokenInvalid',
      'The CSRF token (x-csrf-token header) is wrong; reload the page.',
    );
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path to the first string (key or value) that no cloud API and no database column takes: one
 * holding a NUL character, or ill-formed UTF-16 (a lone surrogate, e.g. from a JSON "\ud800" escape).
 */
function unstorableText(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  const bad = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
  if (typeof value === 'string') return bad(value) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (bad(key)) return [...path, key];
    const found = unstorableText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * A path parameter that is `.` or `..` (sent as is or percent-encoded, Express hands it decoded) would
 * turn into a dot segment of the upstream URL, which the URL parser resolves to another API.
 */
function refuseDotSegments(params: Record<string, string | string[]>): void {
  for (const [name, value] of Object.entries(params)) {
    if (value === '.' || value === '..') {
      throw new HttpError(400, 'InvalidInput', `path field "${name}": "${value}" is not an id.`, {
        field: name,
      });
    }
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const unstorable = unstorableText(value);
  if (unstorable) {
    const field = unstorable.join('.') || where;
    throw new HttpError(
      400,
      'InvalidInput',
      `${where} field "${field}": text must not contain NUL characters or unpaired surrogates.`,
      { field },
    );
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw zodToHttpError(result.error, where);
  return result.data;
}

/**
 * Mounts every route of the contract: session, role and CSRF checks first, then validation of
 * params, query and body against the same schemas the OpenAPI document is made from.
 */
export function mountRoutes(router: Router, handlers: Handlers, options: RoutingOptions): void {
  for (const [id, def] of Object.entries(routes) as [RouteId, RouteDef][]) {
    const handler = handlers[id] as Handler<RouteDef>;
    router[def.method](def.path, async (req, res, next) => {
      // Answers carry session state, CSRF tokens and account data: no shared or browser cache keeps them.
      res.setHeader('cache-control', 'no-store');
      try {
        const session = await options.session(req);
        let display: DisplayGrant | undefined;
        if (def.role === 'display') {
          if (!session) display = await options.display?.(req);
          if (!session && !display)
            throw new HttpError(401, 'Unauthenticated', 'Sign in or use a display link.');
        } else if (def.role !== 'public') {
          if (!session) throw new HttpError(401, 'Unauthenticated', 'Sign in to continue.');
          if (!hasRole(session.user.role, def.role)) {
            throw new HttpError(403, 'Forbidden', `This action requires the ${def.role} role.`);
          }
        }
        if (STATE_CHANGING.has(def.method)) {
          if (session) checkCsrf(req.get('x-csrf-token'), session.csrfToken);
          // No body at all is fine (it validates as {}); a body must be JSON, which a plain form cannot send.
          if (def.body && hasBody(req) && !req.is('application/json')) {
            throw new HttpError(415, 'UnsupportedMediaType', 'The request body must be application/json.');
          }
        }
        refuseDotSegments(req.params);
        const ctx = {
          params: parse(def.params, req.params, 'path'),
          query: parse(def.query, req.query, 'query'),
          body: parse(def.body, req.body, 'body'),
          session: session as SessionRecord,
          ...(display ? { display } : {}),
          req,
          res,
        };
        const result = await handler(ctx as HandlerContext<RouteDef>);
        if (result instanceof Streamed) return;
        if (result instanceof Reply) res.status(result.status).json(result.body);
        else res.json(result);
      } catch (error) {
        next(error);
      }
    });
  }
}
