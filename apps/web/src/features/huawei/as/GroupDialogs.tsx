import type { AsCreateGroupBody, AsGroup, AsUpdateGroupBody } from '@console/contract';
import { useState } from 'react';
import { Field, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { useI18n } from '../../../i18n/i18n';
import { useAsChange, useConfigs } from './api';
import { intOrUndefined, listOf, selectClass, TypedConfirmDialog } from './shared';

const HEALTH_METHODS = ['NOVA_AUDIT', 'ELB_AUDIT'] as const;
const HEALTH_TIMES = [0, 1, 5, 15, 60, 180] as const;
const TERMINATE = [
  'OLD_CONFIG_OLD_INSTANCE',
  'OLD_CONFIG_NEW_INSTANCE',
  'OLD_INSTANCE',
  'NEW_INSTANCE',
] as const;
const MULTI_AZ = ['EQUILIBRIUM_DISTRIBUTE', 'PICK_FIRST'] as const;
const NAME = /^[\p{Script=Han}A-Za-z0-9_-]{1,64}$/u;

/**
 * Create a group (CreateScalingGroup) or edit one (UpdateScalingGroup: only the fields changed are sent).
 * Subnets, security group and listeners change only on an empty, disabled group, as the cloud says.
 */
export function GroupDialog({
  accountId,
  group,
  onClose,
  onSaved,
}: {
  accountId: string;
  group?: AsGroup;
  onClose: () => void;
  onSaved: (groupId: string) => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const configs = useConfigs(accountId, 1, '', 100);
  const editing = group !== undefined;
  const [name, setName] = useState(group?.name ?? '');
  const [configId, setConfigId] = useState(group?.configId ?? '');
  const [vpcId, setVpcId] = useState(group?.vpcId ?? '');
  const [subnets, setSubnets] = useState(group?.subnetIds.join(', ') ?? '');
  const [securityGroup, setSecurityGroup] = useState(group?.securityGroupIds[0] ?? '');
  const [zones, setZones] = useState(group?.availableZones.join(', ') ?? '');
  const [listeners, setListeners] = useState(group?.lbListenerIds.join(', ') ?? '');
  const [min, setMin] = useState(String(group?.min ?? 0));
  const [max, setMax] = useState(String(group?.max ?? 1));
  const [desired, setDesired] = useState(group ? String(group.desired) : '');
  const [coolDown, setCoolDown] = useState(String(group?.coolDown ?? 300));
  const [healthMethod, setHealthMethod] = useState(group?.healthAuditMethod ?? 'NOVA_AUDIT');
  const [healthTime, setHealthTime] = useState(String(group?.healthAuditTime ?? 5));
  const [grace, setGrace] = useState(String(group?.healthAuditGracePeriod ?? 600));
  const [terminate, setTerminate] = useState(group?.terminatePolicy ?? 'OLD_CONFIG_OLD_INSTANCE');
  const [multiAz, setMultiAz] = useState(group?.multiAzPolicy ?? 'EQUILIBRIUM_DISTRIBUTE');
  const [deletePublicip, setDeletePublicip] = useState(group?.deletePublicip ?? false);
  const [deleteVolume, setDeleteVolume] = useState(group?.deleteVolume ?? false);
  const [description, setDescription] = useState(group?.description ?? '');

  const minN = intOrUndefined(min);
  const maxN = intOrUndefined(max);
  const desiredN = desired.trim() === '' ? undefined : intOrUndefined(desired);
  const coolN = intOrUndefined(coolDown);
  const graceN = intOrUndefined(grace);
  const subnetIds = listOf(subnets);
  const problem = !NAME.test(name.trim())
    ? t('as.nameRule')
    : !editing && vpcId.trim() === ''
      ? t('as.vpcRequired')
      : subnetIds.length === 0 || subnetIds.length > 5
        ? t('as.subnetRule')
        : minN === undefined || maxN === undefined || maxN > 300
          ? t('as.boundsRule')
          : minN > maxN
            ? t('as.minAboveMax')
            : desired.trim() !== '' && (desiredN === undefined || desiredN < minN || desiredN > maxN)
              ? t('as.desiredOutside', { min: minN, max: maxN })
              : coolN === undefined || coolN > 86400
                ? t('as.coolDownRule')
                : graceN === undefined || graceN > 86400
                  ? t('as.graceRule')
                  : listOf(listeners).length > 6
                    ? t('as.listenerRule')
                    : description.length > 256
                      ? t('as.descriptionRule')
                      : undefined;

  const submit = () => {
    const settings: AsUpdateGroupBody = {
      name: name.trim(),
      ...(configId ? { configId } : {}),
      min: minN,
      max: maxN,
      ...(desiredN !== undefined ? { desired: desiredN } : {}),
      coolDown: coolN,
      subnetIds,
      securityGroupIds: securityGroup.trim() ? [securityGroup.trim()] : [],
      availableZones: listOf(zones),
      lbListenerIds: listOf(listeners),
      healthAuditMethod: healthMethod as AsUpdateGroupBody['healthAuditMethod'],
      healthAuditTime: Number(healthTime),
      healthAuditGracePeriod: graceN,
      terminatePolicy: terminate as AsUpdateGroupBody['terminatePolicy'],
      multiAzPolicy: multiAz as AsUpdateGroupBody['multiAzPolicy'],
      deletePublicip,
      deleteVolume,
      description,
    };
    if (!group) {
      const body = { ...settings, name: name.trim(), vpcId: vpcId.trim(), subnetIds } as AsCreateGroupBody;
      if (body.securityGroupIds?.length === 0) delete body.securityGroupIds;
      if (body.availableZones?.length === 0) delete body.availableZones;
      if (body.lbListenerIds?.length === 0) delete body.lbListenerIds;
      if (!body.description) delete body.description;
      change.mutate({ kind: 'createGroup', body }, { onSuccess: (answer) => onSaved(answer.id ?? '') });
      return;
    }
    // Only what changed: structural fields the cloud refuses to change on a running group stay out.
    const before: Record<string, unknown> = {
      name: group.name,
      configId: group.configId,
      min: group.min,
      max: group.max,
      desired: group.desired,
      coolDown: group.coolDown,
      subnetIds: group.subnetIds,
      securityGroupIds: group.securityGroupIds,
      availableZones: group.availableZones,
      lbListenerIds: group.lbListenerIds,
      healthAuditMethod: group.healthAuditMethod,
      healthAuditTime: group.healthAuditTime,
      healthAuditGracePeriod: group.healthAuditGracePeriod,
      terminatePolicy: group.terminatePolicy,
      multiAzPolicy: group.multiAzPolicy,
      deletePublicip: group.deletePublicip,
      deleteVolume: group.deleteVolume,
      description: group.description ?? '',
    };
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(settings)) {
      if (JSON.stringify(v) !== JSON.stringify(before[k])) body[k] = v;
    }
    change.mutate(
      { kind: 'updateGroup', groupId: group.id, body: body as AsUpdateGroupBody },
      { onSuccess: () => onSaved(group.id) },
    );
  };

  return (
    <FormDialog
      title={editing ? t('as.editGroupTitle', { name: group.name }) : t('as.createGroupTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={editing ? t('as.save') : t('as.createGroup')}
      submitTestId="as-group-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="as-group-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('as.name')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="as-group-name"
        />
        <SelectField
          label={t('as.config')}
          className={selectClass}
          value={configId}
          onChange={setConfigId}
          hint={t('as.configHint')}
          testId="as-group-config"
        >
          <option value="">{t('as.noConfig')}</option>
          {configs.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('as.vpc')}
          value={vpcId}
          disabled={editing}
          hint={editing ? t('as.vpcFixed') : undefined}
          onChange={setVpcId}
          testId="as-group-vpc"
        />
        <TextField
          label={t('as.subnets')}
          value={subnets}
          hint={t('as.subnetsHint')}
          onChange={setSubnets}
          testId="as-group-subnets"
        />
        <TextField
          label={t('as.securityGroup')}
          value={securityGroup}
          hint={t('as.securityGroupHint')}
          onChange={setSecurityGroup}
          testId="as-group-sg"
        />
        <TextField
          label={t('as.zones')}
          value={zones}
          hint={t('as.zonesHint')}
          onChange={setZones}
          testId="as-group-zones"
        />
        <TextField
          label={t('as.listeners')}
          value={listeners}
          hint={t('as.listenersHint')}
          onChange={setListeners}
          testId="as-group-listeners"
        />
        <div className="grid grid-cols-3 gap-2">
          <TextField
            label={t('as.min')}
            value={min}
            inputMode="numeric"
            onChange={setMin}
            testId="as-group-min"
          />
          <TextField
            label={t('as.max')}
            value={max}
            inputMode="numeric"
            onChange={setMax}
            testId="as-group-max"
          />
          <TextField
            label={t('as.desired')}
            value={desired}
            inputMode="numeric"
            placeholder={min}
            onChange={setDesired}
            testId="as-group-desired"
          />
        </div>
        <TextField
          label={t('as.coolDown')}
          value={coolDown}
          inputMode="numeric"
          hint={t('as.coolDownHint')}
          onChange={setCoolDown}
          testId="as-group-cooldown"
        />
        <SelectField
          label={t('as.healthMethod')}
          className={selectClass}
          value={healthMethod}
          onChange={setHealthMethod}
          testId="as-group-health-method"
        >
          {HEALTH_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('as.healthTime')}
          className={selectClass}
          value={healthTime}
          onChange={setHealthTime}
          testId="as-group-health-time"
        >
          {HEALTH_TIMES.map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? t('as.every10s') : t('as.minutes', { n: m })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('as.grace')}
          value={grace}
          inputMode="numeric"
          hint={t('as.graceHint')}
          onChange={setGrace}
          testId="as-group-grace"
        />
        <SelectField
          label={t('as.terminatePolicy')}
          className={selectClass}
          value={terminate}
          onChange={setTerminate}
          testId="as-group-terminate"
        >
          {TERMINATE.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('as.multiAz')}
          className={selectClass}
          value={multiAz}
          onChange={setMultiAz}
          testId="as-group-multiaz"
        >
          {MULTI_AZ.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <Field label={t('as.onRemoval')}>
          <span className="flex flex-col gap-1 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={deletePublicip}
                onChange={(e) => setDeletePublicip(e.target.checked)}
              />
              {t('as.deletePublicip')}
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={deleteVolume}
                onChange={(e) => setDeleteVolume(e.target.checked)}
              />
              {t('as.deleteVolume')}
            </label>
          </span>
        </Field>
        <TextField
          label={t('as.description')}
          value={description}
          maxLength={256}
          onChange={setDescription}
          testId="as-group-description"
        />
      </div>
    </FormDialog>
  );
}

/** The desired count, within the group's bounds; AS starts the activity itself. */
export function DesiredDialog({
  accountId,
  group,
  onClose,
}: {
  accountId: string;
  group: AsGroup;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [value, setValue] = useState(String(group.desired));
  const n = intOrUndefined(value);
  const problem =
    n === undefined || n < group.min || n > group.max
      ? t('as.desiredOutside', { min: group.min, max: group.max })
      : n === group.desired
        ? t('as.desiredSame')
        : undefined;
  return (
    <FormDialog
      title={t('as.setDesiredTitle', { name: group.name })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('as.setDesired')}
      submitTestId="as-desired-submit"
      onSubmit={() =>
        change.mutate({ kind: 'desired', groupId: group.id, desired: n ?? 0 }, { onSuccess: onClose })
      }
      onClose={onClose}
      testId="as-desired-dialog"
    >
      <p>{t('as.setDesiredBody', { current: group.current, min: group.min, max: group.max })}</p>
      <TextField
        label={t('as.desired')}
        value={value}
        inputMode="numeric"
        onChange={setValue}
        testId="as-desired-input"
      />
    </FormDialog>
  );
}

/** DeleteScalingGroup with the name typed; forcing also removes (and, for the group's own, deletes) instances. */
export function DeleteGroupDialog({
  accountId,
  group,
  onClose,
  onDeleted,
}: {
  accountId: string;
  group: AsGroup;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [force, setForce] = useState(group.current > 0);
  return (
    <TypedConfirmDialog
      title={t('as.deleteGroupTitle', { name: group.name })}
      name={group.name}
      confirmLabel={t('as.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { kind: 'deleteGroup', groupId: group.id, confirmName: group.name, force },
          { onSuccess: onDeleted },
        )
      }
      testId="as-delete-group"
    >
      <p>{t('as.deleteGroupBody', { count: group.current })}</p>
      <label className="mt-2 flex items-center gap-2">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="as-delete-group-force"
        />
        {t('as.forceDelete')}
      </label>
    </TypedConfirmDialog>
  );
}
