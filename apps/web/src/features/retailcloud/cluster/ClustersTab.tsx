import type { RcClusterDetail, RcClusterNode } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { StatusBadge } from '../../../components/StatusBadge';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useCluster, useClusterChange, useClusterNodes, useClusters } from './api';
import { AddNodesDialog, CreateClusterDialog, DeleteClusterDialog } from './ClusterDialogs';
import { formatBytes, PercentBar, useBlocked } from './shared';

const consoleStatus = (native: string) => (native.toLowerCase() === 'running' ? 'running' : 'unknown');

/** The clusters of the account, one page at a time; a click opens one (`?cluster=`). */
export function ClusterList({
  accountId,
  page,
  envType,
  onPage,
  onEnvType,
  onOpen,
}: {
  accountId: string;
  page: number;
  envType: string;
  onPage: (page: number) => void;
  onEnvType: (envType: string) => void;
  onOpen: (clusterId: string) => void;
}) {
  const { t } = useI18n();
  const clusters = useClusters(accountId, page, envType);
  const adminBlocked = useBlocked('admin');
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium text-slate-700">{t('rcCluster.envType')}</span>
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            value={envType}
            onChange={(e) => onEnvType(e.target.value)}
            data-testid="rc-cluster-env-filter"
          >
            <option value="">{t('common.all')}</option>
            <option value="PRO">{t('rcCluster.envPRO')}</option>
            <option value="TEST">{t('rcCluster.envTEST')}</option>
          </select>
        </label>
        <Button
          variant="primary"
          className="ml-auto"
          disabledReason={adminBlocked}
          onClick={() => setCreating(true)}
          data-testid="rc-cluster-create"
        >
          {t('rcCluster.create')}
        </Button>
      </div>
      <QueryView query={clusters}>
        {(data) => (
          <>
            <DataTable
              testId="rc-clusters-table"
              head={[
                t('rcCluster.clusterTitle'),
                t('rcCluster.envType'),
                t('rcCluster.businessCode'),
                t('rcCluster.status'),
                t('rcCluster.nodes'),
                t('rcCluster.cpuRequested'),
                t('rcCluster.memRequested'),
                t('rcCluster.nodeLogin'),
              ]}
              rows={data.items}
              row={(c) => (
                <tr key={c.instanceId} data-testid="rc-cluster-row" data-cluster={c.instanceId}>
                  <Td>
                    <button
                      type="button"
                      className="font-medium text-blue-700 hover:underline"
                      onClick={() => onOpen(c.instanceId)}
                      data-testid="rc-cluster-open"
                    >
                      {c.title}
                    </button>
                    <code className="block text-xs text-slate-500">{c.instanceId}</code>
                  </Td>
                  <Td>{t(c.envType === 'PRO' ? 'rcCluster.envPRO' : 'rcCluster.envTEST')}</Td>
                  <Td>{c.businessCode}</Td>
                  <Td>
                    <StatusBadge status={consoleStatus(c.status)} native={c.status} />
                  </Td>
                  <Td>{c.ecsIds.length}</Td>
                  <Td>
                    <PercentBar compact label={t('rcCluster.cpuRequested')} fraction={c.workLoadCpu} />
                  </Td>
                  <Td>
                    <PercentBar compact label={t('rcCluster.memRequested')} fraction={c.workLoadMem} />
                  </Td>
                  <Td>{t(`rcCluster.login_${c.login}`)}</Td>
                </tr>
              )}
            />
            <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
          </>
        )}
      </QueryView>
      {creating ? (
        <CreateClusterDialog
          accountId={accountId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            if (id) onOpen(id);
          }}
        />
      ) : null}
    </div>
  );
}

