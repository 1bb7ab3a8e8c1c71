import type { ReactNode } from 'react';
import { Button } from './Button';

/** An action on one thing (edit, delete…); when it is not allowed, the button says why. */
export interface Action {
  label: string;
  testId: string;
  onClick: () => void;
  disabledReason: string | undefined;
}

/** The actions of a table row, side by side; `children` (e.g. a link) come first. */
export function RowActions({
  actions,
  wrap = false,
  children,
}: {
  actions: Action[];
  /** Let the buttons wrap onto a second line in a narrow column. */
  wrap?: boolean;
  children?: ReactNode;
}) {
  return (
    <span className={wrap ? 'flex flex-wrap gap-1' : 'flex gap-1'}>
      {children}
      {actions.map((a) => (
        <Button
          key={a.testId}
          variant="ghost"
          disabledReason={a.disabledReason}
          onClick={a.onClick}
          data-testid={a.testId}
        >
          {a.label}
        </Button>
      ))}
    </span>
  );
}
