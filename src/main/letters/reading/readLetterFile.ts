/** Reads one letter file (PDF or text) into a LetterSource, or throws a LetterReadError. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LetterSource } from '../../../shared/source.ts';
import { decodeLetterText } from './decodeText.ts';
import { fileSystemPath, readableName } from './fileNames.ts';
import { LetterReadError } from './LetterReadError.ts';

export interface ReadLetterOptions {
  /** Larger files are refused before reading (default 50 MB). */
  readonly maxBytes?: number;
  /** PDF text extraction is abandoned after this long (default 60 s). */
  readonly pdfTimeoutMs?: number;
  /** The file's bytes and their SHA-256, when the caller has read and hashed them already (the import reads each file once). */
  readonly read?: { readonly bytes: Uint8Array; readonly sha256: string };
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_PDF_TIMEOUT_MS = 60_000;
const PDF_SIGNATURE = Buffer.from('%PDF', 'latin1');

export async function readLetterFile(path: string, options: ReadLetterOptions = {}): Promise<LetterSource> {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new LetterReadError('not-found', String(path), 'no file path was given');
  }
  const maxBytes = positiveOr(options.maxBytes, DEFAULT_MAX_BYTES);
  const size = options.read?.bytes.length ?? (await regularFileSize(path));
  const extension = extname(path).toLowerCase();
  if (extension !== '.pdf' && extension !== '.txt') {
    const type = extension ? `"${extension}" files are not letters` : 'a file without an extension is not a letter';
    throw new LetterReadError('unsupported-type', path, `${type}; only .pdf and .txt can be read`);
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  const bytes = options.read
    ? Buffer.from(options.read.bytes.buffer, options.read.bytes.byteOffset, options.read.bytes.byteLength)
    : await readFile(fileSystemPath(path)).catch((error: unknown) => {
        throw fileSystemError(path, error);
      });
  if (bytes.length > maxBytes) throw tooLarge(path, bytes.length, maxBytes);
  if (bytes.every(isAsciiWhiteSpace)) throw new LetterReadError('empty-file', path, 'the file is empty');

  const common = { path: readableName(path), fileName: readableName(basename(path)), size: bytes.length, sha256: options.read?.sha256 ?? createHash('sha256').update(bytes).digest('hex') };
  // Content decides: a PDF saved as .txt is still read as a PDF.
  if (startsWith(bytes, PDF_SIGNATURE)) {
    // pdf.js is loaded when a PDF is first read: a process that reads none (the import's storing
    // thread, a command that only reads text files) never pays its tens of megabytes.
    const { extractPdfText } = await import('./extractPdfText.ts');
    const pdf = await extractPdfText(bytes, positiveOr(options.pdfTimeoutMs, DEFAULT_PDF_TIMEOUT_MS));
    if (!pdf.ok) throw new LetterReadError(pdf.code, path, pdf.reason, { cause: pdf.cause });
    return { ...common, kind: 'pdf', text: pdf.text, pageOffsets: pdf.pageOffsets, encoding: null, pdf: { bytes, layout: pdf.layout } };
  }
  if (extension === '.pdf') {
    throw new LetterReadError('corrupt-pdf', path, 'the file is not a PDF (it does not start with %PDF)');
  }
  const decoded = decodeLetterText(bytes);
  if (!decoded.ok) throw new LetterReadError(decoded.code, path, decoded.reason);
  return { ...common, kind: 'text', text: decoded.text, pageOffsets: formFeedPages(decoded.text), encoding: decoded.encoding };
}

/**
 * Where each page of a text file starts: text saved from a PDF (pdftotext) ends every page
 * with a form feed; a feed with nothing after it ends the last page.
 */
function formFeedPages(text: string): number[] {
  const offsets = [0];
  const nonSpace = /\S/g;
  for (let feed = text.indexOf('\f'); feed >= 0; feed = text.indexOf('\f', feed + 1)) {
    nonSpace.lastIndex = feed + 1;
    if (nonSpace.exec(text) !== null) offsets.push(feed + 1);
  }
  return offsets;
}

async function regularFileSize(path: string): Promise<number> {
  const stats = await stat(fileSystemPath(path)).catch((error: unknown) => {
    throw fileSystemError(path, error);
  });
  if (stats.isDirectory()) throw new LetterReadError('unreadable', path, 'this is a folder, not a file');
  // Pipes and devices could block a read forever.
  if (!stats.isFile()) throw new LetterReadError('unreadable', path, 'this is not a regular file');
  return stats.size;
}

function fileSystemError(path: string, error: unknown): LetterReadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new LetterReadError('not-found', path, 'the file does not exist', { cause: error });
  if (code === 'EACCES' || code === 'EPERM') {
    return new LetterReadError('unreadable', path, 'permission to read the file was denied', { cause: error });
  }
  if (code === 'EISDIR') return new LetterReadError('unreadable', path, 'this is a folder, not a file', { cause: error });
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new LetterReadError('unreadable', path, `the file could not be read${detail}`, { cause: error });
}

function tooLarge(path: string, size: number, maxBytes: number): LetterReadError {
  return new LetterReadError('too-large', path, `the file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit`);
}

/** A size as people read it: bytes, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function isAsciiWhiteSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}
