import { z } from 'zod';
import { Role } from './common';
import { type RouteDef, route } from './route-def';

export const UserSummary = z.object({ username: z.string(), role: Role, createdAt: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;

export const Username = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits, ".", "_", "@" and "-" only');

/** The password rules (length, not the user name, not a common password) are checked by the server. */
export const CreateUserBody = z.object({
  username: Username,
  password: z.string().min(1).max(256),
  role: Role,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** The change also ends the user's other sessions. */
export const PasswordChanged = z.object({ ok: z.literal(true) });

export const userRoutes = {
  listUsers: route({
    method: 'get',
    path: '/api/users',
    summary: 'Local users and their roles (never their passwords)',
    role: 'admin',
    response: z.array(UserSummary),
  }),
  createUser: route({
    method: 'post',
    path: '/api/users',
    summary: 'Create a local user (password: 12+ characters, not the user name, not a common password)',
    role: 'admin',
    body: CreateUserBody,
    response: UserSummary,
    audit: 'user-create',
  }),
  changePassword: route({
    method: 'put',
    path: '/api/session/password',
    summary: "Change one's own password; ends the user's other sessions",
    role: 'viewer',
    body: ChangePasswordBody,
    response: PasswordChanged,
    audit: 'password-change',
  }),
} satisfies Record<string, RouteDef>;
