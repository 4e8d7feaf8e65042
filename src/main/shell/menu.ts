/**
 * The application menu. Keys the renderer already handles (single letters, Ctrl+Z) are
 * shown but not registered, so typing in a field and the page's own shortcuts keep
 * working; menu-only commands register their accelerators.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../shared/api.ts';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  openLibrary(): void;
  newLibrary(): void;
  /** Passes a command to the renderer. */
  send(command: ShellCommand): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly productName: string;
  /** Reload and DevTools, while developing. */
  readonly developer: boolean;
}

function command(label: string, accelerator: string, send: () => void, registered = true): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: registered, click: send };
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (name: ShellCommand) => () => actions.send(name);
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Import Files…', 'CmdOrCtrl+I', actions.importFiles),
      command('Import Folder…', 'CmdOrCtrl+Shift+I', actions.importFolder),
      command('Export…', 'CmdOrCtrl+E', send('showExport')),
      { type: 'separator' },
      command('Open Database…', 'CmdOrCtrl+O', actions.openLibrary),
      command('New Database…', 'CmdOrCtrl+Shift+N', actions.newLibrary),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'CmdOrCtrl+Z', send('undo'), false),
      command('Redo', 'CmdOrCtrl+Shift+Z', send('redo'), false),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find', 'CmdOrCtrl+F', send('find')),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Next Letter', 'J', send('nextLetter'), false),
      command('Insights', 'Shift+I', send('showInsights'), false),
      command('Quality', 'Shift+Q', send('showQuality'), false),
      command('Team', 'Shift+T', send('showTeam'), false),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.developer ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools', accelerator: 'F12' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('Keyboard Shortcuts', '?', send('showShortcuts'), false)],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: options.productName,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}
