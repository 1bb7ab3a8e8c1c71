import type { SessionRecord } from '../../auth/sessions';
import { HttpError, NotFoundError } from '../../http/errors';
import { UpstreamError } from '../../upstream/errors';
import type { HuaweiCall } from '../client';
import type { HuaweiFamilyDeps } from '../family-deps';
import { hwArr as arr, hwNum as num, hwObj as obj, type Raw } from '../gateway';

type Method = 'POST' | 'PUT' | 'DELETE';

/** The "does not exist" codes of the resource a console path names (seed appendix A.2: mostly HTTP 400). */
export const AS_MISSING = {
  group: ['AS.2007', 'AS.4005'],
  config: ['AS.1004'],
  policy: ['AS.3020'],
  instance: ['AS.4006'],
  hook: ['AS.0007'],
} as const;

/** The cloud's refusal as a 404 when its code says the resource in the console path is not there. */
async function missingAs404<T>(codes: readonly string[] | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (codes && error instanceof UpstreamError && codes.includes(error.body.code)) {
      throw new NotFoundError(error.body.message, error.body);
    }
    throw error;
  }
}

/** A 400 naming the field at fault, for checks the contract cannot make alone (they need the cloud's state). */
export const invalid = (field: string, message: string): HttpError =>
  new HttpError(400, 'InvalidInput', `body field "${field}": ${message}`, { field });

const enc = encodeURIComponent;

/**
 * The AS calls every family shares: paths under `/autoscaling-api/v1|v2/{project}`, reads through the
 * account's coalescing gateway, audited writes answered with their RequestId, and pages in the console's
 * shape from AS's `start_number`/`limit`.
 */
export function asKit(deps: HuaweiFamilyDeps) {
  const path = (projectId: string, rest: string, version: 'v1' | 'v2') =>
    `/autoscaling-api/${version}/${enc(projectId)}${rest}`;

  const read = (
    accountId: string,
    rest: string,
    query: HuaweiCall['query'] = {},
    options: { fresh?: boolean; missing?: readonly string[]; version?: 'v1' | 'v2' } = {},
  ): Promise<Raw> => {
    const { gateway, projectId } = deps.account(accountId);
    return missingAs404(options.missing, () =>
      gateway.read(path(projectId, rest, options.version ?? 'v1'), query, options.fresh ?? false).then(obj),
    );
  };

  const write = (
    accountId: string,
    method: Method,
    rest: string,
    json?: unknown,
    query?: HuaweiCall['query'],
    missing?: readonly string[],
  ): Promise<{ body: Raw; requestId: string }> => {
    const { gateway, projectId } = deps.account(accountId);
    return missingAs404(missing, () => gateway.write(method, path(projectId, rest, 'v1'), json, query));
  };

  /** An audited write answered with its RequestId only. */
  const auditedWrite = (
    session: SessionRecord,
    event: string,
    accountId: string,
    resource: string,
    call: {
      method: Method;
      path: string;
      json?: unknown;
      query?: HuaweiCall['query'];
      missing?: readonly string[];
    },
    detail?: string,
  ) =>
    deps.audited(
      session,
      event,
      accountId,
      resource,
      () =>
        write(accountId, call.method, call.path, call.json, call.query, call.missing).then(
          ({ requestId }) => ({
            requestId,
          }),
        ),
      detail,
    );

  const paging = (query: { page: number; pageSize: number }) => ({
    start_number: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });

  const pageOf = <T>(
    body: Raw,
    key: string,
    view: (raw: Raw) => T,
    query: { page: number; pageSize: number },
  ) => ({
    items: arr(body[key]).map(view),
    total: num(body.total_number),
    page: query.page,
    pageSize: query.pageSize,
  });

  /** Every item of a paged AS list (100 a call), for checks that need the whole picture. */
  const all = async (
    accountId: string,
    rest: string,
    key: string,
    options: { fresh?: boolean; missing?: readonly string[] } = {},
  ): Promise<Raw[]> => {
    const items: Raw[] = [];
    for (let start = 0; start < 10_000; start += 100) {
      const body = await read(accountId, rest, { start_number: start, limit: 100 }, options);
      const page = arr(body[key]);
      items.push(...page);
      if (page.length < 100 || items.length >= num(body.total_number)) break;
    }
    return items;
  };

  /** The group as the cloud has it now (for checks of names and bounds before a change). */
  const freshGroup = (accountId: string, groupId: string) =>
    read(accountId, `/scaling_group/${enc(groupId)}`, {}, { fresh: true, missing: AS_MISSING.group }).then(
      (b) => obj(b.scaling_group),
    );

  return { read, write, auditedWrite, paging, pageOf, all, freshGroup, audited: deps.audited };
}

export type AsKit = ReturnType<typeof asKit>;
export { enc };
