import { asActivityStatuses, asActivityTypes, asLimits } from '@console/catalogue';
import { type AsCtx, type AsHandlers, findGroup, ok, page, paging } from '../context';
import { type AsActivity, check, parseSeconds } from '../model';
import { activityV1View, activityV2View } from '../views';

/** The group's activities, newest first, filtered by the query's time window (`yyyy-MM-ddThh:mm:ssZ`). */
function activities(ctx: AsCtx): AsActivity[] {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const from = ctx.query.get('start_time');
  const to = ctx.query.get('end_time');
  const fromT = from ? parseSeconds(from) : undefined;
  const toT = to ? parseSeconds(to) : undefined;
  check(!from || fromT !== undefined, 'AS.9001');
  check(!to || toT !== undefined, 'AS.9002');
  return [...ctx.p.activities.values()]
    .filter(
      (a) =>
        a.groupId === g.id &&
        (fromT === undefined || a.startAt >= fromT) &&
        (toT === undefined || a.startAt <= toT),
    )
    .sort((a, b) => b.startAt - a.startAt || b.id.localeCompare(a.id));
}

function listV1(ctx: AsCtx) {
  const all = activities(ctx);
  const { start, limit } = paging(ctx.query, 'AS.9003', 'AS.9004');
  return ok({
    limit,
    scaling_activity_log: page(all, start, limit).map(activityV1View),
    total_number: all.length,
    start_number: start,
  });
}

function listV2(ctx: AsCtx) {
  let all = activities(ctx);
  const { start, limit } = paging(ctx.query, 'AS.9003', 'AS.9004');
  const logId = ctx.query.get('log_id');
  const types = ctx.query.get('type');
  const status = ctx.query.get('status');
  check(logId === null || /^[A-Za-z0-9-]{1,64}$/.test(logId), 'AS.9005');
  const typeList = types ? types.split(',') : [];
  check(
    typeList.every((t) => (asActivityTypes as readonly string[]).includes(t)),
    'AS.9012',
  );
  check(!status || (asActivityStatuses as readonly string[]).includes(status), 'AS.9013');
  all = all.filter(
    (a) =>
      (!logId || a.id === logId) &&
      (!typeList.length || typeList.includes(a.type)) &&
      (!status || a.status === status),
  );
  return ok({
    limit,
    scaling_activity_log: page(all, start, limit).map(activityV2View),
    total_number: all.length,
    start_number: start,
  });
}

/** Tenant quotas: policy and instance usage is per group, so the tenant view says -1 as the seed does. */
function tenantQuota(ctx: AsCtx) {
  return ok({
    quotas: {
      resources: [
        { type: 'scaling_Group', used: ctx.p.groups.size, quota: asLimits.groupsPerTenant, max: 50, min: 0 },
        {
          type: 'scaling_Config',
          used: ctx.p.configs.size,
          quota: asLimits.configsPerTenant,
          max: 200,
          min: 0,
        },
        { type: 'scaling_Policy', used: -1, quota: asLimits.policiesPerGroup, max: 50, min: 0 },
        { type: 'scaling_Instance', used: -1, quota: asLimits.instancesPerGroup, max: 1000, min: 0 },
      ],
    },
  });
}

function groupQuota(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const policies = [...ctx.p.policies.values()].filter((p) => p.groupId === g.id).length;
  return ok({
    quotas: {
      resources: [
        { type: 'scaling_Policy', used: policies, quota: asLimits.policiesPerGroup, max: 50, min: 0 },
        {
          type: 'scaling_Instance',
          used: ctx.p.groupInstances(g.id).length,
          quota: asLimits.instancesPerGroup,
          max: 1000,
          min: 0,
        },
      ],
    },
  });
}

export const logHandlers: AsHandlers = {
  ListScalingActivityLogs: listV1,
  ListScalingActivityV2Logs: listV2,
  ShowResourceQuota: tenantQuota,
  ShowPolicyAndInstanceQuota: groupQuota,
};
