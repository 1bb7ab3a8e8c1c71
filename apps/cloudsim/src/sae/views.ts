import { type ChangeOrderStatusCode, changeOrderStatuses, coTypeNames } from '@console/catalogue';
import { UNFINISHED } from './engine';
import { isImage } from './instances';
import type { ChangeOrder, Pipeline, SaeApp, SaeInstance } from './model';
import type { SaeStore } from './store';
import { epochMs, formatCst } from './time-format';

export function runningInstances(store: SaeStore, appId: string): number {
  return store.appInstances(appId).filter((i) => i.status === 'Running').length;
}

export function statusName(status: ChangeOrderStatusCode): string {
  return changeOrderStatuses[status].name;
}

/** DescribeApplicationStatus `Data`. */
export function appStatusView(store: SaeStore, app: SaeApp): Record<string, unknown> {
  const order = app.lastChangeOrderId ? store.orders.get(app.lastChangeOrderId) : undefined;
  const instances = store.appInstances(app.AppId);
  const running = instances.filter((i) => i.status === 'Running').length;
  let current = 'STOPPED';
  if (instances.length > 0) current = 'RUNNING';
  else if (!app.deployed && !order) current = 'UNKNOWN';
  return {
    AppId: app.AppId,
    CurrentStatus: current,
    RunningInstances: running,
    LastChangeOrderId: order?.ChangeOrderId ?? '',
    LastChangeOrderRunning: order ? UNFINISHED.has(order.Status) : false,
    LastChangeOrderStatus: order ? statusName(order.Status) : '',
    SubStatus: order?.SubStatus === 1 && UNFINISHED.has(order.Status) ? 'RUNNING_BUT_HAS_ERROR' : 'NORMAL',
    CreateTime: String(epochMs(app.createdAt)),
    ArmsAdvancedEnabled: 'false',
    ArmsApmInfo: '',
    EnableAgent: false,
    FileSizeLimit: 10240,
  };
}

function pipelineView(p: Pipeline): Record<string, unknown> {
  return {
    PipelineId: p.PipelineId,
    PipelineName: p.PipelineName,
    Status: p.Status,
    StartTime: p.startTime !== undefined ? epochMs(p.startTime) : 0,
    UpdateTime: epochMs(p.updateTime),
    BatchType: 0,
    ParallelCount: Math.max(1, p.created.length, p.removed.length),
  };
}

/** Index of the pipeline reported as CurrentPipelineId. */
export function currentPipeline(order: ChangeOrder): Pipeline | undefined {
  return order.pipelines[order.current];
}

export function orderListItem(order: ChangeOrder): Record<string, unknown> {
  return {
    ChangeOrderId: order.ChangeOrderId,
    AppId: order.AppId,
    Status: order.Status,
    CoType: coTypeNames[order.CoTypeCode],
    CoTypeCode: order.CoTypeCode,
    CreateTime: formatCst(order.createdAt),
    FinishTime: order.finishedAt !== undefined ? formatCst(order.finishedAt) : '',
    UserId: order.userId,
    CreateUserId: order.userId,
    Source: 'console',
    BatchCount: order.pipelines.length,
    BatchType: order.batchType,
    Description: order.Description,
    GroupId: '',
  };
}

/** DescribeChangeOrder `Data`. */
export function orderView(store: SaeStore, order: ChangeOrder): Record<string, unknown> {
  const app = store.apps.get(order.AppId);
  return {
    ChangeOrderId: order.ChangeOrderId,
    AppId: order.AppId,
    AppName: order.AppName,
    Status: order.Status,
    SubStatus: order.SubStatus,
    ErrorMessage: order.ErrorMessage,
    ApprovalId: '',
    CoTypeCode: order.CoTypeCode,
    CoType: coTypeNames[order.CoTypeCode],
    Description: order.Description,
    CreateTime: formatCst(order.createdAt),
    FinishTime: order.finishedAt !== undefined ? formatCst(order.finishedAt) : '',
    SupportRollback: UNFINISHED.has(order.Status) && (app?.versionIds.length ?? 0) > 0,
    BatchCount: order.pipelines.length,
    BatchType: order.batchType,
    Auto: order.batchType === 'auto',
    BatchWaitTime: Math.round(order.batchWaitMs / 60_000),
    CurrentPipelineId: currentPipeline(order)?.PipelineId ?? '',
    Pipelines: order.pipelines.map(pipelineView),
  };
}

