import type { SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import { Jobs, type SaeJob } from '../jobs';
import { epochMs } from '../time-format';

/** DescribeJobStatus writes epoch seconds (in reported time). */
const seconds = (ms: number) => Math.floor(epochMs(ms) / 1_000);

function jobStatus(job: SaeJob, now: number): Record<string, unknown> {
  const state = Jobs.state(job, now);
  const view: Record<string, unknown> = {
    JobId: job.JobId,
    Active: state === '3' ? job.parallelism : 0,
    Succeeded: state === '1' ? job.parallelism : 0,
    Failed: state === '2' ? job.parallelism : 0,
    StartTime: seconds(job.createdAt),
  };
  // Like a Kubernetes Job, the completion time exists once the job has ended.
  if (state === '1' || state === '2') view.CompletionTime = seconds(job.endAt);
  view.Message =
    state === '1'
      ? 'success'
      : state === '2'
        ? 'BackoffLimitExceeded: Job has reached the specified backoff limit'
        : '';
  view.State = state;
  return view;
}

/** 任务 (jobs): the AppId of these APIs is a job template. */
export const jobHandlers: SaeHandlers = {
  ExecJob({ params, store, now }) {
    const appId = params.req('AppId');
    const app = store.apps.get(appId);
    if (!app || app.deleted || app.deleting) throw new SaeError('InvalidApplication.NotFound');
    const eventId = params.str('EventId');
    // The same EventId answers with the job it created before, whatever that job's state.
    const job =
      store.jobs.forEvent(app.AppId, eventId) ??
      (() => {
        if (app.deployed && !app.spec.running) throw new SaeError('JobSuspend');
        if (store.jobs.ofApp(app.AppId).some((j) => Jobs.active(j, now))) {
          throw new SaeError('JobForbidPolicy');
        }
        return store.jobs.exec(app, {
          eventId,
          command: params.str('Command'),
          args: params.str('CommandArgs'),
          envs: params.str('Envs'),
          at: now,
        });
      })();
    return { data: { Data: job.JobId, Msg: 'success', Success: 'true', Code: '200' } };
  },

  DescribeJobStatus({ params, store, now }) {
    const app = store.app(params.req('AppId'));
    const jobId = params.str('JobId');
    if (jobId) return { data: jobStatus(store.jobs.get(app.AppId, jobId), now) };
    const latest = store.jobs.ofApp(app.AppId).at(-1);
    if (latest) return { data: jobStatus(latest, now) };
    return {
      data: { JobId: '', Active: 0, Succeeded: 0, Failed: 0, Message: '', State: '0' },
    };
  },
};
