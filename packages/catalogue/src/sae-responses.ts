/**
 * Documented success answers of the 79 SAE APIs of seed 000: the envelope each one uses and the
 * field names of its `Data` (and of the items of the lists it holds), taken from the seed's 返回数据
 * tables and JSON examples. Where an example contradicts its table (DescribeConfigMap and
 * ListNamespacedConfigMaps omit the `Data` map, DescribeAppServiceDetail omits `Metadata`,
 * DescribeApplicationScalingRules nests `MetricsStatus` twice), the table wins.
 */
import type { SaeApiName } from './sae';

/**
 * Top-level shapes of a success answer. Seed §1.5 documents `standard`; the others are the
 * per-API deviations its examples and tables show.
 */
export type SaeEnvelopeKind =
  /** `{RequestId, Message, TraceId, Data?, Code: "200", Success: true}`, no ErrorCode. */
  | 'standard'
  /** ListAppEvents, ListAppVersions, RescaleApplication: no TraceId. */
  | 'noTraceId'
  /** ListApplications: no TraceId; CurrentPage, PageSize, TotalSize also at top level. */
  | 'pagedTopLevel'
  /** AbortAndRollbackChangeOrder: the standard envelope plus `ErrorCode: "success"`. */
  | 'withErrorCode'
  /** The scaling-rule APIs: `RequestId`, `TraceId` and, for four of them, `Data`. */
  | 'scalingRule'
  /** DescribeRegions: `{Message, RequestId, Regions, Code: 200}` (Code an Integer). */
  | 'regions'
  /** OpenSaeService: `{RequestId, OrderId}`. */
  | 'serviceOrder';

export interface SaeEnvelopeSpec {
  /** Every top-level field of a success answer, `Data` excepted (present iff the API has Data). */
  readonly fields: readonly string[];
  /** Documented success values of top-level fields. */
  readonly values: Readonly<Record<string, string | number | boolean>>;
}

export const saeEnvelopes = {
  standard: {
    fields: ['RequestId', 'Message', 'TraceId', 'Code', 'Success'],
    values: { Message: 'success', Code: '200', Success: true },
  },
  noTraceId: {
    fields: ['RequestId', 'Message', 'Code', 'Success'],
    values: { Message: 'success', Code: '200', Success: true },
  },
  pagedTopLevel: {
    fields: ['RequestId', 'Message', 'Code', 'Success', 'CurrentPage', 'PageSize', 'TotalSize'],
    values: { Message: 'success', Code: '200', Success: true },
  },
  withErrorCode: {
    fields: ['RequestId', 'Message', 'TraceId', 'ErrorCode', 'Code', 'Success'],
    values: { Message: 'success', ErrorCode: 'success', Code: '200', Success: true },
  },
  scalingRule: { fields: ['RequestId', 'TraceId'], values: {} },
  regions: { fields: ['RequestId', 'Message', 'Regions', 'Code'], values: { Code: 200 } },
  serviceOrder: { fields: ['RequestId', 'OrderId'], values: {} },
} as const satisfies Record<SaeEnvelopeKind, SaeEnvelopeSpec>;

/** Field names of one documented object. */
export interface SaeFieldsSpec {
  readonly fields: readonly string[];
  /** Fields the seed says are returned only in some cases (e.g. a task's ErrorCode only on failure). */
  readonly optional?: readonly string[];
  /** Fields holding a list of objects, with the fields of each item. */
  readonly lists?: Readonly<Record<string, SaeFieldsSpec>>;
  /** Fields holding an object, with its fields. */
  readonly objects?: Readonly<Record<string, SaeFieldsSpec>>;
}

export type SaeDataSpec =
  | { readonly type: 'none' }
  | { readonly type: 'string' }
  | { readonly type: 'boolean' }
  | ({ readonly type: 'object' } & SaeFieldsSpec)
  | { readonly type: 'array'; readonly items: SaeFieldsSpec };

export interface SaeResponseSpec {
  readonly envelope: SaeEnvelopeKind;
  readonly data: SaeDataSpec;
  /** Lists carried at the top level instead of in `Data` (DescribeRegions' `Regions`). */
  readonly top?: Readonly<Record<string, SaeFieldsSpec>>;
}

