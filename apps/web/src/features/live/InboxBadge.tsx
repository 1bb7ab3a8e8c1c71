import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useOverview } from './api';

/** The inbox link with the number of items waiting for a person on every account. */
export function InboxBadge({ className }: { className: (state: { isActive: boolean }) => string }) {
  const { t } = useI18n();
  const overview = useOverview();
  const count = overview.data?.accounts.reduce((sum, a) => sum + a.waiting.length, 0);
  return (
    <NavLink to="/inbox" className={className} data-testid="nav-inbox">
      {t('nav.inbox')}
      {count ? (
        <span
          className="ml-1.5 rounded-full bg-amber-400 px-1.5 py-0.5 text-xs font-semibold text-slate-900"
          data-testid="inbox-count"
          title={t('nav.inboxCount', { count })}
        >
          {count}
          <span className="sr-only"> {t('nav.inboxCount', { count })}</span>
        </span>
      ) : null}
    </NavLink>
  );
}
