import { AOS_MASK, type AosLifecycleStarted, type aosRoutes } from '@console/contract';
import type { SessionRecord } from '../../auth/sessions';
import { HttpError } from '../../http/errors';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';
import { hwArr as arr, hwObj as obj } from '../gateway';
import type { TemplateRoute } from './template-families';
import {
  elementDetailView,
  elementView,
  executionDetailView,
  executionView,
  outputsView,
  stackDetailView,
  stackInputsView,
  stackView,
} from './views';

type AosHandlers = HandlersOf<typeof aosRoutes>;
export type StackRoute = Exclude<keyof AosHandlers, TemplateRoute>;

const stackPath = (id: string) => `/v2/stacks/${encodeURIComponent(id)}`;

/** Input names only: a value may be a secret, and the audit log keeps no secrets. */
const inputNames = (inputs: Record<string, unknown>) => Object.keys(inputs).join(',') || '-';

function nameMismatch(name: string): HttpError {
  return new HttpError(
    400,
    'InvalidInput',
    `body field "confirmName": type the stack's name (${name}) to confirm`,
    {
      field: 'confirmName',
    },
  );
}

/** Handlers of the stack family (堆栈管理, seed 4.8–4.18). */
export function aosStackHandlers(deps: HuaweiFamilyDeps): Pick<AosHandlers, StackRoute> {
  const { audited } = deps;
  const gw = (accountId: string) => deps.account(accountId).gateway;
  const readStack = async (accountId: string, stackId: string, fresh = false) =>
    obj(await gw(accountId).read(stackPath(stackId), {}, fresh));

  /** 执行堆栈生命周期, audited; answers the execution and the console's rollout of it. */
  const lifecycle = (
    session: SessionRecord,
    action: string,
    accountId: string,
    stackId: string,
    request: Record<string, unknown>,
    detail?: string,
  ): Promise<AosLifecycleStarted> =>
    audited(
      session,
      action,
      accountId,
      `stack/${stackId}`,
      async () => {
        const { body, requestId } = await gw(accountId).write(
          'PUT',
          `${stackPath(stackId)}/actions`,
          request,
        );
        const actionId = String(body.action_id ?? '');
        return {
          actionId,
          ...(body.last_action_id ? { lastActionId: String(body.last_action_id) } : {}),
          rolloutId: `${stackId}.${actionId}`,
          requestId,
        };
      },
      detail,
    );

  return {
    async listAosStacks({ params, query }) {
      const { gateway, projectId } = deps.account(params.accountId);
      // "在普通用户查询时必须": the tenant's project goes with every list.
      const body = await gateway.read('/v2/stacks', {
        project_id: projectId,
        status: query.status,
        name: query.name || undefined,
        template_id: query.templateId,
      });
      return arr(body).map(stackView);
    },

    async createAosStack({ params, body, session }) {
      const { gateway, projectId } = deps.account(params.accountId);
      const request = {
        name: body.name,
        project_id: projectId,
        template_id: body.templateId,
        ...(body.description !== undefined ? { description: body.description } : {}),
        inputs_json: body.inputs,
        ...(body.labels ? { labels: body.labels } : {}),
        ...(body.clusterId ? { cluster_id: body.clusterId } : {}),
        ...(body.namespace ? { namespace: body.namespace } : {}),
        action_parameters: {
          auto_create: body.autoCreate,
          failure_strategy: body.failureStrategy,
          timeout: body.timeout,
        },
      };
      return audited(
        session,
        'aos-stack-create',
        params.accountId,
        `stack/${body.name}`,
        async () => {
          const { body: answer, requestId } = await gateway.write('POST', '/v2/stacks', request);
          return {
            id: String(answer.guid ?? ''),
            name: String(answer.name ?? body.name),
            status: String(answer.status ?? ''),
            requestId,
          };
        },
        `template=${body.templateId}; autoCreate=${body.autoCreate}; inputs=${inputNames(body.inputs)}`,
      );
    },

    async getAosStack({ params }) {
      return stackDetailView(await readStack(params.accountId, params.stackId));
    },

    async deleteAosStack({ params, body, session }) {
      const stack = stackView(await readStack(params.accountId, params.stackId, true));
      if (body.confirmName !== stack.name) throw nameMismatch(stack.name);
      return audited(
        session,
        'aos-stack-delete',
        params.accountId,
        `stack/${params.stackId}`,
        () =>
          gw(params.accountId)
            // 4.9: force is allowed only once a delete was attempted; the cloud says so otherwise.
            .write('DELETE', stackPath(params.stackId), undefined, body.force ? { force: true } : undefined)
            .then(({ requestId }) => ({ requestId })),
        `name=${stack.name}; force=${body.force}`,
      );
    },

    async installAosStack({ params, body, session }) {
      return lifecycle(
        session,
        'aos-stack-install',
        params.accountId,
        params.stackId,
        { lifecycle: 'create', failure_strategy: body.failureStrategy, timeout: body.timeout },
        `failureStrategy=${body.failureStrategy}`,
      );
    },

    async upgradeAosStack({ params, body, session }) {
      // The cloud shows secret inputs as `*****`: sent back, that would become the new secret.
      const inputs = Object.fromEntries(Object.entries(body.inputs).filter(([, v]) => v !== AOS_MASK));
      return lifecycle(
        session,
        'aos-stack-upgrade',
        params.accountId,
        params.stackId,
        {
          lifecycle: 'upgrade',
          ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
          ...(body.templateId ? { template_id: body.templateId } : {}),
          timeout: body.timeout,
        },
        `${body.templateId ? `template=${body.templateId}; ` : ''}inputs=${inputNames(inputs)}`,
      );
    },

    async rollbackAosStack({ params, body, session }) {
      return lifecycle(session, 'aos-stack-rollback', params.accountId, params.stackId, {
        lifecycle: 'rollback',
        timeout: body.timeout,
      });
    },

    async retryAosStack({ params, body, session }) {
      return lifecycle(session, 'aos-stack-retry', params.accountId, params.stackId, {
        lifecycle: 'retry',
        timeout: body.timeout,
      });
    },

    async lifecycleDeleteAosStack({ params, body, session }) {
      const stack = stackView(await readStack(params.accountId, params.stackId, true));
      if (body.confirmName !== stack.name) throw nameMismatch(stack.name);
      return lifecycle(
        session,
        'aos-stack-lifecycle-delete',
        params.accountId,
        params.stackId,
        { lifecycle: 'delete', timeout: body.timeout },
        `name=${stack.name}`,
      );
    },

    async listAosStackElements({ params, query }) {
      const body = await gw(params.accountId).read(`${stackPath(params.stackId)}/elements`, {
        element_type: query.type,
      });
      return arr(body).map(elementView);
    },

    async getAosStackElement({ params }) {
      const body = await gw(params.accountId).read(
        `${stackPath(params.stackId)}/elements/${encodeURIComponent(params.elementId)}`,
      );
      return elementDetailView(obj(body));
    },

    async getAosStackOutputs({ params }) {
      return outputsView(await gw(params.accountId).read(`${stackPath(params.stackId)}/outputs`));
    },

    async getAosStackInputs({ params }) {
      return stackInputsView(await gw(params.accountId).read(`${stackPath(params.stackId)}/inputs`));
    },

    async listAosExecutions({ params, query }) {
      const body = await gw(params.accountId).read(`${stackPath(params.stackId)}/actions`, {
        last: query.last === 'true' ? true : undefined,
      });
      return arr(body).map((x) => executionView(params.stackId, x));
    },

    async getAosExecution({ params }) {
      const body = await gw(params.accountId).read(
        `${stackPath(params.stackId)}/actions/${encodeURIComponent(params.actionId)}`,
      );
      return executionDetailView(params.stackId, obj(body));
    },
  };
}
