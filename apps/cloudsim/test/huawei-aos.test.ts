import { deflateRawSync, gzipSync } from 'node:zlib';
import { aosApiByName, aosApis } from '@console/catalogue';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../src/clock';
import { multipartBoundary, parseMultipart } from '../src/huawei/aos/multipart';
import { AOS_SEED, nginxBlueprint } from '../src/huawei/aos/seed';
import { AosWorld } from '../src/huawei/aos/world';
import { parseYaml } from '../src/huawei/aos/yaml';
import type { HuaweiRequest, HuaweiResponse } from '../src/huawei/types';

// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON answers freely
type Loose = any;
type Json = Record<string, Loose>;

const PROJECT = 'p1';

interface Call {
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  projectId?: string;
}

/** A simulated AOS account on a frozen clock, with the request builder the shared front would hand over. */
function world(seed = true) {
  const clock = new SimClock({ timeScale: 0, start: Date.UTC(2026, 0, 5, 8, 0, 0) });
  const aos = new AosWorld({ clock, projectId: PROJECT, seed });
  let n = 0;
  const request = (method: string, path: string, call: Call = {}): HuaweiRequest => {
    const raw = call.body;
    const body = Buffer.isBuffer(raw)
      ? raw
      : raw === undefined
        ? Buffer.alloc(0)
        : Buffer.from(JSON.stringify(raw));
    return {
      method,
      path,
      query: new URLSearchParams(call.query ?? {}),
      headers: { 'content-type': 'application/json', ...call.headers },
      body,
      projectId: call.projectId ?? PROJECT,
      domainId: 'd1',
      userId: 'u1',
      requestId: `req-${++n}`,
      now: clock.now(),
    };
  };
  const send = (method: string, path: string, call: Call = {}): HuaweiResponse => {
    const response = aos.handle(request(method, path, call));
    if (!response) throw new Error(`no AOS API for ${method} ${path}`);
    return response;
  };
  const json = (method: string, path: string, call: Call = {}) => {
    const r = send(method, path, call);
    return { status: r.status, body: r.body as Loose, headers: r.headers ?? {}, code: r.code, api: r.api };
  };
  return { clock, aos, request, send, json };
}

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
}

function multipart(parts: Part[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----cloudsimBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename ? `; filename="${part.filename}"` : '';
    const type = part.filename ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n${type}\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (resource: object | undefined, archive?: Part['value'], filename?: string) =>
  multipart([
    ...(resource ? [{ name: 'resource', value: JSON.stringify(resource) }] : []),
    ...(archive !== undefined
      ? [{ name: 'archive_content', value: archive, ...(filename ? { filename } : {}) }]
      : []),
  ]);

/** A ustar archive of the given files, gzip'd (what `tar czf` writes). */
function tarGz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** A zip of deflated entries (the reader does not check CRCs). */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    central.push(dir, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

const SMALL = `tosca_definitions_version: cloud_tosca_version_1_0
description: tiny
inputs:
  image:
    type: string
    default: nginx:1.25
  replicas:
    type: integer
    default: 1
    constraints:
      in_range: [0, 10]
node_templates:
  web:
    type: Cloud.CCE.Deployment
    properties:
      image: {get_input: image}
      instances: {get_input: replicas}
`;

function expectError(r: { status: number; body: Loose; code?: string }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.code).toBe(code);
  expect(r.code).toBe(code);
  if (code.startsWith('SVCSTG.AOS.')) {
    expect(Object.keys(r.body).sort()).toEqual(['code', 'extend', 'message', 'showdetail']);
    expect(typeof r.body.message).toBe('string');
  }
}

/** A world with one uploaded small template; returns its id. */
function withTemplate(w: ReturnType<typeof world>, text = SMALL, name = 'small') {
  const r = w.json('POST', '/v2/templates', upload({ name, version: '1.0.0', content_type: 'yaml' }, text));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

function stackNamed(w: ReturnType<typeof world>, name: string): Json {
  const list = w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, name } });
  expect(list.status).toBe(200);
  return list.body[0];
}

const STEP = 4_000;

