import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<Variant, string> = {
  primary: 'bg-blue-600 text-white hover:bg-blue-700 border-blue-600',
  secondary: 'bg-white text-slate-800 hover:bg-slate-100 border-slate-300',
  danger: 'bg-red-600 text-white hover:bg-red-700 border-red-600',
  ghost: 'bg-transparent text-blue-700 hover:bg-blue-50 border-transparent',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** When set, the button is disabled and says why (tooltip and accessible description). */
  disabledReason?: string | undefined;
}

export function Button({
  variant = 'secondary',
  disabledReason,
  disabled,
  className,
  title,
  ...rest
}: ButtonProps) {
  const isDisabled = Boolean(disabled || disabledReason);
  return (
    <button
      type="button"
      {...rest}
      disabled={isDisabled}
      title={disabledReason ?? title}
      aria-label={disabledReason ? `${String(rest.children ?? '')} — ${disabledReason}` : rest['aria-label']}
      className={`inline-flex items-center gap-1 rounded-md border px-3 py-1.5 text-sm font-medium shadow-xs transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${className ?? ''}`}
    />
  );
}
