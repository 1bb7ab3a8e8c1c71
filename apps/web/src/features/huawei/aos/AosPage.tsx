import { useI18n } from '../../../i18n/i18n';

/** AOS stacks & templates: the product's own families, beside the generic application views. */
export function AosPage() {
  const { t } = useI18n();
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{t('aos.title')}</h1>
    </section>
  );
}