describe('AOS simulator: every API of seed 003', () => {
  it('answers all 18 APIs with the seed status and shape', () => {
    const w = world();
    const answered = new Set<string>();
    const check = (r: ReturnType<typeof w.json>) => {
      const spec = aosApis.find((a) => a.name === r.api);
      expect(spec, r.api).toBeDefined();
      expect(r.status, `${r.api} ${JSON.stringify(r.body)}`).toBe(spec?.successStatus);
      answered.add(r.api);
      return r.body;
    };
    const yamlPart = upload(
      { name: 'walk', version: '1.0.0', description: 'walk', content_type: 'yaml' },
      SMALL,
    );
    const created = check(w.json('POST', '/v2/templates', yamlPart));
    expect(Object.keys(created)).toEqual(['id']);
    const id = created.id as string;

    const list = w.json('GET', '/v2/templates', { query: { offset: '0', limit: '2' } });
    const page = check(list);
    expect(page).toHaveLength(2);
    expect(list.headers['Content-Range']).toBe('items 0-1/5');
    for (const f of aosApiByName.ListTemplates.response)
      expect(page[0], f.path).toHaveProperty(f.path.slice(3));

    const shown = check(w.json('GET', `/v2/templates/${id}`));
    for (const f of aosApiByName.ShowTemplate.response) expect(shown, f.path).toHaveProperty(f.path);
    expect(shown).toMatchObject({
      name: 'walk',
      version: '1.0.0',
      scope: 'domain',
      need_cluster: true,
      is_used: false,
    });

    const inputs = check(w.json('GET', `/v2/templates/${id}/inputs`));
    expect(inputs.replicas).toMatchObject({
      type: 'integer',
      default: 1,
      constraints: { in_range: [0, 10] },
    });

    const archive = w.send('GET', `/v2/templates/${id}/archive`);
    check({ ...archive, body: archive.body as Loose, headers: archive.headers ?? {}, code: archive.code });
    expect(archive.headers?.['Content-Type']).toBe('application/octet-stream;charset=UTF-8');
    expect((archive.body as Buffer).toString()).toBe(SMALL);

    const updated = check(
      w.json(
        'PUT',
        `/v2/templates/${id}`,
        upload({ name: 'walk', version: '1.0.1', content_type: 'yaml' }, SMALL),
      ),
    );
    expect(updated).toEqual({ id });

    const stack = check(
      w.json('POST', '/v2/stacks', {
        body: { name: 'walk-stack', project_id: PROJECT, template_id: id, inputs_json: { replicas: 2 } },
      }),
    );
    for (const f of aosApiByName.CreateStack.response) expect(stack, f.path).toHaveProperty(f.path);
    expect(stack).not.toHaveProperty('object');
    expect(stack).not.toHaveProperty('health');
    expect(stack.labels).toBe('');
    const sid = stack.guid as string;

    const action = check(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'create', timeout: 20 } }),
    );
    expect(Object.keys(action)).toEqual(['action_id', 'last_action_id']);
    expect(action.action_id).toMatch(/^walk-stack-\d{10}$/);
    w.clock.advance(STEP);

    const stacks = check(w.json('GET', '/v2/stacks', { query: { project_id: PROJECT } }));
    expect(stacks.map((s: Json) => s.name)).toContain('walk-stack');
    const full = check(w.json('GET', `/v2/stacks/${sid}`));
    for (const f of aosApiByName.ShowStack.response) expect(full, f.path).toHaveProperty(f.path);
    expect(full.object).toMatchObject({
      kind: 'Stack',
      apiVersion: 'paas/v1alpha1',
      status: { phase: 'CreateSucceeded' },
    });
    expect(full.status).toBe('Running');

    const elements = check(w.json('GET', `/v2/stacks/${sid}/elements`));
    expect(elements[0]).toMatchObject({ id: 'web', type: 'Cloud.CCE.Deployment', stack_id: sid });
    const element = check(w.json('GET', `/v2/stacks/${sid}/elements/web`));
    expect(element.instances.items).toHaveLength(2);
    const outputs = check(w.json('GET', `/v2/stacks/${sid}/outputs`));
    expect(outputs).toEqual({ outputs: {} });
    const stackInputs = check(w.json('GET', `/v2/stacks/${sid}/inputs`));
    expect(stackInputs).toEqual({ inputs: { image: 'nginx:1.25', replicas: 2 } });
    const execution = check(w.json('GET', `/v2/stacks/${sid}/actions/${action.action_id}`));
    // `message` and `reason` appear only when there is something to say, as in the samples.
    for (const f of aosApiByName.ShowStackExecution.response)
      if (!/\.(message|reason)$/.test(f.path)) expect(execution, f.path).toHaveProperty(f.path);
    expect(execution.status).toMatchObject({
      actionName: 'create',
      progress: 100,
      objectStatus: { phase: 'Succeeded' },
    });
    const executions = check(w.json('GET', `/v2/stacks/${sid}/actions`, { query: { last: 'true' } }));
    expect(executions).toHaveLength(1);

    expect(check(w.json('DELETE', `/v2/stacks/${sid}`))).toEqual({});
    w.clock.advance(10_000);
    const other = w.json(
      'POST',
      '/v2/templates',
      upload({ name: 'gone', version: '1', content_type: 'yaml' }, SMALL),
    );
    const deleted = w.send('DELETE', `/v2/templates/${other.body.id}`);
    check({ ...deleted, body: deleted.body as Loose, headers: {}, code: deleted.code });
    expect(deleted.body).toBeUndefined();

    expect(answered.size).toBe(18);
    console.log(`${answered.size} of ${aosApis.length} AOS APIs answered as documented`);
  });

  it('returns undefined for paths and methods AOS does not have', () => {
    const w = world(false);
    expect(w.aos.handle(w.request('GET', '/v2/nothing'))).toBeUndefined();
    expect(w.aos.handle(w.request('POST', '/v2/templates/abc'))).toBeUndefined();
    expect(w.aos.handle(w.request('GET', '/autoscaling-api/v1/p1/scaling_group'))).toBeUndefined();
    expect(w.aos.handle(w.request('GET', '/v2/stacks/'))).toBeDefined();
  });
});

