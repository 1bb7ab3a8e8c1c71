import type { AccountLive, WaitingItem } from '@console/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { ApiRequestError } from '../../lib/api-client';
import { useLiveStatus } from '../../lib/live-status';
import { EventStreamConnection } from '../live';
import { AppTiles } from './AppTiles';
import {
  applyToWall,
  authorization,
  type WallSettings,
  type WallView,
  wallAppsQuery,
  wallQuery,
  wallSettings,
} from './api';

/** After this long without news from the stream, what the screen shows is marked stale. */
const STALE_AFTER_MS = 45_000;

/** Tiles per row: as few as fill the screen without making them taller than wide. */
function columnsFor(count: number, beside: boolean): number {
  if (beside) return Math.max(1, Math.min(3, Math.ceil(count / 3)));
  return Math.max(1, Math.min(5, Math.ceil(Math.sqrt(count * 2))));
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function Clock({ now }: { now: number }) {
  const { locale } = useI18n();
  const parts = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(now));
  const time = parts
    .filter((p) => p.type !== 'timeZoneName')
    .map((p) => p.value)
    .join('')
    .trim();
  const zone = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return (
    <span className="tabular-nums" data-testid="wall-clock">
      <span className="font-semibold">{time}</span>{' '}
      <span className="text-[0.7em] text-slate-400">{zone}</span>
    </span>
  );
}

