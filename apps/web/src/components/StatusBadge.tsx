import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { nativeText } from '../i18n/native-labels';

const tones: Record<string, string> = {
  running: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  succeeded: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  stopped: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  pending: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  deploying: 'bg-blue-50 text-blue-800 ring-blue-600/30',
  preparing: 'bg-blue-50 text-blue-800 ring-blue-600/30',
  waiting: 'bg-amber-50 text-amber-900 ring-amber-600/40',
  failed: 'bg-red-50 text-red-800 ring-red-600/30',
  aborted: 'bg-orange-50 text-orange-800 ring-orange-600/30',
  unknown: 'bg-slate-100 text-slate-600 ring-slate-500/30',
};

/**
 * The console status in words and colour, with the cloud's native status beside it: in the console's
 * words where it is a known value, as the cloud sent it in the tooltip, and its number when there is one.
 */
export function StatusBadge({
  status,
  native,
  nativeCode,
  testId,
}: {
  status: string;
  native?: string | undefined;
  nativeCode?: number | undefined;
  testId?: string;
}) {
  const { t } = useI18n();
  const label = t(`status.${status}` as MessageKey);
  const said = native ? nativeText(t, ['status'], native) : undefined;
  // `Succeeded` beside `Succeeded`: the native status only says its code, the words are in the tooltip.
  const repeats = said?.changed === true && said.text.toLowerCase() === label.toLowerCase();
  const code = nativeCode !== undefined ? `(${nativeCode})` : '';
  return (
    <span className="inline-flex items-center gap-1.5" data-testid={testId} data-status={status}>
      <span
        className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status] ?? tones.unknown}`}
        title={repeats ? native : undefined}
      >
        {status === 'running' || status === 'deploying' || status === 'preparing' ? (
          <span className="mr-1 size-1.5 rounded-full bg-current" aria-hidden />
        ) : null}
        {label}
      </span>
      {native && said && (code || !repeats) ? (
        <code
          className="text-xs text-slate-500"
          title={said.changed ? native : undefined}
          data-native={native}
        >
          {repeats ? code : [said.text, code].filter(Boolean).join(' ')}
        </code>
      ) : null}
    </span>
  );
}
