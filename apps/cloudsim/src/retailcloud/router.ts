import {
  type AliyunCredentials,
  isV3Authorization,
  NonceCache,
  type RpcParams,
  verifyAliyunRpc,
} from '@console/signing';
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
import { type RcParamRule, RcParams, type RetailCloudHandlers, validateParams } from './context';
import {
  businessErrorBody,
  gatewayErrorBody,
  gatewayErrors,
  isRetailCloudAction,
  newRequestId,
  RC_API_VERSION,
  RcGatewayError,
  type RetailCloudAction,
  successBody,
  toXml,
} from './envelope';
import { RetailCloudError } from './model';
import type { RetailCloudWorld } from './world';

export interface RetailCloudRouterOptions {
  credentials: () => AliyunCredentials[];
  world: RetailCloudWorld;
  handlers: RetailCloudHandlers;
  calls: CallLog;
  faults: FaultInjector;
  /** Parameter rules of an action (from the catalogue), checked before its handler runs. */
  rulesFor?: (action: RetailCloudAction) => readonly RcParamRule[] | undefined;
}

export const RETAILCLOUD_PRODUCT = 'retailcloud';
const SKEW_MS = 15 * 60_000;

/** Parameters that only an RPC call carries at `/`; SAE's ROA calls sign in the Authorization header. */
const RPC_MARKERS = ['Action', 'AccessKeyId', 'Signature'];

/**
 * An RPC request: at `/`, naming its action or RPC credentials in the parameters or, signed with
 * V3, carrying `x-acs-action`. A call without Action still comes here, to be told it is missing.
 */
export function isRpcRequest(req: Request): boolean {
  if (req.path !== '/') return false;
  if (req.headers['x-acs-action']) return true;
  const query = new URL(req.originalUrl, 'http://cloudsim.local').searchParams;
  if (RPC_MARKERS.some((name) => query.has(name))) return true;
  const type = String(req.headers['content-type'] ?? '');
  if (!type.includes('application/x-www-form-urlencoded') || !Buffer.isBuffer(req.body)) return false;
  const form = new URLSearchParams(req.body.toString('utf8'));
  return RPC_MARKERS.some((name) => form.has(name));
}

/**
 * Where the seed's 是否必选 column contradicts its own prose or examples (reference §7.2), the
 * gateway follows the prose and the SDK: these parameters are optional, and DeleteAppDetail's AppId
 * (marked optional, yet the call cannot work without it) is required.
 */
const REQUIRED_OVERRIDES: Partial<Record<RetailCloudAction, Record<string, boolean>>> = {
  ListDeployOrders: Object.fromEntries(
    [
      'EnvId',
      'EnvType',
      'DeployType',
      'PauseType',
      'DeployCategory',
      'PartitionType',
      'EndTimeLessThan',
      'EndTimeLessThanOrEqualTo',
      'EndTimeGreaterThan',
      'EndTimeGreaterThanOrEqualTo',
      'StartTimeGreaterThan',
      'StartTimeGreaterThanOrEqualTo',
      'StartTimeLessThan',
      'StartTimeLessThanOrEqualTo',
      'Status',
      'ResultList.N',
      'StatusList.N',
    ].map((name) => [name, false]),
  ),
  DescribeEventMonitorList: { EventLevel: false, EventType: false, PodName: false },
  // Which of the two is needed depends on Type; the handler checks it.
  DescribeAppMonitorMetric: { DeployOrderId: false, PodName: false },
  ListNodeLabelBindings: { ClusterId: false, InstanceId: false, LabelKey: false, LabelValue: false },
  // The seed's example omits Force; without it the environment is checked before deletion.
  DeleteAppEnvironment: { Force: false },
  // "null means leave the field unchanged".
  UpdateDeployConfig: { CodePath: false },
  DeleteAppDetail: { AppId: true },
};

/** An action's catalogue parameters with the seed's contradictory required flags settled. */
export function gatewayRules(action: RetailCloudAction, params: readonly RcParamRule[]): RcParamRule[] {
  const overrides = REQUIRED_OVERRIDES[action] ?? {};
  return params.map((p) => (p.name in overrides ? { ...p, required: overrides[p.name] } : p));
}

