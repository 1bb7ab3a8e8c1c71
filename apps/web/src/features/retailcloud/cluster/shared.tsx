import type { Role } from '@console/contract';
import { ConfirmActionDialog, type ConfirmActionDialogProps } from '../../../components/ConfirmActionDialog';
import { useI18n } from '../../../i18n/i18n';
import { hasRole } from '../../../lib/roles';
import { useRole } from '../../auth/api';
import { useAllClusters } from './api';

/** Why the signed-in user may not do something that needs `needed`, or undefined when they may. */
export function useBlocked(needed: Role): string | undefined {
  const { t } = useI18n();
  const role = useRole();
  return hasRole(role, needed) ? undefined : t('common.requiresRole', { role: needed });
}

// The password rules of the contract, repeated here so that the page bundle carries no schema library.
/** CreateCluster: 8 or more characters with upper and lower case, a digit and a symbol. */
export const clusterPasswordOk = (p: string): boolean =>
  p.length >= 8 &&
  p.length <= 64 &&
  /[A-Z]/.test(p) &&
  /[a-z]/.test(p) &&
  /\d/.test(p) &&
  /[^A-Za-z0-9]/.test(p);

/** RDS accounts: 8–32 of letters, digits and !@#$&%^*()_+-=, with three of the four kinds. */
export function rdsPasswordOk(p: string): boolean {
  if (p.length < 8 || p.length > 32 || !/^[A-Za-z0-9!@#$&%^*()_+\-=]+$/.test(p)) return false;
  return [/[A-Z]/, /[a-z]/, /\d/, /[!@#$&%^*()_+\-=]/].filter((r) => r.test(p)).length >= 3;
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

const tone = (fraction: number) =>
  fraction > 0.8 ? 'bg-red-500' : fraction > 0.5 ? 'bg-amber-500' : 'bg-emerald-500';

/** A share (0–1) as a labelled bar; past 50 % it turns amber, past 80 % red. */
export function PercentBar({
  label,
  fraction,
  detail,
  testId,
  compact = false,
}: {
  label: string;
  fraction: number;
  detail?: string;
  testId?: string;
  compact?: boolean;
}) {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const percent = Math.round(clamped * 100);
  return (
    <div data-testid={testId} data-percent={percent} className={compact ? 'min-w-28' : ''}>
      {compact ? null : (
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium text-slate-700">{label}</span>
          <span className="text-slate-600">
            {percent} %{detail ? <span className="ml-2 text-xs text-slate-500">{detail}</span> : null}
          </span>
        </div>
      )}
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className={`${compact ? 'h-1.5' : 'mt-1 h-2.5'} w-full overflow-hidden rounded-full bg-slate-200`}
      >
        <div className={`h-full ${tone(clamped)}`} style={{ width: `${percent}%` }} />
      </div>
      {compact ? <span className="text-xs text-slate-600">{percent} %</span> : null}
    </div>
  );
}

/** Picks one of the account's clusters; the choice lives in the URL (`?cluster=`). */
export function ClusterPicker({
  accountId,
  value,
  onChange,
  allowAll = false,
  testId,
}: {
  accountId: string;
  value: string;
  onChange: (clusterId: string) => void;
  allowAll?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const clusters = useAllClusters(accountId);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">{t('rcCluster.cluster')}</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        <option value="">{allowAll ? t('common.all') : t('rcCluster.chooseCluster')}</option>
        {clusters.data?.items.map((c) => (
          <option key={c.instanceId} value={c.instanceId}>
            {c.title} ({c.envType})
          </option>
        ))}
      </select>
    </label>
  );
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
        label: t('rcCluster.typeToConfirm', { name }),
        testId: `${testId}-name`,
        problem: t('rcCluster.typeToConfirmProblem'),
      }}
    />
  );
}
