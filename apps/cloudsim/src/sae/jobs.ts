import { SaeError } from './envelope';
import type { SaeApp } from './model';
import type { SaeStore } from './store';

/** One run of a job template (ExecJob). Its state is a function of simulated time. */
export interface SaeJob {
  JobId: string;
  AppId: string;
  eventId?: string;
  command: string;
  args: string;
  envs: string;
  createdAt: number;
  /** Scheduling and image pull end; the pods run from here. */
  startAt: number;
  endAt: number;
  parallelism: number;
  fails: boolean;
}

/** DescribeJobStatus `State`: 0 未执行, 1 执行成功, 2 执行失败, 3 正在执行. */
export type JobState = '0' | '1' | '2' | '3';

const SCHEDULE_MS = 5_000;
const DEFAULT_RUN_MS = 40_000;
/** A failing pod exits early; the job gives up after its retries. */
const FAIL_AFTER_MS = 20_000;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep 30`, `sleep 1d`, `sleep 2m`: how long the command keeps the pod busy. */
function runMs(command: string, args: string): number {
  const line = `${command} ${args}`;
  const sleep = /\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/.exec(line);
  if (sleep) return Math.max(1_000, Number(sleep[1]) * (UNIT_MS[sleep[2] || 's'] ?? 1_000));
  return DEFAULT_RUN_MS;
}

/** Runs that exit non-zero: `exit 3`, `false`, or a template whose image tag / package version is `fail`. */
function failing(app: SaeApp, command: string, args: string): boolean {
  const line = `${command} ${args}`;
  if (/\bexit\s+[1-9]\d*\b/.test(line) || /(^|[\s;&|])false($|[\s;&|])/.test(line)) return true;
  const c = app.spec.config;
  return c.PackageVersion === 'fail' || /:fail$/.test(c.ImageUrl);
}

/** 任务: the runs of every job template of one account, with ExecJob's EventId idempotency. */
export class Jobs {
  private readonly byId = new Map<string, SaeJob>();
  private readonly byEvent = new Map<string, string>();

  constructor(private readonly store: SaeStore) {}

  private eventKey(appId: string, eventId: string): string {
    return `${appId}\u0000${eventId}`;
  }

  /** The job an earlier ExecJob with this EventId created, if any. */
  forEvent(appId: string, eventId: string | undefined): SaeJob | undefined {
    if (!eventId) return undefined;
    const id = this.byEvent.get(this.eventKey(appId, eventId));
    return id ? this.byId.get(id) : undefined;
  }

  ofApp(appId: string): SaeJob[] {
    return [...this.byId.values()].filter((j) => j.AppId === appId).sort((a, b) => a.createdAt - b.createdAt);
  }

  get(appId: string, jobId: string): SaeJob {
    const job = this.byId.get(jobId);
    if (!job || job.AppId !== appId) {
      throw new SaeError('InvalidParameter.WithMessage', 'JobId', 'the job does not exist');
    }
    return job;
  }

  exec(
    app: SaeApp,
    input: { eventId?: string; command?: string; args?: string; envs?: string; at: number },
  ): SaeJob {
    const c = app.spec.config;
    const command = input.command ?? c.Command;
    const args = input.args ?? c.CommandArgs;
    const fails = failing(app, command, args);
    const startAt = input.at + SCHEDULE_MS;
    const run = runMs(command, args);
    const job: SaeJob = {
      JobId: `manual-${this.store.ids.uuid()}`,
      AppId: app.AppId,
      eventId: input.eventId || undefined,
      command,
      args,
      envs: input.envs ?? c.Envs,
      createdAt: input.at,
      startAt,
      endAt: startAt + (fails ? Math.min(run, FAIL_AFTER_MS) : run),
      parallelism: Math.max(1, c.Replicas),
      fails,
    };
    this.byId.set(job.JobId, job);
    if (job.eventId) this.byEvent.set(this.eventKey(app.AppId, job.eventId), job.JobId);
    return job;
  }

  static state(job: SaeJob, now: number): JobState {
    if (now < job.startAt) return '0';
    if (now < job.endAt) return '3';
    return job.fails ? '2' : '1';
  }

  static active(job: SaeJob, now: number): boolean {
    const state = Jobs.state(job, now);
    return state === '0' || state === '3';
  }
}
