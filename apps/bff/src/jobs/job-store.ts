import type { Database } from '../db/database';

export interface StartedJob {
  jobId: string;
  eventId: string;
  username: string;
  startedAt: Date;
}

/** The jobs this console started: SAE can tell a job's status but cannot list a template's jobs. */
export class JobStore {
  constructor(private readonly db: Database) {}

  async record(accountId: string, appId: string, job: Omit<StartedJob, 'startedAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO jobs_started (account_id, app_id, job_id, event_id, username)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [accountId, appId, job.jobId, job.eventId, job.username],
    );
  }

  async recent(accountId: string, appId: string, limit = 20): Promise<StartedJob[]> {
    const rows = await this.db.query<{
      job_id: string;
      event_id: string;
      username: string;
      started_at: Date;
    }>(
      `SELECT job_id, event_id, username, started_at FROM jobs_started
        WHERE account_id = $1 AND app_id = $2 ORDER BY started_at DESC LIMIT $3`,
      [accountId, appId, limit],
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      eventId: r.event_id,
      username: r.username,
      startedAt: new Date(r.started_at),
    }));
  }
}
