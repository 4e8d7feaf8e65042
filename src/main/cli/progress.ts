/** A progress bar on stderr when it is a terminal; nothing in logs and pipes, where progress lines would only be noise. */
import cliProgress from 'cli-progress';
import type { CliIO } from './io.ts';

export interface ProgressBar {
  update(done: number, total: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

/** @param format cli-progress's format: `{bar}`, `{value}`, `{total}` and the payload's keys */
export function progressBar(io: CliIO, format: string): ProgressBar {
  const stream = io.terminal;
  if (stream === null) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ format, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done, total, payload = {}) => {
      if (!started) bar.start(total, done, payload);
      started = true;
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
