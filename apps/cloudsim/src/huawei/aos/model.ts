import {
  type AosApiName,
  type AosErrorKey,
  type AosLifecycle,
  type AosStackPhase,
  type AosStackStatus,
  aosErrors,
  aosLegacyErrors,
} from '@console/catalogue';
import { reported } from '../../reported-time';
import type { HuaweiResponse } from '../types';
import type { InputSpec, TemplateDoc } from './template';

/** A failed call: the seed's canonical body `{code, message, extend, showdetail}` and its HTTP status. */
export class AosError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extend: string,
    /** The table-4-5 shape (`{message, code, extend}`, 8-digit code), only where the seed's sample uses it. */
    readonly legacy = false,
  ) {
    super(message);
  }

  response(api: AosApiName): HuaweiResponse {
    const body = this.legacy
      ? { message: this.message, code: this.code, extend: this.extend }
      : // The seed's only sample carries a detail in `extend` with `showdetail: false`; so do we.
        { code: this.code, message: this.message, extend: this.extend, showdetail: false };
    return { status: this.status, body, api, code: this.code };
  }
}

/** An error of appendix 5.2; `extend` says what exactly was wrong. */
export function aosError(key: AosErrorKey, extend = ''): AosError {
  const spec = aosErrors[key];
  return new AosError(spec.status, spec.code, spec.message, extend);
}

/** The create-template sample's own error (table 4-5 shape). */
export function nameEmptyError(): AosError {
  const spec = aosLegacyErrors.nameEmpty;
  return new AosError(spec.status, spec.code, spec.message, '', true);
}

/** `2018-12-16T01:15:39Z` (templates, stacks, elements' create_at): simulated ms, in reported time. */
export function isoZ(ms: number): string {
  return `${new Date(reported(ms)).toISOString().slice(0, 19)}Z`;
}

/** `2020-07-09T08:10:26.830795Z` (executions, element action_status): microseconds, as the samples. */
export function isoMicro(ms: number): string {
  return `${new Date(reported(ms)).toISOString().slice(0, 23)}000Z`;
}

export interface AosTemplate {
  id: string;
  name: string;
  version: string;
  vendor: string;
  description: string;
  projectId: string;
  originTemplateUrl: string;
  scope: 'domain';
  mainFileName: string;
  dslVersion: string;
  createdAt: number;
  updatedAt: number;
  /** The file as uploaded (archive or yaml/json), returned by the download API. */
  file: Buffer;
  fileName: string;
  doc: TemplateDoc;
}

export type StepPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface ExecutionStep {
  node: string;
  subActionName: string;
  phase: StepPhase;
  message: string;
  reason: string;
  startAt?: number;
  endAt?: number;
}

/** What a finished execution does to the stack (set when it starts, applied when it ends). */
export interface ExecutionPlan {
  /** The lifecycle the steps carry out (`retry` re-runs the one it retries). */
  lifecycle: Exclude<AosLifecycle, 'retry'>;
  /** The stack's template and inputs once the execution succeeds. */
  templateId: string;
  inputs: Record<string, unknown>;
  /** Index of the step that fails, when one does. */
  failAt?: number;
  /** Scale: node → instance count. */
  instances?: Record<string, number>;
}

export interface AosExecution {
  name: string;
  hash: string;
  uid: string;
  /** `create` … `retry`, or `scale` (an upgrade that only sets `nodes[].parameters.instances`). */
  actionName: string;
  source: 'System' | 'User';
  timeoutInMinutes: number;
  onFailureStrategy: 'DoNothing' | 'Rollback';
  subObjectNames: string;
  changedObjectData: string;
  revision: number;
  resourceVersion: number;
  createdAt: number;
  steps: ExecutionStep[];
  plan: ExecutionPlan;
  phase: 'Running' | 'Succeeded' | 'Failed';
  message: string;
  reason: string;
  updatedAt: number;
  /** Milliseconds each step takes. */
  stepMs: number[];
}

export interface AosElement {
  id: string;
  type: string;
  description: string;
  /** Template properties with `get_input` resolved (`get_attribute` / `get_reference` kept). */
  properties: Record<string, unknown>;
  runtimeProperties: Record<string, unknown>;
  relationships: { name: string; type: string; target_id: string }[];
  createdAt: number;
  updatedAt: number;
  /** Whether the cloud resource exists (created and not deleted). */
  exists: boolean;
  action?: { subActionName: string; phase: StepPhase; createAt: number; updateAt: number };
  /** Application instances (pods), for Cloud.AOS / CCE application nodes. */
  instances: number;
}

export interface AosStack {
  guid: string;
  name: string;
  description: string;
  projectId: string;
  domainId: string;
  templateId: string;
  inputs: Record<string, unknown>;
  previousTemplateId: string;
  previousInputs?: Record<string, unknown>;
  status: AosStackStatus;
  phase: AosStackPhase;
  createdAt: number;
  updatedAt: number;
  force: boolean;
  labels: Record<string, string>;
  clusterId: string;
  clusterName: string;
  namespace: string;
  elements: Map<string, AosElement>;
  executions: AosExecution[];
  revision: number;
  resourceVersion: number;
  /** A delete was attempted (so `force=true` is allowed). */
  deleteAttempted: boolean;
  healthMessage: string;
}

export type { InputSpec };
