import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NativeValue } from '../../components/NativeValue';
import { Loading } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { imageTag } from '../../lib/format';
import { useAccount, useAccountFeatures } from '../accounts/api';
import { useRole } from '../auth/api';
import { JobsPanel } from '../jobs';
import { MicroservicesPanel } from '../microservices';
import { HealthPanel, MonitorPanel } from '../monitoring';
import { SlbPanel } from '../networking';
import { EnvOpsTab } from '../retailcloud/apps';
import { AppRollouts } from '../rollouts';
import { ScalingRulesPanel } from '../scaling';
import { UsagePanel } from '../usage';
import { useApplication } from './api';
import { LifecycleBar } from './lifecycle/LifecycleBar';
import { EventsTab } from './tabs/EventsTab';
import { InstancesTab } from './tabs/InstancesTab';
import { OverviewTab } from './tabs/OverviewTab';
import { VersionsTab } from './tabs/VersionsTab';

const TABS = [
  'overview',
  'instances',
  'rollouts',
  'versions',
  'events',
  'usage',
  'metrics',
  'health',
  'scaling',
  'network',
  'jobs',
  'services',
  'ops',
] as const;
type Tab = (typeof TABS)[number];

export function ApplicationDetailPage() {
  const { accountId = '', appId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview';
  const app = useApplication(accountId, appId);
  const has = useAccountFeatures(accountId);
  const product = useAccount(accountId)?.product;
  const tabs = TABS.filter(
    (name) =>
      (name !== 'versions' || has('versions')) &&
      (name !== 'events' || has('events')) &&
      (name !== 'scaling' || has('scalingRules')) &&
      (name !== 'network' || has('slb')) &&
      (name !== 'jobs' || has('jobs')) &&
      (name !== 'services' || has('services')) &&
      (name !== 'ops' || has('retailCloudOps')) &&
      (name !== 'metrics' || has('monitorMetrics')) &&
      (name !== 'health' || has('healthBreakdown')),
  );

  if (app.isPending) return <Loading />;
  if (app.error && !app.data) return <ErrorPanel error={app.error} onRetry={() => void app.refetch()} />;
  const a = app.data;
  const version =
    a.config.imageUrl ??
    (a.config.packageVersion
      ? `${a.config.packageUrl ?? ''} (${a.config.packageVersion})`
      : a.config.packageUrl);
  const live = a.native.lastChangeOrderRunning;

  const selectTab = (next: Tab) => {
    const search = new URLSearchParams(params);
    if (next === 'overview') search.delete('tab');
    else search.set('tab', next);
    setParams(search, { replace: true });
  };

  return (
    <section className="space-y-5">
      <div>
        <Link to={`/accounts/${accountId}/applications`} className="text-sm text-blue-700 hover:underline">
          ← {t('app.back')}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{a.name}</h1>
          <StatusBadge status={a.status} native={a.native.currentStatus} testId="app-status" />
          <code className="text-xs text-slate-500">{a.id}</code>
        </div>
        {a.description ? (
          <p className="text-sm text-slate-600">
            <NativeValue value={a.description} kinds={a.environment ? ['envType'] : []} />
          </p>
        ) : null}
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
          <div className="flex gap-1">
            <dt className="text-slate-500">{t('app.currentVersion')}:</dt>
            <dd
              data-testid="current-version"
              className="break-all font-mono text-xs leading-5"
              title={version}
            >
              {version ?? '—'}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-slate-500">{t(a.environment ? 'app.env.app' : 'apps.namespace')}:</dt>
            <dd>
              {a.environment ? `${a.environment.appTitle} ` : null}
              <code className="text-xs">{a.namespaceId}</code>
            </dd>
          </div>
          <div>{t('app.runningInstances', { running: a.runningInstances, total: a.instances })}</div>
          {a.config.imageUrl ? <div className="sr-only">{imageTag(a.config.imageUrl)}</div> : null}
        </dl>
        {live && a.native.lastChangeOrderId ? (
          <p
            className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="rollout-banner"
          >
            {t(a.environment ? 'app.deployOrderInProgress' : 'app.rolloutInProgress')} (
            <NativeValue value={a.native.lastChangeOrderStatus} kinds={['status', 'aosAction']} />) ·{' '}
            <Link
              to={`/accounts/${accountId}/rollouts/${a.native.lastChangeOrderId}`}
              className="font-medium underline"
            >
              {t(a.environment ? 'app.openDeployOrder' : 'app.openRollout')}
            </Link>
          </p>
        ) : null}
      </div>
      {app.error ? <ErrorPanel error={app.error} onRetry={() => void app.refetch()} /> : null}
      <LifecycleBar accountId={accountId} app={a} role={role} />
      <div role="tablist" className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => selectTab(name)}
            data-testid={`tab-${name}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === name ? 'border-blue-600 text-blue-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t(
              name === 'rollouts' && a.environment
                ? 'app.tab.deployOrders'
                : (`app.tab.${name}` as MessageKey),
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'overview' ? <OverviewTab accountId={accountId} app={a} role={role} has={has} /> : null}
        {tab === 'instances' ? <InstancesTab accountId={accountId} app={a} role={role} live={live} /> : null}
        {tab === 'rollouts' ? <AppRollouts accountId={accountId} appId={a.id} /> : null}
        {tab === 'versions' ? <VersionsTab accountId={accountId} app={a} role={role} /> : null}
        {tab === 'events' ? <EventsTab accountId={accountId} appId={a.id} /> : null}
        {tab === 'usage' ? <UsagePanel accountId={accountId} appId={a.id} /> : null}
        {tab === 'metrics' ? <MonitorPanel accountId={accountId} appId={a.id} /> : null}
        {tab === 'health' ? (
          <HealthPanel accountId={accountId} app={a} product={product} hasCapacity={has('capacity')} />
        ) : null}
        {tab === 'services' ? (
          <MicroservicesPanel accountId={accountId} appId={a.id} role={role} greyRoutes={has('greyRoutes')} />
        ) : null}
        {tab === 'ops' ? (
          <EnvOpsTab accountId={accountId} appId={a.id} role={role} workload={a.environment?.workload} />
        ) : null}
        {tab === 'jobs' ? <JobsPanel accountId={accountId} appId={a.id} role={role} /> : null}
        {tab === 'network' ? (
          <SlbPanel
            accountId={accountId}
            appId={a.id}
            role={role}
            busyReason={live ? t('lifecycle.reason.running') : undefined}
          />
        ) : null}
        {tab === 'scaling' ? (
          <ScalingRulesPanel
            accountId={accountId}
            appId={a.id}
            role={role}
            busyReason={live ? t('lifecycle.reason.running') : undefined}
          />
        ) : null}
      </div>
    </section>
  );
}
