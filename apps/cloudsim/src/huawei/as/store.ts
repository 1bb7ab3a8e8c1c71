import type {
  AsActivity,
  AsConfig,
  AsGroup,
  AsHanging,
  AsHook,
  AsInstance,
  AsPolicy,
  AsTopic,
} from './model';

/** Deterministic uuid-shaped ids (mulberry32), so a reset world hands out the same ids again. */
export class IdSource {
  private state: number;
  constructor(seed = 0x5eed_a5) {
    this.state = seed >>> 0;
  }
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[Math.floor(this.next() * 4)]}${this.hex(3)}-${this.hex(12)}`;
  }
  /** Upper-case suffix of instance names (`as-config-bblh-ONQE551S`). */
  suffix(n = 8): string {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += abc[Math.floor(this.next() * abc.length)];
    return s;
  }
}

/** One project's AS resources. */
export class AsProject {
  readonly groups = new Map<string, AsGroup>();
  readonly configs = new Map<string, AsConfig>();
  readonly instances = new Map<string, AsInstance>();
  readonly policies = new Map<string, AsPolicy>();
  readonly activities = new Map<string, AsActivity>();
  /** Per group, in creation order. */
  readonly hooks = new Map<string, AsHook[]>();
  readonly hanging = new Map<string, AsHanging>();
  readonly topics = new Map<string, AsTopic[]>();
  readonly tags = new Map<string, { key: string; value: string }[]>();

  constructor(readonly projectId: string) {}

  groupInstances(groupId: string): AsInstance[] {
    return [...this.instances.values()].filter((i) => i.groupId === groupId);
  }

  groupHooks(groupId: string): AsHook[] {
    let list = this.hooks.get(groupId);
    if (!list) {
      list = [];
      this.hooks.set(groupId, list);
    }
    return list;
  }

  groupTopics(groupId: string): AsTopic[] {
    let list = this.topics.get(groupId);
    if (!list) {
      list = [];
      this.topics.set(groupId, list);
    }
    return list;
  }

  groupTags(groupId: string): { key: string; value: string }[] {
    let list = this.tags.get(groupId);
    if (!list) {
      list = [];
      this.tags.set(groupId, list);
    }
    return list;
  }

  /** The group's activity in progress, if any. */
  doing(groupId: string): AsActivity | undefined {
    for (const a of this.activities.values()) if (a.groupId === groupId && a.status === 'DOING') return a;
    return undefined;
  }

  /** Removes the group and everything hanging off it. */
  dropGroup(groupId: string): void {
    this.groups.delete(groupId);
    for (const [id, i] of this.instances) if (i.groupId === groupId) this.instances.delete(id);
    for (const [id, p] of this.policies) if (p.groupId === groupId) this.policies.delete(id);
    for (const [id, a] of this.activities) if (a.groupId === groupId) this.activities.delete(id);
    for (const [key, h] of this.hanging) if (h.groupId === groupId) this.hanging.delete(key);
    this.hooks.delete(groupId);
    this.topics.delete(groupId);
    this.tags.delete(groupId);
  }
}
