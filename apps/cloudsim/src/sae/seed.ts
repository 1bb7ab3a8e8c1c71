import type { UpdateStrategy } from '@console/catalogue';
import { defaultConfig } from './app-config';
import type { ChangeOrderEngine } from './engine';
import { seedGreyTagRoutes } from './microservices';
import type { AppConfig, SaeApp, SaeNamespace } from './model';
import { seedNetwork } from './network';
import type { SaeStore } from './store';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/sae-demo';
const OSS = 'https://sae-demo-packages.oss-cn-hangzhou.aliyuncs.com';

/** Well-known seeded objects, for tests, the README and demos. */
export const SEED = {
  regionId: 'cn-hangzhou',
  namespaces: ['cn-hangzhou:prod', 'cn-hangzhou:staging', 'cn-hangzhou:dev'],
  /** The rollout waiting for manual batch confirmation (Status 8) right after start. */
  waitingApp: { namespaceId: 'cn-hangzhou:prod', appName: 'order-service', replicas: 6, batches: 3 },
  /** An automatic two-batch rollout (1 minute between batches) in progress at start. */
  autoRolloutApp: { namespaceId: 'cn-hangzhou:prod', appName: 'payment-gateway' },
  /** Last change order failed (image tag `fail`, single batch). */
  failedApp: { namespaceId: 'cn-hangzhou:staging', appName: 'inventory-service' },
  stoppedApps: [
    { namespaceId: 'cn-hangzhou:staging', appName: 'report-batch' },
    { namespaceId: 'cn-hangzhou:staging', appName: 'legacy-portal' },
  ],
  neverDeployedApp: { namespaceId: 'cn-hangzhou:dev', appName: 'search-indexer' },
} as const;

type Kind = 'Image' | 'FatJar' | 'War';

interface AppPlan {
  ns: 'prod' | 'staging' | 'dev';
  name: string;
  kind: Kind;
  replicas: number;
  cpu: number;
  memory: number;
  /** Successive versions, oldest first; each becomes a deploy (the first one creates the app). */
  versions: string[];
  description: string;
  tags?: Record<string, string>;
  health?: boolean;
  /** Microservice declarations read by ./microservices.ts (Spring Cloud / Dubbo service graph). */
  micro?: Record<string, string>;
}

