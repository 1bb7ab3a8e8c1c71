import { z } from 'zod';
import { AccountParams } from './accounts';

export const NamespaceParams = AccountParams.extend({ namespaceId: z.string().min(1).max(64) });

const namespaceName = z.string().trim().min(1).max(63);
const namespaceDescription = z.string().max(64);

/** SAE namespace ids are `<region>:<suffix>`, the suffix lowercase letters and digits (seed 000, CreateNamespace). */
export const CreateNamespaceBody = z.object({
  namespaceId: z
    .string()
    .max(32)
    .regex(/^[a-z0-9-]+:[a-z0-9]+$/, 'must be <region>:<suffix>, the suffix lowercase letters and digits'),
  name: namespaceName,
  description: namespaceDescription.optional(),
});
export type CreateNamespaceBody = z.infer<typeof CreateNamespaceBody>;

export const UpdateNamespaceBody = z.object({
  name: namespaceName,
  description: namespaceDescription.optional(),
});
export type UpdateNamespaceBody = z.infer<typeof UpdateNamespaceBody>;

export const DeleteNamespaceBody = z.object({
  /** The namespace id, typed by the operator to confirm. */
  confirmId: z.string().min(1).max(64),
});

export const WriteResult = z.object({ requestId: z.string().optional() });
export type WriteResult = z.infer<typeof WriteResult>;

/** Several applications of one namespace started or stopped by one namespace-wide change order. */
export const BatchAppsBody = z.object({
  appIds: z
    .array(z.string().min(1).max(128))
    .min(1, 'choose at least one application')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'application ids must not repeat'),
});
export type BatchAppsBody = z.infer<typeof BatchAppsBody>;

export const NamespaceVpcBody = z.object({
  vpcId: z.string().regex(/^vpc-[a-z0-9]{8,}$/, 'must look like vpc-xxxxxxxx'),
});
