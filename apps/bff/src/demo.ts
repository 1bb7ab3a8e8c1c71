import type { UserSeed } from './config';

/** Users that exist only when the console runs against the embedded cloud; the README lists them. */
export const demoUsers: UserSeed[] = [
  { username: 'admin', password: 'admin-demo-1', role: 'admin' },
  { username: 'operator', password: 'operator-demo-1', role: 'operator' },
  { username: 'viewer', password: 'viewer-demo-1', role: 'viewer' },
];
