import type { ReactNode } from 'react';
import { theme } from '../theme';

const CELL_STYLE = { padding: '8px 12px', borderBottom: `1px solid ${theme.panelBorder}`, textAlign: 'left' } as const;

/** The admin pages' lists: a header row of headings, then the rows the page renders. */
export function AdminTable({ headings, children }: { headings: string[]; children: ReactNode }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {headings.map((heading, index) => (
            <th key={`${index}:${heading}`} style={CELL_STYLE}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function Cell({ children }: { children?: ReactNode }) {
  return <td style={CELL_STYLE}>{children}</td>;
}
