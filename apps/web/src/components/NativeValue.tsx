import { useI18n } from '../i18n/i18n';
import { type NativeKind, nativeText } from '../i18n/native-labels';

/**
 * A native value (or a text put together from them) in the console's words, the value as the cloud sent
 * it in the tooltip; a value the console does not know is shown as it came.
 */
export function NativeValue({
  value,
  kinds = ['status'],
  className,
  testId,
}: {
  value: string | undefined;
  kinds?: readonly NativeKind[];
  className?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!value) return null;
  const { text, changed } = nativeText(t, kinds, value);
  return (
    <span className={className} title={changed ? value : undefined} data-native={value} data-testid={testId}>
      {text}
    </span>
  );
}
