import { asLimits, asTopicScenes } from '@console/catalogue';
import { type AsCtx, type AsHandlers, findGroup, isStr, NO_CONTENT, ok, readBody } from '../context';
import { check, TOPIC_URN, topicName } from '../model';

const view = (t: { urn: string; scenes: string[] }) => ({
  topic_urn: t.urn,
  topic_scene: t.scenes,
  topic_name: topicName(t.urn),
});

/** One topic per call; calling again with the same topic replaces its scenes. */
function put(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const body = readBody(ctx);
  check(isStr(body.topic_urn) && body.topic_urn, 'AS.7027');
  check(TOPIC_URN.test(body.topic_urn), 'AS.7025');
  const scenes = body.topic_scene;
  check(
    Array.isArray(scenes) &&
      scenes.length > 0 &&
      scenes.every((s) => (asTopicScenes as readonly unknown[]).includes(s)),
    'AS.7026',
  );
  check(new Set(scenes).size === scenes.length, 'AS.7029');
  const topics = ctx.p.groupTopics(g.id);
  const existing = topics.find((t) => t.urn === body.topic_urn);
  if (existing) existing.scenes = scenes as string[];
  else {
    check(topics.length < asLimits.topicsPerGroup, 'AS.7028');
    topics.push({ urn: body.topic_urn, scenes: scenes as string[] });
  }
  return ok(view({ urn: body.topic_urn, scenes: scenes as string[] }));
}

function list(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  return ok({ topics: ctx.p.groupTopics(g.id).map(view) });
}

function remove(ctx: AsCtx) {
  const g = findGroup(ctx, ctx.params.scaling_group_id);
  const urn = ctx.params.topic_urn ?? '';
  check(TOPIC_URN.test(urn), 'AS.7025');
  const topics = ctx.p.groupTopics(g.id);
  const at = topics.findIndex((t) => t.urn === urn);
  check(at >= 0, 'AS.0007', urn);
  topics.splice(at, 1);
  return NO_CONTENT;
}

export const notificationHandlers: AsHandlers = {
  CreateScalingNotification: put,
  ListScalingNotifications: list,
  DeleteScalingNotification: remove,
};
