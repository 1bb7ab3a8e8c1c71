import { paginate, type SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { SaeApp } from '../model';
import type { SaeStore } from '../store';
import { formatIsoSeconds, monthStartCst } from '../time-format';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * RealTimeRes: cores and GiB held by the app's instances now. Summary: Core·min and GiB·min held
 * since the start of the (UTC+8) month, from the instance lifetimes in simulated time.
 */
export function resourceStatics(store: SaeStore, app: SaeApp, now: number) {
  const from = monthStartCst(now);
  let coreMin = 0;
  let gibMin = 0;
  const book = (cores: number, gib: number, start: number, end: number) => {
    const minutes = Math.max(0, Math.min(end, now) - Math.max(start, from)) / 60_000;
    coreMin += cores * minutes;
    gibMin += gib * minutes;
  };
  for (const span of store.closedUsage)
    if (span.AppId === app.AppId) book(span.cores, span.gib, span.from, span.to);
  let cores = 0;
  let gib = 0;
  for (const i of store.appInstances(app.AppId)) {
    book(i.cpu / 1000, i.memory / 1024, i.createdAt, now);
    cores += i.cpu / 1000;
    gib += i.memory / 1024;
  }
  return {
    Summary: { Cpu: round2(coreMin), Memory: round2(gibMin) },
    RealTimeRes: { Cpu: round2(cores), Memory: round2(gib) },
  };
}

/** Metrics-ish reads: resource usage and Kubernetes-style events. */
export const metricsHandlers: SaeHandlers = {
  QueryResourceStatics({ params, store, now }) {
    return { data: resourceStatics(store, store.app(params.req('AppId')), now) };
  },

  ListAppEvents({ params, store }) {
    const namespace = params.req('Namespace');
    const appId = params.str('AppId');
    if (appId) store.app(appId);
    const pageSize = params.int('PageSize');
    if (pageSize !== undefined && (pageSize < 0 || pageSize > 10_000)) {
      throw new SaeError('InvalidParameter.WithMessage', 'PageSize', 'must be within [0,10000]');
    }
    const kind = params.str('ObjectKind');
    const name = params.str('ObjectName');
    const type = params.str('EventType');
    const reason = params.str('Reason');
    // `Namespace` is a namespace id; a bare region id (the seed's example) selects the whole region.
    const inNamespace = (ns: string) => namespace === ns || namespace === store.regionId;
    const events = store.events
      .filter((e) => (appId ? e.AppId === appId : inNamespace(e.NamespaceId)))
      .filter((e) => !kind || e.ObjectKind === kind)
      .filter((e) => !name || e.ObjectName.includes(name))
      .filter((e) => !type || e.EventType === type)
      .filter((e) => !reason || e.Reason === reason)
      .sort((a, b) => b.last - a.last || b.seq - a.seq);
    const page = paginate(events, params.int('CurrentPage'), pageSize, 10);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        AppEventEntity: page.items.map((e) => ({
          ObjectKind: e.ObjectKind,
          ObjectName: e.ObjectName,
          EventType: e.EventType,
          Reason: e.Reason,
          Message: e.Message,
          FirstTimestamp: formatIsoSeconds(e.first),
          LastTimestamp: formatIsoSeconds(e.last),
        })),
      },
    };
  },
};