/** QueryClusterDetail as a capacity view: requested and used CPU and memory, pods, network. */
function Capacity({ cluster }: { cluster: RcClusterDetail }) {
  const { t, locale } = useI18n();
  const w = cluster.workLoad;
  const cores = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  return (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="rc-cluster-capacity">
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
        <PercentBar
          label={t('rcCluster.cpuRequested')}
          fraction={w.cpuRequestPercent}
          detail={t('rcCluster.ofCores', { used: cores(w.cpuRequest), total: cores(w.cpuTotal) })}
          testId="rc-capacity-cpu-request"
        />
        <PercentBar
          label={t('rcCluster.cpuUsed')}
          fraction={w.cpuUsePercent}
          detail={t('rcCluster.ofCores', { used: cores(w.cpuUse), total: cores(w.cpuTotal) })}
          testId="rc-capacity-cpu-use"
        />
        <PercentBar
          label={t('rcCluster.memRequested')}
          fraction={w.memRequestPercent}
          detail={`${formatBytes(w.memRequest, locale)} / ${formatBytes(w.memTotal, locale)}`}
          testId="rc-capacity-mem-request"
        />
        <PercentBar
          label={t('rcCluster.memUsed')}
          fraction={w.memUsePercent}
          detail={`${formatBytes(w.memUse, locale)} / ${formatBytes(w.memTotal, locale)}`}
          testId="rc-capacity-mem-use"
        />
      </div>
      <dl className="grid grid-cols-[max-content_1fr] content-start gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">{t('rcCluster.nodes')}</dt>
        <dd data-testid="rc-capacity-nodes">{w.nodeCount}</dd>
        <dt className="text-slate-500">{t('rcCluster.appPods')}</dt>
        <dd>{w.appPodCount}</dd>
        <dt className="text-slate-500">{t('rcCluster.allPods')}</dt>
        <dd>{w.allPodCount}</dd>
        <dt className="text-slate-500">{t('rcCluster.apps')}</dt>
        <dd>{cluster.instances.appCount}</dd>
        <dt className="text-slate-500">{t('rcCluster.netPlugin')}</dt>
        <dd>{cluster.net.plugin || '—'}</dd>
        <dt className="text-slate-500">{t('rcCluster.podCidr')}</dt>
        <dd>
          <code>{cluster.net.podCidr || '—'}</code>
        </dd>
        <dt className="text-slate-500">{t('rcCluster.serviceCidr')}</dt>
        <dd>
          <code>{cluster.net.serviceCidr || '—'}</code>
        </dd>
        <dt className="text-slate-500">{t('rcCluster.vpcId')}</dt>
        <dd>
          <code className="break-all">{cluster.vpcId}</code>
        </dd>
        <dt className="text-slate-500">{t('rcCluster.region')}</dt>
        <dd>{cluster.regionName ?? cluster.regionId}</dd>
        <dt className="text-slate-500">{t('rcCluster.addons')}</dt>
        <dd>
          {[cluster.armsInstalled ? 'ARMS' : '', cluster.logControllerInstalled ? 'SLS' : '']
            .filter(Boolean)
            .join(', ') || '—'}
        </dd>
        {cluster.instances.available.map((a) => (
          <div key={`${a.cpuRequest}-${a.memRequest}`} className="contents">
            <dt className="text-slate-500">{t('rcCluster.roomFor')}</dt>
            <dd>{t('rcCluster.roomForPods', { count: a.podCount, cpu: a.cpuRequest, mem: a.memRequest })}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function RemoveNodeDialog({
  accountId,
  clusterId,
  node,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  node: RcClusterNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useClusterChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('rcCluster.removeNodeTitle', { name: node.name })}
      confirmLabel={t('rcCluster.removeNode')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { kind: 'removeNodes', clusterId, instanceIds: [node.instanceId] },
          { onSuccess: onClose },
        )
      }
      testId="rc-remove-node-dialog"
      confirmTestId="rc-remove-node-submit"
    >
      <p>{t('rcCluster.removeNodeBody')}</p>
    </ConfirmActionDialog>
  );
}

/** One cluster: capacity, the pods allocated on it, its nodes (add and remove), and deletion. */
export function ClusterDetailView({
  accountId,
  clusterId,
  onBack,
}: {
  accountId: string;
  clusterId: string;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const cluster = useCluster(accountId, clusterId);
  const nodes = useClusterNodes(accountId, clusterId);
  const operatorBlocked = useBlocked('operator');
  const adminBlocked = useBlocked('admin');
  const [open, setOpen] = useState<
    { kind: 'add' } | { kind: 'delete' } | { kind: 'remove'; node: RcClusterNode } | null
  >(null);
  const inUse = (cluster.data?.instances.allocated.length ?? 0) > 0;
  return (
    <div data-testid="rc-cluster-detail">
      <button
        type="button"
        className="text-sm text-blue-700 hover:underline"
        onClick={onBack}
        data-testid="rc-cluster-back"
      >
        ← {t('rcCluster.allClusters')}
      </button>
      {cluster.error ? <ErrorPanel error={cluster.error} onRetry={() => void cluster.refetch()} /> : null}
      {cluster.isPending ? <Loading /> : null}
      {cluster.data ? (
        <>
          <div className="mt-1 mb-4 flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold" data-testid="rc-cluster-name">
              {cluster.data.title}
            </h2>
            <code className="text-xs text-slate-500">{cluster.data.instanceId}</code>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
              {t(cluster.data.envType === 'PRO' ? 'rcCluster.envPRO' : 'rcCluster.envTEST')} ·{' '}
              {cluster.data.businessCode}
            </span>
            <Button
              variant="danger"
              className="ml-auto"
              disabledReason={adminBlocked ?? (inUse ? t('rcCluster.clusterInUse') : undefined)}
              onClick={() => setOpen({ kind: 'delete' })}
              data-testid="rc-cluster-delete"
            >
              {t('rcCluster.delete')}
            </Button>
          </div>
          <Capacity cluster={cluster.data} />
          <SectionHeader title={t('rcCluster.allocatedPods')} />
          <DataTable
            testId="rc-allocated-pods"
            head={[
              t('rcCluster.app'),
              t('rcCluster.env'),
              t('rcCluster.pods'),
              t('rcCluster.cpuPerPod'),
              t('rcCluster.memPerPod'),
            ]}
            rows={cluster.data.instances.allocated}
            row={(p) => (
              <tr key={`${p.appId}-${p.envId}-${p.envName}`}>
                <Td>{p.appName}</Td>
                <Td>
                  {p.envName} {p.envId ? <code className="text-xs text-slate-500">{p.envId}</code> : null}
                </Td>
                <Td>{p.podCount}</Td>
                <Td>{p.cpuRequest}</Td>
                <Td>{p.memRequest}</Td>
              </tr>
            )}
          />
        </>
      ) : null}
      <SectionHeader
        title={t('rcCluster.nodes')}
        action={{
          label: t('rcCluster.addNodes'),
          testId: 'rc-add-nodes',
          disabledReason: operatorBlocked,
          onClick: () => setOpen({ kind: 'add' }),
        }}
      />
      <QueryView query={nodes}>
        {(data) => (
          <DataTable
            testId="rc-nodes-table"
            head={[
              t('rcCluster.node'),
              t('rcCluster.instanceType'),
              t('rcCluster.spec'),
              t('rcCluster.privateIp'),
              t('rcCluster.zone'),
              t('rcCluster.os'),
              t('rcCluster.actions'),
            ]}
            rows={data}
            row={(n) => (
              <tr key={n.instanceId} data-testid="rc-node-row" data-node={n.instanceId}>
                <Td>
                  <span className="font-medium">{n.name}</span>
                  <code className="block text-xs text-slate-500">{n.instanceId}</code>
                </Td>
                <Td>{n.instanceType}</Td>
                <Td>{n.configuration ?? `${n.cpu} vCPU / ${n.memoryMb} MiB`}</Td>
                <Td>{n.privateIp ?? '—'}</Td>
                <Td>{n.zone ?? '—'}</Td>
                <Td>{n.osName ?? n.osType ?? '—'}</Td>
                <Td>
                  <Button
                    variant="ghost"
                    disabledReason={operatorBlocked}
                    onClick={() => setOpen({ kind: 'remove', node: n })}
                    data-testid="rc-node-remove"
                  >
                    {t('rcCluster.removeNode')}
                  </Button>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {open?.kind === 'add' ? (
        <AddNodesDialog accountId={accountId} clusterId={clusterId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'remove' ? (
        <RemoveNodeDialog
          accountId={accountId}
          clusterId={clusterId}
          node={open.node}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' && cluster.data ? (
        <DeleteClusterDialog
          accountId={accountId}
          cluster={cluster.data}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            onBack();
          }}
        />
      ) : null}
    </div>
  );
}
