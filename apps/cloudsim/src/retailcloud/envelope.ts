import { randomUUID } from 'node:crypto';

/**
 * Retail Cloud response envelopes (seed 002, reference §1.4). Every action answers `RequestId` and
 * `Code` (0 = success); the message key and the presence of a top-level `Success` differ by action
 * and are reproduced as the seed spells them.
 */

export type ErrorKey = 'ErrMsg' | 'ErrorMsg' | 'ErrMessage';

export interface EnvelopeSpec {
  errorKey: ErrorKey;
  /** A top-level `Success` Boolean (family B). */
  success: boolean;
}

const A: EnvelopeSpec = { errorKey: 'ErrMsg', success: false };
const A2: EnvelopeSpec = { errorKey: 'ErrMessage', success: false };
const B: EnvelopeSpec = { errorKey: 'ErrMsg', success: true };
const C: EnvelopeSpec = { errorKey: 'ErrorMsg', success: false };
const D: EnvelopeSpec = { errorKey: 'ErrMsg', success: false };

/** All 82 actions of seed 002 with their envelope family. */
export const RC_ENVELOPES = {
  // A. Result-wrapped, no top-level Success.
  CreateApp: A,
  UpdateApp: A,
  DeleteAppDetail: A,
  CreateEnvironment: A,
  UpdateEnvironment: A,
  DescribeAppEnvironmentDetail: A,
  DeleteAppEnvironment: A,
  DeleteDeployConfig: A,
  UpdateDeployConfig: A,
  RebuildAppInstance: A,
  CreatePersistentVolumeClaim: A,
  DeletePersistentVolumeClaim: A,
  CreateAppGroup: A,
  BindGroup: A,
  UnbindGroup: A,
  DeleteAppGroup: A,
  DescribeJobLog: A,
  CreatePersistentVolume: A,
  DeletePersistentVolume: A,
  // A′. The same, with the message under ErrMessage.
  DescribeAppDetail: A2,
  CreateDeployConfig: A2,
  // B. Top-level Success.
  OfflineAppEnvironment: B,
  DescribeAppEnvDeployBaseline: B,
  CreateSlbAP: B,
  ModifySlbAP: B,
  DeleteSlbAP: B,
  DescribeSlbAPDetail: B,
  CreateService: B,
  ModifyService: B,
  DeleteService: B,
  DescribeServiceDetail: B,
  DescribePodContainerLogList: B,
  DescribeAppMonitorMetric: B,
  DeployApp: B,
  ScaleApp: B,
  DescribeDeployOrderDetail: B,
  ResumeDeploy: B,
  CloseDeployOrder: B,
  DescribePodLog: B,
  DescribePodEvents: B,
  CreateNodeLabel: B,
  DeleteNodeLabel: B,
  BindNodeLabel: B,
  UnbindNodeLabel: B,
  CreateAppResourceAlloc: B,
  DeleteAppResourceAlloc: B,
  DescribeAppResourceAlloc: B,
  DeleteCluster: B,
  QueryClusterDetail: B,
  AddClusterNode: B,
  RemoveClusterNode: B,
  CreateCluster: B,
  // C. Paginated lists (ErrorMsg).
  ListAppEnvironment: C,
  ListDeployConfig: C,
  ListPersistentVolumeClaim: C,
  ListAppGroup: C,
  ListAppGroupMapping: C,
  ListUsers: C,
  ListSlbAPs: C,
  ListServices: C,
  ListJobHistories: C,
  DescribeEventMonitorList: C,
  ListDeployOrders: C,
  ListPods: C,
  ListNodeLabels: C,
  ListNodeLabelBindings: C,
  ListAppResourceAllocs: C,
  ListCluster: C,
  ListClusterNode: C,
  ListAvailableClusterNode: C,
  // C exceptions: ListApp has no PageNumber/PageSize (the handler decides); these two use ErrMsg.
  ListApp: C,
  ListAppInstance: { errorKey: 'ErrMsg', success: false },
  ListPersistentVolume: { errorKey: 'ErrMsg', success: false },
  // D. RDS.
  DescribeDatabases: D,
  DeleteRdsAccount: D,
  DescribeRdsAccounts: D,
  GrantDbToAccount: D,
  CreateDb: D,
  DeleteDatabase: D,
  GetRdsBackUp: D,
  CreateAccount: D,
  ResetAccountPassword: D,
} as const satisfies Record<string, EnvelopeSpec>;

