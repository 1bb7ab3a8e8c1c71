import { z } from 'zod';
import { Account, AccountParams } from './accounts';
import {
  AppEvent,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  AppParams,
  Instance,
  InstanceSpecification,
  Namespace,
  Usage,
  UsageQuery,
  Version,
} from './applications';
import { AuditPage, AuditQuery } from './audit';
import { PageQuery, type Role } from './common';
import {
  ChangeOrderRef,
  DeleteAppBody,
  DeployBody,
  EmptyBody,
  ResizeBody,
  RestartBody,
  RollbackBody,
  ScaleBody,
  StaleApplication,
} from './lifecycle';
import {
  AbortBody,
  BatchDetail,
  BatchParams,
  ConfirmBody,
  Rollout,
  RolloutActionResult,
  RolloutPage,
  RolloutParams,
  StaleRollout,
} from './rollouts';
import {
  CreateNamespaceBody,
  DeleteNamespaceBody,
  NamespaceParams,
  UpdateNamespaceBody,
  WriteResult,
} from './namespaces';
import { LoginBody, Session } from './session';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface RouteDef {
  method: HttpMethod;
  /** Express-style path under the console origin, e.g. `/api/accounts/:accountId`. */
  path: string;
  summary: string;
  /** Least role allowed; `public` needs no session. */
  role: Role | 'public';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Body of a 409: the action no longer fits the resource's state, which the body carries fresh. */
  conflict?: z.ZodType;
  /** Name of the audit action for state-changing routes. */
  audit?: string;
}

const route = <const R extends RouteDef>(r: R): R => r;

const app = '/api/accounts/:accountId/applications/:appId';
const rollout = '/api/accounts/:accountId/rollouts/:rolloutId';

