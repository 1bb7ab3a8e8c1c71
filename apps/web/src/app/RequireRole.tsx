import type { Role } from '@console/contract';
import { Outlet } from 'react-router';
import { useSession } from '../features/auth/api';
import { useI18n } from '../i18n/i18n';
import { hasRole } from '../lib/roles';

/**
 * Pages only a role may use: anyone below it sees which role they need, and the page (and its requests
 * to the console) is never loaded. The BFF refuses the same requests on its own.
 */
export function RequireRole({ needed }: { needed: Role }) {
  const { t } = useI18n();
  const { data: session } = useSession();
  const user = session?.user;
  if (!user || hasRole(user.role, needed)) return <Outlet />;
  return (
    <div
      role="alert"
      data-testid="role-required"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <p className="font-semibold">{t('error.forbiddenTitle')}</p>
      <p className="mt-1">{t('common.requiresRole', { role: t(`role.${needed}`) })}</p>
    </div>
  );
}
