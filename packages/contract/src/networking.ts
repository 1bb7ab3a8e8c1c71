import { z } from 'zod';
import { AccountParams } from './accounts';

export const SlbListener = z
  .object({
    port: z.number().int().min(1).max(65535),
    targetPort: z.number().int().min(1).max(65535),
    protocol: z.enum(['TCP', 'HTTP', 'HTTPS']),
    httpsCertId: z.string().max(128).optional(),
  })
  .refine((l) => l.protocol !== 'HTTPS' || Boolean(l.httpsCertId), {
    message: 'an HTTPS listener needs a certificate id',
    path: ['httpsCertId'],
  });
export type SlbListener = z.infer<typeof SlbListener>;

const SlbSide = z.object({
  slbId: z.string().optional(),
  ip: z.string().optional(),
  listeners: z.array(SlbListener),
});

/** DescribeApplicationSlbs: the internet- and intranet-facing load balancers of an application. */
export const AppSlbs = z.object({ internet: SlbSide.nullable(), intranet: SlbSide.nullable() });
export type AppSlbs = z.infer<typeof AppSlbs>;

const uniquePorts = (listeners: SlbListener[] | undefined) =>
  !listeners || new Set(listeners.map((l) => l.port)).size === listeners.length;

export const BindSlbBody = z
  .object({
    internet: z.array(SlbListener).min(1).max(10).optional(),
    intranet: z.array(SlbListener).min(1).max(10).optional(),
    /** An existing, unshared load balancer to use instead of a new one. */
    internetSlbId: z.string().max(64).optional(),
    intranetSlbId: z.string().max(64).optional(),
  })
  .refine((b) => b.internet !== undefined || b.intranet !== undefined, {
    message: 'give internet or intranet listeners',
    path: ['internet'],
  })
  .refine((b) => uniquePorts(b.internet), { message: 'two listeners on the same port', path: ['internet'] })
  .refine((b) => uniquePorts(b.intranet), { message: 'two listeners on the same port', path: ['intranet'] });
export type BindSlbBody = z.infer<typeof BindSlbBody>;

export const UnbindSlbBody = z
  .object({ internet: z.boolean().default(false), intranet: z.boolean().default(false) })
  .refine((b) => b.internet || b.intranet, {
    message: 'choose internet, intranet or both',
    path: ['internet'],
  });
export type UnbindSlbBody = z.infer<typeof UnbindSlbBody>;

export const IngressRule = z.object({
  appId: z.string().min(1).max(128),
  appName: z.string().optional(),
  containerPort: z.number().int().min(1).max(65535),
  domain: z.string().min(1).max(253),
  path: z.string().regex(/^\//, 'must start with /').max(512),
});
export type IngressRule = z.infer<typeof IngressRule>;

export const IngressDefaultRule = z.object({
  appId: z.string().min(1).max(128),
  appName: z.string().optional(),
  containerPort: z.number().int().min(1).max(65535),
});

export const IngressSummary = z.object({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  namespaceId: z.string(),
  slbId: z.string(),
  slbType: z.string().optional(),
  listenerPort: z.number().int(),
  protocol: z.string().optional(),
  loadBalanceType: z.string().optional(),
  certId: z.string().optional(),
});
export type IngressSummary = z.infer<typeof IngressSummary>;

export const Ingress = IngressSummary.extend({
  defaultRule: IngressDefaultRule.nullable(),
  rules: z.array(IngressRule),
});
export type Ingress = z.infer<typeof Ingress>;

export const IngressParams = AccountParams.extend({
  ingressId: z.string().regex(/^\d{1,19}$/, 'a numeric id'),
});

const ingressFields = {
  description: z.string().max(64).optional(),
  listenerPort: z.number().int().min(1).max(65535),
  protocol: z.enum(['HTTP', 'HTTPS']).default('HTTP'),
  certId: z.string().max(128).optional(),
  loadBalanceType: z.enum(['clb', 'alb']).default('clb'),
  defaultRule: IngressDefaultRule.omit({ appName: true }),
  rules: z.array(IngressRule.omit({ appName: true })).max(40),
};
const needsCert = (b: { protocol?: string; certId?: string }) => b.protocol !== 'HTTPS' || Boolean(b.certId);

export const CreateIngressBody = z
  .object({ slbId: z.string().min(1).max(64), ...ingressFields })
  .refine(needsCert, { message: 'HTTPS needs a certificate id', path: ['certId'] });
export type CreateIngressBody = z.infer<typeof CreateIngressBody>;

export const UpdateIngressBody = z
  .object(ingressFields)
  .partial()
  .refine(needsCert, { message: 'HTTPS needs a certificate id', path: ['certId'] });
export type UpdateIngressBody = z.infer<typeof UpdateIngressBody>;
