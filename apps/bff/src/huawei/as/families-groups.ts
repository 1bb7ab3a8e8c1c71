import type { AsCreateConfigBody, AsUpdateGroupBody, asRoutes } from '@console/contract';
import { HttpError, NotFoundError } from '../../http/errors';
import type { HandlersOf } from '../../http/routing';
import { UpstreamError } from '../../upstream/errors';
import { hwNum as num, hwObj as obj, type Raw, hwStr as str } from '../gateway';
import { AS_MISSING, type AsKit, enc, invalid } from './families-kit';
import { configView, groupView, instanceView } from './views';

type GroupRoutes = Pick<
  typeof asRoutes,
  | 'listAsGroups'
  | 'createAsGroup'
  | 'getAsGroup'
  | 'updateAsGroup'
  | 'setAsGroupDesired'
  | 'resumeAsGroup'
  | 'pauseAsGroup'
  | 'deleteAsGroup'
  | 'listAsConfigs'
  | 'createAsConfig'
  | 'getAsConfig'
  | 'deleteAsConfig'
  | 'batchDeleteAsConfigs'
  | 'listAsInstances'
  | 'removeAsInstance'
  | 'batchAsInstances'
>;

/** Both spellings of the desired count (seed §6.2.1): `desire_` is the live API's, `desired_` the tables'. */
const desiredFields = (n: number) => ({ desire_instance_number: n, desired_instance_number: n });

/** The console's group settings as AS fields (tables 5-2 and 5-17); only what was given. */
function groupFields(b: AsUpdateGroupBody): Raw {
  const out: Raw = {};
  if (b.name !== undefined) out.scaling_group_name = b.name;
  if (b.configId !== undefined) out.scaling_configuration_id = b.configId;
  if (b.min !== undefined) out.min_instance_number = b.min;
  if (b.max !== undefined) out.max_instance_number = b.max;
  if (b.desired !== undefined) Object.assign(out, desiredFields(b.desired));
  if (b.coolDown !== undefined) out.cool_down_time = b.coolDown;
  if (b.subnetIds !== undefined) out.networks = b.subnetIds.map((id) => ({ id }));
  if (b.securityGroupIds !== undefined) out.security_groups = b.securityGroupIds.map((id) => ({ id }));
  if (b.availableZones !== undefined) out.available_zones = b.availableZones;
  if (b.lbListenerIds !== undefined) out.lb_listener_id = b.lbListenerIds.join(',') || null;
  if (b.healthAuditMethod !== undefined) out.health_periodic_audit_method = b.healthAuditMethod;
  if (b.healthAuditTime !== undefined) out.health_periodic_audit_time = b.healthAuditTime;
  if (b.healthAuditGracePeriod !== undefined)
    out.health_periodic_audit_grace_period = b.healthAuditGracePeriod;
  if (b.terminatePolicy !== undefined) out.instance_terminate_policy = b.terminatePolicy;
  if (b.multiAzPolicy !== undefined) out.multi_az_priority_policy = b.multiAzPolicy;
  if (b.deletePublicip !== undefined) out.delete_publicip = b.deletePublicip;
  if (b.deleteVolume !== undefined) out.delete_volume = b.deleteVolume;
  if (b.description !== undefined) out.description = b.description;
  return out;
}

/** Table 5-26's instance template from the console's form. */
function instanceConfig(b: AsCreateConfigBody): Raw {
  const ic: Raw = {};
  if (b.instanceId) ic.instance_id = b.instanceId;
  if (b.flavorRef) ic.flavorRef = b.flavorRef;
  if (b.imageRef) ic.imageRef = b.imageRef;
  if (b.disks?.length) {
    ic.disk = b.disks.map((d) => ({ size: d.size, volume_type: d.volumeType, disk_type: d.diskType }));
  }
  if (b.keyName) ic.key_name = b.keyName;
  const metadata: Raw = { ...(b.metadata ?? {}) };
  if (b.adminPass) metadata.admin_pass = b.adminPass;
  if (Object.keys(metadata).length) ic.metadata = metadata;
  if (b.securityGroupIds?.length) ic.security_groups = b.securityGroupIds.map((id) => ({ id }));
  if (b.eipBandwidth !== undefined) {
    ic.public_ip = {
      eip: {
        ip_type: '5_bgp',
        bandwidth: { size: b.eipBandwidth, share_type: 'PER', charging_mode: 'traffic' },
      },
    };
  }
  if (b.userData) ic.user_data = b.userData;
  return ic;
}

