/** How far samples and blind passes have come: a table of them, and the figure-and-meter each row shows. */
import type { ReactNode } from 'react';
import { count } from '../../../shared/insightsFormat.ts';

export interface ProgressRow {
  readonly key: number;
  readonly chosen?: boolean;
  readonly name: ReactNode;
  readonly detail: string;
  readonly done: number;
  readonly of: number;
  readonly action: ReactNode;
}

/** Samples and blind passes alike: a name with a line of detail, how far it has come, and what to do with it. */
export function ProgressTable({ className, name, progress, rows }: { readonly className?: string; readonly name: string; readonly progress: string; readonly rows: readonly ProgressRow[] }) {
  return (
    <table className={`quality-table${className ? ` ${className}` : ''}`}>
      <thead>
        <tr>
          <th>{name}</th>
          <th>{progress}</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.chosen ? 'chosen-row' : undefined}>
            <td>
              {row.name}
              <div className="muted small">{row.detail}</div>
            </td>
            <td className="nowrap">
              <Progress done={row.done} of={row.of} />
            </td>
            <td className="nowrap">{row.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "12 / 50" with a meter beside it; the figure is what a screen reader reads, the meter only draws it. */
export function Progress({ done, of }: { readonly done: number; readonly of: number }) {
  return (
    <span className="quality-progress">
      <span className="progress-figure">
        {count(done)} / {count(of)}
      </span>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${of > 0 ? ((100 * done) / of).toFixed(1) : 0}%` }} />
      </span>
    </span>
  );
}
