import type { AsUpdatePolicyBody, asRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import { hwArr as arr, hwObj as obj, type Raw, hwStr as str } from '../gateway';
import { AS_MISSING, type AsKit, enc } from './families-kit';
import { activityView, hangingView, hookView, policyView } from './views';

type PolicyRoutes = Pick<
  typeof asRoutes,
  | 'listAsPolicies'
  | 'createAsPolicy'
  | 'getAsPolicy'
  | 'updateAsPolicy'
  | 'executeAsPolicy'
  | 'pauseAsPolicy'
  | 'resumeAsPolicy'
  | 'deleteAsPolicy'
  | 'listAsActivities'
  | 'listAsHooks'
  | 'createAsHook'
  | 'getAsHook'
  | 'updateAsHook'
  | 'deleteAsHook'
  | 'listAsHanging'
>;

/** Table 5-69's policy fields from the console's; only what was given. */
function policyFields(b: AsUpdatePolicyBody): Raw {
  const out: Raw = {};
  if (b.name !== undefined) out.scaling_policy_name = b.name;
  if (b.type !== undefined) out.scaling_policy_type = b.type;
  if (b.alarmId !== undefined) out.alarm_id = b.alarmId;
  if (b.scheduled !== undefined) {
    const s = b.scheduled;
    const scheduled: Raw = { launch_time: s.launchTime };
    if (s.recurrenceType !== undefined) scheduled.recurrence_type = s.recurrenceType;
    // Daily recurrences take no value (table 5-70).
    if (s.recurrenceValue !== undefined && s.recurrenceType !== 'Daily')
      scheduled.recurrence_value = s.recurrenceValue;
    if (s.startTime !== undefined) scheduled.start_time = s.startTime;
    if (s.endTime !== undefined) scheduled.end_time = s.endTime;
    out.scheduled_policy = scheduled;
  }
  if (b.action !== undefined) {
    const action: Raw = { operation: b.action.operation };
    if (b.action.instanceNumber !== undefined) action.instance_number = b.action.instanceNumber;
    if (b.action.instancePercentage !== undefined) action.instance_percentage = b.action.instancePercentage;
    out.scaling_policy_action = action;
  }
  if (b.coolDown !== undefined) out.cool_down_time = b.coolDown;
  return out;
}

/** `yyyy-MM-ddThh:mm:ssZ` (UTC), the activity log's time format. */
const logTime = (iso: string | undefined) =>
  iso === undefined ? undefined : new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Handlers of policies, activity logs and lifecycle hooks (with the instances they hold). */
export function asPolicyHandlers(kit: AsKit): HandlersOf<PolicyRoutes> {
  const { read, write, auditedWrite, paging, pageOf, audited, freshGroup } = kit;
  const policy = (id: string) => `/scaling_policy/${enc(id)}`;
  const hooks = (groupId: string) => `/scaling_lifecycle_hook/${enc(groupId)}`;

  const policyAction = (
    session: Parameters<typeof auditedWrite>[0],
    event: string,
    accountId: string,
    policyId: string,
    action: 'execute' | 'pause' | 'resume',
  ) =>
    auditedWrite(session, event, accountId, `policy/${policyId}`, {
      method: 'POST',
      path: `${policy(policyId)}/action`,
      json: { action },
      missing: AS_MISSING.policy,
    });

  return {
    // ---------- policies ----------
    async listAsPolicies({ params, query }) {
      const body = await read(
        params.accountId,
        `/scaling_policy/${enc(params.groupId)}/list`,
        { ...paging(query), scaling_policy_name: query.name, scaling_policy_type: query.type },
        { missing: AS_MISSING.group },
      );
      return pageOf(body, 'scaling_policies', policyView, query);
    },

    async createAsPolicy({ params, body, session }) {
      // The group is checked first so that a missing group is a 404, not the cloud's 400 on the body.
      await freshGroup(params.accountId, params.groupId);
      const json = { ...policyFields(body), scaling_group_id: params.groupId };
      return audited(
        session,
        'as-policy-create',
        params.accountId,
        `group/${params.groupId}/policy/${body.name}`,
        () =>
          write(params.accountId, 'POST', '/scaling_policy', json).then(({ body: answer, requestId }) => ({
            id: String(answer.scaling_policy_id ?? ''),
            requestId,
          })),
        `type=${body.type}; ${body.action?.operation ?? 'ADD'} ${
          body.action?.instancePercentage !== undefined
            ? `${body.action.instancePercentage}%`
            : (body.action?.instanceNumber ?? 1)
        }`,
      );
    },

    async getAsPolicy({ params }) {
      const body = await read(params.accountId, policy(params.policyId), {}, { missing: AS_MISSING.policy });
      return policyView(obj(body.scaling_policy));
    },

    async updateAsPolicy({ params, body, session }) {
      return auditedWrite(
        session,
        'as-policy-update',
        params.accountId,
        `policy/${params.policyId}`,
        {
          method: 'PUT',
          path: policy(params.policyId),
          json: policyFields(body),
          missing: AS_MISSING.policy,
        },
        `fields=${Object.keys(body).join(',')}`,
      );
    },

    executeAsPolicy: ({ params, session }) =>
      policyAction(session, 'as-policy-execute', params.accountId, params.policyId, 'execute'),
    pauseAsPolicy: ({ params, session }) =>
      policyAction(session, 'as-policy-pause', params.accountId, params.policyId, 'pause'),
    resumeAsPolicy: ({ params, session }) =>
      policyAction(session, 'as-policy-resume', params.accountId, params.policyId, 'resume'),

    async deleteAsPolicy({ params, session }) {
      return auditedWrite(session, 'as-policy-delete', params.accountId, `policy/${params.policyId}`, {
        method: 'DELETE',
        path: policy(params.policyId),
        missing: AS_MISSING.policy,
      });
    },

    // ---------- activity logs (v2) ----------
    async listAsActivities({ params, query }) {
      const body = await read(
        params.accountId,
        `/scaling_activity_log/${enc(params.groupId)}`,
        {
          ...paging(query),
          start_time: logTime(query.from),
          end_time: logTime(query.to),
          status: query.status,
          type: query.types,
          log_id: query.logId,
        },
        { missing: AS_MISSING.group, version: 'v2' },
      );
      return pageOf(body, 'scaling_activity_log', (a) => activityView(params.groupId, a), query);
    },

    // ---------- lifecycle hooks ----------
    async listAsHooks({ params }) {
      const body = await read(
        params.accountId,
        `${hooks(params.groupId)}/list`,
        {},
        { missing: AS_MISSING.group },
      );
      return arr(body.lifecycle_hooks).map(hookView);
    },

    async createAsHook({ params, body, session }) {
      const json: Raw = {
        lifecycle_hook_name: body.name,
        lifecycle_hook_type: body.type,
        notification_topic_urn: body.topicUrn,
      };
      if (body.defaultResult !== undefined) json.default_result = body.defaultResult;
      if (body.defaultTimeout !== undefined) json.default_timeout = body.defaultTimeout;
      if (body.metadata !== undefined) json.notification_metadata = body.metadata;
      return audited(
        session,
        'as-hook-create',
        params.accountId,
        `group/${params.groupId}/hook/${body.name}`,
        () =>
          write(params.accountId, 'POST', hooks(params.groupId), json, undefined, AS_MISSING.group).then(
            ({ body: answer, requestId }) => ({ ...hookView(answer), requestId }),
          ),
        `type=${body.type}; default=${body.defaultResult ?? 'ABANDON'}`,
      );
    },

    async getAsHook({ params }) {
      const body = await read(
        params.accountId,
        `${hooks(params.groupId)}/${enc(params.hookName)}`,
        {},
        {
          missing: [...AS_MISSING.group, ...AS_MISSING.hook],
        },
      );
      return hookView(body);
    },

    async updateAsHook({ params, body, session }) {
      const json: Raw = {};
      if (body.type !== undefined) json.lifecycle_hook_type = body.type;
      if (body.defaultResult !== undefined) json.default_result = body.defaultResult;
      if (body.defaultTimeout !== undefined) json.default_timeout = body.defaultTimeout;
      if (body.topicUrn !== undefined) json.notification_topic_urn = body.topicUrn;
      if (body.metadata !== undefined) json.notification_metadata = body.metadata;
      return audited(
        session,
        'as-hook-update',
        params.accountId,
        `group/${params.groupId}/hook/${params.hookName}`,
        () =>
          write(
            params.accountId,
            'PUT',
            `${hooks(params.groupId)}/${enc(params.hookName)}`,
            json,
            undefined,
            [...AS_MISSING.group, ...AS_MISSING.hook],
          ).then(({ body: answer, requestId }) => ({ ...hookView(answer), requestId })),
        `fields=${Object.keys(body).join(',')}`,
      );
    },

    async deleteAsHook({ params, session }) {
      return auditedWrite(
        session,
        'as-hook-delete',
        params.accountId,
        `group/${params.groupId}/hook/${params.hookName}`,
        {
          method: 'DELETE',
          path: `${hooks(params.groupId)}/${enc(params.hookName)}`,
          missing: [...AS_MISSING.group, ...AS_MISSING.hook],
        },
      );
    },

    async listAsHanging({ params }) {
      const groupId = enc(params.groupId);
      const [hanging, doing, instances] = await Promise.all([
        read(params.accountId, `/scaling_instance_hook/${groupId}/list`, {}, { missing: AS_MISSING.group }),
        // AS runs one activity at a time per group: the one in progress is the one an instance waits in.
        read(
          params.accountId,
          `/scaling_activity_log/${groupId}`,
          { status: 'DOING', start_number: 0, limit: 1 },
          { missing: AS_MISSING.group, version: 'v2' },
        ),
        read(
          params.accountId,
          `/scaling_group_instance/${groupId}/list`,
          { start_number: 0, limit: 100 },
          { missing: AS_MISSING.group },
        ),
      ]);
      const activityId = str(arr(doing.scaling_activity_log)[0]?.id);
      const rolloutId = activityId ? `${params.groupId}.${activityId}` : undefined;
      const names = new Map(
        arr(instances.scaling_group_instances).map((i) => [
          String(i.instance_id),
          String(i.instance_name ?? ''),
        ]),
      );
      return arr(hanging.instance_hanging_info).map((h) => hangingView(h, names, rolloutId));
    },
  };
}
