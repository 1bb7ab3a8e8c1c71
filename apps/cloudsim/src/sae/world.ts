import type { SimClock } from '../clock';
import { seedConfigMaps } from './config-maps';
import type { SaeContext } from './context';
import { ChangeOrderEngine } from './engine';
import type { ChangeOrder, SaeApp } from './model';
import { seedScalingRules } from './scaling';
import { SEED, seedSae } from './seed';
import { SaeStore } from './store';

export interface SaeWorldOptions {
  clock: SimClock;
  seed?: boolean;
  regionId?: string;
  /** PRNG seed for ids. */
  idSeed?: number;
  logger?: (line: object) => void;
}

/** The SAE simulator handle: state, engine and clock, advanced lazily and by a background tick. */
export class SaeWorld {
  store!: SaeStore;
  engine!: ChangeOrderEngine;
  readonly seedInfo = SEED;

  constructor(private readonly options: SaeWorldOptions) {
    this.reset();
  }

  get clock(): SimClock {
    return this.options.clock;
  }

  /** Recreates the world (the seed data unless `seed: false`). */
  reset(): void {
    this.store = new SaeStore(this.options.regionId ?? SEED.regionId, this.options.idSeed);
    this.engine = new ChangeOrderEngine(this.store);
    this.store.scaling.attach(this.engine);
    if (this.options.seed !== false) seedSae(this.store, this.engine, this.options.clock.now());
    if (this.options.seed !== false) seedScalingRules(this.store, this.options.clock.now());
    if (this.options.seed !== false) seedConfigMaps(this.store, this.options.clock.now());
  }

  /** Moves every change order forward to the clock's now. */
  advance(): number {
    const now = this.options.clock.now();
    // Scaling triggers interleave with order steps so each fires against the state of its instant.
    this.store.scaling.advanceTo(now);
    this.engine.advanceTo(now);
    return now;
  }

  /** Advances, then runs `fn` against the state at that instant. */
  run<T>(fn: (ctx: Omit<SaeContext, 'params'>) => T): T {
    const now = this.advance();
    return fn({ now, store: this.store, engine: this.engine });
  }

  log(line: object): void {
    this.options.logger?.(line);
  }

  findApp(namespaceId: string, appName: string): SaeApp | undefined {
    return this.store.liveApps().find((a) => a.NamespaceId === namespaceId && a.AppName === appName);
  }

  /** The seeded rollout waiting for batch confirmation (while it still waits). */
  waitingOrder(): ChangeOrder | undefined {
    const app = this.findApp(SEED.waitingApp.namespaceId, SEED.waitingApp.appName);
    return app ? this.engine.unfinishedOrder(app.AppId) : undefined;
  }
}
