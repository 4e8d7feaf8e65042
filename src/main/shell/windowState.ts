/**
 * The window comes back where it was left: its normal bounds and maximized state in a
 * small JSON file. A missing or corrupt file, or bounds on a display no longer attached,
 * fall back to a default size centred on the primary display.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Bounds;
  readonly maximized: boolean;
}

/** Where to open the window; no x/y lets the system centre it. */
export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the window must be on a display for it to stay on that display. */
const GRIP = { width: 120, height: 40 } as const;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function readWindowState(file: string): WindowState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { bounds, maximized } = parsed as { bounds?: Record<string, unknown>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

/** Written beside the target and renamed over it, so a crash mid-write leaves the old state. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The placement for a saved state on the displays attached now (their work areas, primary first). */
export function placeWindow(saved: WindowState | null, workAreas: readonly Bounds[]): WindowPlacement {
  const primary = workAreas[0];
  const fitted = (area: Bounds | undefined, width: number, height: number) => ({
    width: Math.max(MIN_SIZE.width, Math.min(width, area?.width ?? width)),
    height: Math.max(MIN_SIZE.height, Math.min(height, area?.height ?? height)),
  });
  if (saved) {
    const display = workAreas.find((area) => {
      const shared = overlap(saved.bounds, area);
      return shared.width >= Math.min(GRIP.width, saved.bounds.width) && shared.height >= Math.min(GRIP.height, saved.bounds.height);
    });
    if (display) {
      // Moved only as far as it takes to be wholly on that display.
      const size = fitted(display, saved.bounds.width, saved.bounds.height);
      const x = Math.max(display.x, Math.min(saved.bounds.x, display.x + display.width - size.width));
      const y = Math.max(display.y, Math.min(saved.bounds.y, display.y + display.height - size.height));
      return { x, y, ...size, maximized: saved.maximized };
    }
  }
  return { ...fitted(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: saved?.maximized ?? false };
}

export interface TrackedWindow {
  getNormalBounds(): Bounds;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves the window's state as it closes; a failed write costs only the remembered position. */
export function rememberWindowState(window: TrackedWindow, file: string, onError: (error: unknown) => void): void {
  window.on('close', () => {
    try {
      writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      onError(error);
    }
  });
}
