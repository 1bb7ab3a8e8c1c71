import { LiveIndicator } from './LiveIndicator';

/** The heading of a page kept fresh by the event stream: title, what it shows, and whether it is live. */
export function LivePageHeader({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="text-sm text-slate-600">{subtitle}</p>
      </div>
      <LiveIndicator className="text-slate-600" />
    </div>
  );
}
