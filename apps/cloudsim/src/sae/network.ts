import { SaeError } from './envelope';
import { IdGenerator } from './ids';
import type { SaeApp } from './model';
import type { SaeStore } from './store';

/** A load balancer of the simulated account (the SLB product SAE drives, not SAE itself). */
export interface SimSlb {
  SlbId: string;
  addressType: 'internet' | 'intranet';
  loadBalanceType: 'clb' | 'alb';
  /** Shared-performance instances cannot carry SAE listeners (SlbSpec.NotSupport). */
  sharedPerformance: boolean;
  ip: string;
  /** Intranet instances live in one VPC. */
  vpcId: string;
  /** Bought by BindSlb: released again when nothing uses it any more. */
  createdBySae: boolean;
  /** Another product's tag (e.g. a Kubernetes cluster): SAE must not reuse it. */
  occupiedBy?: string;
  /** Listener ports configured outside SAE. */
  foreignPorts: number[];
}

export interface SslCert {
  CertId: string;
  name: string;
}

export type SlbProtocol = 'TCP' | 'HTTP' | 'HTTPS';

export interface SlbListener {
  port: number;
  targetPort: number;
  protocol: SlbProtocol;
  httpsCertId?: string;
}

export interface SlbBinding {
  slbId: string;
  listeners: SlbListener[];
}

export interface AppSlbs {
  internet?: SlbBinding;
  intranet?: SlbBinding;
}

/** What a CoBindSlb / CoUnbindSlb order does to the bindings once it succeeds. */
interface PendingSlbChange {
  orderId: string;
  appId: string;
  set: AppSlbs;
  unbind: { internet: boolean; intranet: boolean };
  /** SLBs bought for this order: released if the order does not succeed. */
  bought: string[];
}

export interface IngressRule {
  appId: string;
  containerPort: number;
  domain: string;
  path: string;
}

export interface Ingress {
  Id: number;
  NamespaceId: string;
  Name: string;
  Description: string;
  SlbId: string;
  ListenerPort: number;
  ListenerProtocol: 'HTTP' | 'HTTPS';
  LoadBalanceType: 'clb' | 'alb';
  CertId: string;
  defaultRule: { appId: string; containerPort: number };
  rules: IngressRule[];
}

/** SLBs SAE may buy for one account before SLBInstanceQuota.OverQuota. */
export const SAE_SLB_QUOTA = 20;

/** Fixed ids of the seeded network objects, for tests and demos. */
export const NETWORK_SEED = {
  certs: [
    '1513561019707729_16f37aae5f3_-375882821_-169099',
    '1880770869020000_176993d3a2b_1814370000_1087240',
  ],
  /** Free internet CLBs. */
  internetSlbs: ['lb-bp1t6x2k9dq4ve7w0m3a', 'lb-bp1n8r5c0h2ys6fj4u1b'],
  /** Internet CLB of the shared-performance kind. */
  sharedSlb: 'lb-bp1shp3a7wq0z5k2e9c4',
  /** Internet CLB tagged by a Kubernetes cluster. */
  ackSlb: 'lb-bp1ack8m2x5t0r4n7q6d',
  /** Internet CLB with a non-SAE listener on port 22. */
  sshSlb: 'lb-bp1ssh4v9b1c6x3z8k2f',
  /** Internet ALB. */
  alb: 'alb-6pq2x9s0r4vbk7e1wn',
  /** One intranet CLB per seeded namespace, in its VPC; key = namespace suffix. */
  intranetSlbs: {
    prod: 'lb-bp1pri0d7k3w9m2x5c8e',
    staging: 'lb-bp1stg1f5n8q2v6y0r3h',
    dev: 'lb-bp1dev2j4p7s1t9w5u6g',
  },
  /** The demo ingress of cn-hangzhou:prod. */
  ingressId: 87,
} as const;

const PORT_MIN = 1;
const PORT_MAX = 65_535;

export function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= PORT_MIN && n <= PORT_MAX;
}

