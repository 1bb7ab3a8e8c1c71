import type { Role } from '@console/contract';
import { type ReactNode, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { type Translate, useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { hasRole } from '../../../lib/roles';

/** Why a change button is disabled for this role, or undefined when it is allowed. */
export const blockedFor = (role: Role, t: Translate): string | undefined =>
  hasRole(role, 'operator') ? undefined : t('common.requiresRole', { role: 'operator' });

/** A tab that shows one app of the account, picked in the URL (`?app=`). */
export interface PickedAppTabProps {
  accountId: string;
  role: Role;
  selected: string;
  onSelect: (rcAppId: string) => void;
}

/** Native values next to their meaning, e.g. `EnvType 1` beside "production". */
export const Native = ({ children }: { children: ReactNode }) => (
  <code className="ml-1 text-xs text-slate-500">{children}</code>
);

/**
 * Deleting an app or an environment: its name typed out (the BFF checks it again) and, when asked,
 * force, which deletes everything under it.
 */
export function TypedDeleteDialog({
  title,
  warning,
  name,
  forceLabel,
  pending,
  error,
  onCancel,
  onConfirm,
  testId,
}: {
  title: string;
  warning: string;
  name: string;
  forceLabel: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (force: boolean) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [force, setForce] = useState(false);
  return (
    <ConfirmActionDialog
      title={title}
      confirmLabel={t('rcApps.delete')}
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={() => onConfirm(force)}
      testId={testId}
      confirmTestId={`${testId}-submit`}
      typedName={{ name, label: t('delete.typeName', { name }), testId: `${testId}-confirm` }}
    >
      <p className="font-medium text-red-800">{warning}</p>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid={`${testId}-force`}
        />
        <span>{forceLabel}</span>
      </label>
    </ConfirmActionDialog>
  );
}

/** An optional whole number typed in a text box: undefined when blank, NaN when not a number. */
export const optionalInt = (text: string): number | undefined =>
  text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;

/** The label of a cloud enumeration value, or the value itself when the catalogue does not know it. */
export const enumLabel = (t: Translate, prefix: string, value: string): string =>
  (t(`${prefix}.${value}` as MessageKey) as string | undefined) || value;
