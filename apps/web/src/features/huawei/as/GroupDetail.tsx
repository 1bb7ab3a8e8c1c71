import type { AsGroup } from '@console/contract';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Spinner';
import { TabBar } from '../../../components/TabBar';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { formatTime } from '../../../lib/format';
import { ActivitiesPanel } from './ActivitiesPanel';
import { isMoving, useAsChange, useGroup } from './api';
import { DeleteGroupDialog, DesiredDialog, GroupDialog } from './GroupDialogs';
import { HooksPanel } from './HooksPanel';
import { InstancesPanel } from './InstancesPanel';
import { NotificationsPanel } from './NotificationsPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { GroupQuotasPanel } from './QuotasTab';
import { GroupStatus, type UrlState, useBlocked } from './shared';
import { TagsPanel } from './TagsPanel';

const GROUP_TABS = [
  'settings',
  'instances',
  'policies',
  'activities',
  'hooks',
  'notifications',
  'tags',
  'quotas',
] as const;
type GroupTab = (typeof GROUP_TABS)[number];
const GROUP_TAB_LABEL: Record<GroupTab, MessageKey> = {
  settings: 'as.gtabSettings',
  instances: 'as.gtabInstances',
  policies: 'as.gtabPolicies',
  activities: 'as.gtabActivities',
  hooks: 'as.gtabHooks',
  notifications: 'as.gtabNotifications',
  tags: 'as.gtabTags',
  quotas: 'as.gtabQuotas',
};

