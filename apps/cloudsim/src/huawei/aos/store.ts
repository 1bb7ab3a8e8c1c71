import { hashUnit, IdGenerator } from '../../sae/ids';
import type { AosStack, AosTemplate } from './model';

/** Templates per account and stacks per project before SVCSTG.AOS.4031116 / 4032025. */
export const TEMPLATE_QUOTA = 100;
export const STACK_QUOTA = 50;

/** All AOS state of the simulated account. Handlers and the engine read and mutate it directly. */
export class AosStore {
  readonly ids: IdGenerator;
  /** In creation order (the list API's order). */
  readonly templates = new Map<string, AosTemplate>();
  readonly stacks = new Map<string, AosStack>();
  private version = 274_630_000;

  constructor(
    /** The tenant (domain) id and name seeded resources belong to. */
    public domainId: string,
    readonly domainName: string,
    seed = 0x0a05_2020,
  ) {
    this.ids = new IdGenerator(seed);
  }

  /** Template ids look like `d078e49c-124c-7706-bcbb-81885661f431` (not a v4 UUID). */
  templateId(): string {
    const h = this.ids.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  uuid(): string {
    return this.ids.uuid();
  }

  /** The k8s-style `resourceVersion`, increasing over every write. */
  nextVersion(): number {
    this.version += 1 + this.ids.int(0, 40);
    return this.version;
  }

  /** `execution-hash`: ten digits, as `aos-nginx-1686326958`. */
  executionHash(): string {
    return String(this.ids.int(1_000_000_000, 4_294_967_295));
  }

  stacksOf(projectId: string): AosStack[] {
    return [...this.stacks.values()].filter((s) => s.projectId === projectId);
  }

  stacksUsing(templateId: string): AosStack[] {
    return [...this.stacks.values()].filter(
      (s) => s.templateId === templateId || s.previousTemplateId === templateId,
    );
  }
}

/** A stable IPv4 in 172.16.0.0/16 for a pod (no PRNG draw, so views never change the id sequence). */
export function podIp(key: string): string {
  const n = Math.floor(hashUnit(key) * 65_000) + 256;
  return `172.16.${Math.floor(n / 256)}.${n % 256}`;
}

/** A stable 5-letter pod suffix. */
export function podSuffix(key: string): string {
  let n = Math.floor(hashUnit(key) * 36 ** 5);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += 'bcdfghjklmnpqrstvwxz2456789'[n % 27];
    n = Math.floor(n / 27);
  }
  return out;
}
