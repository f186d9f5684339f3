import type { ReactNode } from 'react';

const tableStyle = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: 'var(--bui-font-size-3, 14px)',
  color: 'var(--bui-fg-primary, inherit)',
} as const;
const headStyle = {
  textAlign: 'left',
  padding: '6px 8px',
  color: 'var(--bui-fg-secondary, inherit)',
  borderBottom: '1px solid var(--bui-border-2, currentColor)',
} as const;
const cellStyle = {
  padding: '6px 8px',
  verticalAlign: 'top',
  borderBottom: '1px solid var(--bui-border-1, currentColor)',
} as const;

/** One column: header text and how a row renders in it. */
export type DataColumn<T> = {
  title: string;
  render: (row: T) => ReactNode;
};

/**
 * A plain semantic table themed with Backstage UI tokens (readable in both themes); rows keep
 * their native tab order so every button inside is reachable by keyboard.
 */
export function DataTable<T>(props: {
  label: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-label={props.label} style={tableStyle}>
        <thead>
          <tr>
            {props.columns.map(column => (
              <th key={column.title} scope="col" style={headStyle}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(row => (
            <tr key={props.rowKey(row)}>
              {props.columns.map(column => (
                <td key={column.title} style={cellStyle}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
