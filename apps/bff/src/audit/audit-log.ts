import type { AuditFilter, AuditPage, AuditRecord } from '@console/contract';
import type { Database, Queryable } from '../db/database';

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

const toRecord = (r: Row): AuditRecord => ({
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
});

/** The WHERE clause of a filter; every value is a parameter. */
function whereOf(filter: AuditFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql(params.length));
  };
  add((n) => `username = $${n}`, filter.username);
  add((n) => `action = $${n}`, filter.action);
  add((n) => `account_id = $${n}`, filter.accountId);
  add((n) => `outcome = $${n}`, filter.outcome);
  add((n) => `at >= $${n}::timestamptz`, filter.from);
  add((n) => `at < $${n}::timestamptz`, filter.to);
  return where;
}

/**
 * Append-only record of every state-changing action. This class has no update or delete, and the
 * table's triggers refuse UPDATE, DELETE and TRUNCATE from any client.
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  /** `via`: a transaction, when the record is written together with the other rows of its action. */
  async append(entry: AuditEntry, via: Queryable = this.db): Promise<void> {
    await via.query(
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

  async list(query: AuditFilter & { page: number; pageSize: number }): Promise<AuditPage> {
    const params: unknown[] = [];
    const where = whereOf(query, params);
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
      items: rows.map(toRecord),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Every matching record, newest first, read in chunks so that an export never holds the whole log. */
  async *scan(filter: AuditFilter, chunk = 500): AsyncGenerator<AuditRecord> {
    let before: number | undefined;
    for (;;) {
      const params: unknown[] = [];
      const where = whereOf(filter, params);
      if (before !== undefined) {
        params.push(before);
        where.push(`id < $${params.length}`);
      }
      params.push(chunk);
      const rows = await this.db.query<Row>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      for (const row of rows) yield toRecord(row);
      if (rows.length < chunk) return;
      before = Number(rows[rows.length - 1]?.id);
    }
  }
}
