import type { Role } from '@console/contract';
import { ConfirmActionDialog, type ConfirmActionDialogProps } from '../../../components/ConfirmActionDialog';
import { StatusBadge } from '../../../components/StatusBadge';
import { useI18n } from '../../../i18n/i18n';
import { fromDateTimeInput, toDateTimeInput } from '../../../lib/format';
import { hasRole } from '../../../lib/roles';
import { useRole } from '../../auth/api';

/** Why the signed-in user may not do something that needs `needed`, or undefined when they may. */
export function useBlocked(needed: Role = 'operator'): string | undefined {
  const { t } = useI18n();
  const role = useRole();
  return hasRole(role, needed) ? undefined : t('common.requiresRole', { role: needed });
}

const GROUP_TONE: Record<string, string> = {
  INSERVICE: 'running',
  PAUSED: 'stopped',
  ERROR: 'failed',
  DELETING: 'deploying',
};

/** A group's native status with the console's colour (a scaling group shows as deploying). */
export function GroupStatus({
  status,
  scaling,
  testId,
}: {
  status: string;
  scaling: boolean;
  testId?: string;
}) {
  const tone = scaling && status === 'INSERVICE' ? 'deploying' : (GROUP_TONE[status] ?? 'unknown');
  return <StatusBadge status={tone} native={status} testId={testId} />;
}

const NATIVE_TONE: Record<string, string> = {
  INSERVICE: 'running',
  NORMAL: 'running',
  SUCCESS: 'succeeded',
  PAUSED: 'stopped',
  PENDING: 'preparing',
  REMOVING: 'deploying',
  DOING: 'deploying',
  EXECUTING: 'deploying',
  INITIALIZING: 'preparing',
  PENDING_WAIT: 'waiting',
  REMOVING_WAIT: 'waiting',
  HANGING: 'waiting',
  FAIL: 'failed',
  ERROR: 'failed',
  ABANDON: 'aborted',
  CONTINUE: 'succeeded',
};

/** Any other native AS status (instance, health, policy, activity, hook) as a coloured badge. */
export function NativeStatus({ value, testId }: { value: string; testId?: string }) {
  return <StatusBadge status={NATIVE_TONE[value] ?? 'unknown'} native={value} testId={testId} />;
}

/** A destructive action that needs the object's name typed out before it can be sent. */
export function TypedConfirmDialog({
  name,
  testId,
  ...dialog
}: Omit<ConfirmActionDialogProps, 'confirmTestId' | 'typedName' | 'confirmBlocked'> & { name: string }) {
  const { t } = useI18n();
  return (
    <ConfirmActionDialog
      {...dialog}
      testId={testId}
      confirmTestId={`${testId}-submit`}
      typedName={{
        name,
        label: t('as.typeToConfirm', { name }),
        testId: `${testId}-name`,
        problem: t('as.typeToConfirmProblem'),
      }}
    />
  );
}

/**
 * `2099-06-01T08:00` typed in the zone the console shows (local or UTC) → `2099-06-01T00:00Z`, AS's
 * minute-precision UTC.
 */
export function inputToUtcMinute(input: string): string | undefined {
  const ms = fromDateTimeInput(input);
  return ms === undefined ? undefined : new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
}

/** The reverse, for editing a policy: a UTC minute as the value of a `datetime-local` input. */
export function utcMinuteToInput(utc: string | undefined): string {
  return utc ? toDateTimeInput(utc.replace(/Z$/, ':00Z')) : '';
}

/** Whole numbers only (empty = not given). */
export const intOrUndefined = (text: string): number | undefined =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;

/** A list typed with commas, spaces or new lines. */
export const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
export const filterClass = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** The page's URL state: the query and a way to change some of its keys. */
export interface UrlState {
  params: URLSearchParams;
  set: (changes: Record<string, string | undefined>) => void;
}
