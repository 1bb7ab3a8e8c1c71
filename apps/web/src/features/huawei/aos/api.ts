import type {
  AosCreateStackBody,
  AosCreateTemplateBody,
  AosElement,
  AosElementDetail,
  AosExecution,
  AosExecutionDetail,
  AosInstallBody,
  AosLifecycleStarted,
  AosStack,
  AosStackCreated,
  AosStackDetail,
  AosStackInput,
  AosStackOutput,
  AosTemplate,
  AosTemplateContent,
  AosTemplateInput,
  AosTemplatePage,
  AosTemplateWritten,
  AosUpdateTemplateBody,
  AosUpgradeBody,
  WriteResult,
} from '@console/contract';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';

/** Query keys of the AOS views; a change invalidates the family it touched. */
export const aosKeys = {
  all: (accountId: string) => ['accounts', accountId, 'aos'] as const,
  templates: (accountId: string) => [...aosKeys.all(accountId), 'templates'] as const,
  templatePage: (accountId: string, page: number, pageSize: number) =>
    [...aosKeys.templates(accountId), 'page', page, pageSize] as const,
  template: (accountId: string, templateId: string) =>
    [...aosKeys.templates(accountId), 'one', templateId] as const,
  stacks: (accountId: string) => [...aosKeys.all(accountId), 'stacks'] as const,
  stackList: (accountId: string, status: string) => [...aosKeys.stacks(accountId), 'list', status] as const,
  stack: (accountId: string, stackId: string) => [...aosKeys.stacks(accountId), 'one', stackId] as const,
};