describe('AOS templates', () => {
  it('uploads yaml, json, tar.gz and zip packages and reads the main file out of them', () => {
    const w = world(false);
    const json = JSON.stringify({
      tosca_definitions_version: 'cloud_tosca_version_1_0',
      node_templates: { vpc: { type: 'Cloud.VPC.VPC', properties: { cidr: '10.0.0.0/16' } } },
    });
    expect(
      w.json('POST', '/v2/templates', upload({ name: 'as-json', version: '1', content_type: 'json' }, json))
        .status,
    ).toBe(201);
    const tgz = tarGz({ 'pkg/blueprint.yaml': SMALL, 'pkg/README.md': '# hi' });
    const t1 = w.json('POST', '/v2/templates', upload({ name: 'as-tgz', version: '1' }, tgz, 'pkg.tar.gz'));
    expect(t1.status).toBe(201);
    expect(w.send('GET', `/v2/templates/${t1.body.id}/archive`).body).toEqual(tgz);
    const z = zip({ 'main.yaml': SMALL });
    const t2 = w.json(
      'POST',
      '/v2/templates',
      upload({ name: 'as-zip', version: '1', main_file_name: 'main.yaml' }, z, 'p.zip'),
    );
    expect(t2.status, JSON.stringify(t2.body)).toBe(201);
    expect(w.json('GET', `/v2/templates/${t2.body.id}`).body.main_file_name).toBe('main.yaml');
    expect(w.json('GET', `/v2/templates/${t2.body.id}/inputs`).body.image.default).toBe('nginx:1.25');
    const bare = w.json(
      'POST',
      '/v2/templates',
      upload({ name: 'as-file', version: '1' }, SMALL, 'blueprint.yaml'),
    );
    expect(bare.status).toBe(201);
    const url = w.json(
      'POST',
      '/v2/templates',
      upload({ name: 'by-url', version: '1', origin_template_url: 'https://obs.example.com/pkgs/app-1.tgz' }),
    );
    expect(url.status).toBe(201);
    expect(w.json('GET', `/v2/templates/${url.body.id}`).body.origin_template_url).toBe(
      'https://obs.example.com/pkgs/app-1.tgz',
    );
    expect(w.json('GET', '/v2/templates').body).toHaveLength(5);
  });

  it('refuses bad uploads with the seed codes', () => {
    const w = world(false);
    const post = (m: ReturnType<typeof multipart>) => w.json('POST', '/v2/templates', m);
    expectError(w.json('POST', '/v2/templates', { body: { name: 'x' } }), 400, 'SVCSTG.AOS.4001800');
    expectError(post(upload(undefined, SMALL)), 400, 'SVCSTG.AOS.4001102');
    expectError(post(multipart([{ name: 'resource', value: '{oops' }])), 400, 'SVCSTG.AOS.4001103');
    // The create-template sample's own error: table 4-5's shape and 8-digit code.
    const empty = post(upload({ version: '1', content_type: 'yaml' }, SMALL));
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({
      message: 'Parameters validate err, The name should not be empty.',
      code: '02000005',
      extend: '',
    });
    expectError(post(upload({ name: 'Bad_Name', version: '1' }, SMALL)), 400, 'SVCSTG.AOS.4001104');
    expectError(post(upload({ name: 'ends-', version: '1' }, SMALL)), 400, 'SVCSTG.AOS.4001104');
    expectError(post(upload({ name: 'ok', content_type: 'yaml' }, SMALL)), 400, 'SVCSTG.AOS.4001106');
    expectError(
      post(upload({ name: 'ok', version: '1..2', content_type: 'yaml' }, SMALL)),
      400,
      'SVCSTG.AOS.4001106',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', description: 'a<b' }, SMALL)),
      400,
      'SVCSTG.AOS.4001105',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', vendor: 'x'.repeat(65) }, SMALL)),
      400,
      'SVCSTG.AOS.4001107',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', scope: 'public' }, SMALL)),
      400,
      'SVCSTG.AOS.4001108',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', main_file_name: 'main.yml' }, SMALL)),
      400,
      'SVCSTG.AOS.4001115',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', content_type: 'xml' }, SMALL)),
      400,
      'SVCSTG.AOS.4001118',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', dsl_version: 'v2' }, SMALL)),
      400,
      'SVCSTG.AOS.4001117',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', origin_template_url: 'https://h/p.tgz' }, SMALL)),
      400,
      'SVCSTG.AOS.4001000',
    );
    expectError(post(upload({ name: 'ok', version: '1' })), 400, 'SVCSTG.AOS.4001001');
    expectError(
      post(upload({ name: 'ok', version: '1', origin_template_url: 'https://h/p.rar' })),
      400,
      'SVCSTG.AOS.4001111',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, '')),
      400,
      'SVCSTG.AOS.4001007',
    );
    expectError(
      post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, 'a: [')),
      400,
      'SVCSTG.AOS.4001119',
    );
    const noDsl = SMALL.replace('cloud_tosca_version_1_0', 'tosca_simple_yaml_1_0');
    expectError(
      post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, noDsl)),
      400,
      'SVCSTG.AOS.4001119',
    );
    const undeclared = SMALL.replace('{get_input: image}', '{get_input: nope}');
    expectError(
      post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, undeclared)),
      400,
      'SVCSTG.AOS.4001119',
    );
    expectError(
      post(upload({ name: 'ok', version: '1' }, tarGz({ 'x.yaml': SMALL }), 'p.tgz')),
      400,
      'SVCSTG.AOS.4000133',
    );
    expectError(
      post(upload({ name: 'ok', version: '1' }, Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'p.tgz')),
      400,
      'SVCSTG.AOS.4001004',
    );
    expectError(
      post(upload({ name: 'ok', version: '1' }, Buffer.from([0xff, 0xfe, 0x00]), 'b.yaml')),
      400,
      'SVCSTG.AOS.4001122',
    );
    expect(post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, SMALL)).status).toBe(201);
    const dup = post(upload({ name: 'ok', version: '1', content_type: 'yaml' }, SMALL));
    expectError(dup, 400, 'SVCSTG.AOS.4001110');
    expect(dup.body).toEqual({
      code: 'SVCSTG.AOS.4001110',
      extend: 'The template already exists!',
      message: 'Bad request, name of template is already used.',
      showdetail: false,
    });
    expect(post(upload({ name: 'ok', version: '2', content_type: 'yaml' }, SMALL)).status).toBe(201);
  });

  it('pages the list with offset/limit and Content-Range, and filters it', () => {
    const w = world();
    for (let i = 0; i < 6; i++) withTemplate(w, SMALL, `page-${i}`);
    const all = w.json('GET', '/v2/templates');
    expect(all.headers['Content-Range']).toBe('items 0-9/10');
    const second = w.json('GET', '/v2/templates', { query: { offset: '4', limit: '4' } });
    expect(second.body.map((t: Json) => t.name)).toEqual(['page-0', 'page-1', 'page-2', 'page-3']);
    expect(second.headers['Content-Range']).toBe('items 4-7/10');
    const last = w.json('GET', '/v2/templates', { query: { offset: '8', limit: '4' } });
    expect(last.body).toHaveLength(2);
    expect(last.headers['Content-Range']).toBe('items 8-9/10');
    expect(
      w.json('GET', '/v2/templates', { query: { offset: '20', limit: '4' } }).headers['Content-Range'],
    ).toBe('items */10');
    expect(
      w.json('GET', '/v2/templates', { query: { name: 'nginx-app' } }).body.map((t: Json) => t.version),
    ).toEqual(['1.0.0', '2.0.0']);
    const used = w.json('GET', '/v2/templates', { query: { check_used: 'true', name: 'nginx-app' } }).body;
    expect(used.map((t: Json) => t.is_used)).toEqual([true, false]);
    expect(w.json('GET', '/v2/templates', { query: { name: 'nginx-app' } }).body[0].is_used).toBe(false);
    expect(w.json('GET', '/v2/templates', { query: { include_stack: 'true' } }).body).toEqual([]);
    expectError(
      w.json('GET', '/v2/templates', { query: { offset: '-1', limit: '2' } }),
      400,
      'SVCSTG.AOS.4000010',
    );
    expectError(w.json('GET', '/v2/templates', { query: { check_used: 'yes' } }), 400, 'SVCSTG.AOS.4000010');
  });

  it('updates and deletes only templates no stack uses', () => {
    const w = world();
    const byName = (name: string, version: string) =>
      w.json('GET', '/v2/templates', { query: { name } }).body.find((t: Json) => t.version === version);
    const used = byName('nginx-app', '1.0.0');
    const free = byName('nginx-app', '2.0.0');
    const inUse = w.json('DELETE', `/v2/templates/${used.id}`);
    expectError(inUse, 409, 'SVCSTG.AOS.4091010');
    expect(inUse.body.extend).toContain(AOS_SEED.failedUpgrade);
    expectError(
      w.json('PUT', `/v2/templates/${used.id}`, upload({ version: '1.0.0', content_type: 'yaml' }, SMALL)),
      409,
      'SVCSTG.AOS.4091010',
    );
    expectError(
      w.json('PUT', `/v2/templates/${free.id}`, upload({ name: 'renamed' }, SMALL, 'b.yaml')),
      400,
      'SVCSTG.AOS.4001008',
    );
    expectError(
      w.json('PUT', `/v2/templates/${free.id}`, upload({ main_file_name: 'other.yaml' }, SMALL, 'b.yaml')),
      400,
      'SVCSTG.AOS.4001013',
    );
    expectError(
      w.json('PUT', `/v2/templates/${free.id}`, upload({ version: '1.0.0', content_type: 'yaml' }, SMALL)),
      400,
      'SVCSTG.AOS.4001110',
    );
    w.clock.advance(60_000);
    // The seed's update example sends only archive_content.
    const onlyFile = w.json('PUT', `/v2/templates/${free.id}`, upload(undefined, SMALL, 'blueprint.yaml'));
    expect(onlyFile).toMatchObject({ status: 200, body: { id: free.id } });
    const after = w.json('GET', `/v2/templates/${free.id}`).body;
    expect(after.update_at > after.create_at).toBe(true);
    expect(Object.keys(w.json('GET', `/v2/templates/${free.id}/inputs`).body)).toEqual(['image', 'replicas']);
    expect(w.send('DELETE', `/v2/templates/${free.id}`).status).toBe(204);
    expectError(w.json('GET', `/v2/templates/${free.id}`), 404, 'SVCSTG.AOS.4040012');
    expectError(w.json('DELETE', `/v2/templates/${free.id}`), 404, 'SVCSTG.AOS.4040012');
    expectError(w.json('GET', `/v2/templates/${'x'.repeat(65)}/inputs`), 400, 'SVCSTG.AOS.4001500');
    expectError(w.json('GET', '/v2/templates/nope/archive'), 404, 'SVCSTG.AOS.4040012');
  });

  it('describes the inputs as table 4-32 does', () => {
    const w = world();
    const t = w.json('GET', '/v2/templates', { query: { name: 'nginx-app' } }).body[0];
    const inputs = w.json('GET', `/v2/templates/${t.id}/inputs`).body;
    expect(inputs['log-level']).toEqual({
      default: 'info',
      required: false,
      type: 'enum',
      constraints: { valid_values: ['debug', 'info', 'warn', 'error'] },
      immutable: false,
    });
    expect(inputs['container-port']).toMatchObject({ type: 'integer', default: 80, immutable: true });
    expect(inputs['service-port'].constraints).toEqual({ greater_or_equal: 30000, less_or_equal: 32767 });
    expect(inputs['admin-password']).toMatchObject({ type: 'password', advanced: true });
    const ecs = w.json('GET', '/v2/templates', { query: { name: 'ecs-vpc-sample' } }).body[0];
    const ecsInputs = w.json('GET', `/v2/templates/${ecs.id}/inputs`).body;
    expect(ecsInputs['sshKey-name']).toEqual({
      required: true,
      description: 'ssh密钥对##SSH key pair',
      type: 'string',
      label: '弹性云服务器##ECS',
      immutable: false,
    });
    expect(ecsInputs.az.type).toBe('Cloud.ECS.AvailabilityZone.Name');
  });
});

