/**
 * When the person last used the page (a key, a click, a scroll, a touch). Requests the page sends by
 * itself once they have been away for a minute say so, and then do not keep the session from idling out.
 */
const AWAY_AFTER_MS = 60_000;
let lastActiveAt = Date.now();

if (typeof window !== 'undefined') {
  const mark = () => {
    lastActiveAt = Date.now();
  };
  for (const event of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    window.addEventListener(event, mark, { passive: true, capture: true });
  }
}

/** Header for a request sent while the person is away (or by a background job such as the event stream). */
export const BACKGROUND_HEADER = 'x-console-background';

export function personIsAway(): boolean {
  return Date.now() - lastActiveAt > AWAY_AFTER_MS;
}
