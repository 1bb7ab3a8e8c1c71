import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="py-6 text-sm text-slate-500" role="status">
      {t('common.loading')}
    </p>
  );
}
