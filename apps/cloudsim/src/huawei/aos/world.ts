import type { HuaweiProduct, HuaweiProductOptions, HuaweiRequest, HuaweiResponse } from '../types';

/** Huawei Cloud Application Orchestration Service (seed 003): templates and stacks. */
export class AosWorld implements HuaweiProduct {
  readonly product = 'AOS';

  constructor(readonly options: HuaweiProductOptions) {}

  handle(_request: HuaweiRequest): HuaweiResponse | undefined {
    return undefined;
  }

  advance(): void {}

  reset(): void {}
}