const PLANS: AppPlan[] = [
  {
    ns: 'prod',
    name: 'order-service',
    kind: 'Image',
    replicas: 6,
    cpu: 2000,
    memory: 4096,
    versions: ['1.8.0', '1.9.0', '1.9.1'],
    description: 'Order placement and tracking',
    tags: { team: 'trade', tier: 'core' },
    health: true,
    micro: { SPRING_APPLICATION_NAME: 'order-service', MICROSERVICE_CONSUMES: 'user-center,cart-service' },
  },
  {
    ns: 'prod',
    name: 'payment-gateway',
    kind: 'FatJar',
    replicas: 4,
    cpu: 2000,
    memory: 4096,
    versions: ['3.3.0', '3.4.0'],
    description: 'Payment channel gateway',
    tags: { team: 'trade', tier: 'core' },
    health: true,
    micro: {
      DUBBO_APPLICATION_NAME: 'payment-gateway',
      MICROSERVICE_PUBLISHES: 'com.example.pay.PaymentService:1.0.0',
      MICROSERVICE_CONSUMES:
        'com.example.risk.RiskScoringService:1.0.0,com.example.notify.NotificationService:1.0.0',
    },
  },
  {
    ns: 'prod',
    name: 'user-center',
    kind: 'FatJar',
    replicas: 3,
    cpu: 1000,
    memory: 2048,
    versions: ['2.0.3', '2.1.0', '2.1.1'],
    description: 'Accounts, profiles and sessions',
    tags: { team: 'identity' },
    health: true,
    micro: { SPRING_APPLICATION_NAME: 'user-center' },
  },
  {
    ns: 'prod',
    name: 'api-gateway',
    kind: 'Image',
    replicas: 4,
    cpu: 1000,
    memory: 2048,
    versions: ['1.24.0', '1.25.3'],
    description: 'Public edge proxy (nginx)',
    tags: { team: 'platform', tier: 'edge' },
  },
  {
    ns: 'prod',
    name: 'cart-service',
    kind: 'Image',
    replicas: 2,
    cpu: 1000,
    memory: 2048,
    versions: ['0.9.0', '1.0.0', '1.0.2'],
    description: 'Shopping cart',
    tags: { team: 'trade' },
    health: true,
    micro: { SPRING_APPLICATION_NAME: 'cart-service', MICROSERVICE_CONSUMES: 'user-center' },
  },
  {
    ns: 'prod',
    name: 'notification-service',
    kind: 'War',
    replicas: 2,
    cpu: 1000,
    memory: 2048,
    versions: ['5.2.0', '5.3.0'],
    description: 'E-mail, SMS and push',
    tags: { team: 'growth' },
    micro: {
      DUBBO_APPLICATION_NAME: 'notification-service',
      MICROSERVICE_PUBLISHES: 'com.example.notify.NotificationService:1.0.0',
    },
  },
  {
    ns: 'prod',
    name: 'web-frontend',
    kind: 'Image',
    replicas: 3,
    cpu: 500,
    memory: 1024,
    versions: ['2024.10.1', '2024.11.2', '2024.11.3'],
    description: 'Storefront SSR',
    tags: { team: 'web', tier: 'edge' },
  },
  {
    ns: 'prod',
    name: 'risk-engine',
    kind: 'FatJar',
    replicas: 2,
    cpu: 4000,
    memory: 8192,
    versions: ['7.0.0', '7.1.0'],
    description: 'Fraud scoring',
    tags: { team: 'risk' },
    health: true,
    micro: {
      DUBBO_APPLICATION_NAME: 'risk-engine',
      MICROSERVICE_PUBLISHES: 'com.example.risk.RiskScoringService:1.0.0',
    },
  },
  {
    ns: 'staging',
    name: 'order-service',
    kind: 'Image',
    replicas: 2,
    cpu: 1000,
    memory: 2048,
    versions: ['1.9.1', '2.0.0-rc1'],
    description: 'Order placement and tracking (staging)',
    tags: { team: 'trade' },
    health: true,
    micro: {
      SPRING_APPLICATION_NAME: 'order-service',
      MICROSERVICE_CONSUMES: 'user-center,inventory-service',
    },
  },
  {
    ns: 'staging',
    name: 'inventory-service',
    kind: 'FatJar',
    replicas: 2,
    cpu: 1000,
    memory: 2048,
    versions: ['4.1.0', '4.2.0'],
    description: 'Stock levels and reservations',
    tags: { team: 'supply' },
    micro: { SPRING_APPLICATION_NAME: 'inventory-service' },
  },
  {
    ns: 'staging',
    name: 'report-batch',
    kind: 'War',
    replicas: 1,
    cpu: 2000,
    memory: 4096,
    versions: ['1.0.0', '1.1.0'],
    description: 'Nightly reports',
    tags: { team: 'data' },
  },
  {
    ns: 'staging',
    name: 'payment-gateway',
    kind: 'FatJar',
    replicas: 1,
    cpu: 1000,
    memory: 2048,
    versions: ['3.4.0', '3.4.1'],
    description: 'Payment channel gateway (staging)',
    tags: { team: 'trade' },
    micro: {
      DUBBO_APPLICATION_NAME: 'payment-gateway',
      MICROSERVICE_PUBLISHES: 'com.example.pay.PaymentService:1.0.0',
    },
  },
  {
    ns: 'staging',
    name: 'user-center',
    kind: 'FatJar',
    replicas: 1,
    cpu: 1000,
    memory: 2048,
    versions: ['2.1.1'],
    description: 'Accounts (staging)',
    tags: { team: 'identity' },
    micro: { SPRING_APPLICATION_NAME: 'user-center' },
  },
  {
    ns: 'staging',
    name: 'legacy-portal',
    kind: 'War',
    replicas: 1,
    cpu: 1000,
    memory: 2048,
    versions: ['0.8.7'],
    description: 'Old partner portal, kept for reference',
  },
  {
    ns: 'dev',
    name: 'search-indexer',
    kind: 'Image',
    replicas: 1,
    cpu: 1000,
    memory: 2048,
    versions: [],
    description: 'Created, never deployed',
  },
  {
    ns: 'dev',
    name: 'demo-nginx',
    kind: 'Image',
    replicas: 1,
    cpu: 500,
    memory: 1024,
    versions: ['1.25.3'],
    description: 'Hello world',
  },
  {
    ns: 'dev',
    name: 'ml-feature-store',
    kind: 'Image',
    replicas: 1,
    cpu: 2000,
    memory: 8192,
    versions: ['0.3.0', '0.4.0'],
    description: 'Feature store prototype',
    tags: { team: 'data' },
  },
  {
    ns: 'dev',
    name: 'order-service',
    kind: 'Image',
    replicas: 1,
    cpu: 500,
    memory: 1024,
    versions: ['2.0.0-rc1', '2.0.0-rc2'],
    description: 'Order service (dev)',
    tags: { team: 'trade' },
  },
  {
    ns: 'dev',
    name: 'batch-scheduler',
    kind: 'FatJar',
    replicas: 1,
    cpu: 500,
    memory: 1024,
    versions: ['0.1.0'],
    description: 'Cron-like job runner',
  },
  {
    ns: 'dev',
    name: 'echo-server',
    kind: 'Image',
    replicas: 2,
    cpu: 500,
    memory: 1024,
    versions: ['1.0.0'],
    description: 'HTTP echo for debugging',
  },
];