const scalingRuleTimer = {
  fields: ['BeginDate', 'EndDate', 'Period', 'Schedules'],
  lists: { Schedules: { fields: ['AtTime', 'TargetReplicas'] } },
} as const satisfies SaeFieldsSpec;

/** The rule object of Create/UpdateApplicationScalingRule. */
const scalingRule = {
  fields: [
    'AppId',
    'ScaleRuleName',
    'ScaleRuleType',
    'ScaleRuleEnabled',
    'CreateTime',
    'UpdateTime',
    'LastDisableTime',
    'Timer',
    'Metric',
  ],
  objects: {
    Timer: scalingRuleTimer,
    Metric: {
      fields: ['MaxReplicas', 'MinReplicas', 'Metrics'],
      lists: { Metrics: { fields: ['MetricType', 'MetricTargetAverageUtilization'] } },
    },
  },
} as const satisfies SaeFieldsSpec;

/** The rule object of the two Describe APIs: the metric part adds its live status and step rules. */
const describedScalingRule = {
  ...scalingRule,
  objects: {
    Timer: scalingRuleTimer,
    Metric: {
      fields: ['MaxReplicas', 'MinReplicas', 'Metrics', 'MetricsStatus', 'ScaleUpRules', 'ScaleDownRules'],
      lists: { Metrics: { fields: ['MetricType', 'MetricTargetAverageUtilization'] } },
      objects: {
        MetricsStatus: {
          fields: [
            'DesiredReplicas',
            'CurrentReplicas',
            'NextScaleTimePeriod',
            'LastScaleTime',
            'CurrentMetrics',
            'NextScaleMetrics',
          ],
          lists: {
            CurrentMetrics: { fields: ['Type', 'Name', 'CurrentValue'] },
            NextScaleMetrics: {
              fields: ['Name', 'NextScaleOutAverageUtilization', 'NextScaleInAverageUtilization'],
            },
          },
        },
        ScaleUpRules: { fields: ['Step', 'StabilizationWindowSeconds', 'Disabled'] },
        ScaleDownRules: { fields: ['Step', 'StabilizationWindowSeconds', 'Disabled'] },
      },
    },
  },
} as const satisfies SaeFieldsSpec;

