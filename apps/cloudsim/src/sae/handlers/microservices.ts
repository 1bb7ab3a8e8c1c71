import type { SaeContext, SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import {
  edasAppId,
  edasAppName,
  type MicroProfile,
  microProfile,
  runningInstances,
  type ServiceRef,
} from '../microservices';
import type { SaeApp } from '../model';

const SERVICE_TYPES = new Set(['springCloud', 'dubbo']);

interface MethodSpec {
  name: string;
  returnType: string;
  params: [string, string][];
  /** Spring MVC mapping; Dubbo methods have none. */
  path?: string;
  http?: string;
  description: string;
}

/**
 * What the agent reports of the seeded services' code (controllers for Spring Cloud, interfaces for
 * Dubbo). Services declared by other apps are known by name only: their method list is empty.
 */
const METHODS: Record<string, { controller?: string; methods: MethodSpec[] }> = {
  'user-center': {
    controller: 'com.example.user.web.UserController',
    methods: [
      {
        name: 'getUser',
        returnType: 'com.example.user.dto.UserDTO',
        params: [['userId', 'java.lang.Long']],
        path: '/users/{userId}',
        http: 'GET',
        description: 'Profile of one user',
      },
      {
        name: 'verifySession',
        returnType: 'java.lang.Boolean',
        params: [['token', 'java.lang.String']],
        path: '/sessions/verify',
        http: 'ALL',
        description: 'Whether a session token is valid',
      },
    ],
  },
  'cart-service': {
    controller: 'com.example.cart.web.CartController',
    methods: [
      {
        name: 'getCart',
        returnType: 'com.example.cart.dto.CartDTO',
        params: [['userId', 'java.lang.Long']],
        path: '/carts/{userId}',
        http: 'GET',
        description: 'Current cart of a user',
      },
      {
        name: 'checkout',
        returnType: 'com.example.cart.dto.CheckoutDTO',
        params: [
          ['userId', 'java.lang.Long'],
          ['couponCode', 'java.lang.String'],
        ],
        path: '/carts/{userId}/checkout',
        http: 'ALL',
        description: 'Freeze the cart for an order',
      },
    ],
  },
  'order-service': {
    controller: 'com.example.order.web.OrderController',
    methods: [
      {
        name: 'getOrder',
        returnType: 'com.example.order.dto.OrderDTO',
        params: [['orderId', 'java.lang.String']],
        path: '/orders/{orderId}',
        http: 'GET',
        description: 'One order',
      },
    ],
  },
  'inventory-service': {
    controller: 'com.example.inventory.web.StockController',
    methods: [
      {
        name: 'reserve',
        returnType: 'java.lang.Boolean',
        params: [
          ['sku', 'java.lang.String'],
          ['quantity', 'java.lang.Integer'],
        ],
        path: '/stock/{sku}/reserve',
        http: 'ALL',
        description: 'Reserve stock for an order',
      },
    ],
  },
  'com.example.risk.RiskScoringService': {
    methods: [
      {
        name: 'score',
        returnType: 'com.example.risk.dto.RiskScore',
        params: [['request', 'com.example.risk.dto.ScoreRequest']],
        description: 'Fraud score of a payment',
      },
    ],
  },
  'com.example.pay.PaymentService': {
    methods: [
      {
        name: 'pay',
        returnType: 'com.example.pay.dto.PayResult',
        params: [['request', 'com.example.pay.dto.PayRequest']],
        description: 'Charge a payment channel',
      },
      {
        name: 'refund',
        returnType: 'com.example.pay.dto.RefundResult',
        params: [
          ['paymentId', 'java.lang.String'],
          ['amount', 'java.math.BigDecimal'],
        ],
        description: 'Refund a payment',
      },
    ],
  },
  'com.example.notify.NotificationService': {
    methods: [
      {
        name: 'send',
        returnType: 'java.lang.Boolean',
        params: [
          ['channel', 'java.lang.String'],
          ['message', 'com.example.notify.dto.Message'],
        ],
        description: 'Send an e-mail, SMS or push message',
      },
    ],
  },
};

function methodsOf(service: ServiceRef): Record<string, unknown>[] {
  const known = METHODS[service.name];
  if (!known) return [];
  return known.methods.map((m) => ({
    MethodController: known.controller ?? service.name,
    ReturnType: m.returnType,
    ReturnDetails: m.returnType,
    Name: m.name,
    NameDetail: m.description,
    ParameterDetails: m.params.map(([name]) => name),
    RequestMethods: m.http ? [m.http] : [],
    ParameterTypes: m.params.map(([, type]) => type),
    Paths: m.path ? [m.path] : [],
    ParameterDefinitions: m.params.map(([name, type]) => ({ Type: type, Description: name, Name: name })),
  }));
}

function serviceEntry(ctx: SaeContext, app: SaeApp, service: ServiceRef): Record<string, unknown> {
  return {
    // Dubbo services are RPC services as in the seed's example; Spring Cloud ones are HTTP services.
    Type: service.type === 'dubbo' ? 'RPC' : 'springCloud',
    Groups: [service.group],
    Version: service.version,
    AppId: app.AppId,
    Group2Ip: '{}',
    // Both lists give the app's own registered addresses: published = providers, consumed = subscribers.
    Ips: runningInstances(ctx.store, app).map((i) => i.ip),
    Name: service.name,
  };
}

function checkServiceType(ctx: SaeContext): string | undefined {
  const type = ctx.params.str('ServiceType');
  if (type !== undefined && type !== '' && !SERVICE_TYPES.has(type)) {
    throw new SaeError('InvalidParameter.Obviously', 'ServiceType');
  }
  return type || undefined;
}

function profiles(ctx: SaeContext, appId: string | undefined): { app: SaeApp; profile: MicroProfile }[] {
  let apps: SaeApp[];
  if (appId) {
    const app = ctx.store.apps.get(appId);
    if (!app || app.deleted) throw new SaeError('Micro.Service.NotFound', appId);
    apps = [app];
  } else {
    apps = ctx.store.liveApps();
  }
  return apps.flatMap((app) => {
    const profile = microProfile(app);
    return profile ? [{ app, profile }] : [];
  });
}

/** 微服务列表 (seed 000 §16): the services apps publish and consume, from their configuration. */
export const microserviceHandlers: SaeHandlers = {
  ListPublishedServices: (ctx) => {
    const app = ctx.store.app(ctx.params.req('AppId'));
    const profile = microProfile(app);
    return { data: (profile?.publishes ?? []).map((s) => serviceEntry(ctx, app, s)) };
  },

  ListConsumedServices: (ctx) => {
    const app = ctx.store.app(ctx.params.req('AppId'));
    const profile = microProfile(app);
    return { data: (profile?.consumes ?? []).map((s) => serviceEntry(ctx, app, s)) };
  },

  ListAppServicesPage: (ctx) => {
    const type = checkServiceType(ctx);
    const pageNumber = ctx.params.int('PageNumber') ?? 1;
    const pageSize = ctx.params.int('PageSize') ?? 9999;
    if (pageNumber < 1) throw new SaeError('InvalidParameter.Obviously', 'PageNumber');
    if (pageSize < 0 || pageSize > 9999) throw new SaeError('InvalidParameter.Obviously', 'PageSize');
    const rows = profiles(ctx, ctx.params.str('AppId') || undefined).flatMap(({ app, profile }) =>
      profile.publishes
        .filter((s) => !type || s.type === type)
        .map((s) => ({
          EdasAppName: edasAppName(app),
          Version: s.version,
          InstanceNum: runningInstances(ctx.store, app).length,
          EdasAppId: edasAppId(app),
          ServiceName: s.name,
          Group: s.group,
        })),
    );
    // Paging fields are Strings and Data an array of page objects, as documented.
    return {
      data: [
        {
          CurrentPage: String(pageNumber),
          TotalSize: String(rows.length),
          PageNumber: String(pageNumber),
          PageSize: String(pageSize),
          Result: rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
        },
      ],
    };
  },

  DescribeAppServiceDetail: (ctx) => {
    const type = checkServiceType(ctx);
    const name = ctx.params.req('ServiceName');
    const group = ctx.params.str('ServiceGroup') || undefined;
    const version = ctx.params.str('ServiceVersion') || undefined;
    const appId = ctx.params.str('AppId') || undefined;
    let candidates: { app: SaeApp; profile: MicroProfile }[];
    try {
      candidates = profiles(ctx, appId);
    } catch {
      throw new SaeError('Micro.Service.MetaData.NotFound', name);
    }
    for (const { app, profile } of candidates) {
      const service = profile.publishes.find(
        (s) =>
          s.name === name &&
          (!type || s.type === type) &&
          (!group || s.group === group) &&
          (!version || s.version === version),
      );
      if (!service) continue;
      const source = service.type === 'dubbo' ? 'DUBBO' : 'SPRING_CLOUD';
      const metadata: Record<string, unknown> = {
        side: 'provider',
        port: String(profile.port),
        preserved: { register: { source } },
      };
      if (service.type === 'dubbo') {
        Object.assign(metadata, {
          application: profile.applicationName,
          interface: service.name,
          version: service.version,
          group: service.group,
          protocol: 'dubbo',
          methods: (METHODS[service.name]?.methods ?? []).map((m) => m.name).join(','),
        });
      }
      return {
        data: {
          Group: service.group,
          ServiceName: service.name,
          Version: service.version,
          ServiceType: service.type,
          EdasAppName: edasAppName(app),
          Metadata: metadata,
          SpringApplicationName: profile.type === 'springCloud' ? profile.applicationName : '',
          DubboApplicationName: profile.type === 'dubbo' ? profile.applicationName : '',
          Methods: methodsOf(service),
        },
      };
    }
    throw new SaeError('Micro.Service.MetaData.NotFound', name);
  },
};
