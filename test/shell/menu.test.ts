/** The application menu: the usual commands with their accelerators, each reaching its action. */
import type { MenuItemConstructorOptions } from 'electron';
import { expect, test } from 'vitest';
import type { ShellCommand } from '../../src/shared/api.ts';
import type { MenuActions } from '../../src/main/shell/menu.ts';
import { menuTemplate } from '../../src/main/shell/menu.ts';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    importFiles: () => calls.push('importFiles'),
    importFolder: () => calls.push('importFolder'),
    openLibrary: () => calls.push('openLibrary'),
    newLibrary: () => calls.push('newLibrary'),
    send: (command: ShellCommand) => calls.push(`send:${command}`),
  };
  return { actions, calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...items(Array.isArray(menu.submenu) ? menu.submenu : [])]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

const options = { platform: 'linux' as const, productName: 'IMR Review Workstation', developer: false };

test('every command has its accelerator; keys the page handles are shown but left to the page', () => {
  const template = menuTemplate(recordingActions().actions, options);
  const shortcuts = Object.fromEntries(
    ['Import Files…', 'Import Folder…', 'Export…', 'Open Database…', 'New Database…', 'Undo', 'Redo', 'Find', 'Next Letter', 'Insights', 'Keyboard Shortcuts'].map((label) => {
      const item = byLabel(template, label);
      return [label, `${item.accelerator}${item.registerAccelerator === false ? ' (page)' : ''}`];
    }),
  );
  expect(shortcuts).toEqual({
    'Import Files…': 'CmdOrCtrl+I',
    'Import Folder…': 'CmdOrCtrl+Shift+I',
    'Export…': 'CmdOrCtrl+E',
    'Open Database…': 'CmdOrCtrl+O',
    'New Database…': 'CmdOrCtrl+Shift+N',
    Undo: 'CmdOrCtrl+Z (page)',
    Redo: 'CmdOrCtrl+Shift+Z (page)',
    Find: 'CmdOrCtrl+F',
    'Next Letter': 'J (page)',
    Insights: 'Shift+I (page)',
    'Keyboard Shortcuts': '? (page)',
  });
  expect(items(template).find((item) => item.role === 'quit')).toMatchObject({ accelerator: 'CmdOrCtrl+Q' });
  expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'help']);
});

test('clicking an item runs its action or sends its command to the renderer', () => {
  const { actions, calls } = recordingActions();
  const template = menuTemplate(actions, options);
  for (const label of ['Import Files…', 'Import Folder…', 'Export…', 'Open Database…', 'New Database…', 'Undo', 'Redo', 'Find', 'Next Letter', 'Insights', 'Quality', 'Team', 'Keyboard Shortcuts']) {
    const click = byLabel(template, label).click as () => void;
    click();
  }
  expect(calls).toEqual([
    'importFiles',
    'importFolder',
    'send:showExport',
    'openLibrary',
    'newLibrary',
    'send:undo',
    'send:redo',
    'send:find',
    'send:nextLetter',
    'send:showInsights',
    'send:showQuality',
    'send:showTeam',
    'send:showShortcuts',
  ]);
});

test('macOS gets the app menu and the window menu; developer tools only while developing', () => {
  const mac = menuTemplate(recordingActions().actions, { ...options, platform: 'darwin' });
  expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['IMR Review Workstation', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  expect(items(mac).filter((item) => item.role === 'toggleDevTools')).toHaveLength(0);
  const developing = menuTemplate(recordingActions().actions, { ...options, developer: true });
  expect(items(developing).filter((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toHaveLength(2);
});