function configFor(plan: AppPlan, version: string): AppConfig {
  const c = defaultConfig(plan.kind);
  c.Cpu = plan.cpu;
  c.Memory = plan.memory;
  c.Replicas = plan.replicas;
  c.PackageVersion = version;
  c.Envs = JSON.stringify([
    { name: 'APP_ENV', value: plan.ns },
    { name: 'JAVA_TOOL_OPTIONS', value: '-Xms512m' },
    ...Object.entries(plan.micro ?? {}).map(([name, value]) => ({ name, value })),
  ]);
  if (plan.kind === 'Image') {
    c.ImageUrl = `${REGISTRY}/${plan.name}:${version}`;
  } else {
    c.Jdk = 'Open JDK 8';
    c.PackageUrl = `${OSS}/${plan.name}/${plan.name}-${version}.${plan.kind === 'War' ? 'war' : 'jar'}`;
    if (plan.kind === 'War') c.WebContainer = 'apache-tomcat-8.5.42';
  }
  if (plan.health) {
    c.Liveness = JSON.stringify({
      tcpSocket: { port: 8080 },
      initialDelaySeconds: 10,
      periodSeconds: 30,
      timeoutSeconds: 1,
    });
    c.Readiness = JSON.stringify({
      httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
    });
  }
  return c;
}

interface Action {
  at: number;
  run(): void;
}

/**
 * Builds the demo world by replaying its history through the change-order engine, so instances,
 * versions, events and usage are all consistent with each other at `now`.
 */
