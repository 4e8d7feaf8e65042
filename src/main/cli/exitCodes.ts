/** The exit codes of every command, as `imr-review --help` and the README list them. */
export const EXIT = {
  done: 0,
  /** The command could not do its work; with --strict also: done, but some files failed or conflicts are left. */
  failed: 1,
  usage: 2,
  /** 128 + SIGINT, what a shell reports for a process ended by Ctrl+C. */
  cancelled: 130,
} as const;

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0    done',
  '  1    the command could not do its work (a library that cannot be opened, a',
  '       full disk, an unreadable file); with --strict also: done, but files',
  '       failed to import or extract, or import-dataset left conflicts',
  '  2    usage: an unknown command or option, a missing or extra argument, a',
  '       bad value',
  '  130  cancelled (Ctrl+C)',
].join('\n');
