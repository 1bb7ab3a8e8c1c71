import type { SimClock } from '../clock';

/**
 * A Huawei Cloud REST call that passed authentication (IAM token or AK/SK signature), as the product
 * simulators (AOS, AS) see it. The shared front (huawei/index.ts) authenticates, injects faults, logs
 * the call and writes the response.
 */
export interface HuaweiRequest {
  method: string;
  /** The path without the query string, e.g. `/v2/stacks` or `/autoscaling-api/v1/{project_id}/scaling_group`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
  /** The project the token is scoped to, or the AK/SK account's project (X-Project-Id when sent). */
  projectId: string;
  domainId: string;
  userId: string;
  /** Also sent back in the product's request-id header. */
  requestId: string;
  /** Simulated time. */
  now: number;
}

export interface HuaweiResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable body, or raw bytes (template download); absent for 204. */
  body?: unknown;
  /** The API's name for the call log (e.g. `CreateStack`, `ListScalingGroups`). */
  api: string;
  /** The product's error code when the call failed (e.g. `AS.2007`, `SVCSTG.AOS.4001110`). */
  code?: string;
}

/** One Huawei product's simulator: stateful, moved by the shared clock. */
export interface HuaweiProduct {
  /** `AOS` or `AS`: the fault-injection and call-log product name. */
  readonly product: string;
  /** The call, or undefined when no API of this product has that method and path. */
  handle(request: HuaweiRequest): HuaweiResponse | undefined;
  /** Runs whatever is due up to the clock's now (stack phases, scaling activities, hook timeouts). */
  advance(): void;
  /** Back to the seeded demo state. */
  reset(): void;
}

export interface HuaweiProductOptions {
  clock: SimClock;
  /** Seed the demo data (default true). */
  seed?: boolean;
  /** The demo project every seeded resource belongs to. */
  projectId: string;
  logger?: (line: object) => void;
}