/** Ingresses, SLBs and their bindings of one account, plus the service-open flag. */
export class SaeNetwork {
  /** Own generator: network ids must not shift the ids of the rest of the world. */
  private readonly ids = new IdGenerator(0x51b0bad);
  readonly slbs = new Map<string, SimSlb>();
  readonly certs = new Map<string, SslCert>();
  readonly bindings = new Map<string, AppSlbs>();
  readonly ingresses = new Map<number, Ingress>();
  private readonly pending = new Map<string, PendingSlbChange>();
  private nextIngressId = NETWORK_SEED.ingressId;
  serviceOpened = false;
  serviceOrderId = '';

  constructor(private readonly store: SaeStore) {}

  // ---------- consistency with the rest of the world ----------

  /**
   * Applies finished bind/unbind orders and follows app deletions: a deleted app keeps no SLB
   * binding and no ingress rule; the apps that shared an ingress with it get an event saying so.
   */
  reconcile(now: number): void {
    const { store } = this;
    for (const change of [...this.pending.values()]) {
      const order = store.orders.get(change.orderId);
      const status = order?.Status;
      if (status === 2) {
        this.pending.delete(change.orderId);
        this.applyChange(change);
      } else if (status === undefined || status === 3 || status === 6 || status === 10) {
        this.pending.delete(change.orderId);
        for (const id of change.bought) this.releaseIfUnused(id);
      }
    }
    for (const appId of [...this.bindings.keys()]) {
      if (this.isGone(appId)) {
        const binding = this.bindings.get(appId);
        this.bindings.delete(appId);
        for (const b of [binding?.internet, binding?.intranet]) if (b) this.releaseIfUnused(b.slbId);
      }
    }
    for (const ingress of [...this.ingresses.values()]) {
      const gone = new Set(
        [ingress.defaultRule.appId, ...ingress.rules.map((r) => r.appId)].filter((id) => this.isGone(id)),
      );
      if (gone.size === 0) continue;
      const names = [...gone].map((id) => store.apps.get(id)?.AppName ?? id).join(', ');
      const at = Math.max(
        ...[...gone].map(
          (id) =>
            store.appOrders(id).find((o) => o.CoTypeCode === 'CoDeleteApp' && o.Status === 2)?.finishedAt ??
            now,
        ),
      );
      const survivors = new Set(
        [ingress.defaultRule.appId, ...ingress.rules.map((r) => r.appId)].filter((id) => !gone.has(id)),
      );
      let message: string;
      if (gone.has(ingress.defaultRule.appId)) {
        this.ingresses.delete(ingress.Id);
        this.releaseIfUnused(ingress.SlbId);
        message = `Ingress ${ingress.Id} (${ingress.Name}) was deleted: its default rule pointed at the deleted application ${names}.`;
      } else {
        ingress.rules = ingress.rules.filter((r) => !gone.has(r.appId));
        message = `Ingress ${ingress.Id} (${ingress.Name}): rules of the deleted application ${names} were removed.`;
      }
      for (const appId of survivors) {
        const app = store.apps.get(appId);
        if (!app) continue;
        store.addEvent({
          AppId: app.AppId,
          NamespaceId: app.NamespaceId,
          ObjectKind: 'Service',
          ObjectName: `ingress-${ingress.Id}`,
          EventType: 'Warning',
          Reason: 'IngressRuleRemoved',
          Message: message,
          at,
        });
      }
    }
  }

  private isGone(appId: string): boolean {
    const app = this.store.apps.get(appId);
    return !app || app.deleted;
  }

  private applyChange(change: PendingSlbChange): void {
    const current = { ...(this.bindings.get(change.appId) ?? {}) };
    const released: string[] = [];
    for (const side of ['internet', 'intranet'] as const) {
      const old = current[side];
      const next = change.set[side];
      if (next) {
        if (old && old.slbId !== next.slbId) released.push(old.slbId);
        current[side] = next;
      } else if (change.unbind[side] && old) {
        released.push(old.slbId);
        current[side] = undefined;
      }
    }
    if (current.internet || current.intranet) this.bindings.set(change.appId, current);
    else this.bindings.delete(change.appId);
    for (const id of released) this.releaseIfUnused(id);
  }

  /** SAE releases an SLB it bought once no binding, pending order or ingress uses it. */
  private releaseIfUnused(slbId: string): void {
    const slb = this.slbs.get(slbId);
    if (!slb?.createdBySae) return;
    if (this.usersOf(slbId).length > 0) return;
    this.slbs.delete(slbId);
  }

