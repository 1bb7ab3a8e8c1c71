import type { RequestHandler } from 'express';
import type { CallLog } from '../calls';
import type { SimClock } from '../clock';
import type { FaultInjector } from '../faults';
import type { HuaweiProduct } from './types';

/** The Huawei Cloud account the simulator accepts. */
export interface HuaweiAccount {
  ak: string;
  sk: string;
  domain: string;
  user: string;
  password: string;
  projectId: string;
  /** The project's name (IAM `scope.project.name`), which is its region. */
  region: string;
}

export interface HuaweiFrontOptions {
  account: HuaweiAccount;
  clock: SimClock;
  calls: CallLog;
  faults: FaultInjector;
  aos: HuaweiProduct;
  autoscaling: HuaweiProduct;
}

/**
 * Huawei Cloud's front: IAM tokens at `/v3/auth/tokens`, then AOS at `/v2/…` and AS at
 * `/autoscaling-api/…`, each authenticated by an IAM token or an AK/SK signature. Anything else is
 * passed on to the next product.
 */
export function createHuaweiRequestHandler(_options: HuaweiFrontOptions): RequestHandler {
  return (_req, _res, next) => next();
}
