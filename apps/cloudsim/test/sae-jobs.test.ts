import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, type RoaClient, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let client: RoaClient;
let api: ReturnType<typeof sae>;
let apps: Json[];

beforeAll(async () => {
  sim = await startFrozen();
  client = sdk(sim);
  api = sae(client);
  apps = (await api.listApplications({ PageSize: 100 })).Data.Applications;
});
afterAll(() => sim.close());

const appId = (name: string) => apps.find((a) => a.AppName === name)?.AppId as string;
const exec = (query: object) => client.request('GET', '/pop/v1/sam/job/execJob', query);
const status = async (query: object): Promise<Json> =>
  (await client.request('GET', '/pop/v1/sam/job/describeJobStatus', query)).Data;

describe('SAE jobs', () => {
  it('runs a job through pending, running and success on the simulated clock', async () => {
    const template = appId('cart-service');
    const started = sim.clock.now();
    const result = await exec({ AppId: template, Command: 'sleep', CommandArgs: '30' });
    expect(result).toMatchObject({ Code: '200', Success: true });
    expect(result.Data).toEqual({
      Data: expect.stringMatching(/^manual-[0-9a-f-]{36}$/),
      Msg: 'success',
      Success: 'true',
      Code: '200',
    });
    const JobId = result.Data.Data as string;

    const pending = await status({ AppId: template, JobId });
    expect(pending).toMatchObject({ JobId, State: '0', Active: 0, Succeeded: 0, Failed: 0 });
    // Times are reported on the real clock's side of the simulated one (SimClock.toWall).
    expect(pending.StartTime).toBe(Math.floor(sim.clock.toWall(started) / 1000));
    expect(pending).not.toHaveProperty('CompletionTime');

    sim.clock.advance(10_000);
    // Two replicas on the template: two pods run in parallel.
    expect(await status({ AppId: template, JobId })).toMatchObject({ State: '3', Active: 2 });

    sim.clock.advance(30_000);
    const done = await status({ AppId: template, JobId });
    expect(done).toMatchObject({ State: '1', Active: 0, Succeeded: 2, Failed: 0, Message: 'success' });
    expect(done.CompletionTime).toBe(Math.floor(sim.clock.toWall(started + 35_000) / 1000));
    expect(done.CompletionTime - done.StartTime).toBe(35);
    // Without JobId: the template's latest job.
    expect((await status({ AppId: template })).JobId).toBe(JobId);
  });

  it('returns the same job for the same EventId and runs it once', async () => {
    const template = appId('user-center');
    const first = (
      await exec({ AppId: template, EventId: 'nightly-2024-01-01', Command: 'sleep', CommandArgs: '1m' })
    ).Data.Data;
    const again = (
      await exec({ AppId: template, EventId: 'nightly-2024-01-01', Command: 'sleep', CommandArgs: '1m' })
    ).Data.Data;
    expect(again).toBe(first);
    // A different event while the first still runs: the concurrency policy forbids it.
    const forbidden = await expectSdkError(exec({ AppId: template, EventId: 'nightly-2024-01-02' }));
    expect([forbidden.statusCode, forbidden.code, forbidden.result.Message]).toEqual([
      400,
      'JobForbidPolicy',
      'You cannot execute new jobs because ongoing jobs exist.',
    ]);
    sim.clock.advance(2 * 60_000);
    expect((await status({ AppId: template, JobId: first })).State).toBe('1');
    // The same EventId after completion still names that job rather than starting a new one.
    expect((await exec({ AppId: template, EventId: 'nightly-2024-01-01' })).Data.Data).toBe(first);
    const next = (await exec({ AppId: template, EventId: 'nightly-2024-01-02' })).Data.Data;
    expect(next).not.toBe(first);
  });

  it('reports a failing job as failed', async () => {
    const template = appId('api-gateway');
    const JobId = (await exec({ AppId: template, Command: 'sh', CommandArgs: '-c "exit 3"' })).Data.Data;
    sim.clock.advance(60_000);
    const failed = await status({ AppId: template, JobId });
    expect(failed).toMatchObject({ State: '2', Active: 0, Succeeded: 0, Failed: 4 });
    expect(failed.Message).toMatch(/BackoffLimitExceeded/);
    expect(failed.CompletionTime).toBeGreaterThanOrEqual(failed.StartTime);
  });

  it('answers the documented errors', async () => {
    const unknown = await expectSdkError(exec({ AppId: 'no-such-template' }));
    expect([unknown.statusCode, unknown.code]).toEqual([400, 'InvalidApplication.NotFound']);
    const suspended = await expectSdkError(exec({ AppId: appId('report-batch') }));
    expect([suspended.statusCode, suspended.code]).toEqual([400, 'JobSuspend']);
    const noApp = await expectSdkError(status({ AppId: 'no-such-template' }));
    expect([noApp.statusCode, noApp.code]).toEqual([404, 'InvalidAppId.NotFound']);
    const noJob = await expectSdkError(status({ AppId: appId('cart-service'), JobId: 'manual-nope' }));
    expect([noJob.statusCode, noJob.code]).toEqual([400, 'InvalidParameter.WithMessage']);
    const never = await status({ AppId: appId('notification-service') });
    expect(never).toMatchObject({ JobId: '', State: '0', Active: 0 });
  });
});
