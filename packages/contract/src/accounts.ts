import { z } from 'zod';

export const Product = z.enum(['sae', 'retailcloud', 'aos', 'as']);
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
  /** Tag management of an application (SAE's TagResources family). */
  'tags',
  /** Applications carry tags: shown in the list and the detail, and the list filters by one (SAE, AS). */
  'appTags',
  'slb',
  'ingress',
  'namespaceVpc',
  'jobs',
  'logConfigs',
  'services',
  'greyRoutes',
  /** Deploy a new image or package (SAE, Retail Cloud). */
  'deploy',
  /** Set the number of instances (SAE, Retail Cloud, AS). */
  'scale',
  /** Start and stop of a whole application (SAE; resume and pause of an AS group). */
  'startStop',
  /** CPU and memory of an application changed in place (SAE). */
  'resize',
  /** Stop a rollout and return to the previous version in one step (SAE). */
  'abortAndRollback',
  /** Namespace administration (SAE). */
  'namespaces',
  /** Take an environment offline, keeping its record (Retail Cloud). */
  'offline',
  /** Each instance's deploy log and events within a rollout (Retail Cloud). */
  'podDeployLog',
  /** Monitor metric series per deployment group or instance (Retail Cloud). */
  'monitorMetrics',
  /** Retail Cloud's own families: apps and environments, deploy configs, SLB access points, services, jobs, storage, clusters, RDS. */
  'retailCloudOps',
  /** Auto Scaling's own families: groups, configurations, instances, policies, hooks, notifications, tags, quotas. */
  'asOps',
  /** AOS's own families: templates and stacks (create, upgrade, elements, outputs, execution history). */
  'aosOps',
  /** Instance counts over time with the group's bounds (AS). */
  'capacity',
  /** Parts of an application counted by state (AS instances, AOS stack elements). */
  'healthBreakdown',
  /**
   * An application's own size and settings: CPU and memory, VPC, vSwitch, security group, start command,
   * time zone, minimum ready instances (SAE). Other products show only the ones they have.
   */
  'appSettings',
]);
export type AccountFeature = z.infer<typeof AccountFeature>;

/** Where an account comes from: the configuration (file, environment) or an admin in the console. */
export const AccountOrigin = z.enum(['configuration', 'stored']);
export type AccountOrigin = z.infer<typeof AccountOrigin>;

/** A configured cloud account as the browser sees it: never any credential. */
export const Account = z.object({
  id: z.string(),
  name: z.string(),
  product: Product,
  regionId: z.string(),
  /**
   * API reference the account answers: SAE 2022 (seed 000) or 2019 (seed 001); Retail Cloud 2018-03-13
   * (seed 002); Huawei AOS v2 (seed 003), AS v1 (seed 004).
   */
  profile: z.enum(['2022', '2019', '2018-03-13', 'v2', 'v1']),
  embedded: z.boolean(),
  features: z.array(AccountFeature),
  origin: AccountOrigin.optional(),
  /** Stored accounts: when an admin last set the credentials (never the credentials). */
  credentialsSetAt: z.string().optional(),
});
export type Account = z.infer<typeof Account>;

export const AccountParams = z.object({ accountId: z.string().min(1).max(64) });
