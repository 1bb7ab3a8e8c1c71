import { useParams, useSearchParams } from 'react-router';
import { TabBar } from '../../../components/TabBar';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { patchSearchParams } from '../search-params';
import { AllocsTab } from './AllocsTab';
import { ClusterDetailView, ClusterList } from './ClustersTab';
import { NodeLabelsTab } from './NodeLabelsTab';
import { PvsTab } from './PvsTab';
import { RdsTab } from './RdsTab';
import { ClusterPicker } from './shared';

const TABS = ['clusters', 'labels', 'allocs', 'pvs', 'rds'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  clusters: 'rcCluster.tabClusters',
  labels: 'rcCluster.tabLabels',
  allocs: 'rcCluster.tabAllocs',
  pvs: 'rcCluster.tabPvs',
  rds: 'rcCluster.tabRds',
};

/**
 * Retail Cloud clusters and nodes, node labels, persistent volumes, resource allocation and RDS.
 * The tab, the chosen cluster, the page and the RDS instance live in the URL.
 */
export function RetailCloudClusterPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'clusters';
  const clusterId = params.get('cluster') ?? '';
  const rdsId = params.get('rds') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const envType = params.get('env') ?? '';
  const set = (changes: Record<string, string | undefined>) =>
    setParams((current) => patchSearchParams(current, changes));
  const picker = (allowAll = false) => (
    <ClusterPicker
      accountId={accountId}
      value={clusterId}
      allowAll={allowAll}
      onChange={(id) => set({ cluster: id })}
      testId="rc-cluster-picker"
    />
  );
  return (
    <section data-testid="retailcloud-cluster-page">
      <h1 className="mb-1 text-2xl font-semibold">{t('rcCluster.title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('rcCluster.subtitle')}</p>
      <TabBar
        tabs={TABS}
        current={tab}
        onSelect={(id) => set({ tab: id === 'clusters' ? undefined : id, page: undefined })}
        label={(id) => t(TAB_LABEL[id])}
        testIdPrefix="rc-tab-"
        className="mb-4 flex gap-1"
      />
      <div role="tabpanel">
        {tab === 'clusters' ? (
          clusterId ? (
            <ClusterDetailView
              accountId={accountId}
              clusterId={clusterId}
              onBack={() => set({ cluster: undefined })}
            />
          ) : (
            <ClusterList
              accountId={accountId}
              page={page}
              envType={envType}
              onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
              onEnvType={(e) => set({ env: e, page: undefined })}
              onOpen={(id) => set({ cluster: id })}
            />
          )
        ) : null}
        {tab === 'labels' ? (
          <>
            {picker()}
            <NodeLabelsTab key={clusterId} accountId={accountId} clusterId={clusterId} />
          </>
        ) : null}
        {tab === 'allocs' ? (
          <>
            {picker(true)}
            <AllocsTab key={clusterId} accountId={accountId} clusterId={clusterId} />
          </>
        ) : null}
        {tab === 'pvs' ? (
          <>
            {picker()}
            <PvsTab key={clusterId} accountId={accountId} clusterId={clusterId} />
          </>
        ) : null}
        {tab === 'rds' ? (
          <RdsTab accountId={accountId} rdsId={rdsId} onRdsId={(id) => set({ rds: id })} />
        ) : null}
      </div>
    </section>
  );
}