/** DescribePipeline `Data`: one stage with three tasks whose progress follows the batch timing. */
export function pipelineDetailView(
  store: SaeStore,
  order: ChangeOrder,
  index: number,
  now: number,
): Record<string, unknown> {
  const p = order.pipelines[index] as Pipeline;
  const next = order.pipelines[index + 1];
  const app = store.apps.get(order.AppId);
  const config = order.target.config;
  const removing = !order.target.running || order.CoTypeCode === 'CoScaleInAppWithInstances';
  const names = removing
    ? ['初始化环境', '停止实例', '释放资源']
    : ['初始化环境', isImage(config) ? '拉取镜像并创建实例' : '构建镜像并创建实例', '检查实例健康状态'];
  const messages = removing
    ? ['init Namespace success', `stop ${p.removed.length} instance(s) success`, 'release resources success']
    : [
        'init Namespace success',
        `create ${p.created.length} instance(s) success`,
        `${p.created.length} instance(s) ready, ${p.removed.length} old instance(s) released`,
      ];
  const start = p.startTime;
  const end = p.endAt ?? start ?? 0;
  const span = start !== undefined ? Math.max(1, end - start) : 1;
  const tasks = names.map((TaskName, k) => {
    let status = 0;
    if (start !== undefined) {
      const done = now >= start + Math.floor(((k + 1) * span) / names.length);
      const begun = now >= start + Math.floor((k * span) / names.length);
      if (p.Status === 2 || done) status = 2;
      else if (begun) status = 1;
      if (p.Status === 3) status = k < names.length - 1 ? 2 : 3;
      if (p.Status === 6 && status !== 2) status = 6;
    } else if (p.Status === 6) status = 6;
    const task: Record<string, unknown> = {
      TaskId: p.taskIds[k],
      StageId: p.stageId,
      TaskName,
      Status: status,
      Message: status === 2 ? messages[k] : '',
      ErrorIgnore: 0,
      ShowManualIgnore: false,
    };
    if (status === 3) {
      task.ErrorCode = p.errorCode ?? 'EDAS-10022';
      task.ErrorMessage = p.errorMessage ?? '应用启动时 READINESS 检查失败';
    }
    return task;
  });
  const stageStatus = p.Status;
  return {
    PipelineId: p.PipelineId,
    PipelineName: p.PipelineName,
    PipelineStatus: p.Status,
    CoStatus: changeOrderStatuses[order.Status].text,
    ShowBatch: order.Status === 8 && order.current === index && next !== undefined,
    NextPipelineId: next?.PipelineId ?? '',
    CurrentStageId: p.stageId,
    StageList: [
      {
        StageId: p.stageId,
        StageName: removing ? '停止应用' : app ? '部署应用' : '变更应用',
        Status: stageStatus,
        ExecutorType: 0,
        TaskList: tasks,
      },
    ],
  };
}

const CONTAINER_ORDER = [
  'Error',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'Pending',
  'Unknown',
  'Terminating',
  'NotFound',
  'PodInitializing',
  'Init:0/1',
  'Running',
];

export function compareInstances(a: SaeInstance, b: SaeInstance): number {
  return CONTAINER_ORDER.indexOf(a.status) - CONTAINER_ORDER.indexOf(b.status) || a.createdAt - b.createdAt;
}

export function instanceView(i: SaeInstance): Record<string, unknown> {
  return {
    InstanceId: i.InstanceId,
    GroupId: i.GroupId,
    VSwitchId: i.VSwitchId,
    InstanceContainerIp: i.ip,
    Eip: '',
    ImageUrl: i.ImageUrl,
    PackageVersion: i.PackageVersion,
    CreateTimeStamp: epochMs(i.createdAt),
    FinishTimeStamp: i.finishedAt !== undefined ? epochMs(i.finishedAt) : 0,
    InstanceContainerStatus: i.status,
    InstanceHealthStatus: i.health,
    InstanceContainerRestarts: i.restarts,
  };
}
