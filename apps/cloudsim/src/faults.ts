import { z } from 'zod';

export const FaultSettings = z.object({
  product: z.string().min(1),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  throttleRate: z.number().min(0).max(1).optional(),
  resetRate: z.number().min(0).max(1).optional(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'throttle' }
  | { kind: 'error'; status: 500 | 503 };

/** Per-product fault injection: latency, 5xx, throttling, dropped connections. */
export class FaultInjector {
  private readonly settings = new Map<string, FaultSettings>();

  constructor(private readonly random: () => number = Math.random) {}

  set(settings: FaultSettings): void {
    this.settings.set(settings.product, settings);
  }

  clear(product?: string): void {
    if (product) this.settings.delete(product);
    else this.settings.clear();
  }

  list(): FaultSettings[] {
    return [...this.settings.values()];
  }

  latencyMs(product: string): number {
    return this.settings.get(product)?.latencyMs ?? 0;
  }

  decide(product: string): FaultDecision {
    const s = this.settings.get(product);
    if (!s) return { kind: 'none' };
    if (s.resetRate && this.random() < s.resetRate) return { kind: 'reset' };
    if (s.throttleRate && this.random() < s.throttleRate) return { kind: 'throttle' };
    if (s.errorRate && this.random() < s.errorRate) {
      return { kind: 'error', status: this.random() < 0.5 ? 500 : 503 };
    }
    return { kind: 'none' };
  }
}
