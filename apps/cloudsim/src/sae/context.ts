import type { SaeApiName } from '@console/catalogue';
import type { ChangeOrderEngine } from './engine';
import type { HandlerResult } from './envelope';
import type { Params } from './params';
import type { SaeStore } from './store';

export interface SaeContext {
  params: Params;
  /** Simulated time of the request (ms epoch). */
  now: number;
  store: SaeStore;
  engine: ChangeOrderEngine;
}

export type SaeHandler = (ctx: SaeContext) => HandlerResult;
export type SaeHandlers = Partial<Record<SaeApiName, SaeHandler>>;

export function paginate<T>(
  items: readonly T[],
  currentPage: number | undefined,
  pageSize: number | undefined,
  defaultSize: number,
): { CurrentPage: number; PageSize: number; TotalSize: number; items: T[] } {
  const page = Math.max(1, currentPage ?? 1);
  const size = Math.max(0, pageSize ?? defaultSize);
  return {
    CurrentPage: page,
    PageSize: size,
    TotalSize: items.length,
    items: items.slice((page - 1) * size, page * size),
  };
}
