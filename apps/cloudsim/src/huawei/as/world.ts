import type { HuaweiProduct, HuaweiProductOptions, HuaweiRequest, HuaweiResponse } from '../types';

/** Huawei Cloud Auto Scaling (seed 004): groups, configurations, instances, policies, hooks, tags. */
export class AsWorld implements HuaweiProduct {
  readonly product = 'AS';

  constructor(readonly options: HuaweiProductOptions) {}

  handle(_request: HuaweiRequest): HuaweiResponse | undefined {
    return undefined;
  }

  advance(): void {}

  reset(): void {}
}
