import { z } from 'zod';
import { AccountParams } from './accounts';

/** Kubernetes ConfigMap keys: letters, digits, `-`, `_` and `.`. */
const ConfigMapData = z
  .record(
    z.string().regex(/^[-._a-zA-Z0-9]{1,253}$/, 'keys are letters, digits, -, _ and .'),
    z.string().max(65_536),
  )
  .refine((data) => Object.keys(data).length > 0, 'give at least one key')
  .refine((data) => Object.keys(data).length <= 100, 'at most 100 keys');

export const ConfigMap = z.object({
  id: z.string(),
  name: z.string(),
  namespaceId: z.string(),
  description: z.string().optional(),
  data: z.record(z.string(), z.string()),
  createTime: z.number().optional(),
  updateTime: z.number().optional(),
  /** Applications that mount it: it cannot be deleted while this is not empty. */
  relatedApps: z.array(z.object({ appId: z.string(), appName: z.string() })),
});
export type ConfigMap = z.infer<typeof ConfigMap>;

export const ConfigMapParams = AccountParams.extend({
  configMapId: z.string().regex(/^\d{1,19}$/, 'a numeric id'),
});

const description = z.string().max(255).regex(/^\S*$/, 'must not contain spaces');

export const CreateConfigMapBody = z.object({
  name: z
    .string()
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'starts with a letter; letters, digits and _ only'),
  description: description.optional(),
  data: ConfigMapData,
});
export type CreateConfigMapBody = z.infer<typeof CreateConfigMapBody>;

export const UpdateConfigMapBody = z.object({ description: description.optional(), data: ConfigMapData });
export type UpdateConfigMapBody = z.infer<typeof UpdateConfigMapBody>;
