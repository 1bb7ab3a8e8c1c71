import type { Product, WallApp } from '@console/contract';
import type { ApplicationProvider } from '../providers';
import type { CapacityStore } from '../usage/capacity-store';
import type { UsageStore } from '../usage/usage-store';

export interface WallAppsDeps {
  usage: UsageStore;
  capacity: CapacityStore;
  /** The account's product and provider, or undefined when it is not connected. */
  account(accountId: string): { product: Product; provider: ApplicationProvider } | undefined;
}

/** Names change rarely: a wallboard refreshing its tiles does not ask the cloud for them every time. */
const NAME_TTL_MS = 10 * 60_000;

/**
 * The series a wallboard charts for chosen applications, from the samples the console keeps (the
 * watchers take them steadily): SAE instances running and CPU cores in use, AS group size and its
 * desired count. Products whose cloud keeps its own history get no series here.
 */
export function wallApps(deps: WallAppsDeps) {
  const names = new Map<string, { name: string; until: number }>();
  const nameOf = async (accountId: string, appId: string, provider: ApplicationProvider) => {
    const key = `${accountId}/${appId}`;
    const known = names.get(key);
    if (known && known.until > Date.now()) return known.name;
    const name = await provider
      .getApplication(appId)
      .then((a) => a.name)
      .catch(() => known?.name ?? appId);
    names.set(key, { name, until: Date.now() + NAME_TTL_MS });
    return name;
  };

  return async (apps: { accountId: string; appId: string }[], rangeMinutes: number): Promise<WallApp[]> => {
    const from = new Date(Date.now() - rangeMinutes * 60_000);
    return Promise.all(
      apps.map(async ({ accountId, appId }): Promise<WallApp> => {
        const found = deps.account(accountId);
        if (!found) return { accountId, appId, appName: appId, product: null, series: [] };
        const appName = await nameOf(accountId, appId, found.provider);
        const base = { accountId, appId, appName, product: found.product };
        if (found.product === 'sae') {
          const samples = await deps.usage.since(accountId, appId, from);
          return {
            ...base,
            series: [
              { name: 'running', points: samples.map((s) => ({ at: s.at, value: s.runningInstances })) },
              { name: 'cpu', points: samples.map((s) => ({ at: s.at, value: s.cpuCores })) },
            ],
          };
        }
        if (found.product === 'as') {
          const samples = await deps.capacity.since(accountId, appId, from);
          return {
            ...base,
            series: [
              { name: 'running', points: samples.map((s) => ({ at: s.at, value: s.current })) },
              { name: 'desired', points: samples.map((s) => ({ at: s.at, value: s.desired })) },
            ],
          };
        }
        return { ...base, series: [] };
      }),
    );
  };
}
