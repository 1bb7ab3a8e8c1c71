import { type SaeApiName, saeApis2019 } from '@console/catalogue';
import type { AccountFeature } from '@console/contract';

/** The SAE APIs each console feature needs; a feature is offered only when the account's API has them all. */
/** Features of other products are not listed: SAE never offers them. */
type SaeFeature = Exclude<
  AccountFeature,
  | 'offline'
  | 'monitorMetrics'
  | 'retailCloudOps'
  | 'podDeployLog'
  | 'asOps'
  | 'aosOps'
  | 'capacity'
  | 'healthBreakdown'
>;

const needs: Record<SaeFeature, SaeApiName[]> = {
  versions: ['ListAppVersions', 'RollbackApplication'],
  events: ['ListAppEvents'],
  instanceActions: ['RestartInstances', 'ReduceApplicationCapacityByInstanceIds'],
  instanceLog: ['DescribeInstanceLog'],
  batchSteps: ['DescribePipeline'],
  namespaceRollouts: ['ListNamespaceChangeOrders'],
  scalingRules: ['DescribeApplicationScalingRules', 'CreateApplicationScalingRule'],
  configMaps: ['ListNamespacedConfigMaps', 'CreateConfigMap'],
  tags: ['TagResources', 'UntagResources'],
  // Tags come with ListApplications, and its tag filter, where they can be set.
  appTags: ['TagResources', 'UntagResources'],
  slb: ['DescribeApplicationSlbs', 'BindSlb', 'UnbindSlb'],
  ingress: ['ListIngresses', 'CreateIngress'],
  namespaceVpc: ['UpdateNamespaceVpc'],
  jobs: ['ExecJob', 'DescribeJobStatus'],
  logConfigs: ['ListLogConfigs'],
  services: ['ListPublishedServices', 'ListConsumedServices'],
  greyRoutes: ['ListGreyTagRoute', 'CreateGreyTagRoute'],
  deploy: ['DeployApplication'],
  scale: ['RescaleApplication'],
  startStop: ['StartApplication', 'StopApplication'],
  resize: ['RescaleApplicationVertically'],
  abortAndRollback: ['AbortAndRollbackChangeOrder'],
  namespaces: ['CreateNamespace', 'DeleteNamespace'],
  appSettings: ['DescribeApplicationConfig'],
};

const in2019 = new Set<string>(saeApis2019.map((a) => a.name));

export function saeFeatures(profile: '2022' | '2019'): AccountFeature[] {
  const all = Object.keys(needs) as SaeFeature[];
  if (profile === '2022') return all;
  return all.filter((feature) => needs[feature].every((api) => in2019.has(api)));
}
