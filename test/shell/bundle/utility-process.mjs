// A stand-in for Electron's utilityProcess: fork() runs the module in a Node child process whose
// process.parentPort (what a utility process talks to its parent through) rides on Node's IPC.
import { fork as forkChild } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

const SHIM = fileURLToPath(new URL('./parent-port.mjs', import.meta.url));

export function fork(modulePath, args = [], options = {}) {
  const child = forkChild(modulePath, args, { execArgv: [...(options.execArgv ?? []), '--import', SHIM], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const utility = new EventEmitter();
  child.on('message', (message) => utility.emit('message', message));
  child.on('exit', (code) => utility.emit('exit', code ?? 1));
  utility.postMessage = (message) => child.connected && child.send(message);
  utility.kill = () => child.kill();
  return utility;
}

export const utilityProcess = { fork };
