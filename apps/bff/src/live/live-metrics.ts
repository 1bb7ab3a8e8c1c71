import type { AccountLive } from '@console/contract';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../http/metrics';
import type { LiveHub } from './live-hub';

interface Exported {
  hub: LiveHub;
  leads(accountId: string): boolean;
}

/** Live states of the consoles in this process (one, except in tests that start several). */
const exported = new Set<Exported>();

const labelNames = ['account', 'product'] as const;

function gauge(name: string, help: string, value: (a: AccountLive, e: Exported) => number): void {
  const g: Gauge<(typeof labelNames)[number]> = new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    collect() {
      g.reset();
      for (const e of exported) {
        for (const a of e.hub.accountsLive())
          g.set({ account: a.accountId, product: a.product }, value(a, e));
      }
    },
  });
}

/*
 * The live state as gauges, read at each scrape, so that existing boards and alert rules can show it
 * and page on it. Labels are the configured accounts and their products: a bounded set.
 */
gauge(
  'console_live_waiting_items',
  'Items waiting for a person (batches, paused deploy orders, held instances, failed executions)',
  (a) => a.waiting.length,
);
gauge(
  'console_live_oldest_waiting_seconds',
  'Age of the oldest item waiting for a person; 0 when none',
  (a) => {
    const oldest = a.waiting[0];
    return oldest ? Math.max(0, (Date.now() - Date.parse(oldest.waitingSince)) / 1000) : 0;
  },
);
gauge(
  'console_live_rollouts_in_progress',
  'Rollouts running and not waiting for a person',
  (a) => a.running.length,
);
gauge('console_live_failures_24h', 'Rollouts that failed in the last 24 hours', (a) => a.failures.length);
gauge('console_live_applications', 'Applications of the account', (a) => a.applications.total);
gauge('console_live_account_up', '1 when the last look at the account succeeded', (a) =>
  a.state === 'unreachable' ? 0 : 1,
);

gauge(
  'console_live_leading',
  '1 on the instance whose watcher looks at the account (exactly one per account in a cluster)',
  (a, e) => (e.leads(a.accountId) ? 1 : 0),
);

/** Exports the hub's state on /metrics until the returned function is called. */
export function exportLiveMetrics(hub: LiveHub, leads: (accountId: string) => boolean): () => void {
  const entry = { hub, leads };
  exported.add(entry);
  return () => exported.delete(entry);
}
