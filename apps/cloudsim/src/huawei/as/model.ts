import {
  type AsActivityStatus,
  type AsActivityType,
  type AsErrorCode,
  type AsInstanceHealthStatus,
  type AsInstanceTerminatePolicy,
  type AsLifeCycleState,
  type AsLifecycleHookStatus,
  type AsLifecycleHookType,
  type AsScalingGroupStatus,
  type AsScalingPolicyType,
  asErrors,
} from '@console/catalogue';
import { reported, simulated } from '../../reported-time';

/** An AS failure: the seed's `{"error": {"code", "message"}}` with the appendix's HTTP status. */
export class AsError extends Error {
  readonly status: number;
  constructor(
    readonly code: AsErrorCode,
    ...args: string[]
  ) {
    let message: string = asErrors[code].message;
    for (const a of args) message = message.replace('%s', a);
    if (args.length && !asErrors[code].message.includes('%s')) message = `${message} ${args.join(' ')}`;
    super(message);
    this.status = asErrors[code].status;
  }
}

/** Throws the AS error when the condition fails. */
export function check(condition: unknown, code: AsErrorCode, ...args: string[]): asserts condition {
  if (!condition) throw new AsError(code, ...args);
}

const secondsText = (wallMs: number) => new Date(wallMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
const minutesText = (wallMs: number) => new Date(wallMs).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');

/** `2015-07-23T02:46:29Z`: the seed's UTC timestamps have whole seconds (simulated ms, in reported time). */
export function isoSeconds(ms: number): string {
  return secondsText(reported(ms));
}

/** `2015-07-24T01:21Z`: policy times have minutes only (simulated ms, in reported time). */
export function isoMinutes(ms: number): string {
  return minutesText(reported(ms));
}

const MINUTE_Z = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/;
const SECOND_Z = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses `YYYY-MM-DDThh:mmZ` (reported time) into simulated ms; undefined when malformed. */
export function parseMinutes(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = MINUTE_Z.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi);
  return minutesText(t) === text ? simulated(t) : undefined;
}

/** Parses `yyyy-MM-ddThh:mm:ssZ` (reported time) into simulated ms; undefined when malformed. */
export function parseSeconds(text: string): number | undefined {
  const m = SECOND_Z.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, sec);
  return secondsText(t) === text ? simulated(t) : undefined;
}

/** The text after the last `:` of an SMN topic URN (`urn:smn:regionId:project:gsh` → `gsh`). */
export const TOPIC_URN = /^urn:smn:[A-Za-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$/;
export function topicName(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}

/** Group, config and policy names: 1–64 of CJK, letters, digits, `_`, `-`. */
export const RESOURCE_NAME = /^[\p{Script=Han}A-Za-z0-9_-]+$/u;

export type Json = Record<string, unknown>;

export interface AsNetwork {
  id: string;
  ipv6_enable?: boolean;
  ipv6_bandwidth?: unknown;
}

export interface AsGroup {
  id: string;
  name: string;
  status: AsScalingGroupStatus;
  configId: string | null;
  desired: number;
  min: number;
  max: number;
  coolDown: number;
  lbListenerId: string | null;
  lbaasListeners: Json[] | null;
  availableZones: string[];
  networks: AsNetwork[];
  securityGroups: { id: string }[];
  vpcId: string;
  healthMethod: string;
  healthTime: number;
  healthGrace: number;
  terminatePolicy: AsInstanceTerminatePolicy;
  notifications: string[] | null;
  deletePublicip: boolean;
  deleteVolume: boolean;
  multiAzPolicy: string;
  description: string | null;
  createdAt: number;
  /** Error text of the last failed activity. */
  detail: string | null;
  activityType: string | null;
  /** End of the last activity + cool_down_time; only alarm policies wait for it. */
  coolDownUntil: number;
  /** Desired-count changes not yet acted upon, for the next activity's description. */
  pendingReasons: Json[];
  /** The policy whose execution the next activity carries out. */
  pendingPolicyId: string | null;
}

export interface AsConfig {
  id: string;
  name: string;
  instanceConfig: Json;
  createdAt: number;
}

export interface AsInstance {
  id: string;
  name: string;
  groupId: string;
  state: AsLifeCycleState;
  health: AsInstanceHealthStatus;
  /** Empty for instances added by hand. */
  configId: string | null;
  configName: string | null;
  az: string | null;
  createdAt: number;
  protect: boolean;
  /** When the current stage ends (PENDING or REMOVING); undefined while waiting on a hook or in service. */
  nextAt?: number;
  /** The activity moving this instance. */
  activityId?: string;
  /** Lifecycle hooks already applied in the current direction. */
  hooked: boolean;
  /** The launch was abandoned: the instance is on its way out and counts as failed. */
  abandoned: boolean;
  /** Delete the ECS when it leaves the group (AS-created instances), else only remove it. */
  deleteOnRemove: boolean;
  /** Skip terminating hooks (force delete of the group). */
  skipHooks?: boolean;
  /** Past the hooks on the way out: the next stage end releases it. */
  releasing?: boolean;
}

export interface AsActivityInstance {
  instance_id: string;
  instance_name: string;
  failed_reason?: string;
  failed_details?: string;
}

export interface AsActivity {
  id: string;
  groupId: string;
  status: AsActivityStatus;
  type: AsActivityType;
  startAt: number;
  endAt: number | null;
  added: AsActivityInstance[];
  removed: AsActivityInstance[];
  deleted: AsActivityInstance[];
  failed: AsActivityInstance[];
  scalingValue: number;
  instanceValue: number;
  desireValue: number;
  reasons: Json[];
  policyId: string | null;
  /** Instances still on their way in or out. */
  pending: Set<string>;
}

export interface AsPolicy {
  id: string;
  groupId: string;
  name: string;
  type: AsScalingPolicyType;
  alarmId: string | null;
  scheduled: {
    launch_time: string;
    recurrence_type?: string | null;
    recurrence_value?: string | null;
    start_time?: string | null;
    end_time?: string | null;
  } | null;
  action: { operation: 'ADD' | 'REMOVE' | 'SET'; instance_number?: number; instance_percentage?: number };
  coolDown: number;
  status: 'INSERVICE' | 'PAUSED';
  createdAt: number;
  nextFireAt: number | undefined;
}

export interface AsHook {
  groupId: string;
  name: string;
  type: AsLifecycleHookType;
  defaultResult: 'ABANDON' | 'CONTINUE';
  defaultTimeout: number;
  topicUrn: string;
  metadata: string | null;
  createdAt: number;
}

export interface AsHanging {
  key: string;
  instanceId: string;
  groupId: string;
  hookName: string;
  hookType: AsLifecycleHookType;
  status: AsLifecycleHookStatus;
  timeoutAt: number;
  defaultResult: 'ABANDON' | 'CONTINUE';
}

export interface AsTopic {
  urn: string;
  scenes: string[];
}

/** Stage durations of simulated time. */
export const LAUNCH_MS = 30_000;
export const DETACH_MS = 10_000;
export const REMOVE_MS = 20_000;
/** At most this many instances join or leave in one activity; the rest follow in the next. */
export const MAX_PER_ACTIVITY = 20;
