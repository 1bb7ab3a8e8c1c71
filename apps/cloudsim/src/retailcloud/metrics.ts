import { reported, simulated } from '../reported-time';
import { hashUnit } from '../sae/ids';
import { type RcEnvironment, type RcInstance, rcError, spacedReported } from './model';
import type { RetailCloudStore } from './store';

/** The 14 metric names of DescribeAppMonitorMetric with the seed's display names (typos kept out, see below). */
export const METRICS = {
  'pod.memory.working_set': '实例内存使用量',
  'pod.cpu.usage_rate': '实例CPU使用量',
  'pod.network.rx_rate': '实例网络接受速率',
  'pod.network.rx_errors_rate': '实例网络接收错误速率',
  'pod.cpu.utilization': '实例CPU使用率',
  'pod.memory.utilization': '实例内存使用率',
  'pod.network.tx_rate': '实例网络发送速率',
  // The seed garbles this label ("接发送误速率"); the intended wording is used.
  'pod.network.tx_errors_rate': '实例网络发送错误速率',
  // The seed labels this one 分组内存使用量 (a copy of the memory row); it is the group CPU usage.
  'deployment.cpu.usage_rate': '分组CPU使用量',
  'deployment.memory.working_set': '分组内存使用量',
  'deployment.network.rx_rate': '分组网络接受速率',
  'deployment.network.rx_errors_rate': '分组网络接收错误速率',
  'deployment.network.tx_rate': '分组网络发送速率',
  'deployment.network.tx_errors_rate': '分组网络发送错误速率',
} as const;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
export const isMetricName = (m: string): m is MetricName => m in METRICS;

/** DescribeAppMonitorMetric.Result[] item. */
export interface MetricItem {
  Name: string;
  Categories: string[];
  Data: number[];
}

export interface MetricQuery {
  envId: number;
  metric: string;
  type: string;
  startTime: number;
  endTime: number;
  /** Type=group: the deploy order whose group is charted (must belong to the environment). */
  deployOrderId?: number;
  /** Type=instance: the pod. */
  podName?: string;
}

const MINUTE = 60_000;
/** At most one week of one-minute points per request. */
export const MAX_POINTS = 7 * 24 * 60;
/** StartTime ≥ EndTime (as in the seed's example) answers the 10 minutes before EndTime, like the example. */
const DEFAULT_POINTS = 10;
const GIB = 1024 ** 3;

/** Traffic follows the day: low at night (UTC+8), high in the afternoon. */
function load(t: number): number {
  const hour = (((t / 3_600_000 + 8) % 24) + 24) % 24;
  return 0.55 + 0.4 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);
}

const noise = (key: string, t: number) => hashUnit(`${key}:${Math.floor(t / MINUTE)}`);

/** Is the pod up (started, not yet removed) at minute t? Starting pods count: they use CPU while they boot. */
function aliveAt(pod: RcInstance, t: number): boolean {
  return pod.createdAt <= t && (pod.removedAt === undefined || pod.removedAt > t);
}

