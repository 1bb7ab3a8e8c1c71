import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt is memory-hard (N=2^15, r=8 → 32 MiB per hash), built into Node, and needs no native addon.
 * Format: scrypt$N$r$p$salt$hash (base64).
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Rules for new passwords; the reason names what is missing. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return 'must be at least 10 characters long';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'must contain letters and digits';
  return undefined;
}

export const MIN_PASSWORD_LENGTH = 12;

/** Passwords that top every leaked-password list, at or over the minimum length. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '111111111111',
  '000000000000',
  'password1234',
  'password12345',
  'password123!',
  'password!234',
  'passw0rd1234',
  'p@ssw0rd1234',
  'p@ssword1234',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'asdfghjkl123',
  'zxcvbnm12345',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadmin12',
  'changeme1234',
  'changeme123!',
  'letmein12345',
  'welcome12345',
  'welcome123!!',
  'iloveyou1234',
  'sunshine1234',
  'football1234',
  'baseball1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'trustno1trustno1',
  'abcdefghijkl',
  'abc123abc123',
  'aaaaaaaaaaaa',
  'secret123456',
  'default12345',
]);

/**
 * Rules for every password the console stores (created users, changed passwords, configured seeds):
 * long enough, not the user name, not a well-known password. The answer names the rule that failed.
 */
export function newPasswordProblem(password: string, username: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  if (password.length > 256) return 'must be at most 256 characters long';
  const lower = password.toLowerCase();
  if (lower === username.toLowerCase()) return 'must not be the user name';
  if (COMMON_PASSWORDS.has(lower)) return 'is on the list of common passwords';
  return undefined;
}
