import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

/**
 * A dialog that is one form: its fields, then the footer every form dialog has. `onSubmit` runs only
 * while the form has no problem, so a field being typed can never send a half-checked request.
 */
export function FormDialog({
  title,
  children,
  problem,
  error,
  pending,
  submitLabel,
  submitTestId,
  onSubmit,
  onClose,
  wide = false,
  testId,
}: {
  title: string;
  children: ReactNode;
  problem: string | undefined;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  submitTestId: string;
  onSubmit: () => void;
  onClose: () => void;
  wide?: boolean;
  testId?: string;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose} busy={pending} wide={wide} testId={testId}>
      <form onSubmit={submit} className="space-y-3">
        {children}
        <FormFooter
          problem={problem}
          error={error}
          pending={pending}
          submitLabel={submitLabel}
          submitTestId={submitTestId}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
