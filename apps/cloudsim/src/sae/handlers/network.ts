import type { SaeContext, SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { SaeApp } from '../model';
import {
  type Ingress,
  type IngressRule,
  isPort,
  type SaeNetwork,
  type SlbListener,
  type SlbProtocol,
} from '../network';

/** Ingress rules per ingress (Exceed.IngressRule). */
const MAX_INGRESS_RULES = 40;

function network(ctx: SaeContext): SaeNetwork {
  ctx.store.network.reconcile(ctx.now);
  return ctx.store.network;
}

/**
 * The app of an SLB or security-group call. An id that never existed answers 404
 * InvalidAppId.NotFound as everywhere in the simulator; these APIs also document 400
 * InvalidApplication.NotFound ("The current application does not exist"), used for a deleted app.
 */
function appOf(ctx: SaeContext): SaeApp {
  const app = ctx.store.apps.get(ctx.params.req('AppId'));
  if (!app) throw new SaeError('InvalidAppId.NotFound');
  if (app.deleted) throw new SaeError('InvalidApplication.NotFound');
  return app;
}

/** Guards shared by BindSlb and UnbindSlb, in the order SAE reports them. */
function slbMutable(ctx: SaeContext, app: SaeApp): void {
  if (app.deleting) throw new SaeError('Application.InvalidStatus');
  ctx.engine.assertIdle(app);
  if (!app.deployed) throw new SaeError('Application.NotDeployYet');
}

// ---------- BindSlb listeners ----------

function parseListeners(ctx: SaeContext, name: 'Internet' | 'Intranet'): SlbListener[] | undefined {
  const raw = ctx.params.json<unknown>(name);
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) throw new SaeError('InvalidParameter.Obviously', name);
  const listeners: SlbListener[] = [];
  for (const entry of raw) {
    if (!entry || typeof entry !== 'object') throw new SaeError('InvalidParameter.Obviously', name);
    const e = entry as Record<string, unknown>;
    if (!isPort(e.port))
      throw new SaeError('InvalidParameter.WithMessage', name, 'port must be an integer in [1,65535]');
    if (!isPort(e.targetPort)) {
      throw new SaeError('InvalidParameter.WithMessage', name, 'targetPort must be an integer in [1,65535]');
    }
    const protocol = String(e.protocol ?? 'TCP').toUpperCase();
    if (protocol !== 'TCP' && protocol !== 'HTTP' && protocol !== 'HTTPS')
      throw new SaeError('SlbListenerType.Invalid');
    const listener: SlbListener = {
      port: e.port,
      targetPort: e.targetPort,
      protocol: protocol as SlbProtocol,
    };
    if (protocol === 'HTTPS') {
      const cert = typeof e.httpsCertId === 'string' ? e.httpsCertId : '';
      if (!cert) throw new SaeError('SlbHttpsCert.NotFound');
      if (!ctx.store.network.certs.has(cert)) throw new SaeError('SSLCert.NotFound');
      listener.httpsCertId = cert;
    }
    if (listeners.some((l) => l.port === listener.port)) {
      throw new SaeError('InvalidParameter.WithMessage', name, `port ${listener.port} is listed twice`);
    }
    listeners.push(listener);
  }
  const certs = new Set(listeners.map((l) => l.httpsCertId).filter(Boolean));
  if (certs.size > 1) throw new SaeError('SlbHttpsCert.NotConsistent');
  return listeners;
}

const listenerView = (l: SlbListener) => ({
  Port: l.port,
  TargetPort: l.targetPort,
  Protocol: l.protocol,
  HttpsCertId: l.httpsCertId ?? '',
});

// ---------- Ingress rules ----------

function liveAppIn(ctx: SaeContext, namespaceId: string, appId: unknown, field: string): SaeApp {
  if (typeof appId !== 'string' || appId === '') {
    throw new SaeError('InvalidParameter.WithMessage', field, 'appId must be a non-empty string');
  }
  const app = ctx.store.apps.get(appId);
  if (!app || app.deleted || app.deleting || app.NamespaceId !== namespaceId) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      field,
      `application ${appId} does not exist in namespace ${namespaceId}`,
    );
  }
  return app;
}

function parseDefaultRule(ctx: SaeContext, namespaceId: string): Ingress['defaultRule'] | undefined {
  const raw = ctx.params.json<unknown>('DefaultRule');
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SaeError('InvalidParameter.Obviously', 'DefaultRule');
  }
  const r = raw as Record<string, unknown>;
  const app = liveAppIn(ctx, namespaceId, r.appId, 'DefaultRule');
  if (!isPort(r.containerPort)) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      'DefaultRule',
      'containerPort must be an integer in [1,65535]',
    );
  }
  return { appId: app.AppId, containerPort: r.containerPort };
}

