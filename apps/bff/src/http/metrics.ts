import type { Request, RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { UpstreamError } from '../upstream/errors';

/**
 * The console's own registry (not prom-client's global one), shared by everything in the process:
 * the upstream client has no handle on the BFF that uses it.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const httpRequests = new Counter({
  name: 'console_http_requests_total',
  help: 'HTTP requests answered, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});
const httpDuration = new Histogram({
  name: 'console_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});
const httpInFlight = new Gauge({
  name: 'console_http_requests_in_flight',
  help: 'HTTP requests being answered right now',
  registers: [metricsRegistry],
});
const upstreamCalls = new Counter({
  name: 'console_upstream_calls_total',
  help: 'Calls to a cloud API (every attempt), by product and HTTP status (0: no answer)',
  labelNames: ['product', 'status'] as const,
  registers: [metricsRegistry],
});
const upstreamErrors = new Counter({
  name: 'console_upstream_errors_total',
  help: 'Cloud API calls that failed, by product and kind (timeout, unreachable, 4xx, 5xx)',
  labelNames: ['product', 'kind'] as const,
  registers: [metricsRegistry],
});
const upstreamDuration = new Histogram({
  name: 'console_upstream_call_duration_seconds',
  help: 'Time a cloud API took to answer, by product',
  labelNames: ['product'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

/**
 * The route's pattern, never the concrete path: ids in paths would make one series per resource,
 * and the patterns name no account, user or resource.
 */
function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}`;
  return path === undefined ? '(no route)' : '(pattern)';
}

/** Counts and times every request once it is answered (or its client went away). */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    httpInFlight.inc();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      httpInFlight.dec();
      const labels = { route: routeOf(req), method: req.method, status: String(res.statusCode) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/**
 * Counts and times one upstream call. The call's promise is passed through unchanged: a response
 * is counted with its status (4xx and 5xx also as errors), a failure without one by its code.
 */
export async function observeUpstream<T extends { status: number }>(
  product: string,
  call: Promise<T>,
): Promise<T> {
  const started = process.hrtime.bigint();
  const elapsed = () =>
    upstreamDuration.observe({ product }, Number(process.hrtime.bigint() - started) / 1e9);
  try {
    const response = await call;
    elapsed();
    upstreamCalls.inc({ product, status: String(response.status) });
    if (response.status >= 500) upstreamErrors.inc({ product, kind: '5xx' });
    else if (response.status >= 400) upstreamErrors.inc({ product, kind: '4xx' });
    return response;
  } catch (error) {
    elapsed();
    upstreamCalls.inc({ product, status: '0' });
    const code = error instanceof UpstreamError ? error.body.code : undefined;
    upstreamErrors.inc({ product, kind: code === 'UpstreamTimeout' ? 'timeout' : 'unreachable' });
    throw error;
  }
}
