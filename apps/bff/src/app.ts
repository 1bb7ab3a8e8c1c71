import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Account, ChangeOrderRef, StaleApplication } from '@console/contract';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { openStoredAccounts, vaultOf } from './accounts';
import { auditHandlers } from './audit/audit-handlers';
import { AuditLog } from './audit/audit-log';
import { LoginThrottle } from './auth/login-throttle';
import type { SessionRecord } from './auth/sessions';
import { SessionStore } from './auth/sessions';
import { tooManyAttempts, userHandlers } from './auth/user-handlers';
import { UserStore } from './auth/users';
import type { AccountConfig, ConsoleConfig, HuaweiAccountConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open-database';
import { displayAdminHandlers } from './display/display-handlers';
import { DisplayLinkStore } from './display/display-links';
import { errorHandler, HttpError, NotFoundError } from './http/errors';
import { httpMetrics } from './http/metrics';
import { buildOpenApi } from './http/openapi';
import { type Operations, operationsRoutes } from './http/operations';
import { type Handlers, mountRoutes, Reply } from './http/routing';
import { aosHandlers } from './huawei/aos/families';
import { aosLiveSource } from './huawei/aos/live';
import { AosProvider, aosFeatures } from './huawei/aos/provider';
import { asHandlers } from './huawei/as/families';
import { asLiveSource } from './huawei/as/live';
import { AsProvider, asFeatures } from './huawei/as/provider';
import { HuaweiClient } from './huawei/client';
import type { HuaweiFamilyAccount } from './huawei/family-deps';
import { IamTokenSource } from './huawei/iam-token';
import { JobStore } from './jobs/job-store';
import { type LiveSource, type LiveState, openLive } from './live';
import { wallApps } from './live/wall-apps';
import { createLogger } from './logger';
import type {
  AppExtrasProvider,
  ApplicationProvider,
  ConfigMapProvider,
  EnvironmentOpsProvider,
  InsightsProvider,
  MicroserviceProvider,
  NamespaceProvider,
  NetworkingProvider,
  ScalingProvider,
} from './providers';
import { retailCloudAppHandlers } from './retailcloud/app-families';
import { RetailCloudClient } from './retailcloud/client';
import { retailCloudClusterHandlers } from './retailcloud/cluster-families';
import type { Audited } from './retailcloud/family-deps';
import { RetailCloudGateway } from './retailcloud/gateway';
import { retailCloudLiveSource } from './retailcloud/live';
import { RetailCloudProvider, retailCloudFeatures } from './retailcloud/provider';
import { IdempotencyStore } from './rollouts/idempotency';
import { rolloutForRole } from './rollouts/role-actions';
import { RolloutActions } from './rollouts/rollout-actions';
import { SaeProvider } from './sae/adapter';
import { SaeClient } from './sae/client';
import { saeFeatures } from './sae/features';
import { saeLiveSource } from './sae/live';
import { hasUpstreamCode, UpstreamError } from './upstream/errors';
import { closeUpstreamAgents } from './upstream/http-client';
import { isOutcomeUnknown, judgeApplicationChange, settleUnknownOutcome } from './upstream/outcome';
import { forUpstreamAccount } from './upstream/policy';
import { staleReadFallback, withoutStaleData } from './upstream/stale';
import { CapacityStore } from './usage/capacity-store';
import { CapacityWatcher } from './usage/capacity-watcher';
import { UsageStore } from './usage/usage-store';
import { UsageWatcher } from './usage/usage-watcher';

export const SESSION_COOKIE = 'console_session';

/**
 * Cloud refusals that mean the application is no longer in the state the operator acted on
 * (Retail Cloud's business codes are numbers, so they are named with the product).
 */
const STALE_APP_CODES = new Set([
  'Application.ChangerOrderRunning',
  'Application.InvalidStatus',
  'RetailCloud:4',
]);

interface ConnectedAccount {
  config: AccountConfig;
  provider: ApplicationProvider;
  /** What the operations center watches: applications, open rollouts, what waits for a person. */
  live: LiveSource;
  /** Present for products whose applications live in namespaces. */
  namespaces?: NamespaceProvider;
  /** Present for products with scaling rules. */
  scaling?: ScalingProvider;
  /** Present for products with config maps. */
  configMaps?: ConfigMapProvider;
  /** Present for products with load balancers and ingress rules. */
  networking?: NetworkingProvider;
  /** Present for products with tags, log configs and jobs. */
  extras?: AppExtrasProvider;
  /** Present for products with microservices and grey tag routes. */
  microservices?: MicroserviceProvider;
  /** Present for products whose environments go offline and have monitor metrics (Retail Cloud). */
  environmentOps?: EnvironmentOpsProvider;
  /** Present for Retail Cloud accounts: its own families go through this gateway. */
  retailcloud?: RetailCloudGateway;
  /** Present for products that count an application's parts by state, and maybe its size over time. */
  insights?: InsightsProvider;
  /** Present for Huawei AS accounts: groups, configurations, policies, hooks… */
  as?: HuaweiFamilyAccount;
  /** Present for Huawei AOS accounts: templates and stacks. */
  aos?: HuaweiFamilyAccount;
}

export interface Bff {
  app: express.Express;
  db: Database;
  logger: Logger;
  /** Readiness, metrics and the shutdown flag behind them. */
  operations: Operations;
  /** The operations center's live state. */
  live: LiveState;
  /** Ends every event stream (at shutdown: browsers reconnect to another instance). */
  endStreams(): void;
  close(): Promise<void>;
}

const isHuawei = (a: AccountConfig): a is HuaweiAccountConfig => a.product === 'aos' || a.product === 'as';

function publicAccount(a: AccountConfig): Account {
  const common = { id: a.id, name: a.name, product: a.product, regionId: a.regionId, embedded: a.embedded };
  if (isHuawei(a)) {
    return a.product === 'as'
      ? { ...common, profile: 'v1', features: asFeatures }
      : { ...common, profile: 'v2', features: aosFeatures };
  }
  if (a.product === 'retailcloud') return { ...common, profile: '2018-03-13', features: retailCloudFeatures };
  return { ...common, profile: a.profile, features: saeFeatures(a.profile) };
}

function connect(config: AccountConfig, readCacheMs: number): ConnectedAccount {
  if (isHuawei(config)) {
    const { auth } = config;
    const client = new HuaweiClient(
      config.product === 'as' ? 'AS' : 'AOS',
      config.endpoint,
      auth.kind === 'token'
        ? {
            kind: 'token',
            tokens: new IamTokenSource({
              iamEndpoint: config.iamEndpoint,
              domain: auth.domain,
              user: auth.user,
              password: auth.password,
              project: { id: config.projectId },
            }),
          }
        : { kind: 'aksk', credentials: { ak: auth.ak, sk: auth.sk } },
      { projectId: config.projectId },
    );
    const Provider = config.product === 'as' ? AsProvider : AosProvider;
    const provider = new Provider(client, config.projectId, config.regionId, readCacheMs);
    const family = { gateway: provider.gateway, projectId: config.projectId };
    if (provider instanceof AsProvider) {
      return { config, provider, live: asLiveSource(provider), insights: provider, as: family };
    }
    return { config, provider, live: aosLiveSource(provider), insights: provider, aos: family };
  }
  if (config.product === 'retailcloud') {
    const client = new RetailCloudClient({
      endpoint: config.endpoint,
      credentials: { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret },
    });
    const gateway = new RetailCloudGateway(client, config.regionId, readCacheMs);
    const provider = new RetailCloudProvider(gateway);
    return {
      config,
      provider,
      live: retailCloudLiveSource(provider),
      environmentOps: provider,
      retailcloud: gateway,
    };
  }
  const client = new SaeClient({
    endpoint: config.endpoint,
    regionId: config.regionId,
    credentials: { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret },
    profile: config.profile,
  });
  const provider = new SaeProvider(client, config.regionId, readCacheMs);
  return {
    config,
    provider,
    live: saeLiveSource(provider),
    namespaces: provider,
    scaling: provider,
    configMaps: provider,
    networking: provider,
    extras: provider,
    microservices: provider,
  };
}

export async function createBff(
  config: ConsoleConfig,
  options: { logger?: Logger; db?: Database } = {},
): Promise<Bff> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const vault = vaultOf(config);
  const db =
    options.db ?? (await openDatabase(config, (err) => logger.warn({ err }, 'database connection lost')));
  const users = new UserStore(db);
  for (const seed of config.users) await users.ensure(seed);
  const sessions = new SessionStore(db, config.sessionTtlMs, config.sessionIdleMs);
  const audit = new AuditLog(db);
  const loginThrottle = new LoginThrottle(db);
  const idempotency = new IdempotencyStore(db);
  const rolloutActions = new RolloutActions(idempotency, audit, (accountId) => live.poke(accountId));
  const usageStore = new UsageStore(db);
  const jobs = new JobStore(db);
  const connectAccount = (a: AccountConfig) =>
    forUpstreamAccount(
      { account: a.id, log: (level, fields, message) => logger[level](fields, message) },
      () => connect(a, config.upstreamReadCacheMs ?? 1_000),
    );
  const accounts = new Map(config.accounts.map((a) => [a.id, connectAccount(a)]));
  // Accounts admins added: connected now, replaced or removed without a restart.
  const stored = await openStoredAccounts({
    config,
    vault,
    db,
    audit,
    logger,
    connect: (a) => accounts.set(a.id, connectAccount(a)),
    disconnect: (id) => accounts.delete(id),
  });
  const usage = new UsageWatcher(
    usageStore,
    config.usageSampleSeconds * 1000,
    logger,
    (id) => accounts.get(id)?.provider,
  );

  const capacityStore = new CapacityStore(db);
  const capacity = new CapacityWatcher(capacityStore, config.usageSampleSeconds * 1000, logger, (id) => {
    const insights = accounts.get(id)?.insights;
    return insights?.capacity ? { capacity: insights.capacity.bind(insights) } : undefined;
  });

  const displayLinks = new DisplayLinkStore(db);
  const { live, handlers: liveRouteHandlers } = openLive({
    db,
    logger,
    accounts: () => [...accounts.values()],
    rolloutActions,
    // A stream re-checking its session is no sign of the person: it never postpones the idle timeout.
    session: (req) => sessionOf(req, false),
    display: (req) => displayLinks.fromRequest(req),
    cadence: config.liveCadence,
    wallApps: wallApps({
      usage: usageStore,
      capacity: capacityStore,
      account: (id) => {
        const found = accounts.get(id);
        return found ? { product: found.config.product, provider: found.provider } : undefined;
      },
    }),
    // SAE answers usage only as a snapshot and AS its size only now: the console keeps their history.
    sample: async (a, appId) => {
      if (a.product === 'sae') await usage.sample(a.id, appId);
      else if (a.product === 'as') await capacity.sample(a.id, appId);
    },
  });

  const account = (id: string): ConnectedAccount => {
    const found = accounts.get(id);
    if (!found) throw new NotFoundError(`No account with id "${id}" is configured.`);
    return found;
  };

  /** What each product-specific capability is called when an account's product lacks it. */
  const capabilityNames = {
    namespaces: 'namespaces',
    scaling: 'scaling rules',
    configMaps: 'config maps',
    networking: 'load balancers or ingress rules',
    extras: 'tags, log configs or jobs',
    microservices: 'microservices',
    environmentOps: 'offline environments or monitor metrics',
    retailcloud: 'Retail Cloud families',
    as: 'Auto Scaling families',
    aos: 'AOS templates or stacks',
    insights: 'capacity or health figures',
  } as const;
  type Capability = keyof typeof capabilityNames;

  const capability = <K extends Capability>(id: string, key: K): NonNullable<ConnectedAccount[K]> => {
    const found = account(id)[key];
    if (!found) throw new NotFoundError(`Account "${id}" has no ${capabilityNames[key]}.`);
    return found as NonNullable<ConnectedAccount[K]>;
  };
  const namespaceAdmin = (id: string) => capability(id, 'namespaces');
  const scalingOf = (id: string) => capability(id, 'scaling');
  const configMapsOf = (id: string) => capability(id, 'configMaps');
  const networkingOf = (id: string) => capability(id, 'networking');
  const extrasOf = (id: string) => capability(id, 'extras');
  const microservicesOf = (id: string) => capability(id, 'microservices');

  /**
   * The request's session. A request the page sends by itself while its person is away (a background
   * refresh, marked `x-console-background: 1`) does not count as use against the idle timeout.
   */
  const sessionOf = async (
    req: Request,
    active = req.get('x-console-background') !== '1',
  ): Promise<SessionRecord | undefined> => {
    const token = parseCookie(req.get('cookie') ?? '')[SESSION_COOKIE];
    return token ? sessions.find(token, { active }) : undefined;
  };

  const setCookie = (req: Request, res: Response, token: string, maxAgeMs: number) => {
    const secure = config.cookieSecure === 'auto' ? req.secure : config.cookieSecure;
    res.append(
      'set-cookie',
      serializeCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: Math.floor(maxAgeMs / 1000),
      }),
    );
  };

  /** Runs a state change that is not an application lifecycle action and audits its outcome. */
  const audited: Audited = async (session, action, accountId, resource, run, detail) => {
    const entry = { username: session.user.username, role: session.user.role, action, accountId, resource };
    try {
      const result = await run();
      await audit.append({ ...entry, outcome: 'success', upstreamRequestId: result.requestId, detail });
      return result;
    } catch (error) {
      const upstream =
        error instanceof UpstreamError
          ? error.body
          : error instanceof HttpError
            ? error.extra.upstream
            : undefined;
      await audit.append({
        ...entry,
        outcome: 'failure',
        upstreamRequestId: upstream?.requestId,
        detail: [detail, upstream?.code ?? (error as Error).message].filter(Boolean).join('; '),
      });
      throw error;
    }
  };

  /**
   * Runs a lifecycle action and audits it. When the cloud refuses it because the application moved
   * on (another change order running, already stopped...), answers 409 with the fresh application.
   */
  const lifecycleAction = async (
    session: SessionRecord,
    action: string,
    accountId: string,
    appId: string,
    run: (provider: ApplicationProvider) => Promise<ChangeOrderRef>,
    detail?: string,
  ): Promise<ChangeOrderRef | Reply> => {
    const { provider } = account(accountId);
    const entry = {
      username: session.user.username,
      role: session.user.role,
      action,
      accountId,
      resource: `app/${appId}`,
    };
    // Taken before the change so that a lost answer can be told from the state afterwards.
    const before = await withoutStaleData(() => provider.getApplication(appId)).catch(() => undefined);
    try {
      const result = await run(provider);
      live.poke(accountId);
      await audit.append({
        ...entry,
        outcome: 'success',
        upstreamRequestId: result.requestId,
        detail: [detail, result.changeOrderId && `change order ${result.changeOrderId}`]
          .filter(Boolean)
          .join('; '),
      });
      return result;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        // Sent once and never again: the state read now says what happened.
        const answer = await settleUnknownOutcome(error, {
          what: `${action} of application ${appId}`,
          reread: () => provider.getApplication(appId),
          judge: (after) => judgeApplicationChange(before, after, action),
          missing: action === 'delete' ? 'applied' : undefined,
        });
        await audit.append({
          ...entry,
          outcome: 'unknown',
          detail: [detail, error.body.code, `re-read: ${answer.body.outcome}`].filter(Boolean).join('; '),
        });
        return new Reply(answer.status, answer.body);
      }
      const upstream = error instanceof UpstreamError ? error.body : undefined;
      const stale = upstream !== undefined && hasUpstreamCode(STALE_APP_CODES, upstream);
      await audit.append({
        ...entry,
        outcome: stale ? 'stale' : 'failure',
        upstreamRequestId: upstream?.requestId,
        detail: [detail, upstream?.code ?? (error as Error).message].filter(Boolean).join('; '),
      });
      if (!stale) throw error;
      const application = await provider.getApplication(appId).catch(() => undefined);
      const body: StaleApplication = {
        error: { code: 'StaleApplication', message: upstream.message, upstream },
        ...(application ? { application } : {}),
      };
      return new Reply(409, body);
    }
  };

  const retailCloudDeps = { gateway: (id: string) => capability(id, 'retailcloud'), audited };
  const { endStreams, ...liveRoutes } = liveRouteHandlers;
  const handlers: Handlers = {
    ...liveRoutes,
    ...displayAdminHandlers({ db, links: displayLinks, audit, accountIds: () => [...accounts.keys()] }),
    ...retailCloudAppHandlers(retailCloudDeps),
    ...retailCloudClusterHandlers(retailCloudDeps),
    ...asHandlers({ account: (id) => capability(id, 'as'), audited }),
    ...aosHandlers({ account: (id) => capability(id, 'aos'), audited }),
    ...userHandlers({ users, sessions, audit, throttle: loginThrottle, sessionCookie: SESSION_COOKIE }),
    ...auditHandlers(audit),
    ...stored.handlers,
    async getSession({ req }) {
      const session = await sessionOf(req);
      return { user: session?.user ?? null, csrfToken: session?.csrfToken ?? null };
    },
    async login({ body, req, res }) {
      const address = req.ip ?? '';
      const wait = await loginThrottle.retryAfter(body.username, address);
      if (wait) {
        await audit.append({
          username: body.username,
          role: 'none',
          action: 'login',
          outcome: 'denied',
          detail: 'too many failed sign-ins',
        });
        throw tooManyAttempts(wait, res);
      }
      const user = await users.authenticate(body.username, body.password);
      // Each outcome is written whole or not at all: the count and its audit record, the session and its.
      if (!user) {
        await db.transaction(async (tx) => {
          await loginThrottle.failed(body.username, address, tx);
          await audit.append(
            { username: body.username, role: 'none', action: 'login', outcome: 'denied' },
            tx,
          );
        });
        throw new HttpError(401, 'InvalidCredentials', 'The user name or password is wrong.');
      }
      const { token, session } = await db.transaction(async (tx) => {
        await loginThrottle.succeeded(user.username, tx);
        const created = await sessions.create(user, tx);
        await audit.append(
          { username: user.username, role: user.role, action: 'login', outcome: 'success' },
          tx,
        );
        return created;
      });
      setCookie(req, res, token, config.sessionTtlMs);
      return { user, csrfToken: session.csrfToken };
    },
    async logout({ req, res, session }) {
      const token = parseCookie(req.get('cookie') ?? '')[SESSION_COOKIE];
      await db.transaction(async (tx) => {
        if (token) await sessions.destroy(token, tx);
        await audit.append(
          { username: session.user.username, role: session.user.role, action: 'logout', outcome: 'success' },
          tx,
        );
      });
      setCookie(req, res, '', 0);
      return { user: null, csrfToken: null };
    },
    async listAccounts() {
      await stored.live.refresh().catch((err) => logger.warn({ err }, 'stored accounts refresh failed'));
      return [
        ...config.accounts.map((a) => ({ ...publicAccount(a), origin: 'configuration' as const })),
        ...stored.live.list().map((s) => ({
          ...publicAccount(s.config),
          origin: 'stored' as const,
          credentialsSetAt: s.record.credentialsSetAt,
        })),
      ];
    },
    async listNamespaces({ params }) {
      return account(params.accountId).provider.listNamespaces();
    },
    async createNamespace({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      return audited(
        session,
        'namespace-create',
        params.accountId,
        `namespace/${body.namespaceId}`,
        () => namespaces.createNamespace(body),
        body.name,
      );
    },
    async updateNamespace({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      return audited(
        session,
        'namespace-update',
        params.accountId,
        `namespace/${params.namespaceId}`,
        () => namespaces.updateNamespace(params.namespaceId, body),
        body.name,
      );
    },
    async deleteNamespace({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      if (body.confirmId !== params.namespaceId) {
        throw new HttpError(
          400,
          'ConfirmationMismatch',
          `Type the namespace id "${params.namespaceId}" to delete it.`,
          {
            field: 'confirmId',
          },
        );
      }
      return audited(session, 'namespace-delete', params.accountId, `namespace/${params.namespaceId}`, () =>
        namespaces.deleteNamespace(params.namespaceId),
      );
    },
    async updateNamespaceVpc({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      return audited(
        session,
        'namespace-vpc',
        params.accountId,
        `namespace/${params.namespaceId}`,
        () => namespaces.updateNamespaceVpc(params.namespaceId, body.vpcId),
        body.vpcId,
      );
    },
    async batchStartApplications({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      return audited(
        session,
        'batch-start',
        params.accountId,
        `namespace/${params.namespaceId}`,
        () => namespaces.batchStart(params.namespaceId, body.appIds),
        body.appIds.join(','),
      );
    },
    async batchStopApplications({ params, body, session }) {
      const namespaces = namespaceAdmin(params.accountId);
      return audited(
        session,
        'batch-stop',
        params.accountId,
        `namespace/${params.namespaceId}`,
        () => namespaces.batchStop(params.namespaceId, body.appIds),
        body.appIds.join(','),
      );
    },
    async listNamespaceRollouts({ params, query }) {
      return namespaceAdmin(params.accountId).listNamespaceRollouts(
        params.namespaceId,
        query.page,
        query.pageSize,
      );
    },
    async listConfigMaps({ params }) {
      return configMapsOf(params.accountId).listConfigMaps(params.namespaceId);
    },
    async getConfigMap({ params }) {
      return configMapsOf(params.accountId).getConfigMap(params.configMapId);
    },
    async createConfigMap({ params, body, session }) {
      const configMaps = configMapsOf(params.accountId);
      return audited(
        session,
        'config-map-create',
        params.accountId,
        `namespace/${params.namespaceId}/config-map/${body.name}`,
        () => configMaps.createConfigMap(params.namespaceId, body),
        `keys ${Object.keys(body.data).join(',')}`,
      );
    },
    async updateConfigMap({ params, body, session }) {
      const configMaps = configMapsOf(params.accountId);
      return audited(
        session,
        'config-map-update',
        params.accountId,
        `config-map/${params.configMapId}`,
        () => configMaps.updateConfigMap(params.configMapId, body),
        `keys ${Object.keys(body.data).join(',')}`,
      );
    },
    async deleteConfigMap({ params, session }) {
      const configMaps = configMapsOf(params.accountId);
      return audited(session, 'config-map-delete', params.accountId, `config-map/${params.configMapId}`, () =>
        configMaps.deleteConfigMap(params.configMapId),
      );
    },
    async listIngresses({ params }) {
      return networkingOf(params.accountId).listIngresses(params.namespaceId);
    },
    async getIngress({ params }) {
      return networkingOf(params.accountId).getIngress(params.ingressId);
    },
    async createIngress({ params, body, session }) {
      const networking = networkingOf(params.accountId);
      return audited(
        session,
        'ingress-create',
        params.accountId,
        `namespace/${params.namespaceId}/ingress`,
        () => networking.createIngress(params.namespaceId, body),
        `${body.slbId}:${body.listenerPort}`,
      );
    },
    async updateIngress({ params, body, session }) {
      const networking = networkingOf(params.accountId);
      return audited(session, 'ingress-update', params.accountId, `ingress/${params.ingressId}`, () =>
        networking.updateIngress(params.ingressId, body),
      );
    },
    async deleteIngress({ params, session }) {
      const networking = networkingOf(params.accountId);
      return audited(session, 'ingress-delete', params.accountId, `ingress/${params.ingressId}`, () =>
        networking.deleteIngress(params.ingressId),
      );
    },
    async listInstanceSpecifications({ params }) {
      return account(params.accountId).provider.listInstanceSpecifications();
    },
    async listApplications({ params, query }) {
      return account(params.accountId).provider.listApplications(query);
    },
    async getApplication({ params }) {
      return account(params.accountId).provider.getApplication(params.appId);
    },
    async listInstances({ params }) {
      return account(params.accountId).provider.listInstances(params.appId);
    },
    async listVersions({ params }) {
      return account(params.accountId).provider.listVersions(params.appId);
    },
    async listEvents({ params }) {
      return account(params.accountId).provider.listEvents(params.appId);
    },
    async getCapacity({ params, query }) {
      const insights = capability(params.accountId, 'insights');
      if (!insights.capacity) {
        throw new NotFoundError(`Account "${params.accountId}" keeps no instance counts over time.`);
      }
      const reader = { capacity: insights.capacity.bind(insights) };
      return capacity.read(reader, params.accountId, params.appId, query.range);
    },
    async getHealthBreakdown({ params }) {
      return capability(params.accountId, 'insights').healthBreakdown(params.appId);
    },
    async getUsage({ params, query }) {
      account(params.accountId);
      return usage.read(params.accountId, params.appId, query.range);
    },
    async listAppRollouts({ params, query }) {
      return account(params.accountId).provider.listRollouts(params.appId, query.page, query.pageSize);
    },
    async deployApplication({ params, body, session }) {
      return lifecycleAction(
        session,
        'deploy',
        params.accountId,
        params.appId,
        (provider) => provider.deploy(params.appId, body),
        body.imageUrl ?? body.packageUrl,
      );
    },
    async startApplication({ params, session }) {
      return lifecycleAction(session, 'start', params.accountId, params.appId, (provider) =>
        provider.start(params.appId),
      );
    },
    async stopApplication({ params, session }) {
      return lifecycleAction(session, 'stop', params.accountId, params.appId, (provider) =>
        provider.stop(params.appId),
      );
    },
    async restartApplication({ params, body, session }) {
      return lifecycleAction(session, 'restart', params.accountId, params.appId, (provider) =>
        provider.restart(params.appId, body.minReadyInstances),
      );
    },
    async restartInstances({ params, body, session }) {
      return lifecycleAction(
        session,
        'restart-instances',
        params.accountId,
        params.appId,
        (provider) => provider.restartInstances(params.appId, body.instanceIds),
        body.instanceIds.join(','),
      );
    },
    async removeInstances({ params, body, session }) {
      return lifecycleAction(
        session,
        'remove-instances',
        params.accountId,
        params.appId,
        (provider) => provider.removeInstances(params.appId, body.instanceIds),
        body.instanceIds.join(','),
      );
    },
    async listScalingRules({ params }) {
      return scalingOf(params.accountId).listScalingRules(params.appId);
    },
    async createScalingRule({ params, body, session }) {
      const scaling = scalingOf(params.accountId);
      return audited(
        session,
        'scaling-rule-create',
        params.accountId,
        `app/${params.appId}/scaling-rule/${body.name}`,
        () => scaling.createScalingRule(params.appId, body),
        `${body.type}${body.enabled ? ', enabled' : ''}`,
      );
    },
    async updateScalingRule({ params, body, session }) {
      const scaling = scalingOf(params.accountId);
      return audited(
        session,
        'scaling-rule-update',
        params.accountId,
        `app/${params.appId}/scaling-rule/${params.ruleName}`,
        () => scaling.updateScalingRule(params.appId, params.ruleName, body),
      );
    },
    async enableScalingRule({ params, session }) {
      const scaling = scalingOf(params.accountId);
      return audited(
        session,
        'scaling-rule-enable',
        params.accountId,
        `app/${params.appId}/scaling-rule/${params.ruleName}`,
        () => scaling.setScalingRuleEnabled(params.appId, params.ruleName, true),
      );
    },
    async disableScalingRule({ params, session }) {
      const scaling = scalingOf(params.accountId);
      return audited(
        session,
        'scaling-rule-disable',
        params.accountId,
        `app/${params.appId}/scaling-rule/${params.ruleName}`,
        () => scaling.setScalingRuleEnabled(params.appId, params.ruleName, false),
      );
    },
    async deleteScalingRule({ params, session }) {
      const scaling = scalingOf(params.accountId);
      return audited(
        session,
        'scaling-rule-delete',
        params.accountId,
        `app/${params.appId}/scaling-rule/${params.ruleName}`,
        () => scaling.deleteScalingRule(params.appId, params.ruleName),
      );
    },
    async getAppSlbs({ params }) {
      return networkingOf(params.accountId).appSlbs(params.appId);
    },
    async bindSlb({ params, body, session }) {
      const networking = networkingOf(params.accountId);
      const ports = [...(body.internet ?? []), ...(body.intranet ?? [])].map(
        (l) => `${l.protocol}:${l.port}`,
      );
      return lifecycleAction(
        session,
        'slb-bind',
        params.accountId,
        params.appId,
        () => networking.bindSlb(params.appId, body),
        ports.join(','),
      );
    },
    async unbindSlb({ params, body, session }) {
      const networking = networkingOf(params.accountId);
      const sides = [body.internet && 'internet', body.intranet && 'intranet'].filter(Boolean).join(',');
      return lifecycleAction(
        session,
        'slb-unbind',
        params.accountId,
        params.appId,
        () => networking.unbindSlb(params.appId, body),
        sides,
      );
    },
    async setApplicationTags({ params, body, session }) {
      const extras = extrasOf(params.accountId);
      return audited(
        session,
        'tags',
        params.accountId,
        `app/${params.appId}`,
        () => extras.setTags(params.appId, body.tags),
        body.tags.map((t) => `${t.key}=${t.value}`).join(','),
      );
    },
    async listLogConfigs({ params }) {
      return extrasOf(params.accountId).logConfigs(params.appId);
    },
    async listJobs({ params }) {
      const extras = extrasOf(params.accountId);
      const started = await jobs.recent(params.accountId, params.appId);
      return Promise.all(
        started.map(async (s) => {
          const status = await extras.job(params.appId, s.jobId).catch(() => undefined);
          return {
            ...(status ?? {
              jobId: s.jobId,
              state: 'unknown' as const,
              nativeState: '',
              active: 0,
              succeeded: 0,
              failed: 0,
            }),
            startedBy: s.username,
          };
        }),
      );
    },
    async runJob({ params, body, session }) {
      const extras = extrasOf(params.accountId);
      const result = await audited(
        session,
        'job-run',
        params.accountId,
        `app/${params.appId}`,
        () => extras.runJob(params.appId, body),
        `event ${body.eventId}`,
      );
      await jobs.record(params.accountId, params.appId, {
        jobId: result.jobId,
        eventId: body.eventId,
        username: session.user.username,
      });
      return result;
    },
    async getJob({ params }) {
      return extrasOf(params.accountId).job(params.appId, params.jobId);
    },
    async getAppServices({ params }) {
      return microservicesOf(params.accountId).services(params.appId);
    },
    async getGreyRoute({ params }) {
      return microservicesOf(params.accountId).greyRoute(params.appId);
    },
    async putGreyRoute({ params, body, session }) {
      const microservices = microservicesOf(params.accountId);
      return audited(
        session,
        'grey-route',
        params.accountId,
        `app/${params.appId}`,
        () => microservices.putGreyRoute(params.appId, body),
        `${body.name}: ${body.scRules?.length ?? 0} Spring Cloud, ${body.dubboRules?.length ?? 0} Dubbo rule(s)`,
      );
    },
    async deleteGreyRoute({ params, session }) {
      const microservices = microservicesOf(params.accountId);
      return audited(session, 'grey-route-delete', params.accountId, `app/${params.appId}`, () =>
        microservices.deleteGreyRoute(params.appId),
      );
    },
    async getInstanceLog({ params }) {
      const log = await account(params.accountId).provider.instanceLog(params.appId, params.instanceId);
      return { instanceId: params.instanceId, log };
    },
    async scaleApplication({ params, body, session }) {
      return lifecycleAction(
        session,
        'scale',
        params.accountId,
        params.appId,
        (provider) => provider.scale(params.appId, body.replicas, body.partitions),
        `replicas ${body.replicas}${body.partitions ? ` in ${body.partitions} partitions` : ''}`,
      );
    },
    async offlineApplication({ params, body, session }) {
      const ops = capability(params.accountId, 'environmentOps');
      return lifecycleAction(
        session,
        'offline',
        params.accountId,
        params.appId,
        () => ops.offline(params.appId, body.deletePvc ?? false),
        body.deletePvc ? 'with its persistent volume claims' : undefined,
      );
    },
    async getRolloutPodLog({ params }) {
      return capability(params.accountId, 'environmentOps').podDeployLog(params.rolloutId, params.podName);
    },
    async getMonitorMetric({ params, query }) {
      return capability(params.accountId, 'environmentOps').monitorMetric(params.appId, query);
    },
    async resizeApplication({ params, body, session }) {
      return lifecycleAction(
        session,
        'resize',
        params.accountId,
        params.appId,
        (provider) => provider.resize(params.appId, body.cpu, body.memory),
        `cpu ${body.cpu} memory ${body.memory}`,
      );
    },
    async rollbackApplication({ params, body, session }) {
      return lifecycleAction(
        session,
        'rollback',
        params.accountId,
        params.appId,
        (provider) => provider.rollback(params.appId, body.versionId, body.strategy, body.minReadyInstances),
        `version ${body.versionId}`,
      );
    },
    async deleteApplication({ params, body, session }) {
      const { provider } = account(params.accountId);
      const app = await provider.getApplication(params.appId);
      if (body.confirmName !== app.name) {
        throw new HttpError(
          400,
          'ConfirmationMismatch',
          `Type the application name "${app.name}" to delete it.`,
          {
            field: 'confirmName',
          },
        );
      }
      return lifecycleAction(
        session,
        'delete',
        params.accountId,
        params.appId,
        () => provider.delete(params.appId),
        app.name,
      );
    },
    async getRollout({ params, session }) {
      const rollout = await account(params.accountId).provider.getRollout(params.rolloutId);
      return rolloutForRole(session.user.role, rollout);
    },
    async getBatch({ params }) {
      return account(params.accountId).provider.getBatch(params.rolloutId, params.batchId);
    },
    async confirmBatch({ params, body, session }) {
      return rolloutActions.perform({
        kind: 'confirm-batch',
        accountId: params.accountId,
        rolloutId: params.rolloutId,
        batchId: body.batchId,
        idempotencyKey: body.idempotencyKey,
        provider: account(params.accountId).provider,
        session,
      });
    },
    async extendBatch({ params, body, session }) {
      return rolloutActions.perform({
        kind: 'extend-batch',
        accountId: params.accountId,
        rolloutId: params.rolloutId,
        batchId: body.batchId,
        idempotencyKey: body.idempotencyKey,
        provider: account(params.accountId).provider,
        session,
      });
    },
    async abortRollout({ params, body, session }) {
      return rolloutActions.perform({
        kind: 'abort',
        accountId: params.accountId,
        rolloutId: params.rolloutId,
        batchId: body.batchId,
        idempotencyKey: body.idempotencyKey,
        provider: account(params.accountId).provider,
        session,
      });
    },
    async abortAndRollbackRollout({ params, body, session }) {
      return rolloutActions.perform({
        kind: 'abort-and-rollback',
        accountId: params.accountId,
        rolloutId: params.rolloutId,
        idempotencyKey: body.idempotencyKey,
        provider: account(params.accountId).provider,
        session,
      });
    },
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.use(httpMetrics());
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.path.startsWith('/api/')) return;
      // One line per request would bury everything else at the default level: CONSOLE_LOG_LEVEL=debug shows them.
      logger.debug(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        'request',
      );
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  const operations = operationsRoutes(db);
  app.use(operations.router);
  const openapi = buildOpenApi();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(staleReadFallback());
  // A stored account another instance added is looked up in the database on first use here.
  api.use('/api/accounts/:accountId', (req, _res, next) => {
    stored.live
      .ensure(String(req.params.accountId))
      .catch((err) => logger.warn({ err }, 'stored account lookup failed'))
      .finally(() => next());
  });
  mountRoutes(api, handlers, { session: sessionOf, display: (req) => displayLinks.fromRequest(req) });
  api.use('/api', (req, _res, next) =>
    next(new HttpError(404, 'NotFound', `No API route ${req.method} ${req.originalUrl}.`)),
  );
  app.use(api);
  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    const dist = config.webDist;
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  }
  app.use(errorHandler(logger));

  usage.start();
  capacity.start();
  await live.start();
  await stored.live.start();
  const housekeeping = setInterval(() => {
    sessions.purgeExpired().catch((err) => logger.warn({ err }, 'session purge failed'));
    loginThrottle.purgeExpired().catch((err) => logger.warn({ err }, 'login failure purge failed'));
    // A day outlives any retry of a double click or a reconnecting browser.
    idempotency.purgeOlderThan(24).catch((err) => logger.warn({ err }, 'idempotency purge failed'));
  }, 10 * 60_000);
  housekeeping.unref();

  return {
    app,
    db,
    logger,
    operations,
    live,
    endStreams,
    async close() {
      clearInterval(housekeeping);
      endStreams();
      await live.stop();
      usage.stop();
      capacity.stop();
      await stored.live.stop();
      await closeUpstreamAgents();
      if (!options.db) await db.close();
    },
  };
}
