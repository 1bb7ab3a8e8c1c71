import { CLOUDSIM_DEFAULTS } from '../../config';
import type { HuaweiProduct, HuaweiProductOptions, HuaweiRequest, HuaweiResponse } from '../types';
import type { AosContext, AosHandler } from './context';
import { AosEngine } from './engine';
import { stackHandlers } from './handlers/stacks';
import { templateHandlers } from './handlers/templates';
import { AosError, aosError } from './model';
import { routeAos } from './router';
import { seedAos } from './seed';
import { AosStore } from './store';

export interface AosWorldOptions extends HuaweiProductOptions {
  /** The tenant (domain) of the account: seeded stacks' `domain_id`, templates' `domain`. */
  domainId?: string;
  domainName?: string;
}

/** The seeded resources' tenant id when the front does not say (HuaweiProductOptions has none). */
export const DEFAULT_DOMAIN_ID = '4e9f3643e4cc44aeb8b7473e06ab309b';

const handlers = { ...templateHandlers, ...stackHandlers };

/** Huawei Cloud Application Orchestration Service (seed 003): templates and stacks. */
export class AosWorld implements HuaweiProduct {
  readonly product = 'AOS';
  store!: AosStore;
  engine!: AosEngine;

  constructor(readonly options: AosWorldOptions) {
    this.reset();
  }

  reset(): void {
    this.store = new AosStore(
      this.options.domainId ?? DEFAULT_DOMAIN_ID,
      this.options.domainName ?? CLOUDSIM_DEFAULTS.huaweiDomain,
    );
    this.engine = new AosEngine(this.store, (id) => this.store.templates.get(id));
    if (this.options.seed !== false)
      seedAos(this.store, this.engine, this.options.projectId, this.options.clock.now());
  }

  /** Runs every execution that is due up to the clock's now. */
  advance(): void {
    this.engine.advanceTo(this.options.clock.now());
  }

  handle(req: HuaweiRequest): HuaweiResponse | undefined {
    const route = routeAos(req.method, req.path);
    if (!route) return undefined;
    const handler = handlers[route.api] as AosHandler;
    // The state at the call's instant: whatever was due by then has happened.
    this.engine.advanceTo(req.now);
    const ctx: AosContext = {
      req,
      now: req.now,
      store: this.store,
      engine: this.engine,
      domainName: this.store.domainName,
      params: route.params,
    };
    try {
      const answer = handler(ctx);
      const response: HuaweiResponse = { status: answer.status, api: route.api };
      if (answer.body !== undefined) response.body = answer.body;
      if (answer.headers) response.headers = answer.headers;
      return response;
    } catch (error) {
      if (error instanceof AosError) return error.response(route.api);
      this.options.logger?.({
        product: 'AOS',
        api: route.api,
        error: String((error as Error)?.stack ?? error),
      });
      return aosError('internal', (error as Error)?.message ?? '').response(route.api);
    }
  }
}