const clockOf = (iso: string, locale: string) =>
  new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function minutesSince(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function AccountTile({ account }: { account: AccountLive }) {
  const { t, locale } = useI18n();
  const unreachable = account.state === 'unreachable';
  const { byStatus, total } = account.applications;
  return (
    <section
      className={`flex min-h-0 flex-col rounded-xl border p-[1em] ${unreachable ? 'border-red-500 bg-red-950/40' : 'border-slate-700 bg-slate-900'}`}
      data-testid={`wall-account-${account.accountId}`}
    >
      <header className="flex items-baseline justify-between gap-[0.5em]">
        <h2 className="line-clamp-2 text-[1.2em] font-semibold leading-tight">{account.accountName}</h2>
        <span className="shrink-0 text-[0.75em] text-slate-400">
          {t(`product.short.${account.product}` as MessageKey)}
        </span>
      </header>
      {unreachable ? (
        <p className="mt-[0.25em] text-[0.85em] text-red-300">
          {t('overview.unreachable')}: {account.error?.upstream?.code ?? account.error?.code}
          {account.checkedAt
            ? ` · ${t('overview.staleSince', { time: clockOf(account.checkedAt, locale) })}`
            : ''}
        </p>
      ) : null}
      <div className="mt-[0.5em] grid grid-cols-3 gap-[0.5em]">
        <Figure value={account.waiting.length} label={t('wall.waiting')} tone="text-amber-300" />
        <Figure value={account.running.length} label={t('wall.running')} tone="text-sky-300" />
        <Figure value={account.failures.length} label={t('wall.failed')} tone="text-red-400" />
      </div>
      <p className="mt-[0.5em] text-[0.85em] text-slate-300">
        {t('overview.appsTotal', { count: total })}
        {byStatus.running ? ` · ${byStatus.running} ${t('status.running')}` : ''}
        {byStatus.stopped ? ` · ${byStatus.stopped} ${t('status.stopped')}` : ''}
        {byStatus.failed ? ` · ${byStatus.failed} ${t('status.failed')}` : ''}
      </p>
    </section>
  );
}

function Figure({ value, label, tone }: { value: number; label: string; tone: string }) {
  return (
    <div>
      <span
        className={`block text-[2.2em] font-bold leading-none tabular-nums ${value > 0 ? tone : 'text-slate-600'}`}
      >
        {value}
      </span>
      <span className="block text-[0.75em] text-slate-400">{label}</span>
    </div>
  );
}

function InboxTile({ items, now }: { items: WaitingItem[]; now: number }) {
  const { t } = useI18n();
  return (
    <section
      className="flex min-h-0 flex-col rounded-xl border border-slate-700 bg-slate-900 p-[1em]"
      data-testid="wall-inbox"
    >
      <h2 className="text-[1.2em] font-semibold">
        {t('nav.inbox')} <span className="tabular-nums text-amber-300">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-[0.5em] text-slate-400">{t('inbox.empty')}</p>
      ) : (
        <ol className="mt-[0.5em] min-h-0 flex-1 space-y-[0.4em] overflow-hidden">
          {items.map((item) => (
            <li
              key={item.key}
              className="flex items-baseline justify-between gap-[1em] border-b border-slate-800 pb-[0.3em]"
              data-testid="wall-inbox-item"
            >
              <span className="min-w-0 truncate">
                <span className="font-semibold">{item.appName}</span>{' '}
                <span className="text-[0.8em] text-slate-400">
                  {t(`product.short.${item.product}` as MessageKey)} · {item.accountName} ·{' '}
                  {t(`inbox.kind.${item.kind}` as MessageKey, {
                    index: item.batch.index,
                    count: item.batchCount,
                  })}
                </span>
              </span>
              <span className="shrink-0 tabular-nums text-amber-300">
                {minutesSince(item.waitingSince, now)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Opens the wallboard's own stream (with its display link, if any) while the page is shown. */
function useWallStream(
  settings: WallSettings,
  onRefused: (reason: { state: string; message?: string }) => void,
) {
  const client = useQueryClient();
  const query = settings.accounts ? `?accounts=${encodeURIComponent(settings.accounts.join(','))}` : '';
  useEffect(() => {
    const connection = new EventStreamConnection(
      `/api/wall/events${query}`,
      {
        onEvent(name, data) {
          if (name === 'account') applyToWall(client, settings, data as AccountLive);
          else if (name === 'reset') void client.invalidateQueries({ queryKey: ['wall'] });
        },
        onRefused,
      },
      authorization(settings.token),
    );
    connection.start();
    return () => connection.stop();
    // settings is memoised on the URL: a new URL is a new board.
  }, [client, query, settings, onRefused]);
}

/**
 * `/wall`: for screens across the room. Full width at any size without scrollbars, dark, no buttons, a
 * clock with its zone; what it shows is in the URL; stale or reconnecting data is marked, never blanked.
 */
export function WallPage() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const settings = useMemo(
    () => wallSettings(new URLSearchParams(location.search), location.hash),
    [location.search, location.hash],
  );
  const [refused, setRefused] = useState<{ state: string; message?: string }>();
  const wall = useQuery(wallQuery(settings));
  const apps = useQuery(wallAppsQuery(settings));
  useWallStream(settings, setRefused);
  const live = useLiveStatus();
  const now = useNow(1_000);
  const [viewIndex, setViewIndex] = useState(0);
  useEffect(() => {
    if (!settings.rotateSeconds || settings.views.length < 2) return;
    const timer = setInterval(
      () => setViewIndex((i) => (i + 1) % settings.views.length),
      settings.rotateSeconds * 1_000,
    );
    return () => clearInterval(timer);
  }, [settings.rotateSeconds, settings.views.length]);

  const error = wall.error instanceof ApiRequestError ? wall.error : undefined;
  const linkRefusal =
    refused?.state === 'revoked' || refused?.state === 'expired'
      ? refused
      : error?.code === 'DisplayLinkRevoked' ||
          error?.code === 'DisplayLinkExpired' ||
          error?.code === 'DisplayLinkUnknown'
        ? { state: error.code === 'DisplayLinkExpired' ? 'expired' : 'revoked', message: error.message }
        : undefined;
  // A person whose session ended signs in again and comes back here; a screen's link says what happened.
  if (!settings.token && (refused?.state === 'ended' || error?.status === 401)) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

  const stale =
    live.state !== 'live' || (live.lastSeenAt !== undefined && now - live.lastSeenAt > STALE_AFTER_MS);
  const accounts = wall.data?.accounts ?? [];
  const items = accounts
    .flatMap((a) => a.waiting)
    .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  const shown: WallView[] = settings.rotateSeconds
    ? [settings.views[viewIndex % settings.views.length] ?? 'overview']
    : settings.views;

  return (
    <div
      className="flex h-screen w-screen flex-col overflow-hidden bg-slate-950 p-[1.2em] text-slate-100"
      style={{ fontSize: 'clamp(14px, 1.15vw, 48px)' }}
      data-testid="wall"
      data-stale={stale ? 'true' : 'false'}
    >
      <header className="flex shrink-0 items-center justify-between gap-[1em] pb-[0.8em]">
        <h1 className="truncate text-[1.6em] font-semibold">{wall.data?.display?.name ?? t('wall.title')}</h1>
        <div className="flex items-center gap-[1.2em] text-[1.2em]">
          <span
            className={`text-[0.8em] ${stale ? 'rounded bg-amber-500 px-[0.5em] text-slate-950' : 'text-emerald-400'}`}
            data-testid="wall-live"
            data-state={live.state}
          >
            {stale
              ? t('wall.stale', {
                  time: live.lastSeenAt ? clockOf(new Date(live.lastSeenAt).toISOString(), locale) : '—',
                })
              : t('live.state.live')}
          </span>
          <Clock now={now} />
        </div>
      </header>
      {linkRefusal ? (
        <div
          className="flex flex-1 items-center justify-center"
          data-testid="wall-refused"
          data-state={linkRefusal.state}
        >
          <p className="max-w-[40em] text-center text-[2em] text-amber-300">
            {linkRefusal.state === 'expired' ? t('wall.expired') : t('wall.revoked')}
          </p>
        </div>
      ) : wall.isPending ? (
        <p className="text-[1.5em] text-slate-400">{t('common.loading')}</p>
      ) : (
        <main className="flex min-h-0 flex-1 flex-col gap-[1em]">
          {shown.includes('overview') || shown.includes('inbox') ? (
            <div
              className={`grid min-h-0 flex-[2] gap-[1em] ${shown.includes('overview') && shown.includes('inbox') ? 'grid-cols-2' : 'grid-cols-1'}`}
            >
              {shown.includes('overview') ? (
                <div
                  className="grid min-h-0 auto-rows-fr gap-[1em]"
                  style={{
                    gridTemplateColumns: `repeat(${columnsFor(accounts.length, shown.includes('inbox'))}, minmax(0, 1fr))`,
                  }}
                  data-testid="wall-overview"
                >
                  {accounts.map((account) => (
                    <AccountTile key={account.accountId} account={account} />
                  ))}
                </div>
              ) : null}
              {shown.includes('inbox') ? <InboxTile items={items} now={now} /> : null}
            </div>
          ) : null}
          {shown.includes('apps') && apps.data ? (
            <div className="flex min-h-0 flex-1 flex-col">
              <AppTiles apps={apps.data.apps} rangeMinutes={settings.rangeMinutes} now={now} />
            </div>
          ) : null}
        </main>
      )}
    </div>
  );
}
