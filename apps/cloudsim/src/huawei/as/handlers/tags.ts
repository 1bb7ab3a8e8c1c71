import { asLimits } from '@console/catalogue';
import { type AsCtx, type AsHandlers, findGroup, isStr, NO_CONTENT, ok, readBody } from '../context';
import { type AsGroup, check, type Json } from '../model';

const RESOURCE_DETAIL = 'SCALING_GROUP_TAG';

/** Only `scaling_group_tag` is a resource type; anything else is a resource AS does not have. */
function checkType(ctx: AsCtx): void {
  check(ctx.params.resource_type === 'scaling_group_tag', 'AS.0007', ctx.params.resource_type ?? '');
}

function projectTags(ctx: AsCtx) {
  checkType(ctx);
  const byKey = new Map<string, string[]>();
  for (const g of ctx.p.groups.values()) {
    for (const t of ctx.p.groupTags(g.id)) {
      const values = byKey.get(t.key) ?? [];
      if (!values.includes(t.value)) values.push(t.value);
      byKey.set(t.key, values);
    }
  }
  return ok({ tags: [...byKey].map(([key, values]) => ({ key, values })) });
}

function resourceTags(ctx: AsCtx) {
  checkType(ctx);
  const g = findGroup(ctx, ctx.params.resource_id);
  // The sample answers `"sys_tags": null` for a group without system tags.
  return ok({ tags: ctx.p.groupTags(g.id).map((t) => ({ ...t })), sys_tags: null });
}

function tagAction(ctx: AsCtx) {
  checkType(ctx);
  const g = findGroup(ctx, ctx.params.resource_id);
  const body = readBody(ctx);
  check(body.action === 'create' || body.action === 'delete', 'AS.0022', 'action must be create or delete.');
  const tags = body.tags;
  check(Array.isArray(tags) && tags.length > 0, 'AS.7046');
  const keys = new Set<string>();
  for (const t of tags as Json[]) {
    check(t && typeof t === 'object' && isStr(t.key) && t.key.trim() && t.key.length <= 36, 'AS.7046');
    check(t.value === undefined || t.value === null || (isStr(t.value) && t.value.length <= 43), 'AS.7046');
    check(!keys.has(t.key), 'AS.7046');
    keys.add(t.key);
  }
  const current = ctx.p.groupTags(g.id);
  if (body.action === 'create') {
    const next = current.map((t) => ({ ...t }));
    for (const t of tags as Json[]) {
      const value = (t.value as string | undefined) ?? '';
      const existing = next.find((x) => x.key === t.key);
      if (existing) existing.value = value;
      else next.push({ key: t.key as string, value });
    }
    check(next.length <= asLimits.tagsPerGroup, 'AS.7046');
    current.splice(0, current.length, ...next);
  } else {
    current.splice(0, current.length, ...current.filter((t) => !keys.has(t.key)));
  }
  return NO_CONTENT;
}

interface TagFilter {
  key: string;
  values: string[];
}

function filtersOf(v: unknown): TagFilter[] {
  if (v === undefined || v === null) return [];
  check(Array.isArray(v) && v.length <= 10, 'AS.7046');
  const keys = new Set<string>();
  return v.map((f) => {
    check(
      f && typeof f === 'object' && isStr(f.key) && f.key && f.key.length <= 36 && !keys.has(f.key),
      'AS.7046',
    );
    keys.add(f.key);
    check(Array.isArray(f.values) && f.values.length <= 10, 'AS.7046');
    for (const x of f.values) check(isStr(x) && x.length <= 43 && x !== '*', 'AS.7046');
    check(new Set(f.values).size === f.values.length, 'AS.7054');
    return { key: f.key, values: f.values };
  });
}

/** One filter on a group's tags: the key present with one of the values (none = any, `*x` = contains x). */
function matchesOne(tags: { key: string; value: string }[], f: TagFilter): boolean {
  const t = tags.find((x) => x.key === f.key);
  if (!t) return false;
  if (!f.values.length) return true;
  return f.values.some((v) => (v.startsWith('*') ? t.value.includes(v.slice(1)) : t.value === v));
}

function numberParam(
  v: unknown,
  code: 'AS.1002' | 'AS.1067' | 'AS.1074',
  lo: number,
  hi: number,
): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  check(isStr(v) && /^\d+$/.test(v) && +v >= lo && +v <= hi, code);
  return +v;
}

function query(ctx: AsCtx) {
  checkType(ctx);
  const body = readBody(ctx);
  check(body.action === 'filter' || body.action === 'count', 'AS.0022', 'action must be filter or count.');
  const tags = filtersOf(body.tags);
  const any = filtersOf(body.tags_any);
  const not = filtersOf(body.not_tags);
  const notAny = filtersOf(body.not_tags_any);
  let nameMatch: string | undefined;
  if (body.matches !== undefined && body.matches !== null) {
    check(Array.isArray(body.matches), 'AS.7052');
    for (const m of body.matches as Json[]) {
      check(m && m.key === 'resource_name' && isStr(m.value) && m.value.length <= 255, 'AS.7052');
      nameMatch = m.value;
    }
  }
  const picked = [...ctx.p.groups.values()]
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
    .filter((g: AsGroup) => {
      const own = ctx.p.groupTags(g.id);
      if (!tags.every((f) => matchesOne(own, f))) return false;
      if (any.length && !any.some((f) => matchesOne(own, f))) return false;
      if (not.length && not.every((f) => matchesOne(own, f))) return false;
      if (notAny.some((f) => matchesOne(own, f))) return false;
      return !nameMatch || g.name.includes(nameMatch);
    });
  if (body.action === 'count') return ok({ total_count: picked.length });
  const limit = numberParam(body.limit, 'AS.1002', 1, 1000) ?? asLimits.tagQueryLimitDefault;
  const offset =
    numberParam(body.offset, 'AS.1067', 0, Number.MAX_SAFE_INTEGER) ??
    numberParam(body.marker, 'AS.1074', 0, Number.MAX_SAFE_INTEGER) ??
    0;
  const slice = picked.slice(offset, offset + limit);
  return ok({
    resources: slice.map((g) => ({
      resource_id: g.id,
      resource_detail: RESOURCE_DETAIL,
      tags: ctx.p.groupTags(g.id).map((t) => ({ ...t })),
      resource_name: g.name,
    })),
    marker: String(offset + slice.length),
    total_count: picked.length,
  });
}

export const tagHandlers: AsHandlers = {
  ListScalingTagInfosByTenantId: projectTags,
  ListScalingTagInfosByResourceId: resourceTags,
  CreateOrDeleteScalingTags: tagAction,
  ListResourceInstances: query,
};
