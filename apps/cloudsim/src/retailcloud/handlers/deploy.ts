import { page, type RcParams, type RetailCloudHandlers } from '../context';
import type { OrderFilter } from '../engine';
import { gatewayErrors } from '../envelope';
import { rcError } from '../model';

/** A RepeatList of integers (`StatusList.N`, `ResultList.N`). */
function intList(params: RcParams, name: string): number[] | undefined {
  return params.list(name)?.map((value, i) => {
    const n = Number(value.trim());
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
      throw gatewayErrors.invalidParameter(`${name}.${i + 1}`);
    return n;
  });
}

const TIME_FILTERS = [
  'StartTimeGreaterThan',
  'StartTimeGreaterThanOrEqualTo',
  'StartTimeLessThan',
  'StartTimeLessThanOrEqualTo',
  'EndTimeGreaterThan',
  'EndTimeGreaterThanOrEqualTo',
  'EndTimeLessThan',
  'EndTimeLessThanOrEqualTo',
] as const;

/** 应用发布 (seed 5): deploy orders, batch confirmation and per-pod progress. */
export const deployHandlers: RetailCloudHandlers = {
  DeployApp: ({ params, store, engine, now }) => {
    const envId = params.int('EnvId', true);
    const name = params.str('Name', true);
    const totalPartitions = params.int('TotalPartitions', true);
    const packetUrl = params.str('DeployPacketUrl');
    if (packetUrl) {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(packetUrl).protocol);
      } catch {}
      if (!ok) throw rcError('invalidParameter', 'DeployPacketUrl');
    }
    const env = store.env(envId);
    const owner = store.app(env.AppId).UserRoles.find((r) => r.RoleName === 'Owner');
    const user = owner ? store.users.find((u) => u.UserId === owner.UserId) : undefined;
    const answer = engine.deploy(
      {
        envId,
        name,
        totalPartitions,
        pauseType: params.str('PauseType'),
        updateStrategyType: params.str('UpdateStrategyType'),
        description: params.str('Description'),
        packetUrl: packetUrl || undefined,
        packetId: params.int('DeployPacketId'),
        images: params.list('ContainerImageList'),
        initImages: params.list('InitContainerImageList'),
        armsFlag: params.bool('ArmsFlag'),
        userId: owner?.UserId,
        userNick: user?.RealName,
      },
      now,
    );
    return { Result: answer };
  },

  ScaleApp: ({ params, engine, now }) => {
    const answer = engine.scale(
      {
        envId: params.int('EnvId', true),
        replicas: params.int('Replicas', true),
        totalPartitions: params.int('TotalPartitions'),
      },
      now,
    );
    return { Result: answer };
  },

  DescribeDeployOrderDetail: ({ params, store, engine, now }) => ({
    Result: engine.record(store.order(params.int('DeployOrderId', true)), now),
  }),

  ResumeDeploy: ({ params, engine, now }) => {
    engine.resume(params.int('DeployOrderId', true), now);
    return {};
  },

  CloseDeployOrder: ({ params, engine, now }) => {
    engine.close(params.int('DeployOrderId', true), now);
    return {};
  },

  // The seed marks every filter required; only AppId, PageNumber and PageSize are (as in the SDK).
  ListDeployOrders: ({ params, store, engine, now }) => {
    const appId = params.int('AppId', true);
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    store.app(appId);
    const filter: OrderFilter = {
      EnvId: params.int('EnvId'),
      EnvType: params.str('EnvType') || undefined,
      DeployType: params.str('DeployType') || undefined,
      PauseType: params.str('PauseType') || undefined,
      DeployCategory: params.str('DeployCategory') || undefined,
      PartitionType: params.str('PartitionType') || undefined,
      Status: params.int('Status'),
      StatusList: intList(params, 'StatusList'),
      ResultList: intList(params, 'ResultList'),
    };
    for (const name of TIME_FILTERS) filter[name] = params.str(name);
    const result = page(engine.listOrders(appId, filter), pageNumber, pageSize, 10);
    return { ...result, Data: result.Data.map((o) => engine.record(o, now)) };
  },

  ListPods: ({ params, store, engine }) => {
    const order = store.order(params.int('DeployOrderId', true));
    const pageNumber = params.int('PageNumber', true);
    const pageSize = params.int('PageSize', true);
    const results = intList(params, 'ResultList');
    const statuses = intList(params, 'StatusList');
    const rows = engine
      .podRecords(order)
      .filter((r) => (!results || results.includes(r.Result)) && (!statuses || statuses.includes(r.Status)));
    return page(rows, pageNumber, pageSize, 10);
  },

  // DescribePodLog and DescribePodEvents name the pod AppInstId (ListPods says AppInstanceId).
  DescribePodLog: ({ params, store, engine }) => {
    const appInstId = params.str('AppInstId', true);
    const order = store.order(params.int('DeployOrderId', true));
    return { Result: engine.podLog(order, appInstId) };
  },

  DescribePodEvents: ({ params, store, engine }) => {
    const appInstId = params.str('AppInstId', true);
    const order = store.order(params.int('DeployOrderId', true));
    return { Result: engine.podEvents(order, appInstId) };
  },
};
