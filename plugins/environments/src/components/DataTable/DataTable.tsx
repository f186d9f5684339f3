import type { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  // A wide table scrolls inside its own box (reachable by keyboard) instead of widening the page.
  container: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere' },
});

/** One column: header text and how a row renders in it. */
export type DataColumn<T> = {
  title: string;
  render: (row: T) => ReactNode;
};

/**
 * A Material UI table with the theme's colours; rows keep their native tab order so every button
 * inside is reachable by keyboard.
 */
export function DataTable<T>(props: {
  label: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  const classes = useStyles();
  return (
    <TableContainer
      className={classes.container}
      role="region"
      aria-label={props.label}
      tabIndex={0}
    >
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            {props.columns.map(column => (
              <TableCell key={column.title} scope="col">
                {column.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map(row => (
            <TableRow key={props.rowKey(row)}>
              {props.columns.map(column => (
                <TableCell key={column.title} className={classes.cell}>
                  {column.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
