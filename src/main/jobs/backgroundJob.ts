/**
 * One long piece of work at a time (an import, an export), started from the UI, watched
 * by polling, cancellable. The work itself keeps its heavy parts off this thread.
 */

export interface JobStatus<Progress, Result> {
  /** The work under way, with its latest progress; null when idle. */
  readonly running: Progress | null;
  /** How the last run ended. */
  readonly last: Result | null;
  /** Why the last run failed, if it did. */
  readonly error: string | null;
}

export type JobWork<Progress, Result> = (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<Result>;

export class BackgroundJob<Progress, Result> {
  #running: { progress: Progress; controller: AbortController; done: Promise<void> } | null = null;
  #last: Result | null = null;
  #error: string | null = null;
  readonly #idle: Progress;

  /** @param idle the progress shown before the work reports any */
  constructor(idle: Progress) {
    this.#idle = idle;
  }

  /** Starts `work`; false when work is already under way. */
  start(work: JobWork<Progress, Result>): boolean {
    if (this.#running) return false;
    const controller = new AbortController();
    const running = { progress: this.#idle, controller, done: Promise.resolve() };
    this.#error = null;
    running.done = work(controller.signal, (progress) => {
      running.progress = progress;
    })
      .then(
        (result) => {
          this.#last = result;
        },
        (error: unknown) => {
          this.#error = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => {
        this.#running = null;
      });
    this.#running = running;
    return true;
  }

  status(): JobStatus<Progress, Result> {
    return { running: this.#running?.progress ?? null, last: this.#last, error: this.#error };
  }

  cancel(): void {
    this.#running?.controller.abort();
  }

  /** Resolves when the work under way (if any) has finished. */
  async settled(): Promise<void> {
    await this.#running?.done;
  }
}
