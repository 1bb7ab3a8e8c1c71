import type { AccountFeature } from '@console/contract';
import { NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { Button } from '../components/Button';
import { useAccounts } from '../features/accounts/api';
import { useLogout, useSession } from '../features/auth/api';
import { InboxBadge, LiveIndicator, LiveProvider } from '../features/live';
import { useI18n } from '../i18n/i18n';
import { hasRole } from '../lib/roles';
import { LanguageSwitch } from './LanguageSwitch';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-slate-800 text-white' : 'text-slate-200 hover:bg-slate-700'}`;

export function AppLayout() {
  const { t } = useI18n();
  const { data: session } = useSession();
  const accounts = useAccounts();
  const logout = useLogout();
  const navigate = useNavigate();
  const { accountId } = useParams();
  const user = session?.user;
  const current = accountId ?? accounts.data?.[0]?.id;
  const account = accounts.data?.find((a) => a.id === current);
  const has = (feature: AccountFeature) => account?.features.includes(feature) ?? false;

  return (
    <div className="min-h-screen">
      <LiveProvider />
      <a href="#main" className="sr-only focus:not-sr-only">
        {t('app.skip')}
      </a>
      <header className="bg-slate-900 text-white">
        {/* Across every account: where to look first, and who is signed in. */}
        <div className="mx-auto flex max-w-screen-2xl items-center gap-4 px-4 py-2">
          <NavLink to="/" className="shrink-0 font-semibold" end>
            {t('app.title')}
          </NavLink>
          <nav className="flex shrink-0 gap-1" aria-label={t('nav.overview')}>
            <NavLink to="/" className={navClass} end data-testid="nav-overview">
              {t('nav.overview')}
            </NavLink>
            <InboxBadge className={navClass} />
            {user && hasRole(user.role, 'admin') ? (
              <NavLink to="/admin/accounts" className={navClass} data-testid="nav-accounts-admin">
                {t('accounts.nav')}
              </NavLink>
            ) : null}
            {user && hasRole(user.role, 'admin') ? (
              <NavLink to="/admin/display-links" className={navClass} data-testid="nav-display-links">
                {t('displayLinks.nav')}
              </NavLink>
            ) : null}
            {user && hasRole(user.role, 'admin') ? (
              <NavLink to="/audit" className={navClass}>
                {t('nav.audit')}
              </NavLink>
            ) : null}
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <LiveIndicator className="text-slate-300" />
            <span className="flex items-center gap-2 text-slate-900">
              <LanguageSwitch />
            </span>
            {user ? (
              <span className="truncate text-sm text-slate-200" data-testid="current-user">
                {t('nav.signedInAs', { user: user.username, role: t(`role.${user.role}`) })}
              </span>
            ) : null}
            <Button
              variant="secondary"
              onClick={() => logout.mutate()}
              data-testid="logout"
              className="shrink-0"
            >
              {t('nav.signOut')}
            </Button>
          </div>
        </div>
        {/* One account at a time: its pages. */}
        <div className="bg-slate-800">
          <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-4 py-1.5">
            {accounts.data && accounts.data.length > 0 ? (
              <label className="inline-flex items-center gap-1 text-sm text-slate-300">
                {t('nav.account')}
                <select
                  className="max-w-[40rem] rounded-md border border-slate-600 bg-slate-900 px-2 py-1 text-sm text-white"
                  value={current ?? ''}
                  onChange={(e) => navigate(`/accounts/${e.target.value}/applications`)}
                  data-testid="account-switch"
                  title={
                    account
                      ? `${account.name} · ${account.product.toUpperCase()} · ${account.regionId}`
                      : undefined
                  }
                >
                  {accounts.data.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} · {a.product.toUpperCase()} · {a.regionId}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <nav className="flex flex-wrap gap-1" aria-label={t('nav.account')}>
              {current ? (
                <NavLink to={`/accounts/${current}/applications`} className={navClass} end={false}>
                  {t('nav.applications')}
                </NavLink>
              ) : null}
              {current && has('namespaces') ? (
                <NavLink
                  to={`/accounts/${current}/namespaces`}
                  className={navClass}
                  data-testid="nav-namespaces"
                >
                  {t('nav.namespaces')}
                </NavLink>
              ) : null}
              {current && has('retailCloudOps') ? (
                <NavLink
                  to={`/accounts/${current}/retailcloud/apps`}
                  className={navClass}
                  data-testid="nav-retailcloud-apps"
                >
                  {t('nav.retailCloudApps')}
                </NavLink>
              ) : null}
              {current && has('retailCloudOps') ? (
                <NavLink
                  to={`/accounts/${current}/retailcloud/cluster`}
                  className={navClass}
                  data-testid="nav-retailcloud-cluster"
                >
                  {t('nav.retailCloudCluster')}
                </NavLink>
              ) : null}
              {current && has('asOps') ? (
                <NavLink to={`/accounts/${current}/as`} className={navClass} data-testid="nav-as">
                  {t('nav.as')}
                </NavLink>
              ) : null}
              {current && has('aosOps') ? (
                <NavLink to={`/accounts/${current}/aos`} className={navClass} data-testid="nav-aos">
                  {t('nav.aos')}
                </NavLink>
              ) : null}
            </nav>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