export type RetailCloudAction = keyof typeof RC_ENVELOPES;

export const RC_ACTIONS = Object.keys(RC_ENVELOPES) as RetailCloudAction[];

export const isRetailCloudAction = (name: string): name is RetailCloudAction =>
  Object.hasOwn(RC_ENVELOPES, name);

export const RC_API_VERSION = '2018-03-13';

export const newRequestId = () => randomUUID().toUpperCase();

/** What a handler answers: the action's fields besides RequestId, Code, the message key and Success. */
export type HandlerResult = Record<string, unknown>;

export function successBody(
  action: RetailCloudAction,
  requestId: string,
  result: HandlerResult,
): Record<string, unknown> {
  const spec: EnvelopeSpec = RC_ENVELOPES[action];
  const body: Record<string, unknown> = { RequestId: requestId, Code: 0, [spec.errorKey]: '' };
  if (spec.success) body.Success = true;
  return { ...body, ...result };
}

/** A business failure: HTTP 200, Code ≠ 0, the message under the action's key, Success false where it exists. */
export function businessErrorBody(
  action: RetailCloudAction,
  requestId: string,
  code: number,
  message: string,
): Record<string, unknown> {
  const spec: EnvelopeSpec = RC_ENVELOPES[action];
  const body: Record<string, unknown> = { RequestId: requestId, Code: code, [spec.errorKey]: message };
  if (spec.success) body.Success = false;
  return body;
}

/**
 * A refusal before the product answers (signature, routing, parameter checks), in the standard
 * POP error body and with an HTTP 4xx/5xx status.
 */
export class RcGatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const gatewayErrors = {
  missingAction: () =>
    new RcGatewayError(
      400,
      'MissingParameter',
      'The input parameter "Action" that is mandatory for processing this request is not supplied.',
    ),
  unknownAction: (action: string) =>
    new RcGatewayError(
      404,
      'InvalidAction.NotFound',
      `Specified api ${action} is not found, please check your url and method.`,
    ),
  notImplemented: (action: string) =>
    new RcGatewayError(
      501,
      'InvalidAction.NotImplemented',
      `The simulator has no handler for ${action} yet.`,
    ),
  missingVersion: () =>
    new RcGatewayError(
      400,
      'MissingParameter',
      'The input parameter "Version" that is mandatory for processing this request is not supplied.',
    ),
  invalidVersion: (version: string) =>
    new RcGatewayError(400, 'InvalidVersion', `Specified parameter Version ${version} is not valid.`),
  /** Alibaba's gateway names the parameter in the code: MissingAppId, MissingPageNumber, ... */
  missingParameter: (name: string) =>
    new RcGatewayError(
      400,
      `Missing${name.replace(/\.\d+/g, '').replace(/[^A-Za-z0-9]/g, '')}`,
      `${name} is mandatory for this action.`,
    ),
  invalidParameter: (name: string, detail?: string) =>
    new RcGatewayError(
      400,
      'InvalidParameter',
      `Specified parameter ${name} is not valid.${detail ? ` ${detail}` : ''}`,
    ),
  throttled: () => new RcGatewayError(400, 'Throttling.User', 'Request was denied due to user flow control.'),
  internal: () =>
    new RcGatewayError(500, 'InternalError', 'The request processing has failed due to some unknown error.'),
  unavailable: () =>
    new RcGatewayError(
      503,
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
    ),
};

export function gatewayErrorBody(requestId: string, code: string, message: string): Record<string, unknown> {
  return {
    RequestId: requestId,
    HostId: 'retailcloud.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=retailcloud`,
  };
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );
}

function xmlElements(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  // Arrays are repeated elements with no wrapper, as in the seed's XML examples.
  if (Array.isArray(value)) return value.map((item) => xmlElements(name, item)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => xmlElements(key, item))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<{root}>…</{root}>` with the XML declaration, e.g. `ListAppResponse` or `Error`. */
export function toXml(root: string, body: Record<string, unknown>): string {
  return `<?xml version='1.0' encoding='UTF-8'?>${xmlElements(root, body)}`;
}
