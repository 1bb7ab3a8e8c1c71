import { asLimits } from '@console/catalogue';
import {
  type AsCtx,
  type AsHandlers,
  isInt,
  isStr,
  NO_CONTENT,
  newestFirst,
  ok,
  page,
  paging,
  readBody,
} from '../context';
import { type AsConfig, AsError, check, type Json, RESOURCE_NAME } from '../model';
import { configView } from '../views';

const ADMIN_PASS_CLASSES = [/[A-Z]/, /[a-z]/, /\d/, /[!@$%^\-_=+[\]{}:,./?~#*]/];

function checkName(name: unknown): asserts name is string {
  check(isStr(name) && name.length > 0, 'AS.1007');
  check(name.length <= 64, 'AS.1008');
  check(RESOURCE_NAME.test(name), 'AS.1023');
}

/** Table 5-26's rules on the instance template (flavor, image, disks, login, EIP, files). */
function checkInstanceConfig(ic: Json): void {
  if (!ic.instance_id) {
    check(isStr(ic.flavorRef) && ic.flavorRef, 'AS.1016');
    check(ic.flavorRef.split(',').length <= 10, 'AS.1087');
    check(isStr(ic.imageRef) && ic.imageRef, 'AS.1014');
    check(Array.isArray(ic.disk) && ic.disk.length > 0, 'AS.1028');
    let sys = 0;
    for (const d of ic.disk as Json[]) {
      check(d && typeof d === 'object', 'AS.1028');
      check(d.volume_type === 'SATA' || d.volume_type === 'SSD', 'AS.1033');
      check(d.disk_type === 'SYS' || d.disk_type === 'DATA', 'AS.1034');
      const [lo, hi] = d.disk_type === 'SYS' ? [1, 1024] : [10, 32768];
      check(isInt(d.size) && d.size >= lo && d.size <= hi, 'AS.1031');
      if (d.disk_type === 'SYS') sys++;
    }
    check(sys === 1, 'AS.1029');
  }
  const metadata = ic.metadata;
  check(
    metadata === undefined || metadata === null || (typeof metadata === 'object' && !Array.isArray(metadata)),
    'AS.1052',
  );
  const pass = (metadata as Json | null | undefined)?.admin_pass;
  const key = ic.key_name;
  // Keypair or password: one of them, not both (AS.1025 / AS.1026).
  check(!(key && pass), 'AS.1025');
  check(key || pass || ic.instance_id, 'AS.1026');
  if (pass !== undefined) {
    check(
      isStr(pass) &&
        pass.length >= 8 &&
        pass.length <= 26 &&
        ADMIN_PASS_CLASSES.filter((r) => r.test(pass)).length >= 3,
      'AS.1035',
    );
  }
  if (ic.personality !== undefined && ic.personality !== null) {
    const files = ic.personality;
    check(
      Array.isArray(files) &&
        files.length <= 5 &&
        files.every(
          (f) => f && isStr(f.path) && isStr(f.content) && Buffer.from(f.content, 'base64').length <= 1024,
        ),
      'AS.1027',
    );
  }
  if (ic.public_ip !== undefined && ic.public_ip !== null) {
    const eip = (ic.public_ip as Json).eip as Json | undefined;
    check(eip && typeof eip === 'object', 'AS.1041');
    check(eip.ip_type === '5_bgp', 'AS.1043');
    const bw = eip.bandwidth as Json | undefined;
    check(bw && bw.size !== undefined, 'AS.1046');
    check(isInt(bw.size) && bw.size >= 1 && bw.size <= 1000, 'AS.1042');
    check(bw.share_type === 'PER', 'AS.1045');
    check(bw.charging_mode === 'traffic', 'AS.1044');
  }
  if (ic.user_data !== undefined && ic.user_data !== null) {
    check(isStr(ic.user_data) && Buffer.from(ic.user_data, 'base64').length <= 32 * 1024, 'AS.1049');
  }
  if (ic.multi_flavor_priority_policy !== undefined && ic.multi_flavor_priority_policy !== null) {
    check(['PICK_FIRST', 'COST_FIRST'].includes(ic.multi_flavor_priority_policy as string), 'AS.1085');
  }
}

function create(ctx: AsCtx) {
  const body = readBody(ctx);
  check(ctx.p.configs.size < asLimits.configsPerTenant, 'AS.1024');
  const sourceId = body.source_scaling_configuration_id;
  let name = body.scaling_configuration_name;
  let instanceConfig: Json;
  const given = body.instance_config;
  check(
    given === undefined || given === null || (typeof given === 'object' && !Array.isArray(given)),
    'AS.1011',
  );
  if (sourceId !== undefined && sourceId !== null && !(given as Json | undefined)?.instance_id) {
    const source = isStr(sourceId) ? ctx.p.configs.get(sourceId) : undefined;
    check(source, 'AS.1004');
    // null keeps the source's value, anything else (an empty value included) overwrites it.
    instanceConfig = structuredClone(source.instanceConfig);
    for (const [k, v] of Object.entries((given as Json | undefined) ?? {})) {
      if (v === null) continue;
      if (v === '' || (Array.isArray(v) && v.length === 0)) delete instanceConfig[k];
      else instanceConfig[k] = v;
    }
    name ??= source.name;
  } else {
    check(given, 'AS.1011');
    instanceConfig = structuredClone(given as Json);
  }
  checkName(name);
  checkInstanceConfig(instanceConfig);
  const c: AsConfig = { id: ctx.engine.ids.uuid(), name, instanceConfig, createdAt: ctx.now };
  ctx.p.configs.set(c.id, c);
  return ok({ scaling_configuration_id: c.id });
}

function list(ctx: AsCtx) {
  const { start, limit } = paging(ctx.query);
  const name = ctx.query.get('scaling_configuration_name');
  const image = ctx.query.get('image_id');
  const all = newestFirst([...ctx.p.configs.values()]).filter(
    (c) => (!name || c.name.includes(name)) && (!image || c.instanceConfig.imageRef === image),
  );
  return ok({
    limit,
    total_number: all.length,
    start_number: start,
    scaling_configurations: page(all, start, limit).map((c) => configView(ctx.p, c)),
  });
}

function findConfig(ctx: AsCtx): AsConfig {
  const c = ctx.p.configs.get(ctx.params.scaling_configuration_id ?? '');
  check(c, 'AS.1004');
  return c;
}

const inUse = (ctx: AsCtx, id: string) => [...ctx.p.groups.values()].some((g) => g.configId === id);

function show(ctx: AsCtx) {
  return ok({ scaling_configuration: configView(ctx.p, findConfig(ctx)) });
}

function remove(ctx: AsCtx) {
  const c = findConfig(ctx);
  check(!inUse(ctx, c.id), 'AS.1006');
  ctx.p.configs.delete(c.id);
  return NO_CONTENT;
}

/** All or nothing: when one cannot go, none goes, and the message names each failure. */
function batchRemove(ctx: AsCtx) {
  const body = readBody(ctx);
  const ids = body.scaling_configuration_id;
  check(Array.isArray(ids) && ids.length > 0, 'AS.1040');
  check(ids.length <= asLimits.batchDeleteConfigs, 'AS.1039');
  const failures: string[] = [];
  for (const id of ids) {
    if (!isStr(id) || !ctx.p.configs.has(id))
      failures.push(`${String(id)}: The AS configuration does not exist.`);
    else if (inUse(ctx, id)) failures.push(`${id}: The AS configuration is in use.`);
  }
  if (failures.length) throw new AsError('AS.1038', `[${failures.join('; ')}]`);
  for (const id of ids) ctx.p.configs.delete(id as string);
  return NO_CONTENT;
}

export const configHandlers: AsHandlers = {
  CreateScalingConfig: create,
  ListScalingConfigs: list,
  ShowScalingConfig: show,
  DeleteScalingConfig: remove,
  BatchDeleteScalingConfigs: batchRemove,
};
