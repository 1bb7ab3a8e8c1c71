import type { AosApiName } from '@console/catalogue';
import type { AosContext } from './context';
import type { AosEngine } from './engine';
import { stackHandlers } from './handlers/stacks';
import type { AosTemplate } from './model';
import type { AosStore } from './store';
import { parseTemplateDoc } from './template';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The seed's own IaaS sample (下载模板), tidied: a VPC, a subnet and an ECS with an EIP. */
export const ECS_BLUEPRINT = `tosca_definitions_version: cloud_tosca_version_1_0
description: Sample template for IaaS resource
inputs:
  az:
    default: cn-north-4a
    description: 可用区##Availability Zone
    type: Cloud.ECS.AvailabilityZone.Name
    label: 弹性云服务器##ECS
  flavor:
    default: s2.large.2
    description: 云服务器的规格##ECS specification
    label: 弹性云服务器##ECS
  image:
    default: 1189efbf-d48b-46ad-a823-94b942e2a000
    description: 云服务器使用的镜像ID##ID of the image used by the ECS
    type: Cloud.ECS.Image.Id
    label: 弹性云服务器##ECS
  sshKey-name:
    description: ssh密钥对##SSH key pair
    label: 弹性云服务器##ECS
  subnet-cidr:
    default: 192.168.1.0/24
    description: 子网的CIDR##CIDR of subnet
    label: 子网##Subnet
  subnet-gateway:
    default: 192.168.1.1
    description: 子网的网关地址##Gateway of subnet
    type: ip
    label: 子网##Subnet
  vm-name:
    default: my-cloudserver
    description: 云服务器名称##ECS name
    label: 弹性云服务器##ECS
  vpc-cidr:
    default: 192.168.0.0/16
    description: 虚拟私有云下可用子网范围##Available subnet ranges under VPC
    label: 虚拟私有云##VPC
node_templates:
  myvpc:
    type: Cloud.VPC.VPC
    properties:
      cidr:
        get_input: vpc-cidr
      name: ""
  mysubnet:
    type: Cloud.VPC.Subnet
    properties:
      availabilityZone:
        get_input: az
      cidr:
        get_input: subnet-cidr
      dnsList:
        - 100.125.1.250
        - 100.125.21.250
      gateway:
        get_input: subnet-gateway
      name: ""
      vpcId:
        get_reference: myvpc
    requirements:
      - vpcId:
          node: myvpc
          relationship: Cloud.Relationships.ContainedIn
  mycloudserver:
    type: Cloud.ECS.CloudServer
    properties:
      availabilityZone:
        get_input: az
      flavor:
        get_input: flavor
      imageId:
        get_input: image
      name:
        get_input: vm-name
      nics:
        - subnetId:
            get_reference: mysubnet
      publicIP:
        eip:
          bandwidth:
            shareType: PER
            size: 1
          ipType: 5_bgp
      sshKeyName:
        get_input: sshKey-name
      vpcId:
        get_reference: myvpc
    requirements:
      - nics.subnetId:
          node: mysubnet
      - vpcId:
          node: myvpc
outputs:
  ecs-eip:
    value:
      get_attribute:
        - mycloudserver
        - floatingIpId
  ecs-id:
    value:
      get_attribute:
        - mycloudserver
        - refID
  subnet-name:
    value:
      get_attribute:
        - mysubnet
        - refName
  vpc-name:
    value:
      get_attribute:
        - myvpc
        - refName
`;

/** A stateless nginx on CCE: config map, deployment (instances from an input), service. */
export const nginxBlueprint = (extraInput = '') => `tosca_definitions_version: cloud_tosca_version_1_0
description: Stateless nginx on CCE##Stateless nginx on CCE
inputs:
  image:
    type: string
    default: swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25
    description: 容器镜像##Container image
    label: 应用##Application
  replicas:
    type: integer
    default: 2
    description: 实例数##Instances
    constraints:
      in_range: [0, 100]
    label: 应用##Application
  container-port:
    type: integer
    default: 80
    immutable: true
    description: 容器端口##Container port
  service-port:
    type: integer
    default: 30080
    constraints:
      - greater_or_equal: 30000
      - less_or_equal: 32767
    description: 访问端口##Node port
  admin-password:
    type: password
    default: Nginx@2020
    advanced: true
    description: 管理密码##Admin password
  log-level:
    type: enum
    default: info
    constraints:
      valid_values: [debug, info, warn, error]
${extraInput}node_templates:
  nginx-config:
    type: Cloud.CCE.ConfigMap
    properties:
      name: nginx-config
      data:
        log-level: {get_input: log-level}
  nginx-app:
    type: Cloud.CCE.Deployment
    description: nginx deployment
    properties:
      name: nginx
      image: {get_input: image}
      instances: {get_input: replicas}
      containerPort: {get_input: container-port}
      password: {get_input: admin-password}
    requirements:
      - configMap:
          node: nginx-config
  nginx-service:
    type: Cloud.CCE.Service
    properties:
      name: nginx-svc
      port: {get_input: service-port}
      targetPort: {get_input: container-port}
    requirements:
      - app:
          node: nginx-app
          relationship: Cloud.Relationships.ConnectsTo
outputs:
  address_ip:
    value: {get_attribute: [nginx-app, ips]}
    description: ip of nginx
  address_port:
    value: {get_input: service-port}
    description: port of nginx-service
`;

