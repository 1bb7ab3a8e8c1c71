import type { SaeContext, SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import {
  checkRouteDescription,
  checkRouteName,
  type DubboRule,
  type GreyTagRoute,
  microProfile,
  parseDubboRules,
  parseScRules,
  routeView,
  type ScRule,
} from '../microservices';
import type { SaeApp } from '../model';

function frameworkOf(app: SaeApp) {
  const profile = microProfile(app);
  if (!profile) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      'AppId',
      'grey tag routes apply only to Spring Cloud and Dubbo applications',
    );
  }
  return profile.type;
}

/** A rule change is refused while a change order runs on the app (documented for Create and Update). */
function assertIdle(ctx: SaeContext, app: SaeApp): void {
  if (app.deleting) throw new SaeError('Application.ChangerOrderRunning');
  ctx.engine.assertIdle(app);
}

/**
 * The rules of a call. The one matching the app's framework is required (and may not be emptied);
 * the seed's own examples send both kinds at once, so the other kind is accepted and kept as sent.
 */
function rulesOf(
  ctx: SaeContext,
  framework: 'springCloud' | 'dubbo',
  current?: GreyTagRoute,
): { ScRules: ScRule[]; DubboRules: DubboRule[] } {
  const p = ctx.params;
  const given = (name: string) => p.has(name) && (p.str(name) ?? '').trim() !== '';
  const sc = given('ScRules') ? parseScRules(p.json<unknown>('ScRules')) : undefined;
  const dubbo = given('DubboRules') ? parseDubboRules(p.json<unknown>('DubboRules')) : undefined;
  const ScRules = sc ?? current?.ScRules ?? [];
  const DubboRules = dubbo ?? current?.DubboRules ?? [];
  if (framework === 'springCloud' && ScRules.length === 0)
    throw new SaeError('InvalidParameter.NotEmpty', 'ScRules');
  if (framework === 'dubbo' && DubboRules.length === 0)
    throw new SaeError('InvalidParameter.NotEmpty', 'DubboRules');
  return { ScRules, DubboRules };
}

/** 灰度规则 (seed 000 §19): one grey tag route per Spring Cloud or Dubbo application. */
export const greyTagRouteHandlers: SaeHandlers = {
  CreateGreyTagRoute: (ctx) => {
    const app = ctx.store.app(ctx.params.req('AppId'));
    const name = ctx.params.req('Name');
    checkRouteName(name);
    const description = ctx.params.str('Description');
    checkRouteDescription(description);
    const framework = frameworkOf(app);
    const existing = ctx.store.greyRoutes.ofApp(app.AppId);
    if (existing) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'AppId',
        `the application already has grey tag route ${existing.GreyTagRouteId}; only one is allowed per application`,
      );
    }
    const rules = rulesOf(ctx, framework);
    assertIdle(ctx, app);
    const route = ctx.store.greyRoutes.add({
      AppId: app.AppId,
      Name: name,
      Description: description ?? '',
      ...rules,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    return { data: { GreyTagRouteId: route.GreyTagRouteId } };
  },

  UpdateGreyTagRoute: (ctx) => {
    const id = ctx.params.int('GreyTagRouteId') ?? 0;
    const route = ctx.store.greyRoutes.get(id);
    const app = ctx.store.app(route.AppId);
    const description = ctx.params.str('Description');
    checkRouteDescription(description);
    const rules = rulesOf(ctx, frameworkOf(app), route);
    assertIdle(ctx, app);
    route.ScRules = rules.ScRules;
    route.DubboRules = rules.DubboRules;
    if (description !== undefined) route.Description = description;
    route.updatedAt = ctx.now;
    return { data: { GreyTagRouteId: route.GreyTagRouteId } };
  },

  DeleteGreyTagRoute: (ctx) => {
    const route = ctx.store.greyRoutes.get(ctx.params.int('GreyTagRouteId') ?? 0);
    ctx.store.greyRoutes.remove(route.GreyTagRouteId);
    return { data: { GreyTagRouteId: route.GreyTagRouteId } };
  },

  ListGreyTagRoute: (ctx) => {
    const app = ctx.store.app(ctx.params.req('AppId'));
    const route = ctx.store.greyRoutes.ofApp(app.AppId);
    // One rule per app: the page size is always 1.
    return {
      data: {
        CurrentPage: 1,
        PageSize: 1,
        TotalSize: route ? 1 : 0,
        Result: route ? [routeView(route)] : [],
      },
    };
  },

  DescribeGreyTagRoute: (ctx) => {
    const route = ctx.store.greyRoutes.get(ctx.params.int('GreyTagRouteId') ?? 0);
    return { data: { ...routeView(route), AppId: route.AppId } };
  },
};
