import type { MonitorMetricName, MonitorMetricSeries } from '@console/contract';
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
