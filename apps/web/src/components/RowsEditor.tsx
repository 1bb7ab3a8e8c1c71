import type { ReactNode } from 'react';
import { Button } from './Button';

export interface RowsEditorColumn<Row> {
  head: string;
  /** Extra classes of the column's header cell, e.g. its width. */
  headClassName?: string;
  cell: (row: Row, set: (patch: Partial<Row>) => void) => ReactNode;
}

/**
 * Rows of a form edited in place (port mappings, rules, key/value entries): one table row of inputs each,
 * a remove button at its end and an add button below. Rows have no identity of their own while typed,
 * so they are keyed by position.
 */
export function RowsEditor<Row>({
  columns,
  rows,
  onChange,
  newRow,
  max,
  fullWidth = true,
  rowClassName,
  rowTestId,
  removeLabel,
  addLabel,
  addTestId,
}: {
  columns: RowsEditorColumn<Row>[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** What the add button appends. */
  newRow: Row;
  /** No add button beyond this many rows; without it, no limit. */
  max?: number;
  fullWidth?: boolean;
  rowClassName?: string;
  rowTestId: string;
  removeLabel: string;
  addLabel: string;
  addTestId: string;
}) {
  const set = (index: number, patch: Partial<Row>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <>
      <table className={fullWidth ? 'w-full text-sm' : 'text-sm'}>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            {columns.map((c) => (
              <th
                key={c.head}
                className={c.headClassName ? `${c.headClassName} pr-2 font-medium` : 'pr-2 font-medium'}
              >
                {c.head}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a key field may be blank or repeated while typed
            <tr key={index} className={rowClassName} data-testid={rowTestId}>
              {columns.map((c) => (
                <td key={c.head} className="py-1 pr-2">
                  {c.cell(row, (patch) => set(index, patch))}
                </td>
              ))}
              <td className="py-1">
                <Button variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  {removeLabel}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        onClick={() => onChange([...rows, newRow])}
        disabled={max !== undefined && rows.length >= max}
        data-testid={addTestId}
      >
        {addLabel}
      </Button>
    </>
  );
}
