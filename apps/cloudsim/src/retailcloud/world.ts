import type { SimClock } from '../clock';
import { DeployOrderEngine } from './engine';
import type { RcDeployOrder, RcEnvironment } from './model';
import { RC_SEED, seedRetailCloud } from './seed';
import { OPEN_STATUSES, RetailCloudStore } from './store';

export interface RetailCloudWorldOptions {
  clock: SimClock;
  seed?: boolean;
  regionId?: string;
  /** PRNG seed for ids. */
  idSeed?: number;
  logger?: (line: object) => void;
}

/** What a handler works on: the state at the request's simulated instant. */
export interface RetailCloudState {
  now: number;
  store: RetailCloudStore;
  engine: DeployOrderEngine;
}

/** The Retail Cloud simulator handle: state, engine and clock, advanced lazily to the clock's now. */
export class RetailCloudWorld {
  store!: RetailCloudStore;
  engine!: DeployOrderEngine;
  readonly seedInfo = RC_SEED;

  constructor(private readonly options: RetailCloudWorldOptions) {
    this.reset();
  }

  get clock(): SimClock {
    return this.options.clock;
  }

  /** Recreates the world (the seed data unless `seed: false`). */
  reset(): void {
    this.store = new RetailCloudStore(this.options.regionId ?? RC_SEED.regionId, this.options.idSeed);
    this.engine = new DeployOrderEngine(this.store);
    if (this.options.seed !== false) seedRetailCloud(this.store, this.engine, this.options.clock.now());
  }

  /** Moves every deploy order, rebuild and cron job forward to the clock's now. */
  advance(): number {
    const now = this.options.clock.now();
    this.engine.advanceTo(now);
    return now;
  }

  /** Advances, then runs `fn` against the state at that instant. */
  run<T>(fn: (state: RetailCloudState) => T): T {
    const now = this.advance();
    return fn({ now, store: this.store, engine: this.engine });
  }

  log(line: object): void {
    this.options.logger?.(line);
  }

  findEnv(envName: string): RcEnvironment | undefined {
    return [...this.store.envs.values()].find((e) => e.EnvName === envName);
  }

  /** The seeded order paused after its first partition (while it still waits). */
  waitingOrder(): RcDeployOrder | undefined {
    const env = this.findEnv(RC_SEED.pausedOrder.env);
    const order = env ? this.store.openOrder(env.EnvId) : undefined;
    return order && OPEN_STATUSES.has(order.Status) ? order : undefined;
  }
}
