import type { RolloutSummary } from '@console/contract';
import { useI18n } from '../../i18n/i18n';
import { nativeLabel } from '../../i18n/native-labels';

/**
 * What kind of rollout it is, in the console's words where the type is a native code the console knows
 * (SAE CoTypeCode, AOS actionName), the cloud's own label in the tooltip; a type that only repeats its
 * label (AOS: `upgrade upgrade`) is shown once.
 */
export function RolloutType({ rollout }: { rollout: Pick<RolloutSummary, 'type' | 'typeLabel'> }) {
  const { t } = useI18n();
  const { type, typeLabel } = rollout;
  const coType = nativeLabel(t, ['coType'], type);
  if (coType !== type) {
    return (
      <span title={typeLabel} data-testid="rollout-type">
        {coType} <code className="text-xs text-slate-500">{type}</code>
      </span>
    );
  }
  if (!typeLabel || typeLabel === type) {
    const label = nativeLabel(t, ['aosAction'], type);
    return (
      <span title={label !== type ? type : undefined} data-testid="rollout-type">
        {label}
      </span>
    );
  }
  return (
    <span data-testid="rollout-type">
      {typeLabel} <code className="text-xs text-slate-500">{type}</code>
    </span>
  );
}
