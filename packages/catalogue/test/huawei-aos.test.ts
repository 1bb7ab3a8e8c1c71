import { readSeed } from '@console/testkit/seeds';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AosApiName,
  aosApiByName,
  aosApis,
  aosErrors,
  aosExecutionActions,
  aosInputConstraints,
  aosInputTypes,
  aosLegacyErrors,
  aosLifecycles,
  aosStackPhases,
  aosStackStatuses,
} from '../src';

const seed = readSeed('003');
// The PDF dump breaks table cells across lines ("SVCSTG.AOS. 4001013"), so rows are matched flat.
const flat = seed.replace(/\s+/g, '');

/** The text of one API section (from `4.N title` to the next `4.N+1`). */
function section(no: string): string {
  const n = Number(no.split('.')[1]);
  const start = seed.indexOf(`\n${no} `, seed.indexOf('4 API\n\n4.1'));
  const next = n < 18 ? seed.indexOf(`\n4.${n + 1} `, start + 1) : seed.indexOf('\n5 附录', start);
  return seed.slice(start, next);
}

describe('AOS catalogue', () => {
  it('lists the 18 APIs of seed 003 with unique names and unique method + path', () => {
    expect(aosApis).toHaveLength(18);
    expect(new Set(aosApis.map((a) => a.name)).size).toBe(18);
    expect(new Set(aosApis.map((a) => `${a.method} ${a.path}`)).size).toBe(18);
  });

  it('finds every API in the seed: table of contents, section title, URI line and statuses', () => {
    let found = 0;
    for (const api of aosApis) {
      expect(seed.includes(`${api.section} ${api.title}.....`), `${api.name} in the TOC`).toBe(true);
      const text = section(api.section);
      expect(text.startsWith(`\n${api.section} ${api.title}`), api.name).toBe(true);
      expect(text.includes(`${api.method} ${api.seedUri}\n`), `${api.name} URI`).toBe(true);
      const flatText = text.replace(/\s+/g, '');
      expect(flatText.includes(`状态码描述${api.successStatus}`), `${api.name} ${api.successStatus}`).toBe(
        true,
      );
      for (const status of api.errorStatuses)
        expect(flatText.includes(`${status}`), `${api.name} ${status}`).toBe(true);
      found++;
    }
    expect(found).toBe(18);
  });

  it('names every parameter and response field the way the API section spells it', () => {
    for (const api of aosApis) {
      const text = section(api.section);
      // Table 4-2 (UploadResource) sits in 4.1; update template refers to it.
      const where = api.name === 'UpdateTemplate' ? text + section('4.1') : text;
      for (const param of api.params) {
        const leaf = param.name.split('.').pop()?.replace('[]', '') as string;
        expect(where.includes(leaf), `${api.name} ${param.name}`).toBe(true);
      }
      // List answers and the element detail point to the tables of a neighbouring section.
      const sibling: Partial<Record<AosApiName, string>> = {
        ListStacks: '4.12',
        ListStackExecutions: '4.17',
        ShowStackElement: '4.13',
      };
      const other = sibling[api.name];
      const fields = other ? where + section(other) : where;
      for (const field of api.response) {
        const leaf = field.path.split('.').pop()?.replace('[]', '') as string;
        if (leaf === '' || leaf === '{key}') continue;
        expect(fields.includes(leaf), `${api.name} ${field.path}`).toBe(true);
      }
    }
  });

  it('marks the required parameters as the seed tables do', () => {
    const required = (n: AosApiName) =>
      aosApiByName[n].params.filter((x) => x.required && x.in !== 'path').map((x) => x.name);
    expect(required('CreateTemplate')).toEqual(['resource', 'resource.name', 'resource.version']);
    expect(required('CreateStack')).toEqual([
      'name',
      'project_id',
      'template_id',
      'action_parameters.auto_create',
    ]);
    expect(required('ExecuteStackLifecycle')).toEqual([
      'nodes[].name',
      'nodes[].parameters.instances',
      'lifecycle',
    ]);
    expect(required('ListStacks')).toEqual(['project_id']);
    expect(flat.includes('lifecycle是String生命周期名称')).toBe(true);
    expect(flat.includes('auto_create是Boolean默认为true')).toBe(true);
  });

  it('keeps the seed enumerations exactly', () => {
    expect(Object.keys(aosStackStatuses)).toHaveLength(7);
    for (const [value, cn] of Object.entries(aosStackStatuses))
      expect(flat.includes(`${value}:${cn}`), value).toBe(true);
    expect(Object.keys(aosStackPhases)).toHaveLength(45);
    for (const [value, cn] of Object.entries(aosStackPhases))
      expect(flat.includes(`${value}${cn}`), value).toBe(true);
    expect(flat.includes('create创建/delete删除/upgrade变更/rollback回滚/retry重试')).toBe(true);
    expect(Object.keys(aosLifecycles)).toEqual(['create', 'delete', 'upgrade', 'rollback', 'retry']);
    for (const action of aosExecutionActions) expect(flat.includes(`${action}（`), action).toBe(true);
    for (const type of aosInputTypes) expect(flat.includes(`${type}:`), type).toBe(true);
    for (const c of aosInputConstraints) expect(section('4.7').includes(c), c).toBe(true);
  });

  it('takes every error code, its HTTP status and its description from appendix 5.2', () => {
    const codes = Object.values(aosErrors).map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [key, err] of Object.entries(aosErrors)) {
      const status = 'seedStatus' in err ? err.seedStatus : String(err.status);
      expect(flat.includes(`${status}${err.code}${err.description}`.replace(/\s+/g, '')), key).toBe(true);
      expect(err.code.slice(11, 14), key).toBe(String(err.status));
    }
    // The canonical body example of §3.3 / §5.2.
    expect(flat.includes(`"code":"${aosErrors.templateNameUsed.code}"`)).toBe(true);
    expect(flat.includes(`"message":"${aosErrors.templateNameUsed.message.replace(/\s+/g, '')}"`)).toBe(true);
    // The legacy shape of table 4-5, with the sample's own code.
    expect(
      flat.includes(`"message":"${aosLegacyErrors.nameEmpty.message.replace(/\s+/g, '')}","code":"02000005"`),
    ).toBe(true);
  });

  it('types API names from the data', () => {
    expectTypeOf<'CreateStack'>().toMatchTypeOf<AosApiName>();
    // @ts-expect-error not an API of seed 003
    const missing: AosApiName = 'StartStack';
    expect(missing).toBeDefined();
  });
});