/** Every API of the catalogue must have an entry: the type forbids a missing or unknown name. */
export const saeResponses = {
  OpenSaeService: {
    envelope: 'serviceOrder',
    data: { type: 'none' },
  },
  CreateNamespace: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['NamespaceDescription', 'NamespaceId', 'NamespaceName', 'RegionId'],
    },
  },
  DeleteNamespace: {
    envelope: 'standard',
    data: { type: 'none' },
  },
  UpdateNamespace: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['NamespaceDescription', 'NamespaceId', 'NamespaceName', 'RegionId'],
    },
  },
  UpdateNamespaceVpc: {
    envelope: 'standard',
    data: { type: 'none' },
  },
  DescribeNamespace: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['NamespaceDescription', 'NamespaceId', 'NamespaceName', 'RegionId'],
    },
  },
  DescribeNamespaces: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'TotalSize', 'PageSize', 'Namespaces'],
      lists: {
        Namespaces: {
          fields: [
            'NamespaceDescription',
            'AccessKey',
            'SecretKey',
            'NamespaceId',
            'NamespaceName',
            'TenantId',
            'RegionId',
          ],
        },
      },
    },
  },
  DescribeNamespaceList: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: [
          'VpcId',
          'VSwitchId',
          'Custom',
          'AgentInstall',
          'NamespaceId',
          'HybridCloudEnable',
          'SecurityGroupId',
          'Current',
          'NamespaceName',
          'RegionId',
        ],
      },
    },
  },
  DescribeNamespaceResources: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'VpcId',
        'LastChangeOrderId',
        'BelongRegion',
        'NamespaceId',
        'SecurityGroupId',
        'UserId',
        'NamespaceName',
        'LastChangeOrderStatus',
        'VpcName',
        'VSwitchId',
        'Description',
        'LastChangeOrderRunning',
        'AppCount',
        'VSwitchName',
        'NotificationExpired',
        'TenantId',
        'JumpServerAppId',
        'JumpServerIp',
      ],
    },
  },
  CreateIngress: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['IngressId'],
    },
  },
  DeleteIngress: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['IngressId'],
    },
  },
  UpdateIngress: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['IngressId'],
    },
  },
  DescribeIngress: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'SlbId',
        'NamespaceId',
        'Description',
        'ListenerPort',
        'SlbType',
        'CertId',
        'Name',
        'DefaultRule',
        'Rules',
        'Id',
        'LoadBalanceType',
        'ListenerProtocol',
      ],
      lists: {
        Rules: {
          fields: ['AppName', 'ContainerPort', 'Domain', 'AppId', 'Path'],
        },
      },
      objects: {
        DefaultRule: {
          fields: ['ContainerPort', 'AppName', 'AppId'],
        },
      },
    },
  },
  ListIngresses: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['IngressList'],
      lists: {
        IngressList: {
          fields: [
            'SlbId',
            'NamespaceId',
            'Description',
            'ListenerPort',
            'SlbType',
            'CertId',
            'Name',
            'Id',
            'LoadBalanceType',
            'ListenerProtocol',
          ],
        },
      },
    },
  },
  DescribeApplicationConfig: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'AppId',
        'AppName',
        'AppDescription',
        'NamespaceId',
        'RegionId',
        'VpcId',
        'VSwitchId',
        'SecurityGroupId',
        'PackageType',
        'PackageUrl',
        'PackageVersion',
        'ImageUrl',
        'Jdk',
        'WebContainer',
        'EdasContainerVersion',
        'Cpu',
        'Memory',
        'Replicas',
        'Command',
        'CommandArgs',
        'Envs',
        'CustomHostAlias',
        'JarStartOptions',
        'JarStartArgs',
        'WarStartOptions',
        'Liveness',
        'Readiness',
        'PreStop',
        'PostStart',
        'TerminationGracePeriodSeconds',
        'Timezone',
        'UpdateStrategy',
        'MinReadyInstances',
        'MinReadyInstanceRatio',
        'BatchWaitTime',
        'SlsConfigs',
        'KafkaConfigs',
        'NasId',
        'MountHost',
        'MountDesc',
        'ConfigMapMountDesc',
        'OssAkId',
        'OssAkSecret',
        'OssMountDescs',
        'TomcatConfig',
        'PhpConfig',
        'PhpConfigLocation',
        'PhpArmsConfigLocation',
        'EnableAhas',
        'EnableGreyTagRoute',
        'MseApplicationId',
        'AcrAssumeRoleArn',
        'AssociateEip',
        'Tags',
      ],
      lists: {
        MountDesc: { fields: ['MountPath', 'NasPath'] },
        ConfigMapMountDesc: { fields: ['ConfigMapId', 'ConfigMapName', 'Key', 'MountPath'] },
        OssMountDescs: { fields: ['bucketName', 'bucketPath', 'mountPath', 'readOnly'] },
        Tags: { fields: ['Key', 'Value'] },
      },
    },
  },
  DescribeRegions: {
    envelope: 'regions',
    top: { Regions: { fields: ['RegionId', 'RegionEndpoint', 'LocalName', 'RecommendZones'] } },
    data: { type: 'none' },
  },
  DescribeInstanceLog: {
    envelope: 'standard',
    data: { type: 'string' },
  },
  DescribeComponents: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['Type', 'ComponentKey', 'ComponentDescription', 'Expired'],
      },
    },
  },
  DescribeEdasContainers: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['Disabled', 'EdasContainerVersion'],
      },
    },
  },
  DescribeApplicationImage: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'Logo',
        'RepoOriginType',
        'CrUrl',
        'RepoTag',
        'RepoType',
        'RepoName',
        'RepoNamespace',
        'RegionId',
      ],
    },
  },
  DescribeApplicationInstances: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'TotalSize', 'PageSize', 'Instances'],
      lists: {
        Instances: {
          fields: [
            'CreateTimeStamp',
            'VSwitchId',
            'InstanceContainerStatus',
            'InstanceHealthStatus',
            'InstanceContainerRestarts',
            'GroupId',
            'InstanceContainerIp',
            'InstanceId',
            'ImageUrl',
            'PackageVersion',
            'Eip',
            'FinishTimeStamp',
          ],
        },
      },
    },
  },
  DescribeApplicationGroups: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: [
          'Jdk',
          'ImageUrl',
          'PackageUrl',
          'PackageType',
          'PackageVersion',
          'GroupName',
          'GroupId',
          'WebContainer',
          'Replicas',
          'EdasContainerVersion',
          'RunningInstances',
          'GroupType',
        ],
      },
    },
  },
  ListApplications: {
    envelope: 'pagedTopLevel',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'TotalSize', 'PageSize', 'Applications'],
      lists: {
        Applications: {
          fields: [
            'AppName',
            'NamespaceId',
            'AppDeletingStatus',
            'AppId',
            'Tags',
            'RunningInstances',
            'Instances',
            'RegionId',
            'AppDescription',
          ],
          lists: {
            Tags: {
              fields: ['Key', 'Value'],
            },
          },
        },
      },
    },
  },
  ListLogConfigs: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['LogConfigs', 'CurrentPage', 'TotalSize', 'PageSize'],
      lists: {
        LogConfigs: {
          fields: [
            'ConfigName',
            'LogDir',
            'SlsLogStore',
            'CreateTime',
            'StoreType',
            'SlsProject',
            'LogType',
            'RegionId',
          ],
        },
      },
    },
  },
  ListAppEvents: {
    envelope: 'noTraceId',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'AppEventEntity', 'TotalSize', 'PageSize'],
      lists: {
        AppEventEntity: {
          fields: [
            'ObjectKind',
            'EventType',
            'LastTimestamp',
            'Message',
            'ObjectName',
            'Reason',
            'FirstTimestamp',
          ],
        },
      },
    },
  },
  ListAppVersions: {
    envelope: 'noTraceId',
    data: {
      type: 'array',
      items: {
        fields: ['Type', 'CreateTime', 'BuildPackageUrl', 'WarUrl', 'Id'],
      },
    },
  },
  QueryResourceStatics: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['Summary', 'RealTimeRes'],
      objects: {
        Summary: {
          fields: ['Cpu', 'Memory'],
        },
        RealTimeRes: {
          fields: ['Cpu', 'Memory'],
        },
      },
    },
  },
  CreateApplicationScalingRule: { envelope: 'scalingRule', data: { type: 'object', ...scalingRule } },
  DeleteApplicationScalingRule: {
    envelope: 'scalingRule',
    data: { type: 'none' },
  },
  EnableApplicationScalingRule: {
    envelope: 'scalingRule',
    data: { type: 'none' },
  },
  DisableApplicationScalingRule: {
    envelope: 'scalingRule',
    data: { type: 'none' },
  },
  UpdateApplicationScalingRule: { envelope: 'scalingRule', data: { type: 'object', ...scalingRule } },
  DescribeApplicationScalingRule: {
    envelope: 'scalingRule',
    data: { type: 'object', ...describedScalingRule },
  },
  DescribeApplicationScalingRules: {
    envelope: 'scalingRule',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'PageSize', 'TotalSize', 'ApplicationScalingRules'],
      lists: { ApplicationScalingRules: describedScalingRule },
    },
  },
  CreateApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId', 'AppId'],
    },
  },
  DeleteApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  DeployApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId', 'AppId', 'IsNeedApproval'],
    },
  },
  DescribeApplicationStatus: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'ArmsAdvancedEnabled',
        'LastChangeOrderId',
        'ArmsApmInfo',
        'CreateTime',
        'CurrentStatus',
        'AppId',
        'LastChangeOrderRunning',
        'RunningInstances',
        'LastChangeOrderStatus',
        'SubStatus',
        'EnableAgent',
        'FileSizeLimit',
      ],
    },
  },
  DescribeInstanceSpecifications: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['Cpu', 'Version', 'Memory', 'SpecInfo', 'Id', 'Enable'],
      },
    },
  },
  StartApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  BatchStartApplications: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  StopApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  BatchStopApplications: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  RestartApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  RestartInstances: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  RollbackApplication: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId', 'IsNeedApproval'],
    },
  },
  RescaleApplication: {
    envelope: 'noTraceId',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  RescaleApplicationVertically: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  ReduceApplicationCapacityByInstanceIds: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  UpdateAppSecurityGroup: {
    envelope: 'standard',
    data: { type: 'none' },
  },
  ExecJob: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['Data', 'Msg', 'Success', 'Code'],
    },
  },
  DescribeJobStatus: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['JobId', 'Active', 'Succeeded', 'Failed', 'StartTime', 'CompletionTime', 'Message', 'State'],
    },
  },
  ListNamespaceChangeOrders: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'PageSize', 'TotalSize', 'ChangeOrderList'],
      lists: {
        ChangeOrderList: {
          fields: [
            'Status',
            'FinishTime',
            'NamespaceId',
            'CreateTime',
            'UserId',
            'Source',
            'CreateUserId',
            'BatchCount',
            'CoTypeCode',
            'ChangeOrderId',
            'BatchType',
            'Description',
            'GroupId',
            'CoType',
            'Pipelines',
          ],
        },
      },
    },
  },
  ListChangeOrders: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'TotalSize', 'ChangeOrderList', 'PageSize'],
      lists: {
        ChangeOrderList: {
          fields: [
            'Status',
            'FinishTime',
            'CreateTime',
            'UserId',
            'Source',
            'BatchCount',
            'CreateUserId',
            'CoTypeCode',
            'ChangeOrderId',
            'BatchType',
            'GroupId',
            'Description',
            'CoType',
            'AppId',
          ],
        },
      },
    },
  },
  DescribeChangeOrder: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'Status',
        'SubStatus',
        'ApprovalId',
        'ErrorMessage',
        'BatchWaitTime',
        'CreateTime',
        'BatchCount',
        'CoTypeCode',
        'SupportRollback',
        'ChangeOrderId',
        'AppName',
        'BatchType',
        'Description',
        'CoType',
        'Auto',
        'CurrentPipelineId',
        'Pipelines',
        'AppId',
      ],
      lists: {
        Pipelines: {
          fields: [
            'Status',
            'StartTime',
            'UpdateTime',
            'BatchType',
            'ParallelCount',
            'PipelineName',
            'PipelineId',
          ],
        },
      },
    },
  },
  AbortChangeOrder: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  AbortAndRollbackChangeOrder: {
    envelope: 'withErrorCode',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  DescribePipeline: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'ShowBatch',
        'PipelineStatus',
        'CurrentStageId',
        'PipelineName',
        'StageList',
        'NextPipelineId',
        'PipelineId',
        'CoStatus',
      ],
      lists: {
        StageList: {
          fields: ['Status', 'StageId', 'ExecutorType', 'TaskList', 'StageName'],
          lists: {
            TaskList: {
              fields: [
                'Status',
                'StageId',
                'ErrorMessage',
                'ErrorCode',
                'TaskName',
                'ErrorIgnore',
                'Message',
                'ShowManualIgnore',
                'TaskId',
              ],
              optional: ['ErrorMessage', 'ErrorCode'],
            },
          },
        },
      },
    },
  },
  ConfirmPipelineBatch: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['PipelineId'],
    },
  },
  BindSlb: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  UnbindSlb: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ChangeOrderId'],
    },
  },
  DescribeApplicationSlbs: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['Intranet', 'InternetIp', 'InternetSlbId', 'Internet', 'IntranetSlbId', 'IntranetIp'],
      lists: {
        Intranet: {
          fields: ['HttpsCertId', 'Protocol', 'TargetPort', 'Port'],
        },
        Internet: {
          fields: ['HttpsCertId', 'Protocol', 'TargetPort', 'Port'],
        },
      },
    },
  },
  ListConsumedServices: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['Type', 'Groups', 'Version', 'AppId', 'Group2Ip', 'Ips', 'Name'],
      },
    },
  },
  ListPublishedServices: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['Type', 'Groups', 'Version', 'AppId', 'Group2Ip', 'Ips', 'Name'],
      },
    },
  },
  ListAppServicesPage: {
    envelope: 'standard',
    data: {
      type: 'array',
      items: {
        fields: ['CurrentPage', 'TotalSize', 'PageNumber', 'PageSize', 'Result'],
        lists: {
          Result: {
            fields: ['EdasAppName', 'Version', 'InstanceNum', 'EdasAppId', 'ServiceName', 'Group'],
          },
        },
      },
    },
  },
  DescribeAppServiceDetail: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'Group',
        'ServiceName',
        'Version',
        'ServiceType',
        'EdasAppName',
        'SpringApplicationName',
        'DubboApplicationName',
        'Methods',
        'Metadata',
      ],
      lists: {
        Methods: {
          fields: [
            'MethodController',
            'ReturnType',
            'ReturnDetails',
            'Name',
            'NameDetail',
            'ParameterDetails',
            'RequestMethods',
            'ParameterTypes',
            'Paths',
            'ParameterDefinitions',
          ],
          lists: {
            ParameterDefinitions: {
              fields: ['Type', 'Description', 'Name'],
            },
          },
        },
      },
    },
  },
  TagResources: {
    envelope: 'standard',
    data: { type: 'boolean' },
  },
  UntagResources: {
    envelope: 'standard',
    data: { type: 'boolean' },
  },
  ListTagResources: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['NextToken', 'TagResources'],
      lists: {
        TagResources: {
          fields: ['ResourceType', 'TagValue', 'ResourceId', 'TagKey'],
        },
      },
    },
  },
  CreateConfigMap: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ConfigMapId'],
    },
  },
  DeleteConfigMap: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ConfigMapId'],
    },
  },
  UpdateConfigMap: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ConfigMapId'],
    },
  },
  DescribeConfigMap: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'UpdateTime',
        'NamespaceId',
        'Description',
        'CreateTime',
        'RelateApps',
        'ConfigMapId',
        'Name',
        'Data',
      ],
      lists: {
        RelateApps: {
          fields: ['AppName', 'AppId'],
        },
      },
    },
  },
  ListNamespacedConfigMaps: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['ConfigMaps'],
      lists: {
        ConfigMaps: {
          fields: [
            'UpdateTime',
            'NamespaceId',
            'Description',
            'CreateTime',
            'RelateApps',
            'ConfigMapId',
            'Name',
            'Data',
          ],
          lists: {
            RelateApps: {
              fields: ['AppName', 'AppId'],
            },
          },
        },
      },
    },
  },
  CreateGreyTagRoute: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['GreyTagRouteId'],
    },
  },
  DeleteGreyTagRoute: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['GreyTagRouteId'],
    },
  },
  UpdateGreyTagRoute: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['GreyTagRouteId'],
    },
  },
  ListGreyTagRoute: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: ['CurrentPage', 'PageSize', 'TotalSize', 'Result'],
      lists: {
        Result: {
          fields: [
            'GreyTagRouteId',
            'Name',
            'Description',
            'ScRules',
            'DubboRules',
            'CreateTime',
            'UpdateTime',
          ],
          lists: {
            ScRules: {
              fields: ['path', 'condition', 'items'],
              lists: {
                items: {
                  fields: ['type', 'name', 'operator', 'value', 'cond', 'expr'],
                },
              },
            },
            DubboRules: {
              fields: ['serviceName', 'group', 'version', 'methodName', 'condition', 'items'],
              lists: {
                items: {
                  fields: ['index', 'expr', 'operator', 'value', 'cond', 'type', 'name'],
                },
              },
            },
          },
        },
      },
    },
  },
  DescribeGreyTagRoute: {
    envelope: 'standard',
    data: {
      type: 'object',
      fields: [
        'GreyTagRouteId',
        'Name',
        'Description',
        'ScRules',
        'DubboRules',
        'CreateTime',
        'UpdateTime',
        'AppId',
      ],
      lists: {
        ScRules: {
          fields: ['path', 'condition', 'items'],
          lists: {
            items: {
              fields: ['type', 'name', 'operator', 'value', 'cond', 'expr'],
            },
          },
        },
        DubboRules: {
          fields: ['serviceName', 'group', 'version', 'methodName', 'condition', 'items'],
          lists: {
            items: {
              fields: ['index', 'expr', 'operator', 'value', 'cond', 'type', 'name'],
            },
          },
        },
      },
    },
  },
} as const satisfies Record<SaeApiName, SaeResponseSpec>;
