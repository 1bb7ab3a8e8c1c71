import { isInstalled } from './engine';
import { type AosElement, type AosExecution, type AosStack, type AosTemplate, isoMicro, isoZ } from './model';
import { podIp, podSuffix } from './store';
import { includesStack, isAppType, maskedInputs, needsCluster, type TemplateDoc } from './template';

const SWR = 'https://swr-api-server.manage.svc.cluster.local:20202/swr/v2/domains';

export function templateFileUrl(
  domain: string,
  t: Pick<AosTemplate, 'name' | 'version'>,
  file: string,
): string {
  return `${SWR}/${domain}/namespaces/${domain}/repositories/stack_templates/packages/${t.name}/versions/${t.version}/file_paths/${file}`;
}

/** Tables 4-10 / 4-27. Both spellings of the cluster flag: the tables' `need_clutser`, the samples' `need_cluster`. */
export function templateView(t: AosTemplate, domain: string, isUsed: boolean): Record<string, unknown> {
  const needCluster = needsCluster(t.doc);
  return {
    id: t.id,
    name: t.name,
    version: t.version,
    vendor: t.vendor,
    description: t.description,
    project_id: t.projectId,
    template_url: templateFileUrl(domain, t, t.fileName),
    converge_url: templateFileUrl(domain, t, `${t.name}-${t.version}-converge.tar.gz`),
    origin_template_url: t.originTemplateUrl,
    create_at: isoZ(t.createdAt),
    update_at: isoZ(t.updatedAt),
    scope: t.scope,
    domain,
    main_file_name: t.mainFileName,
    need_clutser: needCluster,
    need_cluster: needCluster,
    dsl_version: t.dslVersion,
    is_used: isUsed,
    is_new_template: false,
    include_stack: includesStack(t.doc),
  };
}

function annotations(stack: AosStack): Record<string, string> {
  return {
    'cluster-id': stack.clusterId,
    namespace: stack.namespace,
    'paas-iam.alpha.kubernetes.io/domain-id': stack.domainId,
    'stack.kubernetes.io/revision': String(stack.revision),
  };
}

function executionStatus(e: AosExecution): Record<string, unknown> {
  const done = e.steps.filter((s) => s.phase === 'Succeeded').length;
  const subObjectStatuses: Record<string, unknown> = {};
  for (const s of e.steps) {
    if (s.node === '') continue;
    const status: Record<string, unknown> = { phase: s.phase, subActionName: s.subActionName };
    if (s.message) status.message = s.message;
    if (s.reason) status.reason = s.reason;
    if (s.startAt !== undefined) status.createAt = isoMicro(s.startAt);
    if (s.startAt !== undefined) status.updateAt = isoMicro(s.endAt ?? s.startAt);
    subObjectStatuses[s.node] = status;
  }
  const objectStatus: Record<string, unknown> = { phase: e.phase, updateAt: isoMicro(e.updatedAt) };
  if (e.message) objectStatus.message = e.message;
  if (e.reason) objectStatus.reason = e.reason;
  return {
    actionName: e.actionName,
    progress: e.phase === 'Succeeded' ? 100 : Math.floor((done * 100) / Math.max(1, e.steps.length)),
    objectStatus,
    subObjectStatuses,
  };
}

function labelsJson(labels: Record<string, string>): string {
  return Object.keys(labels).length === 0 ? '' : JSON.stringify(labels);
}

/**
 * The stack structure. The create answer (table 4-38) has `labels` as a string and no `health` or
 * `object`; get and list (table 4-56) have `labels` as a map and both.
 */
