import type { AccountLive, RolloutEvent, Session } from '@console/contract';
import type { QueryClient } from '@tanstack/react-query';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { BACKGROUND_HEADER } from '../../lib/activity';
import { setCsrfToken } from '../../lib/api-client';
import { liveStatus, setLiveStatus } from '../../lib/live-status';
import { rolloutKeys } from '../rollouts/keys';
import { applyAccountLive } from './api';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The server sends a heartbeat every 15 s: this long without a byte means the connection is gone. */
const SILENCE_MS = 45_000;

export interface StreamHandlers {
  /** Every named event, in order (`account`, `rollout`, `reset`, `session`). */
  onEvent(name: string, data: unknown): void;
  /** The server refused the stream (401) or ended the reader's access (`session` event): no retry. */
  onRefused(reason: { state: string; message?: string }): void;
}

/**
 * One event stream read with fetch (so that it can carry headers and see a 401): it resumes from the
 * last event id after a break, reconnects with backoff and jitter, pauses while the tab is hidden, and
 * stops for good when the server refuses the reader.
 */
export class EventStreamConnection {
  private controller: AbortController | undefined;
  private lastEventId: string | undefined;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private silence: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly path: string,
    private readonly handlers: StreamHandlers,
    private readonly headers: Record<string, string> = {},
  ) {}

  start(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    if (document.visibilityState === 'hidden') setLiveStatus({ state: 'paused' });
    else void this.connect();
  }

  stop(): void {
    this.stopped = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.disconnect();
    setLiveStatus({ state: 'off' });
  }

  private readonly onVisibility = () => {
    if (this.stopped) return;
    if (document.visibilityState === 'hidden') {
      this.disconnect();
      setLiveStatus({ ...liveStatus(), state: 'paused' });
    } else if (!this.controller) {
      this.attempt = 0;
      void this.connect();
    }
  };

  private disconnect(): void {
    clearTimeout(this.retry);
    clearTimeout(this.silence);
    this.controller?.abort();
    this.controller = undefined;
  }

  private scheduleRetry(): void {
    if (this.stopped || document.visibilityState === 'hidden') return;
    this.controller = undefined;
    this.attempt += 1;
    // Exponential backoff with jitter: a restarted server is not met by every tab at the same instant.
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.attempt - 1));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    setLiveStatus({ ...liveStatus(), state: 'reconnecting' });
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
  }

  private refused(reason: { state: string; message?: string }): void {
    this.stopped = true;
    this.disconnect();
    setLiveStatus({ state: 'off' });
    this.handlers.onRefused(reason);
  }

  private heard(): void {
    setLiveStatus({ state: 'live', lastSeenAt: Date.now() });
    clearTimeout(this.silence);
    this.silence = setTimeout(() => {
      this.controller?.abort();
    }, SILENCE_MS);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const controller = new AbortController();
    this.controller = controller;
    if (liveStatus().state === 'off') setLiveStatus({ state: 'connecting' });
    // The stream is the page's own doing, never a sign that its person is there.
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      [BACKGROUND_HEADER]: '1',
      ...this.headers,
    };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    let response: Response;
    try {
      response = await fetch(this.path, { headers, credentials: 'same-origin', signal: controller.signal });
    } catch {
      if (this.controller === controller) this.scheduleRetry();
      return;
    }
    if (response.status === 401) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { code?: string; message?: string } }
        | undefined;
      const code = body?.error?.code;
      this.refused({
        state:
          code === 'DisplayLinkRevoked' ? 'revoked' : code === 'DisplayLinkExpired' ? 'expired' : 'ended',
        ...(body?.error?.message ? { message: body.error.message } : {}),
      });
      return;
    }
    if (response.status === 404) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { code?: string } }
        | undefined;
      // A console without live state: the pages poll on their own, nothing is to be waited for here.
      if (body?.error?.code === 'LiveStateOff') {
        this.stopped = true;
        this.disconnect();
        setLiveStatus({ state: 'off' });
        return;
      }
    }
    if (!response.ok || !response.body) {
      this.scheduleRetry();
      return;
    }
    this.attempt = 0;
    this.heard();
    const parser = createParser({
      onEvent: (event) => this.handle(event),
      onComment: () => this.heard(),
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted (hidden tab, silence, stop) or dropped: decided below.
    }
    clearTimeout(this.silence);
    // The server ended it (a restart, a deploy) or the connection dropped: come back.
    if (this.controller === controller && !this.stopped) this.scheduleRetry();
  }

  private handle(event: EventSourceMessage): void {
    this.heard();
    if (event.id) this.lastEventId = event.id;
    const data: unknown = event.data ? JSON.parse(event.data) : {};
    if (event.event === 'session') {
      this.refused(data as { state: string; message?: string });
      return;
    }
    this.handlers.onEvent(event.event ?? 'message', data);
  }
}

/**
 * The tab's one event stream (`GET /api/events`), written into the query cache as changes come: account
 * states into the overview and inbox, followed rollouts into their pages; a `reset` reads everything
 * on screen again; a 401 or an ended session hands over to the sign-in page instead of retrying.
 */
export function tabStream(client: QueryClient): EventStreamConnection {
  return new EventStreamConnection('/api/events', {
    onEvent(name, data) {
      if (name === 'account') {
        const live = data as AccountLive;
        applyAccountLive(client, live);
        // The account changed: its open lists read again (only those on screen are refetched).
        void client.invalidateQueries({ queryKey: ['accounts', live.accountId, 'applications'] });
      } else if (name === 'rollout') {
        const { accountId, rollout } = data as RolloutEvent;
        client.setQueryData(rolloutKeys.detail(accountId, rollout.id), rollout);
      } else if (name === 'reset') {
        // Changes may have been missed (another server, a long break): read everything on screen again.
        void client.invalidateQueries();
      }
    },
    onRefused() {
      setCsrfToken(null);
      // The session guard sends the page to sign-in, keeping where it was to come back to.
      client.setQueryData<Session>(['session'], { user: null, csrfToken: null });
    },
  });
}