/** Runs a write carrying a password: were the cloud ever to quote it back, it is blanked first. */
async function keepingSecret<T>(secret: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!secret) throw error;
    const blank = (text: string) => text.split(secret).join('******');
    if (error instanceof UpstreamError && error.body.message.includes(secret)) {
      throw new UpstreamError({ ...error.body, message: blank(error.body.message) }, error.outcomeUnknown);
    }
    if (error instanceof HttpError && error.message.includes(secret)) {
      throw new HttpError(error.status, error.code, blank(error.message));
    }
    throw error;
  }
}

/** min ≤ max and min ≤ desired ≤ max once the change is applied to the group's current bounds. */
function checkMergedBounds(current: Raw, change: { min?: number; max?: number; desired?: number }): void {
  const min = change.min ?? num(current.min_instance_number);
  const max = change.max ?? num(current.max_instance_number);
  const desired = change.desired ?? num(current.desire_instance_number ?? current.desired_instance_number);
  if (min > max) {
    throw invalid(
      change.min !== undefined ? 'min' : 'max',
      `the minimum (${min}) exceeds the maximum (${max})`,
    );
  }
  if (desired < min || desired > max) {
    throw invalid(
      change.desired !== undefined ? 'desired' : desired < min ? 'min' : 'max',
      `the desired count (${desired}) must be between the minimum (${min}) and the maximum (${max})`,
    );
  }
}

