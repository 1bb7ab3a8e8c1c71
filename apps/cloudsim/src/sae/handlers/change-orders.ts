import { coTypeCodes } from '@console/catalogue';
import { paginate, type SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { ChangeOrder } from '../model';
import { orderListItem, orderView, pipelineDetailView } from '../views';

function filterOrders(
  orders: ChangeOrder[],
  filters: { coType?: string; coStatus?: string; key?: string },
): ChangeOrder[] {
  if (filters.coType && !(coTypeCodes as readonly string[]).includes(filters.coType)) {
    throw new SaeError('InvalidParameter.Obviously', 'CoType');
  }
  return orders
    .filter((o) => !filters.coType || o.CoTypeCode === filters.coType)
    .filter((o) => !filters.coStatus || String(o.Status) === filters.coStatus.trim())
    .filter((o) => !filters.key || o.Description.includes(filters.key))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** 发布单: change orders, their batches (pipelines) and the operator actions on them. */
export const changeOrderHandlers: SaeHandlers = {
  ListChangeOrders({ params, store }) {
    const app = store.app(params.req('AppId'));
    const orders = filterOrders(store.appOrders(app.AppId), {
      coType: params.str('CoType'),
      coStatus: params.str('CoStatus'),
      key: params.str('Key'),
    });
    const page = paginate(orders, params.int('CurrentPage'), params.int('PageSize'), 20);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        ChangeOrderList: page.items.map(orderListItem),
      },
    };
  },

  ListNamespaceChangeOrders({ params, store }) {
    const ns = store.namespace(params.req('NamespaceId'));
    const orders = filterOrders(
      [...store.orders.values()].filter((o) => o.NamespaceId === ns.NamespaceId),
      { coType: params.str('CoType'), coStatus: params.str('CoStatus'), key: params.str('Key') },
    );
    const page = paginate(orders, params.int('CurrentPage'), params.int('PageSize'), 20);
    return {
      data: {
        CurrentPage: page.CurrentPage,
        PageSize: page.PageSize,
        TotalSize: page.TotalSize,
        ChangeOrderList: page.items.map((o) => {
          const { AppId: _appId, ...item } = orderListItem(o);
          return {
            ...item,
            NamespaceId: o.NamespaceId,
            Pipelines: JSON.stringify(o.pipelines.map((p) => p.PipelineId)),
          };
        }),
      },
    };
  },

  DescribeChangeOrder({ params, store }) {
    return { data: orderView(store, store.order(params.req('ChangeOrderId'))) };
  },

  DescribePipeline({ params, store, now }) {
    const pipelineId = params.req('PipelineId');
    const orderId = store.pipelineOrder.get(pipelineId);
    const order = orderId ? store.orders.get(orderId) : undefined;
    if (!order)
      throw new SaeError('InvalidParameter.WithMessage', 'PipelineId', 'the pipeline does not exist');
    const index = order.pipelines.findIndex((p) => p.PipelineId === pipelineId);
    return { data: pipelineDetailView(store, order, index, now) };
  },

  ConfirmPipelineBatch({ params, engine, now }) {
    const pipelineId = params.req('PipelineId');
    const confirm = params.bool('Confirm');
    if (confirm === undefined) throw new SaeError('InvalidParameter.NotEmpty', 'Confirm');
    engine.confirm(pipelineId, confirm, now);
    return { data: { PipelineId: pipelineId } };
  },

  AbortChangeOrder({ params, store, engine, now }) {
    const order = store.order(params.req('ChangeOrderId'));
    engine.abort(order, now);
    return { data: { ChangeOrderId: order.ChangeOrderId } };
  },

  AbortAndRollbackChangeOrder({ params, store, engine, now }) {
    const order = store.order(params.req('ChangeOrderId'));
    const rollback = engine.abortAndRollback(order, now);
    return { data: { ChangeOrderId: rollback.ChangeOrderId } };
  },
};
