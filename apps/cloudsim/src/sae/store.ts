import { ConfigMaps } from './config-maps';
import { SaeError } from './envelope';
import { IdGenerator } from './ids';
import { Jobs } from './jobs';
import { GreyTagRoutes } from './microservices';
import type { ChangeOrder, SaeApp, SaeEvent, SaeInstance, SaeNamespace, SaeVersion } from './model';
import { SaeNetwork } from './network';
import { ScalingRules } from './scaling';

/** Resources an instance held over a time span, for QueryResourceStatics. */
export interface UsageSpan {
  AppId: string;
  cores: number;
  gib: number;
  from: number;
  to: number;
}

/** All SAE state of one simulated account and region. */
export class SaeStore {
  readonly ids: IdGenerator;
  readonly namespaces = new Map<string, SaeNamespace>();
  readonly apps = new Map<string, SaeApp>();
  readonly instances = new Map<string, SaeInstance>();
  readonly versions = new Map<string, SaeVersion>();
  readonly orders = new Map<string, ChangeOrder>();
  readonly pipelineOrder = new Map<string, string>();
  readonly events: SaeEvent[] = [];
  readonly closedUsage: UsageSpan[] = [];
  readonly scaling: ScalingRules = new ScalingRules(this);
  readonly greyRoutes: GreyTagRoutes = new GreyTagRoutes(this);
  readonly configMaps: ConfigMaps = new ConfigMaps(this);
  readonly jobs: Jobs = new Jobs(this);
  readonly network: SaeNetwork = new SaeNetwork(this);
  private eventSeq = 0;

  constructor(
    readonly regionId: string,
    seed?: number,
  ) {
    this.ids = new IdGenerator(seed);
  }

  app(appId: string): SaeApp {
    const app = this.apps.get(appId);
    if (!app || app.deleted) throw new SaeError('InvalidAppId.NotFound');
    return app;
  }

  namespace(namespaceId: string): SaeNamespace {
    const ns = this.namespaces.get(namespaceId);
    if (!ns) throw new SaeError('InvalidNamespaceId.NotFound');
    return ns;
  }

  order(changeOrderId: string): ChangeOrder {
    const order = this.orders.get(changeOrderId);
    if (!order) throw new SaeError('InvalidChangeOrder.NotFound');
    return order;
  }

  appInstances(appId: string): SaeInstance[] {
    return [...this.instances.values()].filter((i) => i.AppId === appId);
  }

  appOrders(appId: string): ChangeOrder[] {
    return [...this.orders.values()].filter((o) => o.AppId === appId);
  }

  liveApps(): SaeApp[] {
    return [...this.apps.values()].filter((a) => !a.deleted);
  }

  addEvent(event: Omit<SaeEvent, 'seq' | 'first' | 'last'> & { at: number }): void {
    const { at, ...rest } = event;
    // Kubernetes folds a repeated event into one entry with a later LastTimestamp.
    const same = this.events.find(
      (e) =>
        e.AppId === rest.AppId &&
        e.ObjectName === rest.ObjectName &&
        e.Reason === rest.Reason &&
        e.Message === rest.Message,
    );
    if (same) {
      same.last = Math.max(same.last, at);
      return;
    }
    this.events.push({ ...rest, seq: this.eventSeq++, first: at, last: at });
    if (this.events.length > 20_000) this.events.splice(0, this.events.length - 20_000);
  }
}
