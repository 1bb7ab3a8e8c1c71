import type { HuaweiResponse } from './types';

/**
 * What the shared front answers on a product's behalf before (or instead of) the product: refused
 * authentication, an unknown path, injected faults. Each product words them in its own error body.
 */
export interface FrontRefusals {
  /** Neither X-Auth-Token nor an SDK-HMAC-SHA256 Authorization. */
  missingCredentials(): HuaweiResponse;
  /** A token IAM did not issue or that has expired. */
  invalidToken(): HuaweiResponse;
  /** An AK/SK signature the gateway refused; `detail` is the gateway's own message. */
  badSignature(detail: string): HuaweiResponse;
  /** A valid token that is not scoped to a project (domain-scoped or unscoped). */
  notProjectScoped(): HuaweiResponse;
  /** The path's or X-Project-Id's project is not the caller's. */
  wrongProject(projectId: string): HuaweiResponse;
  /** The product has no API with that method and path. */
  notFound(method: string, path: string): HuaweiResponse;
  throttled(): HuaweiResponse;
  internal(status: 500 | 503): HuaweiResponse;
}

/**
 * AOS (seed 003, appendix 5.2): `{code, message, extend, showdetail}` with `SVCSTG.AOS.<HTTP
 * status><sequence>`; the common_error table (x0000–x0015) holds the authentication, path and
 * throttling codes.
 */
function aosError(
  status: number,
  code: string,
  message: string,
  extend: string,
  api = 'Unknown',
): HuaweiResponse {
  return { status, api, code, body: { code, message, extend, showdetail: false } };
}

export const AOS_REFUSALS: FrontRefusals = {
  missingCredentials: () =>
    aosError(
      401,
      'SVCSTG.AOS.4010002',
      'Authentication failed, unauthorized.',
      'The request carries neither an X-Auth-Token nor an AK/SK signature.',
    ),
  invalidToken: () =>
    aosError(
      401,
      'SVCSTG.AOS.4010002',
      'Authentication failed, unauthorized.',
      'The X-Auth-Token is invalid or has expired.',
    ),
  badSignature: (detail) =>
    aosError(401, 'SVCSTG.AOS.4010002', 'Authentication failed, unauthorized.', detail),
  notProjectScoped: () =>
    aosError(403, 'SVCSTG.AOS.4030006', 'No permission to access.', 'The token is not scoped to a project.'),
  wrongProject: (projectId) =>
    aosError(
      403,
      'SVCSTG.AOS.4030006',
      'No permission to access.',
      `The project ${projectId} is not the project of the credentials.`,
    ),
  // The seed's own code for an unknown path is a 400.
  notFound: (method, path) =>
    aosError(400, 'SVCSTG.AOS.4000007', 'Bad request, the request path was not found.', `${method} ${path}`),
  throttled: () => ({
    ...aosError(
      429,
      'SVCSTG.AOS.4290009',
      'The server is too busy, please try again later.',
      'Too many requests; retry after the time in Retry-After.',
    ),
    headers: { 'Retry-After': '1' },
  }),
  // No generic 5xx in common_error; 5001002 is the first plain "服务器内部错误" (internal server error).
  internal: (status) =>
    aosError(
      status,
      'SVCSTG.AOS.5001002',
      'Internal server error.',
      'The service is temporarily unavailable.',
    ),
};

/** AS (seed 004, appendix A.2): `{"error": {"code": "AS.xxxx", "message": "…"}}`, messages as in the seed. */
function asError(status: number, code: string, message: string): HuaweiResponse {
  return { status, api: 'Unknown', code, body: { error: { code, message } } };
}

export const AS_REFUSALS: FrontRefusals = {
  missingCredentials: () => asError(401, 'AS.0005', 'The token of the header in the request is null.'),
  invalidToken: () => asError(401, 'AS.0006', 'The token of the header in the request is incorrect.'),
  // The seed has no AK/SK code; AS.0006 is its "credentials incorrect", worded as the gateway words it.
  badSignature: (detail) => asError(401, 'AS.0006', detail),
  notProjectScoped: () => asError(403, 'AS.00011', 'You do not have the rights to perform the operation.'),
  wrongProject: () => asError(400, 'AS.0008', 'Incorrect ProjectID.'),
  notFound: (_method, path) => {
    const version = path.split('/')[2];
    if (version !== undefined && version !== '' && version !== 'v1' && version !== 'v2') {
      return asError(404, 'AS.0033', 'The api version is illegal, only v1,v2.');
    }
    return asError(404, 'AS.0007', `The requested resource [${path}] could not be found.`);
  },
  // AS documents no throttling code: the API Gateway in front of it answers, in its own body.
  throttled: () => ({
    status: 429,
    api: 'Unknown',
    code: 'APIGW.0308',
    headers: { 'Retry-After': '1' },
    body: {
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
      error_code: 'APIGW.0308',
    },
  }),
  // The seed's own sample error (appendix A.2 shape).
  internal: (status) => asError(status, 'AS.0001', 'System error.'),
};
