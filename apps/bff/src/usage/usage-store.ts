import type { UsageSample } from '@console/contract';
import type { Database } from '../db/database';

/** Usage history kept by the console: SAE itself only answers with a snapshot. */
export class UsageStore {
  constructor(private readonly db: Database) {}

  async record(accountId: string, appId: string, sample: UsageSample): Promise<void> {
    await this.db.query(
      `INSERT INTO usage_samples (account_id, app_id, at, cpu_cores, memory_gib, running_instances)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [accountId, appId, new Date(sample.at), sample.cpuCores, sample.memoryGiB, sample.runningInstances],
    );
  }

  async since(accountId: string, appId: string, from: Date): Promise<UsageSample[]> {
    const rows = await this.db.query<{
      at: Date;
      cpu_cores: number;
      memory_gib: number;
      running_instances: number;
    }>(
      `SELECT at, cpu_cores, memory_gib, running_instances FROM usage_samples
        WHERE account_id = $1 AND app_id = $2 AND at >= $3 ORDER BY at`,
      [accountId, appId, from],
    );
    return rows.map((r) => ({
      at: new Date(r.at).getTime(),
      cpuCores: r.cpu_cores,
      memoryGiB: r.memory_gib,
      runningInstances: r.running_instances,
    }));
  }

  async purgeBefore(before: Date): Promise<void> {
    await this.db.query('DELETE FROM usage_samples WHERE at < $1', [before]);
  }
}
