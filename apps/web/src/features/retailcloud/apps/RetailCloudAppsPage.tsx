import type { RcBizCode } from '@console/contract';
import { useParams, useSearchParams } from 'react-router';
import { TabBar } from '../../../components/TabBar';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { useRole } from '../../auth/api';
import { patchSearchParams } from '../search-params';
import { BIZ_CODES } from './AppDialog';
import { AppsTab } from './AppsTab';
import { DeployConfigsTab } from './DeployConfigsTab';
import { GroupsTab, UsersTab } from './GroupsTab';

const TABS = ['apps', 'configs', 'groups', 'users'] as const;
type Tab = (typeof TABS)[number];

/** Retail Cloud apps and environments, deploy configs, app groups and users of one account. */
export function RetailCloudAppsPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const role = useRole();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'apps';
  const selected = /^\d+$/.test(params.get('app') ?? '') ? (params.get('app') as string) : '';
  const biz = (BIZ_CODES as string[]).includes(params.get('biz') ?? '')
    ? (params.get('biz') as RcBizCode)
    : 'JST';
  // Tab, picked app and business domain live in the URL, so a view can be shared and survives a reload.
  const set = (patch: Record<string, string>) =>
    setParams(patchSearchParams(params, patch), { replace: true });

  return (
    <section data-testid="retailcloud-apps-page">
      <h1 className="mb-1 text-2xl font-semibold">{t('rcApps.title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('rcApps.subtitle')}</p>
      <TabBar
        tabs={TABS}
        current={tab}
        onSelect={(name) => set({ tab: name === 'apps' ? '' : name })}
        label={(name) => t(`rcApps.tab.${name}` as MessageKey)}
        testIdPrefix="rc-tab-"
        className="flex flex-wrap gap-1"
      />
      <div role="tabpanel">
        {tab === 'apps' ? (
          <AppsTab accountId={accountId} role={role} selected={selected} onSelect={(app) => set({ app })} />
        ) : null}
        {tab === 'configs' ? (
          <DeployConfigsTab
            accountId={accountId}
            role={role}
            selected={selected}
            onSelect={(app) => set({ app })}
          />
        ) : null}
        {tab === 'groups' ? (
          <GroupsTab accountId={accountId} role={role} bizCode={biz} onBiz={(b) => set({ biz: b })} />
        ) : null}
        {tab === 'users' ? <UsersTab accountId={accountId} /> : null}
      </div>
    </section>
  );
}