/** Handlers of scaling groups, configurations and group instances. */
export function asGroupHandlers(kit: AsKit): HandlersOf<GroupRoutes> {
  const { read, auditedWrite, paging, pageOf, all, freshGroup, audited, write } = kit;
  const group = (groupId: string) => `/scaling_group/${enc(groupId)}`;

  return {
    // ---------- scaling groups ----------
    async listAsGroups({ params, query }) {
      const body = await read(params.accountId, '/scaling_group', {
        ...paging(query),
        scaling_group_name: query.name,
        scaling_group_status: query.status,
        scaling_configuration_id: query.configId,
      });
      return pageOf(body, 'scaling_groups', groupView, query);
    },

    async createAsGroup({ params, body, session }) {
      const { name, vpcId, ...settings } = body;
      const json = { scaling_group_name: name, vpc_id: vpcId, ...groupFields(settings) };
      return audited(
        session,
        'as-group-create',
        params.accountId,
        `group/${name}`,
        () =>
          write(params.accountId, 'POST', '/scaling_group', json).then(({ body: answer, requestId }) => ({
            id: String(answer.scaling_group_id ?? ''),
            requestId,
          })),
        `min=${body.min ?? 0}; max=${body.max ?? 1}; desired=${body.desired ?? body.min ?? 0}; config=${body.configId ?? '-'}`,
      );
    },

    async getAsGroup({ params }) {
      const body = await read(params.accountId, group(params.groupId), {}, { missing: AS_MISSING.group });
      return groupView(obj(body.scaling_group));
    },

    async updateAsGroup({ params, body, session }) {
      if (body.min !== undefined || body.max !== undefined || body.desired !== undefined) {
        checkMergedBounds(await freshGroup(params.accountId, params.groupId), body);
      }
      return auditedWrite(
        session,
        'as-group-update',
        params.accountId,
        `group/${params.groupId}`,
        { method: 'PUT', path: group(params.groupId), json: groupFields(body), missing: AS_MISSING.group },
        `fields=${Object.keys(body).join(',')}`,
      );
    },

    async setAsGroupDesired({ params, body, session }) {
      const current = await freshGroup(params.accountId, params.groupId);
      checkMergedBounds(current, { desired: body.desired });
      const before = num(current.desire_instance_number ?? current.desired_instance_number);
      return auditedWrite(
        session,
        'as-group-desired',
        params.accountId,
        `group/${params.groupId}`,
        {
          method: 'PUT',
          path: group(params.groupId),
          json: desiredFields(body.desired),
          missing: AS_MISSING.group,
        },
        `desired ${before} → ${body.desired}`,
      );
    },

    async resumeAsGroup({ params, session }) {
      return auditedWrite(session, 'as-group-resume', params.accountId, `group/${params.groupId}`, {
        method: 'POST',
        path: `${group(params.groupId)}/action`,
        json: { action: 'resume' },
        missing: AS_MISSING.group,
      });
    },

    async pauseAsGroup({ params, session }) {
      return auditedWrite(session, 'as-group-pause', params.accountId, `group/${params.groupId}`, {
        method: 'POST',
        path: `${group(params.groupId)}/action`,
        json: { action: 'pause' },
        missing: AS_MISSING.group,
      });
    },

    async deleteAsGroup({ params, body, session }) {
      const current = await freshGroup(params.accountId, params.groupId);
      const name = String(current.scaling_group_name ?? '') || params.groupId;
      if (body.confirmName !== name) throw invalid('confirmName', 'type the group’s name to delete it');
      const force = body.force ?? false;
      return auditedWrite(
        session,
        'as-group-delete',
        params.accountId,
        `group/${params.groupId}`,
        {
          method: 'DELETE',
          path: group(params.groupId),
          query: { force_delete: force ? 'yes' : 'no' },
          missing: AS_MISSING.group,
        },
        `name=${name}; force_delete=${force ? 'yes' : 'no'}`,
      );
    },

    // ---------- scaling configurations ----------
    async listAsConfigs({ params, query }) {
      const body = await read(params.accountId, '/scaling_configuration', {
        ...paging(query),
        scaling_configuration_name: query.name,
        image_id: query.imageId,
      });
      return pageOf(body, 'scaling_configurations', configView, query);
    },

    async createAsConfig({ params, body, session }) {
      const json = { scaling_configuration_name: body.name, instance_config: instanceConfig(body) };
      const login = body.adminPass ? 'password' : body.keyName ? 'keypair' : 'from instance';
      return audited(
        session,
        'as-config-create',
        params.accountId,
        `config/${body.name}`,
        () =>
          keepingSecret(body.adminPass, () =>
            write(params.accountId, 'POST', '/scaling_configuration', json).then(
              ({ body: answer, requestId }) => ({
                id: String(answer.scaling_configuration_id ?? ''),
                requestId,
              }),
            ),
          ),
        body.instanceId
          ? `instance=${body.instanceId}; login=${login}`
          : `flavor=${body.flavorRef}; image=${body.imageRef}; login=${login}`,
      );
    },

    async getAsConfig({ params }) {
      const body = await read(
        params.accountId,
        `/scaling_configuration/${enc(params.configId)}`,
        {},
        { missing: AS_MISSING.config },
      );
      return configView(obj(body.scaling_configuration));
    },

    async deleteAsConfig({ params, session }) {
      return auditedWrite(session, 'as-config-delete', params.accountId, `config/${params.configId}`, {
        method: 'DELETE',
        path: `/scaling_configuration/${enc(params.configId)}`,
        missing: AS_MISSING.config,
      });
    },

    async batchDeleteAsConfigs({ params, body, session }) {
      return auditedWrite(
        session,
        'as-config-batch-delete',
        params.accountId,
        `configs/${body.configIds.length}`,
        {
          method: 'POST',
          path: '/scaling_configurations',
          json: { scaling_configuration_id: body.configIds },
        },
        `configs=${body.configIds.join(',')}`,
      );
    },

    // ---------- instances ----------
    async listAsInstances({ params, query }) {
      const body = await read(
        params.accountId,
        `/scaling_group_instance/${enc(params.groupId)}/list`,
        {
          ...paging(query),
          life_cycle_state: query.lifeCycleState,
          health_status: query.healthStatus,
          protect_from_scaling_down: query.protected,
        },
        { missing: AS_MISSING.group },
      );
      return pageOf(body, 'scaling_group_instances', instanceView, query);
    },

    async removeAsInstance({ params, query, session }) {
      // The cloud's path names the instance only: the console checks it is one of this group's.
      const members = await all(
        params.accountId,
        `/scaling_group_instance/${enc(params.groupId)}/list`,
        'scaling_group_instances',
        {
          fresh: true,
          missing: AS_MISSING.group,
        },
      );
      const member = members.find((i) => str(i.instance_id) === params.instanceId);
      if (!member)
        throw new NotFoundError(`Instance ${params.instanceId} is not in scaling group ${params.groupId}.`);
      const deleteInstance = query.deleteInstance === 'true';
      return auditedWrite(
        session,
        'as-instance-remove',
        params.accountId,
        `group/${params.groupId}/instance/${params.instanceId}`,
        {
          method: 'DELETE',
          path: `/scaling_group_instance/${enc(params.instanceId)}`,
          query: { instance_delete: deleteInstance ? 'yes' : 'no' },
          missing: AS_MISSING.instance,
        },
        `instance_delete=${deleteInstance ? 'yes' : 'no'}`,
      );
    },

    async batchAsInstances({ params, body, session }) {
      const json: Raw = { instances_id: body.instanceIds, action: body.action };
      if (body.action === 'REMOVE') json.instance_delete = body.deleteInstance ? 'yes' : 'no';
      return auditedWrite(
        session,
        'as-instance-batch',
        params.accountId,
        `group/${params.groupId}`,
        {
          method: 'POST',
          path: `/scaling_group_instance/${enc(params.groupId)}/action`,
          json,
          missing: AS_MISSING.group,
        },
        `action=${body.action}; instances=${body.instanceIds.join(',')}${
          body.action === 'REMOVE' ? `; instance_delete=${json.instance_delete}` : ''
        }`,
      );
    },
  };
}
