import type { AccountLive, Wall, WallApp } from '@console/contract';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api-client';

/** What the wallboard shows, from its URL: `accounts`, `views`, `rotate` (seconds), `#display=<token>`. */
export interface WallSettings {
  accounts: string[] | undefined;
  /** `accountId/appId` of the applications charted in tiles. */
  apps: string[];
  /** Minutes the application tiles cover. */
  rangeMinutes: number;
  views: WallView[];
  rotateSeconds: number;
  /** The display link's token, kept in the fragment so that it never reaches a server log. */
  token: string | undefined;
}

export type WallView = 'overview' | 'inbox' | 'apps';
const VIEWS: WallView[] = ['overview', 'inbox', 'apps'];

export function wallSettings(search: URLSearchParams, hash: string): WallSettings {
  const accounts = search.get('accounts')?.split(',').filter(Boolean);
  const views = (search.get('views') ?? '')
    .split(',')
    .filter((v): v is WallView => VIEWS.includes(v as WallView));
  const rotate = Number(search.get('rotate') ?? 0);
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('display') ?? undefined;
  const apps = (search.get('apps') ?? '')
    .split(',')
    .filter((a) => /^[^/]+\/[^/]+$/.test(a))
    .slice(0, 12);
  const range = Number(search.get('range') ?? 360);
  const chosen = views.length > 0 ? views : VIEWS;
  return {
    accounts: accounts && accounts.length > 0 ? accounts : undefined,
    apps,
    rangeMinutes: Number.isInteger(range) && range >= 15 && range <= 1_440 ? range : 360,
    // Application tiles where, and only where, applications are named.
    views: [...chosen.filter((v) => v !== 'apps'), ...(apps.length > 0 ? (['apps'] as const) : [])],
    rotateSeconds: Number.isFinite(rotate) && rotate >= 5 ? Math.min(rotate, 3_600) : 0,
    token,
  };
}

export const authorization = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Display ${token}` } : {};

export const wallKey = (settings: WallSettings) => ['wall', settings.accounts?.join(',') ?? '*'] as const;

export const wallQuery = (settings: WallSettings) =>
  queryOptions({
    queryKey: wallKey(settings),
    queryFn: ({ signal }) =>
      api.get<Wall>(
        `/api/wall${queryString({ accounts: settings.accounts?.join(',') })}`,
        signal,
        authorization(settings.token),
      ),
    // The stream keeps it fresh; a slow poll is only the fallback.
    refetchInterval: 60_000,
    retry: false,
  });

export const wallAppsQuery = (settings: WallSettings) =>
  queryOptions({
    queryKey: ['wall', 'apps', settings.apps.join(','), settings.rangeMinutes] as const,
    queryFn: ({ signal }) =>
      api.get<{ apps: WallApp[] }>(
        `/api/wall/apps${queryString({ apps: settings.apps.join(','), range: settings.rangeMinutes })}`,
        signal,
        authorization(settings.token),
      ),
    enabled: settings.apps.length > 0,
    // Samples are taken once a minute.
    refetchInterval: 60_000,
    retry: false,
  });

/** Writes one account's new state into what the wallboard holds. */
export function applyToWall(client: QueryClient, settings: WallSettings, live: AccountLive): void {
  client.setQueryData<Wall>(wallKey(settings), (old) =>
    old ? { ...old, accounts: old.accounts.map((a) => (a.accountId === live.accountId ? live : a)) } : old,
  );
}
