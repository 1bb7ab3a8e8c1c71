import { readSeed } from '@console/testkit/seeds';
import { describe, expect, it } from 'vitest';
import {
  AS_DESIRED_FIELDS,
  asActivityTypes,
  asApiByName,
  asApis,
  asErrors,
  asFamilyTitles,
  asLifeCycleStates,
  asLifecycleHookStatuses,
  asQuotaTypes,
  asTopicScenes,
} from '../src';

const seed = readSeed('004');
// The PDF dump breaks URIs and error codes across lines and inside words ("AS.002 2"), so the seed is
// matched with all whitespace removed.
const flat = seed.replace(/\s+/g, '');

/** Every `METHOD /autoscaling-api/...` URI line of the seed's API sections, whitespace removed. */
function seedUris(): Set<string> {
  const uris = new Set<string>();
  for (const m of flat.matchAll(
    /URI(?:```)?(GET|POST|PUT|DELETE)(\/autoscaling-api\/v[12]\/\{project_id\}[A-Za-z_{}/]*)/g,
  )) {
    uris.add(`${m[1]} ${m[2]?.replace(/\/$/, '')}`);
  }
  return uris;
}

describe('Huawei AS catalogue', () => {
  it('lists 38 APIs with unique names, sections and method + path', () => {
    expect(asApis).toHaveLength(38);
    expect(new Set(asApis.map((a) => a.name)).size).toBe(38);
    expect(new Set(asApis.map((a) => a.section)).size).toBe(38);
    expect(new Set(asApis.map((a) => `${a.method} ${a.path}`)).size).toBe(38);
    expect(asApiByName.CompleteLifecycleAction.path).toContain('/callback');
  });

  it('matches the URIs the seed documents, both ways', () => {
    const documented = [...seedUris()].sort();
    expect(documented).toEqual(asApis.map((a) => `${a.method} ${a.path}`).sort());
  });

  it('has every API in the seed under its section number and title', () => {
    for (const a of asApis) {
      expect(flat.includes(`${a.section}${a.title.replace(/\s+/g, '')}`), a.name).toBe(true);
      expect(flat.includes(`${a.method}${a.path}`), a.name).toBe(true);
    }
  });

  it('documents every query and body parameter with the seed row name + required flag + type', () => {
    for (const a of asApis) {
      for (const p of [...a.query, ...a.body]) {
        const row = `${p.name}${p.required ? '是' : '否'}${p.type.replace(/\s+/g, '')}`;
        expect(flat.includes(row), `${a.name} ${row}`).toBe(true);
      }
    }
  });

  it('documents every response field with the seed row name + type', () => {
    for (const a of asApis) {
      if (a.status === 204) expect(a.response, a.name).toHaveLength(0);
      for (const f of a.response) {
        expect(flat.includes(`${f.name}${f.type.replace(/\s+/g, '')}`), `${a.name} ${f.name}`).toBe(true);
      }
    }
  });

  it('gives the seed success status after each API', () => {
    const sections = seed.split(/\n(?=5\.\d\.\d+ )/);
    for (const a of asApis) {
      const text = sections.findLast((s) => s.startsWith(`${a.section} `));
      expect(text, a.name).toBeDefined();
      expect(text?.match(/正常\s*\n\s*(\d{3})/)?.[1], a.name).toBe(String(a.status));
    }
  });

  it('spreads the APIs over the nine seed families', () => {
    const counts: Record<string, number> = {};
    for (const a of asApis) counts[a.family] = (counts[a.family] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(Object.keys(asFamilyTitles).sort());
    expect(counts).toMatchObject({
      group: 6,
      configuration: 5,
      instance: 3,
      policy: 6,
      lifecycleHook: 7,
      tag: 4,
    });
  });

  it('keeps both spellings of the desired count where the tables have them', () => {
    expect(asApiByName.CreateScalingGroup.body.map((p) => p.name)).toContain(AS_DESIRED_FIELDS[0]);
    expect(asApiByName.UpdateScalingGroup.body.map((p) => p.name)).toContain(AS_DESIRED_FIELDS[1]);
    expect(flat).toContain('"desire_instance_number":0');
  });

  it('takes every error code with its status and message from appendix A.2', () => {
    const appendix = flat.slice(flat.indexOf('A.2错误码'));
    const documented = new Set(
      [...appendix.matchAll(/(?:400|401|403|404|500)(AS\.(?:00011|\d{4}))/g)].map((m) => m[1]),
    );
    expect(documented.size).toBe(232);
    expect(Object.keys(asErrors).sort()).toEqual([...documented].sort());
    for (const [code, e] of Object.entries(asErrors)) {
      // The dump splits codes like "AS.002 2"; whitespace is gone in `flat`.
      expect(flat.includes(`${e.status}${code}${e.message.replace(/\s+/g, '')}`), code).toBe(true);
    }
  });

  it('takes the enumerations from the seed', () => {
    for (const v of [...asLifeCycleStates, ...asActivityTypes, ...asTopicScenes, ...asQuotaTypes]) {
      expect(seed).toContain(v);
    }
    for (const v of asLifecycleHookStatuses) expect(seed).toContain(`${v}：`);
  });
});
