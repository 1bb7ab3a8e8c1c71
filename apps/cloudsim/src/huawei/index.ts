import { randomBytes } from 'node:crypto';
import { isHuaweiAuthorization, verifyHuawei } from '@console/signing';
import type { Request, RequestHandler, Response } from 'express';
import type { CallLog } from '../calls';
import type { SimClock } from '../clock';
import { dropAnswer, dropsCall, type FaultInjector, faultLabel, losesAnswer, sleep } from '../faults';
import { routeAos } from './aos/router';
import { matchRoute } from './as/router';
import { HuaweiIam, IAM_MESSAGES, type IamAnswer, type IssuedToken, iamError } from './iam';
import { AOS_REFUSALS, AS_REFUSALS, type FrontRefusals } from './refusals';
import type { HuaweiProduct, HuaweiRequest, HuaweiResponse } from './types';

/** The Huawei Cloud account the simulator accepts. */
export interface HuaweiAccount {
  ak: string;
  sk: string;
  domain: string;
  user: string;
  password: string;
  projectId: string;
  /** The project's name (IAM `scope.project.name`), which is its region. */
  region: string;
}

export interface HuaweiFrontOptions {
  account: HuaweiAccount;
  clock: SimClock;
  calls: CallLog;
  faults: FaultInjector;
  aos: HuaweiProduct;
  autoscaling: HuaweiProduct;
}

export const IAM_PRODUCT = 'IAM';
/** Huawei's services and API Gateway answer a request id in this header (the SDK reads it). */
export const HUAWEI_REQUEST_ID_HEADER = 'X-Request-Id';

/** 32 lowercase hex digits, the form of Huawei request ids. */
export const newHuaweiRequestId = () => randomBytes(16).toString('hex');

function lowerHeaders(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The path decoded segment by segment (a URN's `%3A` becomes `:`, as if sent raw), keeping an
 * encoded `/` inside a segment encoded so segments stay segments.
 */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).replace(/\//g, '%2F');
      } catch {
        return segment;
      }
    })
    .join('/');
}

type Route = { kind: 'iam' } | { kind: 'product'; product: HuaweiProduct; refusals: FrontRefusals };

/** Who is calling, once authenticated. */
interface Caller {
  projectId?: string;
  domainId: string;
  userId: string;
}

type Authentication =
  | { ok: true; caller: Caller }
  | { ok: false; refusal: (r: FrontRefusals) => HuaweiResponse };

/**
 * Huawei Cloud's front: IAM tokens at `/v3/auth/tokens`, then AOS at `/v2/…` and AS at
 * `/autoscaling-api/…`, each authenticated by an IAM token or an AK/SK signature. Anything else is
 * passed on to the next product.
 */
