/** Where CLI commands write, so tests can run them in-process and read what they printed. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Ctrl+C as an AbortSignal for long commands, so they stop cleanly and keep what is done. */
export function interruptSignal(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', cancel) };
}
