import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A modal dialog on the native `<dialog>` element: focus stays inside, Escape closes unless busy. */
export function Dialog({
  title,
  children,
  onClose,
  busy = false,
  wide = false,
  testId,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  busy?: boolean;
  /** For dialogs that show logs or tables. */
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      className={`m-auto w-full ${wide ? 'max-w-4xl' : 'max-w-lg'} rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-3 text-sm text-slate-700">{children}</div>
      </div>
    </dialog>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex justify-end gap-2">{children}</div>;
}
