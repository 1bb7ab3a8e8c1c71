import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migratedTemplate } from '../../../../apps/bff/src/db/database';
import './provided';

/** Runs the migrations once for the whole run instead of once per console a test starts. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'console-db-template-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await (await migratedTemplate()).arrayBuffer()));
  project.provide('embeddedDatabaseTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