export function stackView(
  stack: AosStack,
  template: AosTemplate | undefined,
  full: boolean,
): Record<string, unknown> {
  const doc = template?.doc;
  const healthy = stack.status === 'Running';
  const view: Record<string, unknown> = {
    force: stack.force,
    guid: stack.guid,
    namespace: stack.namespace,
    project_id: stack.projectId,
    cluster_name: stack.clusterName,
    cluster_id: stack.clusterId,
    domain_id: stack.domainId,
    name: stack.name,
    description: stack.description,
    status: stack.status,
    template_id: stack.templateId,
    previous_template_id: stack.previousTemplateId,
    template_name: template?.name ?? '',
    healthy,
    healthy_message: stack.healthMessage,
    inputs_json: JSON.stringify(maskedInputs(doc, stack.inputs)),
    previous_inputs_json: stack.previousInputs ? JSON.stringify(maskedInputs(doc, stack.previousInputs)) : '',
    create_at: isoZ(stack.createdAt),
    update_at: isoZ(stack.updatedAt),
    labels: full ? { ...stack.labels } : labelsJson(stack.labels),
    template_version: template?.version ?? '',
    dsl_version: doc?.dslVersion ?? '',
  };
  if (!full) return view;
  view.health = { healthy, message: stack.healthMessage };
  const last = stack.executions.at(-1);
  const elementStatuses: Record<string, unknown> = {};
  const healthElements: Record<string, unknown> = {};
  for (const el of stack.elements.values()) {
    if (!el.exists) continue;
    elementStatuses[el.id] = {
      runtimeProperties: Object.fromEntries(
        Object.entries(el.runtimeProperties).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ),
    };
    healthElements[el.id] = {
      message: '',
      status: healthy ? 'Running' : stack.status,
      runtimes: { fatigue: 0, instanceCount: el.instances, timestamp: isoZ(stack.updatedAt) },
    };
  }
  const status: Record<string, unknown> = { phase: stack.phase, elementStatuses };
  if (isInstalled(stack))
    status.healthyStatus = {
      elements: healthElements,
      elementsReference: {
        APIVersion: 'paas/v1alpha1',
        FieldPath: '',
        Kind: 'Stack',
        Name: stack.name,
        Namespace: stack.projectId,
        ResourceVersion: String(stack.resourceVersion),
        UID: stack.guid,
      },
      healthyCheckTimestamp: isoZ(stack.updatedAt),
      status: healthy ? 'Running' : stack.status,
    };
  if (last) status.lastExecutionStatus = executionStatus(last);
  view.object = {
    kind: 'Stack',
    apiVersion: 'paas/v1alpha1',
    metadata: {
      name: stack.name,
      namespace: stack.projectId,
      selfLink: `/apis/paas/v1alpha1/namespaces/${stack.projectId}/stacks/${stack.name}`,
      uid: stack.guid,
      resourceVersion: String(stack.resourceVersion),
      creationTimestamp: isoZ(stack.createdAt),
      labels: { stackname: stack.name },
      annotations: annotations(stack),
    },
    spec: {
      selector: { matchLabels: { stackname: stack.name } },
      template: { type: 'Aos', data: '*****', reference: { templateId: stack.templateId } },
    },
    status,
  };
  return view;
}

function typeHierarchy(type: string): string[] {
  return ['Cloud.Node.Root', type];
}

function relationshipHierarchy(type: string): string[] {
  const out = ['Cloud.Relationships.Root', 'Cloud.Relationships.DependsOn'];
  if (!out.includes(type)) out.push(type);
  return out;
}

/** Tables 4-77 / 4-83. */
export function elementView(stack: AosStack, el: AosElement): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: el.id,
    description: el.description,
    stack_id: stack.guid,
    relationships: el.relationships.map((r) => ({
      name: r.name,
      type: r.type,
      type_hierarchy: relationshipHierarchy(r.type),
      properties: {},
      target_id: r.target_id,
    })),
    type_hierarchy: typeHierarchy(el.type),
    properties: el.properties,
    type: el.type,
    runtime_properties: el.runtimeProperties,
    create_at: isoZ(el.createdAt),
    update_at: isoZ(el.updatedAt),
  };
  view.action_status = el.action
    ? {
        subActionName: el.action.subActionName,
        phase: el.action.phase,
        updateAt: isoMicro(el.action.updateAt),
        createAt: isoMicro(el.action.createAt),
      }
    : {
        subActionName: '',
        phase: 'Pending',
        updateAt: isoMicro(el.updatedAt),
        createAt: isoMicro(el.createdAt),
      };
  return view;
}