/** Redis with a data volume (volumes take longer to create and delete). */
export const REDIS_BLUEPRINT = `tosca_definitions_version: cloud_tosca_version_1_0
description: Redis with a persistent volume
inputs:
  redis-image:
    type: string
    default: swr.cn-north-4.myhuaweicloud.com/library/redis:7.2
  redis-password:
    type: secret
    default: Redis@2020
  volume-size:
    type: integer
    default: 10
    constraints:
      in_range: [10, 1000]
node_templates:
  redis-volume:
    type: Cloud.EVS.Volume
    properties:
      size: {get_input: volume-size}
      volumeType: SSD
  redis-app:
    type: Cloud.CCE.Deployment
    properties:
      name: redis
      image: {get_input: redis-image}
      instances: 1
      password: {get_input: redis-password}
    requirements:
      - volume:
          node: redis-volume
          relationship: Cloud.Relationships.AttachesTo
outputs:
  redis_ip:
    value: {get_attribute: [redis-app, ips]}
    description: ip of redis
  redis_password:
    value: {get_input: redis-password}
    description: password of redis
`;

/** Names of the demo data, for tests and the README. */
export const AOS_SEED = {
  templates: {
    ecs: { name: 'ecs-vpc-sample', version: '1.0.0' },
    nginx: { name: 'nginx-app', version: '1.0.0' },
    nginxNext: { name: 'nginx-app', version: '2.0.0' },
    redis: { name: 'redis-cache', version: '1.0.0' },
  },
  /** Running since three days. */
  running: 'demo-ecs',
  /** Created two days ago; an upgrade to image `…nginx:fail` failed 20 minutes ago: retry or roll back. */
  failedUpgrade: 'demo-nginx',
  /** Its delete started 2 s before the seed instant; the volume takes 15 s to go. */
  deleting: 'demo-redis',
  /** Created without `action_parameters`: never installed. */
  pending: 'demo-pending',
} as const;

function addTemplate(
  store: AosStore,
  spec: { name: string; version: string },
  text: string,
  at: number,
  extra: Partial<AosTemplate> = {},
): AosTemplate {
  const template: AosTemplate = {
    id: store.templateId(),
    name: spec.name,
    version: spec.version,
    vendor: 'aos-team',
    description: '',
    projectId: '',
    originTemplateUrl: '',
    scope: 'domain',
    mainFileName: 'blueprint.yaml',
    dslVersion: 'cloud_tosca_version_1_0',
    createdAt: at,
    updatedAt: at + 2_000,
    file: Buffer.from(text),
    fileName: 'blueprint.yaml',
    doc: parseTemplateDoc(text, 'yaml'),
    ...extra,
  };
  store.templates.set(template.id, template);
  return template;
}

/** The demo: templates and stacks in every interesting state, built by replaying API calls in the past. */
export function seedAos(store: AosStore, engine: AosEngine, projectId: string, now: number): void {
  const call = (
    api: AosApiName,
    at: number,
    body: object,
    params: Record<string, string> = {},
    query = '',
  ) => {
    engine.advanceTo(at);
    const ctx: AosContext = {
      req: {
        method: 'POST',
        path: '',
        query: new URLSearchParams(query),
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
        projectId,
        domainId: store.domainId,
        userId: 'seed',
        requestId: 'seed',
        now: at,
      },
      now: at,
      store,
      engine,
      domainName: store.domainName,
      params,
    };
    const handler = stackHandlers[api];
    if (!handler) throw new Error(`no seed handler ${api}`);
    return handler(ctx).body as Record<string, unknown>;
  };
  const t = AOS_SEED.templates;
  const ecs = addTemplate(store, t.ecs, ECS_BLUEPRINT, now - 4 * DAY, { description: 'VPC, subnet and ECS' });
  const nginx = addTemplate(store, t.nginx, nginxBlueprint(), now - 3 * DAY, { description: 'nginx on CCE' });
  addTemplate(
    store,
    t.nginxNext,
    nginxBlueprint('  timezone:\n    type: string\n    default: Asia/Shanghai\n    required: false\n'),
    now - 3 * DAY + HOUR,
    { description: 'nginx on CCE, with a time zone' },
  );
  const redis = addTemplate(store, t.redis, REDIS_BLUEPRINT, now - 3 * DAY + 2 * HOUR, {
    description: 'redis',
  });

  const cluster = { cluster_id: '46c547ca-e96c-11e7-98b9-0255ac102005', namespace: 'default' };
  const install = { action_parameters: { auto_create: true, failure_strategy: 'DoNothing', timeout: 60 } };
  call('CreateStack', now - 3 * DAY, {
    name: AOS_SEED.running,
    project_id: projectId,
    template_id: ecs.id,
    description: 'ECS demo',
    labels: { creator: 'demo' },
    inputs_json: { 'sshKey-name': 'KeyPair-demo' },
    ...install,
  });
  const nginxStack = call('CreateStack', now - 2 * DAY, {
    name: AOS_SEED.failedUpgrade,
    project_id: projectId,
    template_id: nginx.id,
    labels: { app: 'nginx', tier: 'web' },
    ...cluster,
    ...install,
  });
  call(
    'ExecuteStackLifecycle',
    now - DAY,
    { lifecycle: 'upgrade', inputs: { replicas: 3 } },
    {
      stack_id: String(nginxStack.guid),
    },
  );
  call(
    'ExecuteStackLifecycle',
    now - 20 * MINUTE,
    { lifecycle: 'upgrade', inputs: { image: 'swr.cn-north-4.myhuaweicloud.com/library/nginx:fail' } },
    { stack_id: String(nginxStack.guid) },
  );
  const redisStack = call('CreateStack', now - DAY, {
    name: AOS_SEED.deleting,
    project_id: projectId,
    template_id: redis.id,
    ...cluster,
    ...install,
  });
  call('CreateStack', now - 10 * MINUTE, {
    name: AOS_SEED.pending,
    project_id: projectId,
    template_id: nginx.id,
    description: 'not installed yet',
    ...cluster,
  });
  call('DeleteStack', now - 2_000, {}, { stack_id: String(redisStack.guid) });
  engine.advanceTo(now);
}
