import type { Job, LogConfig } from '@console/contract';
import { cloudIso, ZONE } from '../upstream/cloud-time';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
const num = (v: unknown): number => Number(v ?? 0) || 0;

export function logConfigView(raw: Raw): LogConfig {
  return {
    name: String(raw.ConfigName ?? ''),
    logDir: String(raw.LogDir ?? ''),
    logType: str(raw.LogType),
    storeType: str(raw.StoreType),
    slsProject: str(raw.SlsProject),
    slsLogStore: str(raw.SlsLogStore),
    // "2019-08-29 17:18:00" in China Standard Time, like the change orders' times.
    createTime: cloudIso(raw.CreateTime, ZONE.chinaStandardTime),
  };
}

const states: Record<string, Job['state']> = {
  '0': 'pending',
  '1': 'succeeded',
  '2': 'failed',
  '3': 'running',
};

/** DescribeJobStatus; its times are epoch seconds (seed 000 §13), the console's are milliseconds. */
export function jobView(raw: unknown): Job {
  const j = obj(raw);
  const seconds = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : num(v) * 1000);
  const nativeState = String(j.State ?? '');
  return {
    jobId: String(j.JobId ?? ''),
    state: states[nativeState] ?? 'unknown',
    nativeState,
    active: num(j.Active),
    succeeded: num(j.Succeeded),
    failed: num(j.Failed),
    startTime: seconds(j.StartTime),
    completionTime: seconds(j.CompletionTime),
    message: str(j.Message),
  };
}
