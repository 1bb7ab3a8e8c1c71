import { type HttpMethod, type SaeApiSpec, saeApis } from '@console/catalogue';
import { type AliyunCredentials, NonceCache, type QueryValue, verifyAliyun } from '@console/signing';
import type { Request, Response } from 'express';
import type { CallLog } from '../calls';
import {
  dropAnswer,
  dropsCall,
  type FaultInjector,
  faultLabel,
  type LostAnswer,
  losesAnswer,
  sleep,
} from '../faults';
import type { SaeHandlers } from './context';
import { errorBody, newRequestId, SaeError, successBody } from './envelope';
import { collectParams, validateParams } from './params';
import type { SaeWorld } from './world';

/** Method + path → API, built from the catalogue. */
const routes = new Map<string, SaeApiSpec>();
for (const api of saeApis as readonly SaeApiSpec[]) {
  for (const method of [api.method, ...(api.altMethods ?? [])]) routes.set(`${method} ${api.path}`, api);
}

export function findApi(method: string, path: string): SaeApiSpec | undefined {
  return routes.get(`${method.toUpperCase() as HttpMethod} ${path}`);
}

export interface SaeRouterOptions {
  credentials: () => AliyunCredentials[];
  world: SaeWorld;
  handlers: SaeHandlers;
  calls: CallLog;
  faults: FaultInjector;
  /** Catalogue lookup of the profile this handler answers as (default: the 2022 catalogue). */
  findApi?: (method: string, path: string) => SaeApiSpec | undefined;
  /** Success envelope of that profile (default: the 2022 envelope). */
  successBody?: typeof successBody;
}

const PRODUCT = 'sae';
const SKEW_MS = 15 * 60_000;

function queryRecord(params: URLSearchParams): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** Serves the SAE ROA API: signature check, call log, faults, catalogue routing, envelopes. */
export function createSaeRequestHandler(options: SaeRouterOptions) {
  // Replay protection uses the real clock: clients sign with real time.
  const nonces = new NonceCache(SKEW_MS * 2);

  return async (req: Request, res: Response): Promise<void> => {
    const requestId = newRequestId();
    res.setHeader('x-acs-request-id', requestId);
    // Set when an injected fault lets the call run and then takes its answer away.
    let lost: LostAnswer | undefined;
    const send = (status: number, body: unknown, code: string) => {
      res.locals.code = code;
      if (lost) return dropAnswer(req, res, lost);
      res.status(status).json(body);
    };
    const fail = (status: number, code: string, message: string) =>
      send(status, errorBody(requestId, code, message), code);

    const url = new URL(req.originalUrl, 'http://cloudsim.local');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    // ROA HMAC-SHA1 or signature V3, by the Authorization scheme; both share the nonce cache.
    const verified = verifyAliyun(
      { method: req.method, path, query: queryRecord(url.searchParams), headers: req.headers, body },
      {
        lookupSecret: (id) => options.credentials().find((c) => c.accessKeyId === id)?.accessKeySecret,
        now: new Date(),
        maxSkewMs: SKEW_MS,
        nonceSeen: (nonce) => nonces.seenBefore(nonce),
      },
    );
    if (!verified.ok) {
      fail(verified.status, verified.code, verified.message);
      return;
    }

    const api = (options.findApi ?? findApi)(req.method, path);
    res.locals.api = api?.name;
    res.on('finish', () => record(res.statusCode, String(res.locals.code ?? '')));
    res.on('close', () => {
      if (!res.writableFinished) record(0, String(res.locals.dropped ?? 'ConnectionReset'));
    });
    let recorded = false;
    function record(status: number, code: string) {
      if (recorded) return;
      recorded = true;
      options.calls.add({
        product: PRODUCT,
        api: api?.name ?? 'Unknown',
        method: req.method,
        path,
        status,
        code,
        requestId,
        fault: res.locals.fault,
        at: Date.now(),
      });
    }

    const plan = options.faults.plan(PRODUCT, api?.name);
    res.locals.fault = faultLabel(plan);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const { fault } = plan;
    if (dropsCall(fault)) return dropAnswer(req, res, fault);
    lost = losesAnswer(fault);
    if (fault.kind === 'throttle') {
      const e = new SaeError('Throttling.User');
      fail(e.status, e.code, e.message);
      return;
    }
    if (fault.kind === 'error') {
      const e = new SaeError(fault.status === 503 ? 'ServiceUnavailable' : 'InternalError');
      fail(e.status, e.code, e.message);
      return;
    }

    if (!api) {
      const e = new SaeError('InvalidApi.NotFound');
      fail(e.status, e.code, e.message);
      return;
    }
    const handler = options.handlers[api.name as keyof SaeHandlers];
    if (!handler) {
      const e = new SaeError('InvalidApi.NotImplemented', api.name);
      fail(e.status, e.code, e.message);
      return;
    }
    try {
      const params = validateParams(
        api,
        collectParams(url.searchParams, String(req.headers['content-type'] ?? ''), body),
      );
      const result = options.world.run((ctx) => handler({ ...ctx, params }));
      send(200, (options.successBody ?? successBody)(api.name, requestId, result), '200');
    } catch (error) {
      if (error instanceof SaeError) {
        fail(error.status, error.code, error.message);
        return;
      }
      options.world.log({ level: 'error', api: api.name, requestId, error: String(error) });
      const e = new SaeError('InternalError');
      fail(e.status, e.code, e.message);
    }
  };
}
