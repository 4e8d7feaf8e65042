/**
 * Where the desktop app keeps its library: the same folder Electron's
 * app.getPath('userData') gives for this product name, so the CLI and the app open
 * the same file by default.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'IMR Review Workstation';
export const LIBRARY_FILE_NAME = 'library.sqlite';

function appDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultLibraryPath(): string {
  return path.join(appDataFolder(), LIBRARY_FILE_NAME);
}
