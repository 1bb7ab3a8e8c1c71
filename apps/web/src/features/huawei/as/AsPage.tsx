import { useParams, useSearchParams } from 'react-router';
import { TabBar } from '../../../components/TabBar';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { ConfigsTab } from './ConfigsTab';
import { GroupDetail } from './GroupDetail';
import { GroupsTab } from './GroupsTab';
import { ProjectTagsTab } from './ProjectTagsTab';
import { QuotasTab } from './QuotasTab';

const TABS = ['groups', 'configs', 'tags', 'quotas'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  groups: 'as.tabGroups',
  configs: 'as.tabConfigs',
  tags: 'as.tabTags',
  quotas: 'as.tabQuotas',
};

/** The URL's query with some keys changed; an empty value removes the key, so defaults never show. */
export function patched(
  current: URLSearchParams,
  changes: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/**
 * Auto Scaling: scaling groups (and, inside one, its instances, policies, activities, hooks,
 * notifications, tags and quotas), configurations, the project's tags and the tenant's quotas.
 * The tab, the open group and every filter live in the URL.
 */
export function AsPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'groups';
  const groupId = params.get('group') ?? '';
  const set = (changes: Record<string, string | undefined>) =>
    setParams((current) => patched(current, changes));
  return (
    <section data-testid="as-page">
      <h1 className="mb-1 text-2xl font-semibold">{t('as.title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('as.subtitle')}</p>
      <TabBar
        tabs={TABS}
        current={tab}
        onSelect={(id) => setParams(new URLSearchParams(id === 'groups' ? {} : { tab: id }))}
        label={(id) => t(TAB_LABEL[id])}
        testIdPrefix="as-tab-"
        className="mb-4 flex gap-1"
      />
      <div role="tabpanel">
        {tab === 'groups' ? (
          groupId ? (
            <GroupDetail
              accountId={accountId}
              groupId={groupId}
              params={params}
              set={set}
              onBack={() => setParams(new URLSearchParams())}
            />
          ) : (
            <GroupsTab accountId={accountId} params={params} set={set} />
          )
        ) : null}
        {tab === 'configs' ? <ConfigsTab accountId={accountId} params={params} set={set} /> : null}
        {tab === 'tags' ? <ProjectTagsTab accountId={accountId} /> : null}
        {tab === 'quotas' ? <QuotasTab accountId={accountId} /> : null}
      </div>
    </section>
  );
}