/** The pods of an application element (Array<Map<String,Map<String,String>>>); none for cloud services. */
export function instanceItems(stack: AosStack, el: AosElement): Record<string, Record<string, string>>[] {
  if (!el.exists || !isAppType(el.type)) return [];
  return Array.from({ length: el.instances }, (_, i) => {
    const key = `${stack.guid}/${el.id}/${i}`;
    return {
      metadata: { name: `${el.id}-${podSuffix(`${key}/rs`)}-${podSuffix(key)}`, namespace: stack.namespace },
      status: { phase: 'Running', podIP: podIp(key), hostIP: `192.168.0.${10 + (i % 200)}` },
    };
  });
}

/** The stack's outputs; `get_attribute: [app, ips]` is the list of the application's pod IPs. */
export function outputsView(stack: AosStack, doc: TemplateDoc | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const evaluate = (value: unknown): unknown => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if ('get_input' in v) return String(stack.inputs[String(v.get_input)] ?? '');
      if ('get_attribute' in v && Array.isArray(v.get_attribute)) {
        const [node, attr] = v.get_attribute.map(String);
        const el = stack.elements.get(node as string);
        if (!el?.exists) return attr === 'ips' ? [] : '';
        if (attr === 'ips') return instanceItems(stack, el).map((i) => i.status?.podIP as string);
        const found = el.runtimeProperties[attr as string] ?? el.properties[attr as string];
        return found === undefined ? '' : typeof found === 'string' ? found : JSON.stringify(found);
      }
      if ('get_reference' in v)
        return stack.elements.get(String(v.get_reference))?.runtimeProperties.refID ?? '';
      return JSON.stringify(value);
    }
    return value === null || value === undefined ? '' : String(value);
  };
  for (const [name, spec] of Object.entries(doc?.outputs ?? {}))
    out[name] = { value: evaluate(spec.value), description: spec.description };
  return out;
}

/** Tables 4-97 … 4-104. */
export function executionView(
  stack: AosStack,
  e: AosExecution,
  templateName: string,
  templateVersion: string,
) {
  const labels = { 'execution-hash': e.hash, stackname: stack.name };
  return {
    kind: 'Execution',
    apiVersion: 'paas/v1alpha1',
    metadata: {
      name: e.name,
      namespace: stack.projectId,
      selfLink: `/apis/paas/v1alpha1/namespaces/${stack.projectId}/executions/${e.name}`,
      uid: e.uid,
      resourceVersion: String(e.resourceVersion),
      creationTimestamp: isoZ(e.createdAt),
      labels,
      annotations: {
        ...annotations(stack),
        'stack.kubernetes.io/revision': String(e.revision),
        'aos.security.io/account': '*****',
        'aosmeta.cluster.id': stack.clusterId,
        'aosmeta.cluster.name': stack.clusterName,
        'aosmeta.description': stack.description,
        'aosmeta.domain.id': stack.domainId,
        'aosmeta.force': String(stack.force),
        'aosmeta.labels': labelsJson(stack.labels),
        'aosmeta.namespace': stack.namespace,
        'aosmeta.project.id': stack.projectId,
        'aosmeta.template.id': e.plan.templateId,
        'aosmeta.template.name': templateName,
        'aosmeta.template.version': templateVersion,
      },
    },
    spec: {
      actionName: e.actionName,
      timeoutInMinutes: e.timeoutInMinutes,
      onFailureStrategy: e.onFailureStrategy,
      disableStrategy: 'Cancel',
      source: e.source,
      objectData: '*****',
      changedObjectData: e.changedObjectData,
      location: '172.16.6.229',
      subObjectNames: e.subObjectNames,
      metadata: { creationTimestamp: null, labels, namespace: stack.projectId },
      objectReference: { kind: 'Stack', namespace: stack.projectId, name: stack.name, uid: stack.guid },
    },
    status: executionStatus(e),
  };
}
