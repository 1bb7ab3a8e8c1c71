import { type Database, openEmbeddedDatabase } from './database';
import { openPostgresDatabase } from './postgres';

export interface StorageConfig {
  /** `postgres://…`: a PostgreSQL server shared by every instance; absent, the embedded database. */
  databaseUrl?: string;
  /** Directory of the embedded database; undefined keeps it in memory. */
  dataDir?: string;
}

/** The embedded database by default, a real PostgreSQL when a URL is configured. */
export function openDatabase(config: StorageConfig, onError?: (error: Error) => void): Promise<Database> {
  return config.databaseUrl
    ? openPostgresDatabase(config.databaseUrl, { onError })
    : openEmbeddedDatabase(config.dataDir);
}