function Capacity({ group }: { group: AsGroup }) {
  const { t } = useI18n();
  const cells: [string, number, string][] = [
    [t('as.current'), group.current, 'as-capacity-current'],
    [t('as.desired'), group.desired, 'as-capacity-desired'],
    [t('as.min'), group.min, 'as-capacity-min'],
    [t('as.max'), group.max, 'as-capacity-max'],
  ];
  const width = group.max > 0 ? Math.min(100, Math.round((group.current / group.max) * 100)) : 0;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="as-capacity">
      <dl className="grid grid-cols-4 gap-3 text-center">
        {cells.map(([label, value, testId]) => (
          <div key={testId}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div
        role="progressbar"
        aria-label={t('as.capacity')}
        aria-valuemin={0}
        aria-valuemax={group.max}
        aria-valuenow={group.current}
        className="mt-3 h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-blue-500" style={{ width: `${width}%` }} />
      </div>
      {group.isScaling ? (
        <p className="mt-2 text-sm text-blue-800" data-testid="as-scaling-now">
          {t('as.scalingNow')}
        </p>
      ) : null}
      {group.detail ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {group.detail}
        </p>
      ) : null}
    </div>
  );
}

function Settings({ group, accountId }: { group: AsGroup; accountId: string }) {
  const { t } = useI18n();
  const dash = (v: string | number | undefined) => (v === undefined || v === '' ? '—' : String(v));
  const rows: [string, ReactNode][] = [
    [t('as.config'), group.configId ? `${group.configName ?? ''} (${group.configId})` : t('as.noConfig')],
    [t('as.vpc'), <code key="vpc">{dash(group.vpcId)}</code>],
    [t('as.subnets'), <code key="subnets">{group.subnetIds.join(', ') || '—'}</code>],
    [t('as.securityGroup'), <code key="sg">{group.securityGroupIds.join(', ') || '—'}</code>],
    [t('as.zones'), group.availableZones.join(', ') || '—'],
    [t('as.listeners'), <code key="lb">{group.lbListenerIds.join(', ') || '—'}</code>],
    [t('as.coolDown'), t('as.seconds', { n: group.coolDown })],
    [t('as.healthMethod'), dash(group.healthAuditMethod)],
    [
      t('as.healthTime'),
      group.healthAuditTime === 0 ? t('as.every10s') : t('as.minutes', { n: group.healthAuditTime ?? 0 }),
    ],
    [t('as.grace'), t('as.seconds', { n: group.healthAuditGracePeriod ?? 0 })],
    [t('as.terminatePolicy'), dash(group.terminatePolicy)],
    [t('as.multiAz'), dash(group.multiAzPolicy)],
    [t('as.deletePublicip'), group.deletePublicip ? t('common.yes') : t('common.no')],
    [t('as.deleteVolume'), group.deleteVolume ? t('common.yes') : t('common.no')],
    [t('as.activityType'), dash(group.activityType)],
    [t('as.created'), formatTime(group.createTime)],
    [t('as.description'), dash(group.description)],
  ];
  return (
    <div className="space-y-2">
      <dl
        className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        data-testid="as-group-settings"
      >
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <Link
        className="text-sm text-blue-700 hover:underline"
        to={`/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(group.id)}`}
        data-testid="as-group-application"
      >
        {t('as.openApplication')}
      </Link>
    </div>
  );
}

type Open = 'edit' | 'desired' | 'delete' | null;

/** One group: capacity and the group's actions above, then its families in tabs (`?gtab=`). */
export function GroupDetail({
  accountId,
  groupId,
  params,
  set,
  onBack,
}: { accountId: string; groupId: string; onBack: () => void } & UrlState) {
  const { t } = useI18n();
  const group = useGroup(accountId, groupId);
  const blocked = useBlocked();
  const toggle = useAsChange(accountId);
  const [open, setOpen] = useState<Open>(null);
  const tab: GroupTab = (GROUP_TABS as readonly string[]).includes(params.get('gtab') ?? '')
    ? (params.get('gtab') as GroupTab)
    : 'instances';
  const g = group.data;
  const deleting = g?.status === 'DELETING' ? t('as.groupDeleting') : undefined;
  return (
    <div data-testid="as-group-detail">
      <button
        type="button"
        className="text-sm text-blue-700 hover:underline"
        onClick={onBack}
        data-testid="as-group-back"
      >
        ← {t('as.allGroups')}
      </button>
      {group.error ? <ErrorPanel error={group.error} onRetry={() => void group.refetch()} /> : null}
      {group.isPending ? <Loading /> : null}
      {g ? (
        <>
          <div className="mt-1 mb-4 flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold" data-testid="as-group-title">
              {g.name}
            </h2>
            <GroupStatus status={g.status} scaling={g.isScaling} testId="as-group-status" />
            <code className="text-xs text-slate-500">{g.id}</code>
            <span className="ml-auto flex flex-wrap gap-2">
              <Button
                disabledReason={blocked ?? deleting}
                onClick={() => setOpen('edit')}
                data-testid="as-group-edit"
              >
                {t('as.edit')}
              </Button>
              <Button
                variant="primary"
                disabledReason={blocked ?? deleting}
                onClick={() => setOpen('desired')}
                data-testid="as-group-set-desired"
              >
                {t('as.setDesired')}
              </Button>
              {g.status === 'PAUSED' ? (
                <Button
                  disabledReason={blocked ?? (g.configId ? undefined : t('as.resumeNeedsConfig'))}
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ kind: 'resume', groupId })}
                  data-testid="as-group-resume"
                >
                  {t('as.resume')}
                </Button>
              ) : (
                <Button
                  disabledReason={blocked ?? deleting}
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ kind: 'pause', groupId })}
                  data-testid="as-group-pause"
                >
                  {t('as.pause')}
                </Button>
              )}
              <Button
                variant="danger"
                disabledReason={blocked ?? deleting}
                onClick={() => setOpen('delete')}
                data-testid="as-group-delete"
              >
                {t('as.delete')}
              </Button>
            </span>
          </div>
          {toggle.error ? <ErrorPanel error={toggle.error} /> : null}
          <Capacity group={g} />
          <TabBar
            tabs={GROUP_TABS}
            current={tab}
            onSelect={(id) => set({ gtab: id === 'instances' ? undefined : id })}
            label={(id) => t(GROUP_TAB_LABEL[id])}
            testIdPrefix="as-gtab-"
            className="mt-4 mb-3 flex flex-wrap gap-1"
          />
          <div role="tabpanel">
            {tab === 'settings' ? <Settings group={g} accountId={accountId} /> : null}
            {tab === 'instances' ? (
              <InstancesPanel accountId={accountId} group={g} live={isMoving(g)} params={params} set={set} />
            ) : null}
            {tab === 'policies' ? <PoliciesPanel accountId={accountId} group={g} /> : null}
            {tab === 'activities' ? (
              <ActivitiesPanel accountId={accountId} group={g} live={g.isScaling} params={params} set={set} />
            ) : null}
            {tab === 'hooks' ? <HooksPanel accountId={accountId} group={g} /> : null}
            {tab === 'notifications' ? <NotificationsPanel accountId={accountId} group={g} /> : null}
            {tab === 'tags' ? <TagsPanel accountId={accountId} group={g} /> : null}
            {tab === 'quotas' ? <GroupQuotasPanel accountId={accountId} groupId={g.id} /> : null}
          </div>
          {open === 'edit' ? (
            <GroupDialog
              accountId={accountId}
              group={g}
              onClose={() => setOpen(null)}
              onSaved={() => setOpen(null)}
            />
          ) : null}
          {open === 'desired' ? (
            <DesiredDialog accountId={accountId} group={g} onClose={() => setOpen(null)} />
          ) : null}
          {open === 'delete' ? (
            <DeleteGroupDialog
              accountId={accountId}
              group={g}
              onClose={() => setOpen(null)}
              onDeleted={() => {
                setOpen(null);
                onBack();
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
