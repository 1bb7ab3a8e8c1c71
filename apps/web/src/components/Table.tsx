import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export function Table({ head, children, testId }: { head: string[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50">
          <tr>
            {head.map((cell) => (
              <th
                key={cell}
                scope="col"
                className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-top ${className ?? ''}`}>{children}</td>;
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-6 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}

/** A table of items, a row each (`row` gives the `<tr>` with its key), and a line saying so when there are none. */
export function DataTable<Item>({
  head,
  rows,
  row,
  empty,
  testId,
}: {
  head: string[];
  rows: Item[];
  row: (item: Item) => ReactNode;
  /** The line shown without rows; "no items" unless said otherwise. */
  empty?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Table head={head} testId={testId}>
      {rows.length === 0 ? (
        <EmptyRow colSpan={head.length}>{empty ?? t('common.empty')}</EmptyRow>
      ) : (
        rows.map((item) => row(item))
      )}
    </Table>
  );
}
