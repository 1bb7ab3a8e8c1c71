import express, { type Router } from 'express';
import type { Database } from '../db/database';
import { metricsRegistry } from './metrics';

/** What a load balancer and a scraper ask the process; shutdown flips readiness first. */
export interface Operations {
  readonly router: Router;
  readonly shuttingDown: boolean;
  /** From now on /readyz answers 503, so that load balancers send new requests elsewhere. */
  beginShutdown(): void;
}

const PING_TIMEOUT_MS = 2_000;

function ping(db: Database): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
  });
  return Promise.race([db.query('SELECT 1'), timeout]).then(
    () => clearTimeout(timer),
    (error: unknown) => {
      clearTimeout(timer);
      throw error;
    },
  );
}

export function operationsRoutes(db: Database): Operations {
  let shuttingDown = false;
  const router = express.Router();

  router.get('/readyz', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (shuttingDown) {
      res.status(503).json({ ready: false, reason: 'shutting-down' });
      return;
    }
    try {
      await ping(db);
      res.json({ ready: true, database: 'ok' });
    } catch {
      // The driver's message stays in the server; the answer only says which dependency is down.
      res.status(503).json({ ready: false, reason: 'database', database: 'unreachable' });
    }
  });

  /**
   * No session: scrapers cannot sign in, and what is exposed is aggregate counts and timings by
   * route pattern, method, status and product, naming no account, user, resource or secret. Like
   * /healthz it is for the loopback or the operations network; do not route it from the internet.
   */
  router.get('/metrics', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });

  return {
    router,
    get shuttingDown() {
      return shuttingDown;
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
