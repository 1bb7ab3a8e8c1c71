import type { asRoutes } from '@console/contract';
import type { HandlersOf } from '../../http/routing';
import { hwArr as arr, hwObj as obj } from '../gateway';
import { AS_MISSING, type AsKit, enc } from './families-kit';
import { notificationView, quotasView, tagView } from './views';

type ExtraRoutes = Pick<
  typeof asRoutes,
  | 'listAsNotifications'
  | 'putAsNotification'
  | 'deleteAsNotification'
  | 'listAsProjectTags'
  | 'listAsGroupTags'
  | 'putAsGroupTags'
  | 'deleteAsGroupTags'
  | 'listAsQuotas'
  | 'listAsGroupQuotas'
>;

/** The only tag resource type AS has (seed 5.9). */
const TAGS = '/scaling_group_tag';

/** Handlers of notifications, tags and quotas. */
export function asExtraHandlers(kit: AsKit): HandlersOf<ExtraRoutes> {
  const { read, write, auditedWrite, audited } = kit;
  const topics = (groupId: string) => `/scaling_notification/${enc(groupId)}`;

  return {
    // ---------- notifications ----------
    async listAsNotifications({ params }) {
      const body = await read(params.accountId, topics(params.groupId), {}, { missing: AS_MISSING.group });
      return arr(body.topics).map(notificationView);
    },

    async putAsNotification({ params, body, session }) {
      return audited(
        session,
        'as-notification-put',
        params.accountId,
        `group/${params.groupId}/topic/${body.topicUrn}`,
        () =>
          write(
            params.accountId,
            'PUT',
            topics(params.groupId),
            { topic_urn: body.topicUrn, topic_scene: body.scenes },
            undefined,
            AS_MISSING.group,
          ).then(({ body: answer, requestId }) => ({ ...notificationView(answer), requestId })),
        `scenes=${body.scenes.join(',')}`,
      );
    },

    async deleteAsNotification({ params, session }) {
      return auditedWrite(
        session,
        'as-notification-delete',
        params.accountId,
        `group/${params.groupId}/topic/${params.topicUrn}`,
        {
          method: 'DELETE',
          path: `${topics(params.groupId)}/${enc(params.topicUrn)}`,
          missing: [...AS_MISSING.group, ...AS_MISSING.hook],
        },
      );
    },

    // ---------- tags ----------
    async listAsProjectTags({ params }) {
      const body = await read(params.accountId, `${TAGS}/tags`);
      return arr(body.tags).map((t) => ({
        key: String(t.key ?? ''),
        values: Array.isArray(t.values) ? t.values.map(String) : [],
      }));
    },

    async listAsGroupTags({ params }) {
      const body = await read(
        params.accountId,
        `${TAGS}/${enc(params.groupId)}/tags`,
        {},
        {
          missing: AS_MISSING.group,
        },
      );
      return { tags: arr(body.tags).map(tagView), sysTags: arr(body.sys_tags).map(tagView) };
    },

    async putAsGroupTags({ params, body, session }) {
      return auditedWrite(
        session,
        'as-tag-create',
        params.accountId,
        `group/${params.groupId}`,
        {
          method: 'POST',
          path: `${TAGS}/${enc(params.groupId)}/tags/action`,
          json: { action: 'create', tags: body.tags.map((t) => ({ key: t.key, value: t.value })) },
          missing: AS_MISSING.group,
        },
        `tags=${body.tags.map((t) => `${t.key}=${t.value}`).join(',')}`,
      );
    },

    async deleteAsGroupTags({ params, body, session }) {
      return auditedWrite(
        session,
        'as-tag-delete',
        params.accountId,
        `group/${params.groupId}`,
        {
          method: 'POST',
          path: `${TAGS}/${enc(params.groupId)}/tags/action`,
          json: { action: 'delete', tags: body.keys.map((key) => ({ key })) },
          missing: AS_MISSING.group,
        },
        `keys=${body.keys.join(',')}`,
      );
    },

    // ---------- quotas ----------
    async listAsQuotas({ params }) {
      return quotasView(obj(await read(params.accountId, '/quotas')));
    },

    async listAsGroupQuotas({ params }) {
      return quotasView(
        obj(
          await read(params.accountId, `/quotas/${enc(params.groupId)}`, {}, { missing: AS_MISSING.group }),
        ),
      );
    },
  };
}