function parseRules(ctx: SaeContext, namespaceId: string): IngressRule[] | undefined {
  const raw = ctx.params.json<unknown>('Rules');
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw new SaeError('InvalidParameter.Obviously', 'Rules');
  if (raw.length > MAX_INGRESS_RULES) throw new SaeError('Exceed.IngressRule');
  const rules: IngressRule[] = [];
  for (const entry of raw) {
    if (!entry || typeof entry !== 'object') throw new SaeError('InvalidParameter.Obviously', 'Rules');
    const e = entry as Record<string, unknown>;
    const app = liveAppIn(ctx, namespaceId, e.appId, 'Rules');
    if (!isPort(e.containerPort)) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Rules',
        'containerPort must be an integer in [1,65535]',
      );
    }
    const domain = typeof e.domain === 'string' ? e.domain.trim().toLowerCase() : '';
    if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(domain)) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Rules',
        `domain "${String(e.domain ?? '')}" is not a domain name`,
      );
    }
    const path = typeof e.path === 'string' && e.path !== '' ? e.path : '/';
    if (!path.startsWith('/'))
      throw new SaeError('InvalidParameter.WithMessage', 'Rules', 'path must start with /');
    if (rules.some((r) => r.domain === domain && r.path === path)) {
      throw new SaeError('InvalidParameter.WithMessage', 'Rules', `two rules match ${domain}${path}`);
    }
    rules.push({ appId: app.AppId, containerPort: e.containerPort, domain, path });
  }
  return rules;
}

function parseLoadBalanceType(value: string | undefined): 'clb' | 'alb' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value !== 'clb' && value !== 'alb') {
    throw new SaeError('InvalidParameter.WithMessage', 'LoadBalanceType', 'must be clb or alb');
  }
  return value;
}

function parseProtocol(value: string | undefined): 'HTTP' | 'HTTPS' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value !== 'HTTP' && value !== 'HTTPS') {
    throw new SaeError('InvalidParameter.WithMessage', 'ListenerProtocol', 'must be HTTP or HTTPS');
  }
  return value;
}

function checkCert(ctx: SaeContext, protocol: 'HTTP' | 'HTTPS', certId: string): void {
  if (protocol === 'HTTPS' && !certId) throw new SaeError('InvalidParameter.NotEmpty', 'CertId');
  if (certId && !ctx.store.network.certs.has(certId)) throw new SaeError('SSLCert.NotFound');
}

function ingressSummary(ctx: SaeContext, i: Ingress) {
  return {
    Id: i.Id,
    Name: i.Name,
    Description: i.Description,
    NamespaceId: i.NamespaceId,
    SlbId: i.SlbId,
    SlbType: ctx.store.network.slbs.get(i.SlbId)?.addressType ?? 'internet',
    CertId: i.CertId,
    LoadBalanceType: i.LoadBalanceType,
    ListenerProtocol: i.ListenerProtocol,
  };
}

const appName = (ctx: SaeContext, appId: string) => ctx.store.apps.get(appId)?.AppName ?? '';

