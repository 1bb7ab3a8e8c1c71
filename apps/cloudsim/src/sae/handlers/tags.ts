import type { SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { SaeApp } from '../model';
import type { Params } from '../params';
import type { SaeStore } from '../store';

const MAX_RESOURCES = 50;
const MAX_TAGS = 20;
const PAGE = 50;
const RESOURCE_TYPE = 'ALIYUN::SAE::APPLICATION';

function checkResourceType(params: Params): void {
  const type = params.str('ResourceType');
  if (type !== undefined && type.toLowerCase() !== 'application') {
    throw new SaeError('InvalidResourceType.NotFound');
  }
}

function resourceIds(params: Params, required: boolean): string[] | undefined {
  const ids = params.json<unknown>('ResourceIds');
  if (ids === undefined) {
    if (required) throw new SaeError('InvalidParameter.NotEmpty', 'ResourceIds');
    return undefined;
  }
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw new SaeError('InvalidParameter.Obviously', 'ResourceIds');
  }
  if (ids.length > MAX_RESOURCES) throw new SaeError('NumberExceed.ResourceIds');
  return [...new Set(ids as string[])];
}

/** Key and value rules of seed 000 §17.1: 1–128 characters, no `aliyun`/`acs:` prefix, no URL scheme. */
function reserved(text: string): boolean {
  return /^(aliyun|acs:)/i.test(text) || /https?:\/\//i.test(text);
}

function checkKey(key: unknown): string {
  if (key === undefined || key === null || key === '') throw new SaeError('Missing.TagKey');
  if (typeof key !== 'string' || key.length > 128 || reserved(key))
    throw new SaeError('InvalidParameter.TagKey');
  return key;
}

function checkValue(value: unknown): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 128 || reserved(value)) {
    throw new SaeError('InvalidParameter.TagValue');
  }
  return value;
}

interface TagPair {
  key: string;
  value?: string;
}

/** The `Tags` JSON parameter: `[{"key":"k1","value":"v1"}]`. */
function tagList(params: Params, valueRequired: boolean): TagPair[] | undefined {
  const raw = params.json<unknown>('Tags');
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw new SaeError('InvalidParameter.Obviously', 'Tags');
  if (raw.length > MAX_TAGS) throw new SaeError('NumberExceed.Tags');
  const seen = new Set<string>();
  return raw.map((entry) => {
    if (!entry || typeof entry !== 'object') throw new SaeError('InvalidParameter.Obviously', 'Tags');
    const e = entry as Record<string, unknown>;
    const key = checkKey(e.key);
    if (seen.has(key)) throw new SaeError('Duplicate.TagKey');
    seen.add(key);
    const value = valueRequired || e.value !== undefined ? checkValue(e.value) : undefined;
    return { key, value };
  });
}

/** Tagging and untagging name applications that must exist; an unknown id refuses the whole call. */
function apps(store: SaeStore, ids: string[]): SaeApp[] {
  return ids.map((id) => store.app(id));
}

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new SaeError('InvalidParameter.Obviously', 'NextToken');
  return Number(match[1]);
}

/** 标签管理: application tags, the same list ListApplications shows and filters on. */
export const tagHandlers: SaeHandlers = {
  TagResources({ params, store }) {
    checkResourceType(params);
    const ids = resourceIds(params, true) ?? [];
    const tags = tagList(params, true);
    if (!tags || tags.length === 0) throw new SaeError('InvalidParameter.NotEmpty', 'Tags');
    const targets = apps(store, ids);
    // All or nothing: the per-resource limit is checked for every app before any changes.
    const next = targets.map((app) => {
      const merged = new Map(app.Tags.map((t) => [t.Key, t.Value]));
      for (const t of tags) merged.set(t.key, t.value ?? '');
      if (merged.size > MAX_TAGS) throw new SaeError('NumberExceed.Tags');
      return { app, merged };
    });
    for (const { app, merged } of next) {
      app.Tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
    }
    return { data: true };
  },

  UntagResources({ params, store }) {
    checkResourceType(params);
    const ids = resourceIds(params, true) ?? [];
    const rawKeys = params.json<unknown>('TagKeys');
    const deleteAll = params.bool('DeleteAll') ?? false;
    let keys: string[] | undefined;
    if (rawKeys !== undefined) {
      if (!Array.isArray(rawKeys)) throw new SaeError('InvalidParameter.Obviously', 'TagKeys');
      if (rawKeys.length > MAX_TAGS) throw new SaeError('NumberExceed.Tags');
      keys = rawKeys.map(checkKey);
      if (new Set(keys).size !== keys.length) throw new SaeError('Duplicate.TagKey');
    }
    if (!deleteAll && (!keys || keys.length === 0)) throw new SaeError('Missing.TagKey');
    const targets = apps(store, ids);
    for (const app of targets) {
      app.Tags = deleteAll ? [] : app.Tags.filter((t) => !keys?.includes(t.Key));
    }
    return { data: true };
  },

  ListTagResources({ params, store }) {
    checkResourceType(params);
    const ids = resourceIds(params, false);
    const filter = tagList(params, false);
    if (ids === undefined && (filter === undefined || filter.length === 0)) {
      throw new SaeError('InvalidParameter.NotEmpty', 'ResourceIds');
    }
    const offset = decodeToken(params.str('NextToken'));
    const wanted = ids ? new Set(ids) : undefined;
    const rows = store
      .liveApps()
      .filter((app) => !wanted || wanted.has(app.AppId))
      .sort((a, b) => a.createdAt - b.createdAt || a.AppId.localeCompare(b.AppId))
      .flatMap((app) => {
        if (filter && filter.length > 0) {
          const hit = filter.map((f) =>
            app.Tags.find((t) => t.Key === f.key && (f.value === undefined || t.Value === f.value)),
          );
          // A tag filter selects apps carrying every given tag and lists those tags only.
          if (hit.some((t) => t === undefined)) return [];
          return hit.map((t) => ({ app, tag: t as { Key: string; Value: string } }));
        }
        return app.Tags.map((tag) => ({ app, tag }));
      })
      .map(({ app, tag }) => ({
        ResourceId: app.AppId,
        ResourceType: RESOURCE_TYPE,
        TagKey: tag.Key,
        TagValue: tag.Value,
      }));
    const page = rows.slice(offset, offset + PAGE);
    const more = offset + PAGE < rows.length;
    return { data: { NextToken: more ? encodeToken(offset + PAGE) : '', TagResources: page } };
  },
};