export function createHuaweiRequestHandler(options: HuaweiFrontOptions): RequestHandler {
  const { account, clock, calls, faults } = options;
  const iam = new HuaweiIam(account, clock);

  const route = (path: string): Route | undefined => {
    if (path === '/v3' || path.startsWith('/v3/')) return { kind: 'iam' };
    if (path === '/v2' || path.startsWith('/v2/')) {
      return { kind: 'product', product: options.aos, refusals: AOS_REFUSALS };
    }
    if (path === '/autoscaling-api' || path.startsWith('/autoscaling-api/')) {
      return { kind: 'product', product: options.autoscaling, refusals: AS_REFUSALS };
    }
    return undefined;
  };

  const verifySignature = (req: Request, rawPath: string, query: URLSearchParams, body: Buffer) =>
    verifyHuawei(
      { method: req.method, path: rawPath, query, headers: req.headers, body },
      // Signatures follow the real wall clock (clients sign with it), not the simulated one.
      { lookupSecret: (ak) => (ak === account.ak ? account.sk : undefined), now: new Date() },
    );

  const authenticate = (
    req: Request,
    rawPath: string,
    query: URLSearchParams,
    body: Buffer,
  ): Authentication => {
    const token = req.header('x-auth-token');
    if (token) {
      const issued: IssuedToken | undefined = iam.lookup(token);
      if (!issued) return { ok: false, refusal: (r) => r.invalidToken() };
      return {
        ok: true,
        caller: { projectId: issued.project?.id, domainId: iam.domain.id, userId: iam.user.id },
      };
    }
    const authorization = req.header('authorization');
    if (!isHuaweiAuthorization(authorization)) return { ok: false, refusal: (r) => r.missingCredentials() };
    const verified = verifySignature(req, rawPath, query, body);
    if (!verified.ok) return { ok: false, refusal: (r) => r.badSignature(verified.message) };
    // AK/SK belongs to the account's user; X-Project-Id (optional) picks the project.
    return {
      ok: true,
      caller: {
        projectId: req.header('x-project-id') || account.projectId,
        domainId: iam.domain.id,
        userId: iam.user.id,
      },
    };
  };

  const record = (product: string, api: string, req: Request, path: string, status: number, code: string) => {
    calls.add({
      product,
      api,
      method: req.method,
      path,
      status,
      code,
      requestId: String(req.res?.getHeader(HUAWEI_REQUEST_ID_HEADER) ?? ''),
      fault: req.res?.locals.fault,
      at: Date.now(),
    });
  };

  const write = (
    res: Response,
    answer: { status: number; headers?: Record<string, string>; body?: unknown },
  ) => {
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.status(answer.status);
    if (answer.body === undefined || answer.status === 204) res.end();
    else if (Buffer.isBuffer(answer.body) || answer.body instanceof Uint8Array) {
      if (!res.getHeader('content-type')) res.type('application/octet-stream');
      res.end(answer.body);
    } else res.json(answer.body);
  };

  /** IAM's reads take a token or an AK/SK signature; undefined when the caller is accepted. */
  const refuseIamCaller = (
    req: Request,
    api: string,
    query: URLSearchParams,
    raw: string,
    body: Buffer,
    requestId: string,
  ): IamAnswer | undefined => {
    const token = req.header('x-auth-token');
    if (token) return iam.lookup(token) ? undefined : iamError(401, IAM_MESSAGES.requiresAuthentication, api);
    if (!isHuaweiAuthorization(req.header('authorization'))) {
      return iamError(401, IAM_MESSAGES.requiresAuthentication, api);
    }
    const verified = verifySignature(req, raw, query, body);
    if (verified.ok) return undefined;
    // IAM sits behind the API Gateway too, which refuses a signature in its own body.
    return {
      status: verified.status,
      body: { error_msg: verified.message, error_code: verified.code, request_id: requestId },
      api,
      code: verified.code,
    };
  };

  const serveIam = (
    req: Request,
    res: Response,
    path: string,
    query: URLSearchParams,
    raw: string,
    body: Buffer,
  ) => {
    const requestId = String(res.getHeader(HUAWEI_REQUEST_ID_HEADER));
    res.setHeader('X-IAM-Trace-Id', requestId);
    const baseUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    let answer: IamAnswer;
    if (path === '/v3/auth/tokens' && req.method === 'POST') {
      answer = iam.createToken(body, query, baseUrl);
    } else if ((path === '/v3/auth/tokens' || path === '/v3/projects') && req.method === 'GET') {
      const api = path === '/v3/projects' ? 'KeystoneListProjects' : 'KeystoneValidateToken';
      answer =
        refuseIamCaller(req, api, query, raw, body, requestId) ??
        (path === '/v3/projects'
          ? iam.listProjects(query, baseUrl)
          : iam.validateToken(req.header('x-subject-token'), query, baseUrl));
    } else {
      answer = iamError(404, IAM_MESSAGES.notFound, 'Unknown');
    }
    write(res, answer);
    record(IAM_PRODUCT, answer.api, req, path, answer.status, answer.code ?? '');
  };

  const serveProduct = async (
    req: Request,
    res: Response,
    target: Extract<Route, { kind: 'product' }>,
    path: string,
    query: URLSearchParams,
    raw: string,
    body: Buffer,
  ) => {
    const { product, refusals } = target;
    const requestId = String(res.getHeader(HUAWEI_REQUEST_ID_HEADER));
    const refuse = (answer: HuaweiResponse) => {
      res.locals.code = answer.code;
      write(res, answer);
    };

    const auth = authenticate(req, raw, query, body);
    if (!auth.ok) return refuse(auth.refusal(refusals));
    const { caller } = auth;
    if (!caller.projectId) return refuse(refusals.notProjectScoped());
    const headerProject = req.header('x-project-id');
    if (headerProject && headerProject !== caller.projectId)
      return refuse(refusals.wrongProject(headerProject));
    if (caller.projectId !== account.projectId) return refuse(refusals.wrongProject(caller.projectId));
    // AS names the project in every path: /autoscaling-api/v1/{project_id}/…
    if (product === options.autoscaling) {
      const pathProject = path.split('/')[3];
      if (pathProject && pathProject !== caller.projectId) return refuse(refusals.wrongProject(pathProject));
    }

    // The API's name before the product runs, so that a fault can be aimed at one API.
    let api =
      (product === options.autoscaling
        ? matchRoute(req.method, path)?.api.name
        : routeAos(req.method, path)?.api) ?? 'Unknown';
    let recorded = false;
    const log = (status: number, code: string) => {
      if (recorded) return;
      recorded = true;
      record(product.product, api, req, path, status, code);
    };
    res.on('finish', () => log(res.statusCode, String(res.locals.code ?? '')));
    res.on('close', () => {
      if (!res.writableFinished) log(0, String(res.locals.dropped ?? 'ConnectionReset'));
    });

    const plan = faults.plan(product.product, api);
    res.locals.fault = faultLabel(plan);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const { fault } = plan;
    if (dropsCall(fault)) return dropAnswer(req, res, fault);
    const lost = losesAnswer(fault);
    if (fault.kind === 'throttle') {
      const answer = refusals.throttled();
      if (typeof answer.body === 'object' && answer.body !== null && 'error_code' in answer.body) {
        answer.body = { ...answer.body, request_id: requestId };
      }
      return refuse(answer);
    }
    if (fault.kind === 'error') return refuse(refusals.internal(fault.status));

    const request: HuaweiRequest = {
      method: req.method,
      path,
      query,
      headers: lowerHeaders(req),
      body,
      projectId: caller.projectId,
      domainId: caller.domainId,
      userId: caller.userId,
      requestId,
      now: clock.now(),
    };
    let answer: HuaweiResponse;
    try {
      product.advance();
      answer = product.handle({ ...request, now: clock.now() }) ?? refusals.notFound(req.method, path);
    } catch (error) {
      process.emitWarning(`cloudsim ${product.product} ${req.method} ${path} failed: ${String(error)}`);
      answer = refusals.internal(500);
    }
    api = answer.api;
    res.locals.api = answer.api;
    if (lost) return dropAnswer(req, res, lost);
    refuse(answer);
  };

  return (req, res, next) => {
    const url = new URL(req.originalUrl, 'http://cloudsim.local');
    const raw = url.pathname;
    const path = decodePath(raw);
    const target = route(path);
    if (!target) return next();
    res.setHeader(HUAWEI_REQUEST_ID_HEADER, newHuaweiRequestId());
    // The service's own clock, as every HTTP server sends it: the simulated one, which may run fast.
    res.setHeader('Date', new Date(clock.wallNow()).toUTCString());
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (target.kind === 'iam') return serveIam(req, res, path, url.searchParams, raw, body);
    serveProduct(req, res, target, path, url.searchParams, raw, body).catch(next);
  };
}
