/**
 * One long piece of work at a time (an import, an export), started from the UI, watched
 * by polling, cancellable. The work itself keeps its heavy parts off this thread.
 */

export interface JobStatus<Progress, Result> {
  /** The work under way, with its latest progress; null when idle. */
  readonly running: Progress | null;
  /** What the last run gave back; null when it failed or was cancelled (never an earlier run's result). */
  readonly last: Result | null;
  /** Why the last run failed, if it did. */
  readonly error: string | null;
  /** The last run was cancelled before it had a result: the user's choice, not a failure. */
  readonly cancelled: boolean;
}

export type JobWork<Progress, Result> = (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<Result>;

export class BackgroundJob<Progress, Result> {
  #running: { progress: Progress; controller: AbortController; done: Promise<void> } | null = null;
  #last: Result | null = null;
  #error: string | null = null;
  #cancelled = false;
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
    this.#last = null;
    this.#error = null;
    this.#cancelled = false;
    running.done = work(controller.signal, (progress) => {
      running.progress = progress;
    })
      .then(
        (result) => {
          this.#last = result;
        },
        (error: unknown) => {
          // Work that gives up on its signal rejects with the abort; that is the cancel asked for.
          if (controller.signal.aborted) this.#cancelled = true;
          else this.#error = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => {
        this.#running = null;
      });
    this.#running = running;
    return true;
  }

  status(): JobStatus<Progress, Result> {
    return { running: this.#running?.progress ?? null, last: this.#last, error: this.#error, cancelled: this.#cancelled };
  }

  cancel(): void {
    this.#running?.controller.abort();
  }

  /** Resolves when the work under way (if any) has finished. */
  async settled(): Promise<void> {
    await this.#running?.done;
  }
}