  /** Who uses an SLB, with the ports each one holds. */
  private usersOf(
    slbId: string,
    except?: { appId?: string; side?: 'internet' | 'intranet'; ingressId?: number },
  ) {
    const users: { owner: string; ports: number[] }[] = [];
    const bindingPorts = (appId: string, slbs: AppSlbs, pending: boolean) => {
      for (const side of ['internet', 'intranet'] as const) {
        const b = slbs[side];
        if (!b || b.slbId !== slbId) continue;
        if (!pending && except?.appId === appId && except.side === side) continue;
        users.push({
          owner: this.store.apps.get(appId)?.AppName ?? appId,
          ports: b.listeners.map((l) => l.port),
        });
      }
    };
    for (const [appId, slbs] of this.bindings) bindingPorts(appId, slbs, false);
    for (const change of this.pending.values()) bindingPorts(change.appId, change.set, true);
    for (const ingress of this.ingresses.values()) {
      if (ingress.SlbId !== slbId || ingress.Id === except?.ingressId) continue;
      users.push({ owner: `ingress ${ingress.Id}`, ports: [ingress.ListenerPort] });
    }
    return users;
  }

  private portTaken(
    slb: SimSlb,
    port: number,
    except?: { appId?: string; side?: 'internet' | 'intranet'; ingressId?: number },
  ): boolean {
    if (slb.foreignPorts.includes(port)) return true;
    return this.usersOf(slb.SlbId, except).some((u) => u.ports.includes(port));
  }

  hasPendingChange(appId: string): boolean {
    return [...this.pending.values()].some((c) => c.appId === appId);
  }

  // ---------- SLB inventory ----------

  addSlb(slb: Omit<SimSlb, 'foreignPorts'> & { foreignPorts?: number[] }): SimSlb {
    const full: SimSlb = { foreignPorts: [], ...slb };
    this.slbs.set(full.SlbId, full);
    return full;
  }

  private buySlb(addressType: 'internet' | 'intranet', app: SaeApp): SimSlb {
    const bought = [...this.slbs.values()].filter((s) => s.createdBySae).length;
    if (bought >= SAE_SLB_QUOTA) throw new SaeError('SLBInstanceQuota.OverQuota');
    return this.addSlb({
      SlbId: `lb-bp1${this.ids.hex(17)}`,
      addressType,
      loadBalanceType: 'clb',
      sharedPerformance: false,
      ip: addressType === 'internet' ? this.internetIp() : this.intranetIp(),
      vpcId: addressType === 'intranet' ? app.VpcId : '',
      createdBySae: true,
    });
  }

  internetIp(): string {
    return `47.${this.ids.int(96, 121)}.${this.ids.int(0, 255)}.${this.ids.int(1, 254)}`;
  }

  intranetIp(): string {
    return `192.168.${this.ids.int(0, 255)}.${this.ids.int(1, 254)}`;
  }

  // ---------- BindSlb / UnbindSlb ----------

  /** Validates a BindSlb call and reserves what it needs; the binding shows once the order succeeds. */
  planBind(
    app: SaeApp,
    request: {
      internet?: SlbListener[];
      intranet?: SlbListener[];
      internetSlbId?: string;
      intranetSlbId?: string;
    },
  ): (orderId: string) => void {
    const current = this.bindings.get(app.AppId) ?? {};
    const set: AppSlbs = {};
    const toBuy: ('internet' | 'intranet')[] = [];
    for (const side of ['internet', 'intranet'] as const) {
      const listeners = side === 'internet' ? request.internet : request.intranet;
      const slbId = side === 'internet' ? request.internetSlbId : request.intranetSlbId;
      if (!listeners) continue;
      const chosen = slbId || current[side]?.slbId;
      if (!chosen) {
        toBuy.push(side);
        set[side] = { slbId: '', listeners };
        continue;
      }
      const slb = this.slbs.get(chosen);
      if (!slb) throw new SaeError('Slb.NotFound', chosen);
      if (slb.addressType !== side || slb.loadBalanceType !== 'clb') throw new SaeError('SlbType.Invalid');
      if (slb.sharedPerformance) throw new SaeError('SlbSpec.NotSupport');
      if (slb.occupiedBy) throw new SaeError('Slb.Tag.Not.Qualified', slb.occupiedBy);
      if (side === 'intranet' && slb.vpcId !== app.VpcId) throw new SaeError('SlbAppVSwitch.NotMatch');
      for (const l of listeners) {
        if (this.portTaken(slb, l.port, { appId: app.AppId, side })) {
          throw new SaeError('SlbListenerPort.NotAvailable', slb.SlbId, l.port);
        }
      }
      set[side] = { slbId: slb.SlbId, listeners };
    }
    if (toBuy.length > 0) {
      const bought = [...this.slbs.values()].filter((s) => s.createdBySae).length;
      if (bought + toBuy.length > SAE_SLB_QUOTA) throw new SaeError('SLBInstanceQuota.OverQuota');
    }
    return (orderId) => {
      const bought: string[] = [];
      for (const side of toBuy) {
        const slb = this.buySlb(side, app);
        (set[side] as SlbBinding).slbId = slb.SlbId;
        bought.push(slb.SlbId);
      }
      this.pending.set(orderId, {
        orderId,
        appId: app.AppId,
        set,
        unbind: { internet: false, intranet: false },
        bought,
      });
    };
  }

