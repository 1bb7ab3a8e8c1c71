import type { AccountFeature, ApplicationDetail, Role } from '@console/contract';
import type { ReactNode } from 'react';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { LogConfigsSection } from './LogConfigsSection';
import { TagsSection } from './TagsSection';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-all text-sm">{children ?? '—'}</dd>
    </div>
  );
}

export function OverviewTab({
  accountId,
  app,
  role,
  has,
}: {
  accountId: string;
  app: ApplicationDetail;
  role: Role;
  has: (feature: AccountFeature) => boolean;
}) {
  const { t } = useI18n();
  const c = app.config;
  const env = app.environment;
  const settings = has('appSettings');
  return (
    <div className="space-y-5">
      {env ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="environment-info">
          <h2 className="mb-3 font-semibold">{t('app.environment')}</h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
            <Item label={t('app.env.app')}>
              {env.appTitle} <code className="text-xs text-slate-500">{env.appId}</code>
            </Item>
            <Item label={t('app.env.id')}>{env.envId}</Item>
            <Item label={t('app.env.type')}>
              <span title={env.envTypeName}>
                {t(env.envType === 'prod' ? 'app.env.prod' : 'app.env.test')}
              </span>
            </Item>
            <Item label={t('app.env.region')}>{env.region}</Item>
            <Item label={t('app.env.deployConfig')}>{env.deployConfigId}</Item>
            <Item label={t('app.env.bizCode')}>{env.bizCode}</Item>
            <Item label={t('app.env.serviceType')}>{env.serviceType}</Item>
            <Item label={t('app.env.language')}>
              {[env.language, env.operatingSystem].filter(Boolean).join(' · ') || undefined}
            </Item>
            <Item label={t('app.env.stateType')}>
              {[env.stateType, env.deployType].filter(Boolean).join(' · ') || undefined}
            </Item>
          </dl>
        </section>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">{t('app.config')}</h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t('app.packageType')}>{c.packageType}</Item>
          {c.imageUrl ? <Item label={t('app.image')}>{c.imageUrl}</Item> : null}
          {c.packageUrl ? <Item label={t('app.package')}>{c.packageUrl}</Item> : null}
          {c.packageVersion ? <Item label={t('app.packageVersion')}>{c.packageVersion}</Item> : null}
          {/* A size of its own: SAE's, and a Retail Cloud environment's container limits; not a stack's or a group's. */}
          {settings || env ? (
            <>
              <Item label={t('app.cpu')}>{t('app.cpuValue', { cores: c.cpu / 1000 })}</Item>
              <Item label={t('app.memory')}>{t('app.memoryValue', { gib: c.memory / 1024 })}</Item>
            </>
          ) : null}
          <Item label={t('app.replicas')}>{c.replicas}</Item>
          {settings ? (
            <>
              <Item label={t('app.vpc')}>{c.vpcId}</Item>
              <Item label={t('app.vswitch')}>{c.vSwitchId}</Item>
              <Item label={t('app.securityGroup')}>{c.securityGroupId}</Item>
              <Item label={t('app.command')}>{c.command}</Item>
              <Item label={t('app.timezone')}>{c.timezone}</Item>
            </>
          ) : c.vpcId ? (
            <Item label={t('app.vpc')}>{c.vpcId}</Item>
          ) : null}
          <Item label={t(env ? 'app.env.baselineTime' : 'app.created')}>{formatTime(app.createTime)}</Item>
          {settings ? <Item label={t('deploy.minReady')}>{c.minReadyInstances}</Item> : null}
        </dl>
        {c.envs.length > 0 ? (
          <>
            <h3 className="mt-4 mb-1 text-sm font-medium">{t('app.envs')}</h3>
            <ul className="font-mono text-xs text-slate-700">
              {c.envs.map((env) => (
                <li key={env.name}>
                  {env.name}={env.value}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {env ? null : <TagsSection accountId={accountId} app={app} role={role} editable={has('tags')} />}
      {has('logConfigs') ? <LogConfigsSection accountId={accountId} appId={app.id} /> : null}
      {settings || app.groups.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold">{t('app.groups')}</h2>
          <Table head={[t('app.group.name'), t('app.group.replicas'), t('app.group.running')]}>
            {app.groups.length === 0 ? (
              <EmptyRow colSpan={3}>{t('common.empty')}</EmptyRow>
            ) : (
              app.groups.map((g) => (
                <tr key={g.id}>
                  <Td>
                    {g.name} <code className="text-xs text-slate-500">{g.id}</code>
                  </Td>
                  <Td>{g.replicas}</Td>
                  <Td>{g.runningInstances}</Td>
                </tr>
              ))
            )}
          </Table>
        </section>
      ) : null}
    </div>
  );
}
