import { useCallback, useSyncExternalStore } from 'react';

/** Where the console shows times: the browser's own zone, or UTC. */
export type TimeZoneChoice = 'local' | 'utc';

const STORAGE_KEY = 'console.timeZone';
const listeners = new Set<() => void>();

function stored(): TimeZoneChoice {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    return 'local';
  }
}

let current: TimeZoneChoice = typeof localStorage === 'undefined' ? 'local' : stored();

/** The zone every time is shown in right now. */
export function currentTimeZone(): TimeZoneChoice {
  return current;
}

/** Switches every time on every page at once, and remembers the choice in this browser. */
export function setTimeZone(next: TimeZoneChoice): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // A browser without storage still switches, for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's switch applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    current = stored();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The zone times are shown in and the way to switch it; the component renders again on a switch. */
export function useTimeZone(): [TimeZoneChoice, (next: TimeZoneChoice) => void] {
  const zone = useSyncExternalStore(subscribe, currentTimeZone, currentTimeZone);
  return [zone, useCallback((next: TimeZoneChoice) => setTimeZone(next), [])];
}
