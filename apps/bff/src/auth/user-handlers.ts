import type { routes } from '@console/contract';
import { parse as parseCookie } from 'cookie';
import type { AuditLog } from '../audit/audit-log';
import { HttpError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import type { LoginThrottle } from './login-throttle';
import type { SessionStore } from './sessions';
import type { UserStore } from './users';

type UserRoutes = Pick<typeof routes, 'listUsers' | 'createUser' | 'changePassword'>;

export interface UserHandlerDeps {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditLog;
  throttle: LoginThrottle;
  sessionCookie: string;
}

/** Local users: an admin creates them; everyone changes their own password. */
export function userHandlers(deps: UserHandlerDeps): HandlersOf<UserRoutes> {
  const { users, sessions, audit, throttle } = deps;
  return {
    async listUsers() {
      return users.list();
    },
    async createUser({ body, session }) {
      const entry = {
        username: session.user.username,
        role: session.user.role,
        action: 'user-create',
        resource: `user/${body.username}`,
        detail: `role ${body.role}`,
      };
      try {
        const created = await users.create(body);
        await audit.append({ ...entry, outcome: 'success' });
        return created;
      } catch (error) {
        const code = error instanceof HttpError ? error.code : 'error';
        await audit.append({ ...entry, outcome: 'failure', detail: `${entry.detail}; ${code}` });
        throw error;
      }
    },
    async changePassword({ body, session, req, res }) {
      const { username, role } = session.user;
      const entry = { username, role, action: 'password-change', resource: `user/${username}` };
      // The current password guards a session left open on someone else's screen; guesses are throttled.
      const wait = await throttle.retryAfter(username, req.ip ?? '');
      if (wait) throw tooManyAttempts(wait, res);
      if (!(await users.authenticate(username, body.currentPassword))) {
        await throttle.failed(username, req.ip ?? '');
        await audit.append({ ...entry, outcome: 'denied', detail: 'wrong current password' });
        throw new HttpError(400, 'InvalidCredentials', 'currentPassword is wrong.', {
          field: 'currentPassword',
        });
      }
      if (body.newPassword === body.currentPassword) {
        throw new HttpError(400, 'WeakPassword', 'newPassword must differ from the current password.', {
          field: 'newPassword',
        });
      }
      await users.setPassword(username, body.newPassword);
      const token = parseCookie(req.get('cookie') ?? '')[deps.sessionCookie] ?? '';
      await sessions.destroyOthers(username, token);
      await audit.append({ ...entry, outcome: 'success', detail: 'other sessions ended' });
      return { ok: true as const };
    },
  };
}

/** A 429 that says when to come back, in the Retry-After header and in the message. */
export function tooManyAttempts(
  seconds: number,
  res: { setHeader(name: string, value: string): unknown } | undefined,
) {
  res?.setHeader('retry-after', String(seconds));
  const minutes = Math.ceil(seconds / 60);
  return new HttpError(
    429,
    'TooManyLoginAttempts',
    `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
