import type { AuditPage, AuditRecord } from '@console/contract';
import type { Database } from '../db/database';

export type AuditEntry = Omit<AuditRecord, 'id' | 'at'>;

interface Row {
  id: string;
  at: Date;
  username: string;
  role: string;
  action: string;
  account_id: string | null;
  resource: string | null;
  batch_id: string | null;
  decision: string | null;
  outcome: AuditRecord['outcome'];
  upstream_request_id: string | null;
  detail: string | null;
}

const opt = (v: string | null) => v ?? undefined;

/** Append-only record of every state-changing action; the table refuses UPDATE and DELETE. */
export class AuditLog {
  constructor(private readonly db: Database) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (username, role, action, account_id, resource, batch_id, decision, outcome, upstream_request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.username,
        entry.role,
        entry.action,
        entry.accountId ?? null,
        entry.resource ?? null,
        entry.batchId ?? null,
        entry.decision ?? null,
        entry.outcome,
        entry.upstreamRequestId ?? null,
        entry.detail ?? null,
      ],
    );
  }

  async list(query: {
    page: number;
    pageSize: number;
    username?: string;
    action?: string;
    outcome?: string;
  }): Promise<AuditPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['username', query.username],
      ['action', query.action],
      ['outcome', query.outcome],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log ${clause}`,
      params,
    );
    const rows = await this.db.query<Row>(
      `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        username: r.username,
        role: r.role,
        action: r.action,
        accountId: opt(r.account_id),
        resource: opt(r.resource),
        batchId: opt(r.batch_id),
        decision: opt(r.decision),
        outcome: r.outcome,
        upstreamRequestId: opt(r.upstream_request_id),
        detail: opt(r.detail),
      })),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