  planUnbind(app: SaeApp, internet: boolean, intranet: boolean): (orderId: string) => void {
    const current = this.bindings.get(app.AppId) ?? {};
    if (internet && !current.internet) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Internet',
        'no internet SLB is bound to the application',
      );
    }
    if (intranet && !current.intranet) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Intranet',
        'no intranet SLB is bound to the application',
      );
    }
    return (orderId) =>
      this.pending.set(orderId, {
        orderId,
        appId: app.AppId,
        set: {},
        unbind: { internet, intranet },
        bought: [],
      });
  }

  appSlbs(appId: string): AppSlbs {
    return this.bindings.get(appId) ?? {};
  }

  /** Addresses of the SLBs bound to an app (ListApplications FieldType=slbIps). */
  appSlbIps(appId: string, now: number): string[] {
    this.reconcile(now);
    const b = this.appSlbs(appId);
    return [b.internet, b.intranet]
      .map((x) => (x ? this.slbs.get(x.slbId)?.ip : undefined))
      .filter((ip): ip is string => ip !== undefined);
  }

  // ---------- Ingress ----------

  ingress(id: number): Ingress {
    const ingress = this.ingresses.get(id);
    if (!ingress) {
      throw new SaeError('InvalidParameter.WithMessage', 'IngressId', `the ingress ${id} does not exist`);
    }
    return ingress;
  }

  /** Checks the SLB side of an ingress: type, kind, VPC and a free listener port. */
  checkIngressSlb(
    namespaceVpc: string,
    slbId: string,
    loadBalanceType: 'clb' | 'alb',
    port: number,
    ingressId?: number,
  ): SimSlb {
    const slb = this.slbs.get(slbId);
    if (!slb) throw new SaeError('Slb.NotFound', slbId);
    if (slb.loadBalanceType !== loadBalanceType) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'LoadBalanceType',
        `${slbId} is an ${slb.loadBalanceType} instance, not ${loadBalanceType}`,
      );
    }
    if (slb.sharedPerformance) throw new SaeError('SlbSpec.NotSupport');
    if (slb.occupiedBy) throw new SaeError('Slb.Tag.Not.Qualified', slb.occupiedBy);
    if (slb.addressType === 'intranet' && slb.vpcId !== namespaceVpc) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'SlbId',
        'the intranet SLB is not in the VPC of the namespace',
      );
    }
    if (!isPort(port)) throw new SaeError('InvalidParameter.Obviously', 'ListenerPort');
    if (this.portTaken(slb, port, { ingressId }))
      throw new SaeError('SlbListenerPort.NotAvailable', slbId, port);
    return slb;
  }

  createIngress(fields: Omit<Ingress, 'Id' | 'Name'> & { Name?: string }): Ingress {
    const Id = this.nextIngressId++;
    const ingress: Ingress = { ...fields, Id, Name: fields.Name || fields.Description || `ingress-${Id}` };
    this.ingresses.set(Id, ingress);
    return ingress;
  }

  deleteIngress(id: number): void {
    const ingress = this.ingress(id);
    this.ingresses.delete(id);
    this.releaseIfUnused(ingress.SlbId);
  }

  namespaceIngresses(namespaceId: string): Ingress[] {
    return [...this.ingresses.values()].filter((i) => i.NamespaceId === namespaceId);
  }

  newSuffix(): string {
    return this.ids.hex(17);
  }

  newServiceOrderId(): string {
    return `2048564657${String(this.ids.int(10_000, 99_999))}`;
  }
}

