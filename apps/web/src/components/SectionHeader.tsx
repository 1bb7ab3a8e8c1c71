import type { ReactNode } from 'react';
import { Button } from './Button';
import type { Action } from './RowActions';

/** The one button a section leads with, e.g. create; when it is disabled it says why. */
export interface SectionAction extends Action {
  /** Primary unless the section's action is a second way to something the page leads with elsewhere. */
  variant?: 'primary' | 'secondary';
}

/** A heading for one part of a page or tab, with its controls and its action on the right. */
export function SectionHeader({
  title,
  action,
  children,
}: {
  title: string;
  action?: SectionAction;
  children?: ReactNode;
}) {
  return (
    <div className="mt-6 mb-2 flex items-center gap-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      <span className="ml-auto flex gap-2">
        {children}
        {action ? (
          <Button
            variant={action.variant ?? 'primary'}
            disabledReason={action.disabledReason}
            onClick={action.onClick}
            data-testid={action.testId}
          >
            {action.label}
          </Button>
        ) : null}
      </span>
    </div>
  );
}
