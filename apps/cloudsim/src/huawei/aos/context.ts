import type { AosApiName } from '@console/catalogue';
import type { HuaweiRequest } from '../types';
import type { AosEngine } from './engine';
import { type AosStack, type AosTemplate, aosError } from './model';
import type { AosStore } from './store';

/** What a handler works on: the request, the state at its simulated instant, the path parameters. */
export interface AosContext {
  req: HuaweiRequest;
  now: number;
  store: AosStore;
  engine: AosEngine;
  /** The tenant name templates show as `domain`. */
  domainName: string;
  params: Record<string, string>;
}

export interface AosAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type AosHandler = (ctx: AosContext) => AosAnswer;
export type AosHandlers = Partial<Record<AosApiName, AosHandler>>;

const ID = /^[A-Za-z0-9-]{1,64}$/;

export function templateById(ctx: AosContext): AosTemplate {
  const id = ctx.params.template_id ?? '';
  if (!ID.test(id)) throw aosError('templateIdInvalid', `template_id ${id} is invalid`);
  const template = ctx.store.templates.get(id);
  if (!template) throw aosError('templateNotFound', `template ${id} does not exist`);
  return template;
}

/**
 * The stack of the path, in the caller's project. The get/delete APIs answer 4042101 (访问堆栈不存在,
 * their own table rows), the sub-resources the common 4040013 (堆栈不存在).
 */
export function stackById(ctx: AosContext, own = false): AosStack {
  const id = ctx.params.stack_id ?? '';
  if (!ID.test(id)) throw aosError('stackIdInvalid', `stack_id ${id} is invalid`);
  const stack = ctx.store.stacks.get(id);
  if (!stack || stack.projectId !== ctx.req.projectId)
    throw aosError(own ? 'stackNotExist' : 'stackNotFound', `stack ${id} does not exist`);
  return stack;
}

/** A JSON object body, or the given error. */
export function jsonBody(
  ctx: AosContext,
  error: 'stackParamsInvalid' | 'lifecycleBodyInvalid',
): Record<string, unknown> {
  const text = ctx.req.body.toString('utf8').trim();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw aosError(error, 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw aosError(error, 'the request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A boolean query parameter (`true` / `false` / absent). */
export function boolQuery(ctx: AosContext, name: string): boolean | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw aosError('invalidParameter', `${name} must be true or false`);
}