describe('AOS stacks', () => {
  it('creates a stack and installs it over simulated time (auto_create)', () => {
    const w = world(false);
    const tid = withTemplate(w, nginxBlueprint(), 'nginx');
    const created = w.json('POST', '/v2/stacks', {
      body: {
        name: 'web',
        project_id: PROJECT,
        template_id: tid,
        labels: { app: 'web' },
        cluster_id: 'c-1',
        inputs_json: { replicas: 3 },
        action_parameters: { auto_create: true, timeout: 30 },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'web',
      status: 'Processing',
      labels: '{"app":"web"}',
      namespace: 'default',
    });
    expect(JSON.parse(created.body.inputs_json)).toMatchObject({ replicas: 3, 'admin-password': '*****' });
    const sid = created.body.guid;
    const show = () => w.json('GET', `/v2/stacks/${sid}`).body;
    expect(show().object.status.phase).toBe('Creating');
    expect(show().object.status.lastExecutionStatus.progress).toBe(0);
    const [exec] = w.json('GET', `/v2/stacks/${sid}/actions`).body;
    expect(exec.spec).toMatchObject({ actionName: 'create', source: 'System', timeoutInMinutes: 30 });
    w.clock.advance(STEP);
    expect(show().object.status.lastExecutionStatus.progress).toBe(33);
    expect(w.json('GET', `/v2/stacks/${sid}/elements/nginx-config`).body.action_status.phase).toBe(
      'Succeeded',
    );
    expect(w.json('GET', `/v2/stacks/${sid}/elements/nginx-app`).body.action_status.phase).toBe('Running');
    expect(w.json('GET', `/v2/stacks/${sid}/outputs`).body.outputs.address_ip.value).toEqual([]);
    w.clock.advance(2 * STEP);
    const done = show();
    expect(done).toMatchObject({ status: 'Running', health: { healthy: true } });
    expect(done.object.status.phase).toBe('CreateSucceeded');
    expect(done.object.status.lastExecutionStatus).toMatchObject({ actionName: 'create', progress: 100 });
    const outputs = w.json('GET', `/v2/stacks/${sid}/outputs`).body.outputs;
    expect(outputs.address_ip.value).toHaveLength(3);
    expect(outputs.address_port).toEqual({ value: '30080', description: 'port of nginx-service' });
    const app = w.json('GET', `/v2/stacks/${sid}/elements/nginx-app`).body;
    expect(app.instances.items).toHaveLength(3);
    expect(app.properties).toMatchObject({
      image: 'swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25',
      instances: 3,
    });
    expect(app.relationships[0]).toMatchObject({ name: 'configMap', target_id: 'nginx-config' });
    expect(w.json('GET', `/v2/stacks/${sid}/elements/nginx-config`).body.instances.items).toEqual([]);
    expect(
      w
        .json('GET', `/v2/stacks/${sid}/elements`, { query: { element_type: 'Service' } })
        .body.map((e: Json) => e.id),
    ).toEqual(['nginx-service']);
    expect(w.json('GET', `/v2/stacks/${sid}/inputs`).body.inputs['admin-password']).toBe('*****');
    expect(
      w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, labels: 'app=web' } }).body,
    ).toHaveLength(1);
    expect(
      w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, status: 'Abnormal' } }).body,
    ).toHaveLength(0);
    expectError(w.json('GET', `/v2/stacks/${sid}/elements/nope`), 404, 'SVCSTG.AOS.4040013');
  });

  it('refuses bad create requests with the seed codes', () => {
    const w = world();
    const tid = withTemplate(w, nginxBlueprint(), 'nginx2');
    const base = { name: 'ok-stack', project_id: PROJECT, template_id: tid };
    const post = (body: unknown) => w.json('POST', '/v2/stacks', { body });
    expectError(w.json('POST', '/v2/stacks', { body: Buffer.from('{') }), 400, 'SVCSTG.AOS.4002000');
    expectError(post({ ...base, name: 'Upper' }), 400, 'SVCSTG.AOS.4002001');
    expectError(post({ ...base, project_id: 'someone-else' }), 400, 'SVCSTG.AOS.4002003');
    expectError(post({ ...base, description: 'x'.repeat(256) }), 400, 'SVCSTG.AOS.4002002');
    expectError(post({ ...base, template_id: '' }), 400, 'SVCSTG.AOS.4002004');
    expectError(
      post({ ...base, template_id: 'b417b635-6ab2-1fed-b593-b129a9923ba2' }),
      404,
      'SVCSTG.AOS.4040012',
    );
    expectError(post({ ...base, labels: { 'bad key': 'v' } }), 400, 'SVCSTG.AOS.4002024');
    expectError(post({ ...base, inputs_json: [1] }), 400, 'SVCSTG.AOS.4002008');
    expectError(post({ ...base, inputs_json: { nope: 1 } }), 400, 'SVCSTG.AOS.4002010');
    expectError(post({ ...base, inputs_json: { replicas: 101 } }), 400, 'SVCSTG.AOS.4002013');
    expectError(post({ ...base, inputs_json: { replicas: 'two' } }), 400, 'SVCSTG.AOS.4002013');
    expectError(post({ ...base, inputs_json: { 'log-level': 'trace' } }), 400, 'SVCSTG.AOS.4002013');
    expectError(post({ ...base, inputs_json: { image: 'x'.repeat(5000) } }), 400, 'SVCSTG.AOS.4002011');
    expectError(post({ ...base, action_parameters: { timeout: 1441 } }), 400, 'SVCSTG.AOS.4002506');
    expectError(
      post({ ...base, action_parameters: { failure_strategy: 'Retry' } }),
      400,
      'SVCSTG.AOS.4002507',
    );
    const ecs = w.json('GET', '/v2/templates', { query: { name: 'ecs-vpc-sample' } }).body[0];
    expectError(post({ ...base, template_id: ecs.id }), 400, 'SVCSTG.AOS.4002009');
    expectError(post({ ...base, name: AOS_SEED.running }), 409, 'SVCSTG.AOS.4092006');
    // inputs_json as the prose example writes it: a JSON string.
    const asString = post({ ...base, inputs_json: '{"replicas": 4}' });
    expect(asString.status).toBe(201);
    expect(JSON.parse(asString.body.inputs_json).replicas).toBe(4);
    expect(asString.body.status).toBe('Pending');
    // Another project: the name is free there, and nothing of p1 is visible.
    const other = w.json('POST', '/v2/stacks', { body: { ...base, project_id: 'p2' }, projectId: 'p2' });
    expect(other.status).toBe(201);
    expect(w.json('GET', '/v2/stacks', { query: { project_id: 'p2' }, projectId: 'p2' }).body).toHaveLength(
      1,
    );
    expectError(
      w.json('GET', `/v2/stacks/${asString.body.guid}`, { projectId: 'p2' }),
      404,
      'SVCSTG.AOS.4042101',
    );
    expectError(w.json('GET', '/v2/stacks', { query: { project_id: 'p2' } }), 400, 'SVCSTG.AOS.4002200');
    expectError(w.json('GET', '/v2/stacks'), 400, 'SVCSTG.AOS.4002200');
  });

  it('fails an upgrade marked `fail`, then retry succeeds', () => {
    const w = world();
    const stack = stackNamed(w, AOS_SEED.failedUpgrade);
    expect(stack).toMatchObject({ status: 'Abnormal', health: { healthy: false } });
    expect(stack.object.status.phase).toBe('UpgradeFailed');
    const sid = stack.guid;
    const [last] = w.json('GET', `/v2/stacks/${sid}/actions`, { query: { last: 'true' } }).body;
    expect(last.status.objectStatus.phase).toBe('Failed');
    expect(last.status.subObjectStatuses['nginx-app']).toMatchObject({
      phase: 'Failed',
      reason: 'ExecutionFailed',
    });
    const retry = w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'retry', timeout: 20 } });
    expect(retry.status).toBe(200);
    expect(retry.body.last_action_id).toBe(last.metadata.name);
    expect(stackNamed(w, AOS_SEED.failedUpgrade).object.status.phase).toBe('Upgrading');
    expectError(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'rollback' } }),
      409,
      'SVCSTG.AOS.4090329',
    );
    w.clock.advance(STEP);
    const after = stackNamed(w, AOS_SEED.failedUpgrade);
    expect(after.status).toBe('Running');
    expect(after.object.status.phase).toBe('UpgradeSucceeded');
    expect(after.object.status.lastExecutionStatus.actionName).toBe('retry');
    expect(JSON.parse(after.inputs_json).image).toMatch(/nginx:fail$/);
    expectError(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'retry' } }),
      400,
      'SVCSTG.AOS.4002548',
    );
  });

  it('rolls a failed upgrade back to the last good inputs', () => {
    const w = world();
    const sid = stackNamed(w, AOS_SEED.failedUpgrade).guid;
    const rb = w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'rollback' } });
    expect(rb.status).toBe(200);
    expect(stackNamed(w, AOS_SEED.failedUpgrade).object.status.phase).toBe('Rollbacking');
    w.clock.advance(STEP);
    const after = stackNamed(w, AOS_SEED.failedUpgrade);
    expect(after).toMatchObject({ status: 'Running', previous_inputs_json: '' });
    expect(after.object.status.phase).toBe('RollbackSucceeded');
    const inputs = w.json('GET', `/v2/stacks/${sid}/inputs`).body.inputs;
    expect(inputs).toMatchObject({
      image: 'swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25',
      replicas: 3,
    });
    expect(w.json('GET', `/v2/stacks/${sid}/elements/nginx-app`).body.properties.image).toMatch(
      /nginx:1\.25$/,
    );
    expectError(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'rollback' } }),
      400,
      'SVCSTG.AOS.4002515',
    );
  });

  it('keeps failing with `fail-always` until rolled back; scales through nodes[].parameters', () => {
    const w = world(false);
    const tid = withTemplate(w, nginxBlueprint(), 'nginx');
    const sid = w.json('POST', '/v2/stacks', {
      body: { name: 'web', project_id: PROJECT, template_id: tid, action_parameters: { auto_create: true } },
    }).body.guid;
    const act = (body: object) => w.json('PUT', `/v2/stacks/${sid}/actions`, { body });
    w.clock.advance(3 * STEP);
    expectError(act({ lifecycle: 'rollback' }), 400, 'SVCSTG.AOS.4002515');
    expectError(act({ lifecycle: 'retry' }), 400, 'SVCSTG.AOS.4002548');
    expectError(act({ lifecycle: 'create' }), 400, 'SVCSTG.AOS.4002501');
    expectError(act({ lifecycle: 'upgrade', inputs: { replicas: 2 } }), 400, 'SVCSTG.AOS.4002576');
    expectError(act({ lifecycle: 'upgrade', inputs: { 'container-port': 8080 } }), 400, 'SVCSTG.AOS.4003915');
    expectError(act({ lifecycle: 'upgrade', inputs: { nope: 1 } }), 400, 'SVCSTG.AOS.4002010');

    expect(act({ lifecycle: 'upgrade', inputs: { 'log-level': 'fail-always' } }).status).toBe(400);
    expect(act({ lifecycle: 'upgrade', inputs: { image: 'nginx:fail-always' } }).status).toBe(200);
    w.clock.advance(STEP);
    expect(stackNamed(w, 'web').object.status.phase).toBe('UpgradeFailed');
    act({ lifecycle: 'retry' });
    w.clock.advance(STEP);
    expect(stackNamed(w, 'web').object.status.phase).toBe('UpgradeFailed');
    expect(act({ lifecycle: 'rollback' }).status).toBe(200);
    w.clock.advance(STEP);
    expect(stackNamed(w, 'web').object.status.phase).toBe('RollbackSucceeded');

    const scale = act({ lifecycle: 'upgrade', nodes: [{ name: 'nginx-app', parameters: { instances: 5 } }] });
    expect(scale.status).toBe(200);
    w.clock.advance(STEP);
    const exec = w.json('GET', `/v2/stacks/${sid}/actions/${scale.body.action_id}`).body;
    expect(exec.spec).toMatchObject({ actionName: 'scale', subObjectNames: 'nginx-app' });
    expect(exec.status.subObjectStatuses['nginx-app']).toMatchObject({
      phase: 'Succeeded',
      subActionName: 'scale',
    });
    expect(w.json('GET', `/v2/stacks/${sid}/elements/nginx-app`).body.instances.items).toHaveLength(5);
    expect(w.json('GET', `/v2/stacks/${sid}/inputs`).body.inputs.replicas).toBe(5);
    const history = w.json('GET', `/v2/stacks/${sid}/actions`).body.map((e: Json) => e.spec.actionName);
    expect(history).toEqual(['scale', 'rollback', 'retry', 'upgrade', 'create']);
  });

  it('refuses bad lifecycle requests with the seed codes', () => {
    const w = world();
    const sid = stackNamed(w, AOS_SEED.running).guid;
    const act = (body: unknown) => w.json('PUT', `/v2/stacks/${sid}/actions`, { body });
    expectError(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: Buffer.from('[]') }),
      400,
      'SVCSTG.AOS.4002500',
    );
    // The seed's table prints HTTP "40" for 4002501; the simulator answers 400.
    expectError(act({ lifecycle: 'start' }), 400, 'SVCSTG.AOS.4002501');
    expectError(act({ lifecycle: 'upgrade', failure_strategy: 'Rollback' }), 400, 'SVCSTG.AOS.4002508');
    expectError(act({ lifecycle: 'create', failure_strategy: 'Undo' }), 400, 'SVCSTG.AOS.4002507');
    expectError(act({ lifecycle: 'upgrade', timeout: 2000 }), 400, 'SVCSTG.AOS.4002506');
    expectError(
      act({ lifecycle: 'upgrade', nodes: [{ name: 'mycloudserver', parameters: {} }] }),
      400,
      'SVCSTG.AOS.4002502',
    );
    expectError(
      act({ lifecycle: 'upgrade', nodes: [{ name: 'mycloudserver', parameters: { instances: 101 } }] }),
      400,
      'SVCSTG.AOS.4002505',
    );
    expectError(
      act({ lifecycle: 'upgrade', nodes: [{ name: 'ghost', parameters: { instances: 1 } }] }),
      400,
      'SVCSTG.AOS.4002513',
    );
    expectError(
      act({ lifecycle: 'upgrade', nodes: [{ name: 'mycloudserver', parameters: { instances: 1 } }] }),
      400,
      'SVCSTG.AOS.4002525',
    );
    expectError(act({ lifecycle: 'upgrade', nodes: [{}] }), 400, 'SVCSTG.AOS.4002562');
    expectError(act({ lifecycle: 'upgrade', template_id: 'missing' }), 404, 'SVCSTG.AOS.4040012');
    expectError(
      act({ lifecycle: 'upgrade', inputs: { 'subnet-gateway': '999.1.1.1' } }),
      400,
      'SVCSTG.AOS.4002013',
    );
    expectError(
      w.json('PUT', '/v2/stacks/nope/actions', { body: { lifecycle: 'retry' } }),
      404,
      'SVCSTG.AOS.4040013',
    );
    expectError(w.json('GET', `/v2/stacks/${sid}/actions/-bad`), 400, 'SVCSTG.AOS.4003000');
    expectError(w.json('GET', `/v2/stacks/${sid}/actions/demo-ecs-1`), 404, 'SVCSTG.AOS.4040013');
    expectError(
      w.json('GET', `/v2/stacks/${sid}/actions`, { query: { last: 'maybe' } }),
      400,
      'SVCSTG.AOS.4000010',
    );
    expectError(
      w.json('GET', `/v2/stacks/${sid}/elements`, { query: { element_type: '' } }),
      400,
      'SVCSTG.AOS.4002600',
    );
    expectError(w.json('GET', `/v2/stacks/${'x'.repeat(65)}`), 400, 'SVCSTG.AOS.4002100');
    expectError(w.json('GET', `/v2/stacks/${sid}/elements/a%20b`), 400, 'SVCSTG.AOS.4002700');
    expectError(
      w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, template_id: 'a', template_name: 'b' } }),
      400,
      'SVCSTG.AOS.4000011',
    );
    expectError(
      w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, status: 'Unknown' } }),
      400,
      'SVCSTG.AOS.4000010',
    );
    expect(w.json('GET', '/v2/stacks', { query: { project_id: PROJECT, status: 'Unknow' } }).body).toEqual(
      [],
    );
  });

  it('upgrades to another template', () => {
    const w = world();
    const sid = stackNamed(w, AOS_SEED.failedUpgrade).guid;
    w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'rollback' } });
    w.clock.advance(STEP);
    const next = w.json('GET', '/v2/templates', { query: { name: 'nginx-app' } }).body[1];
    const up = w.json('PUT', `/v2/stacks/${sid}/actions`, {
      body: { lifecycle: 'upgrade', template_id: next.id },
    });
    expect(up.status).toBe(200);
    w.clock.advance(3 * STEP);
    const after = stackNamed(w, AOS_SEED.failedUpgrade);
    expect(after).toMatchObject({ template_id: next.id, template_version: '2.0.0', status: 'Running' });
    expect(JSON.parse(after.inputs_json)).toMatchObject({ timezone: 'Asia/Shanghai', replicas: 3 });
    // Both the current and the previous template are now in use.
    expect(w.send('DELETE', `/v2/templates/${next.id}`).status).toBe(409);
  });

  it('deletes a stack over time; force only after a delete was attempted', () => {
    const w = world();
    const deleting = stackNamed(w, AOS_SEED.deleting);
    expect(deleting.status).toBe('Processing');
    expect(deleting.object.status.phase).toBe('Deleting');
    const sid = deleting.guid;
    expect(w.json('DELETE', `/v2/stacks/${sid}`)).toMatchObject({ status: 200, body: {} });
    w.clock.advance(20_000);
    expectError(w.json('GET', `/v2/stacks/${sid}`), 404, 'SVCSTG.AOS.4042101');
    expectError(w.json('DELETE', `/v2/stacks/${sid}`), 404, 'SVCSTG.AOS.4042101');
    expectError(w.json('GET', `/v2/stacks/${sid}/actions`), 404, 'SVCSTG.AOS.4040013');
    const redis = w.json('GET', '/v2/templates', { query: { name: 'redis-cache' } }).body[0];
    expect(w.send('DELETE', `/v2/templates/${redis.id}`).status).toBe(204);

    const ecs = stackNamed(w, AOS_SEED.running).guid;
    expectError(
      w.json('DELETE', `/v2/stacks/${ecs}`, { query: { force: 'true' } }),
      400,
      'SVCSTG.AOS.4002103',
    );
    expectError(
      w.json('DELETE', `/v2/stacks/${ecs}`, { query: { force: 'yes' } }),
      400,
      'SVCSTG.AOS.4000010',
    );
  });

  it('fails a delete marked `fail-delete`; force delete then removes the stack', () => {
    const w = world(false);
    const tid = withTemplate(w);
    const sid = w.json('POST', '/v2/stacks', {
      body: {
        name: 'sticky',
        project_id: PROJECT,
        template_id: tid,
        inputs_json: { image: 'fail-delete' },
        action_parameters: { auto_create: true },
      },
    }).body.guid;
    w.clock.advance(STEP);
    expect(stackNamed(w, 'sticky').status).toBe('Running');
    const del = w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'delete' } });
    expect(del.status).toBe(200);
    w.clock.advance(5_000);
    const failed = stackNamed(w, 'sticky');
    expect(failed).toMatchObject({ status: 'Abnormal' });
    expect(failed.object.status.phase).toBe('DeleteFailed');
    expect(w.json('DELETE', `/v2/stacks/${sid}`, { query: { force: 'true' } })).toMatchObject({
      status: 200,
      body: {},
    });
    expectError(w.json('GET', `/v2/stacks/${sid}`), 404, 'SVCSTG.AOS.4042101');
    expect(w.send('DELETE', `/v2/templates/${tid}`).status).toBe(204);
  });

  it('rolls back a failed create with failure_strategy Rollback, and re-creates it', () => {
    const w = world(false);
    const tid = withTemplate(w, nginxBlueprint(), 'nginx');
    const sid = w.json('POST', '/v2/stacks', {
      body: { name: 'shaky', project_id: PROJECT, template_id: tid, inputs_json: { image: 'nginx:fail' } },
    }).body.guid;
    expectError(
      w.json('PUT', `/v2/stacks/${sid}/actions`, { body: { lifecycle: 'upgrade', inputs: { replicas: 1 } } }),
      400,
      'SVCSTG.AOS.4002501',
    );
    const create = w.json('PUT', `/v2/stacks/${sid}/actions`, {
      body: { lifecycle: 'create', timeout: 20, failure_strategy: 'Rollback' },
    });
    expect(create.body.last_action_id).toBe('');
    w.clock.advance(2 * STEP);
    const failed = stackNamed(w, 'shaky');
    expect(failed.object.status.phase).toBe('CreateFailed');
    expect(failed.object.status.lastExecutionStatus.objectStatus.reason).toBe('RolledBack');
    const elements = w.json('GET', `/v2/stacks/${sid}/elements`).body;
    expect(elements.map((e: Json) => e.runtime_properties)).toEqual([{}, {}, {}]);
    const again = w.json('PUT', `/v2/stacks/${sid}/actions`, {
      body: { lifecycle: 'create', inputs: { image: 'nginx:1.26' } },
    });
    expect(again.body.last_action_id).toBe(create.body.action_id);
    w.clock.advance(3 * STEP);
    expect(stackNamed(w, 'shaky')).toMatchObject({ status: 'Running' });
  });

  it('lists the newest ten executions, or only the newest with last=true', () => {
    const w = world(false);
    const tid = withTemplate(w);
    const sid = w.json('POST', '/v2/stacks', {
      body: { name: 'busy', project_id: PROJECT, template_id: tid, action_parameters: { auto_create: true } },
    }).body.guid;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      w.clock.advance(STEP);
      const r = w.json('PUT', `/v2/stacks/${sid}/actions`, {
        body: { lifecycle: 'upgrade', nodes: [{ name: 'web', parameters: { instances: i % 2 ? 1 : 2 } }] },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      ids.push(r.body.action_id);
    }
    const list = w.json('GET', `/v2/stacks/${sid}/actions`).body;
    expect(list).toHaveLength(10);
    expect(list[0].metadata.name).toBe(ids[11]);
    expect(list[0].status.objectStatus.phase).toBe('Running');
    expect(list[0].metadata.labels).toEqual({
      'execution-hash': ids[11]?.split('-').pop(),
      stackname: 'busy',
    });
    expect(list[0].metadata.selfLink).toBe(`/apis/paas/v1alpha1/namespaces/${PROJECT}/executions/${ids[11]}`);
    const last = w.json('GET', `/v2/stacks/${sid}/actions`, { query: { last: 'true' } }).body;
    expect(last.map((e: Json) => e.metadata.name)).toEqual([ids[11]]);
    expect(w.json('GET', `/v2/stacks/${sid}/actions`, { query: { last: 'false' } }).body).toHaveLength(10);
  });

  it('seeds demo stacks in every interesting state, moved by advance()', () => {
    const w = world();
    const names = w
      .json('GET', '/v2/stacks', { query: { project_id: PROJECT } })
      .body.map((s: Json) => [s.name, s.status]);
    expect(names).toEqual([
      [AOS_SEED.running, 'Running'],
      [AOS_SEED.failedUpgrade, 'Abnormal'],
      [AOS_SEED.deleting, 'Processing'],
      [AOS_SEED.pending, 'Pending'],
    ]);
    const ecs = stackNamed(w, AOS_SEED.running);
    expect(ecs.labels).toEqual({ creator: 'demo' });
    expect(Object.keys(ecs.object.status.elementStatuses)).toEqual(['myvpc', 'mysubnet', 'mycloudserver']);
    const outputs = w.json('GET', `/v2/stacks/${ecs.guid}/outputs`).body.outputs;
    expect(outputs['vpc-name'].value).toBe(`${AOS_SEED.running}-myvpc`);
    expect(outputs['ecs-id'].value).toMatch(/^[0-9a-f-]{36}$/);
    w.clock.advance(60_000);
    w.aos.advance();
    expect(w.aos.store.stacks.size).toBe(3);
    w.aos.reset();
    expect(w.aos.store.stacks.size).toBe(4);
  });
});

