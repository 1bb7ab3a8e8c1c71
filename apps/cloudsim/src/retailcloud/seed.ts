import type { DeployOrderEngine } from './engine';
import type {
  BizCode,
  EnvTypeCode,
  RcApp,
  RcCluster,
  RcDeployConfig,
  RcEnvironment,
  RcNode,
  RcUserRole,
  StateType,
} from './model';
import { passwordDigest, type RetailCloudStore } from './store';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const REGISTRY = 'registry-vpc.cn-zhangjiakou.aliyuncs.com/jst-demo';

/** Well-known seeded objects (titles and env names; ids come from the seeded generator). */
export const RC_SEED = {
  regionId: 'cn-zhangjiakou',
  /** PauseType each over 3 partitions, paused after partition 1 right after start (Status 2). */
  pausedOrder: { app: 'trade-center', env: 'trade-center-prod', replicas: 6, partitions: 3 },
  /** PauseType none, 2 partitions, deploying at start (finishes on its own within about a minute). */
  runningOrder: { app: 'member-portal', env: 'member-portal-prod' },
  /** Its last deploy failed (image tag `fail`). */
  failedEnv: { app: 'member-portal', env: 'member-portal-test' },
  /** Deploy admission refused: BusinessCode 102001 (credential under review). */
  frozenEnv: { app: 'mini-shop', env: 'mini-shop-prod', businessCode: '102001' },
  /** Taken offline with OfflineAppEnvironment. */
  offlineEnv: { app: 'mini-shop', env: 'mini-shop-test' },
  /** A CronJob-type app (StateType 5) with job histories. */
  cronEnv: { app: 'report-job', env: 'report-job-prod' },
  /** A closed order (Result 4) and a finished scale order. */
  closedEnv: { app: 'trade-center', env: 'trade-center-test' },
  /** The RDS instance with databases and accounts (RDS actions take its id; none lists instances). */
  rdsInstanceId: 'rm-8vb0demo0rds0000001',
} as const;

