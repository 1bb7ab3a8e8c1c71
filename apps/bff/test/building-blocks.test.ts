import { routes } from '@console/contract';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../src/auth/passwords';
import { adminFromEnvironment } from '../src/config';
import { upstreamStatus, zodToHttpError } from '../src/http/errors';
import { KeyedLock } from '../src/rollouts/keyed-lock';
import { applicationStatus, rolloutStatus } from '../src/sae/status';
import { ReadCoalescer } from '../src/upstream/coalesce';

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('correct-horse-1');
    const b = await hashPassword('correct-horse-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct-horse-1', a)).toBe(true);
    expect(await verifyPassword('correct-horse-2', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('names what a weak password lacks', () => {
    expect(passwordProblem('short1')).toMatch(/10 characters/);
    expect(passwordProblem('longbutnodigits')).toMatch(/letters and digits/);
    expect(passwordProblem('long-enough-1')).toBeUndefined();
  });

  it('creates the first admin from the environment only with a strong password', () => {
    expect(adminFromEnvironment({})).toEqual([]);
    expect(() =>
      adminFromEnvironment({ CONSOLE_ADMIN_USERNAME: 'root', CONSOLE_ADMIN_PASSWORD: 'admin' }),
    ).toThrow(/CONSOLE_ADMIN_PASSWORD must be at least 10 characters/);
    expect(
      adminFromEnvironment({ CONSOLE_ADMIN_USERNAME: 'root', CONSOLE_ADMIN_PASSWORD: 'long-enough-1' }),
    ).toEqual([{ username: 'root', password: 'long-enough-1', role: 'admin' }]);
  });
});

describe('SAE status mapping', () => {
  it('keeps an order waiting for confirmation distinct from running and finished ones', () => {
    expect(rolloutStatus(8)).toBe('waiting');
    expect(rolloutStatus(9)).toBe('running');
    expect(rolloutStatus(2)).toBe('succeeded');
    expect(rolloutStatus(10)).toBe('failed');
    expect(rolloutStatus(6)).toBe('aborted');
  });

  it('derives the application status from the last change order first', () => {
    const base = { currentStatus: 'RUNNING', lastChangeOrderRunning: false };
    expect(applicationStatus(base)).toBe('running');
    expect(
      applicationStatus({
        ...base,
        lastChangeOrderStatus: 'WAIT_BATCH_CONFIRM',
        lastChangeOrderRunning: true,
      }),
    ).toBe('waiting');
    expect(
      applicationStatus({ ...base, lastChangeOrderStatus: 'RUNNING', lastChangeOrderRunning: true }),
    ).toBe('deploying');
    expect(applicationStatus({ ...base, lastChangeOrderStatus: 'FAIL' })).toBe('failed');
    expect(
      applicationStatus({ ...base, subStatus: 'RUNNING_BUT_HAS_ERROR', lastChangeOrderRunning: true }),
    ).toBe('failed');
    expect(applicationStatus({ currentStatus: 'STOPPED', lastChangeOrderRunning: false })).toBe('stopped');
  });
});

describe('validation errors', () => {
  const problem = (schema: { safeParse(v: unknown): { error?: unknown } }, value: unknown) => {
    const { error } = schema.safeParse(value);
    return zodToHttpError(error as Parameters<typeof zodToHttpError>[0], 'body');
  };

  it('name the field, nested or unknown', () => {
    const deploy = routes.deployApplication.body;
    const nested = problem(deploy, {
      imageUrl: 'img:1',
      strategy: { type: 'GrayBatchUpdate', batches: 2, releaseType: 'manual' },
    });
    expect([nested.status, nested.extra.field]).toEqual([400, 'strategy.grayInstances']);
    expect(nested.message).toContain('"strategy.grayInstances"');
    const unknown = problem(routes.stopApplication.body, { force: true });
    expect(unknown.extra.field).toBe('force');
    expect(unknown.message).toMatch(/^body field "force": /);
    const notAnObject = problem(deploy, 'x');
    expect([notAnObject.extra.field, notAnObject.message.startsWith('body: ')]).toEqual(['body', true]);
  });
});

describe('upstream error statuses', () => {
  const body = (httpStatus: number, code: string) => ({ product: 'SAE', httpStatus, code, message: 'm' });
  it('blames the console for credential problems and the input for refusals', () => {
    expect(upstreamStatus(body(400, 'SignatureDoesNotMatch'))).toBe(502);
    expect(upstreamStatus(body(400, 'Application.ChangerOrderRunning'))).toBe(422);
    expect(upstreamStatus(body(404, 'InvalidAppId.NotFound'))).toBe(404);
    expect(upstreamStatus(body(400, 'Throttling.User'))).toBe(503);
    expect(upstreamStatus(body(0, 'UpstreamTimeout'))).toBe(504);
  });
});

describe('KeyedLock', () => {
  it('runs tasks of one key one after another, and of different keys together', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
    };
    await Promise.all([
      lock.run('a', task('a1', 20)),
      lock.run('a', task('a2', 1)),
      lock.run('b', task('b1', 1)),
    ]);
    expect(order.indexOf('end a1')).toBeLessThan(order.indexOf('start a2'));
    expect(order.indexOf('start b1')).toBeLessThan(order.indexOf('end a1'));
  });

  it('goes on after a failed task', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run('k', async () => 'next')).resolves.toBe('next');
  });
});

describe('ReadCoalescer', () => {
  it('shares one load among simultaneous readers and forgets failures', async () => {
    const reads = new ReadCoalescer(1_000);
    let loads = 0;
    const load = async () => {
      loads++;
      return loads;
    };
    const values = await Promise.all([reads.get('k', load), reads.get('k', load), reads.get('k', load)]);
    expect(values).toEqual([1, 1, 1]);
    await expect(reads.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(reads.get('bad', async () => 'ok')).resolves.toBe('ok');
    reads.invalidate('');
    expect(await reads.get('k', load)).toBe(2);
  });

  it('with no cache time, shares only reads in flight', async () => {
    const reads = new ReadCoalescer(0);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([reads.get('k', load), reads.get('k', load)])).toEqual([1, 1]);
    expect(await reads.get('k', load)).toBe(2);
  });
});
