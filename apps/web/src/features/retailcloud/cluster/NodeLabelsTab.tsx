import type { RcNodeLabel, RcNodeLabelBinding } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { inputClass, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useBindings, useClusterNodes, useLabelChange, useNodeLabels } from './api';
import { useBlocked } from './shared';

const PREFIX = 'label.jst.com/';
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const keyOk = (key: string) => key.startsWith(PREFIX) && NAME.test(key.slice(PREFIX.length));
const valueOk = (value: string) => value === '' || NAME.test(value);

/** CreateNodeLabel, or BindNodeLabel when a node is chosen too (the cloud creates a missing label). */
function LabelDialog({
  accountId,
  clusterId,
  bind,
  preset,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  bind: boolean;
  preset?: RcNodeLabel;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useLabelChange(accountId);
  const nodes = useClusterNodes(accountId, bind ? clusterId : '');
  const [key, setKey] = useState(preset?.key ?? PREFIX);
  const [value, setValue] = useState(preset?.value ?? '');
  const [instanceId, setInstanceId] = useState('');
  const problem = !keyOk(key)
    ? t('rcCluster.labelKeyRule')
    : !valueOk(value)
      ? t('rcCluster.labelValueRule')
      : bind && instanceId === ''
        ? t('rcCluster.chooseNode')
        : undefined;
  const submit = () => {
    const body = { clusterId, key, value };
    change.mutate(bind ? { kind: 'bind', body: { ...body, instanceId } } : { kind: 'create', body }, {
      onSuccess: onClose,
    });
  };
  return (
    <FormDialog
      title={bind ? t('rcCluster.bindTitle') : t('rcCluster.createLabelTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={bind ? t('rcCluster.bind') : t('rcCluster.createLabel')}
      submitTestId="rc-label-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-label-dialog"
    >
      {bind ? (
        <SelectField
          label={t('rcCluster.node')}
          className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={instanceId}
          onChange={setInstanceId}
          testId="rc-label-node"
        >
          <option value="">{t('rcCluster.chooseNode')}</option>
          {nodes.data?.map((n) => (
            <option key={n.instanceId} value={n.instanceId}>
              {n.name} ({n.instanceId})
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={t('rcCluster.labelKey')}
        hint={t('rcCluster.labelKeyRule')}
        className={`${inputClass} font-mono`}
        value={key}
        onChange={(v) => setKey(v.trim())}
        testId="rc-label-key"
      />
      <TextField
        label={t('rcCluster.labelValue')}
        hint={t('rcCluster.labelValueRule')}
        className={`${inputClass} font-mono`}
        value={value}
        onChange={(v) => setValue(v.trim())}
        testId="rc-label-value"
      />
    </FormDialog>
  );
}

function DeleteLabelDialog({
  accountId,
  label,
  bindings,
  onClose,
}: {
  accountId: string;
  label: RcNodeLabel;
  bindings: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useLabelChange(accountId);
  const [force, setForce] = useState(false);
  return (
    <ConfirmActionDialog
      title={t('rcCluster.deleteLabelTitle', { name: `${label.key}=${label.value}` })}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { kind: 'delete', body: { clusterId: label.clusterId, key: label.key, value: label.value, force } },
          { onSuccess: onClose },
        )
      }
      testId="rc-label-delete-dialog"
      confirmTestId="rc-label-delete-submit"
    >
      <p>{bindings > 0 ? t('rcCluster.labelBound', { count: bindings }) : t('rcCluster.labelUnbound')}</p>
      <label className="mt-3 flex items-center gap-2">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="rc-label-delete-force"
        />
        {t('rcCluster.forceDelete')}
      </label>
    </ConfirmActionDialog>
  );
}

function UnbindDialog({
  accountId,
  clusterId,
  binding,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  binding: RcNodeLabelBinding;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useLabelChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('rcCluster.unbindTitle', {
        name: `${binding.key}=${binding.value}`,
        node: binding.instanceId,
      })}
      confirmLabel={t('rcCluster.unbind')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          {
            kind: 'unbind',
            body: { clusterId, instanceId: binding.instanceId, key: binding.key, value: binding.value },
          },
          { onSuccess: onClose },
        )
      }
      testId="rc-unbind-dialog"
      confirmTestId="rc-unbind-submit"
    >
      <p>{t('rcCluster.unbindBody')}</p>
    </ConfirmActionDialog>
  );
}

/** Node labels of one cluster and which nodes carry them. */
export function NodeLabelsTab({ accountId, clusterId }: { accountId: string; clusterId: string }) {
  const { t } = useI18n();
  const [labelPage, setLabelPage] = useState(1);
  const [bindingPage, setBindingPage] = useState(1);
  const labels = useNodeLabels(accountId, clusterId, labelPage);
  const bindings = useBindings(accountId, clusterId, bindingPage);
  const blocked = useBlocked('operator');
  const [open, setOpen] = useState<
    | { kind: 'create' }
    | { kind: 'bind'; preset?: RcNodeLabel }
    | { kind: 'delete'; label: RcNodeLabel }
    | { kind: 'unbind'; binding: RcNodeLabelBinding }
    | null
  >(null);
  if (!clusterId) return <p className="text-slate-500">{t('rcCluster.chooseClusterFirst')}</p>;
  const boundCount = (l: RcNodeLabel) =>
    bindings.data?.items.filter((b) => b.key === l.key && b.value === l.value).length ?? 0;
  return (
    <div>
      <SectionHeader
        title={t('rcCluster.labels')}
        action={{
          label: t('rcCluster.createLabel'),
          testId: 'rc-label-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={labels}>
        {(data) => (
          <>
            <DataTable
              testId="rc-labels-table"
              head={[
                t('rcCluster.labelKey'),
                t('rcCluster.labelValue'),
                t('rcCluster.boundNodes'),
                t('rcCluster.actions'),
              ]}
              rows={data.items}
              row={(l) => (
                <tr key={l.id} data-testid="rc-label-row" data-label={`${l.key}=${l.value}`}>
                  <Td>
                    <code>{l.key}</code>
                  </Td>
                  <Td>
                    <code>{l.value || '""'}</code>
                  </Td>
                  <Td>{boundCount(l)}</Td>
                  <Td>
                    <RowActions
                      actions={[
                        {
                          label: t('rcCluster.bind'),
                          testId: 'rc-label-bind',
                          disabledReason: blocked,
                          onClick: () => setOpen({ kind: 'bind', preset: l }),
                        },
                        {
                          label: t('rcCluster.delete'),
                          testId: 'rc-label-delete',
                          disabledReason: blocked,
                          onClick: () => setOpen({ kind: 'delete', label: l }),
                        },
                      ]}
                    />
                  </Td>
                </tr>
              )}
            />
            <Pager page={labelPage} pageSize={data.pageSize} total={data.total} onPage={setLabelPage} />
          </>
        )}
      </QueryView>

      <SectionHeader
        title={t('rcCluster.bindings')}
        action={{
          label: t('rcCluster.bindTitle'),
          testId: 'rc-binding-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'bind' }),
          variant: 'secondary',
        }}
      />
      <QueryView query={bindings}>
        {(data) => (
          <>
            <DataTable
              testId="rc-bindings-table"
              head={[
                t('rcCluster.node'),
                t('rcCluster.labelKey'),
                t('rcCluster.labelValue'),
                t('rcCluster.actions'),
              ]}
              rows={data.items}
              row={(b) => (
                <tr
                  key={b.id}
                  data-testid="rc-binding-row"
                  data-binding={`${b.instanceId}:${b.key}=${b.value}`}
                >
                  <Td>
                    <code>{b.instanceId}</code>{' '}
                    <span className="text-xs text-slate-500">{b.instanceType}</span>
                  </Td>
                  <Td>
                    <code>{b.key}</code>
                  </Td>
                  <Td>
                    <code>{b.value || '""'}</code>
                  </Td>
                  <Td>
                    <Button
                      variant="ghost"
                      disabledReason={blocked}
                      onClick={() => setOpen({ kind: 'unbind', binding: b })}
                      data-testid="rc-binding-unbind"
                    >
                      {t('rcCluster.unbind')}
                    </Button>
                  </Td>
                </tr>
              )}
            />
            <Pager page={bindingPage} pageSize={data.pageSize} total={data.total} onPage={setBindingPage} />
          </>
        )}
      </QueryView>

      {open?.kind === 'create' ? (
        <LabelDialog accountId={accountId} clusterId={clusterId} bind={false} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'bind' ? (
        <LabelDialog
          accountId={accountId}
          clusterId={clusterId}
          bind
          preset={open.preset}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteLabelDialog
          accountId={accountId}
          label={open.label}
          bindings={boundCount(open.label)}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'unbind' ? (
        <UnbindDialog
          accountId={accountId}
          clusterId={clusterId}
          binding={open.binding}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
