import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../src/db/database';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('embedded database', () => {
  it('creates a data directory that does not exist yet and keeps its rows across a restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'console-db-'));
    made.push(root);
    const dir = join(root, 'nested', 'console');
    const first = await openEmbeddedDatabase(dir);
    await first.exec('CREATE TABLE kept (v text)');
    await first.query('INSERT INTO kept (v) VALUES ($1)', ['survives']);
    await first.close();
    const second = await openEmbeddedDatabase(dir);
    expect(await second.query<{ v: string }>('SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    await second.close();
  });
});
