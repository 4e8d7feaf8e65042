/**
 * The boundary every call crosses, from IPC or HTTP: the method must exist, its arguments
 * must match the contract's schema, and any failure comes back as a typed ApiError.
 */
import { z } from 'zod';
import { API_ARGS } from '../../shared/apiSchema.ts';
import type { ApiError, ApiMethod, ApiResponse, ImrApi } from '../../shared/api.ts';
import {
  ChangeConflictError,
  InvalidEditError,
  LibraryOpenError,
  LetterReadOnlyError,
  NotFoundError,
  ReviewerNotSetError,
  StaleRevisionError,
  UndoUnavailableError,
} from '../storage/index.ts';
import { ExportFileError, FileSystemStuckError, ForeignFilesError } from '../export/index.ts';

function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API_ARGS, name);
}

export async function dispatch(handlers: ImrApi, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'invalid-arguments', message: `Unknown API method ${JSON.stringify(method)}` } };
  }
  const parsed = API_ARGS[method].safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-arguments', message: `${method}: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const call = handlers[method] as (...callArgs: unknown[]) => Promise<unknown>;
    return { ok: true, result: await call(...(parsed.data as unknown[])) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/** Every failure a service can report, as the code the UI acts on. */
export function toApiError(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NotFoundError) return { code: 'not-found', message };
  if (error instanceof LetterReadOnlyError) return { code: 'read-only', message };
  if (error instanceof InvalidEditError) return { code: 'invalid-edit', message };
  if (error instanceof StaleRevisionError) return { code: 'stale', message };
  if (error instanceof ChangeConflictError || error instanceof UndoUnavailableError) return { code: 'cannot-undo', message };
  if (error instanceof ReviewerNotSetError) return { code: 'reviewer-not-set', message };
  if (error instanceof LibraryOpenError) return { code: 'cannot-open', message };
  if (error instanceof ForeignFilesError) return { code: 'foreign-files', message };
  if (error instanceof ExportFileError || error instanceof FileSystemStuckError) return { code: 'cannot-write', message };
  return { code: 'internal', message };
}