/** One pod's value of a pod-level quantity at minute t. */
function podValue(pod: RcInstance, env: RcEnvironment, kind: string, t: number): number {
  if (!aliveAt(pod, t)) return 0;
  const key = pod.AppInstanceId;
  const n = noise(`${key}:${kind}`, t);
  const sinceStart = t - pod.createdAt;
  const warming = pod.readyAt === undefined || t < pod.readyAt;
  const failed = pod.failed === true;
  const l = load(t);
  switch (kind) {
    case 'cpu': {
      if (failed) return round(0.002 + n * 0.004, 4);
      // A booting JVM burns CPU for its first minutes.
      const boot = warming || sinceStart < 2 * MINUTE ? 0.6 : 0;
      return round(env.cpuLimit * Math.min(0.95, 0.12 + 0.3 * l + boot + (n - 0.5) * 0.08), 4);
    }
    case 'mem': {
      const limit = env.memLimitGb * GIB;
      if (failed) return Math.round(limit * (0.02 + n * 0.01));
      const warm = Math.min(1, sinceStart / (15 * MINUTE));
      return Math.round(limit * (0.25 + 0.3 * warm + 0.08 * l + (n - 0.5) * 0.02));
    }
    case 'rx':
    case 'tx': {
      if (failed || warming) return 0;
      const base = kind === 'rx' ? 120_000 : 90_000;
      return Math.round(base * l * (0.85 + n * 0.3));
    }
    case 'rx_err':
    case 'tx_err': {
      if (failed || warming) return 0;
      return n > 0.97 ? round((n - 0.97) * 10, 3) : 0;
    }
    default:
      return 0;
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const KIND: Record<string, string> = {
  'cpu.usage_rate': 'cpu',
  'cpu.utilization': 'cpu',
  'memory.working_set': 'mem',
  'memory.utilization': 'mem',
  'network.rx_rate': 'rx',
  'network.tx_rate': 'tx',
  'network.rx_errors_rate': 'rx_err',
  'network.tx_errors_rate': 'tx_err',
};

/** Minute timestamps covering [start, end] (inclusive, aligned to the minute). */
export function minuteRange(startTime: number, endTime: number): number[] {
  let end = Math.floor(endTime / MINUTE) * MINUTE;
  let start = Math.ceil(startTime / MINUTE) * MINUTE;
  if (start >= end) start = end - (DEFAULT_POINTS - 1) * MINUTE;
  if ((end - start) / MINUTE + 1 > MAX_POINTS) start = end - (MAX_POINTS - 1) * MINUTE;
  const out: number[] = [];
  for (let t = start; t <= end; t += MINUTE) out.push(t);
  if (end < start) end = start;
  return out;
}

/**
 * DescribeAppMonitorMetric: deterministic one-minute series computed from the pods' lifetimes, so the
 * group series follow deploys and scaling (a pod counts from its creation to its removal; group values are
 * sums over the environment's pods). Instance series cover only the minutes the pod existed. Units: CPU
 * in cores, utilisation as a 0–1 fraction, memory in bytes, network in bytes/s, errors in packets/s.
 */
export function describeAppMonitorMetric(store: RetailCloudStore, q: MetricQuery, now: number): MetricItem[] {
  if (!isMetricName(q.metric)) throw rcError('invalidParameter', 'Metric');
  const env = store.env(q.envId);
  const [scope, ...rest] = q.metric.split('.');
  const kind = KIND[rest.join('.')] ?? '';
  const utilization = q.metric.endsWith('.utilization');
  // The range and the minutes are the caller's (reported time); the values are the simulation's then.
  const minutes = minuteRange(q.startTime, Math.min(q.endTime, reported(now)));
  if (q.type === 'instance') {
    if (!q.podName) throw rcError('invalidParameter', 'PodName');
    const pod = store.findPod(env.EnvId, q.podName);
    if (!pod) throw rcError('notFound', `实例 ${q.podName} 不存在`);
    const points = minutes.filter((t) => aliveAt(pod, simulated(t)));
    const data = points.map((t) => {
      const v = podValue(pod, env, kind, simulated(t));
      if (!utilization) return v;
      const limit = kind === 'cpu' ? env.cpuLimit : env.memLimitGb * GIB;
      return round(v / limit, 4);
    });
    return [{ Name: METRICS[q.metric], Categories: points.map(spacedReported), Data: data }];
  }
  if (q.type !== 'group') throw rcError('invalidParameter', 'Type');
  if (scope !== 'deployment') throw rcError('invalidParameter', 'Metric');
  if (q.deployOrderId !== undefined) {
    const order = store.order(q.deployOrderId);
    if (order.EnvId !== env.EnvId)
      throw rcError('notFound', `发布单 ${q.deployOrderId} 不属于环境 ${env.EnvId}`);
  }
  const pods = store.envPodHistory(env.EnvId);
  const data = minutes.map((t) => {
    const sum = pods.reduce((acc, pod) => acc + podValue(pod, env, kind, simulated(t)), 0);
    return kind === 'cpu' || kind.endsWith('err') ? round(sum, 4) : Math.round(sum);
  });
  return [{ Name: METRICS[q.metric], Categories: minutes.map(spacedReported), Data: data }];
}

/** Pods alive at t (for tests and the console: the group series follow this count). */
export function podCountAt(store: RetailCloudStore, envId: number, t: number): number {
  return store.envPodHistory(envId).filter((p) => aliveAt(p, t)).length;
}
