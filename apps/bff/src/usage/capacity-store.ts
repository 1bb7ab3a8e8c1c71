import type { CapacityPoint } from '@console/contract';
import type { Database } from '../db/database';
import type { CapacityNow } from '../providers';

/** The console's own samples of a group's size: the cloud records only its scaling activities. */
export class CapacityStore {
  constructor(private readonly db: Database) {}

  async record(accountId: string, appId: string, sample: CapacityNow): Promise<void> {
    await this.db.query(
      `INSERT INTO capacity_samples (account_id, app_id, at, current_count, desired_count, min_count, max_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [accountId, appId, new Date(sample.at), sample.current, sample.desired, sample.min, sample.max],
    );
  }

  async since(accountId: string, appId: string, from: Date): Promise<CapacityPoint[]> {
    const rows = await this.db.query<{
      at: Date;
      current_count: number;
      desired_count: number;
      min_count: number;
      max_count: number;
    }>(
      `SELECT at, current_count, desired_count, min_count, max_count FROM capacity_samples
        WHERE account_id = $1 AND app_id = $2 AND at >= $3 ORDER BY at`,
      [accountId, appId, from],
    );
    return rows.map((r) => ({
      at: new Date(r.at).getTime(),
      current: r.current_count,
      desired: r.desired_count,
      min: r.min_count,
      max: r.max_count,
      source: 'sample' as const,
    }));
  }

  async purgeBefore(before: Date): Promise<void> {
    await this.db.query('DELETE FROM capacity_samples WHERE at < $1', [before]);
  }
}
