import type { Request, Response } from 'express';
import { z } from 'zod';

/** The legacy per-product form: one rate per kind, replacing whatever the product had. */
export const FaultSettings = z.object({
  product: z.string().min(1),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  throttleRate: z.number().min(0).max(1).optional(),
  resetRate: z.number().min(0).max(1).optional(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;

export const FAULT_KINDS = ['latency', 'error', 'throttle', 'reset', 'timeout'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One fault: what happens (`kind`), to which product (`sae`, `retailcloud`, `AOS`, `AS`; any case)
 * and optionally which API or action, how often (`rate`, default every call) and how many times at
 * most (`count`, after which the rule is spent). `phase: 'after'` lets the product apply the call and
 * then loses the answer (reset or timeout): the caller cannot tell whether a change happened.
 */
export const FaultRule = z
  .object({
    product: z.string().min(1),
    action: z.string().min(1).optional(),
    kind: z.enum(FAULT_KINDS),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
    /** latency: how long the call is held before it is answered. */
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** error: the 5xx to answer (500 or 503; default either, at random). */
    status: z.union([z.literal(500), z.literal(503)]).optional(),
    /** reset and timeout: before the product sees the call (default) or after it applied it. */
    phase: z.enum(['before', 'after']).optional(),
    /** timeout: how long the unanswered connection is held before the simulator closes it. */
    holdMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'latency' || r.latencyMs !== undefined, {
    message: 'a latency fault needs latencyMs',
    path: ['latencyMs'],
  });
export type FaultRule = z.infer<typeof FaultRule>;

const FaultRules = z.object({ rules: z.array(FaultRule).min(1).max(100) }).strict();

export type FaultChange = z.infer<typeof FaultRules> | FaultRule | FaultSettings;

/**
 * What the control endpoint takes: `{rules: [...]}`, one rule (it has a `kind`) or the legacy rates;
 * the shape picks the schema, so that a refusal names the field that is wrong.
 */
export function parseFaultChange(
  body: unknown,
): { success: true; data: FaultChange } | { success: false; error: z.ZodError } {
  const shape = typeof body === 'object' && body !== null ? body : {};
  if ('rules' in shape) return FaultRules.safeParse(shape);
  if ('kind' in shape) return FaultRule.safeParse(shape);
  return FaultSettings.strict().safeParse(shape);
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset'; phase: 'before' | 'after' }
  | { kind: 'timeout'; phase: 'before' | 'after'; holdMs: number }
  | { kind: 'throttle' }
  | { kind: 'error'; status: 500 | 503 };

/** What a front does with one call: wait first, then answer normally or as the fault says. */
export interface FaultPlan {
  latencyMs: number;
  fault: FaultDecision;
}

interface StoredRule {
  id: number;
  rule: FaultRule;
  /** Injections so far. */
  injected: number;
}

/** The failure kinds in the order a call meets them: the connection first, then the gateway. */
const FAILURE_ORDER: FaultKind[] = ['reset', 'timeout', 'throttle', 'error'];

const DEFAULT_HOLD_MS = 120_000;

/**
 * Fault injection for every product front, switchable at run time through the control API
 * (`/__sim/faults`) or this object: latency, 5xx, each cloud's own throttling refusal, dropped
 * connections and calls that are never answered, per product and optionally per action.
 */
export class FaultInjector {
  private rulesList: StoredRule[] = [];
  private nextId = 1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Legacy form: replaces every rule of the product with these rates. */
  set(settings: FaultSettings): void {
    this.clear(settings.product);
    const { product } = settings;
    if (settings.latencyMs) this.add({ product, kind: 'latency', latencyMs: settings.latencyMs });
    if (settings.resetRate) this.add({ product, kind: 'reset', rate: settings.resetRate });
    if (settings.throttleRate) this.add({ product, kind: 'throttle', rate: settings.throttleRate });
    if (settings.errorRate) this.add({ product, kind: 'error', rate: settings.errorRate });
  }

  /** Adds a rule; a rule for the same product, action and kind is replaced. */
  add(rule: FaultRule): number {
    const parsed = FaultRule.parse(rule);
    this.rulesList = this.rulesList.filter(
      (r) =>
        !(
          same(r.rule.product, parsed.product) &&
          r.rule.action === parsed.action &&
          r.rule.kind === parsed.kind
        ),
    );
    const id = this.nextId++;
    this.rulesList.push({ id, rule: parsed, injected: 0 });
    return id;
  }

  /** Applies what the control endpoint was sent. */
  apply(change: FaultChange): void {
    if ('rules' in change) for (const rule of change.rules) this.add(rule);
    else if ('kind' in change) this.add(change);
    else this.set(change);
  }

  /** Removes the rules of a product (and of one action of it), or all of them. */
  clear(product?: string, action?: string): void {
    if (!product) {
      this.rulesList = [];
      return;
    }
    this.rulesList = this.rulesList.filter(
      (r) => !(same(r.rule.product, product) && (action === undefined || r.rule.action === action)),
    );
  }

  /** The active rules with how often each has fired. */
  rules(): (FaultRule & { id: number; injected: number })[] {
    return this.rulesList.map((r) => ({ ...r.rule, id: r.id, injected: r.injected }));
  }

  /** The rules of each product in the legacy form (rates of its product-wide rules). */
  list(): FaultSettings[] {
    const out = new Map<string, FaultSettings>();
    for (const { rule } of this.rulesList) {
      if (rule.action !== undefined || rule.count !== undefined) continue;
      const s = out.get(rule.product) ?? { product: rule.product };
      const rate = rule.rate ?? 1;
      if (rule.kind === 'latency') s.latencyMs = rule.latencyMs;
      if (rule.kind === 'error') s.errorRate = rate;
      if (rule.kind === 'throttle') s.throttleRate = rate;
      if (rule.kind === 'reset') s.resetRate = rate;
      out.set(rule.product, s);
    }
    return [...out.values()];
  }

  /** Faults injected since the start (or the last reset of the counters), by product and kind. */
  injected(): { product: string; kind: FaultKind; count: number }[] {
    return [...this.counts].map(([key, count]) => {
      const [product = '', kind = 'error'] = key.split(' ');
      return { product, kind: kind as FaultKind, count };
    });
  }

  resetCounts(): void {
    this.counts.clear();
  }

  latencyMs(product: string, action?: string): number {
    return this.pick(product, action, 'latency')?.latencyMs ?? 0;
  }

  decide(product: string, action?: string): FaultDecision {
    for (const kind of FAILURE_ORDER) {
      const rule = this.pick(product, action, kind);
      if (!rule) continue;
      switch (rule.kind) {
        case 'reset':
          return { kind: 'reset', phase: rule.phase ?? 'before' };
        case 'timeout':
          return { kind: 'timeout', phase: rule.phase ?? 'before', holdMs: rule.holdMs ?? DEFAULT_HOLD_MS };
        case 'throttle':
          return { kind: 'throttle' };
        default:
          return { kind: 'error', status: rule.status ?? (this.random() < 0.5 ? 500 : 503) };
      }
    }
    return { kind: 'none' };
  }

  /** Latency and failure for one call, each counted as injected when it fires. */
  plan(product: string, action?: string): FaultPlan {
    return { latencyMs: this.latencyMs(product, action), fault: this.decide(product, action) };
  }

  /**
   * The rule of that kind that applies to the call (one naming the action wins over a product-wide
   * one), if it fires this time; a rule with a count is removed once spent.
   */
  private pick(product: string, action: string | undefined, kind: FaultKind): FaultRule | undefined {
    const candidates = this.rulesList.filter(
      (r) =>
        r.rule.kind === kind &&
        same(r.rule.product, product) &&
        (r.rule.action === undefined || r.rule.action === action),
    );
    const stored = candidates.find((r) => r.rule.action !== undefined) ?? candidates[0];
    if (!stored) return undefined;
    const rate = stored.rule.rate ?? 1;
    if (rate < 1 && this.random() >= rate) return undefined;
    stored.injected++;
    const key = `${stored.rule.product.toLowerCase()} ${kind}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (stored.rule.count !== undefined && stored.injected >= stored.rule.count) {
      this.rulesList = this.rulesList.filter((r) => r !== stored);
    }
    return stored.rule;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The call-log code of a call whose answer a fault took away. */
export function droppedCode(fault: FaultDecision): string {
  return fault.kind === 'timeout' ? 'NoAnswer' : 'ConnectionReset';
}

/**
 * Takes the answer away: a reset destroys the socket; a timeout holds the call unanswered until the
 * client gives up (or `holdMs` passes), the way a hung gateway does.
 */
export function dropAnswer(req: Request, res: Response, fault: FaultDecision): void {
  res.locals.dropped = droppedCode(fault);
  if (fault.kind !== 'timeout') {
    req.socket.destroy();
    return;
  }
  const timer = setTimeout(() => req.socket.destroy(), fault.holdMs);
  timer.unref();
  res.on('close', () => clearTimeout(timer));
}

/** The `fault` field of a call record: which injected fault shaped the answer. */
export function faultLabel(plan: FaultPlan): string | undefined {
  const { fault } = plan;
  if (fault.kind === 'none') return plan.latencyMs > 0 ? 'latency' : undefined;
  if (fault.kind === 'reset' || fault.kind === 'timeout') return `${fault.kind}-${fault.phase}`;
  return fault.kind;
}

export type LostAnswer = Extract<FaultDecision, { kind: 'reset' | 'timeout' }>;

/** A reset or timeout that strikes before the product sees the call. */
export function dropsCall(fault: FaultDecision): fault is LostAnswer {
  return (fault.kind === 'reset' || fault.kind === 'timeout') && fault.phase === 'before';
}

/** A reset or timeout that lets the product apply the call, then loses the answer. */
export function losesAnswer(fault: FaultDecision): LostAnswer | undefined {
  return (fault.kind === 'reset' || fault.kind === 'timeout') && fault.phase === 'after' ? fault : undefined;
}
