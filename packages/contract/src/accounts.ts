import { z } from 'zod';

export const Product = z.enum(['sae']);
export type Product = z.infer<typeof Product>;

/** Console features that depend on APIs not every product or API profile has. */
export const AccountFeature = z.enum([
  'versions',
  'events',
  'instanceActions',
  'instanceLog',
  'batchSteps',
  'namespaceRollouts',
  'scalingRules',
  'configMaps',
  'tags',
  'slb',
  'ingress',
  'namespaceVpc',
  'jobs',
  'logConfigs',
  'services',
  'greyRoutes',
]);
export type AccountFeature = z.infer<typeof AccountFeature>;

/** A configured cloud account as the browser sees it: never any credential. */
export const Account = z.object({
  id: z.string(),
  name: z.string(),
  product: Product,
  regionId: z.string(),
  /** SAE API reference profile: the 2022 reference (seed 000) or the 2019 one (seed 001). */
  profile: z.enum(['2022', '2019']),
  embedded: z.boolean(),
  features: z.array(AccountFeature),
});
export type Account = z.infer<typeof Account>;

export const AccountParams = z.object({ accountId: z.string().min(1).max(64) });