export function seedSae(store: SaeStore, engine: ChangeOrderEngine, now: number): void {
  const nsInfo: [string, string, string][] = [
    ['prod', '生产环境', 'Production'],
    ['staging', '预发环境', 'Pre-release verification'],
    ['dev', '开发环境', 'Development and experiments'],
  ];
  for (const [suffix, name, description] of nsInfo) {
    const ns: SaeNamespace = {
      NamespaceId: `${store.regionId}:${suffix}`,
      NamespaceName: name,
      NamespaceDescription: description,
      RegionId: store.regionId,
      VpcId: `vpc-bp1${store.ids.hex(17)}`,
      VSwitchId: `vsw-bp1${store.ids.hex(17)}`,
      SecurityGroupId: `sg-bp1${store.ids.hex(17)}`,
      TenantId: store.ids.uuid(),
      createdAt: now - 60 * DAY,
    };
    store.namespaces.set(ns.NamespaceId, ns);
  }

  const actions: Action[] = [];
  const revision = () => store.ids.hex(10);
  const deploy = (app: SaeApp, plan: AppPlan, version: string, at: number, strategy?: UpdateStrategy) => {
    const config = configFor(plan, version);
    config.UpdateStrategy = strategy ? JSON.stringify(strategy) : '';
    engine.create({
      app,
      coType: app.deployed || app.versionIds.length > 0 ? 'CoDeploy' : 'CoCreateApp',
      target: { config, revision: revision(), running: true },
      at,
      strategy,
      recordsVersion: true,
    });
  };

  PLANS.forEach((plan, index) => {
    const ns = store.namespace(`${store.regionId}:${plan.ns}`);
    const createdAt = now - (35 - index) * DAY + index * 7 * 60_000;
    const first = plan.versions[0] ?? '1.0.0';
    const app: SaeApp = {
      AppId: store.ids.uuid(),
      AppName: plan.name,
      AppDescription: plan.description,
      NamespaceId: ns.NamespaceId,
      RegionId: store.regionId,
      VpcId: ns.VpcId,
      VSwitchId: ns.VSwitchId,
      SecurityGroupId: ns.SecurityGroupId,
      GroupId: store.ids.uuid(),
      Tags: Object.entries(plan.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      createdAt,
      spec: { config: configFor(plan, first), revision: revision(), running: false },
      deployed: false,
      deleting: false,
      deleted: false,
      versionIds: [],
      ipSeq: 1 + index * 16,
    };
    store.apps.set(app.AppId, app);
    plan.versions.forEach((version, k) => {
      // Spread the history: the first deploy at creation, later ones days apart, all finished hours ago.
      const at =
        k === 0
          ? createdAt
          : createdAt + k * Math.floor((30 - index) / plan.versions.length) * DAY + 3 * HOUR;
      actions.push({ at, run: () => deploy(app, plan, version, at) });
    });
    const key = `${plan.ns}/${plan.name}`;
    if (key === 'prod/order-service') {
      const at = now - 50_000;
      actions.push({
        at,
        run: () =>
          deploy(app, plan, '2.0.0', at, {
            type: 'BatchUpdate',
            batchUpdate: { batch: SEED.waitingApp.batches, releaseType: 'manual' },
          }),
      });
    }
    if (key === 'prod/payment-gateway') {
      const at = now - 15_000;
      actions.push({
        at,
        run: () =>
          deploy(app, plan, '3.4.1', at, {
            type: 'BatchUpdate',
            batchUpdate: { batch: 2, releaseType: 'auto', batchWaitTime: 1 },
          }),
      });
    }
    if (key === 'staging/inventory-service') {
      const at = now - 3 * HOUR;
      actions.push({ at, run: () => deploy(app, plan, 'fail', at) });
    }
    if (key === 'staging/report-batch' || key === 'staging/legacy-portal') {
      const at = now - 2 * DAY;
      actions.push({
        at,
        run: () => engine.create({ app, coType: 'CoStop', target: { ...app.spec, running: false }, at }),
      });
    }
  });

  actions.sort((a, b) => a.at - b.at);
  for (const action of actions) {
    engine.advanceTo(action.at);
    action.run();
  }
  engine.advanceTo(now);
  seedGreyTagRoutes(store, now);
  seedNetwork(store);
}
