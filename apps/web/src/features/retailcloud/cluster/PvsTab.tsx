import type { RcCreatePvBody, RcPv } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { StatusBadge } from '../../../components/StatusBadge';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { usePvChange, usePvs } from './api';
import { useBlocked } from './shared';

const K8S_NAME = /^[a-z][a-z0-9.-]{0,62}$/;
const CAPACITY = /^\d+(\.\d+)?([EPTGMK]i?)?$/;
const DOMAIN = /^[a-z0-9.-]+\.nas\.aliyuncs\.com$/;
const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** PV phase → console status. */
const pvStatus = (s: string) =>
  s === 'Available'
    ? 'succeeded'
    : s === 'Bound'
      ? 'running'
      : s === 'Failed'
        ? 'failed'
        : s === 'Released'
          ? 'stopped'
          : 'unknown';

function CreatePvDialog({
  accountId,
  clusterId,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = usePvChange(accountId);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('20Gi');
  const [accessModes, setAccessModes] = useState<RcCreatePvBody['accessModes']>('ReadWriteMany');
  const [domain, setDomain] = useState('');
  const [mountDir, setMountDir] = useState('/');
  const [nfsVersion, setNfsVersion] = useState<RcCreatePvBody['nfsVersion']>('3');
  const [reclaimPolicy, setReclaimPolicy] = useState<RcCreatePvBody['reclaimPolicy']>('Retain');
  const [storageClass, setStorageClass] = useState('');
  const problem = !K8S_NAME.test(name)
    ? t('rcCluster.k8sNameRule')
    : !CAPACITY.test(capacity)
      ? t('rcCluster.capacityRule')
      : !DOMAIN.test(domain)
        ? t('rcCluster.mountDomainRule')
        : !mountDir.startsWith('/')
          ? t('rcCluster.mountDirRule')
          : !K8S_NAME.test(storageClass)
            ? t('rcCluster.storageClassRule')
            : undefined;
  const submit = () => {
    change.mutate(
      {
        kind: 'create',
        body: {
          clusterId,
          name,
          capacity,
          accessModes,
          mountTargetDomain: domain,
          mountDir,
          nfsVersion,
          reclaimPolicy,
          storageClass,
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormDialog
      title={t('rcCluster.createPvTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.createPv')}
      submitTestId="rc-pv-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-pv-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('rcCluster.pvName')}
          hint={t('rcCluster.k8sNameRule')}
          value={name}
          onChange={(v) => setName(v.trim())}
          testId="rc-pv-name"
        />
        <TextField
          label={t('rcCluster.capacity')}
          hint={t('rcCluster.capacityRule')}
          value={capacity}
          onChange={(v) => setCapacity(v.trim())}
          testId="rc-pv-capacity"
        />
        <TextField
          label={t('rcCluster.mountDomain')}
          hint="….nas.aliyuncs.com"
          value={domain}
          onChange={(v) => setDomain(v.trim())}
          testId="rc-pv-domain"
        />
        <TextField
          label={t('rcCluster.mountDir')}
          value={mountDir}
          onChange={(v) => setMountDir(v.trim())}
          testId="rc-pv-dir"
        />
        <TextField
          label={t('rcCluster.storageClass')}
          hint={t('rcCluster.storageClassRule')}
          value={storageClass}
          onChange={(v) => setStorageClass(v.trim())}
          testId="rc-pv-class"
        />
        <SelectField
          label={t('rcCluster.accessModes')}
          className={selectClass}
          value={accessModes}
          onChange={(v) => setAccessModes(v as typeof accessModes)}
          testId="rc-pv-access"
        >
          <option value="ReadWriteMany">ReadWriteMany</option>
          <option value="ReadWriteOnce">ReadWriteOnce</option>
          <option value="ReadOnlyMany">ReadOnlyMany</option>
        </SelectField>
        <SelectField
          label={t('rcCluster.nfsVersion')}
          className={selectClass}
          value={nfsVersion}
          onChange={(v) => setNfsVersion(v as typeof nfsVersion)}
          testId="rc-pv-nfs"
        >
          <option value="3">3</option>
          <option value="4.0">4.0</option>
        </SelectField>
        <SelectField
          label={t('rcCluster.reclaimPolicy')}
          hint={t('rcCluster.reclaimHint')}
          className={selectClass}
          value={reclaimPolicy}
          onChange={(v) => setReclaimPolicy(v as typeof reclaimPolicy)}
          testId="rc-pv-reclaim"
        >
          <option value="Retain">Retain</option>
          <option value="Delete">Delete</option>
        </SelectField>
      </div>
    </FormDialog>
  );
}

function DeletePvDialog({
  accountId,
  clusterId,
  pv,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  pv: RcPv;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = usePvChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('rcCluster.deletePvTitle', { name: pv.name })}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() => change.mutate({ kind: 'delete', clusterId, name: pv.name }, { onSuccess: onClose })}
      testId="rc-pv-delete-dialog"
      confirmTestId="rc-pv-delete-submit"
    >
      <p>{t('rcCluster.deletePvBody', { policy: pv.reclaimPolicy })}</p>
    </ConfirmActionDialog>
  );
}

/** NAS persistent volumes of one cluster. */
export function PvsTab({ accountId, clusterId }: { accountId: string; clusterId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const pvs = usePvs(accountId, clusterId, page);
  const blocked = useBlocked('operator');
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'delete'; pv: RcPv } | null>(null);
  if (!clusterId) return <p className="text-slate-500">{t('rcCluster.chooseClusterFirst')}</p>;
  return (
    <div>
      <SectionHeader
        title={t('rcCluster.pvs')}
        action={{
          label: t('rcCluster.createPv'),
          testId: 'rc-pv-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={pvs}>
        {(data) => (
          <>
            <DataTable
              testId="rc-pvs-table"
              head={[
                t('rcCluster.pvName'),
                t('rcCluster.status'),
                t('rcCluster.capacity'),
                t('rcCluster.accessModes'),
                t('rcCluster.storageClass'),
                t('rcCluster.reclaimPolicy'),
                t('rcCluster.claim'),
                t('rcCluster.created'),
                t('rcCluster.actions'),
              ]}
              rows={data.items}
              row={(v) => (
                <tr key={v.name} data-testid="rc-pv-row" data-pv={v.name}>
                  <Td>
                    <span className="font-medium">{v.name}</span>
                    {v.mountDir ? <code className="block text-xs text-slate-500">{v.mountDir}</code> : null}
                  </Td>
                  <Td>
                    <StatusBadge status={pvStatus(v.status)} native={v.status} />
                    {v.reason ? <p className="text-xs text-red-700">{v.reason}</p> : null}
                  </Td>
                  <Td>{v.capacity}</Td>
                  <Td>{v.accessModes}</Td>
                  <Td>
                    <code>{v.storageClass}</code>
                  </Td>
                  <Td>{v.reclaimPolicy}</Td>
                  <Td>{v.pvcName || '—'}</Td>
                  <Td>{formatTime(v.createTime)}</Td>
                  <Td>
                    <Button
                      variant="ghost"
                      disabledReason={
                        blocked ??
                        (v.status === 'Bound'
                          ? t('rcCluster.pvBound', { claim: v.pvcName ?? '' })
                          : undefined)
                      }
                      onClick={() => setOpen({ kind: 'delete', pv: v })}
                      data-testid="rc-pv-delete"
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
        <CreatePvDialog accountId={accountId} clusterId={clusterId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeletePvDialog
          accountId={accountId}
          clusterId={clusterId}
          pv={open.pv}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