describe('AOS template parsing', () => {
  it('reads the YAML blueprints are written in', () => {
    const doc = parseYaml(
      [
        'a: 1',
        'b: "x: y" # comment',
        "c: 'it''s'",
        'd:',
        '- 1',
        '- two',
        'e:',
        '  - name: x',
        '    value: y',
        'f: {k: [1, 2, {q: "w"}], e: \'\'}',
        'g: |',
        '  line1',
        '',
        '  line2 # kept',
        'h:',
        'url: http://a.b/c#frag',
        '',
      ].join('\n'),
    );
    expect(doc).toEqual({
      a: 1,
      b: 'x: y',
      c: "it's",
      d: [1, 'two'],
      e: [{ name: 'x', value: 'y' }],
      f: { k: [1, 2, { q: 'w' }], e: '' },
      g: 'line1\n\nline2 # kept\n',
      h: null,
      url: 'http://a.b/c#frag',
    });
    for (const bad of ['a: [1, 2', 'a: 1\n  b: 2', 'a: 1\na: 2', 'a: &x 1', '\ta: 1'])
      expect(() => parseYaml(bad), bad).toThrow();
  });

  it('splits multipart bodies with CRLF or bare LF line ends', () => {
    expect(multipartBoundary('multipart/form-data; boundary="ab c"')).toBe('ab c');
    expect(multipartBoundary('application/json')).toBeUndefined();
    const lf = Buffer.from(
      '--b\nContent-Disposition: form-data; name="resource"\n\n{"name":"x"}\n--b\nContent-Disposition: form-data; name="archive_content"; filename="t.yaml"\n\na: 1\n--b--\n',
    );
    const parts = parseMultipart(lf, 'b');
    expect(parts?.map((p) => [p.name, p.filename, p.data.toString()])).toEqual([
      ['resource', undefined, '{"name":"x"}'],
      ['archive_content', 't.yaml', 'a: 1'],
    ]);
    expect(parseMultipart(Buffer.from('--b\r\nno headers'), 'b')).toBeUndefined();
  });
});

