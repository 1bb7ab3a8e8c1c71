import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="py-10 text-center">
      <p className="text-lg">{t('error.notFound')}</p>
      <Link to="/" className="mt-3 inline-block text-blue-700 underline">
        {t('error.backHome')}
      </Link>
    </div>
  );
}
