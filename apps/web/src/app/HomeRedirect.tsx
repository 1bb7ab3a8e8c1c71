import { Navigate } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Spinner';
import { useAccounts } from '../features/accounts/api';
import { useI18n } from '../i18n/i18n';

export function HomeRedirect() {
  const { t } = useI18n();
  const accounts = useAccounts();
  if (accounts.isPending) return <Loading />;
  if (accounts.error) return <ErrorPanel error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const first = accounts.data[0];
  if (!first) return <p className="text-slate-600">{t('common.empty')}</p>;
  return <Navigate to={`/accounts/${first.id}/applications`} replace />;
}
