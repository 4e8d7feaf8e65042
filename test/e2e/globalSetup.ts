/** Builds the app once before the specs run (every spec serves the same out/renderer) and clears old screenshots. */
import { rmSync } from 'node:fs';
import { buildApp } from './server.ts';
import { SCREENS_DIR } from './helpers.ts';

export default function globalSetup(): void {
  rmSync(SCREENS_DIR, { recursive: true, force: true });
  buildApp();
}
