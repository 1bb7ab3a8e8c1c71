import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { CallLog } from './calls';
import type { SimClock } from './clock';
import { type FaultInjector, parseFaultChange } from './faults';
import { inReportedTime } from './reported-time';
import type { SaeWorld } from './sae/world';

export interface ControlDeps {
  clock: SimClock;
  calls: CallLog;
  faults: FaultInjector;
  sae: SaeWorld;
  /** The legacy account's world (2019 profile): `GET /__sim/sae?account=legacy`. */
  saeLegacy?: SaeWorld;
  reset(): void;
}

const ClockChange = z.object({
  advanceMs: z.number().min(0).optional(),
  timeScale: z.number().min(0).optional(),
});

const isLoopback = (address: string | undefined) =>
  !address || address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';

function bad(res: Response, error: z.ZodError) {
  res
    .status(400)
    .json({ error: 'InvalidRequest', issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
}

/** Unsigned control API for tests and demos, under /__sim (loopback callers only). */
export function createControlRouter(deps: ControlDeps): Router {
  const router = express.Router();
  router.use((req: Request, res: Response, next) => {
    if (!isLoopback(req.socket.remoteAddress)) {
      res.status(403).json({ error: 'Forbidden', message: 'The control API only answers loopback callers.' });
      return;
    }
    next();
  });
  router.use(express.json());
  // What the control API lets the products do (advance, reset) writes times as the products' answers do.
  router.use((_req, _res, next) => inReportedTime(deps.clock, next));

  router.get('/health', (_req, res) => {
    res.json({
      ok: true,
      now: deps.sae.advance(),
      reportedNow: deps.clock.wallNow(),
      timeScale: deps.clock.timeScale,
    });
  });

  router.post('/clock', (req, res) => {
    const parsed = ClockChange.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, parsed.error);
    if (parsed.data.timeScale !== undefined) deps.clock.setTimeScale(parsed.data.timeScale);
    if (parsed.data.advanceMs) deps.clock.advance(parsed.data.advanceMs);
    res.json({ now: deps.sae.advance(), reportedNow: deps.clock.wallNow(), timeScale: deps.clock.timeScale });
  });

  router.get('/calls', (req, res) => {
    const api = typeof req.query.api === 'string' ? req.query.api : undefined;
    const product = typeof req.query.product === 'string' ? req.query.product : undefined;
    res.json({
      calls: deps.calls.list({ api, product }).map((c) => ({
        api: c.api,
        method: c.method,
        path: c.path,
        status: c.status,
        code: c.code,
        requestId: c.requestId,
        ...(c.fault ? { fault: c.fault } : {}),
        at: c.at,
      })),
    });
  });

  router.delete('/calls', (_req, res) => {
    deps.calls.clear();
    res.json({ ok: true });
  });

  router.post('/reset', (_req, res) => {
    deps.reset();
    res.json({ ok: true, now: deps.clock.now() });
  });

  const faultState = () => ({
    faults: deps.faults.list(),
    rules: deps.faults.rules(),
    injected: deps.faults.injected(),
  });

  router.get('/faults', (_req, res) => {
    res.json(faultState());
  });

  /** One rule `{product, action?, kind, rate?, count?, …}`, `{rules: [...]}` or the legacy rates. */
  router.post('/faults', (req, res) => {
    const parsed = parseFaultChange(req.body);
    if (!parsed.success) return bad(res, parsed.error);
    deps.faults.apply(parsed.data);
    res.json(faultState());
  });

  router.delete('/faults', (req, res) => {
    const product = typeof req.query.product === 'string' ? req.query.product : undefined;
    const action = typeof req.query.action === 'string' ? req.query.action : undefined;
    deps.faults.clear(product, action);
    res.json(faultState());
  });

  /** Where the demo stands: the seeded ids a script or a tester needs. */
  router.get('/sae', (req, res) => {
    const world = req.query.account === 'legacy' && deps.saeLegacy ? deps.saeLegacy : deps.sae;
    world.advance();
    const { seedInfo } = deps.sae;
    const waiting = world.findApp(seedInfo.waitingApp.namespaceId, seedInfo.waitingApp.appName);
    const order = world.waitingOrder();
    res.json({
      regionId: seedInfo.regionId,
      namespaces: [...world.store.namespaces.keys()],
      waitingApp: waiting
        ? { AppId: waiting.AppId, AppName: waiting.AppName, NamespaceId: waiting.NamespaceId }
        : null,
      waitingOrder: order
        ? {
            ChangeOrderId: order.ChangeOrderId,
            Status: order.Status,
            CurrentPipelineId: order.pipelines[order.current]?.PipelineId,
            NextPipelineId: order.pipelines[order.current + 1]?.PipelineId,
          }
        : null,
      applications: world.store
        .liveApps()
        .map((a) => ({ AppId: a.AppId, AppName: a.AppName, NamespaceId: a.NamespaceId })),
    });
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'NotFound' });
  });
  return router;
}
