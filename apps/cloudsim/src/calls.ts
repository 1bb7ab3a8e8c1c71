export interface CallRecord {
  product: string;
  api: string;
  method: string;
  path: string;
  status: number;
  code: string;
  requestId: string;
  /** The injected fault that shaped the answer (`throttle`, `error`, `reset-after`…), if any. */
  fault?: string;
  /** Real wall-clock ms epoch. */
  at: number;
}

/** Signed, verified API calls that reached a product simulator (for tests and the demo). */
export class CallLog {
  private readonly records: CallRecord[] = [];

  constructor(private readonly limit = 10_000) {}

  add(record: CallRecord): void {
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
  }

  list(filter: { api?: string; product?: string } = {}): CallRecord[] {
    return this.records.filter(
      (r) => (!filter.api || r.api === filter.api) && (!filter.product || r.product === filter.product),
    );
  }

  clear(): void {
    this.records.length = 0;
  }
}