/** 服务开通, UpdateNamespaceVpc and Ingress (命名空间和VPC), SLB, UpdateAppSecurityGroup. */
export const networkHandlers: SaeHandlers = {
  OpenSaeService(ctx) {
    const net = network(ctx);
    if (net.serviceOpened) throw new SaeError('ORDER.OPEND');
    net.serviceOpened = true;
    net.serviceOrderId = net.newServiceOrderId();
    return { body: { OrderId: net.serviceOrderId } };
  },

  UpdateNamespaceVpc(ctx) {
    const { params, store } = ctx;
    const net = network(ctx);
    const ns = store.namespace(params.req('NamespaceId'));
    const vpcId = params.req('VpcId');
    if (!/^vpc-[a-z0-9]{8,}$/.test(vpcId)) {
      throw new SaeError('InvalidParameter.WithMessage', 'VpcId', 'must look like vpc-xxxxxxxx');
    }
    if (net.namespaceIngresses(ns.NamespaceId).length > 0)
      throw new SaeError('DeleteFail.NamespaceHasIngress');
    // An app's instances, SLBs and vSwitch are all tied to the VPC it was created in.
    if (store.liveApps().some((a) => a.NamespaceId === ns.NamespaceId))
      throw new SaeError('Namespace.AppExists');
    if (ns.VpcId !== vpcId) {
      ns.VpcId = vpcId;
      // The namespace's default vSwitch and security group belonged to the old VPC.
      ns.VSwitchId = `vsw-bp1${net.newSuffix()}`;
      ns.SecurityGroupId = `sg-bp1${net.newSuffix()}`;
    }
    return {};
  },

  CreateIngress(ctx) {
    const { params, store } = ctx;
    const net = network(ctx);
    const ns = store.namespace(params.req('NamespaceId'));
    const loadBalanceType = parseLoadBalanceType(params.str('LoadBalanceType')) ?? 'clb';
    const protocol = parseProtocol(params.str('ListenerProtocol')) ?? 'HTTP';
    const certId = params.str('CertId') ?? '';
    const defaultRule = parseDefaultRule(ctx, ns.NamespaceId);
    if (!defaultRule) throw new SaeError('InvalidParameter.NotEmpty', 'DefaultRule');
    const rules = parseRules(ctx, ns.NamespaceId);
    if (!rules) throw new SaeError('InvalidParameter.NotEmpty', 'Rules');
    const slbId = params.req('SlbId');
    const port = params.int('ListenerPort') as number;
    net.checkIngressSlb(ns.VpcId, slbId, loadBalanceType, port);
    checkCert(ctx, protocol, certId);
    const description = params.str('Description') ?? '';
    const ingress = net.createIngress({
      NamespaceId: ns.NamespaceId,
      Description: description,
      SlbId: slbId,
      ListenerPort: port,
      ListenerProtocol: protocol,
      LoadBalanceType: loadBalanceType,
      CertId: certId,
      defaultRule,
      rules,
    });
    return { data: { IngressId: ingress.Id } };
  },

  UpdateIngress(ctx) {
    const { params, store } = ctx;
    const net = network(ctx);
    const ingress = net.ingress(params.int('IngressId') as number);
    const ns = store.namespace(ingress.NamespaceId);
    const portText = params.str('ListenerPort');
    let port = ingress.ListenerPort;
    if (portText !== undefined && portText !== '') {
      if (!/^\d+$/.test(portText.trim())) throw new SaeError('InvalidParameter.Obviously', 'ListenerPort');
      port = Number(portText);
    }
    const loadBalanceType = parseLoadBalanceType(params.str('LoadBalanceType')) ?? ingress.LoadBalanceType;
    const protocol = parseProtocol(params.str('ListenerProtocol')) ?? ingress.ListenerProtocol;
    const certId = params.has('CertId') ? (params.str('CertId') ?? '') : ingress.CertId;
    const defaultRule = parseDefaultRule(ctx, ns.NamespaceId) ?? ingress.defaultRule;
    const rules = parseRules(ctx, ns.NamespaceId) ?? ingress.rules;
    net.checkIngressSlb(ns.VpcId, ingress.SlbId, loadBalanceType, port, ingress.Id);
    checkCert(ctx, protocol, certId);
    const description = params.str('Description');
    if (description !== undefined) {
      // The seed calls Description the rule's name; a renamed rule shows the new name too.
      if (ingress.Name === ingress.Description || !ingress.Name)
        ingress.Name = description || `ingress-${ingress.Id}`;
      ingress.Description = description;
    }
    Object.assign(ingress, {
      ListenerPort: port,
      LoadBalanceType: loadBalanceType,
      ListenerProtocol: protocol,
      CertId: certId,
      defaultRule,
      rules,
    });
    return { data: { IngressId: ingress.Id } };
  },

  DeleteIngress(ctx) {
    const net = network(ctx);
    const id = ctx.params.int('IngressId') as number;
    net.deleteIngress(id);
    return { data: { IngressId: id } };
  },

  DescribeIngress(ctx) {
    const net = network(ctx);
    const i = net.ingress(ctx.params.int('IngressId') as number);
    return {
      data: {
        ...ingressSummary(ctx, i),
        ListenerPort: i.ListenerPort,
        DefaultRule: {
          AppId: i.defaultRule.appId,
          AppName: appName(ctx, i.defaultRule.appId),
          ContainerPort: i.defaultRule.containerPort,
        },
        Rules: i.rules.map((r) => ({
          AppId: r.appId,
          AppName: appName(ctx, r.appId),
          ContainerPort: r.containerPort,
          Domain: r.domain,
          Path: r.path,
        })),
      },
    };
  },

  ListIngresses(ctx) {
    const { params, store } = ctx;
    const net = network(ctx);
    const namespaceId = params.req('NamespaceId');
    // The bare region id names the region's default namespace (as in the seed's example).
    if (namespaceId !== store.regionId) store.namespace(namespaceId);
    const appId = params.str('AppId');
    const list = net
      .namespaceIngresses(namespaceId)
      .filter((i) => !appId || i.defaultRule.appId === appId || i.rules.some((r) => r.appId === appId))
      .sort((a, b) => a.Id - b.Id)
      .map((i) => ({ ...ingressSummary(ctx, i), ListenerPort: String(i.ListenerPort) }));
    return { data: { IngressList: list } };
  },

  BindSlb(ctx) {
    const net = network(ctx);
    const app = appOf(ctx);
    slbMutable(ctx, app);
    if (!app.spec.running || app.spec.config.Replicas === 0)
      throw new SaeError('Application.NoInstanceAvailable');
    const internet = parseListeners(ctx, 'Internet');
    const intranet = parseListeners(ctx, 'Intranet');
    const internetSlbId = ctx.params.str('InternetSlbId') || undefined;
    const intranetSlbId = ctx.params.str('IntranetSlbId') || undefined;
    if (internetSlbId && !internet) throw new SaeError('InvalidParameter.NotEmpty', 'Internet');
    if (intranetSlbId && !intranet) throw new SaeError('InvalidParameter.NotEmpty', 'Intranet');
    if (!internet && !intranet) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Internet',
        'specify Internet or Intranet listeners',
      );
    }
    const commit = net.planBind(app, { internet, intranet, internetSlbId, intranetSlbId });
    const order = ctx.engine.create({
      app,
      coType: 'CoBindSlb',
      target: app.spec,
      at: ctx.now,
      description: '绑定SLB',
    });
    commit(order.ChangeOrderId);
    return { data: { ChangeOrderId: order.ChangeOrderId } };
  },

  UnbindSlb(ctx) {
    const net = network(ctx);
    const app = appOf(ctx);
    slbMutable(ctx, app);
    const internet = ctx.params.bool('Internet') ?? false;
    const intranet = ctx.params.bool('Intranet') ?? false;
    if (!internet && !intranet) {
      throw new SaeError('InvalidParameter.WithMessage', 'Internet', 'set Internet or Intranet to true');
    }
    const commit = net.planUnbind(app, internet, intranet);
    const order = ctx.engine.create({
      app,
      coType: 'CoUnbindSlb',
      target: app.spec,
      at: ctx.now,
      description: '解绑SLB',
    });
    commit(order.ChangeOrderId);
    return { data: { ChangeOrderId: order.ChangeOrderId } };
  },

  DescribeApplicationSlbs(ctx) {
    const net = network(ctx);
    const app = appOf(ctx);
    const b = net.appSlbs(app.AppId);
    const slb = (id: string | undefined) => (id ? net.slbs.get(id) : undefined);
    return {
      data: {
        Internet: (b.internet?.listeners ?? []).map(listenerView),
        InternetSlbId: b.internet?.slbId ?? '',
        InternetIp: slb(b.internet?.slbId)?.ip ?? '',
        Intranet: (b.intranet?.listeners ?? []).map(listenerView),
        IntranetSlbId: b.intranet?.slbId ?? '',
        IntranetIp: slb(b.intranet?.slbId)?.ip ?? '',
      },
    };
  },

  UpdateAppSecurityGroup(ctx) {
    const { params, store, now } = ctx;
    const app = appOf(ctx);
    const sg = params.req('SecurityGroupId');
    if (!/^sg-[a-z0-9]{8,}$/.test(sg)) {
      throw new SaeError('InvalidParameter.WithMessage', 'SecurityGroupId', 'must look like sg-xxxxxxxx');
    }
    if (app.deleting) {
      throw new SaeError('InvalidParameter.WithMessage', 'AppId', 'the application is being deleted');
    }
    if (app.SecurityGroupId !== sg) {
      const previous = app.SecurityGroupId;
      app.SecurityGroupId = sg;
      store.addEvent({
        AppId: app.AppId,
        NamespaceId: app.NamespaceId,
        ObjectKind: 'Deployment',
        ObjectName: app.AppName,
        EventType: 'Normal',
        Reason: 'SecurityGroupUpdated',
        Message: `Security group changed from ${previous || '-'} to ${sg}.`,
        at: now,
      });
    }
    return {};
  },
};
