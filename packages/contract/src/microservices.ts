import { z } from 'zod';

export const Service = z.object({
  name: z.string(),
  type: z.string().optional(),
  version: z.string().optional(),
  groups: z.array(z.string()),
  ips: z.array(z.string()),
  appId: z.string().optional(),
});
export type Service = z.infer<typeof Service>;

export const AppServices = z.object({ published: z.array(Service), consumed: z.array(Service) });
export type AppServices = z.infer<typeof AppServices>;

const cond = z.enum(['==', '!=', '>', '<', '>=', '<=']);
/** `deterministic_proportional_steaming_division` is spelled as the seed spells it. */
const operator = z.enum(['rawvalue', 'list', 'mod', 'deterministic_proportional_steaming_division']);

export const ScRule = z.object({
  condition: z.enum(['AND', 'OR']),
  path: z.string().regex(/^\//, 'must start with /').max(512),
  items: z
    .array(
      z.object({
        type: z.enum(['param', 'cookie', 'header']),
        name: z.string().min(1).max(128),
        operator,
        cond,
        value: z.string().min(1).max(1024),
      }),
    )
    .min(1)
    .max(20),
});
export type ScRule = z.infer<typeof ScRule>;

export const DubboRule = z.object({
  condition: z.enum(['AND', 'OR']),
  serviceName: z.string().min(1).max(256),
  group: z.string().max(128),
  version: z.string().max(64),
  methodName: z.string().min(1).max(128),
  items: z
    .array(
      z.object({
        index: z.number().int().min(0).max(50),
        expr: z.string().max(256),
        operator,
        cond,
        value: z.string().min(1).max(1024),
      }),
    )
    .min(1)
    .max(20),
});
export type DubboRule = z.infer<typeof DubboRule>;

export const GreyRoute = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  scRules: z.array(ScRule),
  dubboRules: z.array(DubboRule),
  createTime: z.number().optional(),
  updateTime: z.number().optional(),
});
export type GreyRoute = z.infer<typeof GreyRoute>;

export const GreyRouteBody = z
  .object({
    name: z
      .string()
      .max(64)
      .regex(
        /^[a-z\u4e00-\u9fa5]([a-z0-9\u4e00-\u9fa5-]*[a-z0-9\u4e00-\u9fa5])?$/,
        'lowercase letters, Chinese, digits and -; starts with a letter, ends with a letter or digit',
      ),
    description: z.string().max(64).optional(),
    scRules: z.array(ScRule).max(20).default([]),
    dubboRules: z.array(DubboRule).max(20).default([]),
  })
  .refine((b) => b.scRules.length > 0 || b.dubboRules.length > 0, {
    message: 'give at least one Spring Cloud or Dubbo rule',
    path: ['scRules'],
  });
export type GreyRouteBody = z.input<typeof GreyRouteBody>;
