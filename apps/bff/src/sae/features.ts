import { type SaeApiName, saeApis2019 } from '@console/catalogue';
import type { AccountFeature } from '@console/contract';

/** The SAE APIs each console feature needs; a feature is offered only when the account's API has them all. */
const needs: Record<AccountFeature, SaeApiName[]> = {
  versions: ['ListAppVersions', 'RollbackApplication'],
  events: ['ListAppEvents'],
  instanceActions: ['RestartInstances', 'ReduceApplicationCapacityByInstanceIds'],
  instanceLog: ['DescribeInstanceLog'],
  batchSteps: ['DescribePipeline'],
  namespaceRollouts: ['ListNamespaceChangeOrders'],
  scalingRules: ['DescribeApplicationScalingRules', 'CreateApplicationScalingRule'],
  configMaps: ['ListNamespacedConfigMaps', 'CreateConfigMap'],
  tags: ['TagResources', 'UntagResources'],
  slb: ['DescribeApplicationSlbs', 'BindSlb', 'UnbindSlb'],
  ingress: ['ListIngresses', 'CreateIngress'],
  namespaceVpc: ['UpdateNamespaceVpc'],
  jobs: ['ExecJob', 'DescribeJobStatus'],
  logConfigs: ['ListLogConfigs'],
  services: ['ListPublishedServices', 'ListConsumedServices'],
  greyRoutes: ['ListGreyTagRoute', 'CreateGreyTagRoute'],
};

const in2019 = new Set<string>(saeApis2019.map((a) => a.name));

export function saeFeatures(profile: '2022' | '2019'): AccountFeature[] {
  const all = Object.keys(needs) as AccountFeature[];
  if (profile === '2022') return all;
  return all.filter((feature) => needs[feature].every((api) => in2019.has(api)));
}