describe('AOS engine', () => {
  it('fails an execution that outlives its timeout', () => {
    const w = world(false);
    const tid = withTemplate(w);
    const sid = w.json('POST', '/v2/stacks', {
      body: {
        name: 'slow',
        project_id: PROJECT,
        template_id: tid,
        action_parameters: { auto_create: true, timeout: 1 },
      },
    }).body.guid;
    w.clock.advance(STEP);
    expect(stackNamed(w, 'slow').status).toBe('Running');
    // Eleven-plus minutes of steps cannot fit into one minute.
    const big = `${SMALL}${Array.from({ length: 20 }, (_, i) => `  disk${i}:\n    type: Cloud.EVS.Volume\n`).join('')}`;
    const tid2 = withTemplate(w, big, 'big');
    const sid2 = w.json('POST', '/v2/stacks', {
      body: {
        name: 'big',
        project_id: PROJECT,
        template_id: tid2,
        action_parameters: { auto_create: true, timeout: 1 },
      },
    }).body.guid;
    w.clock.advance(61_000);
    const [exec] = w.json('GET', `/v2/stacks/${sid2}/actions`, { query: { last: 'true' } }).body;
    expect(exec.status.objectStatus).toMatchObject({ phase: 'Failed', reason: 'Timeout' });
    expect(stackNamed(w, 'big').object.status.phase).toBe('CreateFailed');
    expect(sid).toBeDefined();
  });

  it('is deterministic: two worlds on the same clock answer the same', () => {
    const a = world();
    const b = world();
    const list = (w: ReturnType<typeof world>) =>
      w.json('GET', '/v2/stacks', { query: { project_id: PROJECT } }).body;
    expect(list(a)).toEqual(list(b));
    a.clock.advance(30_000);
    b.clock.advance(10_000);
    expect(list(b)).not.toEqual(list(a));
    b.clock.advance(20_000);
    expect(list(a)).toEqual(list(b));
  });
});
