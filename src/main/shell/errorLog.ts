/** Errors the user never sees in a console go to a log file in the app's data folder. */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type ErrorLog = (context: string, error: unknown) => void;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  return JSON.stringify(error) ?? String(error);
}

/** A log that appends one timestamped entry per error; logging never throws. */
export function createErrorLog(file: string, now: () => Date = () => new Date()): ErrorLog {
  return (context, error) => {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${now().toISOString()} ${context}: ${describe(error)}\n`);
    } catch {
      // Nowhere left to report a failure to log; the app carries on.
    }
  };
}

export interface ErrorSource {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/** Main-process errors that escaped every handler are logged instead of ending the app. */
export function logUncaughtErrors(source: ErrorSource, log: ErrorLog): void {
  source.on('uncaughtException', (error) => log('uncaught exception', error));
  source.on('unhandledRejection', (error) => log('unhandled rejection', error));
}
