/**
 * The library file as this app left it at a clean close, so the next open can skip quick_check
 * (seconds on a library of 100,000 letters) when nothing has touched the file since. The stamp
 * (`<file>-checked`) holds its size, modification and change times and inode; any other write to
 * the file changes them, and a write-ahead log left with content means the file was not closed
 * cleanly, so the check runs again. A file is only stamped after an open that checked it (or
 * found its stamp), so a stamp always stands for a checked file changed only through SQLite.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

interface Stamp {
  readonly size: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
}

const stampFile = (file: string) => `${file}-checked`;

function currentStamp(file: string): Stamp | null {
  try {
    const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > 0) return null;
    const info = statSync(file, { bigint: true });
    return { size: String(info.size), mtimeNs: String(info.mtimeNs), ctimeNs: String(info.ctimeNs), ino: String(info.ino) };
  } catch {
    return null;
  }
}

/** True when the file is exactly as the app left it after its last checked session. */
export function isUnchangedSinceChecked(file: string): boolean {
  const now = currentStamp(file);
  if (!now) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile(file), 'utf8')) as Partial<Stamp>;
    return stamp.size === now.size && stamp.mtimeNs === now.mtimeNs && stamp.ctimeNs === now.ctimeNs && stamp.ino === now.ino;
  } catch {
    return false;
  }
}

/** After a clean close: stamps the file, or removes a stamp that no longer fits (another connection keeps a log open). */
export function stampCheckedFile(file: string): void {
  const now = currentStamp(file);
  try {
    if (now) writeFileSync(stampFile(file), `${JSON.stringify(now)}\n`);
    else rmSync(stampFile(file), { force: true });
  } catch {
    // Without a stamp the next open checks the file again: slower, never wrong.
  }
}
