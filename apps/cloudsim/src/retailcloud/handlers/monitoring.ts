import { simulated } from '../../reported-time';
import { page, type RetailCloudHandlers } from '../context';
import { gatewayErrors } from '../envelope';
import { describeAppMonitorMetric } from '../metrics';
import { minuteZ, rcError } from '../model';

const EVENT_LEVELS = ['Normal', 'Warning', 'Error'];
const EVENT_TYPES = [
  'POD_FAILED',
  'READINESS_FAILED',
  'LIVENESS_FAILED',
  'EVICTED_BY_NODE',
  'RESOURCE_INSUFFICIENT',
];

function check(ok: boolean, detail: string): void {
  if (!ok) throw rcError('invalidParameter', detail);
}

/** 应用监控 (seed 4): container logs, the SLS event centre and the basic metrics. */
export const monitoringHandlers: RetailCloudHandlers = {
  DescribePodContainerLogList: ({ params, store, now }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    const line = params.int('Line', true);
    const podName = params.str('PodName', true);
    check(line > 0, 'Line');
    return { Result: { ContainerLogList: store.containerLogs(env, podName, line, now) } };
  },

  // Requests page with PageNum, the answer says PageNumber. EventLevel, EventType and PodName are marked
  // required in the table but described as optional; they are optional here.
  DescribeEventMonitorList: ({ params, store }) => {
    const env = store.appEnv(params.int('AppId', true), params.int('EnvId', true));
    const start = params.int('StartTime', true);
    const end = params.int('EndTime', true);
    const pageNum = params.int('PageNum', true);
    const pageSize = params.int('PageSize', true);
    check(start <= end, 'StartTime 不能晚于 EndTime');
    check(pageNum >= 1, 'PageNum');
    check(pageSize >= 1 && pageSize <= 100, 'PageSize');
    const level = params.str('EventLevel') || undefined;
    const type = params.str('EventType') || undefined;
    if (level) check(EVENT_LEVELS.includes(level), 'EventLevel');
    if (type) check(EVENT_TYPES.includes(type), 'EventType');
    const events = store.monitorEvents(env.EnvId, {
      start: simulated(start),
      end: simulated(end),
      level,
      type,
      podName: params.str('PodName') || undefined,
    });
    const result = page(events, pageNum, pageSize, 10);
    return {
      ...result,
      Data: result.Data.map((e) => ({
        Count: e.Count,
        EventTime: minuteZ(e.last),
        HostName: e.HostName,
        Kind: e.Kind,
        Level: e.Level,
        Message: e.Message,
        NameSpace: e.NameSpace,
        PodName: e.PodName,
        Reason: e.Reason,
      })),
    };
  },

  // DeployOrderId (a String here, a Long elsewhere) is needed for Type=group, PodName for Type=instance.
  DescribeAppMonitorMetric: ({ params, store, now }) => {
    const appId = params.int('AppId', true);
    const envId = params.int('EnvId', true);
    const startTime = params.int('StartTime', true);
    const endTime = params.int('EndTime', true);
    const metric = params.str('Metric', true);
    const type = params.str('Type', true);
    store.appEnv(appId, envId);
    check(type === 'group' || type === 'instance', 'Type');
    check(startTime >= 0 && endTime >= 0, 'StartTime');
    let deployOrderId: number | undefined;
    if (type === 'group') {
      const text = params.str('DeployOrderId', true);
      if (!/^\d+$/.test(text.trim())) throw gatewayErrors.invalidParameter('DeployOrderId');
      deployOrderId = Number(text.trim());
    }
    const podName = type === 'instance' ? params.str('PodName', true) : undefined;
    const items = describeAppMonitorMetric(
      store,
      { envId, metric, type, startTime, endTime, deployOrderId, podName },
      now,
    );
    return { Result: items };
  },
};