function queryRecord(params: URLSearchParams): RpcParams {
  const out: RpcParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** Handlers read one value per name; a repeated name keeps its first value. */
function firstValues(params: RpcParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

/**
 * Serves Retail Cloud (retailcloud 2018-03-13) RPC calls at `/`: classic RPC signature or V3,
 * call log, faults, action registry and the seed's envelopes. The classic protocol's default
 * format is XML; `Format=JSON` (what the SDKs send) and V3 calls answer JSON.
 */
export function createRetailCloudRequestHandler(options: RetailCloudRouterOptions) {
  // Replay protection uses the real clock: clients sign with real time.
  const nonces = new NonceCache(SKEW_MS * 2);

  return async (req: Request, res: Response): Promise<void> => {
    const requestId = newRequestId();
    res.setHeader('x-acs-request-id', requestId);
    const url = new URL(req.originalUrl, 'http://cloudsim.local');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const v3 = isV3Authorization(req.headers.authorization);
    let xml = !v3 && !/json/i.test(String(req.headers.accept ?? ''));
    let root = 'Error';
    // Set when an injected fault lets the call run and then takes its answer away.
    let lost: LostAnswer | undefined;
    const send = (status: number, payload: Record<string, unknown>, code: string) => {
      res.locals.code = code;
      if (lost) return dropAnswer(req, res, lost);
      res.status(status);
      if (xml) res.type('application/xml').send(toXml(root, payload));
      else res.json(payload);
    };
    const refuse = (e: RcGatewayError) => {
      root = 'Error';
      send(e.status, gatewayErrorBody(requestId, e.code, e.message), e.code);
    };

    const verified = verifyAliyunRpc(
      {
        method: req.method,
        path: url.pathname,
        query: queryRecord(url.searchParams),
        headers: req.headers,
        body,
      },
      {
        lookupSecret: (id) => options.credentials().find((c) => c.accessKeyId === id)?.accessKeySecret,
        now: new Date(),
        maxSkewMs: SKEW_MS,
        nonceSeen: (nonce) => nonces.seenBefore(nonce),
      },
    );
    const raw = verified.ok ? firstValues(verified.params) : firstValues(queryRecord(url.searchParams));
    if (raw.Format !== undefined) xml = raw.Format.toLowerCase() === 'xml';
    if (!verified.ok) {
      refuse(new RcGatewayError(verified.status, verified.code, verified.message));
      return;
    }

    const action = raw.Action ?? '';
    res.locals.api = action || undefined;
    let recorded = false;
    const record = (status: number, code: string) => {
      if (recorded) return;
      recorded = true;
      options.calls.add({
        product: RETAILCLOUD_PRODUCT,
        api: action || 'Unknown',
        method: req.method,
        path: url.pathname,
        status,
        code,
        requestId,
        fault: res.locals.fault,
        at: Date.now(),
      });
    };
    res.on('finish', () => record(res.statusCode, String(res.locals.code ?? '')));
    res.on('close', () => {
      if (!res.writableFinished) record(0, String(res.locals.dropped ?? 'ConnectionReset'));
    });

    const plan = options.faults.plan(RETAILCLOUD_PRODUCT, action || undefined);
    res.locals.fault = faultLabel(plan);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const { fault } = plan;
    if (dropsCall(fault)) return dropAnswer(req, res, fault);
    lost = losesAnswer(fault);
    if (fault.kind === 'throttle') return refuse(gatewayErrors.throttled());
    if (fault.kind === 'error') {
      return refuse(fault.status === 503 ? gatewayErrors.unavailable() : gatewayErrors.internal());
    }

    if (!action) return refuse(gatewayErrors.missingAction());
    if (raw.Version === undefined) return refuse(gatewayErrors.missingVersion());
    if (raw.Version !== RC_API_VERSION) return refuse(gatewayErrors.invalidVersion(raw.Version));
    if (!isRetailCloudAction(action)) return refuse(gatewayErrors.unknownAction(action));
    // The gateway checks parameters before the product is reached, so even an unserved action does.
    const rules = options.rulesFor?.(action);
    try {
      if (rules) validateParams(gatewayRules(action, rules), raw);
    } catch (error) {
      if (error instanceof RcGatewayError) return refuse(error);
      throw error;
    }
    const handler = options.handlers[action];
    if (!handler) return refuse(gatewayErrors.notImplemented(action));

    try {
      const result = options.world.run((state) =>
        handler({ ...state, action, params: new RcParams(raw), requestId }),
      );
      root = `${action}Response`;
      send(200, successBody(action, requestId, result), '0');
    } catch (error) {
      if (error instanceof RcGatewayError) return refuse(error);
      if (error instanceof RetailCloudError) {
        root = `${action}Response`;
        send(200, businessErrorBody(action, requestId, error.code, error.message), String(error.code));
        return;
      }
      options.world.log({ level: 'error', api: action, requestId, error: String(error) });
      // The seed's only documented error: HTTP 500 system.error.
      root = 'Error';
      send(500, gatewayErrorBody(requestId, 'system.error', 'A system error occurred.'), 'system.error');
    }
  };
}