export const routes = {
  getSession: route({
    method: 'get',
    path: '/api/session',
    summary: 'Current session and CSRF token',
    role: 'public',
    response: Session,
  }),
  login: route({
    method: 'post',
    path: '/api/session',
    summary: 'Sign in',
    role: 'public',
    body: LoginBody,
    response: Session,
    audit: 'login',
  }),
  logout: route({
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    role: 'viewer',
    response: Session,
    audit: 'logout',
  }),
  listAccounts: route({
    method: 'get',
    path: '/api/accounts',
    summary: 'Configured cloud accounts (never their credentials)',
    role: 'viewer',
    response: z.array(Account),
  }),
  listNamespaces: route({
    method: 'get',
    path: '/api/accounts/:accountId/namespaces',
    summary: 'Namespaces of an account',
    role: 'viewer',
    params: AccountParams,
    response: z.array(Namespace),
  }),
  createNamespace: route({
    method: 'post',
    path: '/api/accounts/:accountId/namespaces',
    summary: 'Create a namespace',
    role: 'admin',
    params: AccountParams,
    body: CreateNamespaceBody,
    response: Namespace,
    audit: 'namespace-create',
  }),
  updateNamespace: route({
    method: 'put',
    path: '/api/accounts/:accountId/namespaces/:namespaceId',
    summary: 'Rename a namespace or change its description',
    role: 'operator',
    params: NamespaceParams,
    body: UpdateNamespaceBody,
    response: Namespace,
    audit: 'namespace-update',
  }),
  deleteNamespace: route({
    method: 'delete',
    path: '/api/accounts/:accountId/namespaces/:namespaceId',
    summary: 'Delete an empty namespace (typed confirmation)',
    role: 'admin',
    params: NamespaceParams,
    body: DeleteNamespaceBody,
    response: WriteResult,
    audit: 'namespace-delete',
  }),
  listNamespaceRollouts: route({
    method: 'get',
    path: '/api/accounts/:accountId/namespaces/:namespaceId/rollouts',
    summary: 'Change orders of every application in a namespace, newest first',
    role: 'viewer',
    params: NamespaceParams,
    query: PageQuery,
    response: RolloutPage,
  }),
  listInstanceSpecifications: route({
    method: 'get',
    path: '/api/accounts/:accountId/instance-specifications',
    summary: 'CPU and memory combinations the account offers',
    role: 'viewer',
    params: AccountParams,
    response: z.array(InstanceSpecification),
  }),
  listApplications: route({
    method: 'get',
    path: '/api/accounts/:accountId/applications',
    summary: 'Applications, filtered and paged on the server',
    role: 'viewer',
    params: AccountParams,
    query: ApplicationListQuery,
    response: ApplicationPage,
  }),
  getApplication: route({
    method: 'get',
    path: app,
    summary: 'Application detail: status, configuration, groups',
    role: 'viewer',
    params: AppParams,
    response: ApplicationDetail,
  }),
  listInstances: route({
    method: 'get',
    path: `${app}/instances`,
    summary: 'Instances of an application',
    role: 'viewer',
    params: AppParams,
    response: z.array(Instance),
  }),
  listVersions: route({
    method: 'get',
    path: `${app}/versions`,
    summary: 'Deployed versions, newest first',
    role: 'viewer',
    params: AppParams,
    response: z.array(Version),
  }),
  listEvents: route({
    method: 'get',
    path: `${app}/events`,
    summary: 'Application events, newest first',
    role: 'viewer',
    params: AppParams,
    response: z.array(AppEvent),
  }),
  getUsage: route({
    method: 'get',
    path: `${app}/usage`,
    summary: 'Resource usage now, this month, and the samples the console kept',
    role: 'viewer',
    params: AppParams,
    query: UsageQuery,
    response: Usage,
  }),
  listAppRollouts: route({
    method: 'get',
    path: `${app}/rollouts`,
    summary: 'Change orders of an application, newest first',
    role: 'viewer',
    params: AppParams,
    query: PageQuery,
    response: RolloutPage,
  }),
  deployApplication: route({
    method: 'post',
    path: `${app}/deploy`,
    summary: 'Deploy a new image or package, in batches',
    role: 'operator',
    params: AppParams,
    body: DeployBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'deploy',
  }),
  startApplication: route({
    method: 'post',
    path: `${app}/start`,
    summary: 'Start a stopped application',
    role: 'operator',
    params: AppParams,
    body: EmptyBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'start',
  }),
  stopApplication: route({
    method: 'post',
    path: `${app}/stop`,
    summary: 'Stop all instances',
    role: 'operator',
    params: AppParams,
    body: EmptyBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'stop',
  }),
  restartApplication: route({
    method: 'post',
    path: `${app}/restart`,
    summary: 'Restart all instances',
    role: 'operator',
    params: AppParams,
    body: RestartBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'restart',
  }),
  scaleApplication: route({
    method: 'post',
    path: `${app}/scale`,
    summary: 'Scale out or in to a number of instances',
    role: 'operator',
    params: AppParams,
    body: ScaleBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'scale',
  }),
  resizeApplication: route({
    method: 'post',
    path: `${app}/resize`,
    summary: 'Change the CPU and memory of every instance',
    role: 'operator',
    params: AppParams,
    body: ResizeBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'resize',
  }),
  rollbackApplication: route({
    method: 'post',
    path: `${app}/rollback`,
    summary: 'Roll back to an earlier version',
    role: 'operator',
    params: AppParams,
    body: RollbackBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'rollback',
  }),
  deleteApplication: route({
    method: 'delete',
    path: app,
    summary: 'Delete the application (typed confirmation)',
    role: 'admin',
    params: AppParams,
    body: DeleteAppBody,
    response: ChangeOrderRef,
    conflict: StaleApplication,
    audit: 'delete',
  }),
  getRollout: route({
    method: 'get',
    path: rollout,
    summary: 'A change order with its batches and what may be done now',
    role: 'viewer',
    params: RolloutParams,
    response: Rollout,
  }),
  getBatch: route({
    method: 'get',
    path: `${rollout}/batches/:batchId`,
    summary: 'Stages and tasks of one batch',
    role: 'viewer',
    params: BatchParams,
    response: BatchDetail,
  }),
  confirmBatch: route({
    method: 'post',
    path: `${rollout}/confirm`,
    summary: 'Release the waiting batch (bound to the batch the operator saw; idempotent)',
    role: 'operator',
    params: RolloutParams,
    body: ConfirmBody,
    response: RolloutActionResult,
    conflict: StaleRollout,
    audit: 'confirm-batch',
  }),
  abortRollout: route({
    method: 'post',
    path: `${rollout}/abort`,
    summary: 'Stop the change order where it is, without rolling back',
    role: 'operator',
    params: RolloutParams,
    body: AbortBody,
    response: RolloutActionResult,
    conflict: StaleRollout,
    audit: 'abort',
  }),
  abortAndRollbackRollout: route({
    method: 'post',
    path: `${rollout}/abort-and-rollback`,
    summary: 'Stop the change order and return to the previous version',
    role: 'operator',
    params: RolloutParams,
    body: AbortBody,
    response: RolloutActionResult,
    conflict: StaleRollout,
    audit: 'abort-and-rollback',
  }),
  listAudit: route({
    method: 'get',
    path: '/api/audit',
    summary: 'Audit log, newest first',
    role: 'admin',
    query: AuditQuery,
    response: AuditPage,
  }),
} satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
export type RouteResponse<K extends RouteId> = z.infer<(typeof routes)[K]['response']>;
