import { useI18n } from '../i18n/i18n';
import { Button } from './Button';
import { DialogActions } from './Dialog';
import { ErrorPanel } from './ErrorPanel';

/**
 * The end of every form dialog: what is wrong with the form, what the cloud answered if sending failed,
 * and Cancel / submit, both held while the request is in flight.
 */
export function FormFooter({
  problem,
  error,
  pending,
  submitLabel,
  submitTestId,
  onCancel,
}: {
  problem: string | undefined;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {problem ? (
        <p className="text-sm text-red-700" role="alert" data-testid="form-problem">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} /> : null}
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={pending || problem !== undefined}
          data-testid={submitTestId}
        >
          {pending ? t('common.sending') : submitLabel}
        </Button>
      </DialogActions>
    </>
  );
}
