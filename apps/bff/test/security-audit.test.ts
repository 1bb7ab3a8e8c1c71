import { AUDIT_CSV_COLUMNS, type AuditPage, type AuditRecord } from '@console/contract';
import { type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/audit/csv';
import { errorOf, isStateChange, type RawSession, ROUTES, rawLogin, send } from './security-routes';

let stack: Stack;
let admin: RawSession;

const all = async (): Promise<AuditRecord[]> => {
  const response = await send(stack.bff.url, 'GET', '/api/audit?pageSize=200', { session: admin });
  return (response.json as AuditPage).items;
};

const page = async (query: string) => {
  const response = await send(stack.bff.url, 'GET', `/api/audit?pageSize=200&${query}`, { session: admin });
  expect(response.status, `${query}: ${response.text}`).toBe(200);
  return (response.json as AuditPage).items;
};

/** RFC 4180: quoted cells, doubled quotes, CRLF between records, line breaks allowed inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

beforeAll(async () => {
  stack = await startStack();
  admin = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
  const operator = await rawLogin(stack.bff.url, 'operator', 'operator-demo-1');
  // A few records of different users, actions, accounts and outcomes, made through the API.
  await send(stack.bff.url, 'POST', '/api/session', {
    body: JSON.stringify({ username: 'viewer', password: 'wrong-password' }),
  });
  await send(stack.bff.url, 'POST', '/api/accounts/sae-demo/applications/no-such-app/restart', {
    session: operator,
    body: '{}',
  });
  await send(stack.bff.url, 'POST', '/api/accounts/retail-demo/applications/no-such-app/restart', {
    session: operator,
    body: '{}',
  });
});

afterAll(() => stack?.stop());

describe('audit log is append-only through every interface', () => {
  it('has no route that changes or removes a record, and calls at it change nothing', async () => {
    const auditRoutes = ROUTES.filter(([, def]) => def.path.startsWith('/api/audit'));
    expect(auditRoutes.length).toBeGreaterThanOrEqual(2);
    expect(auditRoutes.filter(([, def]) => isStateChange(def))).toEqual([]);
    const before = await all();
    const [first] = before.slice(-1);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', `/api/audit/${first?.id}`, '/api/audit/export']) {
        const response = await send(stack.bff.url, method, path, {
          session: admin,
          body: JSON.stringify({ outcome: 'success', detail: 'rewritten' }),
        });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(errorOf(response)?.code).toBe('NotFound');
      }
    }
    const after = await all();
    // Every earlier record is still there, unchanged; nothing else was added by those calls.
    expect(after.slice(after.length - before.length)).toEqual(before);
    expect(after).toHaveLength(before.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the database itself', async () => {
    const before = await stack.bff.db.query('SELECT * FROM audit_log ORDER BY id');
    expect(before.length).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_log SET outcome = 'success', detail = 'rewritten'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(stack.bff.db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await stack.bff.db.query('SELECT * FROM audit_log ORDER BY id')).toEqual(before);
  });
});

describe('audit filters', () => {
  it('narrows by user, action, account and outcome, alone and together', async () => {
    const records = await all();
    expect(records.length).toBeGreaterThanOrEqual(5);
    for (const [query, keep] of [
      ['username=operator', (r: AuditRecord) => r.username === 'operator'],
      ['action=restart', (r: AuditRecord) => r.action === 'restart'],
      ['accountId=retail-demo', (r: AuditRecord) => r.accountId === 'retail-demo'],
      ['outcome=denied', (r: AuditRecord) => r.outcome === 'denied'],
      [
        'action=restart&accountId=sae-demo',
        (r: AuditRecord) => r.action === 'restart' && r.accountId === 'sae-demo',
      ],
      [
        'username=operator&outcome=success',
        (r: AuditRecord) => r.username === 'operator' && r.outcome === 'success',
      ],
    ] as const) {
      const expected = records.filter(keep);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(await page(query), query).toEqual(expected);
    }
    expect(await page('username=nobody-at-all')).toEqual([]);
  });

  it('narrows by time range: from inclusive, to exclusive', async () => {
    const records = await all();
    const times = [...new Set(records.map((r) => r.at))].sort();
    expect(times.length).toBeGreaterThanOrEqual(2);
    const middle = times[Math.floor(times.length / 2)] as string;
    const from = await page(`from=${encodeURIComponent(middle)}`);
    expect(from).toEqual(records.filter((r) => r.at >= middle));
    const to = await page(`to=${encodeURIComponent(middle)}`);
    expect(to).toEqual(records.filter((r) => r.at < middle));
    expect(from.length + to.length).toBe(records.length);
    const offset = await page(
      `from=${encodeURIComponent('2000-01-01T08:00:00+08:00')}&to=${encodeURIComponent('2000-01-02T00:00:00Z')}`,
    );
    expect(offset).toEqual([]);
  });

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2024-13-01T00:00:00Z', 'to'],
      ['from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z', 'from'],
      ['outcome=maybe', 'outcome'],
      ['pageSize=100000', 'pageSize'],
    ] as const) {
      const response = await send(stack.bff.url, 'GET', `/api/audit?${query}`, { session: admin });
      expect(response.status, query).toBe(400);
      expect(errorOf(response)?.field, query).toBe(field);
      expect(errorOf(response)?.message).toContain(field);
    }
  });
});

describe('audit CSV export', () => {
  it('streams every matching record as quoted, formula-safe CSV', async () => {
    // Sign-in names are typed by anyone: each of these lands in the log as the user of a denied sign-in.
    const hostile = ['=HYPERLINK("http://x","y")', '+cmd|/c calc', '-2+3', '@SUM(A1)', 'a,b "c"\nd'];
    for (const username of hostile) {
      await send(stack.bff.url, 'POST', '/api/session', {
        body: JSON.stringify({ username, password: 'x' }),
      });
    }
    const response = await send(stack.bff.url, 'GET', '/api/audit/export?outcome=denied', { session: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-[\w-]+\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    const expected = await page('outcome=denied');
    expect(rows).toHaveLength(expected.length + 1);
    const usernames = rows.slice(1).map((r) => r[AUDIT_CSV_COLUMNS.indexOf('username')]);
    for (const name of hostile) {
      const safe = /^[=+\-@]/.test(name) ? `'${name}` : name;
      expect(usernames).toContain(safe);
    }
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Row by row the export is the page: same records, same order, same values.
    rows.slice(1).forEach((row, i) => {
      const record = expected[i] as AuditRecord;
      expect(row[0]).toBe(String(record.id));
      expect(row[AUDIT_CSV_COLUMNS.indexOf('at')]).toBe(record.at);
    });
  });

  it('applies the same filters as the page and reads long logs in chunks', async () => {
    // Appending straight to the table is allowed (only changes are refused): 1,100 records of one action.
    await stack.bff.db.query(
      `INSERT INTO audit_log (username, role, action, outcome, detail)
       SELECT 'bulk', 'operator', 'bulk-test', 'success', 'row ' || g FROM generate_series(1, 1100) AS g`,
    );
    const response = await send(stack.bff.url, 'GET', '/api/audit/export?action=bulk-test', {
      session: admin,
    });
    const rows = parseCsv(response.text);
    expect(rows).toHaveLength(1101);
    expect(rows[1]?.[AUDIT_CSV_COLUMNS.indexOf('detail')]).toBe('row 1100');
    expect(rows[1100]?.[AUDIT_CSV_COLUMNS.indexOf('detail')]).toBe('row 1');
    const ids = rows.slice(1).map((r) => Number(r[0]));
    expect(new Set(ids).size).toBe(1100);
    const bad = await send(stack.bff.url, 'GET', '/api/audit/export?from=soon', { session: admin });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)?.field).toBe('from');
    const operator = await rawLogin(stack.bff.url, 'operator', 'operator-demo-1');
    expect((await send(stack.bff.url, 'GET', '/api/audit/export', { session: operator })).status).toBe(403);
  });

  it('quotes every cell and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });
});
