/** Tabs of a page; which one is open lives in the URL, so the caller says which and what a click does. */
export function TabBar<Id extends string>({
  tabs,
  current,
  onSelect,
  label,
  testIdPrefix,
  className,
}: {
  tabs: readonly Id[];
  current: Id;
  onSelect: (id: Id) => void;
  label: (id: Id) => string;
  /** Each tab's test id is this followed by the tab's id. */
  testIdPrefix: string;
  /** Spacing and wrapping of the bar. */
  className: string;
}) {
  return (
    <div role="tablist" className={`${className} border-b border-slate-200`}>
      {tabs.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={current === id}
          onClick={() => onSelect(id)}
          data-testid={`${testIdPrefix}${id}`}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            current === id
              ? 'border-blue-600 text-blue-700'
              : 'border-transparent text-slate-600 hover:text-slate-900'
          }`}
        >
          {label(id)}
        </button>
      ))}
    </div>
  );
}
