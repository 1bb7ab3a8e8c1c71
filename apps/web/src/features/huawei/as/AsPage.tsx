import { useI18n } from '../../../i18n/i18n';

/** Auto Scaling: the product's own families, beside the generic application views. */
export function AsPage() {
  const { t } = useI18n();
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{t('as.title')}</h1>
    </section>
  );
}
