import type {
  ApiError,
  ApplicationDetail,
  ApplicationPage,
  AuditPage,
  Job,
  LogConfig,
} from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let admin: ConsoleClient;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let app: ApplicationDetail;
const base = '/api/accounts/sae-demo/applications';

beforeAll(async () => {
  stack = await startStack();
  [admin, operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  const page = await viewer.get<ApplicationPage>(`${base}?pageSize=100`);
  const withTags = page.body.items.find((a) => a.tags.length >= 2);
  if (!withTags) throw new Error('no application with two tags in the demo data');
  app = (await viewer.get<ApplicationDetail>(`${base}/${withTags.id}`)).body;
});

afterAll(() => stack?.stop());

const tagsOf = async () =>
  (await viewer.get<ApplicationDetail>(`${base}/${app.id}`)).body.tags.sort((a, b) =>
    a.key.localeCompare(b.key),
  );

describe('tags, log configs and jobs through the console API', () => {
  it('replaces an application’s tags: keeps, changes, adds and removes keys; the list filters by them', async () => {
    const [kept, dropped] = app.tags;
    if (!kept || !dropped) throw new Error('unreachable');
    const wanted = [
      { key: kept.key, value: kept.value },
      { key: 'owner', value: 'ops-team' },
    ];
    const put = await operator.request('PUT', `${base}/${app.id}/tags`, { tags: wanted });
    expect(put.status).toBe(200);
    expect(await tagsOf()).toEqual(wanted.sort((a, b) => a.key.localeCompare(b.key)));
    const filtered = await viewer.get<ApplicationPage>(`${base}?tag=${encodeURIComponent('owner=ops-team')}`);
    expect(filtered.body.items.map((a) => a.id)).toEqual([app.id]);

    const audit = await admin.get<AuditPage>('/api/audit?action=tags');
    expect(audit.body.items[0]?.resource).toBe(`app/${app.id}`);
  });

  it('refuses reserved or repeated tag keys with a 400 naming the field, and viewers with a 403', async () => {
    const reserved = await operator.request<ApiError>('PUT', `${base}/${app.id}/tags`, {
      tags: [{ key: 'aliyun:internal', value: 'x' }],
    });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.field).toBe('tags.0.key');
    const repeated = await operator.request<ApiError>('PUT', `${base}/${app.id}/tags`, {
      tags: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
    });
    expect(repeated.status).toBe(400);
    expect((await viewer.request('PUT', `${base}/${app.id}/tags`, { tags: [] })).status).toBe(403);
  });

  it('lists where an application ships its logs', async () => {
    const logs = await viewer.get<LogConfig[]>(`${base}/${app.id}/log-configs`);
    expect(logs.status).toBe(200);
    expect(Array.isArray(logs.body)).toBe(true);
    for (const config of logs.body) expect(config.logDir).toMatch(/^\//);
  });

  it('runs a job once per event id and follows it to its end', async () => {
    const jobs = `${base}/${app.id}/jobs`;
    const first = await operator.post<{ jobId: string }>(jobs, { eventId: 'nightly-report-0001' });
    expect(first.status).toBe(200);
    expect(first.body.jobId).toBeTruthy();
    const again = await operator.post<{ jobId: string }>(jobs, { eventId: 'nightly-report-0001' });
    expect(again.body.jobId).toBe(first.body.jobId);

    let job: Job | undefined;
    for (let i = 0; i < 40; i++) {
      job = (await viewer.get<Job>(`${jobs}/${first.body.jobId}`)).body;
      if (job.state === 'succeeded' || job.state === 'failed') break;
      await stack.advanceClock(30_000);
    }
    expect(['succeeded', 'failed']).toContain(job?.state);
    expect(job?.completionTime).toBeGreaterThan(job?.startTime ?? 0);
    const listed = (await viewer.get<Job[]>(jobs)).body;
    expect(listed.map((j) => j.jobId)).toEqual([first.body.jobId]);
    expect(listed[0]?.startedBy).toBe('operator');
    const badEvent = await operator.post<ApiError>(jobs, { eventId: 'x' });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.field).toBe('eventId');
  });
});
