/**
 * Counts the work a pure reader does as the characters its searches scan, not as time: while
 * `counted` runs, every regular expression search (String's match, replace, split, search and
 * test all go through RegExp.prototype.exec once it is replaced) and every indexOf adds the
 * stretch of text it looked through. A reader that searches the rest of the text from every
 * line or word scans quadratically many characters, however fast the machine.
 */
const nativeExec = RegExp.prototype.exec;
const nativeIndexOf = String.prototype.indexOf;

export function countScanned(counted: () => void): number {
  let scanned = 0;
  RegExp.prototype.exec = function exec(this: RegExp, text: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = nativeExec.call(this, text);
    const end = match === null ? (this.sticky ? from + 1 : text.length) : match.index + Math.max(1, match[0].length);
    scanned += Math.max(1, end - from);
    return match;
  };
  String.prototype.indexOf = function indexOf(this: string, search: string, position?: number) {
    const found = nativeIndexOf.call(this, search, position);
    scanned += Math.max(1, (found < 0 ? this.length : found + search.length) - (position ?? 0));
    return found;
  };
  try {
    counted();
  } finally {
    RegExp.prototype.exec = nativeExec;
    String.prototype.indexOf = nativeIndexOf;
  }
  return scanned;
}
