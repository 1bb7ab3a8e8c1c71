import type { z } from 'zod';
import type { Role } from './common';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface RouteDef {
  method: HttpMethod;
  /** Express-style path under the console origin, e.g. `/api/accounts/:accountId`. */
  path: string;
  summary: string;
  /**
   * Least role allowed; `public` needs no session; `display`: a viewer's session or a display link
   * (a wall screen's read-only grant, `Authorization: Display <token>`).
   */
  role: Role | 'public' | 'display';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Body of a 409: the action no longer fits the resource's state, which the body carries fresh. */
  conflict?: z.ZodType;
  /** Name of the audit action for state-changing routes. */
  audit?: string;
}

/** Keeps a route's literal types (paths, roles, schemas) for the typed handlers and client. */
export const route = <const R extends RouteDef>(r: R): R => r;
