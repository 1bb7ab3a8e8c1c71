import type { Logger } from 'pino';
import type { AccountConfig } from '../config';
import { VaultError } from './credential-vault';
import { normaliseEndpoint } from './endpoints';
import type { StoredAccount, StoredAccountStore } from './stored-accounts';

/** Every committed change of the stored accounts is announced here (PostgreSQL NOTIFY). */
export const STORED_ACCOUNTS_CHANNEL = 'console_stored_accounts';

export interface LiveAccountsDeps {
  store: StoredAccountStore;
  /** Accounts of the configuration: their ids are never taken over by a stored account. */
  configured: readonly AccountConfig[];
  logger: Logger;
  /** Makes the account's clients and puts them in the console's accounts map, replacing any. */
  connect(config: AccountConfig): void;
  /** Takes the account out of the console's accounts map. */
  disconnect(id: string): void;
  /** How often the table is compared with what this instance has connected (other instances' changes). */
  refreshMs: number;
  /** Calls back on each change another instance announces; absent for a database no one else uses. */
  listen?: (onChange: () => void) => Promise<() => Promise<void>>;
}

interface Connected {
  record: StoredAccount;
  config: AccountConfig;
}

/**
 * Keeps the stored accounts connected in this instance in step with the database. Changes made through
 * this instance apply at once; changes made by another instance on the same database are picked up
 * when it announces them (on PostgreSQL, at its commit), on a request for an account this instance does
 * not know (a cache miss), before every account listing, and on a short interval should an announcement
 * be lost.
 */
export class LiveStoredAccounts {
  private readonly connected = new Map<string, Connected>();
  /** Stored accounts that could not be connected, with the reason (never a secret). */
  private readonly problems = new Map<string, { revision: number; problem: string }>();
  private readonly configuredIds: Set<string>;
  private readonly embeddedEndpoints: Set<string>;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LiveAccountsDeps) {
    this.configuredIds = new Set(deps.configured.map((a) => a.id));
    this.embeddedEndpoints = new Set(
      deps.configured.filter((a) => a.embedded).map((a) => normaliseEndpoint(a.endpoint) ?? a.endpoint),
    );
  }

  /** Runs one change of the connected set at a time, so that a refresh never undoes a newer change. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  isConfigured(id: string): boolean {
    return this.configuredIds.has(id);
  }

  /** The connected stored accounts, oldest first. */
  list(): Connected[] {
    return [...this.connected.values()];
  }

  has(id: string): boolean {
    return this.connected.has(id);
  }

  problemOf(id: string): string | undefined {
    return this.problems.get(id)?.problem;
  }

  /** Connects the record (or reconnects it with new credentials); records why when it cannot. */
  apply(record: StoredAccount): Promise<void> {
    return this.serial(async () => this.connect(record));
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => this.drop(id));
  }

  private connect(record: StoredAccount): void {
    if (this.configuredIds.has(record.id)) {
      this.problems.set(record.id, {
        revision: record.revision,
        problem: 'An account of the configuration has the same id; the configured one is used.',
      });
      return;
    }
    let config: AccountConfig;
    try {
      config = this.deps.store.toConfig(record, this.embeddedEndpoints.has(record.endpoint));
    } catch (error) {
      const problem =
        error instanceof VaultError ? error.message : `The stored account "${record.id}" cannot be read.`;
      this.drop(record.id);
      this.problems.set(record.id, { revision: record.revision, problem });
      this.deps.logger.warn(
        {
          account: record.id,
          keyId: record.sealed.keyId,
          code: error instanceof VaultError ? error.code : 'invalid',
        },
        'stored account not connected',
      );
      return;
    }
    this.deps.connect(config);
    this.connected.set(record.id, { record, config });
    this.problems.delete(record.id);
  }

  private drop(id: string): void {
    if (this.connected.delete(id)) this.deps.disconnect(id);
    this.problems.delete(id);
  }

  /** Brings the connected set in step with the table: new and changed accounts, deleted ones. */
  refresh(): Promise<void> {
    return this.serial(async () => {
      const revisions = await this.deps.store.revisions();
      for (const id of [...this.connected.keys(), ...this.problems.keys()]) {
        if (!revisions.has(id)) this.drop(id);
      }
      for (const [id, revision] of revisions) {
        const known = this.connected.get(id)?.record.revision ?? this.problems.get(id)?.revision;
        if (known === revision) continue;
        const record = await this.deps.store.get(id);
        if (record) this.connect(record);
      }
    });
  }

  /** A cache miss: an account this instance does not know may have been added by another instance. */
  async ensure(id: string): Promise<void> {
    if (this.configuredIds.has(id) || this.connected.has(id)) return;
    await this.serial(async () => {
      if (this.connected.has(id)) return;
      const record = await this.deps.store.get(id);
      if (record && this.problems.get(id)?.revision !== record.revision) this.connect(record);
    });
  }

  async start(): Promise<void> {
    const refresh = () => {
      this.refresh().catch((err) => this.deps.logger.warn({ err }, 'stored accounts refresh failed'));
    };
    this.timer = setInterval(refresh, this.deps.refreshMs);
    this.timer.unref();
    try {
      this.unlisten = await this.deps.listen?.(refresh);
    } catch (err) {
      // The interval still brings other instances' changes, only later.
      this.deps.logger.warn({ err }, 'cannot listen for stored account changes');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.();
    await this.queue;
  }
}
