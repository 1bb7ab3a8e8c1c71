import type { AddressInfo } from 'node:net';
import { retailCloudActionByName } from '@console/catalogue';
import express, { type Express } from 'express';
import { CallLog } from './calls';
import { SimClock } from './clock';
import { CLOUDSIM_DEFAULTS } from './config';
import { createControlRouter } from './control';
import { FaultInjector } from './faults';
import { AosWorld } from './huawei/aos/world';
import { AsWorld } from './huawei/as/world';
import { createHuaweiRequestHandler, type HuaweiAccount } from './huawei/index';
import { inReportedTime } from './reported-time';
import { retailCloudHandlers } from './retailcloud/handlers';
import { createRetailCloudRequestHandler, isRpcRequest } from './retailcloud/router';
import { RetailCloudWorld } from './retailcloud/world';
import { dispatchByAccount } from './sae/accounts';
import { saeHandlers } from './sae/handlers';
import { findApi2019, LEGACY_ID_SEED, saeHandlers2019, successBody2019 } from './sae/profile-2019';
import { createSaeRequestHandler } from './sae/router';
import { SaeWorld } from './sae/world';

export { CallLog, type CallRecord } from './calls';
export { SimClock } from './clock';
export { CLOUDSIM_DEFAULTS, CLOUDSIM_ENV } from './config';
export { RC_SEED } from './retailcloud/seed';
export { RetailCloudWorld } from './retailcloud/world';
export { NETWORK_SEED as SAE_NETWORK_SEED } from './sae/network';
export { SEED as SAE_SEED } from './sae/seed';
export { SaeWorld } from './sae/world';

export interface CloudSimOptions {
  aliyun?: { accessKeyId: string; accessKeySecret: string };
  /** The second, legacy account: SAE answers it as the 2019 reference (seed 001) documents. */
  aliyunLegacy?: { accessKeyId: string; accessKeySecret: string };
  timeScale?: number;
  /** Seed the demo data (default true). */
  seed?: boolean;
  /** The Huawei Cloud account (AK/SK, IAM user, project); defaults in CLOUDSIM_DEFAULTS. */
  huawei?: Partial<HuaweiAccount>;
  /** Background advance interval in real ms (default 1000; 0 disables it). */
  tickMs?: number;
  /** Receives one object per request and per notable event; never secrets or Authorization. */
  logger?: (line: object) => void;
}

export interface CloudSim {
  app: Express;
  clock: SimClock;
  calls: CallLog;
  sae: SaeWorld;
  /** The legacy account's own SAE world (2019 profile). */
  saeLegacy: SaeWorld;
  /** Retail Cloud (RPC at `/`), answering the same key pair as SAE. */
  retailcloud: RetailCloudWorld;
  /** Huawei Cloud Application Orchestration Service (`/v2/…`). */
  aos: AosWorld;
  /** Huawei Cloud Auto Scaling (`/autoscaling-api/…`). */
  autoscaling: AsWorld;
  /** The Huawei Cloud account the simulator accepts. */
  huawei: HuaweiAccount;
  faults: FaultInjector;
  /** Reseeds every product and clears calls and faults. */
  reset(): void;
  /** Stops the background tick. */
  stop(): void;
}

