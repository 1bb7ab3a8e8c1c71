import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in, wrapped by the label
    <label className="block">
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <span className="mt-1 block">{children}</span>
      {hint ? <span className="mt-1 block text-xs text-slate-500">{hint}</span> : null}
    </label>
  );
}

export const inputBase =
  'block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600 disabled:bg-slate-100';

export const inputClass = `${inputBase} w-full`;

type ControlProps<Attributes> = Omit<Attributes, 'onChange' | 'children'> & {
  label: string;
  hint?: string | undefined;
  /** The new value as typed or picked. */
  onChange: (value: string) => void;
  testId?: string;
};

/** A labelled text box; the other attributes go to the `<input>`. */
export function TextField({
  label,
  hint,
  onChange,
  testId,
  className = inputClass,
  ...input
}: ControlProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field label={label} hint={hint}>
      <input
        className={className}
        {...input}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </Field>
  );
}

/** A labelled drop-down of the options given as children; the other attributes go to the `<select>`. */
export function SelectField({
  label,
  hint,
  onChange,
  testId,
  className = inputClass,
  children,
  ...select
}: ControlProps<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      <select
        className={className}
        {...select}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        {children}
      </select>
    </Field>
  );
}
