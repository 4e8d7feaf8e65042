/**
 * Turns what a user typed into an FTS5 MATCH expression that cannot be a syntax error.
 * Words and "quoted phrases" become quoted strings, so FTS5 operators and punctuation in
 * them are plain text; a trailing * asks for a prefix match; OR between two terms is kept,
 * AND is implied. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  for (const token of input.match(/"[^"]*"|[^\s"]+/g) ?? []) {
    if (token === 'OR') {
      if (parts.length > 0 && parts.at(-1) !== 'OR') parts.push('OR');
      continue;
    }
    if (token === 'AND') continue;
    const quoted = token.startsWith('"');
    const prefix = !quoted && token.endsWith('*');
    const text = quoted ? token.slice(1, -1) : token.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    parts.push(`"${text}"${prefix ? '*' : ''}`);
  }
  if (parts.at(-1) === 'OR') parts.pop();
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Restricts an FTS5 MATCH to the one row named by @rowid. Not `rowid = @rowid`: with the rowid
 * bound (SQLite 3.54), the planner takes that equality as handled by FTS5, which never sees it,
 * so every matching row comes back; FTS5 does apply a bound range.
 */
export const FTS_ONE_ROW = 'rowid >= @rowid AND rowid <= @rowid';
