import type { AsApiName } from '@console/catalogue';
import type { HuaweiProduct, HuaweiProductOptions, HuaweiRequest, HuaweiResponse } from '../types';
import type { AsCtx, AsHandler, AsHandlers } from './context';
import { AsEngine } from './engine';
import { configHandlers } from './handlers/configs';
import { groupHandlers } from './handlers/groups';
import { hookHandlers } from './handlers/hooks';
import { instanceHandlers } from './handlers/instances';
import { logHandlers } from './handlers/logs';
import { notificationHandlers } from './handlers/notifications';
import { policyHandlers } from './handlers/policies';
import { tagHandlers } from './handlers/tags';
import { AsError } from './model';
import { matchRoute } from './router';
import { seedAs } from './seed';
import { AsProject, IdSource } from './store';

const handlers: AsHandlers = {
  ...groupHandlers,
  ...configHandlers,
  ...instanceHandlers,
  ...policyHandlers,
  ...logHandlers,
  ...notificationHandlers,
  ...hookHandlers,
  ...tagHandlers,
};

/**
 * Huawei Cloud Auto Scaling (seed 004): groups, configurations, instances, policies, hooks, tags, under
 * `/autoscaling-api/v1/{project_id}/…` (and `/v2/…` for the activity log v2), one state per project.
 *
 * Where the seed is silent or contradicts itself:
 * - the desired count is read as `desire_instance_number` or `desired_instance_number` and answered under both;
 * - a group created without a configuration is PAUSED (resume → AS.2018); with one it is INSERVICE;
 * - instances join PENDING (health INITIALIZING, 30 s) → PENDING_WAIT while launch hooks hold them →
 *   INSERVICE (NORMAL), and leave REMOVING (10 s) → REMOVING_WAIT while terminating hooks hold them →
 *   REMOVING (20 s) → gone; `current_instance_number` leaves joining instances out;
 * - a failed activity (a launch hook's ABANDON) puts the group in ERROR until an activity succeeds;
 * - cooldown holds back only ALARM policies (AS.0026); executing while an activity runs is AS.0034;
 * - "in activity" refusals (delete, remove, add, delete hook) answer AS.2047; missing hooks and topics AS.0007.
 */
export class AsWorld implements HuaweiProduct {
  readonly product = 'AS';
  readonly projects = new Map<string, AsProject>();
  ids = new IdSource();
  engine = new AsEngine(this.ids);

  constructor(readonly options: HuaweiProductOptions) {
    this.reset();
  }

  /** The project's state (created empty on first use). */
  project(projectId: string): AsProject {
    let p = this.projects.get(projectId);
    if (!p) {
      p = new AsProject(projectId);
      this.projects.set(projectId, p);
    }
    return p;
  }

  handle(request: HuaweiRequest): HuaweiResponse | undefined {
    const route = matchRoute(request.method, request.path);
    if (!route) return undefined;
    const api = route.api.name as AsApiName;
    const handler = handlers[api] as AsHandler;
    try {
      // The front authenticates; the path's project must be the one the token or AK/SK is scoped to.
      if (route.params.project_id !== request.projectId) throw new AsError('AS.0008');
      const now = this.advance();
      const ctx: AsCtx = {
        api: route.api,
        req: request,
        p: this.project(request.projectId),
        engine: this.engine,
        now,
        params: route.params,
        query: request.query,
      };
      const result = handler(ctx);
      return result.body === undefined
        ? { status: result.status, api }
        : { status: result.status, body: result.body, api };
    } catch (e) {
      if (!(e instanceof AsError)) throw e;
      this.options.logger?.({ product: 'AS', api, code: e.code, message: e.message });
      return { status: e.status, body: { error: { code: e.code, message: e.message } }, api, code: e.code };
    }
  }

  /** Runs every stage change, hook timeout and policy firing due up to the clock's now. */
  advance(): number {
    const now = this.options.clock.now();
    this.engine.advanceTo(this.projects.values(), now);
    return now;
  }

  reset(): void {
    this.projects.clear();
    this.ids = new IdSource();
    this.engine = new AsEngine(this.ids);
    if (this.options.seed !== false) seedAs(this.project(this.options.projectId), this.options.clock.now());
  }
}
