import { createHash } from 'node:crypto';
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

/**
 * The seeded resources' tenant id until the first call says which it is (HuaweiProductOptions has
 * none): the id the simulator's IAM derives for the default domain name.
 */
export function defaultDomainId(domainName: string): string {
  return createHash('sha256').update(`cloudsim-huawei-domain:${domainName}`).digest('hex').slice(0, 32);
}

const handlers = { ...templateHandlers, ...stackHandlers };

/** Huawei Cloud Application Orchestration Service (seed 003): templates and stacks. */
export class AosWorld implements HuaweiProduct {
  readonly product = 'AOS';
  store!: AosStore;
  engine!: AosEngine;

  constructor(readonly options: AosWorldOptions) {
    this.reset();
  }

  /** Whether the seeded stacks took the callers' domain id yet. */
  private adopted = false;

  reset(): void {
    const domainName = this.options.domainName ?? CLOUDSIM_DEFAULTS.huaweiDomain;
    this.store = new AosStore(this.options.domainId ?? defaultDomainId(domainName), domainName);
    this.adopted = this.options.domainId !== undefined;
    this.engine = new AosEngine(this.store, (id) => this.store.templates.get(id));
    if (this.options.seed !== false)
      seedAos(this.store, this.engine, this.options.projectId, this.options.clock.now());
  }

  /** Runs every execution that is due up to the clock's now. */
  advance(): void {
    this.engine.advanceTo(this.options.clock.now());
  }

  /** One account per simulator: the seeded stacks belong to the tenant of whoever calls. */
  private adoptDomain(domainId: string): void {
    this.adopted = true;
    for (const stack of this.store.stacks.values())
      if (stack.domainId === this.store.domainId) stack.domainId = domainId;
    this.store.domainId = domainId;
  }

  handle(req: HuaweiRequest): HuaweiResponse | undefined {
    const route = routeAos(req.method, req.path);
    if (!route) return undefined;
    const handler = handlers[route.api] as AosHandler;
    if (!this.adopted && req.domainId) this.adoptDomain(req.domainId);
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
