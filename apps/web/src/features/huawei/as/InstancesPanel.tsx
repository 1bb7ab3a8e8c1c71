import type { AsGroup, AsInstance } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { Field, inputClass } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { nativeLabel } from '../../../i18n/native-labels';
import { formatTime } from '../../../lib/format';
import { useAsChange, useInstances } from './api';
import { filterClass, listOf, NativeStatus, type UrlState, useBlocked } from './shared';

const STATES = ['INSERVICE', 'PENDING', 'PENDING_WAIT', 'REMOVING', 'REMOVING_WAIT'] as const;
const HEALTH = ['INITIALIZING', 'NORMAL', 'ERROR'] as const;
/** BatchOperateScalingInstances takes at most 10 instances a call (AS.4043). */
const BATCH_MAX = 10;

function AddInstancesDialog({
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
  const [text, setText] = useState('');
  const ids = listOf(text);
  const problem =
    ids.length === 0
      ? t('as.addIdsRequired')
      : ids.length > BATCH_MAX
        ? t('as.batchMax', { n: BATCH_MAX })
        : new Set(ids).size !== ids.length
          ? t('as.idTwice')
          : group.current + ids.length > group.max
            ? t('as.addAboveMax', { max: group.max })
            : undefined;
  return (
    <FormDialog
      title={t('as.addInstancesTitle', { name: group.name })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('as.addInstances')}
      submitTestId="as-add-instances-submit"
      onSubmit={() =>
        change.mutate(
          { kind: 'batch', groupId: group.id, body: { action: 'ADD', instanceIds: ids } },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
      testId="as-add-instances-dialog"
    >
      <p>{t('as.addInstancesBody')}</p>
      <Field label={t('as.instanceIds')} hint={t('as.instanceIdsHint')}>
        <textarea
          className={inputClass}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="as-add-instances-ids"
        />
      </Field>
    </FormDialog>
  );
}

type Pending =
  | { kind: 'remove'; instances: AsInstance[] }
  | { kind: 'protect' | 'unprotect'; instances: AsInstance[] }
  | { kind: 'add' };

/** Instances of the group with state, health and protection; one or a batch of them acted on. */
export function InstancesPanel({
  accountId,
  group,
  live,
  params,
  set,
}: { accountId: string; group: AsGroup; live: boolean } & UrlState) {
  const { t } = useI18n();
  const page = Math.max(1, Number(params.get('ipage')) || 1);
  const filter = {
    lifeCycleState: params.get('istate') ?? '',
    healthStatus: params.get('ihealth') ?? '',
    protected: params.get('iprot') ?? '',
  };
  const instances = useInstances(accountId, group.id, page, filter, live);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [deleteEcs, setDeleteEcs] = useState(false);
  const rows = instances.data?.items ?? [];
  const picked = rows.filter((i) => selected.includes(i.id));
  const batchReason =
    blocked ??
    (picked.length === 0
      ? t('as.selectFirst')
      : picked.length > BATCH_MAX
        ? t('as.batchMax', { n: BATCH_MAX })
        : picked.some((i) => i.lifeCycleState !== 'INSERVICE')
          ? t('as.onlyInService')
          : undefined);
  const removeReason =
    batchReason ??
    (group.isScaling
      ? t('as.groupScaling')
      : group.current - picked.length < group.min
        ? t('as.belowMin', { min: group.min })
        : undefined);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const open = (p: Pending) => {
    change.reset();
    setDeleteEcs(false);
    setPending(p);
  };
  const close = () => setPending(null);
  const done = () => {
    setSelected([]);
    close();
  };
  const run = () => {
    if (!pending || pending.kind === 'add') return;
    const instanceIds = pending.instances.map((i) => i.id);
    if (pending.kind === 'remove' && instanceIds.length === 1 && pending.instances[0]) {
      change.mutate(
        {
          kind: 'removeInstance',
          groupId: group.id,
          instanceId: instanceIds[0] as string,
          deleteInstance: deleteEcs,
        },
        { onSuccess: done },
      );
      return;
    }
    const action =
      pending.kind === 'remove' ? 'REMOVE' : pending.kind === 'protect' ? 'PROTECT' : 'UNPROTECT';
    change.mutate(
      {
        kind: 'batch',
        groupId: group.id,
        body: { action, instanceIds, ...(action === 'REMOVE' ? { deleteInstance: deleteEcs } : {}) },
      },
      { onSuccess: done },
    );
  };
  const canDeleteEcs = pending?.kind === 'remove' && pending.instances.every((i) => !i.manual);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <select
          className={filterClass}
          value={filter.lifeCycleState}
          aria-label={t('as.lifeCycleState')}
          onChange={(e) => set({ istate: e.target.value, ipage: undefined })}
          data-testid="as-instance-state-filter"
        >
          <option value="">{t('as.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s} title={s}>
              {nativeLabel(t, ['status'], s)}
            </option>
          ))}
        </select>
        <select
          className={filterClass}
          value={filter.healthStatus}
          aria-label={t('as.health')}
          onChange={(e) => set({ ihealth: e.target.value, ipage: undefined })}
          data-testid="as-instance-health-filter"
        >
          <option value="">{t('as.allHealth')}</option>
          {HEALTH.map((s) => (
            <option key={s} value={s} title={s}>
              {nativeLabel(t, ['status'], s)}
            </option>
          ))}
        </select>
        <select
          className={filterClass}
          value={filter.protected}
          aria-label={t('as.protection')}
          onChange={(e) => set({ iprot: e.target.value, ipage: undefined })}
          data-testid="as-instance-protect-filter"
        >
          <option value="">{t('as.anyProtection')}</option>
          <option value="true">{t('as.protectedOnly')}</option>
          <option value="false">{t('as.unprotectedOnly')}</option>
        </select>
        <span className="ml-auto flex flex-wrap gap-2">
          <Button
            disabledReason={batchReason}
            onClick={() => open({ kind: 'protect', instances: picked })}
            data-testid="as-instances-protect"
          >
            {t('as.protect')}
          </Button>
          <Button
            disabledReason={batchReason}
            onClick={() => open({ kind: 'unprotect', instances: picked })}
            data-testid="as-instances-unprotect"
          >
            {t('as.unprotect')}
          </Button>
          <Button
            variant="danger"
            disabledReason={removeReason}
            onClick={() => open({ kind: 'remove', instances: picked })}
            data-testid="as-instances-remove"
          >
            {t('as.removeSelected')}
          </Button>
          <Button
            variant="primary"
            disabledReason={
              blocked ??
              (group.status !== 'INSERVICE'
                ? t('as.addNeedsInService')
                : group.isScaling
                  ? t('as.groupScaling')
                  : undefined)
            }
            onClick={() => open({ kind: 'add' })}
            data-testid="as-instances-add"
          >
            {t('as.addInstances')}
          </Button>
        </span>
      </div>
      <QueryView query={instances}>
        {(data) => (
          <>
            <DataTable
              testId="as-instances-table"
              head={[
                '',
                t('as.instance'),
                t('as.lifeCycleState'),
                t('as.health'),
                t('as.protection'),
                t('as.config'),
                t('as.joined'),
                t('as.actions'),
              ]}
              rows={data.items}
              row={(i) => (
                <tr
                  key={i.id}
                  data-testid="as-instance-row"
                  data-instance={i.id}
                  data-state={i.lifeCycleState}
                  data-protected={String(i.protected)}
                >
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={t('as.select', { name: i.name })}
                      checked={selected.includes(i.id)}
                      onChange={(e) => toggle(i.id, e.target.checked)}
                      data-testid="as-instance-check"
                    />
                  </Td>
                  <Td>
                    <span className="font-medium">{i.name}</span>
                    <code className="block text-xs text-slate-500">{i.id}</code>
                  </Td>
                  <Td>
                    <NativeStatus value={i.lifeCycleState} />
                  </Td>
                  <Td>
                    <NativeStatus value={i.healthStatus} />
                  </Td>
                  <Td>
                    {i.protected ? (
                      <span
                        className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900"
                        data-testid="as-instance-protected"
                      >
                        {t('as.protected')}
                      </span>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                  <Td>
                    {i.manual ? <span className="text-slate-500">{t('as.addedByHand')}</span> : i.configName}
                  </Td>
                  <Td>{formatTime(i.createTime)}</Td>
                  <Td>
                    <Button
                      variant="ghost"
                      disabledReason={
                        blocked ??
                        (i.lifeCycleState !== 'INSERVICE'
                          ? t('as.onlyInService')
                          : group.isScaling
                            ? t('as.groupScaling')
                            : group.current - 1 < group.min
                              ? t('as.belowMin', { min: group.min })
                              : undefined)
                      }
                      onClick={() => open({ kind: 'remove', instances: [i] })}
                      data-testid="as-instance-remove"
                    >
                      {t('as.remove')}
                    </Button>
                  </Td>
                </tr>
              )}
            />
            <Pager
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => set({ ipage: p > 1 ? String(p) : undefined })}
            />
          </>
        )}
      </QueryView>
      {pending?.kind === 'add' ? (
        <AddInstancesDialog accountId={accountId} group={group} onClose={close} />
      ) : null}
      {pending && pending.kind !== 'add' ? (
        <ConfirmActionDialog
          title={t(
            pending.kind === 'remove'
              ? 'as.removeTitle'
              : pending.kind === 'protect'
                ? 'as.protectTitle'
                : 'as.unprotectTitle',
            { count: pending.instances.length },
          )}
          confirmLabel={t(
            pending.kind === 'remove'
              ? 'as.remove'
              : pending.kind === 'protect'
                ? 'as.protect'
                : 'as.unprotect',
          )}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={run}
          testId="as-instances-dialog"
          confirmTestId="as-instances-submit"
        >
          <p>
            {t(
              pending.kind === 'remove'
                ? 'as.removeBody'
                : pending.kind === 'protect'
                  ? 'as.protectBody'
                  : 'as.unprotectBody',
            )}
          </p>
          <ul className="mt-2 list-inside list-disc">
            {pending.instances.map((i) => (
              <li key={i.id}>
                {i.name} <code className="text-xs text-slate-500">{i.id}</code>
              </li>
            ))}
          </ul>
          {pending.kind === 'remove' ? (
            <label className="mt-3 flex items-center gap-2">
              <input
                type="checkbox"
                checked={deleteEcs}
                disabled={!canDeleteEcs}
                onChange={(e) => setDeleteEcs(e.target.checked)}
                data-testid="as-instances-delete-ecs"
              />
              {canDeleteEcs ? t('as.deleteEcs') : t('as.deleteEcsManual')}
            </label>
          ) : null}
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
