/** One insights table: each row that counts items opens them in the queue; Save CSV writes the raw figures. */
import type { InsightSelection } from '../../../shared/insights.ts';
import type { InsightTable } from '../../../charts/index.ts';
import { shownRows, tableCsv } from '../../../charts/index.ts';
import { saveText } from './download.ts';

export interface InsightTableViewProps {
  readonly table: InsightTable;
  readonly onSelect: (selection: InsightSelection, label: string) => void;
}

export function InsightTableView({ table, onSelect }: InsightTableViewProps) {
  const { rows, more } = shownRows(table);
  return (
    <div className="insight-table">
      <div className="chart-tools">
        <button type="button" onClick={() => saveText(`imr-insights-${table.id}.csv`, 'text/csv', tableCsv(table))}>
          Save CSV
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.label} className={column.numeric ? 'n' : undefined} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.cells.map((cell, column) => {
                const numeric = table.columns[column]?.numeric ?? false;
                const { selection } = row;
                return column === 0 && selection !== null ? (
                  <th key={column} scope="row">
                    <button type="button" className="link" title="Open these in the queue" onClick={() => onSelect(selection, row.label)}>
                      {cell.text}
                    </button>
                  </th>
                ) : (
                  <td key={column} className={numeric ? 'n' : undefined}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="muted">… and {more.toLocaleString('en-US')} more groups: all of them are in the CSV.</p>}
    </div>
  );
}
