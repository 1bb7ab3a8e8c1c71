import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
// The module the console itself imports (not the package index, which would load the whole console).
import { startInMemoryDatabasesFrom } from '../../../../apps/bff/src/db/database';
import './provided';

// Every console this test file starts copies the migrated database made once by the global setup.
startInMemoryDatabasesFrom(new Blob([readFileSync(inject('embeddedDatabaseTemplate'))]));
