import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawLogin, send, startBareBff } from './security-routes';

let bff: Awaited<ReturnType<typeof startBareBff>>;

beforeAll(async () => {
  bff = await startBareBff({ sessionIdleMs: 60_000 });
});

afterAll(async () => {
  await bff?.stop();
});

/** Seconds since the session was last used by its person, as stored. */
async function idleSeconds(): Promise<number> {
  const [row] = await bff.db.query<{ s: number }>(
    'SELECT extract(epoch FROM now() - last_seen_at)::float8 AS s FROM sessions ORDER BY created_at DESC LIMIT 1',
  );
  return row?.s ?? Number.NaN;
}

const backdate = (seconds: number) =>
  bff.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(secs => $1)`, [seconds]);

describe('idle timeout of people’s sessions', () => {
  it('is postponed by the person’s requests, not by a page refreshing itself, and ends the session', async () => {
    const session = await rawLogin(bff.url, 'viewer', 'viewer-demo-1');
    await backdate(40);
    // A background refresh (the page polling on its own) does not count as use.
    const background = await send(bff.url, 'GET', '/api/accounts', {
      session,
      headers: { 'x-console-background': '1' },
    });
    expect(background.status).toBe(200);
    expect(await idleSeconds()).toBeGreaterThan(39);
    // A request by the person does.
    expect((await send(bff.url, 'GET', '/api/accounts', { session })).status).toBe(200);
    expect(await idleSeconds()).toBeLessThan(5);
    // Idle longer than the setting: the session is over, on every route, and the next sign-in works.
    await backdate(61);
    const after = await send(bff.url, 'GET', '/api/accounts', { session });
    expect(after.status).toBe(401);
    expect((await send(bff.url, 'GET', '/api/session', { session })).json).toMatchObject({ user: null });
    const again = await rawLogin(bff.url, 'viewer', 'viewer-demo-1');
    expect((await send(bff.url, 'GET', '/api/accounts', { session: again })).status).toBe(200);
  });
});
