/** Markdown tables, as the dataset card and the report write them: every cell on one line, its pipes escaped. */

export function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export interface MarkdownColumn {
  readonly label: string;
  /** Right-aligned. */
  readonly numeric: boolean;
}

/** The header, the alignment row and the rows, each cell escaped. */
export function markdownTable(columns: readonly MarkdownColumn[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${columns.map((column) => escapeCell(column.label)).join(' | ')} |`,
    `| ${columns.map((column) => (column.numeric ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ];
}
