import { useParams, useSearchParams } from 'react-router';
import { TabBar } from '../../../components/TabBar';
import { useI18n } from '../../../i18n/i18n';
import { isStackView, StackDetail, StackList } from './StacksTab';
import { TemplateDetail, TemplateList } from './TemplatesTab';

const TABS = ['stacks', 'templates'] as const;
type Tab = (typeof TABS)[number];

/** The URL's query with some keys set, and those given no value removed (a view's default never shows). */
function patched(current: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/**
 * AOS stacks & templates: the product's own families, beside the generic application views. The tab,
 * the open stack or template, the stack's view, element and execution, the filter and the page live in
 * the URL.
 */
export function AosPage() {
  const { accountId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'templates' ? 'templates' : 'stacks';
  const stackId = params.get('stack') ?? '';
  const templateId = params.get('template') ?? '';
  const view = params.get('view') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (changes: Record<string, string | undefined>) =>
    setParams((current) => patched(current, changes));
  const openStack = (id: string) =>
    set({
      tab: undefined,
      stack: id,
      template: undefined,
      view: undefined,
      element: undefined,
      execution: undefined,
    });
  const openTemplate = (id: string) =>
    set({
      tab: 'templates',
      template: id,
      stack: undefined,
      view: undefined,
      element: undefined,
      execution: undefined,
    });
  return (
    <section data-testid="aos-page">
      <h1 className="mb-1 text-2xl font-semibold">{t('aos.title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('aos.subtitle')}</p>
      <TabBar
        tabs={TABS}
        current={tab}
        onSelect={(id) =>
          set({
            tab: id === 'stacks' ? undefined : id,
            stack: undefined,
            template: undefined,
            view: undefined,
            element: undefined,
            execution: undefined,
            page: undefined,
          })
        }
        label={(id) => t(id === 'stacks' ? 'aos.stacks' : 'aos.templates')}
        testIdPrefix="aos-tab-"
        className="mb-4 flex gap-1"
      />
      <div role="tabpanel">
        {tab === 'stacks' ? (
          stackId ? (
            <StackDetail
              key={stackId}
              accountId={accountId}
              stackId={stackId}
              view={isStackView(view) ? view : 'elements'}
              elementId={params.get('element') ?? ''}
              actionId={params.get('execution') ?? ''}
              onBack={() =>
                set({ stack: undefined, view: undefined, element: undefined, execution: undefined })
              }
              onView={(v) => set({ view: v === 'elements' ? undefined : v })}
              onElement={(id) => set({ element: id })}
              onExecution={(id) => set({ execution: id })}
              onOpenTemplate={openTemplate}
            />
          ) : (
            <StackList
              accountId={accountId}
              status={params.get('status') ?? ''}
              onStatus={(s) => set({ status: s })}
              onOpen={openStack}
            />
          )
        ) : templateId ? (
          <TemplateDetail
            key={templateId}
            accountId={accountId}
            templateId={templateId}
            onBack={() => set({ template: undefined })}
            onStackCreated={openStack}
          />
        ) : (
          <TemplateList
            accountId={accountId}
            page={page}
            onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
            onOpen={openTemplate}
          />
        )}
      </div>
    </section>
  );
}
