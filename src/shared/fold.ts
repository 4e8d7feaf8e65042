/**
 * The gold whitespace convention, shared by the parser and by the UI when a reviewer
 * assigns selected source text to a field: a line ending in "-" joins the next line
 * without a space (hyphen kept); every other whitespace run becomes one space.
 */
const LINE_FINAL_HYPHEN = /-[ \t]*(?:\r\n|\r|\n|\f)\s*/g;
const WHITESPACE_RUN = /\s+/g;

export function foldWhitespace(raw: string): string {
  return raw.replace(LINE_FINAL_HYPHEN, '-').replace(WHITESPACE_RUN, ' ').trim();
}

/** Every whitespace run as one space, trimmed: how the accuracy tools and the audit compare values. */
export function foldExact(value: string | null | undefined): string | null {
  return value == null ? null : value.replace(/\s+/g, ' ').trim();
}