const aos = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/aos`;
const enc = encodeURIComponent;
const get =
  <T>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    api.get<T>(path, signal);

/** While an execution runs, its views refresh every two seconds (TanStack Query pauses on a hidden tab). */
const LIVE_MS = 2_000;
const IDLE_MS = 15_000;

// ---------- templates ----------

export const templatesQuery = (accountId: string, page: number, pageSize = 20) =>
  queryOptions({
    queryKey: aosKeys.templatePage(accountId, page, pageSize),
    queryFn: get<AosTemplatePage>(`${aos(accountId)}/templates${queryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
export const useTemplates = (accountId: string, page: number, pageSize = 20) =>
  useQuery(templatesQuery(accountId, page, pageSize));
/** Up to a hundred templates, for pickers. */
export const useAllTemplates = (accountId: string) => useTemplates(accountId, 1, 100);

export const templateQuery = (accountId: string, templateId: string) =>
  queryOptions({
    queryKey: aosKeys.template(accountId, templateId),
    queryFn: get<AosTemplate>(`${aos(accountId)}/templates/${enc(templateId)}`),
  });
export const useTemplate = (accountId: string, templateId: string) =>
  useQuery({ ...templateQuery(accountId, templateId), enabled: templateId !== '' });

export const templateInputsQuery = (accountId: string, templateId: string) =>
  queryOptions({
    queryKey: [...aosKeys.template(accountId, templateId), 'inputs'],
    queryFn: get<AosTemplateInput[]>(`${aos(accountId)}/templates/${enc(templateId)}/inputs`),
  });
export const useTemplateInputs = (accountId: string, templateId: string) =>
  useQuery({ ...templateInputsQuery(accountId, templateId), enabled: templateId !== '' });

export const templateContentQuery = (accountId: string, templateId: string) =>
  queryOptions({
    queryKey: [...aosKeys.template(accountId, templateId), 'content'],
    queryFn: get<AosTemplateContent>(`${aos(accountId)}/templates/${enc(templateId)}/content`),
  });
export const useTemplateContent = (accountId: string, templateId: string, enabled: boolean) =>
  useQuery({ ...templateContentQuery(accountId, templateId), enabled: enabled && templateId !== '' });

// ---------- stacks ----------

export const stacksQuery = (accountId: string, status: string) =>
  queryOptions({
    queryKey: aosKeys.stackList(accountId, status),
    queryFn: get<AosStack[]>(`${aos(accountId)}/stacks${queryString({ status })}`),
    refetchInterval: (query) =>
      query.state.data?.some((s) => s.consoleStatus === 'deploying') ? LIVE_MS : IDLE_MS,
  });
export const useStacks = (accountId: string, status = '') => useQuery(stacksQuery(accountId, status));

export const stackQuery = (accountId: string, stackId: string) =>
  queryOptions({
    queryKey: aosKeys.stack(accountId, stackId),
    queryFn: get<AosStackDetail>(`${aos(accountId)}/stacks/${enc(stackId)}`),
    // A stack that is gone (deleted) is not asked for again.
    refetchInterval: (query) =>
      query.state.status === 'error' ? false : query.state.data?.busy === false ? IDLE_MS : LIVE_MS,
  });
export const useStack = (accountId: string, stackId: string) => useQuery(stackQuery(accountId, stackId));

const stackPart = <T>(accountId: string, stackId: string, part: string, live: boolean, path = part) =>
  queryOptions({
    queryKey: [...aosKeys.stack(accountId, stackId), part],
    queryFn: get<T>(`${aos(accountId)}/stacks/${enc(stackId)}/${path}`),
    refetchInterval: live ? LIVE_MS : IDLE_MS,
  });

export const useStackElements = (accountId: string, stackId: string, live: boolean) =>
  useQuery(stackPart<AosElement[]>(accountId, stackId, 'elements', live));
export const useStackElement = (accountId: string, stackId: string, elementId: string, live: boolean) =>
  useQuery({
    ...stackPart<AosElementDetail>(
      accountId,
      stackId,
      `element:${elementId}`,
      live,
      `elements/${enc(elementId)}`,
    ),
    enabled: elementId !== '',
  });
export const useStackOutputs = (accountId: string, stackId: string, live: boolean) =>
  useQuery(stackPart<AosStackOutput[]>(accountId, stackId, 'outputs', live));
export const useStackInputs = (accountId: string, stackId: string, live: boolean) =>
  useQuery(stackPart<AosStackInput[]>(accountId, stackId, 'inputs', live));
export const useExecutions = (accountId: string, stackId: string, live: boolean) =>
  useQuery(stackPart<AosExecution[]>(accountId, stackId, 'executions', live));
export const useExecution = (accountId: string, stackId: string, actionId: string, live: boolean) =>
  useQuery({
    ...stackPart<AosExecutionDetail>(
      accountId,
      stackId,
      `execution:${actionId}`,
      live,
      `executions/${enc(actionId)}`,
    ),
    enabled: actionId !== '',
  });

// ---------- changes ----------

/** One state change of the AOS families, built so that each body stays typed. */
export type AosChange =
  | { kind: 'createTemplate'; body: AosCreateTemplateBody }
  | { kind: 'updateTemplate'; templateId: string; body: AosUpdateTemplateBody }
  | { kind: 'deleteTemplate'; templateId: string }
  | { kind: 'createStack'; body: AosCreateStackBody }
  | { kind: 'install'; stackId: string; body: AosInstallBody }
  | { kind: 'upgrade'; stackId: string; body: AosUpgradeBody }
  | { kind: 'rollback'; stackId: string }
  | { kind: 'retry'; stackId: string }
  | { kind: 'lifecycleDelete'; stackId: string; confirmName: string }
  | { kind: 'deleteStack'; stackId: string; confirmName: string; force: boolean };

export type AosChangeResult =
  | AosTemplateWritten
  | AosStackCreated
  | AosLifecycleStarted
  | (WriteResult & { actionId?: undefined });

function send(accountId: string, change: AosChange): Promise<AosChangeResult> {
  const base = aos(accountId);
  switch (change.kind) {
    case 'createTemplate':
      return api.post<AosTemplateWritten>(`${base}/templates`, change.body);
    case 'updateTemplate':
      return api.put<AosTemplateWritten>(`${base}/templates/${enc(change.templateId)}`, change.body);
    case 'deleteTemplate':
      return api.delete<WriteResult>(`${base}/templates/${enc(change.templateId)}`);
    case 'createStack':
      return api.post<AosStackCreated>(`${base}/stacks`, change.body);
    case 'install':
      return api.post<AosLifecycleStarted>(`${base}/stacks/${enc(change.stackId)}/install`, change.body);
    case 'upgrade':
      return api.post<AosLifecycleStarted>(`${base}/stacks/${enc(change.stackId)}/upgrade`, change.body);
    case 'rollback':
      return api.post<AosLifecycleStarted>(`${base}/stacks/${enc(change.stackId)}/rollback`, {});
    case 'retry':
      return api.post<AosLifecycleStarted>(`${base}/stacks/${enc(change.stackId)}/retry`, {});
    case 'lifecycleDelete':
      return api.post<AosLifecycleStarted>(`${base}/stacks/${enc(change.stackId)}/lifecycle-delete`, {
        confirmName: change.confirmName,
      });
    case 'deleteStack':
      return api.delete<WriteResult>(`${base}/stacks/${enc(change.stackId)}`, {
        confirmName: change.confirmName,
        force: change.force,
      });
  }
}

/** Sends one change; afterwards the templates and stacks are read again (a stack's use shows on its template). */
export function useAosChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    // The variables may hold a secret input: keep them no longer than the dialog that sent them.
    gcTime: 0,
    mutationFn: (change: AosChange) => send(accountId, change),
    onSettled: () => client.invalidateQueries({ queryKey: aosKeys.all(accountId) }),
  });
}
