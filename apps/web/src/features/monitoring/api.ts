import type {
  CapacityHistory,
  HealthBreakdown,
  MonitorMetricName,
  MonitorMetricSeries,
} from '@console/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

export const monitorKeys = {
  app: (accountId: string, appId: string) =>
    ['accounts', accountId, 'applications', 'detail', appId, 'monitor'] as const,
  series: (accountId: string, appId: string, metric: MonitorMetricName, rangeMinutes: number, pod?: string) =>
    [...monitorKeys.app(accountId, appId), metric, rangeMinutes, pod ?? ''] as const,
};

/** The last `rangeMinutes` of one metric, re-read every 30 s while the tab is visible. */
export const metricQuery = (
  accountId: string,
  appId: string,
  metric: MonitorMetricName,
  rangeMinutes: number,
  podName?: string,
) =>
  queryOptions({
    queryKey: monitorKeys.series(accountId, appId, metric, rangeMinutes, podName),
    queryFn: ({ signal }) => {
      const to = Date.now();
      return api.get<MonitorMetricSeries>(
        `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}/monitor-metrics${queryString(
          { metric, from: to - rangeMinutes * 60_000, to, podName },
        )}`,
        signal,
      );
    },
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

export const useMetric = (
  accountId: string,
  appId: string,
  metric: MonitorMetricName,
  rangeMinutes: number,
  podName?: string,
) => useQuery(metricQuery(accountId, appId, metric, rangeMinutes, podName));

const appPath = (accountId: string, appId: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(appId)}`;

/** Current, desired, min and max over the last `rangeMinutes`; re-read every 30 s while visible. */
export const useCapacity = (accountId: string, appId: string, rangeMinutes: number, enabled: boolean) =>
  useQuery({
    queryKey: [...monitorKeys.app(accountId, appId), 'capacity', rangeMinutes],
    queryFn: ({ signal }) =>
      api.get<CapacityHistory>(
        `${appPath(accountId, appId)}/capacity${queryString({ range: rangeMinutes })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    enabled,
  });

/** The application's parts counted by state; re-read every 10 s while visible. */
export const useHealthBreakdown = (accountId: string, appId: string) =>
  useQuery({
    queryKey: [...monitorKeys.app(accountId, appId), 'health'],
    queryFn: ({ signal }) => api.get<HealthBreakdown>(`${appPath(accountId, appId)}/health`, signal),
    refetchInterval: 10_000,
  });
