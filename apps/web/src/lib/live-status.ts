import { useSyncExternalStore } from 'react';

/**
 * How the tab's event stream is doing: `live` while connected, `reconnecting` between tries, `paused`
 * while the tab is hidden, `off` before it starts or once the session ended. Pages poll only while it
 * is not live.
 */
export interface LiveStatus {
  state: 'off' | 'connecting' | 'live' | 'reconnecting' | 'paused';
  /** Epoch ms of the last event or heartbeat received. */
  lastSeenAt?: number;
}

let status: LiveStatus = { state: 'off' };
const listeners = new Set<() => void>();

export function setLiveStatus(next: LiveStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function liveStatus(): LiveStatus {
  return status;
}

/** Whether changes arrive by themselves now: queries then poll only as a slow fallback. */
export const isLive = (): boolean => status.state === 'live';

/** A refetch interval: `fast` while the stream is down, `fallback` while it is live. */
export const pollUnlessLive = (fast: number, fallback = 60_000): number => (isLive() ? fallback : fast);

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