function deploymentYaml(name: string, image: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: main\n          image: ${image}\n          resources:\n            limits:\n              cpu: "1"\n              memory: 2Gi\n`;
}

export function seedRetailCloud(store: RetailCloudStore, engine: DeployOrderEngine, now: number): void {
  const region = RC_SEED.regionId;
  const t0 = now - 30 * DAY;
  store.users.push(
    { UserId: '2208800000001', UserType: 'TAOBAO', RealName: '张三' },
    { UserId: '2208800000002', UserType: 'TAOBAO', RealName: '李四' },
    { UserId: 'ding-8810023', UserType: 'DING_TALK', RealName: '王五' },
    { UserId: 'ding-8810024', UserType: 'DING_TALK', RealName: '赵六' },
  );
  const roles: RcUserRole[] = [
    { UserId: '2208800000001', UserType: 'TAOBAO', RoleName: 'Owner' },
    { UserId: 'ding-8810023', UserType: 'DING_TALK', RoleName: 'PE' },
    { UserId: '2208800000002', UserType: 'TAOBAO', RoleName: 'Dev' },
  ];

  // Clusters and ECS machines.
  const vpc = `vpc-8vb${store.ids.hex(18)}`;
  const mkCluster = (title: string, envType: 'PRO' | 'TEST', biz: BizCode): RcCluster => {
    const cluster: RcCluster = {
      Id: store.nextId('cluster'),
      InstanceId: store.clusterInstanceId(),
      ClusterTitle: title,
      BusinessCode: biz,
      EnvType: envType,
      ClusterType: 'Standard',
      CreateStatus: '1',
      Status: 'running',
      RegionId: region,
      RegionName: '华北3（张家口）',
      VpcId: vpc,
      VswitchIds: [`vsw-8vb${store.ids.hex(18)}`],
      NetPlug: 'Terway',
      PodCIDR: '172.20.0.0/16',
      ServiceCIDR: '172.21.0.0/20',
      KeyPair: '',
      hasPassword: true,
      HasInstallArmsPilot: envType === 'PRO',
      HasInstallLogController: true,
      createdAt: t0,
    };
    store.clusters.set(cluster.InstanceId, cluster);
    return cluster;
  };
  let ip = 10;
  const mkNode = (cluster: RcCluster | undefined, type = 'ecs.c6.xlarge'): RcNode => {
    const id = `i-8vb${store.ids.hex(17)}`;
    const node: RcNode = {
      InstanceId: id,
      InstanceName: `jst-node-${ip}`,
      InstanceType: type,
      InstanceNetworkType: 'vpc',
      OSName: 'Alibaba Cloud Linux 3.2104 64位',
      EcsOsType: 'linux',
      EcsConfiguration: '4vcpu 8G',
      EcsCpu: '4',
      EcsMemory: '8192',
      EcsLocalStorageCapacity: '120',
      EcsPrivateIp: `192.168.0.${ip++}`,
      EcsPublicIp: '',
      EcsEip: '',
      EcsZone: `${region}-a`,
      EcsExpiredTime: '2099-12-31T16:00Z',
      InternetMaxBandwidthIn: '0',
      InternetMaxBandwidthOut: '0',
      RegionId: region,
      VpcId: vpc,
      BusinessCode: 'JST',
      clusterInstanceId: cluster?.InstanceId,
    };
    store.nodes.set(id, node);
    return node;
  };
  const pro = mkCluster('jst-prod-cluster', 'PRO', 'JST');
  const test = mkCluster('jst-test-cluster', 'TEST', 'JST');
  for (let i = 0; i < 3; i++) mkNode(pro);
  for (let i = 0; i < 2; i++) mkNode(test);
  mkNode(undefined);
  mkNode(undefined, 'ecs.g6.xlarge');

  // Apps, deploy configs and environments.
  const mkApp = (
    title: string,
    biz: BizCode,
    language: string,
    stateType: StateType,
    description: string,
  ): RcApp => {
    const AppId = store.nextId('app');
    const app: RcApp = {
      AppId,
      Title: title,
      BizTitle: title,
      BizCode: biz,
      Description: description,
      Language: language,
      OperatingSystem: 'Linux',
      ServiceType: biz === 'MINI_APP' ? 'TaoHuDongApplication' : 'StoreApplication',
      StateType: stateType,
      DeployType: 'ContainerDeployment',
      Namespace: `jck-namespace-${AppId}`,
      UserRoles: roles,
      MiddleWareIdList: [],
      createdAt: t0,
    };
    store.apps.set(AppId, app);
    return app;
  };
  const mkSchema = (app: RcApp, envType: 'test' | 'online', image: string, cron = false): RcDeployConfig => {
    const schema: RcDeployConfig = {
      Id: store.nextId('schema'),
      AppId: app.AppId,
      Name: `${app.Title}-${envType}`,
      EnvType: envType,
      CodePath: app.Language === 'Java' ? '/opt/app/app.jar' : '',
      Deployment: cron ? '' : deploymentYaml(app.Title, image),
      StatefulSet: '',
      CronJob: cron
        ? `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: ${app.Title}\nspec:\n  schedule: "*/10 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: main\n              image: ${image}\n`
        : '',
      ConfigMap: '',
      ConfigMapList: [
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app.Title}-config\ndata:\n  LOG_LEVEL: info\n`,
      ],
      SecretList: [],
      createdAt: t0,
    };
    store.deployConfigs.set(schema.Id, schema);
    return schema;
  };
  const mkEnv = (
    app: RcApp,
    name: string,
    envType: EnvTypeCode,
    replicas: number,
    schema: RcDeployConfig,
  ): RcEnvironment => {
    const env: RcEnvironment = {
      EnvId: store.nextId('env'),
      AppId: app.AppId,
      EnvName: name,
      EnvType: envType,
      Region: region,
      Replicas: replicas,
      AppSchemaId: schema.Id,
      clusterInstanceId: envType === 1 ? pro.InstanceId : test.InstanceId,
      cpuLimit: 1,
      memLimitGb: 2,
      offline: false,
      createdAt: t0,
    };
    store.envs.set(env.EnvId, env);
    store.resourceAllocs.set(env.EnvId, {
      Id: store.nextId('alloc'),
      AppEnvId: env.EnvId,
      AppId: app.AppId,
      ClusterId: env.clusterInstanceId as string,
      ResourceDef: '暂不支持',
    });
    return env;
  };
  /** Runs a whole order (no pauses) and lets it finish. */
  const deployAt = (env: RcEnvironment, at: number, image: string, name: string, partitions = 2): number => {
    const answer = engine.deploy(
      { envId: env.EnvId, name, totalPartitions: partitions, images: [image], description: `发布 ${name}` },
      at,
    );
    engine.advanceTo(at + 10 * MINUTE);
    return answer.DeployOrderId as number;
  };

  const trade = mkApp('trade-center', 'JST', 'Java', 1, '交易中心');
  const tradeProd = mkEnv(
    trade,
    RC_SEED.pausedOrder.env,
    1,
    RC_SEED.pausedOrder.replicas,
    mkSchema(trade, 'online', `${REGISTRY}/trade-center:1.4.0`),
  );
  const tradeTest = mkEnv(
    trade,
    RC_SEED.closedEnv.env,
    0,
    2,
    mkSchema(trade, 'test', `${REGISTRY}/trade-center:1.4.0`),
  );
  deployAt(tradeProd, now - 10 * DAY, `${REGISTRY}/trade-center:1.4.0`, 'trade-center-1.4.0', 3);
  deployAt(tradeProd, now - 3 * DAY, `${REGISTRY}/trade-center:1.4.1`, 'trade-center-1.4.1', 3);
  deployAt(tradeTest, now - 2 * DAY, `${REGISTRY}/trade-center:1.5.0-rc1`, 'trade-center-1.5.0-rc1');
  const closing = engine.deploy(
    {
      envId: tradeTest.EnvId,
      name: 'trade-center-1.5.0-rc2',
      totalPartitions: 2,
      pauseType: 'first',
      images: [`${REGISTRY}/trade-center:1.5.0-rc2`],
    },
    now - DAY,
  );
  engine.advanceTo(now - DAY + 5 * MINUTE);
  engine.close(closing.DeployOrderId as number, now - DAY + 5 * MINUTE);
  engine.scale({ envId: tradeTest.EnvId, replicas: 3, totalPartitions: 1 }, now - DAY + 10 * MINUTE);
  engine.advanceTo(now - DAY + 20 * MINUTE);

  const member = mkApp('member-portal', 'JST', 'PHP', 1, '会员门户');
  const memberProd = mkEnv(
    member,
    RC_SEED.runningOrder.env,
    1,
    3,
    mkSchema(member, 'online', `${REGISTRY}/member-portal:2.0.0`),
  );
  const memberTest = mkEnv(
    member,
    RC_SEED.failedEnv.env,
    0,
    1,
    mkSchema(member, 'test', `${REGISTRY}/member-portal:2.0.0`),
  );
  deployAt(memberProd, now - 7 * DAY, `${REGISTRY}/member-portal:2.0.0`, 'member-portal-2.0.0');
  deployAt(memberTest, now - 6 * HOUR, `${REGISTRY}/member-portal:2.0.1`, 'member-portal-2.0.1', 1);
  deployAt(memberTest, now - 2 * HOUR, `${REGISTRY}/member-portal:fail`, 'member-portal-broken', 1);

  const report = mkApp('report-job', 'SUPPLY', 'Python', 5, '供应链日报任务');
  const reportProd = mkEnv(
    report,
    RC_SEED.cronEnv.env,
    1,
    1,
    mkSchema(report, 'online', `${REGISTRY}/report-job:0.3.2`, true),
  );
  deployAt(reportProd, now - 5 * DAY, `${REGISTRY}/report-job:0.3.2`, 'report-job-0.3.2', 1);

  const mini = mkApp('mini-shop', 'MINI_APP', 'Java', 1, '轻应用店铺');
  const miniProd = mkEnv(
    mini,
    RC_SEED.frozenEnv.env,
    1,
    2,
    mkSchema(mini, 'online', `${REGISTRY}/mini-shop:3.1.0`),
  );
  const miniTest = mkEnv(
    mini,
    RC_SEED.offlineEnv.env,
    0,
    1,
    mkSchema(mini, 'test', `${REGISTRY}/mini-shop:3.1.0`),
  );
  deployAt(miniProd, now - 4 * DAY, `${REGISTRY}/mini-shop:3.1.0`, 'mini-shop-3.1.0');
  deployAt(miniTest, now - 4 * DAY, `${REGISTRY}/mini-shop:3.1.0`, 'mini-shop-3.1.0-test', 1);
  for (const pod of store.envInstances(miniTest.EnvId)) store.removeInstance(pod, now - 3 * DAY);
  miniTest.offline = true;
  miniProd.admissionCode = RC_SEED.frozenEnv.businessCode;

  // The two orders in flight at start: one paused after its first partition, one deploying.
  engine.deploy(
    {
      envId: tradeProd.EnvId,
      name: 'trade-center-1.5.0',
      totalPartitions: RC_SEED.pausedOrder.partitions,
      pauseType: 'each',
      description: '1.5.0：新结算流程',
      images: [`${REGISTRY}/trade-center:1.5.0`],
    },
    now - 90_000,
  );
  engine.deploy(
    {
      envId: memberProd.EnvId,
      name: 'member-portal-2.1.0',
      totalPartitions: 2,
      pauseType: 'none',
      updateStrategyType: 'online_new_then_offline_old',
      images: [`${REGISTRY}/member-portal:2.1.0`],
    },
    now - 5_000,
  );
  engine.advanceTo(now);

  // Groups, traffic, storage, labels, RDS.
  const group = { Id: store.nextId('group'), Name: 'trade-group', BizCode: 'JST' as BizCode };
  store.groups.set(group.Id, group);
  for (const app of [trade, member]) {
    const id = store.nextId('mapping');
    store.groupMappings.set(id, { Id: id, AppId: app.AppId, GroupId: group.Id, Name: group.Name });
  }
  const slb = store.nextId('slb');
  store.slbAPs.set(slb, {
    SlbAPId: slb,
    AppId: trade.AppId,
    EnvId: tradeProd.EnvId,
    Name: 'trade-center-https',
    SlbId: `lb-8vb${store.ids.hex(18)}`,
    SlbIp: '47.92.10.21',
    NetworkMode: 'internet',
    Protocol: 'HTTPS',
    ListenerPort: 443,
    RealServerPort: 8080,
    StickySession: 0,
    SslCertId: `ssl-${store.ids.hex(10)}`,
  });
  const svc = store.nextId('service');
  store.services.set(svc, {
    ServiceId: svc,
    AppId: trade.AppId,
    EnvId: tradeProd.EnvId,
    Name: 'trade-center-svc',
    K8sServiceId: 'trade-center',
    ServiceType: 'ClusterIP',
    Headless: false,
    PortMappings: [{ Name: 'http', Port: 80, TargetPort: '8080', Protocol: 'TCP' }],
  });
  const pv = store.nextId('pv');
  store.pvs.set(pv, {
    Id: pv,
    ClusterInstanceId: pro.InstanceId,
    Name: 'nas-trade-pv',
    Capacity: '100Gi',
    AccessModes: 'ReadWriteMany',
    ReclaimPolicy: 'Retain',
    Status: 'Bound',
    PvcName: 'trade-data',
    MountDir: '/trade',
    MountTargetDomain: `${store.ids.hex(10)}-abc12.cn-zhangjiakou.nas.aliyuncs.com`,
    NFSVersion: '4.0',
    StorageClass: 'nas-trade',
    Reason: '',
    createdAt: t0,
  });
  const pvc = store.nextId('pvc');
  store.pvcs.set(pvc, {
    Id: pvc,
    AppId: trade.AppId,
    EnvId: tradeProd.EnvId,
    Name: 'trade-data',
    Capacity: '100Gi',
    AccessModes: 'ReadWriteMany',
    StorageClass: 'nas-trade',
    Status: 'Bound',
    VolumeName: 'nas-trade-pv',
    createdAt: t0,
  });
  const label = store.nextId('label');
  store.nodeLabels.set(label, {
    Id: label,
    ClusterId: pro.InstanceId,
    LabelKey: 'label.jst.com/tier',
    LabelValue: 'core',
  });
  const firstNode = store.clusterNodes(pro.InstanceId)[0] as RcNode;
  const binding = store.nextId('binding');
  store.nodeLabelBindings.set(binding, {
    Id: binding,
    ClusterId: pro.InstanceId,
    InstanceId: firstNode.InstanceId,
    InstanceType: 'ecs',
    LabelKey: 'label.jst.com/tier',
    LabelValue: 'core',
  });
  // No action lists RDS instances: the demo one has a fixed id that the README names.
  const rdsId = RC_SEED.rdsInstanceId;
  store.rds.set(rdsId, {
    DBInstanceId: rdsId,
    Engine: 'MySQL',
    EngineVersion: '8.0',
    Status: 'Running',
    databases: [
      {
        DBName: 'trade',
        DBStatus: 'Running',
        DBDescription: '交易库',
        CharacterSetName: 'utf8mb4',
        createdAt: t0,
      },
      {
        DBName: 'member',
        DBStatus: 'Running',
        DBDescription: '会员库',
        CharacterSetName: 'utf8mb4',
        createdAt: t0,
      },
    ],
    accounts: [
      {
        AccountName: 'trade_rw',
        AccountStatus: 'Available',
        AccountType: 'Normal',
        AccountDescription: '交易读写',
        passwordDigest: passwordDigest(store.ids.hex(24)),
        privileges: [
          {
            DBName: 'trade',
            AccountPrivilege: 'ReadWrite',
            AccountPrivilegeDetail: 'SELECT,INSERT,UPDATE,DELETE',
          },
        ],
      },
    ],
    backups: Array.from({ length: 7 }, (_, i) => {
      const start = Math.floor((now - (i + 1) * DAY) / DAY) * DAY + 2 * HOUR;
      return {
        BackupId: String(1_000_000_000 + store.ids.int(0, 999_999)),
        BackupStatus: 'Success' as const,
        startedAt: start,
        endedAt: start + 6 * MINUTE,
        BackupType: 'FullBackup' as const,
        BackupMode: 'Automated' as const,
        BackupMethod: 'Physical' as const,
        BackupSize: 1_200_000_000 + store.ids.int(0, 50_000_000),
        BackupDBNames: 'trade,member',
        HostInstanceID: String(store.ids.int(10_000_000, 19_999_999)),
      };
    }),
  });
}
