import type { Role } from '@console/contract';
import { useI18n } from '../../../i18n/i18n';
import { hasRole } from '../../../lib/roles';
import { useRole } from '../../auth/api';

// Rules of the contract repeated here so that the page bundle carries no schema library.
/** Template and stack names (tables 4-2, 4-36). */
export const AOS_NAME = /^[a-z]([a-z0-9-]{0,62}[a-z0-9])?$/;
export const AOS_VERSION = /^[a-zA-Z0-9]+([-.][a-zA-Z0-9]+)*$/;
export const AOS_FORBIDDEN = /[<>()#%&/]/;
/** What the console uploads (the cloud takes up to 10 MB; the file travels inside a JSON body). */
export const TEMPLATE_MAX_BYTES = 200 * 1024;
export const MASK = '*****';

export const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/** Why the signed-in user may not do something that needs `needed`, or undefined when they may. */
export function useBlocked(needed: Role): string | undefined {
  const { t } = useI18n();
  const role = useRole();
  return hasRole(role, needed) ? undefined : t('common.requiresRole', { role: needed });
}

/** The part of a bilingual `中文##English` text for the language shown; a plain text as it is. */
export function useBilingual(): (text: string | undefined) => string {
  const { language } = useI18n();
  return (text) => {
    if (!text) return '';
    const parts = text.split('##');
    if (parts.length !== 2) return text;
    return (language === 'zh-CN' ? parts[0] : parts[1])?.trim() || text;
  };
}

/** A value as one line: strings as they are, the rest as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const PHASE_TONE: [RegExp, string][] = [
  [/(Succeeded|^Running$)/, 'bg-emerald-50 text-emerald-800 ring-emerald-600/30'],
  [/(Failed|Abnormal|Cancelled)/, 'bg-red-50 text-red-800 ring-red-600/30'],
  [/(ing$|Processing)/, 'bg-blue-50 text-blue-800 ring-blue-600/30'],
];

/** A native AOS phase (an element's, an execution's or a step's), coloured by what it means. */
export function PhaseBadge({ phase, testId }: { phase: string; testId?: string }) {
  const tone =
    PHASE_TONE.find(([re]) => re.test(phase))?.[1] ?? 'bg-slate-100 text-slate-700 ring-slate-500/30';
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
      data-testid={testId}
      data-phase={phase}
    >
      {phase || '—'}
    </span>
  );
}

/** A JSON value laid out for reading (properties, runtime properties, changed inputs). */
export function JsonBlock({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <pre
      className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-xs"
      data-testid={testId}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
