import { inputBase } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** The look-back window of a dashboard, in minutes, from the ones it offers. */
export function RangeSelect({
  ranges,
  value,
  onChange,
  testId,
}: {
  ranges: readonly number[];
  value: number;
  onChange: (minutes: number) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      {t('usage.range')}
      <select
        className={`${inputBase} w-auto`}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={testId}
      >
        {ranges.map((r) => (
          <option key={r} value={r}>
            {t(`usage.range.${r}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A range from the URL's `?range=` when it is one of those offered, else the fallback. */
export function rangeFrom(params: URLSearchParams, ranges: readonly number[], fallback: number): number {
  const requested = Number(params.get('range'));
  return ranges.includes(requested) ? requested : fallback;
}
