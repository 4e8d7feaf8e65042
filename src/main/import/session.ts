/**
 * One import at a time for the app: started from the UI, watched by polling, cancellable.
 * The pipeline itself runs its extraction in worker threads, so this stays responsive.
 */
import type { ImportProgress, ImportSummary } from '../../shared/importing.ts';
import type { Library } from '../storage/index.ts';
import { importLetters } from './pipeline.ts';

export class ImportSession {
  #running: { progress: ImportProgress | null; controller: AbortController; done: Promise<void> } | null = null;
  #last: ImportSummary | null = null;
  readonly #library: Library;

  constructor(library: Library) {
    this.#library = library;
  }

  /** Starts importing `paths`; false when an import is already under way. */
  start(paths: readonly string[]): boolean {
    if (this.#running) return false;
    const controller = new AbortController();
    const running = {
      progress: null as ImportProgress | null,
      controller,
      done: Promise.resolve(),
    };
    running.done = importLetters(this.#library, paths, {
      signal: controller.signal,
      onProgress: (progress) => {
        running.progress = progress;
      },
    })
      .then((summary) => {
        this.#last = summary;
      })
      .finally(() => {
        this.#running = null;
      });
    this.#running = running;
    return true;
  }

  status(): { running: ImportProgress | null; last: ImportSummary | null } {
    const running = this.#running ? (this.#running.progress ?? emptyProgress()) : null;
    return { running, last: this.#last };
  }

  cancel(): void {
    this.#running?.controller.abort();
  }

  /** Resolves when the import under way (if any) has finished. */
  async settled(): Promise<void> {
    await this.#running?.done;
  }
}

function emptyProgress(): ImportProgress {
  return {
    runId: 0,
    total: 0,
    done: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    currentFile: null,
    lettersPerSecond: 0,
    elapsedMs: 0,
  };
}