/** Demo network of the seeded account: SLBs, certificates, bindings of a few prod apps, one ingress. */
export function seedNetwork(store: SaeStore): void {
  const net = store.network;
  net.serviceOpened = true;
  net.serviceOrderId = '204856465750001';
  net.certs.set(NETWORK_SEED.certs[0], { CertId: NETWORK_SEED.certs[0], name: 'shop-example-com' });
  net.certs.set(NETWORK_SEED.certs[1], { CertId: NETWORK_SEED.certs[1], name: 'api-example-com' });
  const internet = (SlbId: string, extra: Partial<SimSlb> = {}) =>
    net.addSlb({
      SlbId,
      addressType: 'internet',
      loadBalanceType: 'clb',
      sharedPerformance: false,
      ip: net.internetIp(),
      vpcId: '',
      createdBySae: false,
      ...extra,
    });
  for (const id of NETWORK_SEED.internetSlbs) internet(id);
  internet(NETWORK_SEED.sharedSlb, { sharedPerformance: true });
  internet(NETWORK_SEED.ackSlb, { occupiedBy: 'ack.aliyun.com/c8f3a1e2d4b5' });
  internet(NETWORK_SEED.sshSlb, { foreignPorts: [22] });
  internet(NETWORK_SEED.alb, { loadBalanceType: 'alb' });
  for (const [suffix, SlbId] of Object.entries(NETWORK_SEED.intranetSlbs)) {
    const ns = store.namespaces.get(`${store.regionId}:${suffix}`);
    if (!ns) continue;
    net.addSlb({
      SlbId,
      addressType: 'intranet',
      loadBalanceType: 'clb',
      sharedPerformance: false,
      ip: net.intranetIp(),
      vpcId: ns.VpcId,
      createdBySae: false,
    });
  }
  const prod = `${store.regionId}:prod`;
  const app = (name: string) => store.liveApps().find((a) => a.NamespaceId === prod && a.AppName === name);
  const web = app('web-frontend');
  const api = app('api-gateway');
  const cart = app('cart-service');
  const users = app('user-center');
  if (web) {
    const slb = internet('lb-bp1web0fr0nt9e4d7c2a', { createdBySae: true });
    net.bindings.set(web.AppId, {
      internet: {
        slbId: slb.SlbId,
        listeners: [
          { port: 80, targetPort: 8080, protocol: 'TCP' },
          { port: 443, targetPort: 8080, protocol: 'HTTPS', httpsCertId: NETWORK_SEED.certs[0] },
        ],
      },
    });
  }
  if (api) {
    const slb = internet('lb-bp1api0gw5x2m8q1r7k3', { createdBySae: true });
    net.bindings.set(api.AppId, {
      internet: { slbId: slb.SlbId, listeners: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] },
      intranet: {
        slbId: NETWORK_SEED.intranetSlbs.prod,
        listeners: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    });
  }
  if (users) {
    net.bindings.set(users.AppId, {
      intranet: {
        slbId: NETWORK_SEED.intranetSlbs.prod,
        listeners: [{ port: 8081, targetPort: 8080, protocol: 'TCP' }],
      },
    });
  }
  if (web && api && cart) {
    net.createIngress({
      NamespaceId: prod,
      Description: 'shop-entry',
      SlbId: NETWORK_SEED.internetSlbs[0],
      ListenerPort: 80,
      ListenerProtocol: 'HTTP',
      LoadBalanceType: 'clb',
      CertId: '',
      defaultRule: { appId: web.AppId, containerPort: 8080 },
      rules: [
        { appId: api.AppId, containerPort: 8080, domain: 'shop.example.com', path: '/api' },
        { appId: cart.AppId, containerPort: 8080, domain: 'shop.example.com', path: '/cart' },
      ],
    });
  }
}
