import { AsyncLocalStorage } from 'node:async_hooks';
import type { SimClock } from './clock';

/**
 * The clock whose reported time the cloud is answering in. The products keep simulated time in their
 * state and write it into answers through their own formatters (SAE's UTC+8 text, Retail Cloud's
 * `…T17:03Z`, Huawei's ISO); those formatters call `reported`, and the parsers of times a caller sends
 * call `simulated`, so that no answer names a moment later than the real clock (see SimClock.toWall).
 *
 * The clock is the one of the simulator serving the request, its background tick or its control API
 * (several simulators can share a process, one per test). Outside those, e.g. a test reading a world
 * directly, times pass unchanged.
 */
const frame = new AsyncLocalStorage<SimClock>();

/** Runs `fn` (and what it awaits) answering in `clock`'s reported time. */
export function inReportedTime<T>(clock: SimClock, fn: () => T): T {
  return frame.run(clock, fn);
}

/** Simulated milliseconds as the cloud reports them. */
export function reported(simMs: number): number {
  const clock = frame.getStore();
  return clock ? clock.toWall(simMs) : simMs;
}

/** A time a caller sent (reported time) as simulated milliseconds. */
export function simulated(wallMs: number): number {
  const clock = frame.getStore();
  return clock ? clock.fromWall(wallMs) : wallMs;
}