export function createCloudSim(options: CloudSimOptions = {}): CloudSim {
  const clock = new SimClock({ timeScale: options.timeScale ?? CLOUDSIM_DEFAULTS.timeScale });
  const calls = new CallLog();
  const faults = new FaultInjector();
  const credentials = options.aliyun ?? {
    accessKeyId: CLOUDSIM_DEFAULTS.aliyunAccessKeyId,
    accessKeySecret: CLOUDSIM_DEFAULTS.aliyunAccessKeySecret,
  };
  const legacyCredentials = options.aliyunLegacy ?? {
    accessKeyId: CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeyId,
    accessKeySecret: CLOUDSIM_DEFAULTS.aliyunLegacyAccessKeySecret,
  };
  const sae = new SaeWorld({ clock, seed: options.seed, logger: options.logger });
  const saeLegacy = new SaeWorld({
    clock,
    seed: options.seed,
    logger: options.logger,
    idSeed: LEGACY_ID_SEED,
  });
  const retailcloud = new RetailCloudWorld({ clock, seed: options.seed, logger: options.logger });
  const huawei: HuaweiAccount = {
    ak: CLOUDSIM_DEFAULTS.huaweiAk,
    sk: CLOUDSIM_DEFAULTS.huaweiSk,
    domain: CLOUDSIM_DEFAULTS.huaweiDomain,
    user: CLOUDSIM_DEFAULTS.huaweiUser,
    password: CLOUDSIM_DEFAULTS.huaweiPassword,
    projectId: CLOUDSIM_DEFAULTS.huaweiProjectId,
    region: CLOUDSIM_DEFAULTS.huaweiRegion,
    ...options.huawei,
  };
  const huaweiProduct = { clock, seed: options.seed, projectId: huawei.projectId, logger: options.logger };
  const aos = new AosWorld(huaweiProduct);
  const autoscaling = new AsWorld(huaweiProduct);
  const reset = () =>
    inReportedTime(clock, () => {
      sae.reset();
      saeLegacy.reset();
      retailcloud.reset();
      aos.reset();
      autoscaling.reset();
      calls.clear();
      faults.clear();
      faults.resetCounts();
    });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.logger) {
    const logger = options.logger;
    app.use((req, res, next) => {
      const started = Date.now();
      res.on('close', () => {
        logger({
          time: new Date().toISOString(),
          method: req.method,
          // The path only: a query may carry parameters such as OssAkSecret.
          path: req.originalUrl.split('?')[0],
          api: res.locals.api,
          status: res.headersSent ? res.statusCode : 0,
          code: res.locals.code,
          requestId: res.getHeader('x-acs-request-id') ?? res.getHeader('x-request-id'),
          ms: Date.now() - started,
        });
      });
      next();
    });
  }
  app.use('/__sim', createControlRouter({ clock, calls, faults, sae, saeLegacy, reset }));
  // Raw body: the signature covers Content-MD5, and parameters may be a form or JSON body.
  app.use(express.raw({ type: () => true, limit: '10mb' }));
  // Every product answers in reported time: never a moment later than the real clock.
  app.use((_req, _res, next) => inReportedTime(clock, next));
  // Retail Cloud: RPC calls at `/` (an `Action` parameter or V3's x-acs-action); SAE's ROA paths are never `/`.
  const retailcloudRpc = createRetailCloudRequestHandler({
    credentials: () => [credentials],
    world: retailcloud,
    handlers: retailCloudHandlers,
    calls,
    faults,
    rulesFor: (action) => retailCloudActionByName[action]?.params,
  });
  app.use((req, res, next) => (isRpcRequest(req) ? retailcloudRpc(req, res) : next()));
  // Huawei (REST: IAM, AOS, AS) before SAE, whose ROA paths never start with /v3/auth, /v2/ or /autoscaling-api.
  app.use(createHuaweiRequestHandler({ account: huawei, clock, calls, faults, aos, autoscaling }));
  const sae2022 = createSaeRequestHandler({
    credentials: () => [credentials],
    world: sae,
    handlers: saeHandlers,
    calls,
    faults,
  });
  const sae2019 = createSaeRequestHandler({
    credentials: () => [legacyCredentials],
    world: saeLegacy,
    handlers: saeHandlers2019(saeHandlers),
    calls,
    faults,
    findApi: findApi2019,
    successBody: successBody2019,
  });
  app.use(dispatchByAccount([{ accessKeyId: legacyCredentials.accessKeyId, handler: sae2019 }], sae2022));

  const tickMs = options.tickMs ?? CLOUDSIM_DEFAULTS.tickMs;
  const timer =
    tickMs > 0
      ? setInterval(() => {
          try {
            inReportedTime(clock, () => {
              sae.advance();
              saeLegacy.advance();
              retailcloud.advance();
              aos.advance();
              autoscaling.advance();
            });
          } catch (error) {
            options.logger?.({ level: 'error', message: 'tick failed', error: String(error) });
          }
        }, tickMs)
      : undefined;
  timer?.unref();

  return {
    app,
    clock,
    calls,
    faults,
    sae,
    saeLegacy,
    retailcloud,
    aos,
    autoscaling,
    huawei,
    reset,
    stop: () => clearInterval(timer),
  };
}

export interface RunningCloudSim extends CloudSim {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startCloudSim(
  options: CloudSimOptions & { port?: number; host?: string } = {},
): Promise<RunningCloudSim> {
  const sim = createCloudSim(options);
  const host = options.host ?? CLOUDSIM_DEFAULTS.host;
  const server = sim.app.listen(options.port ?? CLOUDSIM_DEFAULTS.port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...sim,
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sim.stop();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
