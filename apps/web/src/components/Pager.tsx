import { useI18n } from '../i18n/i18n';
import { Button } from './Button';

export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav
      className="flex items-center justify-between gap-3 py-3 text-sm text-slate-600"
      aria-label="pagination"
    >
      <span data-testid="pager-summary">{t('common.pageOf', { page, pages, total })}</span>
      <span className="flex gap-2">
        <Button disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="pager-previous">
          {t('common.previous')}
        </Button>
        <Button disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="pager-next">
          {t('common.next')}
        </Button>
      </span>
    </nav>
  );
}
