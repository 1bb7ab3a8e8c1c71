import { AUDIT_CSV_COLUMNS, type routes } from '@console/contract';
import type { Response } from 'express';
import { type HandlersOf, Streamed } from '../http/routing';
import type { AuditLog } from './audit-log';
import { csvRow } from './csv';

/** Resolves when the client took the buffered rows, or went away. */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

type AuditRoutes = Pick<typeof routes, 'listAudit' | 'exportAudit'>;

/** The audit log's routes: browse and export. There is no route that changes or removes a record. */
export function auditHandlers(audit: AuditLog): HandlersOf<AuditRoutes> {
  return {
    async listAudit({ query }) {
      return audit.list(query);
    },
    async exportAudit({ query, res }) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      // The first read fails before anything is sent, so a broken database still answers with a JSON error.
      const records = audit.scan(query);
      const first = await records.next();
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="audit-${stamp}.csv"`);
      res.write(csvRow(AUDIT_CSV_COLUMNS));
      try {
        if (!first.done) {
          res.write(csvRow(AUDIT_CSV_COLUMNS.map((c) => first.value[c])));
          for await (const record of records) {
            if (res.destroyed) break;
            if (!res.write(csvRow(AUDIT_CSV_COLUMNS.map((c) => record[c])))) await drained(res);
          }
        }
        res.end();
      } catch (error) {
        // Headers are gone: cutting the connection tells the client the file is incomplete.
        res.destroy(error as Error);
      }
      return new Streamed();
    },
  };
}
