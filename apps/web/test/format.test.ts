/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, formatTime, fromDateTimeInput, toDateTimeInput, zoneLabel } from '../src/lib/format';
import { currentTimeZone, setTimeZone } from '../src/lib/time-zone';

// 2026-12-07T12:31:05Z: 20:31:05 in Shanghai (UTC+8), the zone the browser is in for these tests.
const AT = Date.UTC(2026, 11, 7, 12, 31, 5);
let tz: string | undefined;
beforeAll(() => {
  tz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = tz;
  setTimeZone('local');
});

describe('one time format', () => {
  it('shows epoch ms and ISO with its zone, on the 0–23 clock, in the local zone by default', () => {
    setTimeZone('local');
    expect(currentTimeZone()).toBe('local');
    expect(formatTime(AT)).toBe('2026-12-07 20:31:05 UTC+08:00');
    expect(formatTime('2026-12-07T12:31:05.000Z')).toBe('2026-12-07 20:31:05 UTC+08:00');
    expect(formatTime('2026-12-08T04:25:35+08:00')).toBe('2026-12-08 04:25:35 UTC+08:00');
    expect(formatTime(Date.UTC(2026, 11, 7, 16, 5, 0))).toBe('2026-12-08 00:05:00 UTC+08:00');
  });

  it('switches everything to UTC at once', () => {
    setTimeZone('utc');
    expect(formatTime(AT)).toBe('2026-12-07 12:31:05 UTC');
    expect(formatTime('2026-12-08T04:25:35+08:00')).toBe('2026-12-07 20:25:35 UTC');
    expect(zoneLabel()).toBe('UTC');
    expect(formatClock(AT, 60 * 60_000)).toBe('12:31');
    setTimeZone('local');
    expect(zoneLabel('local', AT)).toBe('UTC+08:00');
    expect(formatClock(AT, 5 * 60_000)).toBe('20:31:05');
    expect(formatClock(AT, 3 * 86_400_000)).toBe('12-07 20:31');
  });

  it('ignores the locale older callers pass, and does not guess the zone of text without one', () => {
    setTimeZone('utc');
    expect(formatTime(AT, 'zh-CN')).toBe('2026-12-07 12:31:05 UTC');
    expect(formatTime(AT, 'local')).toBe('2026-12-07 20:31:05 UTC+08:00');
    expect(formatTime('2026-12-08 04:25:35')).toBe('2026-12-08 04:25:35');
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('')).toBe('—');
  });

  it('reads and fills datetime-local inputs in the zone shown', () => {
    setTimeZone('local');
    expect(toDateTimeInput(AT)).toBe('2026-12-07T20:31');
    expect(fromDateTimeInput('2026-12-07T20:31')).toBe(AT - 5_000);
    setTimeZone('utc');
    expect(toDateTimeInput('2026-12-07T12:31:05Z')).toBe('2026-12-07T12:31');
    expect(fromDateTimeInput('2026-12-07T12:31')).toBe(AT - 5_000);
    expect(fromDateTimeInput('')).toBeUndefined();
    expect(toDateTimeInput(undefined)).toBe('');
  });
});
