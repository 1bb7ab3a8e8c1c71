import { z } from 'zod';
import { Role } from './common';

export const User = z.object({ username: z.string(), role: Role });
export type User = z.infer<typeof User>;

export const Session = z.object({ user: User.nullable(), csrfToken: z.string().nullable() });
export type Session = z.infer<typeof Session>;

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;
