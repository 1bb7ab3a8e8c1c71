import type { RcResourceAlloc } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useAllClusters, useAllocChange, useAllocs } from './api';
import { useBlocked } from './shared';

const ID = /^[1-9]\d{0,15}$/;

function CreateAllocDialog({
  accountId,
  clusterId,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const clusters = useAllClusters(accountId);
  const change = useAllocChange(accountId);
  const [appId, setAppId] = useState('');
  const [envId, setEnvId] = useState('');
  const [cluster, setCluster] = useState(clusterId);
  const problem = !ID.test(appId)
    ? t('rcCluster.appIdRule')
    : !ID.test(envId)
      ? t('rcCluster.envIdRule')
      : cluster === ''
        ? t('rcCluster.chooseCluster')
        : undefined;
  const submit = () => {
    change.mutate(
      { kind: 'create', body: { appId: Number(appId), envId: Number(envId), clusterId: cluster } },
      { onSuccess: onClose },
    );
  };
  return (
    <FormDialog
      title={t('rcCluster.createAllocTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.createAlloc')}
      submitTestId="rc-alloc-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-alloc-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('rcCluster.appId')}
          inputMode="numeric"
          value={appId}
          onChange={(v) => setAppId(v.trim())}
          testId="rc-alloc-app"
        />
        <TextField
          label={t('rcCluster.envId')}
          inputMode="numeric"
          value={envId}
          onChange={(v) => setEnvId(v.trim())}
          testId="rc-alloc-env"
        />
      </div>
      <SelectField
        label={t('rcCluster.cluster')}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={cluster}
        onChange={setCluster}
        testId="rc-alloc-cluster"
      >
        <option value="">{t('rcCluster.chooseCluster')}</option>
        {clusters.data?.items.map((c) => (
          <option key={c.instanceId} value={c.instanceId}>
            {c.title} ({c.envType})
          </option>
        ))}
      </SelectField>
      <p className="text-xs text-slate-500">{t('rcCluster.allocHint')}</p>
    </FormDialog>
  );
}

function DeleteAllocDialog({
  accountId,
  alloc,
  onClose,
}: {
  accountId: string;
  alloc: RcResourceAlloc;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAllocChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('rcCluster.deleteAllocTitle', { env: alloc.envId })}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'delete', envId: alloc.envId }, { onSuccess: onClose })}
      testId="rc-alloc-delete-dialog"
      confirmTestId="rc-alloc-delete-submit"
    >
      <p>{t('rcCluster.deleteAllocBody')}</p>
    </ConfirmActionDialog>
  );
}

/** Which environment's pods are scheduled on which cluster (CreateAppResourceAlloc and friends). */
export function AllocsTab({ accountId, clusterId }: { accountId: string; clusterId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const allocs = useAllocs(accountId, page, clusterId);
  const clusters = useAllClusters(accountId);
  const blocked = useBlocked('operator');
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'delete'; alloc: RcResourceAlloc } | null>(
    null,
  );
  const titleOf = (id: string) => clusters.data?.items.find((c) => c.instanceId === id)?.title;
  return (
    <div>
      <SectionHeader
        title={t('rcCluster.allocs')}
        action={{
          label: t('rcCluster.createAlloc'),
          testId: 'rc-alloc-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={allocs}>
        {(data) => (
          <>
            <DataTable
              testId="rc-allocs-table"
              head={[
                t('rcCluster.envId'),
                t('rcCluster.appId'),
                t('rcCluster.cluster'),
                t('rcCluster.resourceDef'),
                t('rcCluster.actions'),
              ]}
              rows={data.items}
              row={(a) => (
                <tr key={a.id} data-testid="rc-alloc-row" data-env={a.envId}>
                  <Td>
                    <code>{a.envId}</code>
                  </Td>
                  <Td>
                    <code>{a.appId}</code>
                  </Td>
                  <Td>
                    {titleOf(a.clusterId) ?? ''}{' '}
                    <code className="block text-xs text-slate-500">{a.clusterId}</code>
                  </Td>
                  <Td>{a.resourceDef ?? '—'}</Td>
                  <Td>
                    <Button
                      variant="ghost"
                      disabledReason={blocked}
                      onClick={() => setOpen({ kind: 'delete', alloc: a })}
                      data-testid="rc-alloc-delete"
                    >
                      {t('rcCluster.delete')}
                    </Button>
                  </Td>
                </tr>
              )}
            />
            <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryView>
      {open?.kind === 'create' ? (
        <CreateAllocDialog accountId={accountId} clusterId={clusterId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteAllocDialog accountId={accountId} alloc={open.alloc} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
